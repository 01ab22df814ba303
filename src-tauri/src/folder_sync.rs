//! Syncing through the shared folder set in Settings, without anyone remembering to: a
//! background task runs a pass when one is due (every `sync_every_hours`), a manager's also when
//! the folder changed (polled: network drives send no change events), and the app runs one last
//! pass when it quits. The pass itself is `kring_api::commands::sync`; each one ends with a
//! `sync-finished` event carrying the new status. The same task applies the retention rules at
//! start-up and when the day changes (`kring_api::commands::protection::retention_if_due`).

use crate::state::AppState;
use kring_api::commands::{protection, sync};
use kring_core::sync::folder::{FolderFingerprint, SyncStatus};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

/// Sent after every pass, scheduled or asked for.
#[derive(Clone, Debug, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncFinished {
    pub status: SyncStatus,
}

/// Progress of a running import, sent as the `import-progress` event.
#[derive(Clone, Debug, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub done: u64,
    pub total: u64,
}

/// Sends what commands announce to the window as events.
pub struct WindowEvents(pub AppHandle);

impl kring_api::Announce for WindowEvents {
    fn import_progress(&self, done: u64, total: u64) {
        let _ = ImportProgress { done, total }.emit(&self.0);
    }

    fn sync_finished(&self, status: &SyncStatus) {
        let status = status.clone();
        let _ = SyncFinished { status }.emit(&self.0);
    }
}

/// How often the background task looks at the schedule and the folder.
const TICK: std::time::Duration = std::time::Duration::from_secs(60);

/// Starts the background task.
pub fn start_schedule(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let fingerprint: Arc<Mutex<Option<FolderFingerprint>>> = Arc::default();
        let retention_day: Arc<Mutex<Option<chrono::NaiveDate>>> = Arc::default();
        loop {
            let seen = Arc::clone(&fingerprint);
            let day = Arc::clone(&retention_day);
            let _ = app
                .state::<AppState>()
                .run(move |session| {
                    // What the rules removed is in the processing log; a failure is tried again
                    // on the next tick.
                    let _ = protection::retention_if_due(session, &day);
                    if sync::due(session, &seen)? {
                        // A failed pass is recorded in the store's sync status; the event shows it.
                        let _ = sync::pass(session);
                        sync::announce(session);
                    }
                    Ok(())
                })
                .await;
            tokio::time::sleep(TICK).await;
        }
    });
}

/// The last pass when the app quits, so that the day's work reaches the folder.
pub fn pass_on_quit(app: &AppHandle) {
    let state = app.state::<AppState>();
    state.run_blocking(|session| sync::pass(session).map(|_| ()));
}

//! Syncing through the shared folder set in Settings, without anyone remembering to: a
//! background task runs a pass when one is due (every `sync_every_hours`), a manager's also when
//! the folder changed (polled: network drives send no change events), and the app runs one last
//! pass when it quits, all on the user's own store even while the demo is open. The pass itself is `kring_api::commands::sync`; each one ends with a
//! `sync-finished` event carrying the new status. The same task applies the retention rules at
//! start-up and when the day changes (`kring_api::commands::protection::retention_if_due`).

use crate::state::AppState;
use kring_api::commands::sync;
use kring_core::sync::folder::SyncStatus;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
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

/// Progress of a running compaction (Settings › Disk space), sent as the `compaction-progress`
/// event: entries copied into the fresh database, of all of them.
#[derive(Clone, Debug, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct CompactionProgress {
    pub done: u64,
    pub total: u64,
}

/// Sends what commands announce to the window as events.
pub struct WindowEvents(pub AppHandle);

impl kring_api::Announce for WindowEvents {
    fn import_progress(&self, done: u64, total: u64) {
        let _ = ImportProgress { done, total }.emit(&self.0);
    }

    fn compaction_progress(&self, done: u64, total: u64) {
        let _ = CompactionProgress { done, total }.emit(&self.0);
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
        let schedule: Arc<sync::Schedule> = Arc::default();
        loop {
            let schedule = Arc::clone(&schedule);
            // On the user's own store even while the demo is open (see `sync::scheduled`).
            let _ = app
                .state::<AppState>()
                .run_in(move |workspace| sync::scheduled(workspace, &schedule))
                .await;
            tokio::time::sleep(TICK).await;
        }
    });
}

/// The last pass when the app quits, so that the day's work reaches the folder.
pub fn pass_on_quit(app: &AppHandle) {
    let state = app.state::<AppState>();
    state.run_blocking(|workspace| sync::pass(&*workspace.real()?).map(|_| ()));
}

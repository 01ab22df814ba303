//! Syncing through the shared folder set in Settings, without anyone remembering to: a
//! background task runs a pass when one is due (every `sync_every_hours`), a manager's also when
//! the folder changed (polled: network drives send no change events), and the app runs one last
//! pass when it quits. Passes never overlap and never block the window; each one ends with a
//! `sync-finished` event carrying the new status.

use crate::error::{AppError, AppResult};
use crate::state::{AppState, Session};
use chrono::{Duration, Utc};
use kring_core::model::Role;
use kring_core::sync::folder::{FolderFingerprint, SyncFolder, SyncReport, SyncStatus};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

/// Sent after every pass, scheduled or asked for.
#[derive(Clone, Debug, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncFinished {
    pub status: SyncStatus,
}

/// How often the background task looks at the schedule and the folder.
const TICK: std::time::Duration = std::time::Duration::from_secs(60);

/// Only one pass at a time, whoever starts it.
pub struct PassLock(Mutex<()>);

impl PassLock {
    pub fn new() -> PassLock {
        PassLock(Mutex::new(()))
    }
}

fn folder_of(session: &Session) -> AppResult<Option<SyncFolder>> {
    Ok(session
        .store
        .settings()?
        .sync_folder
        .filter(|f| !f.trim().is_empty())
        .map(|f| SyncFolder::new(f.trim())))
}

/// One pass now, if a folder is set. Blocking: call it on the blocking pool.
pub fn pass(session: &Session, lock: &PassLock) -> AppResult<Option<SyncReport>> {
    let _one_at_a_time = lock.0.lock().unwrap_or_else(|p| p.into_inner());
    let Some(folder) = folder_of(session)? else {
        return Ok(None);
    };
    let report = folder
        .sync_once(&session.store, Utc::now())
        .map_err(|e| AppError::new(e.code(), crate::error::capitalised(&e.to_string())))?;
    if report.did_something() {
        session.cards_replaced();
    }
    Ok(Some(report))
}

pub fn status(session: &Session) -> AppResult<SyncStatus> {
    let now = Utc::now();
    Ok(match folder_of(session)? {
        Some(folder) => folder.status(&session.store, now)?,
        None => kring_core::sync::folder::status(
            &session.store,
            now,
            kring_core::sync::folder::DEFAULT_STALE_DAYS,
        )?,
    })
}

/// Whether the background task should run a pass now.
fn due(session: &Session, last_fingerprint: &Mutex<Option<FolderFingerprint>>) -> AppResult<bool> {
    let Some(folder) = folder_of(session)? else {
        return Ok(false);
    };
    let settings = session.store.settings()?;
    let every = Duration::hours(i64::from(settings.sync_every_hours.max(1)));
    if status(session)?.is_due(every, Utc::now()) {
        return Ok(true);
    }
    let manager = session
        .store
        .profile()?
        .is_some_and(|p| p.role == Role::Manager);
    if manager {
        let fingerprint = folder.fingerprint();
        let mut last = last_fingerprint.lock().unwrap_or_else(|p| p.into_inner());
        let changed = last.as_ref().is_some_and(|last| *last != fingerprint);
        *last = Some(fingerprint);
        return Ok(changed);
    }
    Ok(false)
}

/// Starts the background task.
pub fn start_schedule(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let fingerprint: Arc<Mutex<Option<FolderFingerprint>>> = Arc::default();
        loop {
            let handle = app.clone();
            let seen = Arc::clone(&fingerprint);
            let ran = app
                .state::<AppState>()
                .run(move |session| {
                    if !due(session, &seen)? {
                        return Ok(false);
                    }
                    // A failed pass is recorded in the store's sync status; the event shows it.
                    let _ = pass(session, &handle.state::<PassLock>());
                    Ok(true)
                })
                .await;
            if ran.unwrap_or(false) {
                announce(&app).await;
            }
            tokio::time::sleep(TICK).await;
        }
    });
}

/// Sends the current status to the window.
pub async fn announce(app: &AppHandle) {
    let state = app.state::<AppState>();
    if let Ok(status) = state.run(status).await {
        let _ = SyncFinished { status }.emit(app);
    }
}

/// The last pass when the app quits, so that the day's work reaches the folder.
pub fn pass_on_quit(app: &AppHandle) {
    let state = app.state::<AppState>();
    let lock = app.state::<PassLock>();
    state.run_blocking(|session| pass(session, &lock).map(|_| ()));
}

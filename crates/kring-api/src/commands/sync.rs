//! Syncing through the shared folder set in Settings: one pass (`pass`), the folder's state
//! (`status`), and whether a pass is due (`due`, asked every minute by the app's background
//! task). Passes never overlap, whoever starts them.

use crate::error::{AppError, AppResult};
use crate::session::Session;
use chrono::Duration;
use kring_core::model::Role;
use kring_core::sync::folder::{FolderFingerprint, SyncFolder, SyncReport, SyncStatus};
use std::sync::Mutex;

fn folder_of(session: &Session) -> AppResult<Option<SyncFolder>> {
    Ok(session
        .store
        .settings()?
        .sync_folder
        .filter(|f| !f.trim().is_empty())
        .map(|f| SyncFolder::new(f.trim())))
}

/// One pass now, if a folder is set.
pub fn pass(session: &Session) -> AppResult<Option<SyncReport>> {
    let _one_at_a_time = session.sync_pass.lock().unwrap_or_else(|p| p.into_inner());
    let Some(folder) = folder_of(session)? else {
        return Ok(None);
    };
    // Refused here too (the core refuses as well) for the app's wording of the way out.
    session.store.refuse_if_demo("synced")?;
    let report = folder
        .sync_once(&session.store, session.now())
        .map_err(|e| AppError::failed(crate::error::capitalised(&e.to_string())))?;
    Ok(Some(report))
}

/// The folder's state: what was imported and written, who has not synced for a while.
pub fn status(session: &Session) -> AppResult<SyncStatus> {
    let now = session.now();
    Ok(match folder_of(session)? {
        Some(folder) => folder.status(&session.store, now)?,
        None => kring_core::sync::folder::status(
            &session.store,
            now,
            kring_core::sync::folder::DEFAULT_STALE_DAYS,
        )?,
    })
}

/// Sends the folder's state to whoever listens (the window).
pub fn announce(session: &Session) {
    if let Ok(status) = status(session) {
        session.announce().sync_finished(&status);
    }
}

/// Whether a background pass should run now: one is due by the schedule, or (for a manager) the
/// folder changed since `last_fingerprint` was taken.
pub fn due(
    session: &Session,
    last_fingerprint: &Mutex<Option<FolderFingerprint>>,
) -> AppResult<bool> {
    let Some(folder) = folder_of(session)? else {
        return Ok(false);
    };
    let settings = session.store.settings()?;
    let every = Duration::hours(i64::from(settings.sync_every_hours.max(1)));
    if status(session)?.is_due(every, session.now()) {
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

//! Syncing through the shared folder set in Settings: one pass (`pass`), the folder's state
//! (`status`), whether a pass is due (`due`), and the app's scheduled work (`scheduled`, run
//! every minute by its background task on the user's own store, whatever the window shows).
//! Passes never overlap, whoever starts them.

use crate::error::{AppError, AppResult};
use crate::session::Session;
use crate::worded::InLanguage;
use crate::workspace::Workspace;
use chrono::{Duration, NaiveDate};
use kring_core::model::Role;
use kring_core::sync::folder::{FolderFingerprint, SyncFolder, SyncReport, SyncStatus};
use std::sync::Mutex;

fn folder_of(session: &Session) -> AppResult<Option<SyncFolder>> {
    Ok(session
        .store
        .settings()?
        .sync_folder
        .filter(|f| !f.trim().is_empty())
        // A pass words a skipped file's reason and its error in the person's language.
        .map(|f| SyncFolder::new(f.trim()).speaking(session.language())))
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
        .map_err(|e| AppError::failed("").worded(|language| e.message(language)))?;
    Ok(Some(report.in_language(session.language())))
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

/// What the app's background task remembers between ticks.
#[derive(Default)]
pub struct Schedule {
    /// The sync folder as last seen (a manager's pass runs when it changes).
    pub fingerprint: Mutex<Option<FolderFingerprint>>,
    /// The day the retention rules last ran.
    pub retention_day: Mutex<Option<NaiveDate>>,
}

/// The scheduled work of one tick, always on the user's own store (`Workspace::real`), never on
/// the demo sandbox: the retention rules when the day changed, and a sync pass when one is due.
/// So the real store keeps syncing for as long as the demo stays open (the sandbox is never
/// synced). Answers the pass's report when one ran; a failed pass is recorded in the store's
/// sync status. The window hears of it (`sync_finished`) only when it shows the real store.
pub fn scheduled(workspace: &Workspace, schedule: &Schedule) -> AppResult<Option<SyncReport>> {
    let real = &workspace.real()?;
    // What the rules removed is in the processing log; a failure is tried again next tick.
    let _ = super::protection::retention_if_due(real, &schedule.retention_day);
    if !due(real, &schedule.fingerprint)? {
        return Ok(None);
    }
    let report = pass(real);
    if !workspace.demo_open() {
        announce(real);
    }
    report
}

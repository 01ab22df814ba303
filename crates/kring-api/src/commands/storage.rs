//! What the store takes on disk, and compacting it from the app: the same compaction as
//! `kring compact` (`Store::compact`), so that a networker who forgot someone can take the bytes
//! off the disk without a terminal, and a manager can reclaim what merges left behind.
//!
//! Compacting closes the store to rewrite it, so it runs over the [`Workspace`]: it waits for
//! the commands still running (a sync pass, the card list being built) and the commands that
//! arrive meanwhile wait for the rewritten store (`Workspace::reopen_current`).

use crate::error::{AppError, AppResult};
use crate::session::Session;
use crate::workspace::Workspace;
use kring_core::compaction::{CompactError, DiskUsage};
use kring_core::store::OpenOptions;
use serde::Serialize;
use std::time::{Duration, Instant};

/// How long compacting waits for commands still running on the store before it says Kring is
/// busy and leaves the store as it is.
const PATIENCE: Duration = Duration::from_secs(20);

impl From<CompactError> for AppError {
    fn from(error: CompactError) -> AppError {
        match error {
            CompactError::Store(store) => store.into(),
            CompactError::Protection(protection) => protection.into(),
            CompactError::Sync(sync) => sync.into(),
        }
    }
}

/// What the store folder takes on disk, and whether compacting is due.
pub fn storage_status(session: &Session) -> AppResult<DiskUsage> {
    Ok(session.store.disk_usage()?)
}

/// What a compaction did.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct CompactionDone {
    /// sled's files before and after, in bytes.
    pub database_bytes_before: u64,
    pub database_bytes_after: u64,
    /// Backups rewritten without what was forgotten.
    pub backups_rewritten: u32,
    /// Files dropped because they held forgotten data: bundles held for approval and this
    /// store's own files in the sync folder.
    pub files_dropped: u32,
    /// How long it took, in milliseconds.
    pub milliseconds: u64,
    /// The person stopped it before the copy was complete: the database is as it was.
    pub stopped: bool,
    /// The store folder now.
    pub usage: DiskUsage,
}

/// Compacts the store commands run on (the demo sandbox's while it is open): rewrites its
/// database, its backups and its own sync files without what forgets and retention rules
/// removed, and opens it again. A store still busy after 20 s is left as it was.
/// `compaction` is the identity the window gave this compaction, new each time, which its Stop
/// names (`stop_compaction`).
pub fn compact_store(workspace: &Workspace, compaction: String) -> AppResult<CompactionDone> {
    compact_within(workspace, &compaction, PATIENCE)
}

/// Asks the compaction `compaction` to stop (Cancel in its dialog), under way or still to begin,
/// since the Stop can reach the app before the compaction does; nothing when it already ended.
pub fn stop_compaction(workspace: &Workspace, compaction: String) -> AppResult<()> {
    workspace.stop_compaction(&compaction);
    Ok(())
}

fn compact_within(
    workspace: &Workspace,
    compaction: &str,
    patience: Duration,
) -> AppResult<CompactionDone> {
    let done = compact_stopped_by(workspace, compaction, patience);
    workspace.compaction_ended(compaction);
    done
}

fn compact_stopped_by(
    workspace: &Workspace,
    compaction: &str,
    patience: Duration,
) -> AppResult<CompactionDone> {
    workspace.reopen_current(patience, |store, clock, announce| {
        let started = Instant::now();
        let mut progress = crate::session::every_tenth_of_a_second(|done, total| {
            announce.compaction_progress(done, total)
        });
        let stop = || workspace.compaction_stop_asked(compaction);
        let options = OpenOptions::default();
        match store.compact_stoppable(&options, clock.now(), &mut progress, &stop) {
            Ok((store, report)) => {
                let done = store.disk_usage().map(|usage| CompactionDone {
                    database_bytes_before: report.rewrite.bytes_before,
                    database_bytes_after: report.rewrite.bytes_after,
                    backups_rewritten: report.backups_rewritten.len() as u32,
                    files_dropped: (report.held_dropped.len() + report.sync_files_dropped.len())
                        as u32,
                    milliseconds: started.elapsed().as_millis() as u64,
                    stopped: report.rewrite.stopped,
                    usage,
                });
                (done.map_err(Into::into), Some(store))
            }
            Err(error) => (Err(error.into()), None),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Clock, Quiet};
    use std::sync::Arc;

    /// A manager's workspace over a new store in `dir`, its session announcing to `announce`.
    fn managers_workspace(
        dir: &tempfile::TempDir,
        announce: Box<dyn crate::session::Announce>,
    ) -> Workspace {
        let session = Session::open(&dir.path().join("store"), Clock::System, announce).unwrap();
        crate::commands::first_run(
            &session,
            "An Peeters".into(),
            "an@antwerpen.be".into(),
            kring_core::model::Role::Manager,
        )
        .unwrap();
        Workspace::over(session, Arc::new(Quiet))
    }

    #[test]
    fn a_store_still_in_use_is_not_compacted_and_answers_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = managers_workspace(&dir, Box::new(Quiet));
        // A command still running on the store (a sync pass, say).
        let running = workspace.real().unwrap();
        let refused = compact_within(&workspace, "first", Duration::from_millis(200)).unwrap_err();
        assert!(
            refused.message.contains("still busy"),
            "{}",
            refused.message
        );
        assert!(
            Arc::ptr_eq(&running, &workspace.real().unwrap()),
            "the same session goes on"
        );
        drop(running);
        let done = compact_within(&workspace, "second", Duration::from_millis(200)).unwrap();
        assert!(done.database_bytes_after > 0);
        assert!(crate::commands::app_status(&workspace.real().unwrap()).is_ok());
    }

    /// Keeps what a compaction announced.
    #[derive(Clone, Default)]
    struct Recorder(Arc<std::sync::Mutex<Vec<(u64, u64)>>>);

    impl crate::session::Announce for Recorder {
        fn compaction_progress(&self, done: u64, total: u64) {
            self.0.lock().unwrap().push((done, total));
        }
    }

    #[test]
    fn compacting_announces_its_progress_up_to_every_entry_it_copied() {
        let dir = tempfile::tempdir().unwrap();
        let recorder = Recorder::default();
        let workspace = managers_workspace(&dir, Box::new(recorder.clone()));
        compact_within(&workspace, "first", Duration::from_millis(200)).unwrap();
        let calls = recorder.0.lock().unwrap().clone();
        let last = *calls.last().expect("progress was announced");
        assert!(last.1 > 0, "{calls:?}");
        assert_eq!(
            last.0, last.1,
            "the last announcement is the whole: {calls:?}"
        );
        // The next compaction's session announces through the same receiver.
        compact_within(&workspace, "second", Duration::from_millis(200)).unwrap();
        assert!(recorder.0.lock().unwrap().len() > calls.len());
    }

    /// Presses Stop for the compaction `"pressed"` as a compaction announces its first progress
    /// (the window's Cancel).
    #[derive(Clone, Default)]
    struct StopAtOnce(Arc<std::sync::OnceLock<std::sync::Weak<Workspace>>>);

    impl crate::session::Announce for StopAtOnce {
        fn compaction_progress(&self, _done: u64, _total: u64) {
            if let Some(workspace) = self.0.get().and_then(std::sync::Weak::upgrade) {
                stop_compaction(&workspace, "pressed".into()).unwrap();
            }
        }
    }

    #[test]
    fn a_compaction_stopped_by_the_person_leaves_the_store_as_it_was_and_answering() {
        let dir = tempfile::tempdir().unwrap();
        let stopper = StopAtOnce::default();
        let workspace = Arc::new(managers_workspace(&dir, Box::new(stopper.clone())));
        let before = settled_status(&workspace);
        stopper.0.set(Arc::downgrade(&workspace)).unwrap();
        let stopped = compact_within(&workspace, "pressed", Duration::from_millis(200)).unwrap();
        assert!(stopped.stopped);
        assert_eq!(stopped.database_bytes_after, stopped.database_bytes_before);
        assert!(!dir.path().join("store/compact.new").exists());
        let after = settled_status(&workspace);
        assert_eq!(
            serde_json::to_value(&after).unwrap(),
            serde_json::to_value(&before).unwrap()
        );
    }

    /// The status once the card counts are in: they are counted in the background after the
    /// store opens, so a status taken before and one taken after could differ by that alone
    /// (a busy machine made this test fail once).
    fn settled_status(workspace: &Workspace) -> crate::wire::AppStatus {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let status = crate::commands::app_status(&workspace.real().unwrap()).unwrap();
            if status.counts_ready || std::time::Instant::now() > deadline {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_stop_that_reaches_the_app_before_its_compaction_has_begun_still_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = managers_workspace(&dir, Box::new(Quiet));
        // The window's Stop overtook its compaction on the way to the app.
        stop_compaction(&workspace, "pressed".into()).unwrap();
        let stopped = compact_within(&workspace, "pressed", Duration::from_millis(200)).unwrap();
        assert!(stopped.stopped, "the early Stop was lost");
        assert_eq!(stopped.database_bytes_after, stopped.database_bytes_before);
        assert!(!dir.path().join("store/compact.new").exists());
        assert!(crate::commands::app_status(&workspace.real().unwrap()).is_ok());
    }

    #[test]
    fn a_stop_for_an_earlier_compaction_does_not_stop_a_later_one() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = managers_workspace(&dir, Box::new(Quiet));
        let first = compact_within(&workspace, "first", Duration::from_millis(200)).unwrap();
        assert!(!first.stopped);
        // Stop pressed as the first compaction was ending: it arrives after its end.
        stop_compaction(&workspace, "first".into()).unwrap();
        let second = compact_within(&workspace, "second", Duration::from_millis(200)).unwrap();
        assert!(
            !second.stopped,
            "the first compaction's Stop stopped the second"
        );
        // Nor does a Stop for a compaction that is not this one, pressed before it began.
        stop_compaction(&workspace, "another".into()).unwrap();
        let third = compact_within(&workspace, "third", Duration::from_millis(200)).unwrap();
        assert!(!third.stopped);
        // A compaction's Stop is forgotten once it ended: the same identity, asked again
        // (which the window never does), compacts.
        stop_compaction(&workspace, "fourth".into()).unwrap();
        assert!(
            compact_within(&workspace, "fourth", Duration::from_millis(200))
                .unwrap()
                .stopped
        );
        assert!(
            !compact_within(&workspace, "fourth", Duration::from_millis(200))
                .unwrap()
                .stopped
        );
    }
}

//! Noticing new bundles in the sync folder: change notification (`notify`) where the file system
//! offers it, and polling a fingerprint of the folder's listing always, because network drives
//! (SMB, NFS) and some sync clients do not deliver notifications.

use super::{SyncFolder, KRING_DIR};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// The names, sizes and modification times of every file under `kring-sync/`. Two equal
/// fingerprints mean nothing was added, removed or rewritten in between (as far as the file
/// system's timestamps tell).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderFingerprint(Vec<(PathBuf, u64, Option<SystemTime>)>);

impl SyncFolder {
    /// The folder's fingerprint now (empty when it is unavailable). For an app that polls on its
    /// own timer: sync when it differs from the last one.
    pub fn fingerprint(&self) -> FolderFingerprint {
        let mut entries = Vec::new();
        collect(&self.root().join(KRING_DIR), 0, &mut entries);
        entries.sort();
        FolderFingerprint(entries)
    }
}

fn collect(dir: &Path, depth: usize, out: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if meta.is_dir() {
            if depth < 3 {
                collect(&path, depth + 1, out);
            }
        } else {
            out.push((path, meta.len(), meta.modified().ok()));
        }
    }
}

/// Why [`FolderWatcher::wait`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WakeReason {
    /// Something in the folder changed (a notification, or the polled fingerprint differs).
    Changed,
    /// The timeout passed with no change: time for a scheduled pass anyway.
    Timeout,
}

/// Watches a sync folder. Blocking: from async code, call [`FolderWatcher::wait`] on the blocking
/// pool (or poll [`SyncFolder::fingerprint`] on a timer instead).
pub struct FolderWatcher {
    folder: SyncFolder,
    events: Option<Receiver<()>>,
    // Kept alive for as long as the watcher: dropping it stops the notifications.
    _watcher: Option<notify::RecommendedWatcher>,
    poll: Duration,
    last: FolderFingerprint,
}

impl FolderWatcher {
    /// Starts watching. `poll` is how often the fingerprint is compared, notifications or not.
    /// When the folder cannot be watched (it is missing, or the platform refuses), polling alone
    /// carries on; [`FolderWatcher::notifications`] tells which.
    pub fn new(folder: &SyncFolder, poll: Duration) -> Self {
        use notify::Watcher;
        let (sender, receiver) = mpsc::channel();
        let watched = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok() {
                let _ = sender.send(());
            }
        })
        .ok()
        .and_then(|mut watcher| {
            let target = folder.root().join(KRING_DIR);
            let target = if target.is_dir() {
                target
            } else {
                folder.root().to_owned()
            };
            watcher
                .watch(&target, notify::RecursiveMode::Recursive)
                .ok()
                .map(|()| watcher)
        });
        let notifications = watched.is_some();
        FolderWatcher {
            last: folder.fingerprint(),
            folder: folder.clone(),
            events: notifications.then_some(receiver),
            _watcher: watched,
            poll: poll.max(Duration::from_millis(50)),
        }
    }

    /// Whether change notifications work for this folder (otherwise it is polling only).
    pub fn notifications(&self) -> bool {
        self.events.is_some()
    }

    /// Blocks until the folder changes or `timeout` passes. After a change it waits until the
    /// folder has been quiet for a moment (a sync client writing several files), at most a few
    /// seconds; a file still incomplete after that is skipped by the pass and tried again.
    pub fn wait(&mut self, timeout: Duration) -> WakeReason {
        let deadline = Instant::now() + timeout;
        loop {
            let now = Instant::now();
            if now >= deadline {
                return WakeReason::Timeout;
            }
            let slice = self.poll.min(deadline - now);
            let notified = match &self.events {
                Some(events) => match events.recv_timeout(slice) {
                    Ok(()) => true,
                    Err(RecvTimeoutError::Timeout) => false,
                    Err(RecvTimeoutError::Disconnected) => {
                        self.events = None;
                        false
                    }
                },
                None => {
                    std::thread::sleep(slice);
                    false
                }
            };
            if notified {
                self.settle();
            }
            let fingerprint = self.folder.fingerprint();
            if fingerprint != self.last {
                self.last = fingerprint;
                return WakeReason::Changed;
            }
        }
    }

    /// Drains notifications until none came for half a second (at most five seconds).
    fn settle(&mut self) {
        let Some(events) = &self.events else {
            return;
        };
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            match events.recv_timeout(Duration::from_millis(500)) {
                Ok(()) => continue,
                Err(_) => break,
            }
        }
    }

    /// Takes the folder as it is now as seen, so the store's own writes during a pass do not wake
    /// the next wait.
    pub fn mark_seen(&mut self) {
        if let Some(events) = &self.events {
            while events.try_recv().is_ok() {}
        }
        self.last = self.folder.fingerprint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_wakes_the_watcher_and_a_quiet_folder_times_out() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(KRING_DIR).join("masters")).unwrap();
        let folder = SyncFolder::new(dir.path());
        let mut watcher = FolderWatcher::new(&folder, Duration::from_millis(100));
        assert_eq!(
            watcher.wait(Duration::from_millis(300)),
            WakeReason::Timeout
        );
        let file = dir.path().join(KRING_DIR).join("masters").join("x.kring");
        std::fs::write(&file, b"new").unwrap();
        assert_eq!(watcher.wait(Duration::from_secs(10)), WakeReason::Changed);
        watcher.mark_seen();
        assert_eq!(
            watcher.wait(Duration::from_millis(300)),
            WakeReason::Timeout
        );
    }
}

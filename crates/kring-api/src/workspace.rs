//! What the app has open: the session over the user's own store and, while the demo is open, the
//! session over its demo sandbox (`kring_core::demo::open_sandbox`, a store of its own beside the
//! real one). Every command runs on [`Workspace::current`]; only opening, leaving and removing the
//! demo (`commands::sandbox`) switch between the two, so the demo never writes to the real store.

use crate::error::{AppError, AppResult};
use crate::session::{Announce, Clock, Session};
use kring_core::sync::folder::SyncStatus;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// The real store's session and the demo sandbox's while it is open.
pub struct Workspace {
    real: Arc<Session>,
    demo: Mutex<Option<Arc<Session>>>,
    announce: Arc<dyn Announce>,
}

/// Passes what a session announces on to the workspace's one receiver (the window).
struct Relay(Arc<dyn Announce>);

impl Announce for Relay {
    fn import_progress(&self, done: u64, total: u64) {
        self.0.import_progress(done, total)
    }

    fn sync_finished(&self, status: &SyncStatus) {
        self.0.sync_finished(status)
    }
}

impl Workspace {
    /// Opens the user's store in `path`; the demo is not open.
    pub fn open(path: &Path, clock: Clock, announce: Arc<dyn Announce>) -> AppResult<Workspace> {
        let real = Session::open(path, clock, Box::new(Relay(Arc::clone(&announce))))?;
        Ok(Workspace::over(real, announce))
    }

    /// A workspace over a session already open (tests, the development bridge).
    pub fn over(real: Session, announce: Arc<dyn Announce>) -> Workspace {
        Workspace {
            real: Arc::new(real),
            demo: Mutex::new(None),
            announce,
        }
    }

    /// The session commands run on: the demo sandbox's while it is open, else the real store's.
    pub fn current(&self) -> Arc<Session> {
        match self.demo().as_ref() {
            Some(demo) => Arc::clone(demo),
            None => Arc::clone(&self.real),
        }
    }

    /// The session over the user's own store, whatever is open.
    pub fn real(&self) -> &Arc<Session> {
        &self.real
    }

    pub(crate) fn demo(&self) -> MutexGuard<'_, Option<Arc<Session>>> {
        self.demo.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A session over the sandbox store `store`, announcing where the real one does.
    pub(crate) fn sandbox_session(&self, store: kring_core::store::Store) -> Session {
        Session::new(
            store,
            self.real.clock(),
            Box::new(Relay(Arc::clone(&self.announce))),
        )
    }
}

/// Waits until nobody else holds `session` (a command still running on it, the background
/// warm-up), then closes it, so that its store's folder can be removed. Gives up after `patience`.
pub(crate) fn close(mut session: Arc<Session>, patience: std::time::Duration) -> AppResult<()> {
    let deadline = std::time::Instant::now() + patience;
    loop {
        match Arc::try_unwrap(session) {
            Ok(session) => {
                drop(session);
                return Ok(());
            }
            Err(held) if std::time::Instant::now() < deadline => {
                session = held;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(_) => {
                return Err(AppError::failed(
                    "The demo is still busy with something: try removing it again in a moment.",
                ))
            }
        }
    }
}

//! The app's one managed state: the session over the open store, or why it could not be opened
//! (every command answers that error until the app restarts). Commands run on Tauri's blocking
//! pool so that the window never waits on the disk.

use kring_api::{Announce, AppError, AppResult, Clock, Session};
use std::path::Path;
use std::sync::Arc;

pub struct AppState {
    session: Result<Arc<Session>, AppError>,
}

impl AppState {
    /// Opens the store in `path` and, in the background, loads its search index and card list.
    pub fn open(path: &Path, announce: Box<dyn Announce>) -> AppState {
        let session = Session::open(path, Clock::System, announce).map(Arc::new);
        if let Ok(session) = &session {
            session.warm_up_in_background();
        }
        AppState { session }
    }

    /// Runs a command off the main thread.
    pub async fn run<T: Send + 'static>(
        &self,
        command: impl FnOnce(&Session) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let session = self.session.clone()?;
        tauri::async_runtime::spawn_blocking(move || command(&session))
            .await
            .map_err(|e| AppError::failed(format!("The operation stopped: {e}")))?
    }

    /// Runs a command on this thread (when the app quits and no runtime is left to wait on).
    pub fn run_blocking(&self, command: impl FnOnce(&Session) -> AppResult<()>) {
        if let Ok(session) = &self.session {
            let _ = command(session);
        }
    }
}

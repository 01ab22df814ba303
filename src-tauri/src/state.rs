//! The app's one managed state: the workspace (the session over the user's store and, while the
//! demo is open, over its sandbox), or why the store could not be opened (every command answers
//! that error until the app restarts). Commands run on Tauri's blocking pool so that the window
//! never waits on the disk.

use kring_api::{Announce, AppError, AppResult, Clock, Session, Workspace};
use std::path::Path;
use std::sync::Arc;

pub struct AppState {
    workspace: Result<Arc<Workspace>, AppError>,
}

impl AppState {
    /// Opens the store in `path` and, in the background, loads its search index and card list.
    pub fn open(path: &Path, announce: Arc<dyn Announce>) -> AppState {
        let workspace = Workspace::open(path, Clock::System, announce).map(Arc::new);
        if let Ok(Ok(session)) = workspace.as_ref().map(|w| w.real()) {
            session.warm_up_in_background();
        }
        AppState { workspace }
    }

    /// Runs a command off the main thread, on the session the workspace has open.
    pub async fn run<T: Send + 'static>(
        &self,
        command: impl FnOnce(&Session) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        self.run_in(move |workspace| command(&*workspace.current()?))
            .await
    }

    /// Runs a command over the workspace itself (opening, leaving, removing the demo).
    pub async fn run_in<T: Send + 'static>(
        &self,
        command: impl FnOnce(&Workspace) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let workspace = self.workspace.clone()?;
        let speaking = Arc::clone(&workspace);
        // An error leaves worded in the language the person reads the app in, one that stopped
        // the command (a panic) too.
        tauri::async_runtime::spawn_blocking(move || workspace.run(command))
            .await
            .map_err(|e| speaking.stopped(e))?
    }

    /// Runs a command on this thread, over the workspace (when the app quits and no runtime is
    /// left to wait on).
    pub fn run_blocking(&self, command: impl FnOnce(&Workspace) -> AppResult<()>) {
        if let Ok(workspace) = &self.workspace {
            let _ = command(workspace);
        }
    }
}

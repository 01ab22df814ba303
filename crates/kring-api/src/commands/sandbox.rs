//! Opening, leaving and removing the demo sandbox: the demo network in a store of its own beside
//! the user's (`kring_core::demo::open_sandbox`, `remove_sandbox`), so that trying Kring never
//! writes to the real store and nothing fictional is ever exported or synced. These switch what
//! the [`Workspace`] has open; every other command runs on whichever that is.

use super::app_status;
use crate::error::AppResult;
use crate::wire::AppStatus;
use crate::workspace::{close, Workspace};
use kring_core::demo::{self, DemoOptions};
use std::sync::Arc;
use std::time::Duration;

/// How long leaving or removing waits for what still runs on the sandbox (building its card list
/// takes about a second at 2,000 cards).
const PATIENCE: Duration = Duration::from_secs(20);

/// Opens the demo sandbox, making it with about `cards` cards (2,000 when not given) the first
/// time; answers the sandbox's status (`demo: true`).
pub fn open_demo(workspace: &Workspace, cards: Option<u32>) -> AppResult<AppStatus> {
    let mut open = workspace.demo();
    if let Some(demo) = open.as_ref() {
        return app_status(demo);
    }
    let real = &workspace.real()?;
    let options = DemoOptions {
        cards: cards.filter(|n| *n > 0).unwrap_or(2_000) as usize,
        language: real.language(),
        ..DemoOptions::default()
    };
    let (store, _) = demo::open_sandbox(&real.store, &options, real.now())?;
    let session = Arc::new(workspace.sandbox_session(store));
    session.warm_up_in_background();
    *open = Some(Arc::clone(&session));
    app_status(&session)
}

/// Leaves the demo sandbox (it stays on disk, to open again) and answers the real store's status.
pub fn leave_demo(workspace: &Workspace) -> AppResult<AppStatus> {
    let mut open = workspace.demo();
    if let Some(demo) = open.take() {
        close(demo, PATIENCE)?;
    }
    app_status(&*workspace.real()?)
}

/// Leaves the demo sandbox if it is open and removes it from the disk; the real store is left as
/// it is. Answers the real store's status (`sandbox: false`).
pub fn remove_demo(workspace: &Workspace) -> AppResult<AppStatus> {
    let mut open = workspace.demo();
    if let Some(demo) = open.take() {
        close(demo, PATIENCE)?;
    }
    demo::remove_sandbox(workspace.real()?.store.path())?;
    app_status(&*workspace.real()?)
}

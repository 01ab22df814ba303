//! Kring's desktop app commands as plain functions over a [`Session`] (one open store and what
//! the app keeps in memory about it), with the wire types the UI sends and the one error it
//! receives. The Tauri shell (`src-tauri`) wraps each in a one-line `#[tauri::command]`; tests
//! call them directly, without a window.
//!
//! ```no_run
//! use kring_api::{commands, Clock, Quiet, Session};
//! let session = Session::open(std::path::Path::new("/tmp/kring"), Clock::System, Box::new(Quiet))?;
//! let today = commands::today(&session)?;
//! println!("{} follow-ups due", today.due.len());
//! # Ok::<(), kring_api::AppError>(())
//! ```

pub mod commands;
pub mod dispatch;
pub mod error;
pub mod session;
pub mod wire;
mod worded;
pub mod workspace;

pub use error::{AppError, AppResult};
pub use session::{Announce, Clock, Quiet, Session};
pub use workspace::Workspace;

//! Where the store lives by default, and writing a file so that no reader ever sees half of it.
//! Shared by the command line and the app, so both open the same store.

use std::io;
use std::path::{Path, PathBuf};

/// The default store: `KRING_STORE` when set, otherwise `store` in the OS data folder
/// (`$XDG_DATA_HOME/kring/store` on Linux). `None` when there is no home folder.
pub fn default_store_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("KRING_STORE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("eu", "Kring", "Kring").map(|dirs| dirs.data_dir().join("store"))
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`, so a
/// reader (a calendar subscribed to the file, say) sees the old file or the new one, never half.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.{}.partial", std::process::id()));
    let result = std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::File::open(&temporary)?.sync_all())
        .and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

//! Where the store lives by default, and writing a file so that no reader ever sees half of it.
//! Shared by the command line and the app, so both open the same store. Also folders and files
//! only their owner may read (the store, its keys, backups).

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

/// Where the demo sandbox of a store lives: a folder beside it, named after it with `-demo`
/// (`~/.local/share/kring/store` → `~/.local/share/kring/store-demo`), so that the demo network
/// is never loaded into the real store and leaving the sandbox is deleting one folder.
pub fn sandbox_path(store: &Path) -> PathBuf {
    let name = store
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kring".into());
    let parent = store.parent().unwrap_or(Path::new(""));
    parent.join(format!("{name}-demo"))
}

/// Why a file could not be written, in words that say what to do: a full disk and a folder that
/// cannot be written to are what users meet. Meant for writers that remove their temporary file on
/// any error (`write_atomically`, the bundle writer), so the target is untouched.
pub fn write_failure(error: &io::Error) -> String {
    write_failure_in(error, kring_i18n::Language::English)
}

/// [`write_failure`] in `language`.
pub fn write_failure_in(error: &io::Error, language: kring_i18n::Language) -> String {
    use io::ErrorKind;
    match (error.raw_os_error(), error.kind()) {
        (Some(28), _) | (_, ErrorKind::StorageFull) => {
            kring_i18n::t!(language, "files-write-disk-full")
        }
        (Some(30), _) | (_, ErrorKind::ReadOnlyFilesystem) => {
            kring_i18n::t!(language, "files-write-read-only")
        }
        (Some(13), _) | (_, ErrorKind::PermissionDenied) => {
            kring_i18n::t!(language, "files-write-not-allowed")
        }
        _ => error.to_string(),
    }
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

/// Creates a folder (and its parents) and makes it accessible to its owner only. A folder that
/// cannot be tightened (not this user's) is left as it is: opening it is not refused for that.
pub fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let _ = restrict_to_owner(folder);
    Ok(())
}

/// Takes every permission away from group and others (0700 for a folder, 0600 for a file,
/// where there are Unix permissions). It only ever removes bits: a folder the owner made
/// read-only stays read-only.
pub fn restrict_to_owner(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_lives_beside_the_store_it_belongs_to() {
        assert_eq!(
            sandbox_path(Path::new("/home/an/.local/share/kring/store")),
            Path::new("/home/an/.local/share/kring/store-demo")
        );
        assert_eq!(
            sandbox_path(Path::new("/media/usb/kring/")),
            Path::new("/media/usb/kring-demo")
        );
        assert_ne!(sandbox_path(Path::new("/")), Path::new("/"));
    }

    #[test]
    fn a_file_that_cannot_be_written_is_explained_in_words_that_say_what_to_do() {
        let full = write_failure(&io::Error::from_raw_os_error(28));
        assert!(
            full.contains("disk is full") && full.contains("free some space"),
            "{full}"
        );
        assert_eq!(
            write_failure(&io::Error::new(io::ErrorKind::StorageFull, "copied")),
            full
        );
        let read_only = write_failure(&io::Error::from_raw_os_error(30));
        assert!(read_only.contains("read-only"), "{read_only}");
        assert_eq!(
            write_failure(&io::Error::other("cable unplugged")),
            "cable unplugged"
        );
    }
}

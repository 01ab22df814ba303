//! A store's secret keys at rest: one small file beside the database, never inside it.
//!
//! `STORE/keys/identity.key` holds the node id the keys belong to, the ed25519 signing key that
//! signs every bundle the store writes, and the age X25519 identity that opens bundles encrypted
//! to it. The folder is created 0700 and the file 0600 whatever the umask, and the file is
//! written atomically (a temporary file, then a rename), so a crash never leaves half a key.
//!
//! Why a file and not the operating system's keyring: Kring syncs unattended (the app on a
//! schedule, `kring sync --watch` on a server), where an unlock prompt would stop the sync, and
//! Linux machines without a desktop session have no keyring service at all. The key file gets
//! the protection the OS gives the user's own files; the threat model (`docs/security.md`) says
//! what that covers. Keys were kept in the sled database until schema 3; opening such a store
//! moves them out and rotates them, so the old bytes in sled's log sign nothing any more.
//!
//! The keys belong to a node id: a copied store folder takes a new node id at open (see
//! `store::identity`), and with it new keys, so two stores never sign as one.

use crate::clock::NodeId;
use ed25519_dalek::SigningKey;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Where the key file lives inside a store folder.
pub const KEY_FILE: &str = "keys/identity.key";
const FIRST_LINE: &str = "kring-identity 1";

/// A store's secret keys.
pub struct StoreKeys {
    pub node: NodeId,
    pub signing: SigningKey,
    pub encryption: age::x25519::Identity,
}

impl StoreKeys {
    /// New random keys for a node.
    pub fn generate(node: NodeId) -> StoreKeys {
        StoreKeys {
            node,
            signing: SigningKey::generate(&mut rand::rngs::OsRng),
            encryption: age::x25519::Identity::generate(),
        }
    }

    /// The public half of the signing key.
    pub fn verifying_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    /// The recipient (public) string of the encryption identity, `age1…`.
    pub fn encryption_recipient(&self) -> String {
        self.encryption.to_public().to_string()
    }

    fn to_text(&self) -> String {
        use age::secrecy::ExposeSecret;
        format!(
            "{FIRST_LINE}\nnode {}\nsigning {}\nencryption {}\n",
            self.node,
            hex(&self.signing.to_bytes()),
            self.encryption.to_string().expose_secret()
        )
    }

    fn from_text(text: &str) -> Option<StoreKeys> {
        let mut lines = text.lines();
        if lines.next()? != FIRST_LINE {
            return None;
        }
        let mut node = None;
        let mut signing = None;
        let mut encryption = None;
        for line in lines {
            let (name, value) = line.split_once(' ')?;
            match name {
                "node" => node = NodeId::from_str(value).ok(),
                "signing" => {
                    let bytes: [u8; 32] = unhex(value)?.try_into().ok()?;
                    signing = Some(SigningKey::from_bytes(&bytes));
                }
                "encryption" => encryption = age::x25519::Identity::from_str(value).ok(),
                _ => {}
            }
        }
        Some(StoreKeys {
            node: node?,
            signing: signing?,
            encryption: encryption?,
        })
    }
}

/// The key file of a store folder.
pub fn key_file(store: &Path) -> PathBuf {
    store.join(KEY_FILE)
}

/// The keys of `node` in the store folder: read from the key file, or created (and written)
/// when there is none or it belongs to another node (the folder was copied).
pub fn load_or_create(store: &Path, node: NodeId) -> std::io::Result<StoreKeys> {
    let path = key_file(store);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            if let Some(keys) = StoreKeys::from_text(&text).filter(|k| k.node == node) {
                return Ok(keys);
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let keys = StoreKeys::generate(node);
    write_private(&path, keys.to_text().as_bytes())?;
    Ok(keys)
}

/// Writes a file only its owner can read (0600, in a 0700 folder), atomically.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(folder)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        let mut file = private_file_options().open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)?;
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Options that create a new file readable and writable by its owner only.
pub fn private_file_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

pub use crate::files::{create_private_dir, restrict_to_owner};

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes from hexadecimal, `None` if it is not.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// What people compare to be sure a key is the one they expect: 80 bits of the key's BLAKE3
/// hash in five groups of four hexadecimal digits ("3F2A 9B1C 0D4E 7A6B 11C0").
pub fn fingerprint(public_key: &[u8]) -> String {
    let hash = blake3::hash(public_key);
    let digits = hex(&hash.as_bytes()[..10]).to_uppercase();
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).expect("hex is ASCII"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl crate::store::Store {
    /// This store's secret keys (signing and encryption), from their file beside the database.
    pub(crate) fn keys(&self) -> crate::store::StoreResult<std::sync::Arc<StoreKeys>> {
        let node = self.node_id();
        let mut cached = self.key_slot();
        if let Some(keys) = cached
            .clone()
            .and_then(|k| k.downcast::<StoreKeys>().ok())
            .filter(|k| k.node == node)
        {
            return Ok(keys);
        }
        let keys = load_or_create(self.path(), node)
            .map_err(|e| crate::store::StoreError::from_io(&e).at_store(self.path()))?;
        self.forget_database_signing_key()?;
        let keys = std::sync::Arc::new(keys);
        *cached = Some(keys.clone());
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_a_round_trip_through_their_file_and_are_readable_by_the_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let node = NodeId(42);
        let first = load_or_create(dir.path(), node).unwrap();
        let again = load_or_create(dir.path(), node).unwrap();
        assert_eq!(first.verifying_key(), again.verifying_key());
        assert_eq!(first.encryption_recipient(), again.encryption_recipient());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let file = std::fs::metadata(key_file(dir.path())).unwrap();
            assert_eq!(file.permissions().mode() & 0o777, 0o600);
            let folder = std::fs::metadata(dir.path().join("keys")).unwrap();
            assert_eq!(folder.permissions().mode() & 0o777, 0o700);
        }
        let other = load_or_create(dir.path(), NodeId(43)).unwrap();
        assert_ne!(
            other.verifying_key(),
            first.verifying_key(),
            "another node (a copied folder) gets keys of its own"
        );
    }

    #[test]
    fn a_fingerprint_is_five_groups_of_four_hex_digits() {
        let print = fingerprint(&[7u8; 32]);
        assert_eq!(print.len(), 24, "{print}");
        assert_eq!(print.split(' ').count(), 5);
        assert_ne!(print, fingerprint(&[8u8; 32]));
    }
}

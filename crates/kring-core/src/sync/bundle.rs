//! The `.kring` bundle file: what a networker hands the Manager of the Network, and the master the
//! manager sends back.
//!
//! ```text
//! magic "KRINGBDL" | format version u16 LE | header length u32 LE | header (postcard)
//! | ed25519 signature (64 bytes) over everything before it
//! | body: zstd stream of records, each u32 LE length + postcard(RecordState), sorted by id
//! ```
//!
//! The header carries the BLAKE3 hash of the body's bytes, so the signature covers the whole file.
//!
//! **Sealed bundles.** What goes into a sync folder or a file handed round is, unless asked
//! otherwise, that whole signed file encrypted with age to X25519 recipients (the organisation's
//! members, see [`Sealing`]): sign, then encrypt. The signature is inside, so only a recipient
//! learns who signed and what; a recipient decrypts, then checks the signature and the hash as
//! for a plain bundle. A file starting with age's header is sealed; one starting with `KRINGBDL`
//! is plain.
//! The body is read as a stream: memory is bounded by the largest record, and decompression is
//! capped against bombs. Records are generic field maps, so kinds and fields a newer Kring writes
//! pass through an older one unchanged. The same state always gives the same bytes.

use crate::clock::{Hlc, NodeId, VersionVector};
use crate::crdt::RecordState;
use crate::model::{RecordId, Role};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

pub const MAGIC: &[u8; 8] = b"KRINGBDL";
/// Version 2 added the author's e-mail address and exact causal context (`coverage`) to the
/// header; version 3 the nodes the author's store wrote under before it was restored or copied
/// (`author_earlier_nodes`), written only by a store that names some (the others write version
/// 2). Versions 1 and 2 are still read (see [`BundleHeaderV1`], [`BundleHeaderV2`]).
pub const FORMAT_VERSION: u16 = 3;
/// No header is this large; anything bigger is a corrupt or hostile file.
const MAX_HEADER_BYTES: u32 = 1 << 20;
/// The largest single record a bundle may carry.
pub const MAX_RECORD_BYTES: u32 = 16 << 20;
/// The latest time a stamp may carry: the last millisecond of the year 9999. No clock writes
/// later stamps, and importing one would move the store's clock to the end of time, where the
/// next local edit overflows it.
pub const MAX_STAMP_MILLIS: u64 = 253_402_300_799_999;
/// How a sealed bundle begins: the age v1 header line.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// Whom a bundle is encrypted to (age X25519 recipients), and whether the file is for its owner's
/// eyes only (a backup: mode 0600).
#[derive(Clone, Default)]
pub struct Sealing {
    pub recipients: Vec<age::x25519::Recipient>,
    pub private_file: bool,
}

/// Decompressed bytes allowed per compressed byte (plus a floor), against decompression bombs.
const MAX_EXPANSION: u64 = 200;
const EXPANSION_FLOOR: u64 = 64 << 20;

/// What a bundle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum BundleKind {
    /// Everything the author shares.
    Full,
    /// Only what changed since the recipient's acknowledged version vector.
    Delta,
    /// A local backup of the whole store, private records included. Never to be shared.
    Backup,
}

/// The bundle header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleHeader {
    pub format_version: u16,
    pub schema_version: u32,
    pub kind: BundleKind,
    pub organisation: Option<uuid::Uuid>,
    pub author_node: NodeId,
    pub author_networker: Option<RecordId>,
    pub author_name: String,
    pub author_role: Role,
    pub created_at_millis: i64,
    pub high_water_mark: Hlc,
    /// The largest stamp the author's store had seen from each node when it wrote the bundle.
    pub version_vector: VersionVector,
    /// For a delta: what the recipient had acknowledged; records covered by it are left out.
    pub base: Option<VersionVector>,
    pub record_count: u64,
    pub body_hash: [u8; 32],
    pub public_key: [u8; 32],
    /// The author's e-mail address, shown when a manager is asked to approve the author.
    pub author_email: String,
    /// The author's age recipient (`age1…`): what a manager enrols, so masters can be
    /// encrypted to the author.
    pub encryption_key: Option<String>,
    /// The author's exact causal context (see `Store::coverage`): what its store held when it
    /// wrote the bundle. A recipient plans its deltas back from it, and advances its own coverage
    /// by what the bundle conveys (see `sync::causal`).
    pub coverage: VersionVector,
    /// The nodes the author's store wrote under before this one: a store restored from a backup
    /// or copied to another computer takes a new node, and what it wrote before keeps the old
    /// node's stamps. A manager puts them on the roster with the author at approval, so those
    /// writes are the author's too (`Roster::writer_entry`).
    pub author_earlier_nodes: Vec<NodeId>,
}

/// The header of format version 2, read so that bundles written before version 3 still import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleHeaderV2 {
    pub format_version: u16,
    pub schema_version: u32,
    pub kind: BundleKind,
    pub organisation: Option<uuid::Uuid>,
    pub author_node: NodeId,
    pub author_networker: Option<RecordId>,
    pub author_name: String,
    pub author_role: Role,
    pub created_at_millis: i64,
    pub high_water_mark: Hlc,
    pub version_vector: VersionVector,
    pub base: Option<VersionVector>,
    pub record_count: u64,
    pub body_hash: [u8; 32],
    pub public_key: [u8; 32],
    pub author_email: String,
    pub encryption_key: Option<String>,
    pub coverage: VersionVector,
}

impl From<&BundleHeader> for BundleHeaderV2 {
    /// What a version 2 header holds of a header that names no earlier nodes.
    fn from(header: &BundleHeader) -> Self {
        BundleHeaderV2 {
            format_version: 2,
            schema_version: header.schema_version,
            kind: header.kind,
            organisation: header.organisation,
            author_node: header.author_node,
            author_networker: header.author_networker,
            author_name: header.author_name.clone(),
            author_role: header.author_role,
            created_at_millis: header.created_at_millis,
            high_water_mark: header.high_water_mark,
            version_vector: header.version_vector.clone(),
            base: header.base.clone(),
            record_count: header.record_count,
            body_hash: header.body_hash,
            public_key: header.public_key,
            author_email: header.author_email.clone(),
            encryption_key: header.encryption_key.clone(),
            coverage: header.coverage.clone(),
        }
    }
}

impl From<BundleHeaderV2> for BundleHeader {
    /// A version 2 header named no earlier nodes.
    fn from(v2: BundleHeaderV2) -> Self {
        BundleHeader {
            format_version: v2.format_version,
            schema_version: v2.schema_version,
            kind: v2.kind,
            organisation: v2.organisation,
            author_node: v2.author_node,
            author_networker: v2.author_networker,
            author_name: v2.author_name,
            author_role: v2.author_role,
            created_at_millis: v2.created_at_millis,
            high_water_mark: v2.high_water_mark,
            version_vector: v2.version_vector,
            base: v2.base,
            record_count: v2.record_count,
            body_hash: v2.body_hash,
            public_key: v2.public_key,
            author_email: v2.author_email,
            encryption_key: v2.encryption_key,
            coverage: v2.coverage,
            author_earlier_nodes: Vec::new(),
        }
    }
}

/// The header of format version 1, read so that bundles written before version 2 still import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleHeaderV1 {
    pub format_version: u16,
    pub schema_version: u32,
    pub kind: BundleKind,
    pub organisation: Option<uuid::Uuid>,
    pub author_node: NodeId,
    pub author_networker: Option<RecordId>,
    pub author_name: String,
    pub author_role: Role,
    pub created_at_millis: i64,
    pub high_water_mark: Hlc,
    pub version_vector: VersionVector,
    pub base: Option<VersionVector>,
    pub record_count: u64,
    pub body_hash: [u8; 32],
    pub public_key: [u8; 32],
}

impl From<BundleHeaderV1> for BundleHeader {
    /// A version 1 header said only what its author had *seen*, which is not what it held. The
    /// one thing it is sure to hold is everything its own node wrote, so that is its coverage.
    fn from(v1: BundleHeaderV1) -> Self {
        let coverage = v1.version_vector.only(v1.author_node);
        BundleHeader {
            format_version: v1.format_version,
            schema_version: v1.schema_version,
            kind: v1.kind,
            organisation: v1.organisation,
            author_node: v1.author_node,
            author_networker: v1.author_networker,
            author_name: v1.author_name,
            author_role: v1.author_role,
            created_at_millis: v1.created_at_millis,
            high_water_mark: v1.high_water_mark,
            version_vector: v1.version_vector,
            base: v1.base,
            record_count: v1.record_count,
            body_hash: v1.body_hash,
            public_key: v1.public_key,
            author_email: String::new(),
            encryption_key: None,
            coverage,
            author_earlier_nodes: Vec::new(),
        }
    }
}

/// Why a bundle was refused. Each names what is wrong in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{}: cannot be read: {reason}", .path.display())]
    Io { path: PathBuf, reason: String },
    #[error("{}: not a Kring bundle (wrong magic bytes)", .path.display())]
    WrongMagic { path: PathBuf },
    #[error("{}: made by a newer Kring (bundle format {found}; this Kring reads {supported}): update Kring", .path.display())]
    FutureFormat {
        path: PathBuf,
        found: u16,
        supported: u16,
    },
    #[error("{}: truncated (the file ends early; copy it again)", .path.display())]
    Truncated { path: PathBuf },
    #[error("{}: corrupt ({reason})", .path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: the signature does not match its contents (the file was altered or forged)", .path.display())]
    BadSignature { path: PathBuf },
    #[error("{}: its contents do not match the hash in its header (altered, or still being copied)", .path.display())]
    HashMismatch { path: PathBuf },
    #[error("{}: a backup, not an export: restore it with `kring restore`", .path.display())]
    IsBackup { path: PathBuf },
    #[error("{}: an export, not a backup: import it (`kring import`, or Sync in the app)", .path.display())]
    IsExport { path: PathBuf },
    #[error("{}: encrypted for the organisation's members, and this store is not one of its recipients (or has no key to open it). If this store is new, restored from a backup or moved to another computer, ask a Manager of the Network to approve it (on the Members screen, or kring approve); the next master opens once they have", .path.display())]
    NotARecipient { path: PathBuf },
}

impl BundleError {
    /// The file the error is about.
    pub fn path(&self) -> Option<&Path> {
        match self {
            BundleError::Io { path, .. }
            | BundleError::WrongMagic { path }
            | BundleError::FutureFormat { path, .. }
            | BundleError::Truncated { path }
            | BundleError::Corrupt { path, .. }
            | BundleError::BadSignature { path }
            | BundleError::HashMismatch { path }
            | BundleError::IsBackup { path }
            | BundleError::IsExport { path }
            | BundleError::NotARecipient { path } => Some(path),
        }
    }

    /// The same error about another path (the file the user named instead of its copy).
    pub fn with_path(mut self, to: PathBuf) -> BundleError {
        match &mut self {
            BundleError::Io { path, .. }
            | BundleError::WrongMagic { path }
            | BundleError::FutureFormat { path, .. }
            | BundleError::Truncated { path }
            | BundleError::Corrupt { path, .. }
            | BundleError::BadSignature { path }
            | BundleError::HashMismatch { path }
            | BundleError::IsBackup { path }
            | BundleError::IsExport { path }
            | BundleError::NotARecipient { path } => *path = to,
        }
        self
    }

    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        use kring_i18n::FluentValue;
        let path = FluentValue::from(
            self.path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        );
        let mut arguments = vec![("path", path)];
        match self {
            BundleError::Io { reason, .. } | BundleError::Corrupt { reason, .. } => {
                arguments.push(("reason", reason.as_str().into()))
            }
            BundleError::FutureFormat {
                found, supported, ..
            } => {
                arguments.push(("found", (*found).into()));
                arguments.push(("supported", (*supported).into()));
            }
            _ => {}
        }
        kring_i18n::error_text(language, self.code().as_str(), &arguments)
    }

    pub fn code(&self) -> crate::error::ProblemCode {
        match self {
            BundleError::Io { .. } => crate::error::ProblemCode::BundleIo,
            BundleError::WrongMagic { .. } => crate::error::ProblemCode::BundleWrongMagic,
            BundleError::FutureFormat { .. } => crate::error::ProblemCode::BundleFutureFormat,
            BundleError::Truncated { .. } => crate::error::ProblemCode::BundleTruncated,
            BundleError::Corrupt { .. } => crate::error::ProblemCode::BundleCorrupt,
            BundleError::BadSignature { .. } => crate::error::ProblemCode::BundleBadSignature,
            BundleError::HashMismatch { .. } => crate::error::ProblemCode::BundleHashMismatch,
            BundleError::IsBackup { .. } => crate::error::ProblemCode::BundleIsBackup,
            BundleError::IsExport { .. } => crate::error::ProblemCode::BundleIsExport,
            BundleError::NotARecipient { .. } => crate::error::ProblemCode::BundleNotARecipient,
        }
    }
}

fn io_error(path: &Path, error: std::io::Error) -> BundleError {
    if error.kind() == std::io::ErrorKind::UnexpectedEof {
        BundleError::Truncated {
            path: path.to_owned(),
        }
    } else if error.kind() == std::io::ErrorKind::InvalidData {
        // What age's reader says of a sealed file whose ciphertext was altered.
        BundleError::Corrupt {
            path: path.to_owned(),
            reason: "altered after it was sealed (its encryption does not check out)".into(),
        }
    } else {
        BundleError::Io {
            path: path.to_owned(),
            reason: error.to_string(),
        }
    }
}

/// The bytes the signature covers: magic, version, header length and header.
fn signed_prefix(version: u16, header_bytes: &[u8]) -> Vec<u8> {
    let mut prefix = Vec::with_capacity(14 + header_bytes.len());
    prefix.extend_from_slice(MAGIC);
    prefix.extend_from_slice(&version.to_le_bytes());
    prefix.extend_from_slice(&(header_bytes.len() as u32).to_le_bytes());
    prefix.extend_from_slice(header_bytes);
    prefix
}

/// Writes a bundle atomically: a temporary file beside the target, fsync, rename, fsync of the
/// folder. `records` must come sorted by id. Returns the header written.
pub fn write_bundle(
    path: &Path,
    header: BundleHeader,
    records: impl IntoIterator<Item = RecordState>,
    key: &SigningKey,
) -> std::io::Result<BundleHeader> {
    write_bundle_streaming(path, header, records.into_iter().map(Ok), key)
}

/// As [`write_bundle`], reading the records as it writes them, so only the compressed body is
/// held in memory, not every record. The first error from `records` stops the write and leaves
/// no file.
pub fn write_bundle_streaming(
    path: &Path,
    header: BundleHeader,
    records: impl IntoIterator<Item = std::io::Result<RecordState>>,
    key: &SigningKey,
) -> std::io::Result<BundleHeader> {
    write_bundle_sealed(path, header, records, key, &Sealing::default())
}

/// As [`write_bundle_streaming`], encrypted to `sealing`'s recipients when there are any, and
/// readable by its owner only when `sealing.private_file` is set.
pub fn write_bundle_sealed(
    path: &Path,
    mut header: BundleHeader,
    records: impl IntoIterator<Item = std::io::Result<RecordState>>,
    key: &SigningKey,
    sealing: &Sealing,
) -> std::io::Result<BundleHeader> {
    // The body goes to memory first (compressed), since its hash belongs in the header.
    let mut body = Vec::new();
    let mut count = 0u64;
    {
        let mut encoder = zstd::stream::write::Encoder::new(&mut body, 3)?;
        let mut previous: Option<uuid::Uuid> = None;
        for record in records {
            let record = record?;
            debug_assert!(
                previous.is_none_or(|p| p < record.id),
                "records are sorted by id"
            );
            previous = Some(record.id);
            let bytes = postcard::to_stdvec(&record).map_err(std::io::Error::other)?;
            encoder.write_all(&(bytes.len() as u32).to_le_bytes())?;
            encoder.write_all(&bytes)?;
            count += 1;
        }
        encoder.finish()?;
    }
    // A store that names no earlier nodes writes format 2, which a Kring from before format 3
    // reads: an organisation need not update every laptop on the same day.
    header.format_version = if header.author_earlier_nodes.is_empty() {
        2
    } else {
        FORMAT_VERSION
    };
    header.record_count = count;
    header.body_hash = *blake3::hash(&body).as_bytes();
    header.public_key = key.verifying_key().to_bytes();
    let header_bytes = if header.format_version == 2 {
        postcard::to_stdvec(&BundleHeaderV2::from(&header))
    } else {
        postcard::to_stdvec(&header)
    }
    .map_err(std::io::Error::other)?;
    let prefix = signed_prefix(header.format_version, &header_bytes);
    let signature = key.sign(&prefix);

    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.{}.partial", std::process::id()));
    let result = (|| {
        let file = if sealing.private_file {
            crate::trust::keys::private_file_options().open(&temporary)?
        } else {
            std::fs::File::create(&temporary)?
        };
        let file = if sealing.recipients.is_empty() {
            let mut writer = BufWriter::new(file);
            writer.write_all(&prefix)?;
            writer.write_all(&signature.to_bytes())?;
            writer.write_all(&body)?;
            writer.into_inner().map_err(|e| e.into_error())?
        } else {
            let encryptor = age::Encryptor::with_recipients(
                sealing.recipients.iter().map(|r| r as &dyn age::Recipient),
            )
            .map_err(std::io::Error::other)?;
            let mut writer = encryptor.wrap_output(BufWriter::new(file))?;
            writer.write_all(&prefix)?;
            writer.write_all(&signature.to_bytes())?;
            writer.write_all(&body)?;
            writer.finish()?.into_inner().map_err(|e| e.into_error())?
        };
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
    result.map(|()| header)
}

/// An open bundle: its verified header, and its records as a stream.
pub struct BundleReader {
    path: PathBuf,
    format_version: u16,
    pub header: BundleHeader,
    body: zstd::stream::read::Decoder<'static, BufReader<HashingReader<Box<dyn Read + Send>>>>,
    read_records: u64,
    decompressed: u64,
    decompression_limit: u64,
    finished: bool,
}

/// Hashes every byte that passes through it.
struct HashingReader<R> {
    inner: R,
    hasher: blake3::Hasher,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.hasher.update(&buffer[..n]);
        Ok(n)
    }
}

/// Reads the header of a plain bundle and checks its signature; does not read the body. A sealed
/// bundle needs a key: see [`open_bundle_with`].
pub fn open_bundle(path: &Path) -> Result<BundleReader, BundleError> {
    open_bundle_with(path, None)
}

/// Whether a file is a sealed (encrypted) bundle.
pub fn is_sealed(path: &Path) -> bool {
    let mut start = [0u8; 21];
    std::fs::File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut start))
        .is_ok_and(|n| n == AGE_MAGIC.len() && start[..] == *AGE_MAGIC)
}

/// Reads the header of a bundle, plain or sealed (opened with `identity`), and checks its
/// signature; does not read the body.
pub fn open_bundle_with(
    path: &Path,
    identity: Option<&age::x25519::Identity>,
) -> Result<BundleReader, BundleError> {
    let raw = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let file_len = raw.metadata().map_err(|e| io_error(path, e))?.len();
    let mut file: Box<dyn Read + Send> = if is_sealed(path) {
        let identity = identity.ok_or_else(|| BundleError::NotARecipient {
            path: path.to_owned(),
        })?;
        // A disk that fails while the seal is read is a read error, not a corrupt file.
        let decryptor = age::Decryptor::new(BufReader::new(raw)).map_err(|e| match e {
            age::DecryptError::Io(e) => io_error(path, e),
            other => BundleError::Corrupt {
                path: path.to_owned(),
                reason: format!("its encryption cannot be read: {other}"),
            },
        })?;
        let reader = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => BundleError::NotARecipient {
                    path: path.to_owned(),
                },
                age::DecryptError::Io(e) => io_error(path, e),
                other => BundleError::Corrupt {
                    path: path.to_owned(),
                    reason: format!("it cannot be decrypted: {other}"),
                },
            })?;
        Box::new(reader)
    } else {
        Box::new(raw)
    };
    let mut magic = [0u8; 8];
    let got = read_up_to(&mut file, &mut magic).map_err(|e| io_error(path, e))?;
    if got < 8 {
        return Err(if magic[..got] == MAGIC[..got] && got > 0 {
            BundleError::Truncated {
                path: path.to_owned(),
            }
        } else {
            BundleError::WrongMagic {
                path: path.to_owned(),
            }
        });
    }
    if &magic != MAGIC {
        return Err(BundleError::WrongMagic {
            path: path.to_owned(),
        });
    }
    let mut fixed = [0u8; 6];
    file.read_exact(&mut fixed).map_err(|e| io_error(path, e))?;
    let version = u16::from_le_bytes([fixed[0], fixed[1]]);
    if version > FORMAT_VERSION {
        return Err(BundleError::FutureFormat {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(BundleError::Corrupt {
            path: path.to_owned(),
            reason: "format version 0".into(),
        });
    }
    let header_len = u32::from_le_bytes([fixed[2], fixed[3], fixed[4], fixed[5]]);
    if header_len > MAX_HEADER_BYTES {
        return Err(BundleError::Corrupt {
            path: path.to_owned(),
            reason: format!("header of {header_len} bytes"),
        });
    }
    if u64::from(header_len) + 14 + 64 > file_len {
        return Err(BundleError::Truncated {
            path: path.to_owned(),
        });
    }
    let mut header_bytes = vec![0u8; header_len as usize];
    file.read_exact(&mut header_bytes)
        .map_err(|e| io_error(path, e))?;
    let mut signature = [0u8; 64];
    file.read_exact(&mut signature)
        .map_err(|e| io_error(path, e))?;
    let corrupt_header = |e: postcard::Error| BundleError::Corrupt {
        path: path.to_owned(),
        reason: format!("header: {e}"),
    };
    let header: BundleHeader = match version {
        1 => postcard::from_bytes::<BundleHeaderV1>(&header_bytes)
            .map_err(corrupt_header)?
            .into(),
        2 => postcard::from_bytes::<BundleHeaderV2>(&header_bytes)
            .map_err(corrupt_header)?
            .into(),
        _ => postcard::from_bytes(&header_bytes).map_err(corrupt_header)?,
    };
    let key =
        VerifyingKey::from_bytes(&header.public_key).map_err(|_| BundleError::BadSignature {
            path: path.to_owned(),
        })?;
    key.verify(
        &signed_prefix(version, &header_bytes),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| BundleError::BadSignature {
        path: path.to_owned(),
    })?;
    let body_len = file_len - 14 - u64::from(header_len) - 64;
    let hashing = HashingReader {
        inner: file,
        hasher: blake3::Hasher::new(),
    };
    let body = zstd::stream::read::Decoder::new(hashing).map_err(|e| BundleError::Corrupt {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    Ok(BundleReader {
        path: path.to_owned(),
        format_version: version,
        header,
        body,
        read_records: 0,
        decompressed: 0,
        decompression_limit: body_len.saturating_mul(MAX_EXPANSION).max(EXPANSION_FLOOR),
        finished: false,
    })
}

fn read_up_to(reader: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

impl BundleReader {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The format the file was written in (older formats are read into today's header).
    pub fn format_version(&self) -> u16 {
        self.format_version
    }

    fn corrupt(&self, reason: impl Into<String>) -> BundleError {
        BundleError::Corrupt {
            path: self.path.clone(),
            reason: reason.into(),
        }
    }

    /// The next record, or `None` after the last one once the body's hash has been checked.
    /// Callers must not act on records before this has returned `Ok(None)`.
    pub fn next_record(&mut self) -> Result<Option<RecordState>, BundleError> {
        if self.finished {
            return Ok(None);
        }
        let mut length = [0u8; 4];
        let got = read_up_to(&mut self.body, &mut length).map_err(|e| self.decode_error(e))?;
        if got == 0 {
            return self.finish().map(|()| None);
        }
        if got < 4 {
            return Err(BundleError::Truncated {
                path: self.path.clone(),
            });
        }
        let length = u32::from_le_bytes(length);
        if length > MAX_RECORD_BYTES {
            return Err(self.corrupt(format!("a record of {length} bytes is over the limit")));
        }
        self.decompressed += u64::from(length) + 4;
        if self.decompressed > self.decompression_limit {
            return Err(self.corrupt("it expands far beyond its size (a decompression bomb?)"));
        }
        let mut bytes = vec![0u8; length as usize];
        self.body
            .read_exact(&mut bytes)
            .map_err(|e| self.decode_error(e))?;
        let record: RecordState = postcard::from_bytes(&bytes).map_err(|e| {
            self.corrupt(format!(
                "record {} cannot be decoded: {e}",
                self.read_records + 1
            ))
        })?;
        self.read_records += 1;
        if self.read_records > self.header.record_count {
            return Err(self.corrupt("more records than its header announces"));
        }
        if let Some(stamp) = record.stamps().find(|s| s.hlc.millis > MAX_STAMP_MILLIS) {
            return Err(self.corrupt(format!(
                "record {} carries a stamp after the year 9999 ({stamp}), which no clock writes",
                self.read_records
            )));
        }
        Ok(Some(record))
    }

    fn decode_error(&self, error: std::io::Error) -> BundleError {
        match error.kind() {
            std::io::ErrorKind::UnexpectedEof => BundleError::Truncated {
                path: self.path.clone(),
            },
            std::io::ErrorKind::InvalidData if error.to_string().contains("decrypt") => {
                io_error(&self.path, error)
            }
            // The disk failed (EIO), not the file: an approval must not set such a copy aside
            // as one that can never merge.
            _ if error.raw_os_error().is_some() => io_error(&self.path, error),
            _ => self.corrupt(format!("body: {error}")),
        }
    }

    fn finish(&mut self) -> Result<(), BundleError> {
        if self.read_records != self.header.record_count {
            return Err(BundleError::Truncated {
                path: self.path.clone(),
            });
        }
        // Hash whatever follows the compressed stream too: trailing bytes are tampering.
        // Streamed, not collected: the rest of the file may be of any size.
        let inner = self.body.get_mut();
        std::io::copy(inner, &mut std::io::sink()).map_err(|e| io_error(&self.path, e))?;
        let hash = inner.get_ref().hasher.finalize();
        if hash.as_bytes() != &self.header.body_hash {
            return Err(BundleError::HashMismatch {
                path: self.path.clone(),
            });
        }
        self.finished = true;
        Ok(())
    }

    /// Reads every record, verifying the whole file. For small bundles and tests.
    pub fn read_all(mut self) -> Result<(BundleHeader, Vec<RecordState>), BundleError> {
        let mut records = Vec::new();
        while let Some(record) = self.next_record()? {
            records.push(record);
        }
        Ok((self.header, records))
    }
}

/// A new random signing key for a store.
pub fn new_signing_key() -> SigningKey {
    SigningKey::generate(&mut rand::rngs::OsRng)
}

/// The id a record has in a bundle, for messages.
pub fn record_id(record: &RecordState) -> RecordId {
    RecordId(record.id)
}

#[cfg(test)]
mod tests {
    use super::BundleError;
    use crate::model::Role;
    use crate::store::test_support::{now, store_of};

    #[test]
    fn a_disk_that_fails_while_a_body_is_read_is_a_read_error_not_a_corrupt_file() {
        let (dir, store) = store_of(Role::Networker);
        let path = dir.path().join("an.kring");
        store.export_bundle(&path, true, now()).unwrap();
        let reader = super::open_bundle_with(&path, None).unwrap();
        let failed = reader.decode_error(std::io::Error::from_raw_os_error(5));
        assert!(matches!(failed, BundleError::Io { .. }), "{failed:?}");
        let garbled = reader.decode_error(std::io::Error::other("Unknown frame descriptor"));
        assert!(
            matches!(garbled, BundleError::Corrupt { .. }),
            "{garbled:?}"
        );
    }
}

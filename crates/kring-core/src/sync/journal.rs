//! The import journal: all or nothing across crashes, with memory bounded by a chunk.
//!
//! A large import cannot be one sled transaction (sled keeps every page a transaction touches
//! alive until it ends; a million records took more than 20 GB). Instead:
//!
//! 1. the bundles are copied into the store's `inbox/` folder and fsynced ([`stage`]); the
//!    copies are what gets verified end to end and merged, so a file in a shared folder that
//!    changes after it was checked is never merged unchecked;
//! 2. one small atomic write records the journal (which files, and when) ([`open`]);
//! 3. the records are merged in chunks of a few thousand, each chunk one transaction;
//! 4. the last transaction records the senders, the coverage the files proved, and removes the
//!    journal; the copies are deleted ([`apply`]).
//!
//! A crash before step 2 leaves the store exactly as before (stray inbox files are ignored and
//! cleared by the next import). A crash after it is rolled forward when the store is next opened:
//! merging is idempotent and admission depends only on the store and the files, so re-applying
//! every file gives exactly the state after the import.

use super::admit::{Gate, Signer};
use super::bundle::BundleHeader;
use super::merge::{newer_peer_entry, newer_than, peer_key, Merge};
use super::{ImportReport, Peer, SyncError, SyncResult};
use crate::clock::NodeId;
use crate::crdt::RecordState;
use crate::model::{RecordKind, Role};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const JOURNAL_KEY: &[u8] = b"import_journal";

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    files: Vec<PathBuf>,
    original_names: Vec<PathBuf>,
    started_at_millis: i64,
}

fn inbox(store: &Store) -> PathBuf {
    store.path().join("inbox")
}

fn write_error(path: &Path, error: std::io::Error) -> SyncError {
    match StoreError::from_io_error(&error) {
        StoreError::Io(reason) => SyncError::Write {
            path: path.to_owned(),
            reason,
        },
        other => other.into(),
    }
}

/// Copies the bundles into the inbox (the bytes that will be verified and merged). Returns the
/// copies, in the order given.
pub(crate) fn stage(store: &Store, paths: &[PathBuf]) -> SyncResult<Vec<PathBuf>> {
    let folder = inbox(store);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|e| write_error(&folder, e))?;
    }
    crate::trust::keys::create_private_dir(&folder).map_err(|e| write_error(&folder, e))?;
    let mut copies = Vec::with_capacity(paths.len());
    for (n, path) in paths.iter().enumerate() {
        let copy = folder.join(format!("{n:04}.kring"));
        std::fs::copy(path, &copy).map_err(|e| write_error(&copy, e))?;
        std::fs::File::open(&copy)
            .and_then(|f| f.sync_all())
            .map_err(|e| write_error(&copy, e))?;
        copies.push(copy);
    }
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(copies)
}

/// Removes staged copies that will not be merged (a verification failed).
pub(crate) fn discard(store: &Store) {
    let _ = std::fs::remove_dir_all(inbox(store));
}

/// Writes the journal: from here on, the import finishes even across a crash.
pub(crate) fn open(
    store: &Store,
    copies: &[PathBuf],
    originals: &[PathBuf],
    now: DateTime<Utc>,
) -> SyncResult<()> {
    let journal = Journal {
        files: copies.to_vec(),
        original_names: originals.to_vec(),
        started_at_millis: now.timestamp_millis(),
    };
    store.meta_set(
        JOURNAL_KEY,
        &serde_json::to_vec(&journal).expect("journals serialise"),
    )?;
    Ok(())
}

/// The gate of an import and the signer of each file: the roster as this store knows it, plus
/// what the files' managers add to it (a master enrols the members it brings), so the order of
/// records in the files does not matter. Files whose signer this store does not accept are
/// `None` (the caller held them before; at a roll-forward they are skipped).
pub(crate) fn gate_for(
    store: &Store,
    files: &[(PathBuf, BundleHeader)],
    now: DateTime<Utc>,
) -> SyncResult<(Gate, Vec<Option<Signer>>)> {
    let mut roster = store.roster()?;
    let profile = store.profile()?;
    let signers_of = |roster: &crate::trust::Roster| -> Vec<Option<Signer>> {
        files
            .iter()
            .map(
                |(_, header)| match store.signer(roster, header.author_node, &header.public_key) {
                    crate::trust::Signer::Member(entry) | crate::trust::Signer::Removed(entry) => {
                        Some(Signer {
                            node: header.author_node,
                            role: entry.role,
                            removed_at: entry.removed_at,
                        })
                    }
                    crate::trust::Signer::Unknown { .. } => None,
                },
            )
            .collect()
    };
    let mut gate = Gate {
        roster: roster.clone(),
        own_node: store.node_id(),
        own_clock: store.clock_last(),
        me: profile.as_ref().map(|p| p.networker),
        sweep: store.sweep_at(now)?,
    };
    // Roster records travel in masters: learn them first, each admitted like any write. So do
    // forgets and retention rules (a manager's records too), so that the records of the same
    // import are swept whatever their order in the files.
    let mut members: Vec<(Signer, RecordState)> = Vec::new();
    let mut protection: Vec<(Signer, RecordState)> = Vec::new();
    for ((path, _), signer) in files.iter().zip(signers_of(&roster)) {
        let Some(signer) = signer.filter(|s| s.role == Role::Manager) else {
            continue;
        };
        let mut reader = store.open_bundle(path)?;
        while let Some(record) = reader.next_record()? {
            if record.kind == RecordKind::Member.as_str() {
                members.push((signer, record));
            } else if record.kind == RecordKind::Forget.as_str()
                || record.kind == RecordKind::RetentionRule.as_str()
            {
                protection.push((signer, record));
            }
        }
    }
    loop {
        let mut learned = false;
        for (signer, record) in &members {
            let local = store.state(crate::model::RecordId(record.id))?;
            let mut ignored = Vec::new();
            if let Some(admitted) = gate.admit(*signer, record, local.as_ref(), &mut ignored) {
                let mut merged =
                    local.unwrap_or_else(|| RecordState::new(record.id, record.kind.clone()));
                merged.merge(&admitted);
                let before = roster.entries.clone();
                roster.learn(&merged);
                learned |= roster.entries != before;
            }
        }
        gate.roster = roster.clone();
        if !learned {
            break;
        }
    }
    for (signer, record) in &protection {
        let local = store.state(crate::model::RecordId(record.id))?;
        let mut ignored = Vec::new();
        if let Some(admitted) = gate.admit(*signer, record, local.as_ref(), &mut ignored) {
            let mut merged =
                local.unwrap_or_else(|| RecordState::new(record.id, record.kind.clone()));
            merged.merge(&admitted);
            gate.sweep.learn(&merged, now);
        }
    }
    let signers = signers_of(&roster);
    Ok((gate, signers))
}

/// Merges the journalled copies chunk by chunk and closes the journal in the last transaction.
pub(crate) fn apply(
    store: &Store,
    copies: &[PathBuf],
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(u64),
) -> SyncResult<ImportReport> {
    // Before anything is read from the store (see `Merge::new`).
    let began = store.commit_point();
    let mut report = ImportReport::default();
    let mut originals: Vec<PathBuf> = Vec::new();
    if let Some(bytes) = store.meta_get(JOURNAL_KEY)? {
        if let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) {
            originals = journal.original_names;
        }
    }
    let mut files = Vec::with_capacity(copies.len());
    for copy in copies {
        files.push((copy.clone(), store.open_bundle(copy)?.header));
    }
    let (gate, signers) = gate_for(store, &files, now)?;
    #[cfg(test)]
    tests::AFTER_GATE.with(|hook| hook.borrow_mut().take().map(|hook| hook(store)));
    // The forgets this import sweeps out of what it merges; one committed after the gate was
    // built is swept again below.
    let known_forgotten = gate.sweep.forgotten.cards().clone();
    // The roster the writes are admitted under (with the member records this import brings).
    let roster = gate.roster.clone();
    let mut merge = Merge::new(store, now, gate, true, began);
    let mut meta = Vec::new();
    // One entry per author, from the newest of its files by the author's own clock (the files
    // come sorted by their time, which a computer's clock set back gets wrong).
    let mut peers: BTreeMap<NodeId, Peer> = BTreeMap::new();
    let mut conveyors = Vec::with_capacity(files.len());
    let mut names = Vec::new();
    for (n, ((copy, header), signer)) in files.iter().zip(&signers).enumerate() {
        let Some(signer) = signer else {
            continue;
        };
        merge.apply_file(copy, header, *signer, &mut report, progress)?;
        if let Some(peer) = newer_peer_entry(store, header, signer.role)? {
            match peers.get(&peer.node) {
                Some(kept) if newer_than(kept, &peer) => {}
                _ => {
                    peers.insert(peer.node, peer);
                }
            }
        }
        conveyors.push((counted_coverage(&roster, header), signer.role));
        names.push(originals.get(n).cloned().unwrap_or_else(|| copy.clone()));
    }
    for (node, peer) in peers {
        meta.push((
            peer_key(node),
            serde_json::to_vec(&peer).expect("peers serialise"),
        ));
    }
    let coverage = super::causal::after_import(&store.coverage(), &conveyors);
    report.clock_warnings = merge.clock_warnings();
    report.clocks_behind = merge.clocks_behind();
    // Report the files under the names the user gave.
    for (file, original) in report.files.iter_mut().zip(names) {
        file.path = original;
    }
    meta.extend(store.refusal_log_entry(&report, now)?);
    meta.push((JOURNAL_KEY.to_vec(), Vec::new()));
    merge.finish(meta, &coverage)?;
    store.meta_remove(JOURNAL_KEY)?;
    if report.refused_total > 0 {
        // Housekeeping: the import has landed; a log pruned later is only longer meanwhile.
        let _ = store.prune_refusal_log();
    }
    discard(store);
    // A forget committed while this import ran, after its gate was built, was swept before the
    // import committed: a record the import read only afterwards came back with it. The whole
    // store is swept again, here rather than through the forget's marker, which the forget's
    // own sweep may still be about to set (rare: a forget beside an import).
    if !store.forgotten()?.cards().is_subset(&known_forgotten) {
        let swept = crate::protection::erasure::sweep_everything(store, now)?;
        report.forgotten_purged += swept.total();
    }
    // A forget this import brought sweeps out what the store already held about the person.
    if let Some(swept) = crate::protection::erasure::apply_pending(store, now)? {
        report.forgotten_purged += swept.total();
    }
    Ok(report)
}

/// `header` naming only the earlier nodes the roster credits to its author's own entry, and
/// conveying coverage only of nodes the roster credits to someone: what this import refused
/// under a node two people's stores claim is not counted as held here, and comes again once
/// the claim is settled. A node the roster does not know yet is covered by a later bundle.
fn counted_coverage(roster: &crate::trust::Roster, header: &BundleHeader) -> BundleHeader {
    let mut header = header.clone();
    let own = header.author_node;
    let claimed = roster
        .get(own)
        .map(|entry| entry.earlier_nodes.clone())
        .unwrap_or_default();
    header.author_earlier_nodes.retain(|earlier| {
        claimed.contains(earlier)
            && roster
                .writer_entry(*earlier)
                .is_some_and(|writer| writer.node == own)
    });
    let earlier = header.author_earlier_nodes.clone();
    header.coverage.0.retain(|node, _| {
        *node == own || earlier.contains(node) || roster.writer_entry(*node).is_some()
    });
    header
}

/// Finishes an import that a crash interrupted. Called when a store opens.
pub fn roll_forward(store: &Store) -> SyncResult<Option<ImportReport>> {
    let Some(bytes) = store.meta_get(JOURNAL_KEY)? else {
        return Ok(None);
    };
    if bytes.is_empty() {
        store.meta_remove(JOURNAL_KEY)?;
        return Ok(None);
    }
    let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
        id: "import journal".into(),
        reason: e.to_string(),
    })?;
    let now = DateTime::<Utc>::from_timestamp_millis(journal.started_at_millis).unwrap_or_default();
    apply(store, &journal.files, now, &mut |_| {}).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Role};
    use crate::store::OpenOptions;
    use chrono::TimeZone;

    type Hook = Box<dyn FnOnce(&Store)>;

    thread_local! {
        /// Run once by the next import on this thread, right after its gate is built.
        pub(super) static AFTER_GATE: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    #[test]
    fn a_forget_committed_while_an_import_runs_does_not_come_back_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let open_store =
            |name: &str| Store::open(&dir.path().join(name), &OpenOptions::default()).unwrap();
        let an = open_store("an");
        an.init("An", "an@antwerpen.be", Role::Networker, now)
            .unwrap();
        let mia = open_store("mia");
        mia.init("Mia", "mia@antwerpen.be", Role::Manager, now)
            .unwrap();
        let invitation = mia.invite(Role::Networker, now).unwrap();
        an.join(&invitation, now).unwrap();
        mia.enrol(&an.identity().unwrap(), Role::Networker, now)
            .unwrap();
        let jan = an
            .create(
                &Person {
                    display_name: "Jan CANARY Peeters".into(),
                    ..Person::default()
                },
                Some(crate::model::Visibility::Shared),
                now,
            )
            .unwrap();
        let first = dir.path().join("first.kring");
        an.export_bundle(&first, true, now).unwrap();
        mia.import_bundles(&[first], false, now).unwrap();

        // An's next bundle carries Jan again; while Mia imports it, she forgets Jan.
        let later = now + chrono::Duration::hours(1);
        let jan_body = Person {
            display_name: "Jan CANARY Peeters".into(),
            job_title: Some("havenkapitein".into()),
            ..Person::default()
        };
        an.update(jan, &jan_body, later).unwrap();
        let second = dir.path().join("second.kring");
        an.export_bundle(&second, true, later).unwrap();
        AFTER_GATE.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move |store: &Store| {
                store.forget(jan, "Art. 17", later).unwrap();
            }))
        });
        mia.import_bundles(&[second], false, later).unwrap();
        assert!(
            AFTER_GATE.with(|hook| hook.borrow().is_none()),
            "the hook ran"
        );
        assert_eq!(
            mia.state(jan).unwrap(),
            None,
            "Jan came back with the import"
        );
    }

    #[test]
    fn an_import_interrupted_after_the_journal_is_finished_when_the_store_opens() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let open_store =
            |name: &str| Store::open(&dir.path().join(name), &OpenOptions::default()).unwrap();
        let source = open_store("source");
        source
            .init("An", "an@antwerpen.be", Role::Networker, now)
            .unwrap();
        for n in 0..10 {
            source
                .create(
                    &Person {
                        display_name: format!("Persoon {n}"),
                        ..Person::default()
                    },
                    None,
                    now,
                )
                .unwrap();
        }
        let file = dir.path().join("an.kring");
        // Two managers' stores that know An alike: one imports as usual, one crashes.
        let mut digests = Vec::new();
        for name in ["twin", "target"] {
            let target = open_store(name);
            target
                .init("Mia", "mia@antwerpen.be", Role::Manager, now)
                .unwrap();
            let invitation = target.invite(Role::Networker, now).unwrap();
            if name == "twin" {
                source.join(&invitation, now).unwrap();
                source.export_bundle_with(&file, true, true, now).unwrap();
            }
            target
                .enrol(&source.identity().unwrap(), Role::Networker, now)
                .unwrap();
            if name == "twin" {
                target
                    .import_bundles(std::slice::from_ref(&file), false, now)
                    .unwrap();
                digests.push(target.digest().unwrap());
                assert_eq!(target.counts().unwrap()["person"], 10);
            } else {
                // The crash: the journal is written, nothing is merged yet.
                let copies = stage(&target, std::slice::from_ref(&file)).unwrap();
                open(&target, &copies, std::slice::from_ref(&file), now).unwrap();
            }
        }
        let reopened = (0..50)
            .find_map(|_| {
                Store::open(&dir.path().join("target"), &OpenOptions::default())
                    .ok()
                    .or_else(|| {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        None
                    })
            })
            .expect("the store opens");
        assert_eq!(
            reopened.counts().unwrap()["person"],
            10,
            "the import was rolled forward at open"
        );
        assert!(
            reopened.meta_get(JOURNAL_KEY).unwrap().is_none(),
            "the journal is closed"
        );
        assert!(!inbox(&reopened).exists(), "the inbox copies are gone");
        assert!(reopened.check(false, now).unwrap().is_clean());
        assert_eq!(digests.len(), 1);
    }
}

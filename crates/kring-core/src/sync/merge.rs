//! Merging bundle records into the store in bounded chunks.
//!
//! Records stream from each bundle; each is let through the [`Gate`] (what its writers may
//! write, see [`super::admit`]), joined with the store's state (or with the state already merged
//! in the current chunk), and the owner's rules are applied to the result; every few thousand
//! changed records are committed in one transaction. Memory is bounded by the chunk, not by the
//! bundles: a sled transaction of a million records keeps every intermediate page alive until it
//! ends.

use super::admit::{self, Gate, Signer};
use super::bundle::BundleHeader;
use super::{meta_key, ImportReport, ImportedFile, Peer, SyncResult};
use crate::clock::{Hlc, NodeId, FUTURE_TOLERANCE_MILLIS};
use crate::crdt::RecordState;
use crate::model::{RecordId, Role};
use crate::protection::sweep::{Cause, Swept};
use crate::store::{CommitPoint, ImportPoints, RecordChange, Rejudged, Store};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Changed records per transaction.
const CHUNK_RECORDS: usize = 4_096;
/// Refused writes listed one by one in a report; the rest are counted.
const REFUSALS_LISTED: usize = 200;

pub(crate) struct Merge<'s> {
    store: &'s Store,
    now: DateTime<Utc>,
    gate: Gate,
    /// Records merged but not yet committed (or, in a dry run, never committed).
    pending: HashMap<RecordId, RecordChange>,
    order: Vec<RecordId>,
    /// Stored records the gate's sweep takes out (a forgotten person's, a record past its
    /// retention period), not yet committed.
    removals: HashMap<RecordId, RecordState>,
    /// For each record the gate's sweep changed or removed, not yet committed: the record as
    /// read from the store and what the merge made of it before the sweep. Its commit judges
    /// such a record again if another commit changed it meanwhile ([`Rejudged`]).
    unswept: HashMap<RecordId, (Option<RecordState>, RecordState)>,
    /// Whether to commit; false for a dry run.
    commit: bool,
    largest_seen: Hlc,
    /// Senders whose bundle is dated well before changes it already held (see `clock_warnings`).
    lagging: BTreeMap<String, u64>,
    pub merged: u64,
    /// Where the commits stood when the import began, and when it began reading the chunk it
    /// now holds: its commits apply what it merged to records changed meanwhile (an edit in the
    /// app beside the sync folder's pass), instead of undoing them.
    began: CommitPoint,
    read_from: CommitPoint,
}

impl<'s> Merge<'s> {
    /// A merge into `store` of an import that began at `began` (taken before the import read
    /// anything from the store, its gate's roster included).
    pub(crate) fn new(
        store: &'s Store,
        now: DateTime<Utc>,
        gate: Gate,
        commit: bool,
        began: CommitPoint,
    ) -> Self {
        Merge {
            store,
            now,
            gate,
            pending: HashMap::new(),
            order: Vec::new(),
            removals: HashMap::new(),
            unswept: HashMap::new(),
            commit,
            largest_seen: Hlc::ZERO,
            lagging: BTreeMap::new(),
            merged: 0,
            began,
            read_from: began,
        }
    }

    /// Merges every record of one (already verified) bundle, written by `signer`.
    pub(crate) fn apply_file(
        &mut self,
        path: &Path,
        header: &BundleHeader,
        signer: Signer,
        report: &mut ImportReport,
        progress: &mut dyn FnMut(u64),
    ) -> SyncResult<()> {
        let mut reader = self.store.open_bundle(path)?;
        while let Some(incoming) = reader.next_record()? {
            self.merge_record(incoming, signer, report)?;
            self.merged += 1;
            if self.merged.is_multiple_of(8192) {
                progress(self.merged);
            }
            if self.commit && self.pending.len() + self.removals.len() >= CHUNK_RECORDS {
                self.flush(Vec::new())?;
            }
        }
        // A store that already held changes dated well after its own bundle's date has a clock
        // that runs behind: its own changes lose to others' they came after.
        let seen = header.version_vector.high_water_mark().millis;
        let dated = header.created_at_millis.max(0) as u64;
        if seen > dated + FUTURE_TOLERANCE_MILLIS {
            let days = (seen - dated) / 86_400_000;
            let entry = self.lagging.entry(header.author_name.clone()).or_insert(0);
            *entry = (*entry).max(days);
        }
        report.records_read += header.record_count;
        report.files.push(ImportedFile {
            path: path.to_owned(),
            author: header.author_name.clone(),
            node: header.author_node.to_string(),
            role: signer.role,
            kind: header.kind,
            records: header.record_count,
            created_at: DateTime::<Utc>::from_timestamp_millis(header.created_at_millis)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            newly_trusted: false,
        });
        Ok(())
    }

    fn merge_record(
        &mut self,
        incoming: RecordState,
        signer: Signer,
        report: &mut ImportReport,
    ) -> SyncResult<()> {
        let id = RecordId(incoming.id);
        let mut refused = Vec::new();
        let (before, current) = match self.pending.get(&id) {
            Some(change) => (None, Some(change.after.clone())),
            None => match self.removals.get(&id) {
                // Removed by an earlier bundle of this chunk: merged again from what the merge
                // made of it before its sweep, so the sweep judges both bundles' writes
                // together. It leaves the removals only once this record is admitted.
                Some(read) => {
                    let merged = self.unswept.get(&id).map(|(_, merged)| merged.clone());
                    (Some(read.clone()), merged)
                }
                None => {
                    // Most of an import updates records of the kind it says they are.
                    let stored = self
                        .store
                        .state_expecting(id, Some(incoming.kind.as_str()))?;
                    (stored.clone(), stored)
                }
            },
        };
        let admitted = self
            .gate
            .admit(signer, &incoming, current.as_ref(), &mut refused);
        report.refused_total += refused.len() as u64;
        let room = REFUSALS_LISTED.saturating_sub(report.refused.len());
        report.refused.extend(refused.into_iter().take(room));
        let Some(admitted) = admitted else {
            return Ok(());
        };
        self.removals.remove(&id);
        for stamp in admitted.stamps() {
            if stamp.hlc > self.largest_seen {
                self.largest_seen = stamp.hlc;
            }
        }
        let mut after = match &current {
            Some(existing) => existing.clone(),
            None => RecordState::new(admitted.id, admitted.kind.clone()),
        };
        let effect = after.merge(&admitted);
        let store = self.store;
        let now = self.now;
        let me = self.gate.me;
        let own = self.gate.own_node;
        let roster = &self.gate.roster;
        admit::after_merge(
            &mut after,
            me,
            |node| {
                node == own
                    || me.is_some_and(|me| {
                        roster
                            .writer_entry(node)
                            .is_some_and(|entry| entry.networker == Some(me))
                    })
            },
            || {
                // Moving the clock past what was merged first keeps the reassertion later than
                // the write it answers.
                store.observe_time(admitted.max_stamp().map(|s| s.hlc).unwrap_or_default());
                store.next_stamp(now)
            },
        );
        // What is about a forgotten person, or past a retention rule's period, goes: the same
        // sweep every store applies to what it holds, so merging an old bundle revives nothing.
        let verdict = self.gate.sweep.apply(&after);
        let unswept = match self.unswept.remove(&id) {
            Some((read, mut unswept)) => {
                unswept.merge(&after.written_since(current.as_ref()));
                Some((read, unswept))
            }
            None if !matches!(verdict, Swept::Unchanged) => {
                let read = match self.pending.get(&id) {
                    Some(change) => change.before.clone(),
                    None => before.clone(),
                };
                Some((read, after.clone()))
            }
            None => None,
        };
        let mut removed = None;
        match verdict {
            Swept::Unchanged => {}
            Swept::Changed { state, causes, .. } => {
                tally(report, &causes);
                after = state;
            }
            Swept::Removed(cause) => {
                tally(report, &[cause]);
                removed = Some(());
            }
        }
        if removed.is_some() {
            let stored = match self.pending.remove(&id) {
                Some(change) => {
                    self.order.retain(|kept| *kept != id);
                    change.before
                }
                None => before,
            };
            if let Some(stored) = stored {
                self.removals.insert(id, stored);
            }
            self.keep_unswept(id, unswept);
            return Ok(());
        }
        match self.pending.get_mut(&id) {
            Some(change) => {
                count(report, Some(&change.after), &after);
                change.after = after;
                change.superseded.extend(effect.superseded);
            }
            None => {
                count(report, before.as_ref(), &after);
                if before.as_ref() != Some(&after) {
                    self.order.push(id);
                    self.pending.insert(
                        id,
                        RecordChange {
                            before,
                            after,
                            superseded: effect.superseded,
                        },
                    );
                }
            }
        }
        self.keep_unswept(id, unswept);
        Ok(())
    }

    /// Keeps what the merge made of a record before its sweep, for its commit to judge again,
    /// while the record is to be written or removed (so it is bounded by the chunk).
    fn keep_unswept(&mut self, id: RecordId, unswept: Option<(Option<RecordState>, RecordState)>) {
        if let Some(unswept) = unswept {
            if self.pending.contains_key(&id) || self.removals.contains_key(&id) {
                self.unswept.insert(id, unswept);
            }
        }
    }

    /// Commits what is pending, with extra meta keys, in one transaction.
    pub(crate) fn flush(&mut self, extra_meta: Vec<(Vec<u8>, Vec<u8>)>) -> SyncResult<()> {
        self.store.observe_time(self.largest_seen);
        let changes = self.take_pending();
        let removals = self.take_removals();
        if changes.is_empty() && removals.is_empty() && extra_meta.is_empty() {
            return Ok(());
        }
        #[cfg(test)]
        tests::before_commit(self.store);
        let unswept = std::mem::take(&mut self.unswept);
        self.read_from = self.store.commit_merged(
            changes,
            removals,
            extra_meta,
            self.now,
            Some(self.read_from),
            Some(&|stored, read| rejudge(&self.gate.sweep, &unswept, stored, read)),
        )?;
        Ok(())
    }

    /// The last commit of an import: what is pending, the meta keys, and the coverage the
    /// imported bundles proved (see [`super::causal`]), in one transaction.
    pub(crate) fn finish(
        &mut self,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        coverage_advance: &crate::clock::VersionVector,
    ) -> SyncResult<()> {
        self.store.observe_time(self.largest_seen);
        let changes = self.take_pending();
        let removals = self.take_removals();
        let points = ImportPoints {
            began: self.began,
            read_from: self.read_from,
        };
        #[cfg(test)]
        tests::before_commit(self.store);
        let unswept = std::mem::take(&mut self.unswept);
        self.store.commit_advancing(
            changes,
            removals,
            extra_meta,
            self.now,
            coverage_advance,
            points,
            Some(&|stored, read| rejudge(&self.gate.sweep, &unswept, stored, read)),
        )?;
        Ok(())
    }

    fn take_removals(&mut self) -> Vec<RecordState> {
        let mut removals: Vec<RecordState> = self.removals.drain().map(|(_, s)| s).collect();
        removals.sort_by_key(|s| s.id);
        removals
    }

    fn take_pending(&mut self) -> Vec<RecordChange> {
        self.order
            .drain(..)
            .filter_map(|id| self.pending.remove(&id))
            .collect()
    }

    pub(crate) fn clocks_behind(&self) -> Vec<super::ClockBehind> {
        self.lagging
            .iter()
            .map(|(author, days)| super::ClockBehind {
                author: author.to_string(),
                days: *days as i64,
            })
            .collect()
    }

    pub(crate) fn clock_warnings(&self) -> Vec<String> {
        self.lagging
            .iter()
            .map(|(author, days)| {
                format!(
                    "{author}'s clock seems to run {days} days behind: their bundle is dated \
                     before changes it already held. Ask {author} to set their computer's date \
                     right, or their changes will lose to older ones"
                )
            })
            .collect()
    }
}

/// What an import's change comes to on a record another commit changed after the import read it
/// (see [`crate::store::Rejudged`]): what the merge wrote (before its sweep) merged into the
/// record as stored now, then swept by the record as it is then. `read` is the change as
/// committed (none for a removal, whose merge is in `unswept`). The import's report keeps the
/// counts of the verdict made on the read.
fn rejudge(
    sweep: &crate::protection::sweep::Sweep,
    unswept: &HashMap<RecordId, (Option<RecordState>, RecordState)>,
    stored: &RecordState,
    read: Option<&RecordChange>,
) -> Option<Rejudged> {
    let (before, merged) = match unswept.get(&RecordId(stored.id)) {
        Some((before, merged)) => (before.as_ref(), merged),
        None => {
            let read = read?;
            (read.before.as_ref(), &read.after)
        }
    };
    let mut after = stored.clone();
    let effect = after.merge(&merged.written_since(before));
    // What the merge took away without superseding: the fields a narrowing withdraws.
    if let Some(before) = before {
        let taken = merged.taken_since(before);
        if !taken.is_empty() {
            after.take_away(&taken);
        }
    }
    Some(match sweep.apply(&after) {
        Swept::Unchanged => Rejudged::Write {
            after,
            superseded: effect.superseded,
        },
        Swept::Changed { state, .. } => Rejudged::Write {
            after: state,
            superseded: effect.superseded,
        },
        Swept::Removed(_) => Rejudged::Remove,
    })
}

/// Counts what the gate's sweep dropped of one record.
fn tally(report: &mut ImportReport, causes: &[Cause]) {
    if causes.contains(&Cause::Forgotten) {
        report.forgotten_dropped += 1;
    }
    if causes.iter().any(|c| matches!(c, Cause::Rule(_))) {
        report.expired_dropped += 1;
    }
}

/// Counts one record's merge in the report: added, changed (and deleted), or unchanged, and the
/// conflicts it brought.
fn count(report: &mut ImportReport, before: Option<&RecordState>, after: &RecordState) {
    match before {
        None => report.added += 1,
        Some(before) if before == after => report.unchanged += 1,
        Some(before) => {
            report.changed += 1;
            if !before.is_deleted() && after.is_deleted() {
                report.deleted += 1;
            }
            let conflicts = |s: &RecordState| {
                s.fields
                    .values()
                    .map(|r| r.conflicts().len())
                    .sum::<usize>()
            };
            report.new_conflicts += conflicts(after).saturating_sub(conflicts(before)) as u64;
        }
    }
    if before.is_none() {
        report.new_conflicts += after
            .fields
            .values()
            .map(|r| r.conflicts().len())
            .sum::<usize>() as u64;
    }
}

/// What an import learns of one file's author: what the author holds (for delta exports back to
/// it), its role on the roster and when it wrote the file, to be kept under the author's
/// [`peer_key`]. `None` for this store's own files, and for a file older than what the store
/// already heard from its author (see [`newer_than`]): a shared drive may hand files over out of
/// order, and an older header would set the author's coverage and last-seen time back.
pub(crate) fn newer_peer_entry(
    store: &Store,
    header: &BundleHeader,
    role: Role,
) -> SyncResult<Option<Peer>> {
    if header.author_node == store.node_id() {
        return Ok(None);
    }
    let peer = Peer {
        node: header.author_node,
        name: header.author_name.clone(),
        role,
        version_vector: header.version_vector.clone(),
        last_bundle_at_millis: header.created_at_millis,
        coverage: Some(header.coverage.clone()),
    };
    let known = store
        .meta_get(&peer_key(header.author_node))?
        .and_then(|bytes| serde_json::from_slice::<Peer>(&bytes).ok());
    Ok(match known {
        Some(known) if newer_than(&known, &peer) => None,
        _ => Some(peer),
    })
}

/// Whether entry `a` of a peer was written after entry `b`: by the author's own clock in the
/// header (a hybrid clock, which never runs back, even when the computer's clock does), then by
/// the file's time.
pub(crate) fn newer_than(a: &Peer, b: &Peer) -> bool {
    let own = |peer: &Peer| peer.version_vector.get(peer.node);
    (own(a), a.last_bundle_at_millis) > (own(b), b.last_bundle_at_millis)
}

/// The meta key a peer's entry is kept under.
pub(crate) fn peer_key(node: NodeId) -> Vec<u8> {
    let mut key = meta_key::PEER_PREFIX.to_vec();
    key.extend_from_slice(&node.0.to_be_bytes());
    key
}

#[cfg(test)]
mod tests {
    use crate::model::{
        FollowUp, Interaction, InteractionKind, Person, RecordId, RecordKind, Role, Visibility,
    };
    use crate::protection::{RetentionAction, RetentionRule};
    use crate::store::{OpenOptions, Store};
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};

    type Hook = Box<dyn FnOnce(&Store)>;

    thread_local! {
        /// Run once by the next commit of an import on this thread, after it read and merged
        /// what it commits.
        static BEFORE_COMMIT: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    pub(super) fn before_commit(store: &Store) {
        BEFORE_COMMIT.with(|hook| hook.borrow_mut().take().map(|hook| hook(store)));
    }

    fn at((year, month, day): (i32, u32, u32)) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(year, month, day, 9, 0, 0).unwrap()
    }

    /// An and Mia, managers of one organisation; Mia holds `rule`; An has a card for Jan.
    struct Pair {
        dir: tempfile::TempDir,
        an: Store,
        mia: Store,
        jan: RecordId,
    }

    const FIRST_SYNC: (i32, u32, u32) = (2026, 3, 1);
    const LATER: (i32, u32, u32) = (2026, 9, 1);

    fn pair_with(rule: RetentionRule) -> Pair {
        let dir = tempfile::tempdir().unwrap();
        let now = at(FIRST_SYNC);
        let open_store =
            |name: &str| Store::open(&dir.path().join(name), &OpenOptions::default()).unwrap();
        let an = open_store("an");
        an.init("An", "an@antwerpen.be", Role::Manager, now)
            .unwrap();
        let mia = open_store("mia");
        mia.init("Mia", "mia@antwerpen.be", Role::Manager, now)
            .unwrap();
        let invitation = mia.invite(Role::Manager, now).unwrap();
        an.join(&invitation, now).unwrap();
        mia.enrol(&an.identity().unwrap(), Role::Manager, now)
            .unwrap();
        mia.add_retention_rule(&rule, now).unwrap();
        let jan = an
            .create(
                &Person {
                    display_name: "Jan Peeters".into(),
                    ..Default::default()
                },
                Some(Visibility::Shared),
                now,
            )
            .unwrap();
        Pair { dir, an, mia, jan }
    }

    impl Pair {
        /// An exports everything; Mia imports it at `now`, running `meanwhile` on her store
        /// after the import read and merged and before it commits.
        fn sync(&self, name: &str, now: DateTime<Utc>, meanwhile: Option<Hook>) {
            let bundle = self.export(name, now);
            self.import(&[bundle], now, meanwhile);
        }

        fn export(&self, name: &str, now: DateTime<Utc>) -> std::path::PathBuf {
            let bundle = self.dir.path().join(name);
            self.an.export_bundle(&bundle, true, now).unwrap();
            bundle
        }

        /// Mia imports `bundles` in one import at `now`, running `meanwhile` on her store after
        /// the import read and merged them and before it commits.
        fn import(
            &self,
            bundles: &[std::path::PathBuf],
            now: DateTime<Utc>,
            meanwhile: Option<Hook>,
        ) {
            let hooked = meanwhile.is_some();
            BEFORE_COMMIT.with(|hook| *hook.borrow_mut() = meanwhile);
            self.mia.import_bundles(bundles, false, now).unwrap();
            if hooked {
                assert!(
                    BEFORE_COMMIT.with(|hook| hook.borrow().is_none()),
                    "the hook ran"
                );
            }
        }

        /// Mia's store holds what its own sweep makes of every record today.
        fn assert_nothing_left_to_sweep(&self, now: DateTime<Utc>) {
            let sweep = self.mia.sweep_at(now).unwrap();
            let outcome = self.mia.sweep_store(&sweep, now, true).unwrap();
            assert!(
                outcome.changed.is_empty() && outcome.removed.is_empty(),
                "{outcome:?}"
            );
        }
    }

    fn rule(kind: RecordKind, action: RetentionAction, fields: &[&str]) -> RetentionRule {
        RetentionRule {
            name: "Na zes jaar".into(),
            applies_to: kind,
            action,
            after_days: 6 * 365,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            legal_reference: "Selectielijst lokale besturen, reeks 1.3".into(),
            description: None,
        }
    }

    /// A meeting of An's with Jan on `date`, that Mia has from the first sync.
    fn shared_meeting(
        pair: &Pair,
        date: (i32, u32, u32),
        summary: &str,
    ) -> (RecordId, Interaction) {
        let meeting = Interaction {
            kind: InteractionKind::Meeting,
            at: at(date).fixed_offset(),
            participants: vec![pair.jan],
            summary: summary.into(),
            outcomes: Vec::new(),
        };
        let id = pair
            .an
            .create(&meeting, Some(Visibility::Shared), at(FIRST_SYNC))
            .unwrap();
        pair.sync("first.kring", at(FIRST_SYNC), None);
        (id, meeting)
    }

    #[test]
    fn a_retention_rule_judges_a_record_an_edit_changed_during_the_import_as_it_is_stored_now() {
        let pair = pair_with(rule(
            RecordKind::Interaction,
            RetentionAction::Clear,
            &["summary"],
        ));
        // A meeting An typed as 2020 instead of 2026: within six years at the first sync.
        let (id, mut meeting) = shared_meeting(&pair, (2020, 6, 1), "Akkoord over de kaaimuur");

        // Months later An adds an outcome; while Mia imports it she corrects the year, so the
        // meeting is no longer six years old. The import read it as six years old.
        let later = at(LATER);
        meeting.outcomes = vec!["Offerte vóór oktober".into()];
        pair.an.update(id, &meeting, later).unwrap();
        let correct_the_year: Hook = Box::new(move |store: &Store| {
            let mut corrected = store.get::<Interaction>(id).unwrap().unwrap();
            corrected.at = at((2026, 6, 1)).fixed_offset();
            store.update(id, &corrected, later).unwrap();
        });
        pair.sync("second.kring", later, Some(correct_the_year));

        let stored = pair.mia.get::<Interaction>(id).unwrap().unwrap();
        assert_eq!(
            stored.at,
            at((2026, 6, 1)).fixed_offset(),
            "Mia's correction"
        );
        assert_eq!(stored.outcomes, vec!["Offerte vóór oktober".to_string()]);
        assert_eq!(
            stored.summary, "Akkoord over de kaaimuur",
            "the summary was cleared by a verdict on the date the import read"
        );
        pair.assert_nothing_left_to_sweep(later);
    }

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    /// A follow-up of An's about Jan, due on `due`, that Mia has from the first sync.
    fn shared_follow_up(pair: &Pair, due: NaiveDate) -> (RecordId, FollowUp) {
        let follow_up = FollowUp {
            interaction: None,
            about: vec![pair.jan],
            text: "Offerte opvragen".into(),
            due,
            done: false,
        };
        let id = pair
            .an
            .create(&follow_up, Some(Visibility::Shared), at(FIRST_SYNC))
            .unwrap();
        pair.sync("first.kring", at(FIRST_SYNC), None);
        (id, follow_up)
    }

    /// Mia moves the follow-up's due date, in her store, at `now`.
    fn moving_due_date(id: RecordId, due: NaiveDate, now: DateTime<Utc>) -> Hook {
        Box::new(move |store: &Store| {
            let mut moved = store.get::<FollowUp>(id).unwrap().unwrap();
            moved.due = due;
            store.update(id, &moved, now).unwrap();
        })
    }

    #[test]
    fn a_record_a_rule_would_remove_stays_when_an_edit_during_the_import_moves_its_date() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, mut follow_up) = shared_follow_up(&pair, day(2020, 6, 1));

        let later = at(LATER);
        follow_up.text = "Offerte opvragen bij de havenkapitein".into();
        pair.an.update(id, &follow_up, later).unwrap();
        let postpone = moving_due_date(id, day(2026, 12, 1), later);
        pair.sync("second.kring", later, Some(postpone));

        let stored = pair
            .mia
            .get::<FollowUp>(id)
            .unwrap()
            .expect("the follow-up was removed by a verdict on the due date the import read");
        assert_eq!(stored.due, day(2026, 12, 1));
        assert_eq!(stored.text, "Offerte opvragen bij de havenkapitein");
        pair.assert_nothing_left_to_sweep(later);
        assert!(pair.mia.check(false, later).unwrap().is_clean());
    }

    #[test]
    fn a_record_past_its_rule_after_an_edit_during_the_import_goes_as_stored_now() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, mut follow_up) = shared_follow_up(&pair, day(2026, 6, 1));

        // Mia corrects the due date to the year it was really due, long past the rule's period,
        // while the import of An's edit read it as recent.
        let later = at(LATER);
        follow_up.text = "Offerte opgevraagd".into();
        pair.an.update(id, &follow_up, later).unwrap();
        let backdate = moving_due_date(id, day(2019, 6, 1), later);
        pair.sync("second.kring", later, Some(backdate));

        assert!(pair.mia.state(id).unwrap().is_none(), "kept past its rule");
        pair.assert_nothing_left_to_sweep(later);
        assert!(pair.mia.check(false, later).unwrap().is_clean());
    }

    #[test]
    fn a_narrowing_imported_while_an_edit_lands_still_withdraws_the_fields() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, _) = shared_meeting(&pair, (2026, 2, 1), "Vertrouwelijk: herstructurering");
        assert!(pair
            .mia
            .state(id)
            .unwrap()
            .unwrap()
            .fields
            .contains_key("summary"));

        // An makes the meeting private; Mia adds an outcome while she imports that.
        let later = at(LATER);
        pair.an
            .set_visibility(id, Visibility::Private, later)
            .unwrap();
        let add_an_outcome: Hook = Box::new(move |store: &Store| {
            let mut meeting = store.get::<Interaction>(id).unwrap().unwrap();
            meeting.outcomes = vec!["Volgende stap".into()];
            store.update(id, &meeting, later).unwrap();
        });
        pair.sync("second.kring", later, Some(add_an_outcome));

        let stored = pair.mia.state(id).unwrap().unwrap();
        assert!(
            !stored.fields.contains_key("summary"),
            "the private meeting's summary stayed in Mia's store: {:?}",
            stored.fields.keys().collect::<Vec<_>>()
        );
    }

    /// A follow-up An's first bundle dates 2019 (past the rule) and her second 2026 again.
    fn backdated_then_corrected(pair: &Pair) -> (RecordId, Vec<std::path::PathBuf>) {
        let (id, mut follow_up) = shared_follow_up(pair, day(2026, 6, 1));
        follow_up.due = day(2019, 6, 1);
        pair.an.update(id, &follow_up, at((2026, 8, 1))).unwrap();
        let backdated = pair.export("backdated.kring", at((2026, 8, 1)));
        follow_up.due = day(2026, 12, 1);
        follow_up.text = "Offerte opvragen bij de havenkapitein".into();
        pair.an.update(id, &follow_up, at((2026, 8, 2))).unwrap();
        let corrected = pair.export("corrected.kring", at((2026, 8, 2)));
        (id, vec![backdated, corrected])
    }

    #[test]
    fn a_record_removed_then_merged_again_in_one_import_is_judged_on_both() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, bundles) = backdated_then_corrected(&pair);
        // One by one, the follow-up would stay (the second bundle dates it 2026): together too.
        pair.import(&bundles, at(LATER), None);
        let stored = pair.mia.get::<FollowUp>(id).unwrap().expect("removed");
        assert_eq!(stored.due, day(2026, 12, 1));
        assert_eq!(stored.text, "Offerte opvragen bij de havenkapitein");
    }

    #[test]
    fn a_record_removed_then_merged_again_in_one_import_keeps_an_edit_made_meanwhile() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, bundles) = backdated_then_corrected(&pair);
        let later = at(LATER);
        let mark_done: Hook = Box::new(move |store: &Store| {
            let mut follow_up = store.get::<FollowUp>(id).unwrap().unwrap();
            follow_up.done = true;
            store.update(id, &follow_up, later).unwrap();
        });
        pair.import(&bundles, later, Some(mark_done));

        let stored = pair.mia.get::<FollowUp>(id).unwrap().expect("removed");
        assert_eq!(stored.due, day(2026, 12, 1));
        assert_eq!(stored.text, "Offerte opvragen bij de havenkapitein");
        assert!(stored.done, "Mia's edit was lost: {stored:?}");
        pair.assert_nothing_left_to_sweep(later);
    }

    #[test]
    fn a_record_refused_after_the_sweep_removed_it_in_the_same_chunk_leaves_the_removal() {
        let pair = pair_with(rule(RecordKind::FollowUp, RetentionAction::Remove, &[]));
        let (id, bundles) = backdated_then_corrected(&pair);
        let backdated = &bundles[0];
        let now = at(LATER);
        let header = pair.mia.open_bundle(backdated).unwrap().header;
        let files = vec![(backdated.clone(), header.clone())];
        let began = pair.mia.commit_point();
        let (gate, signers) = super::super::journal::gate_for(&pair.mia, &files, now).unwrap();
        let signer = signers[0].unwrap();
        let mut merge = super::Merge::new(&pair.mia, now, gate, true, began);
        let mut report = super::ImportReport::default();
        merge
            .apply_file(backdated, &header, signer, &mut report, &mut |_| {})
            .unwrap();
        assert!(
            merge.removals.contains_key(&id),
            "the backdated follow-up is to be removed"
        );
        // A later record of the same chunk names the same id as another kind: refused whole.
        let other_kind = crate::crdt::RecordState::new(id.0, "note");
        merge.merge_record(other_kind, signer, &mut report).unwrap();
        assert!(report.refused_total > 0, "the other kind was refused");
        assert!(
            merge.removals.contains_key(&id),
            "the refused record dropped the removal"
        );
        merge
            .finish(Vec::new(), &crate::clock::VersionVector::default())
            .unwrap();
        assert!(pair.mia.state(id).unwrap().is_none());
    }
}

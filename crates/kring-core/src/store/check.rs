//! `kring check`: recompute every index from the records and report any drift; hold every value
//! of every record to its kind's table ([`crate::model::schema`]); find records stored under a kind other
//! than the one this store knows them by.
//!
//! A record's kind is the records tree it is stored in, and a record never changes kind: an
//! import refuses a record re-sent under another kind, and the store refuses any write that
//! would change one (`Store::commit_inner`). So a copy of a record in a second tree, or a copy
//! that says it is another kind than its tree's, is damage. The check reports it. When exactly
//! one copy is stored among the records of the kind it says it is, that copy is the record:
//! `--repair` moves the others out of the records trees into the `quarantine` tree (kept, never
//! read, exported or backed up) and rebuilds the indexes from the record. With no such copy, or
//! several, repair leaves them alone: only a person can tell which is right.
//!
//! (Until schema 6 a kind index named each record's kind as it first arrived, and a copy under
//! another kind could land in a second tree by an import; the check then sorted copies by that
//! index.)

use super::changes_log::{self, Coverage};
pub use super::check_finding::{Finding, FindingKind};
use super::indexes::{self, Index, TermContribution};
use super::records_trees::RecordsTrees;
use super::{decode_state, encode_state, Store, StoreResult};
use crate::crdt::RecordState;
use crate::model::refusal::SaidInEach;
use crate::model::schema;
use crate::model::RecordId;
use chrono::{DateTime, Utc};
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

/// What `check` found.
#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    pub records: usize,
    pub index_entries: usize,
    /// Entries the records call for that the index lacks.
    pub missing: Vec<Finding>,
    /// Entries the index holds that no record calls for (and a search term file that differs).
    pub stale: Vec<Finding>,
    /// Records that cannot be decoded.
    pub unreadable: Vec<Finding>,
    /// Records whose values do not fit their kind's table, and copies of records stored under
    /// another kind or beside another copy; sorted by id.
    pub problems: Vec<RecordProblem>,
    /// Whether `--repair` rebuilt the indexes (and moved copies of the wrong kind aside).
    pub repaired: bool,
    /// Copies of the wrong kind `--repair` moved to the quarantine tree.
    pub quarantined: usize,
}

/// The code of a copy of a record stored among the records of another kind, or beside another
/// copy.
pub const WRONG_KIND: &str = "wrong_kind";

/// One record that does not read as its kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordProblem {
    /// `wrong_kind` for the record; for one value, the [`schema::ProblemCode`]: `wrong_type`,
    /// `bad_value`, `too_long`, `set_as_register`, `register_as_set` or `not_json`.
    pub code: &'static str,
    pub id: String,
    /// The kind the record (or the copy) says it is.
    pub kind: String,
    /// The field, for a value's problem.
    pub field: Option<String>,
    /// Why, worded in each language when said; in JSON its English.
    pub reason: Finding,
    /// Whether `--repair` can put it right (it moves a copy of the wrong kind aside when the
    /// record's known kind has a copy; it never changes a value).
    pub repairable: bool,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.stale.is_empty()
            && self.unreadable.is_empty()
            && self.problems.is_empty()
    }

    /// Whether `--repair` has something to do: indexes that drifted, copies to move aside.
    pub fn needs_repair(&self) -> bool {
        !self.missing.is_empty()
            || !self.stale.is_empty()
            || self.problems.iter().any(|p| p.repairable)
    }

    /// What repair cannot put right: unreadable records, values of the wrong type, records with
    /// no copy of their known kind.
    pub fn beyond_repair(&self) -> usize {
        self.unreadable.len() + self.problems.iter().filter(|p| !p.repairable).count()
    }
}

/// A copy of a record under another kind than its known one, to move aside.
struct Stray {
    tree_kind: String,
    id: RecordId,
    state: RecordState,
}

/// Where `--repair` keeps copies of records stored under another kind than their known one: key
/// id ‖ the kind of the records tree it was in, value the encoded state.
pub const QUARANTINE_TREE: &str = "quarantine";

/// In `meta` while copies the migration to schema 7 moved to quarantine may have left index
/// entries behind (see `Store::quarantine_copies_the_kind_index_does_not_name`).
pub(crate) const REBUILD_AFTER_QUARANTINE_KEY: &[u8] = b"rebuild_indexes_after_quarantine";

/// Why a copy stored among the `tree_kind` records (saying it is a `says`) is not the record.
fn wrong_kind_reason(
    tree_kind: &str,
    says: &str,
    known: Option<&str>,
    has_record: bool,
) -> Finding {
    let (tree, says) = (tree_kind.to_owned(), says.to_owned());
    match (known, has_record) {
        (Some(known), true) => Finding::WrongKindMoved {
            tree,
            says,
            known: known.to_owned(),
        },
        (Some(known), false) => Finding::WrongKindNoCopy {
            tree,
            says,
            known: known.to_owned(),
        },
        (None, _) => Finding::WrongKindUnknown { tree, says },
    }
}

/// The values of a record that do not fit its kind's table; repair never changes a value.
fn value_problems(id: RecordId, state: &RecordState) -> impl Iterator<Item = RecordProblem> + '_ {
    schema::check_record(state)
        .into_iter()
        .map(move |problem| RecordProblem {
            code: problem.code.as_str(),
            id: id.to_string(),
            kind: state.kind.clone(),
            reason: Finding::Value {
                reason: Box::new(SaidInEach::from(|language| problem.reason_in(language))),
            },
            field: Some(problem.field),
            repairable: false,
        })
}

/// Index entries, each as its index and key.
type Entries = BTreeSet<(Index, Vec<u8>)>;

/// An index entry as a 64-bit hash: what the streaming check keeps of each. SipHash with fixed
/// keys, so that two distinct entries share a hash with a chance of about 2⁻⁶⁴ per pair.
fn entry_hash(index: Index, key: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    index.hash(&mut hasher);
    key.hash(&mut hasher);
    hasher.finish()
}

/// A record's terms entry as a 64-bit hash of its key and its value: the value is what the
/// check compares, and hashing it saves reading the entry back for every record.
fn terms_entry_hash(key: &[u8], value: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    Index::RecordTerms.hash(&mut hasher);
    key.hash(&mut hasher);
    value.hash(&mut hasher);
    hasher.finish()
}

/// A record's terms entry that holds other terms than the record calls for.
fn differing_terms_entry(key: &[u8]) -> Finding {
    Finding::TermsDiffer {
        index: Index::RecordTerms.tree_name(),
        key: hex(key),
    }
}

fn missing_entry(index: Index, key: &[u8]) -> Finding {
    Finding::MissingEntry {
        index: index.tree_name(),
        key: hex(key),
    }
}

fn stale_entry(index: Index, key: &[u8]) -> Finding {
    Finding::StaleEntry {
        index: index.tree_name(),
        key: hex(key),
    }
}

/// What the changes log lacks (a record's write it does not list late enough), the entries it
/// cannot read and those that list a record the store does not hold, as findings; sorted, so that
/// both checks report them alike.
fn changes_log_findings(
    coverage: &Coverage,
    mut uncovered: Vec<Vec<u8>>,
    orphans: Vec<Vec<u8>>,
    report: &mut CheckReport,
) {
    uncovered.sort();
    report
        .missing
        .extend(uncovered.iter().map(|key| Finding::MissingEntry {
            index: changes_log::TREE,
            key: hex(key),
        }));
    report.stale.extend(
        coverage
            .damaged
            .iter()
            .chain(&orphans)
            .map(|key| Finding::StaleEntry {
                index: changes_log::TREE,
                key: hex(key),
            }),
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Verifies every index against the records. With `repair`, rewrites the indexes that drifted
    /// (in one transaction) and reports what it fixed.
    ///
    /// A store whose every record sits alone in the tree of its kind (every store Kring wrote)
    /// is checked in streaming passes whose memory does not grow with the records' size (at
    /// 100,000 cards the full check held 4.6 GB of record states). Anything else (an unreadable
    /// record, a copy under another kind) and a repair take the full check, which holds every
    /// record and can sort the copies out.
    pub fn check(&self, repair: bool, now: DateTime<Utc>) -> StoreResult<CheckReport> {
        let mut report = match self.check_streaming(now)? {
            Some(report) if !(repair && report.needs_repair()) => report,
            _ => {
                // A repair writes the indexes it computed from what it read: a commit in between
                // from another thread sharing this store would lose its entries, so commits
                // wait until the repair is written. The check itself takes no lock.
                let _no_commits = repair.then(|| self.writer());
                self.check_holding_every_record(repair, now)?
            }
        };
        // The search term file (`term_file`) is the terms of each record (`index.record_terms`)
        // in another form: one that says it describes this state of the store must hold the
        // same postings.
        if self.term_file_agrees()? == Some(false) {
            if repair {
                self.forget_term_file()?;
                report.repaired = true;
            } else {
                report.stale.push(Finding::TermFileDiffers {
                    file: super::term_file::FILE_NAME,
                });
            }
        }
        Ok(report)
    }

    /// Every records tree in the database, read afresh rather than taken from the list lookups
    /// use (which knows the trees commits wrote to): lookups know them all from then on.
    fn every_records_tree(&self) -> StoreResult<std::sync::Arc<Vec<(String, sled::Tree)>>> {
        let trees = RecordsTrees::read(&self.db)?.all();
        self.records_trees
            .include(&self.db, trees.iter().map(|(kind, _)| kind.as_str()))?;
        Ok(trees)
    }

    /// The streaming check: `None` when a record is not alone in the tree of its kind (or
    /// cannot be read), which only the full check can report on.
    ///
    /// 1. (Until schema 6: the kind index.)
    /// 2. A 64-bit hash of every index entry the store holds (`held`, sorted).
    /// 3. Each record, decoded one at a time: its values against its kind's table, and the
    ///    hash of each entry it calls for (`called`, sorted). Every entry's key ends with the
    ///    id of the record that calls for it, so no two records call for the same entry.
    /// 4. One walk of the two lists: held and not called for is stale, called for and not held
    ///    is missing. The records are read again only when something is missing, to name it;
    ///    the index trees again only when something is stale.
    ///
    /// The maps are keyed by random ids and by hashes already mixed, hence the fast hasher.
    pub(crate) fn check_streaming(&self, now: DateTime<Utc>) -> StoreResult<Option<CheckReport>> {
        let mut report = CheckReport::default();
        let trees = self.every_records_tree()?;
        let kinds: Vec<&str> = trees.iter().map(|(kind, _)| kind.as_str()).collect();

        // Hashes in sorted vectors, compared by one walk at the end: the same answer as a hash
        // set, without a random access into it per entry (16 % of the check's time at 100,000
        // cards).
        let mut held: Vec<u64> = Vec::new();
        for index in Index::ALL {
            if *index == Index::RecordTerms {
                for item in self.index(*index).iter() {
                    let (key, value) = item?;
                    report.index_entries += 1;
                    held.push(terms_entry_hash(&key, &value));
                }
                continue;
            }
            for key in self.index(*index).iter().keys() {
                report.index_entries += 1;
                held.push(entry_hash(*index, &key?));
            }
        }
        held.sort_unstable();
        let coverage = Coverage::read(&self.changes_log)?;
        report.index_entries += coverage.entries;
        let mut uncovered: Vec<Vec<u8>> = Vec::new();

        let today = now.date_naive();
        // What a record's search terms read of another (an affiliation's organisation), found
        // as a lookup by id finds it.
        let read = |id: RecordId| -> Option<RecordState> {
            let (_, bytes) = self.records_trees.find(id.as_bytes(), None).ok()??;
            decode_state(id.as_bytes(), &bytes).ok()
        };
        // The entries a record calls for, its terms entry apart (the encoded terms, when it
        // has any).
        let wanted_of = |state: &RecordState| -> (Entries, Option<Vec<u8>>) {
            let wanted: Entries = indexes::simple_entries(state).into_iter().collect();
            let terms = indexes::term_contributions(state, &mut |other| read(other), today);
            let encoded =
                (!terms.is_empty()).then(|| postcard::to_stdvec(&terms).expect("terms encode"));
            (wanted, encoded)
        };
        // Every record read, so that a second copy of one (under another kind) is noticed.
        let mut seen: FxHashSet<RecordId> = FxHashSet::default();
        let mut missing: Vec<(Index, Vec<u8>)> = Vec::new();
        let mut terms_differ: FxHashSet<RecordId> = FxHashSet::default();
        let mut called: Vec<u64> = Vec::with_capacity(held.len());
        for (position, (_, tree)) in trees.iter().enumerate() {
            for item in tree.iter() {
                let (key, value) = item?;
                let Ok(state) = decode_state(&key, &value) else {
                    return Ok(None);
                };
                if state.kind != kinds[position] {
                    return Ok(None);
                }
                let id = RecordId(state.id);
                // A second copy of a record already read, under another kind.
                if !seen.insert(id) {
                    return Ok(None);
                }
                report.records += 1;
                report.problems.extend(value_problems(id, &state));
                uncovered.extend(coverage.uncovered(&state));
                let (wanted, terms) = wanted_of(&state);
                called.extend(wanted.iter().map(|(index, key)| entry_hash(*index, key)));
                if let Some(terms) = terms {
                    called.push(terms_entry_hash(id.as_bytes(), &terms));
                }
            }
        }
        called.sort_unstable();
        // One walk of the two sorted lists: held and not called for is stale, called for and
        // not held is missing.
        let mut leftover: FxHashSet<u64> = FxHashSet::default();
        let mut uncalled: FxHashSet<u64> = FxHashSet::default();
        let (mut h, mut c) = (0, 0);
        while h < held.len() || c < called.len() {
            match (held.get(h), called.get(c)) {
                (Some(a), Some(b)) if a == b => {
                    h += 1;
                    c += 1;
                }
                (Some(a), Some(b)) if a < b => {
                    leftover.insert(*a);
                    h += 1;
                }
                (Some(a), None) => {
                    leftover.insert(*a);
                    h += 1;
                }
                (_, Some(b)) => {
                    uncalled.insert(*b);
                    c += 1;
                }
                (None, None) => break,
            }
        }
        drop((held, called));
        // Only a store with missing entries reads its records again, to name them.
        if !uncalled.is_empty() {
            for (_, tree) in trees.iter() {
                for item in tree.iter() {
                    let (key, value) = item?;
                    let Ok(state) = decode_state(&key, &value) else {
                        return Ok(None);
                    };
                    let id = RecordId(state.id);
                    let (wanted, terms) = wanted_of(&state);
                    missing.extend(
                        wanted
                            .into_iter()
                            .filter(|(index, key)| uncalled.contains(&entry_hash(*index, key))),
                    );
                    let Some(terms) = terms else { continue };
                    if !uncalled.contains(&terms_entry_hash(id.as_bytes(), &terms)) {
                        continue;
                    }
                    // Its terms entry is missing, or holds other bytes: terms that differ
                    // (stale and missing, as the full check reports them), or the same terms
                    // written otherwise (then it matched after all).
                    match self.index(Index::RecordTerms).get(id.as_bytes())? {
                        None => missing.push((Index::RecordTerms, id.as_bytes().to_vec())),
                        Some(stored) => {
                            let decode = |bytes: &[u8]| {
                                postcard::from_bytes::<Vec<TermContribution>>(bytes)
                                    .unwrap_or_default()
                            };
                            if decode(&stored) == decode(&terms) {
                                leftover.remove(&terms_entry_hash(id.as_bytes(), &stored));
                            } else {
                                terms_differ.insert(id);
                                missing.push((Index::RecordTerms, id.as_bytes().to_vec()));
                            }
                        }
                    }
                }
            }
        }

        let mut stale: Vec<(Index, Vec<u8>)> = Vec::new();
        // Every entry held was called for (a record whose stored terms differ leaves its entry
        // over): the pass below would find nothing, and a clean store skips it.
        let indexes_to_read = if leftover.is_empty() {
            &[][..]
        } else {
            Index::ALL
        };
        for index in indexes_to_read {
            for item in self.index(*index).iter() {
                let (key, value) = item?;
                if *index == Index::RecordTerms
                    && RecordId::from_slice(&key).is_some_and(|id| terms_differ.contains(&id))
                {
                    report.stale.push(differing_terms_entry(&key));
                    continue;
                }
                let hash = if *index == Index::RecordTerms {
                    terms_entry_hash(&key, &value)
                } else {
                    entry_hash(*index, &key)
                };
                if leftover.contains(&hash) {
                    stale.push((*index, key.to_vec()));
                }
            }
        }
        missing.sort();
        missing.dedup();
        stale.sort();
        report.missing = missing.iter().map(|(i, k)| missing_entry(*i, k)).collect();
        report
            .stale
            .extend(stale.iter().map(|(index, key)| stale_entry(*index, key)));
        let orphans = Coverage::orphans(&self.changes_log, &|id| seen.contains(&id))?;
        changes_log_findings(&coverage, uncovered, orphans, &mut report);
        report
            .problems
            .sort_by_cached_key(|p| (p.id.clone(), p.field.clone(), p.reason.to_string()));
        Ok(Some(report))
    }

    /// The full check: every record held in memory, so that copies of one record under several
    /// kinds can be sorted out, and the indexes rebuilt from them when `repair` asks.
    pub(crate) fn check_holding_every_record(
        &self,
        repair: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<CheckReport> {
        let mut report = CheckReport::default();
        // Each record's first copy, and (rarely) its copies in other records trees.
        let mut copies: HashMap<RecordId, (String, RecordState)> = HashMap::new();
        let mut other_copies: HashMap<RecordId, Vec<(String, RecordState)>> = HashMap::new();
        for (kind, tree) in self.every_records_tree()?.iter() {
            for item in tree.iter() {
                let (key, value) = item?;
                match decode_state(&key, &value) {
                    Ok(state) => {
                        let id = RecordId(state.id);
                        match copies.entry(id) {
                            Entry::Occupied(_) => other_copies
                                .entry(id)
                                .or_default()
                                .push((kind.clone(), state)),
                            Entry::Vacant(slot) => {
                                slot.insert((kind.clone(), state));
                            }
                        }
                    }
                    Err(e) => report.unreadable.push(Finding::Unreadable {
                        reason: Box::new(SaidInEach::from(|language| e.message(language))),
                    }),
                }
            }
        }
        // The record is its one copy that is stored among the records of the kind it says it is;
        // any other copy is a stray. With no such copy, or several, the store cannot tell which
        // is the record (no write makes that: a record never changes kind), and leaves them.
        let mut states: HashMap<RecordId, RecordState> = HashMap::with_capacity(copies.len());
        let mut strays: Vec<Stray> = Vec::new();
        for (id, first) in copies {
            let mut found = vec![first];
            found.extend(other_copies.remove(&id).unwrap_or_default());
            let mut true_copies = found
                .iter()
                .enumerate()
                .filter(|(_, (tree, state))| *tree == state.kind)
                .map(|(position, _)| position);
            let record = match (true_copies.next(), true_copies.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            };
            // The kind the store files it under: its record's, or a lone copy's tree.
            let known = match record {
                Some(position) => Some(found[position].0.clone()),
                None if found.len() == 1 => Some(found[0].0.clone()),
                None => None,
            };
            for (position, (tree_kind, state)) in found.into_iter().enumerate() {
                if Some(position) == record {
                    states.insert(id, state);
                    continue;
                }
                report.problems.push(RecordProblem {
                    code: WRONG_KIND,
                    id: id.to_string(),
                    kind: state.kind.clone(),
                    field: None,
                    reason: wrong_kind_reason(
                        &tree_kind,
                        &state.kind,
                        known.as_deref(),
                        record.is_some(),
                    ),
                    repairable: record.is_some(),
                });
                if record.is_some() {
                    strays.push(Stray {
                        tree_kind,
                        id,
                        state,
                    });
                }
            }
        }
        report.records = states.len();
        for (id, state) in &states {
            report.problems.extend(value_problems(*id, state));
        }
        report
            .problems
            .sort_by_cached_key(|p| (p.id.clone(), p.field.clone(), p.reason.to_string()));

        let mut expected: BTreeSet<(Index, Vec<u8>)> = BTreeSet::new();
        let mut expected_terms: HashMap<RecordId, Vec<TermContribution>> = HashMap::new();
        let today = now.date_naive();
        let mut lookup = |id: RecordId| states.get(&id).cloned();
        for (id, state) in &states {
            expected.extend(indexes::simple_entries(state));
            let terms = indexes::term_contributions(state, &mut lookup, today);
            if !terms.is_empty() {
                expected.insert((Index::RecordTerms, id.as_bytes().to_vec()));
                expected_terms.insert(*id, terms);
            }
        }

        let mut actual: BTreeSet<(Index, Vec<u8>)> = BTreeSet::new();
        for index in Index::ALL {
            for item in self.index(*index).iter() {
                let (key, value) = item?;
                report.index_entries += 1;
                let entry = (*index, key.to_vec());
                if *index == Index::RecordTerms {
                    let stored: Vec<TermContribution> =
                        postcard::from_bytes(&value).unwrap_or_default();
                    let wanted = RecordId::from_slice(&key).and_then(|id| expected_terms.get(&id));
                    if wanted.is_some_and(|w| *w != stored) {
                        report.stale.push(differing_terms_entry(&key));
                        continue;
                    }
                }
                actual.insert(entry);
            }
        }
        for (index, key) in expected.difference(&actual) {
            report.missing.push(missing_entry(*index, key));
        }
        for (index, key) in actual.difference(&expected) {
            report.stale.push(stale_entry(*index, key));
        }
        let coverage = Coverage::read(&self.changes_log)?;
        report.index_entries += coverage.entries;
        let uncovered = states
            .values()
            .flat_map(|state| coverage.uncovered(state))
            .collect();
        let orphans = Coverage::orphans(&self.changes_log, &|id| states.contains_key(&id))?;
        changes_log_findings(&coverage, uncovered, orphans, &mut report);

        #[cfg(test)]
        tests::AFTER_READ.with(|hook| hook.borrow_mut().take().map(|hook| hook()));
        if repair && report.needs_repair() {
            self.forget_term_file()?;
            let mut listed = Vec::new();
            let mut counts = changes_log::Counts::default();
            for state in states.values() {
                changes_log::list(None, state, &mut listed, &mut counts);
            }
            self.rebuild_indexes(&expected_terms, &expected, listed, &strays)?;
            report.repaired = true;
            report.quarantined = strays.len();
        }
        Ok(report)
    }

    /// Before the kind index is dropped (the migration to schema 7): moves to quarantine each
    /// copy of a record stored among the records of another kind than the index names for its
    /// id, when a copy of the named kind is there: a copy an import left before imports were
    /// checked, which `kring check --repair` moved while the index told the record from its
    /// copies. Without the index it would be as much the record as the record. Copies the index
    /// says nothing about stay where they are (lists read the trees, so they were in sight, and
    /// `kring check` reports what is wrong with them). Quarantine keeps the bytes and never
    /// reads, exports or backs them up.
    ///
    /// In three steps, each flushed, so that a crash between them loses nothing and the next
    /// open simply does them again: the copies into quarantine; a mark in `meta` that the
    /// indexes need rebuilding (the migration rebuilds them and removes it); the copies out of
    /// their trees. Returns how many copies moved.
    pub(crate) fn quarantine_copies_the_kind_index_disowns(
        &self,
        kind_index: &sled::Tree,
    ) -> StoreResult<usize> {
        let trees = RecordsTrees::read(&self.db)?.all();
        let mut strays: Vec<(usize, sled::IVec, sled::IVec)> = Vec::new();
        for (place, (kind, tree)) in trees.iter().enumerate() {
            for item in tree.iter() {
                let (key, value) = item?;
                let Some(known) = kind_index.get(&key)? else {
                    continue;
                };
                if &*known == kind.as_bytes() {
                    continue;
                }
                let record_is_there = match trees.iter().find(|(k, _)| k.as_bytes() == &*known) {
                    Some((_, known_tree)) => known_tree.contains_key(&key)?,
                    None => false,
                };
                if record_is_there {
                    strays.push((place, key, value));
                }
            }
        }
        if strays.is_empty() {
            return Ok(0);
        }
        let mut quarantined = sled::Batch::default();
        let mut removals: HashMap<usize, sled::Batch> = HashMap::new();
        for (place, key, value) in &strays {
            let mut at = key.to_vec();
            at.extend_from_slice(trees[*place].0.as_bytes());
            quarantined.insert(at, value.clone());
            removals.entry(*place).or_default().remove(key.clone());
        }
        self.db
            .open_tree(QUARANTINE_TREE)?
            .apply_batch(quarantined)?;
        self.db.flush()?;
        self.meta.insert(REBUILD_AFTER_QUARANTINE_KEY, &[][..])?;
        self.db.flush()?;
        for (place, batch) in removals {
            trees[place].1.apply_batch(batch)?;
        }
        self.db.flush()?;
        Ok(strays.len())
    }

    /// Rewrites every index to `expected`, the changes log as `listed` (each record's latest
    /// time per node) and moves the strays to the quarantine tree, in one transaction.
    fn rebuild_indexes(
        &self,
        terms: &HashMap<RecordId, Vec<TermContribution>>,
        expected: &BTreeSet<(Index, Vec<u8>)>,
        listed: Vec<(crate::clock::NodeId, crate::clock::Hlc, RecordId)>,
        strays: &[Stray],
    ) -> StoreResult<()> {
        let mut trees: Vec<sled::Tree> =
            Index::ALL.iter().map(|i| self.index(*i).clone()).collect();
        let mut batches: Vec<sled::Batch> = Vec::new();
        for (position, index) in Index::ALL.iter().enumerate() {
            let mut batch = sled::Batch::default();
            for item in trees[position].iter() {
                let (key, _) = item?;
                batch.remove(key);
            }
            for (entry_index, key) in expected.iter().filter(|(i, _)| i == index) {
                let value: Vec<u8> = match entry_index {
                    Index::RecordTerms => RecordId::from_slice(key)
                        .and_then(|id| terms.get(&id))
                        .map(|t| postcard::to_stdvec(t).expect("terms encode"))
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                batch.insert(key.clone(), value);
            }
            batches.push(batch);
        }
        let mut sequence = || self.db.generate_id();
        let listings = listed.len();
        trees.push(self.changes_log.clone());
        batches.push(changes_log::fold_batch(
            &self.changes_log,
            listed,
            &mut sequence,
        )?);
        let mut counts = sled::Batch::default();
        counts.insert(
            changes_log::COUNTS_KEY,
            &changes_log::Counts::folded(listings).to_bytes()[..],
        );
        trees.push(self.meta.clone());
        batches.push(counts);
        if !strays.is_empty() {
            let mut quarantine = sled::Batch::default();
            let mut removals: HashMap<&str, sled::Batch> = HashMap::new();
            for stray in strays {
                let mut key = stray.id.as_bytes().to_vec();
                key.extend_from_slice(stray.tree_kind.as_bytes());
                quarantine.insert(key, encode_state(&stray.state));
                removals
                    .entry(stray.tree_kind.as_str())
                    .or_default()
                    .remove(stray.id.as_bytes().to_vec());
            }
            trees.push(self.db.open_tree(QUARANTINE_TREE)?);
            batches.push(quarantine);
            for (kind, batch) in removals {
                trees.push(self.db.open_tree(super::record_tree_name(kind))?);
                batches.push(batch);
            }
        }
        use sled::Transactional;
        trees.as_slice().transaction(|views| {
            for (view, batch) in views.iter().zip(&batches) {
                view.apply_batch(batch)?;
            }
            Ok::<(), sled::transaction::ConflictableTransactionError<super::StoreError>>(())
        })?;
        // Records moved to quarantine no longer read as their kind.
        self.derived.everything_changed();
        self.db.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, RecordKind, Role};
    use crate::store::test_support::now;
    use crate::store::RecordChange;

    fn store() -> (tempfile::TempDir, Store) {
        crate::store::test_support::store_of(Role::Networker)
    }

    fn person(store: &Store, name: &str) -> RecordId {
        let body = Person {
            display_name: name.into(),
            ..Person::default()
        };
        store.create(&body, None, now()).unwrap()
    }

    /// Writes a state as an import does today: straight through `commit`, unchecked.
    fn commit_unchecked(store: &Store, before: RecordState, after: RecordState) {
        store
            .commit(
                vec![RecordChange {
                    before: Some(before),
                    after,
                    superseded: Vec::new(),
                }],
                Vec::new(),
                now(),
            )
            .unwrap();
    }

    #[test]
    fn a_value_of_the_wrong_type_is_reported_with_its_id_field_and_reason_and_repair_leaves_it() {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        let mut after = before.clone();
        after.write(
            "display_name",
            b"42".to_vec(),
            store.next_stamp(now() + chrono::Duration::seconds(1)),
        );
        commit_unchecked(&store, before, after.clone());

        let report = store.check(false, now()).unwrap();
        assert_eq!(
            report.problems,
            vec![RecordProblem {
                code: "wrong_type",
                id: id.to_string(),
                kind: "person".into(),
                field: Some("display_name".into()),
                reason: Finding::Value {
                    reason: Box::new(SaidInEach {
                        en: "a number where text is expected".into(),
                        nl: "een getal waar tekst wordt verwacht".into(),
                        fr: "un nombre là où on attend du texte".into(),
                        de: "eine Zahl, wo Text erwartet wird".into(),
                    }),
                },
                repairable: false,
            }],
            "kring check no longer calls such a store clean"
        );
        assert!(!report.is_clean() && !report.needs_repair());
        assert_eq!(report.beyond_repair(), 1);
        let repaired = store.check(true, now()).unwrap();
        assert!(!repaired.repaired, "repair never changes a value");
        assert_eq!(store.state(id).unwrap().unwrap(), after);
    }

    /// The copies a report says are stored under a kind they should not be.
    fn wrong_kind_problems(report: &CheckReport) -> Vec<&RecordProblem> {
        report
            .problems
            .iter()
            .filter(|p| p.code == WRONG_KIND)
            .collect()
    }

    /// A person's record forged as a note: what a bug or a forged file would make of it.
    fn forged_note(store: &Store, person: &RecordState) -> RecordState {
        let id = RecordId(person.id);
        let mut forged = RecordState::new(id.0, RecordKind::Note.as_str());
        let stamp = store.next_stamp(now() + chrono::Duration::seconds(1));
        forged.write("about", format!("\"{id}\"").into_bytes(), stamp);
        forged.write("text", b"\"planted\"".to_vec(), stamp);
        forged
    }

    /// Writes a record's bytes straight into a records tree, as damage would.
    fn plant(store: &Store, tree_kind: &str, state: &RecordState) {
        store
            .db
            .open_tree(super::super::record_tree_name(tree_kind))
            .unwrap()
            .insert(&state.id.as_bytes()[..], encode_state(state))
            .unwrap();
    }

    #[test]
    fn a_write_that_would_change_a_records_kind_is_refused_and_changes_nothing() {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        // Merged as an import merges it: "note" sorts before "person", so the merged record
        // says it is a note.
        let mut merged = before.clone();
        merged.merge(&forged_note(&store, &before));
        assert_eq!(merged.kind, "note");
        let refused = store
            .commit(
                vec![RecordChange {
                    before: Some(before.clone()),
                    after: merged,
                    superseded: Vec::new(),
                }],
                Vec::new(),
                now(),
            )
            .unwrap_err();
        assert!(
            matches!(&refused, crate::store::StoreError::WrongKind { id: refused_id, actual, expected }
                if *refused_id == id && actual == "person" && *expected == RecordKind::Note),
            "{refused:?}"
        );
        assert_eq!(store.state(id).unwrap().unwrap(), before);
        assert_eq!(store.kind_of(id).unwrap().as_deref(), Some("person"));
        assert!(store.all_of_kind(RecordKind::Note).unwrap().is_empty());
        assert!(store.check(false, now()).unwrap().is_clean());
    }

    #[test]
    fn a_copy_among_another_kinds_records_beside_the_record_is_reported_and_repair_quarantines_it()
    {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        // A copy of the person among the notes (saying it is a person): damage.
        plant(&store, "note", &before);

        let report = store.check(false, now()).unwrap();
        let wrong = wrong_kind_problems(&report);
        assert_eq!(wrong.len(), 1, "{report:?}");
        assert_eq!(wrong[0].id, id.to_string());
        assert!(wrong[0].repairable);
        assert!(
            wrong[0]
                .reason
                .to_string()
                .contains("stored among the 'note' records but says it is a 'person'")
                && wrong[0]
                    .reason
                    .to_string()
                    .contains("knows it as a 'person'"),
            "{}",
            wrong[0].reason
        );
        assert!(report.needs_repair());

        let repaired = store.check(true, now()).unwrap();
        assert!(repaired.repaired);
        assert_eq!(repaired.quarantined, 1);
        assert_eq!(store.kind_of(id).unwrap().as_deref(), Some("person"));
        assert!(
            store.all_of_kind(RecordKind::Note).unwrap().is_empty(),
            "the copy no longer reads as a note"
        );
        assert_eq!(store.state(id).unwrap().unwrap(), before);
        let found: Vec<RecordId> = store
            .search_scores("jan")
            .unwrap()
            .into_iter()
            .map(|(card, _)| card)
            .collect();
        assert_eq!(found, [id], "the search terms are the person's");
        let quarantined = store.db.open_tree(QUARANTINE_TREE).unwrap();
        assert_eq!(
            quarantined.len(),
            1,
            "the copy is kept aside, not thrown away"
        );
        let after = store.check(false, now()).unwrap();
        assert!(after.is_clean(), "{after:?}");
    }

    #[test]
    fn copies_of_one_record_under_two_kinds_are_reported_and_repair_leaves_them_alone() {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        // A note under the person's id, among the notes: each copy is stored as what it says
        // it is, and nothing tells which is the record.
        plant(&store, "note", &forged_note(&store, &before));

        let repaired = store.check(true, now()).unwrap();
        let wrong = wrong_kind_problems(&repaired);
        assert_eq!(wrong.len(), 2, "{repaired:?}");
        assert!(wrong
            .iter()
            .all(|p| !p.repairable && p.id == id.to_string()));
        assert!(
            wrong[0].reason.to_string().contains("restore a backup"),
            "{}",
            wrong[0].reason
        );
        assert_eq!(repaired.quarantined, 0);
        assert_eq!(store.all_of_kind(RecordKind::Note).unwrap().len(), 1);
        assert_eq!(store.all_of_kind(RecordKind::Person).unwrap().len(), 1);
        assert_eq!(store.check(false, now()).unwrap().beyond_repair(), 2);
    }

    #[test]
    fn a_lone_copy_among_another_kinds_records_is_reported_and_repair_neither_moves_nor_reindexes_it(
    ) {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        plant(&store, "note", &before);
        store
            .db
            .open_tree(super::super::record_tree_name("person"))
            .unwrap()
            .remove(id.as_bytes())
            .unwrap();

        let repaired = store.check(true, now()).unwrap();
        let wrong = wrong_kind_problems(&repaired);
        assert_eq!(wrong.len(), 1, "{repaired:?}");
        assert!(!wrong[0].repairable);
        assert!(
            wrong[0].reason.to_string().contains("restore a backup"),
            "{}",
            wrong[0].reason
        );
        assert_eq!(repaired.quarantined, 0);
        assert_eq!(
            store.kind_of(id).unwrap().as_deref(),
            Some("note"),
            "left where it is"
        );
        assert_eq!(
            store.state(id).unwrap().unwrap(),
            before,
            "read as it is, so that sweeps and opens go on"
        );
        assert_eq!(store.check(false, now()).unwrap().beyond_repair(), 1);
        // A removal (a forget's sweep, a retention rule) removes it from where it is.
        store
            .commit_swept(Vec::new(), vec![before], Vec::new(), now())
            .unwrap();
        assert_eq!(store.kind_of(id).unwrap(), None);
        assert!(store
            .db
            .open_tree(super::super::record_tree_name("note"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn records_of_kinds_and_fields_this_kring_does_not_know_check_clean() {
        let (_dir, store) = store();
        let id = person(&store, "Jan Peeters");
        let before = store.state(id).unwrap().unwrap();
        let mut after = before.clone();
        let stamp = store.next_stamp(now() + chrono::Duration::seconds(1));
        after.write("shoe_size", b"44".to_vec(), stamp);
        commit_unchecked(&store, before, after);
        let mut spaceship = RecordState::new(uuid::Uuid::from_u128(7), "spaceship");
        spaceship.write("warp", b"[9]".to_vec(), stamp);
        store
            .commit(
                vec![RecordChange {
                    before: None,
                    after: spaceship,
                    superseded: Vec::new(),
                }],
                Vec::new(),
                now(),
            )
            .unwrap();
        let report = store.check(false, now()).unwrap();
        assert!(report.is_clean(), "{report:?}");
    }

    /// A small network with every index in use: people, an organisation, an affiliation, an
    /// interaction and a follow-up.
    fn network(store: &Store) -> Vec<RecordId> {
        use crate::model::{Affiliation, FollowUp, Interaction, InteractionKind, Organisation};
        let an = person(store, "An Peeters");
        let jan = person(store, "Jan Janssens");
        let port = store
            .create(
                &Organisation {
                    name: "Port of Antwerp".into(),
                    ..Organisation::default()
                },
                None,
                now(),
            )
            .unwrap();
        let affiliation = store
            .create(
                &Affiliation {
                    person: jan,
                    organisation: port,
                    title: Some("havenkapitein".into()),
                    from: None,
                    to: None,
                },
                None,
                now(),
            )
            .unwrap();
        let interaction = store
            .create(
                &Interaction {
                    kind: InteractionKind::Meeting,
                    at: now().fixed_offset(),
                    participants: vec![an, jan],
                    summary: "kennismaking".into(),
                    outcomes: Vec::new(),
                },
                None,
                now(),
            )
            .unwrap();
        let follow_up = store
            .create(
                &FollowUp {
                    interaction: Some(interaction),
                    about: vec![jan],
                    text: "verslag sturen".into(),
                    due: now().date_naive() + chrono::Days::new(7),
                    done: false,
                },
                None,
                now(),
            )
            .unwrap();
        vec![an, jan, port, affiliation, interaction, follow_up]
    }

    #[test]
    fn the_streaming_check_reports_exactly_what_the_full_check_does_on_drifted_indexes() {
        let (_dir, store) = store();
        let ids = network(&store);
        let streaming = store.check_streaming(now()).unwrap().expect("streamable");
        assert!(streaming.is_clean(), "{streaming:?}");
        assert!(streaming.records >= ids.len());

        // Drift of every sort at once: an entry gone from several indexes, a stray entry, a
        // record's terms changed.
        let index = |i: Index| store.index(i).clone();
        let first_key = |i: Index| index(i).iter().keys().next().unwrap().unwrap();
        index(Index::InteractionsByCard)
            .remove(first_key(Index::InteractionsByCard))
            .unwrap();
        index(Index::FollowUpsByCard)
            .insert(&[7u8; 32][..], &[][..])
            .unwrap();
        index(Index::RecordTerms)
            .insert(
                ids[2].as_bytes(),
                postcard::to_stdvec(&Vec::<TermContribution>::new()).unwrap(),
            )
            .unwrap();
        // And in the changes log: an entry gone, one that cannot be read, one listing a record
        // the store does not hold.
        let log = store.changes_log.clone();
        log.remove(log.iter().keys().next().unwrap().unwrap())
            .unwrap();
        log.insert(&[3u8; 28][..], &[1u8; 5][..]).unwrap();
        log.insert(&[4u8; 28][..], &[8u8; 16][..]).unwrap();

        let streaming = store.check_streaming(now()).unwrap().expect("streamable");
        let full = store.check_holding_every_record(false, now()).unwrap();
        assert!(!streaming.missing.is_empty() && !streaming.stale.is_empty());
        let in_log = |findings: &[Finding]| {
            findings
                .iter()
                .filter(|f| {
                    matches!(f, Finding::MissingEntry { index, .. } | Finding::StaleEntry { index, .. }
                        if *index == changes_log::TREE)
                })
                .count()
        };
        assert!(in_log(&streaming.missing) >= 1, "{streaming:?}");
        assert_eq!(in_log(&streaming.stale), 2, "{streaming:?}");
        assert_eq!(
            serde_json::to_value(&streaming).unwrap(),
            serde_json::to_value(&full).unwrap()
        );

        // And repair, which takes the full check, leaves a store the streaming check finds clean.
        let repaired = store.check(true, now()).unwrap();
        assert!(repaired.repaired);
        let after = store.check_streaming(now()).unwrap().expect("streamable");
        assert!(after.is_clean(), "{after:?}");
    }

    #[test]
    fn terms_stored_in_other_bytes_that_read_the_same_are_not_drift() {
        let (_dir, store) = store();
        let ids = network(&store);
        let terms = store.index(Index::RecordTerms).clone();
        let mut bytes = terms.get(ids[1].as_bytes()).unwrap().unwrap().to_vec();
        // postcard reads a value and leaves what follows it.
        bytes.push(0);
        terms.insert(ids[1].as_bytes(), bytes).unwrap();
        let streaming = store.check_streaming(now()).unwrap().expect("streamable");
        let full = store.check_holding_every_record(false, now()).unwrap();
        assert!(full.is_clean(), "{full:?}");
        assert!(streaming.is_clean(), "{streaming:?}");
    }

    #[test]
    fn a_record_under_another_kind_is_left_to_the_full_check() {
        let (_dir, store) = store();
        let ids = network(&store);
        let state = store.state(ids[0]).unwrap().unwrap();
        store
            .db
            .open_tree(crate::store::record_tree_name("organisation"))
            .unwrap()
            .insert(ids[0].as_bytes(), encode_state(&state))
            .unwrap();
        assert!(store.check_streaming(now()).unwrap().is_none());
        let report = store.check(false, now()).unwrap();
        assert!(report.problems.iter().any(|p| p.code == WRONG_KIND));
    }

    thread_local! {
        /// Run once by the next full check on this thread, after it has read the records and
        /// indexes and before a repair writes.
        pub(super) static AFTER_READ: std::cell::RefCell<Option<Box<dyn FnOnce()>>> =
            const { std::cell::RefCell::new(None) };
    }

    #[test]
    fn a_repair_does_not_undo_the_index_entries_of_a_commit_made_while_it_read() {
        let (_dir, store) = store();
        let store = std::sync::Arc::new(store);
        network(&store);
        let first = store
            .index(Index::InteractionsByCard)
            .iter()
            .keys()
            .next()
            .unwrap()
            .unwrap();
        store
            .index(Index::InteractionsByCard)
            .remove(first)
            .unwrap();

        // A commit from another thread of the same process (a sync pass, a save) while a repair
        // runs: no caller does this today (the CLI repairs alone, the app has no repair), but
        // `Store` is shared across threads and `check` is public.
        let (done, finished) = std::sync::mpsc::channel();
        let writer = std::sync::Arc::clone(&store);
        let saving = std::sync::Arc::new(std::sync::Mutex::new(None));
        let saving_slot = std::sync::Arc::clone(&saving);
        AFTER_READ.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move || {
                let save = std::thread::spawn(move || {
                    let id = person(&writer, "Els Maes");
                    // The hook may have stopped waiting (and dropped the receiver).
                    let _ = done.send(());
                    id
                });
                // A repair that holds the writer's lock keeps the save waiting; one that does
                // not lets it commit here, before the repair writes what it read.
                let _ = finished.recv_timeout(std::time::Duration::from_millis(500));
                *saving_slot.lock().unwrap() = Some(save);
            }))
        });
        let repaired = store.check(true, now()).unwrap();
        assert!(repaired.repaired);
        assert!(
            AFTER_READ.with(|hook| hook.borrow().is_none()),
            "the hook ran"
        );
        let save = saving.lock().unwrap().take().unwrap();
        let els = save.join().unwrap();

        let after = store.check(false, now()).unwrap();
        assert!(
            after.is_clean(),
            "the repair undid the save's index entries: {after:?}"
        );
        assert!(store.state(els).unwrap().is_some());
    }
}

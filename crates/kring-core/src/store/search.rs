//! Search as you type over the term index.
//!
//! Every query word is a prefix: "jan w" finds "Jan-Willem", "mul" finds "Müller". A card must match
//! every word; its score adds, per word, the best weight among the terms it matched (a name counts
//! more than a note), scaled by how much of the term the word covers, so exact words rank first.
//!
//! Search answers from the term file ([`Store::load_search_index`], see `term_file`), opened once
//! per process (the app does it at start-up, a command line at its first search) and kept in step
//! by every commit: a one-letter query then scores a hundred thousand postings in a few
//! milliseconds. When the file describes an earlier state, the load catches it up with the
//! commits since from the term log ([`term_log`]); when it is missing, or the log does not lead
//! back to it, the load rebuilds it from the terms of each record (`index.record_terms`) through
//! a map in memory, which stays in use if the file cannot be written.

use super::indexes::{Index, TermContribution};
use super::term_file::{self, TermFile};
use super::{meta_key, Store, StoreResult};
use crate::model::{RecordId, RecordKind};
use crate::text;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One card found by a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchHit {
    pub id: RecordId,
    pub kind: String,
    pub name: String,
    pub score: f64,
    /// A second line for the result: a job title, a sector, a unit.
    pub detail: Option<String>,
}

fn word_score(word: &[u8], term: &[u8], weight: u8) -> f64 {
    let coverage = word.len() as f64 / term.len().max(1) as f64;
    let exactness = if word == term {
        1.0
    } else {
        0.5 + 0.4 * coverage
    };
    f64::from(weight) * exactness
}

pub(crate) fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = text::words(query).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    words.dedup();
    words
}

/// A posting: a card that a term belongs to, the record that contributed it, and its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    card: u32,
    source: u32,
    weight: u8,
}

/// The term index in memory: terms in order, each with its postings; ids interned to numbers.
pub(crate) struct MemoryIndex {
    ids: Vec<RecordId>,
    numbers: HashMap<RecordId, u32>,
    terms: BTreeMap<Box<[u8]>, Vec<Posting>>,
}

impl MemoryIndex {
    fn number(&mut self, id: RecordId) -> u32 {
        if let Some(n) = self.numbers.get(&id) {
            return *n;
        }
        let n = self.ids.len() as u32;
        self.ids.push(id);
        self.numbers.insert(id, n);
        n
    }

    fn insert(&mut self, term: &[u8], card: RecordId, source: RecordId, weight: u8) {
        let posting = Posting {
            card: self.number(card),
            source: self.number(source),
            weight,
        };
        // (term, card, source) is unique in the index, and a commit only adds what was absent,
        // so no duplicate check is needed (it would make loading quadratic in a common term).
        self.terms.entry(term.into()).or_default().push(posting);
    }

    pub(crate) fn apply(&mut self, changes: &[(TermContribution, RecordId, bool)]) {
        for (term, source, added) in changes {
            if *added {
                self.insert(term.term.as_bytes(), term.card, *source, term.weight);
            } else if let (Some(card), Some(source)) = (
                self.numbers.get(&term.card).copied(),
                self.numbers.get(source).copied(),
            ) {
                if let Some(postings) = self.terms.get_mut(term.term.as_bytes()) {
                    postings.retain(|p| !(p.card == card && p.source == source));
                    if postings.is_empty() {
                        self.terms.remove(term.term.as_bytes());
                    }
                }
            }
        }
    }
}

/// Postings by term, wherever they are held: in memory or in the term file.
pub(crate) trait Postings {
    /// How many card numbers there are; numbers run from 0.
    fn card_numbers(&self) -> usize;
    fn card_id(&self, number: u32) -> RecordId;
    /// Visits every posting of every term that starts with `prefix`: (term, card number, weight).
    fn each_posting(&self, prefix: &[u8], visit: &mut dyn FnMut(&[u8], u32, u8))
        -> StoreResult<()>;
}

impl Postings for MemoryIndex {
    fn card_numbers(&self) -> usize {
        self.ids.len()
    }

    fn card_id(&self, number: u32) -> RecordId {
        self.ids[number as usize]
    }

    fn each_posting(
        &self,
        prefix: &[u8],
        visit: &mut dyn FnMut(&[u8], u32, u8),
    ) -> StoreResult<()> {
        for (term, postings) in self.terms.range::<[u8], _>((
            std::ops::Bound::Included(prefix),
            std::ops::Bound::Unbounded,
        )) {
            if !term.starts_with(prefix) {
                break;
            }
            for posting in postings {
                visit(term, posting.card, posting.weight);
            }
        }
        Ok(())
    }
}

/// Scores every card that matches all words, as (card, score).
fn score(index: &dyn Postings, words: &[String]) -> StoreResult<Vec<(RecordId, f64)>> {
    let mut total: Vec<f64> = Vec::new();
    let mut matched_words: Vec<u8> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    let mut word_best: HashMap<u32, f64> = HashMap::new();
    for (position, word) in words.iter().enumerate() {
        word_best.clear();
        let prefix = word.as_bytes();
        index.each_posting(prefix, &mut |term, card, weight| {
            if position > 0 && matched_words.get(card as usize).copied() != Some(position as u8) {
                return;
            }
            let score = word_score(prefix, term, weight);
            let best = word_best.entry(card).or_insert(0.0);
            if score > *best {
                *best = score;
            }
        })?;
        if position == 0 {
            total = vec![0.0; index.card_numbers()];
            matched_words = vec![0; index.card_numbers()];
        }
        candidates.clear();
        for (card, score) in &word_best {
            total[*card as usize] += score;
            matched_words[*card as usize] = position as u8 + 1;
            candidates.push(*card);
        }
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
    }
    Ok(candidates
        .iter()
        .map(|card| (index.card_id(*card), total[*card as usize]))
        .collect())
}

/// The term index a long-running process holds: the term file, or the map in memory when the
/// file could not be written.
pub(crate) enum LoadedIndex {
    File(Box<TermFile>),
    Memory(MemoryIndex),
}

impl LoadedIndex {
    /// Follows a commit that has been written.
    pub(crate) fn apply(&mut self, changes: &[(TermContribution, RecordId, bool)]) {
        match self {
            LoadedIndex::Memory(memory) => memory.apply(changes),
            LoadedIndex::File(file) => {
                for (term, source, added) in changes {
                    file.apply(
                        term.term.as_bytes(),
                        term.card,
                        term.weight,
                        *source,
                        *added,
                    );
                }
            }
        }
    }

    fn postings(&self) -> &dyn Postings {
        match self {
            LoadedIndex::File(file) => file.as_ref(),
            LoadedIndex::Memory(memory) => memory,
        }
    }
}

impl MemoryIndex {
    /// Every term with its postings as card ids, in term order, for writing the term file.
    fn rows(&self) -> impl Iterator<Item = StoreResult<term_file::TermRow>> + '_ {
        self.terms.iter().map(|(term, postings)| {
            Ok((
                term.to_vec(),
                postings
                    .iter()
                    .map(|p| {
                        (
                            self.ids[p.card as usize],
                            p.weight,
                            term_file::source_key(self.ids[p.source as usize]),
                        )
                    })
                    .collect(),
            ))
        })
    }

    fn cards(&self) -> Vec<RecordId> {
        let mut seen = vec![false; self.ids.len()];
        for postings in self.terms.values() {
            for posting in postings {
                seen[posting.card as usize] = true;
            }
        }
        self.ids
            .iter()
            .zip(seen)
            .filter_map(|(id, seen)| seen.then_some(*id))
            .collect()
    }
}

/// The terms `source` contributes, as `index.record_terms` holds them.
fn record_terms(source: RecordId, value: &[u8]) -> StoreResult<Vec<TermContribution>> {
    postcard::from_bytes(value).map_err(|e| super::StoreError::Corrupt {
        id: source.to_string(),
        reason: format!("search terms: {e}"),
    })
}

/// A key and value a commit inserts into a tree, by the tree's name.
pub(crate) type TreeInsert = (&'static str, Vec<u8>, Vec<u8>);

/// The meta keys whose values make the stamp of a store state (`Store::term_file_stamp`).
const STAMPED_META: [&[u8]; 4] = [
    meta_key::TERMS_STAMP,
    meta_key::CLOCK,
    meta_key::VERSION_VECTOR,
    meta_key::NODE_ID,
];

/// The stamp of the store state whose [`STAMPED_META`] values are `values`.
fn stamp_of_meta(values: [&[u8]; 4]) -> term_file::Stamp {
    let mut hasher = blake3::Hasher::new();
    for value in values {
        hasher.update(&(value.len() as u64).to_le_bytes());
        hasher.update(value);
    }
    let mut stamp = [0u8; 16];
    stamp.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    stamp
}

/// The term log: which records' terms each commit changed, so that a term file written before
/// commits made without it (a command line, a sync pass, an app that stopped before it saved
/// the file) catches up with them at the next load instead of being rebuilt (1.7 s and 370 MB at
/// 100,000 cards, 22 s and 3.3 GB at a million).
///
/// Each commit adds one entry, keyed by the stamp of the state it leaves, holding the stamp of
/// the state it found and the ids of the records whose terms it changed: ids only, never terms,
/// so a forgotten person's name is not kept here. A load walks back from the store's stamp to
/// the file's; when the walk gets there, it hides the file's postings of every record named on
/// the way and adds their current terms (`index.record_terms`). A state the log does not reach
/// (a commit by a Kring from before the log, a restore, a repair, an overflowed log) is not
/// guessed at: the file is rebuilt, as before. Writing the file empties the log. Past
/// `MAX_ENTRIES` (a large import) the log stops and marks itself overflowed: the rebuild is
/// then the cheaper way.
pub(crate) mod term_log {
    use super::super::{Store, StoreResult};
    use super::term_file::Stamp;
    use crate::model::RecordId;

    pub(crate) const TREE: &str = "index.term_log";
    pub(crate) const SIZE_KEY: &[u8] = b"term_log_size";
    /// Ids and entries the log holds at most (1.6 MB of ids).
    pub(crate) const MAX_ENTRIES: u64 = 100_000;
    /// From this many ids on, a load that caught up writes the file again and empties the log:
    /// a command line or `kring sync --watch` would otherwise let it grow until it overflows,
    /// and the load after that rebuilds the whole file (about 22 s and 3.3 GB at a million
    /// cards) where writing it now takes a fraction of that.
    pub(crate) const SETTLE_FROM: u64 = MAX_ENTRIES / 10;
    pub(crate) const OVERFLOWED: u64 = u64::MAX;

    pub(crate) fn size(store: &Store) -> StoreResult<u64> {
        Ok(store
            .meta
            .get(SIZE_KEY)?
            .and_then(|v| v.as_ref().try_into().ok())
            .map(u64::from_le_bytes)
            .unwrap_or(0))
    }

    /// The records whose terms changed between the state `file` and the state `now`, or `None`
    /// when the log does not lead from one to the other.
    pub(crate) fn changed_between(
        store: &Store,
        now: Stamp,
        file: Stamp,
    ) -> StoreResult<Option<Vec<RecordId>>> {
        if size(store)? == OVERFLOWED {
            return Ok(None);
        }
        let tree = store.db.open_tree(TREE)?;
        let mut changed = std::collections::BTreeSet::new();
        let mut at = now;
        // Each entry is one commit; a walk longer than the log could hold has lost its way.
        for _ in 0..=MAX_ENTRIES {
            if at == file {
                return Ok(Some(changed.into_iter().collect()));
            }
            let Some(entry) = tree.get(at)? else {
                return Ok(None);
            };
            if entry.len() < 16 || (entry.len() - 16) % 16 != 0 {
                return Ok(None);
            }
            at.copy_from_slice(&entry[..16]);
            changed.extend(
                entry[16..]
                    .chunks_exact(16)
                    .filter_map(RecordId::from_slice),
            );
        }
        Ok(None)
    }

    /// Empties the log: the term file now describes the store as it is. Flushed, since the
    /// file is on disk already: a command line that ends before sled's next flush would
    /// otherwise find the full log again, and write the file again, at every search.
    pub(crate) fn clear(store: &Store) -> StoreResult<()> {
        store.db.open_tree(TREE)?.clear()?;
        store.meta.insert(SIZE_KEY, &0u64.to_le_bytes())?;
        store.db.flush()?;
        Ok(())
    }
}

impl Store {
    /// Makes search answer from the term file: opens it when it describes this state of the
    /// store (milliseconds, a few megabytes), or rebuilds it from the terms of each record (about a
    /// second and 420 MB at 100,000 cards, once). The app does it in the background at start-up.
    /// A folder the file cannot be written to keeps the rebuilt index in memory instead.
    pub fn load_search_index(&self) -> StoreResult<()> {
        // Hold the write lock while loading so that no commit slips between the read and the swap.
        let writer = self.writer();
        let stamp = self.term_file_stamp()?;
        let path = term_file::file_path(self.path());
        // A damaged file is rebuilt like a stale one.
        if let Ok(Some(file)) = self.term_file_caught_up(&path, stamp) {
            let file = if term_log::size(self)? >= term_log::SETTLE_FROM {
                self.settled(file, &path, stamp)
            } else {
                file
            };
            *self.memory_index.write().unwrap_or_else(|p| p.into_inner()) =
                Some(LoadedIndex::File(Box::new(file)));
            drop(writer);
            return Ok(());
        }
        let memory = self.term_index_from_sled()?;
        let written = term_file::write(&path, stamp, memory.cards(), &mut memory.rows())
            .and_then(|()| term_log::clear(self))
            .and_then(|()| TermFile::open(&path, stamp));
        let loaded = match written {
            Ok(Some(file)) => LoadedIndex::File(Box::new(file)),
            _ => LoadedIndex::Memory(memory),
        };
        *self.memory_index.write().unwrap_or_else(|p| p.into_inner()) = Some(loaded);
        drop(writer);
        Ok(())
    }

    /// Writes the term file again and empties the term log once the log holds
    /// `term_log::SETTLE_FROM` ids: from the index in memory when one is loaded (the app), else
    /// by loading it, which catches up and writes (a command line). Does nothing below that.
    pub fn settle_search_index(&self) -> StoreResult<()> {
        if term_log::size(self)? < term_log::SETTLE_FROM {
            return Ok(());
        }
        let loaded = self
            .memory_index
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .is_some();
        if loaded {
            self.save_search_index()
        } else {
            self.load_search_index()
        }
    }

    /// Writes the term file again with the commits made since it was opened, so that the next
    /// start opens it instead of rebuilding it. The app calls this when it closes; without a
    /// loaded index, or with nothing new, it does nothing.
    pub fn save_search_index(&self) -> StoreResult<()> {
        let writer = self.writer();
        let path = term_file::file_path(self.path());
        let mut loaded = self.memory_index.write().unwrap_or_else(|p| p.into_inner());
        let stamp = self.term_file_stamp()?;
        match loaded.as_ref() {
            Some(LoadedIndex::File(file)) if file.has_changes() || file.stamp() != stamp => {
                file.rewrite(&path, stamp)?;
            }
            Some(LoadedIndex::Memory(memory)) => {
                term_file::write(&path, stamp, memory.cards(), &mut memory.rows())?;
            }
            _ => return Ok(()),
        }
        term_log::clear(self)?;
        if let Ok(Some(file)) = TermFile::open(&path, stamp) {
            *loaded = Some(LoadedIndex::File(Box::new(file)));
        }
        drop(writer);
        Ok(())
    }

    /// A caught-up term file written again for the state `stamp`, with the log emptied; the
    /// caught-up one as it is when it cannot be written (a read-only folder, a full disk), since
    /// it answers all the same.
    fn settled(&self, file: TermFile, path: &std::path::Path, stamp: term_file::Stamp) -> TermFile {
        let written = file
            .rewrite(path, stamp)
            .and_then(|()| term_log::clear(self))
            .and_then(|()| TermFile::open(path, stamp));
        match written {
            Ok(Some(settled)) => settled,
            _ => file,
        }
    }

    /// The term file at `path` for the store state `now`: as it is when it describes that state,
    /// caught up with the commits since it was written when the term log leads back to it (see
    /// [`term_log`]), else `None`.
    fn term_file_caught_up(
        &self,
        path: &std::path::Path,
        now: term_file::Stamp,
    ) -> StoreResult<Option<TermFile>> {
        let Some(written_at) = term_file::stamp_of(path) else {
            return Ok(None);
        };
        if written_at == now {
            return TermFile::open(path, now);
        }
        let Some(changed) = term_log::changed_between(self, now, written_at)? else {
            return Ok(None);
        };
        let Some(mut file) = TermFile::open(path, written_at)? else {
            return Ok(None);
        };
        let terms = self.index(Index::RecordTerms);
        for source in changed {
            file.replace_source(source);
            let Some(value) = terms.get(source.as_bytes())? else {
                continue;
            };
            for term in record_terms(source, &value)? {
                file.apply(term.term.as_bytes(), term.card, term.weight, source, true);
            }
        }
        Ok(Some(file))
    }

    /// Whether search answers from the term file (`Some(true)`), a map in memory (`Some(false)`),
    /// or sled (`None`).
    #[cfg(test)]
    pub(crate) fn search_index_is_file(&self) -> Option<bool> {
        self.memory_index
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|loaded| matches!(loaded, LoadedIndex::File(_)))
    }

    /// Which state of the store a term file must describe to be used: the stamp every commit
    /// that changes a term renews, with the clock, the version vector and the node id, so that a
    /// commit by a Kring from before the term file (which renews no stamp) still tells.
    pub(crate) fn term_file_stamp(&self) -> StoreResult<term_file::Stamp> {
        let [terms, clock, vector, node] = STAMPED_META.map(|key| self.meta.get(key));
        Ok(stamp_of_meta([
            terms?.as_deref().unwrap_or_default(),
            clock?.as_deref().unwrap_or_default(),
            vector?.as_deref().unwrap_or_default(),
            node?.as_deref().unwrap_or_default(),
        ]))
    }

    /// The entries a commit adds to the term log (see [`term_log`]): the store state it leaves
    /// (`terms_stamp`, `clock` and `vector` as the commit writes them) chained to the one it
    /// found, with the records whose terms it changed. Nothing once the log has overflowed; past
    /// its size the log is marked overflowed instead, and the next load rebuilds the file.
    pub(crate) fn term_log_entries(
        &self,
        changed: &[RecordId],
        terms_stamp: Option<&[u8]>,
        clock: &[u8],
        vector: &[u8],
    ) -> StoreResult<Vec<TreeInsert>> {
        let size = term_log::size(self)?;
        if size == term_log::OVERFLOWED {
            return Ok(Vec::new());
        }
        let size = size + 1 + changed.len() as u64;
        if size > term_log::MAX_ENTRIES {
            return Ok(vec![(
                "meta",
                term_log::SIZE_KEY.to_vec(),
                term_log::OVERFLOWED.to_le_bytes().to_vec(),
            )]);
        }
        let before = self.term_file_stamp()?;
        let terms = match terms_stamp {
            Some(renewed) => renewed.to_vec(),
            None => self
                .meta
                .get(meta_key::TERMS_STAMP)?
                .map(|v| v.to_vec())
                .unwrap_or_default(),
        };
        let node = self.meta.get(meta_key::NODE_ID)?.unwrap_or_default();
        let after = stamp_of_meta([&terms, clock, vector, &node]);
        let mut value = before.to_vec();
        for id in changed {
            value.extend_from_slice(id.as_bytes());
        }
        Ok(vec![
            (term_log::TREE, after.to_vec(), value),
            (
                "meta",
                term_log::SIZE_KEY.to_vec(),
                size.to_le_bytes().to_vec(),
            ),
        ])
    }

    /// Whether the term file holds the postings the terms of each record in sled make: `None` when there is
    /// no term file for this state of the store (the next load builds it). Compares a sum of
    /// one hash per posting on each side, so neither is held in memory.
    pub(crate) fn term_file_agrees(&self) -> StoreResult<Option<bool>> {
        let writer = self.writer();
        let stamp = self.term_file_stamp()?;
        let Ok(Some(file)) = TermFile::open(&term_file::file_path(self.path()), stamp) else {
            return Ok(None);
        };
        let mut in_file: u128 = 0;
        for row in file.rows() {
            let (term, postings) = row?;
            for (card, weight, source) in postings {
                in_file =
                    in_file.wrapping_add(term_file::posting_hash(&term, card, weight, source));
            }
        }
        let mut in_sled: u128 = 0;
        for item in self.index(Index::RecordTerms).iter() {
            let (key, value) = item?;
            let Some(source) = RecordId::from_slice(&key) else {
                continue;
            };
            let terms: Vec<TermContribution> = postcard::from_bytes(&value).unwrap_or_default();
            for term in terms {
                in_sled = in_sled.wrapping_add(term_file::posting_hash(
                    term.term.as_bytes(),
                    term.card,
                    term.weight,
                    term_file::source_key(source),
                ));
            }
        }
        drop(writer);
        Ok(Some(in_file == in_sled))
    }

    /// Removes the term file, before the terms in sled are rewritten other than by a commit (a
    /// repair, a migration), so that no file can describe the index from before.
    pub(crate) fn forget_term_file(&self) -> StoreResult<()> {
        match std::fs::remove_file(term_file::file_path(self.path())) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(super::StoreError::from_io(&e)),
        }
    }

    /// The term index read from sled into a map in memory.
    fn term_index_from_sled(&self) -> StoreResult<MemoryIndex> {
        let mut memory = MemoryIndex {
            ids: Vec::new(),
            numbers: HashMap::new(),
            terms: BTreeMap::new(),
        };
        // One entry per contributing record (not per term) keeps the scan short.
        for item in self.index(Index::RecordTerms).iter() {
            let (key, value) = item?;
            let Some(source) = RecordId::from_slice(&key) else {
                continue;
            };
            for term in record_terms(source, &value)? {
                memory.insert(term.term.as_bytes(), term.card, source, term.weight);
            }
        }
        Ok(memory)
    }

    /// Every card that matches a query with its score, unordered, and without reading the cards:
    /// for callers that hold their own list of cards (the app's card list) and rank and filter
    /// there. Cards may be deleted, withdrawn or members of identity groups.
    ///
    /// The first search of a process that has not loaded the index loads it: a one-shot command
    /// line opens the term file (milliseconds), or rebuilds it once after a command changed the
    /// store.
    pub fn search_scores(&self, query: &str) -> StoreResult<Vec<(RecordId, f64)>> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        match self.score_with_loaded_index(&words) {
            Some(Ok(scores)) => return Ok(scores),
            // A term file that cannot be read (damaged, removed from under the app) is let go;
            // the load below rebuilds it from sled.
            Some(Err(_)) => *self.memory_index.write().unwrap_or_else(|p| p.into_inner()) = None,
            None => {}
        }
        self.load_search_index()?;
        self.score_with_loaded_index(&words)
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    /// The same scoring from a map built afresh from the terms of each record in sled: what
    /// the term file's answers are held to in tests.
    #[cfg(test)]
    pub(crate) fn score_from_sled(&self, words: &[String]) -> StoreResult<Vec<(RecordId, f64)>> {
        score(&self.term_index_from_sled()?, words)
    }

    /// The scores from the index this process has loaded, if it has.
    fn score_with_loaded_index(
        &self,
        words: &[String],
    ) -> Option<StoreResult<Vec<(RecordId, f64)>>> {
        let loaded = self.memory_index.read().unwrap_or_else(|p| p.into_inner());
        loaded.as_ref().map(|index| score(index.postings(), words))
    }
}

/// A card's name and a second line for lists.
pub fn card_title(state: &crate::crdt::RecordState) -> (String, Option<String>) {
    let text = |field: &str| match state.current(field) {
        Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s),
        _ => None,
    };
    match state.kind.parse::<RecordKind>() {
        Ok(RecordKind::Person) => (text("display_name").unwrap_or_default(), text("job_title")),
        Ok(RecordKind::Organisation) => {
            let detail = match (text("sector"), text("level")) {
                (Some(s), Some(l)) => Some(format!("{s} · {l}")),
                (s, l) => s.or(l),
            };
            (text("name").unwrap_or_default(), detail)
        }
        Ok(RecordKind::Networker) => (text("name").unwrap_or_default(), text("unit")),
        _ => (
            text("name")
                .or_else(|| text("summary"))
                .or_else(|| text("text"))
                .unwrap_or_default(),
            None,
        ),
    }
}

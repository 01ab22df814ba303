//! The term index as a file in the store folder, so that search answers from the first keystroke
//! without loading every term into memory.
//!
//! It is the only term index read: sled keeps the terms of each record (`index.record_terms`),
//! which this file is built from, and a tree with one entry per term (`index.terms`, a quarter of
//! a store's entries) was dropped in schema 5. Loading the terms into a map takes about a second
//! and 420 MB at 100,000 cards (11 s and 3 GB at a million). This file holds the postings sorted
//! by term: the cards in id
//! order, the postings (card, weight, source), and an `fst` map from each term to its first
//! posting. The map and the cards are read at open; the postings stay on disk and are read per
//! query word: a prefix's terms are neighbours in the file, so one read covers them all. Commits
//! made while the file is in use go to a small overlay in memory, and the file is written again
//! with them when the app closes.
//!
//! The file says which state of the store it describes. Every commit that changes a term writes
//! a fresh random stamp into the store's meta tree, and the file carries the stamp it was built
//! at. A file whose stamp differs (a command-line commit since, a sync pass, an app that stopped
//! before it saved) is caught up with the commits since, when the term log leads back to it
//! (`search::term_log`: the records each commit changed; their postings in the file are hidden
//! and their current terms added to the overlay); otherwise (a restore, a repair, a commit by an
//! older Kring, an overflowed log) it is not used, and the index is rebuilt from sled. A random stamp rather than a counter, so that a store
//! restored from a backup and written again can never match a file built along the other history.
//!
//! The layout, little-endian: `cards` (16 bytes each, ascending), `postings` (13 bytes each:
//! card number u32, weight u8, source u64), the `fst` map (term → index of its first posting), and
//! a 64-byte footer (magic, stamp, checksum, card count, posting count, map length). The checksum
//! covers the whole file and is verified at open (one pass over the postings, which are not kept),
//! so a damaged file is rebuilt rather than walked. A posting names its source by a 64-bit fold of
//! the source's id: enough to tell apart the few records that give one card the same term, at half
//! the size of the id.

use super::search::Postings;
use super::{StoreError, StoreResult};
use crate::model::RecordId;
use fst::{IntoStreamer, Streamer};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file's name in the store folder.
pub(crate) const FILE_NAME: &str = "search-terms";
const MAGIC: &[u8; 8] = b"KRTERMS1";
const FOOTER: u64 = 64;
const POSTING: usize = 13;

/// Which state of the store a term file describes.
pub(crate) type Stamp = [u8; 16];

pub(crate) fn file_path(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

/// The short name a posting gives its source record.
pub(crate) fn source_key(source: RecordId) -> u64 {
    let bytes = source.as_bytes();
    let (high, low) = bytes.split_at(8);
    u64::from_le_bytes(high.try_into().expect("8 bytes"))
        ^ u64::from_le_bytes(low.try_into().expect("8 bytes"))
}

/// One posting's hash, for comparing the file with the sled index as multisets (`kring check`).
pub(crate) fn posting_hash(term: &[u8], card: RecordId, weight: u8, source: u64) -> u128 {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&(term.len() as u64).to_le_bytes());
    hasher.update(term);
    hasher.update(card.as_bytes());
    hasher.update(&[weight]);
    hasher.update(&source.to_le_bytes());
    u128::from_le_bytes(
        hasher.finalize().as_bytes()[..16]
            .try_into()
            .expect("16 bytes"),
    )
}

fn corrupt(reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        id: FILE_NAME.to_owned(),
        reason: reason.into(),
    }
}

fn io(error: std::io::Error) -> StoreError {
    StoreError::from_io(&error)
}

/// One posting as the file holds it, with card numbers of the file's own card list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FilePosting {
    card: u32,
    weight: u8,
    source: u64,
}

impl FilePosting {
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.card.to_le_bytes());
        out.push(self.weight);
        out.extend_from_slice(&self.source.to_le_bytes());
    }

    fn decode(bytes: &[u8]) -> FilePosting {
        FilePosting {
            card: u32::from_le_bytes(bytes[0..4].try_into().expect("4 bytes")),
            weight: bytes[4],
            source: u64::from_le_bytes(bytes[5..13].try_into().expect("8 bytes")),
        }
    }
}

/// A term with its postings: (card, weight, source key).
pub(crate) type TermRow = (Vec<u8>, Vec<(RecordId, u8, u64)>);

/// What a term file is written from: terms in ascending byte order.
pub(crate) type TermRows<'a> = dyn Iterator<Item = StoreResult<TermRow>> + 'a;

/// A posting added since the file was written: card number, weight, source key.
type AddedPosting = (u32, u8, u64);

/// Writes a term file at `path` (through a temporary file and a rename, so a reader sees the old
/// file or the new one) from `cards` (every card the rows name) and the rows.
pub(crate) fn write(
    path: &Path,
    stamp: Stamp,
    mut cards: Vec<RecordId>,
    rows: &mut TermRows<'_>,
) -> StoreResult<()> {
    cards.sort_unstable();
    cards.dedup();
    let temporary = path.with_file_name(format!(".{FILE_NAME}.{}.partial", std::process::id()));
    let result = write_to(&temporary, stamp, &cards, rows).and_then(|()| {
        std::fs::rename(&temporary, path).map_err(io)?;
        if let Some(folder) = path.parent() {
            if let Ok(folder) = std::fs::File::open(folder) {
                let _ = folder.sync_all();
            }
        }
        Ok(())
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn write_to(
    path: &Path,
    stamp: Stamp,
    cards: &[RecordId],
    rows: &mut TermRows<'_>,
) -> StoreResult<()> {
    let file = std::fs::File::create(path).map_err(io)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut checksum = blake3::Hasher::new();
    for card in cards {
        out.write_all(card.as_bytes()).map_err(io)?;
        checksum.update(card.as_bytes());
    }
    // The map is built in memory: it is small (terms share prefixes and suffixes) next to the
    // postings, which go straight to the file.
    let mut map = fst::MapBuilder::memory();
    let mut postings: u64 = 0;
    let mut buffer = Vec::new();
    for row in rows {
        let (term, row_postings) = row?;
        if row_postings.is_empty() {
            continue;
        }
        map.insert(&term, postings)
            .map_err(|e| corrupt(format!("terms out of order: {e}")))?;
        buffer.clear();
        for (card, weight, source) in row_postings {
            let card = cards
                .binary_search(&card)
                .map_err(|_| corrupt("a posting names a card the file does not list"))?;
            FilePosting {
                card: card as u32,
                weight,
                source,
            }
            .encode(&mut buffer);
            postings += 1;
        }
        out.write_all(&buffer).map_err(io)?;
        checksum.update(&buffer);
    }
    let map = map
        .into_inner()
        .map_err(|e| corrupt(format!("term map: {e}")))?;
    out.write_all(&map).map_err(io)?;
    checksum.update(&map);
    out.write_all(MAGIC).map_err(io)?;
    out.write_all(&stamp).map_err(io)?;
    out.write_all(&checksum.finalize().as_bytes()[..16])
        .map_err(io)?;
    out.write_all(&(cards.len() as u64).to_le_bytes())
        .map_err(io)?;
    out.write_all(&postings.to_le_bytes()).map_err(io)?;
    out.write_all(&(map.len() as u64).to_le_bytes())
        .map_err(io)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    Ok(())
}

/// Changes since the file was written, held in memory.
#[derive(Default)]
struct Overlay {
    /// Postings added, by term, with card numbers (the file's, or past its end for new cards).
    added: BTreeMap<Box<[u8]>, Vec<AddedPosting>>,
    /// Postings of the file that no longer hold, by term: (card number, source).
    removed: HashMap<Box<[u8]>, HashSet<(u32, u64)>>,
    /// Sources none of whose postings in the file hold: records changed by commits the file
    /// caught up with from the term log (`search::term_log`), whose current terms are in `added`.
    replaced: HashSet<u64>,
    /// Cards the file does not list, numbered after its own.
    new_cards: Vec<RecordId>,
    new_numbers: HashMap<RecordId, u32>,
}

impl Overlay {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.replaced.is_empty()
    }

    /// Whether the file's posting (`card`, `source`) of `term` no longer holds.
    fn hides(&self, term: &[u8], card: u32, source: u64) -> bool {
        self.replaced.contains(&source)
            || self
                .removed
                .get(term)
                .is_some_and(|r| r.contains(&(card, source)))
    }
}

/// A term file open for search, with the commits made since it was written.
pub(crate) struct TermFile {
    file: Mutex<std::fs::File>,
    stamp: Stamp,
    cards: Vec<RecordId>,
    map: fst::Map<Vec<u8>>,
    posting_count: u64,
    overlay: Overlay,
}

/// The store state the term file at `path` describes, read from its footer alone; `None` when
/// there is no file or it is not one.
pub(crate) fn stamp_of(path: &Path) -> Option<Stamp> {
    let mut file = std::fs::File::open(path).ok()?;
    let length = file.metadata().ok()?.len();
    if length < FOOTER {
        return None;
    }
    file.seek(SeekFrom::Start(length - FOOTER)).ok()?;
    let mut footer = [0u8; FOOTER as usize];
    file.read_exact(&mut footer).ok()?;
    if &footer[0..8] != MAGIC {
        return None;
    }
    footer[8..24].try_into().ok()
}

impl TermFile {
    /// Opens the term file of a store when it describes the store's state `stamp`; `None` when
    /// there is no file or it describes another state. A damaged file is an error (the caller
    /// rebuilds it).
    pub(crate) fn open(path: &Path, stamp: Stamp) -> StoreResult<Option<TermFile>> {
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(e)),
        };
        let length = file.metadata().map_err(io)?.len();
        if length < FOOTER {
            return Err(corrupt("shorter than its footer"));
        }
        file.seek(SeekFrom::Start(length - FOOTER)).map_err(io)?;
        let mut footer = [0u8; FOOTER as usize];
        file.read_exact(&mut footer).map_err(io)?;
        if &footer[0..8] != MAGIC {
            return Err(corrupt("not a Kring term file"));
        }
        if footer[8..24] != stamp {
            return Ok(None);
        }
        let number =
            |at: usize| u64::from_le_bytes(footer[at..at + 8].try_into().expect("8 bytes"));
        let (card_count, posting_count, map_length) = (number(40), number(48), number(56));
        let expected = card_count
            .checked_mul(16)
            .and_then(|c| {
                posting_count
                    .checked_mul(POSTING as u64)
                    .and_then(|p| c.checked_add(p))
            })
            .and_then(|n| n.checked_add(map_length))
            .and_then(|n| n.checked_add(FOOTER));
        if expected != Some(length) || card_count > u64::from(u32::MAX) {
            return Err(corrupt("its sections do not add up to its length"));
        }
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        let mut reader = BufReader::with_capacity(1 << 20, &mut file);
        let mut checksum = blake3::Hasher::new();
        let mut cards = Vec::with_capacity(card_count as usize);
        let mut id = [0u8; 16];
        for _ in 0..card_count {
            reader.read_exact(&mut id).map_err(io)?;
            checksum.update(&id);
            let card = RecordId::from_slice(&id).ok_or_else(|| corrupt("a card id"))?;
            if cards.last().is_some_and(|last| *last >= card) {
                return Err(corrupt("cards out of order"));
            }
            cards.push(card);
        }
        let mut left = posting_count * POSTING as u64;
        let mut chunk = vec![0u8; 1 << 20];
        while left > 0 {
            let take = left.min(chunk.len() as u64) as usize;
            reader.read_exact(&mut chunk[..take]).map_err(io)?;
            checksum.update(&chunk[..take]);
            left -= take as u64;
        }
        let mut map_bytes = vec![0u8; map_length as usize];
        reader.read_exact(&mut map_bytes).map_err(io)?;
        drop(reader);
        checksum.update(&map_bytes);
        if checksum.finalize().as_bytes()[..16] != footer[24..40] {
            return Err(corrupt("its checksum does not match"));
        }
        let map = fst::Map::new(map_bytes).map_err(|e| corrupt(format!("term map: {e}")))?;
        Ok(Some(TermFile {
            file: Mutex::new(file),
            stamp,
            cards,
            map,
            posting_count,
            overlay: Overlay::default(),
        }))
    }

    pub(crate) fn stamp(&self) -> Stamp {
        self.stamp
    }

    /// Hides every posting of `source` in the file: a record a commit changed that the file
    /// catches up with from the term log, whose current terms are then added with [`apply`].
    ///
    /// [`apply`]: TermFile::apply
    pub(crate) fn replace_source(&mut self, source: RecordId) {
        let key = source_key(source);
        self.overlay.replaced.insert(key);
        self.overlay.added.retain(|_, postings| {
            postings.retain(|(_, _, s)| *s != key);
            !postings.is_empty()
        });
    }

    /// Whether commits changed terms since the file was written.
    pub(crate) fn has_changes(&self) -> bool {
        !self.overlay.is_empty()
    }

    fn number_of(&self, card: RecordId) -> Option<u32> {
        match self.cards.binary_search(&card) {
            Ok(position) => Some(position as u32),
            Err(_) => self.overlay.new_numbers.get(&card).copied(),
        }
    }

    fn card_of(&self, number: u32) -> RecordId {
        let number = number as usize;
        match self.cards.get(number) {
            Some(card) => *card,
            None => self.overlay.new_cards[number - self.cards.len()],
        }
    }

    /// Follows a commit: `(term, card, weight)`, its source, and whether it was added.
    pub(crate) fn apply(
        &mut self,
        term: &[u8],
        card: RecordId,
        weight: u8,
        source: RecordId,
        added: bool,
    ) {
        let source = source_key(source);
        if added {
            let number = match self.number_of(card) {
                Some(number) => number,
                None => {
                    let number = (self.cards.len() + self.overlay.new_cards.len()) as u32;
                    self.overlay.new_cards.push(card);
                    self.overlay.new_numbers.insert(card, number);
                    number
                }
            };
            self.overlay
                .added
                .entry(term.into())
                .or_default()
                .push((number, weight, source));
            return;
        }
        let Some(number) = self.number_of(card) else {
            return;
        };
        // A posting added since the file was written goes from the overlay; one from the file is
        // hidden. (A term, card and source appear at most once in the index.)
        if let Some(postings) = self.overlay.added.get_mut(term) {
            if let Some(at) = postings
                .iter()
                .position(|(c, _, s)| *c == number && *s == source)
            {
                postings.swap_remove(at);
                if postings.is_empty() {
                    self.overlay.added.remove(term);
                }
                return;
            }
        }
        self.overlay
            .removed
            .entry(term.into())
            .or_default()
            .insert((number, source));
    }

    /// The postings of the file's terms that start with `prefix`, as (term, postings), read with
    /// one read from the file.
    fn file_postings(&self, prefix: &[u8]) -> StoreResult<Vec<(Vec<u8>, std::ops::Range<u64>)>> {
        let matcher = fst::automaton::Str::new(
            std::str::from_utf8(prefix).map_err(|_| corrupt("a query word that is not text"))?,
        );
        let matcher = fst::Automaton::starts_with(matcher);
        let mut stream = self.map.search(matcher).into_stream();
        let mut terms: Vec<(Vec<u8>, u64)> = Vec::new();
        while let Some((term, first)) = stream.next() {
            terms.push((term.to_vec(), first));
        }
        let Some((last, _)) = terms.last() else {
            return Ok(Vec::new());
        };
        // Where the last term's postings end: where the next term's begin.
        let end = self
            .map
            .range()
            .gt(last)
            .into_stream()
            .next()
            .map(|(_, first)| first)
            .unwrap_or(self.posting_count);
        let mut ranges = Vec::with_capacity(terms.len());
        let mut terms = terms.into_iter().peekable();
        while let Some((term, first)) = terms.next() {
            let next = terms.peek().map(|(_, first)| *first).unwrap_or(end);
            if next < first || next > self.posting_count {
                return Err(corrupt("postings out of order"));
            }
            ranges.push((term, first..next));
        }
        Ok(ranges)
    }

    fn read_postings(&self, range: std::ops::Range<u64>) -> StoreResult<Vec<u8>> {
        let start = self.cards.len() as u64 * 16 + range.start * POSTING as u64;
        let mut bytes = vec![0u8; ((range.end - range.start) as usize) * POSTING];
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.seek(SeekFrom::Start(start)).map_err(io)?;
        file.read_exact(&mut bytes).map_err(io)?;
        Ok(bytes)
    }

    /// Every term with its current postings as card ids, in term order: the file's merged with
    /// the overlay, for writing the file again.
    pub(crate) fn rows(&self) -> impl Iterator<Item = StoreResult<TermRow>> + '_ {
        let mut file_terms = self.map.stream();
        let mut from_file: Vec<(Vec<u8>, u64)> = Vec::new();
        while let Some((term, first)) = file_terms.next() {
            from_file.push((term.to_vec(), first));
        }
        let mut added = self.overlay.added.iter().peekable();
        let mut file_position = 0usize;
        let mut read_up_to = 0u64;
        let mut reader: Option<BufReader<std::fs::File>> = None;
        std::iter::from_fn(move || {
            let next_file = from_file.get(file_position).map(|(t, _)| t.as_slice());
            let next_added = added.peek().map(|(t, _)| &***t);
            let term: Vec<u8> = match (next_file, next_added) {
                (None, None) => return None,
                (Some(f), Some(a)) => f.min(a).to_vec(),
                (Some(f), None) => f.to_vec(),
                (None, Some(a)) => a.to_vec(),
            };
            let mut postings = Vec::new();
            if next_file == Some(term.as_slice()) {
                let first = from_file[file_position].1;
                let end = from_file
                    .get(file_position + 1)
                    .map(|(_, f)| *f)
                    .unwrap_or(self.posting_count);
                file_position += 1;
                // The postings are read in one pass, so each term's must start where the last
                // one's ended.
                if first != read_up_to || end < first || end > self.posting_count {
                    return Some(Err(corrupt("postings out of order")));
                }
                read_up_to = end;
                if reader.is_none() {
                    let opened = self
                        .file
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .try_clone()
                        .and_then(|mut f| {
                            f.seek(SeekFrom::Start(self.cards.len() as u64 * 16))?;
                            Ok(BufReader::with_capacity(1 << 20, f))
                        });
                    match opened {
                        Ok(r) => reader = Some(r),
                        Err(e) => return Some(Err(io(e))),
                    }
                }
                let reader = reader.as_mut().expect("opened above");
                let mut bytes = vec![0u8; (end - first) as usize * POSTING];
                if let Err(e) = reader.read_exact(&mut bytes) {
                    return Some(Err(io(e)));
                }
                for chunk in bytes.chunks_exact(POSTING) {
                    let posting = FilePosting::decode(chunk);
                    if self.overlay.hides(&term, posting.card, posting.source) {
                        continue;
                    }
                    if posting.card as usize >= self.cards.len() {
                        return Some(Err(corrupt(
                            "a posting names a card the file does not list",
                        )));
                    }
                    postings.push((self.card_of(posting.card), posting.weight, posting.source));
                }
            }
            if next_added == Some(term.as_slice()) {
                let (_, more) = added.next().expect("peeked");
                for (card, weight, source) in more {
                    postings.push((self.card_of(*card), *weight, *source));
                }
            }
            Some(Ok((term, postings)))
        })
    }

    /// Writes the file again with the overlay folded in, for the same store state `stamp`.
    pub(crate) fn rewrite(&self, path: &Path, stamp: Stamp) -> StoreResult<()> {
        let mut cards = self.cards.clone();
        cards.extend_from_slice(&self.overlay.new_cards);
        let mut rows = self.rows();
        write(path, stamp, cards, &mut rows)
    }
}

impl Postings for TermFile {
    fn card_numbers(&self) -> usize {
        self.cards.len() + self.overlay.new_cards.len()
    }

    fn card_id(&self, number: u32) -> RecordId {
        self.card_of(number)
    }

    fn each_posting(
        &self,
        prefix: &[u8],
        visit: &mut dyn FnMut(&[u8], u32, u8),
    ) -> StoreResult<()> {
        let ranges = self.file_postings(prefix)?;
        if let (Some((_, first)), Some((_, last))) = (ranges.first(), ranges.last()) {
            let bytes = self.read_postings(first.start..last.end)?;
            for (term, range) in &ranges {
                let from = ((range.start - first.start) as usize) * POSTING;
                let to = ((range.end - first.start) as usize) * POSTING;
                for chunk in bytes[from..to].chunks_exact(POSTING) {
                    let posting = FilePosting::decode(chunk);
                    if posting.card as usize >= self.cards.len() {
                        return Err(corrupt("a posting names a card the file does not list"));
                    }
                    if self.overlay.hides(term, posting.card, posting.source) {
                        continue;
                    }
                    visit(term, posting.card, posting.weight);
                }
            }
        }
        for (term, postings) in self.overlay.added.range::<[u8], _>((
            std::ops::Bound::Included(prefix),
            std::ops::Bound::Unbounded,
        )) {
            if !term.starts_with(prefix) {
                break;
            }
            for (card, weight, _) in postings {
                visit(term, *card, *weight);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Role};
    use crate::store::search::query_words;
    use crate::store::{OpenOptions, Store};
    use chrono::{DateTime, Duration, TimeZone, Utc};

    const QUERIES: [&str; 9] = [
        "j", "jan", "jan p", "pee", "muller", "van den", "an", "z", "klimaat",
    ];

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
    }

    fn open(path: &Path) -> Store {
        Store::open_engine(path, &OpenOptions::default()).unwrap()
    }

    fn person(store: &Store, name: &str) -> RecordId {
        let body = Person {
            display_name: name.into(),
            job_title: Some("Beleidsmedewerker klimaat".into()),
            ..Person::default()
        };
        store.create(&body, None, now()).unwrap()
    }

    fn rename(store: &Store, id: RecordId, name: &str) {
        store
            .set_fields(
                id,
                &[("display_name".into(), name.into())],
                now() + Duration::minutes(1),
            )
            .unwrap();
    }

    fn sorted(mut scores: Vec<(RecordId, f64)>) -> Vec<(RecordId, f64)> {
        scores.sort_by_key(|score| score.0);
        scores
    }

    /// Every query scores every card exactly as a map built afresh from the terms in sled does.
    fn assert_agrees_with_sled(store: &Store, when: &str) {
        for query in QUERIES {
            let loaded = sorted(store.search_scores(query).unwrap());
            let sled = sorted(store.score_from_sled(&query_words(query)).unwrap());
            assert_eq!(loaded, sled, "'{query}' {when}");
        }
    }

    fn store_with_people(path: &Path) -> (Store, Vec<RecordId>) {
        let store = open(path);
        store
            .init(
                "An Peeters",
                "an.peeters@antwerpen.be",
                Role::Networker,
                now(),
            )
            .unwrap();
        let names = [
            "Jan Peeters",
            "Janssens Marie",
            "Jana Müller",
            "Jean-Pierre Van den Berg",
            "Zoë Van Damme",
            "Piet Janssen",
            "Annelies Peeters",
            "Jan",
        ];
        let ids = names.iter().map(|name| person(&store, name)).collect();
        (store, ids)
    }

    #[test]
    fn search_from_the_term_file_scores_as_the_sled_index_does_through_edits_a_save_and_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, ids) = store_with_people(&path);
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(true));
        assert!(file_path(&path).exists());
        assert_agrees_with_sled(&store, "after the first load");

        // Commits go to the overlay: a rename (postings from the file hidden, new ones added),
        // a new card the file does not list, a delete, and a rename undone.
        rename(&store, ids[0], "Johan Peeters");
        let newcomer = person(&store, "Jantje Zonderland");
        store.delete(ids[2], now() + Duration::minutes(2)).unwrap();
        rename(&store, newcomer, "Jantine Zonderland");
        rename(&store, newcomer, "Jantje Zonderland");
        assert_agrees_with_sled(&store, "after edits");
        assert!(!store.search_scores("johan").unwrap().is_empty());
        assert!(
            store.search_scores("muller").unwrap().is_empty(),
            "the deleted card is gone"
        );

        // Saved as the app does at exit, the file opens as it is at the next start.
        store.save_search_index().unwrap();
        drop(store);
        let store = open(&path);
        let stamp = store.term_file_stamp().unwrap();
        assert!(
            TermFile::open(&file_path(&path), stamp).unwrap().is_some(),
            "the saved file describes the store"
        );
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(true));
        assert_agrees_with_sled(&store, "after a save and a reopen");
    }

    /// A store of people whose term file was written, closed again.
    fn people_with_a_term_file(path: &Path) -> Vec<RecordId> {
        let (store, ids) = store_with_people(path);
        store.load_search_index().unwrap();
        store.save_search_index().unwrap();
        ids
    }

    /// A folder with a store of people whose term file was written, the store's path, the
    /// people and the file's bytes as written.
    fn people_with_a_written_term_file() -> (tempfile::TempDir, PathBuf, Vec<RecordId>, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let ids = people_with_a_term_file(&path);
        let written = std::fs::read(file_path(&path)).unwrap();
        (dir, path, ids, written)
    }

    /// The term file on disk describes `store` as it is now, and the term log is empty: what
    /// writing the file leaves.
    fn assert_file_written_and_log_empty(store: &Store, path: &Path) {
        let stamp = store.term_file_stamp().unwrap();
        assert!(
            TermFile::open(&file_path(path), stamp).unwrap().is_some(),
            "the file on disk describes the store as it is"
        );
        assert_eq!(
            super::super::search::term_log::size(store).unwrap(),
            0,
            "the log is empty again"
        );
    }

    /// Whether any entry of the term log holds `bytes`.
    fn term_log_holds(store: &Store, bytes: &[u8]) -> bool {
        let tree = store
            .db
            .open_tree(super::super::search::term_log::TREE)
            .unwrap();
        tree.iter()
            .map(|item| item.unwrap())
            .any(|(_, value)| value.windows(bytes.len()).any(|w| w == bytes))
    }

    #[test]
    fn a_term_file_catches_up_with_command_line_commits_from_the_term_log_instead_of_being_rebuilt()
    {
        let (_dir, path, ids, written) = people_with_a_written_term_file();
        // Command-line edits: no term file loaded, so only the sled index and the log follow them.
        let store = open(&path);
        rename(&store, ids[7], "Wannes");
        let newcomer = person(&store, "Zakaria Bouzid");
        store.delete(ids[2], now() + Duration::minutes(2)).unwrap();
        assert!(
            !term_log_holds(&store, b"annes"),
            "the log names records, never their words"
        );
        drop(store);

        let store = open(&path);
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(true));
        assert_eq!(
            std::fs::read(file_path(&path)).unwrap(),
            written,
            "the file was caught up with in memory, not rebuilt"
        );
        assert_agrees_with_sled(&store, "caught up from the log");
        assert_eq!(store.search_scores("wannes").unwrap()[0].0, ids[7]);
        assert_eq!(store.search_scores("zakaria").unwrap()[0].0, newcomer);
        assert!(store.search_scores("muller").unwrap().is_empty());

        // Saved (as the app does when it closes), the file describes the store and the log is
        // empty again.
        store.save_search_index().unwrap();
        assert_file_written_and_log_empty(&store, &path);
        drop(store);
        let store = open(&path);
        store.load_search_index().unwrap();
        assert_agrees_with_sled(&store, "after the catch-up was saved");
    }

    #[test]
    fn a_load_that_caught_up_over_a_long_log_writes_the_file_again_and_empties_the_log() {
        use super::super::search::term_log;
        let (_dir, path, ids, written) = people_with_a_written_term_file();
        let store = open(&path);
        // A log as long as a day of `kring sync --watch` passes would make it.
        store
            .meta
            .insert(
                term_log::SIZE_KEY,
                &(term_log::SETTLE_FROM - 1).to_le_bytes(),
            )
            .unwrap();
        rename(&store, ids[7], "Wannes");
        drop(store);

        let store = open(&path);
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(true));
        assert_agrees_with_sled(&store, "caught up and written again");
        assert_eq!(store.search_scores("wannes").unwrap()[0].0, ids[7]);
        assert_ne!(std::fs::read(file_path(&path)).unwrap(), written);
        assert_file_written_and_log_empty(&store, &path);
        drop(store);
        let store = open(&path);
        store.load_search_index().unwrap();
        assert_agrees_with_sled(&store, "opened as written, at the next start");
    }

    #[test]
    fn settling_writes_the_file_only_once_the_log_is_long_whether_or_not_an_index_is_loaded() {
        use super::super::search::term_log;
        let (_dir, path, ids, written) = people_with_a_written_term_file();
        let store = open(&path);
        rename(&store, ids[7], "Wannes");
        store.settle_search_index().unwrap();
        assert_eq!(
            std::fs::read(file_path(&path)).unwrap(),
            written,
            "a short log is left for the next load to catch up"
        );
        assert!(term_log::size(&store).unwrap() > 0);
        let long = (term_log::SETTLE_FROM).to_le_bytes();
        // A command line's store, no index loaded: the settle loads, catches up and writes.
        store.meta.insert(term_log::SIZE_KEY, &long).unwrap();
        store.settle_search_index().unwrap();
        assert_file_written_and_log_empty(&store, &path);
        // The app's store, its index loaded: the settle saves what it holds.
        rename(&store, ids[5], "Zeger");
        store.meta.insert(term_log::SIZE_KEY, &long).unwrap();
        store.settle_search_index().unwrap();
        assert_file_written_and_log_empty(&store, &path);
        drop(store);
        let store = open(&path);
        store.load_search_index().unwrap();
        assert_agrees_with_sled(&store, "after two settles");
        assert_eq!(store.search_scores("zeger").unwrap()[0].0, ids[5]);
    }

    #[test]
    fn a_term_log_past_its_size_stops_and_the_next_load_rebuilds_the_file() {
        use super::super::search::term_log;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let ids = people_with_a_term_file(&path);
        let store = open(&path);
        store
            .meta
            .insert(
                term_log::SIZE_KEY,
                &(term_log::MAX_ENTRIES - 1).to_le_bytes(),
            )
            .unwrap();
        rename(&store, ids[7], "Wannes");
        assert_eq!(term_log::size(&store).unwrap(), term_log::OVERFLOWED);
        rename(&store, ids[6], "Annelies Wouters");
        drop(store);
        let written = std::fs::read(file_path(&path)).unwrap();

        let store = open(&path);
        store.load_search_index().unwrap();
        assert_ne!(
            std::fs::read(file_path(&path)).unwrap(),
            written,
            "rebuilt, not caught up"
        );
        assert_agrees_with_sled(&store, "after the rebuild");
        assert_eq!(
            term_log::size(&store).unwrap(),
            0,
            "and the log starts again"
        );
    }

    #[test]
    fn a_term_file_the_log_does_not_lead_back_to_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let ids = people_with_a_term_file(&path);
        // A command-line edit by a Kring from before the log: the store changes, the log does
        // not say so.
        let store = open(&path);
        rename(&store, ids[7], "Wannes");
        store
            .db
            .open_tree(super::super::search::term_log::TREE)
            .unwrap()
            .clear()
            .unwrap();
        drop(store);
        let store = open(&path);
        let stamp = store.term_file_stamp().unwrap();
        assert!(
            TermFile::open(&file_path(&path), stamp).unwrap().is_none(),
            "the file is stale"
        );
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(true));
        let wannes = store.search_scores("wannes").unwrap();
        assert_eq!(wannes.len(), 1);
        assert_eq!(wannes[0].0, ids[7]);
        assert_agrees_with_sled(&store, "after the rebuild");
    }

    #[test]
    fn a_damaged_term_file_is_rebuilt_and_search_still_answers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, _) = store_with_people(&path);
        store.load_search_index().unwrap();
        drop(store);
        let good = std::fs::read(file_path(&path)).unwrap();
        let length = good.len();
        let damages: Vec<(&str, Vec<u8>)> = vec![
            ("cut in half", good[..length / 2].to_vec()),
            ("empty", Vec::new()),
            ("a card id", flip(&good, 3)),
            (
                "a posting",
                flip(&good, good.len() - FOOTER as usize - 40 - 5),
            ),
            ("the map", flip(&good, length - FOOTER as usize - 3)),
            ("the counts", flip(&good, length - 10)),
            (
                "not a term file",
                b"KRTERMS1 but then nothing that adds up".repeat(3),
            ),
        ];
        for (what, bytes) in damages {
            std::fs::write(file_path(&path), &bytes).unwrap();
            let store = open(&path);
            if what != "not a term file" && what != "empty" && what != "cut in half" {
                let stamp = store.term_file_stamp().unwrap();
                assert!(
                    TermFile::open(&file_path(&path), stamp).is_err(),
                    "{what} is noticed"
                );
            }
            store.load_search_index().unwrap();
            assert_eq!(store.search_index_is_file(), Some(true), "{what}: rebuilt");
            assert_agrees_with_sled(&store, what);
            drop(store);
        }
    }

    fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
        let mut bytes = bytes.to_vec();
        bytes[at] ^= 0x5a;
        bytes
    }

    #[test]
    fn kring_check_finds_a_term_file_that_holds_other_terms_than_the_store_and_repair_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, ids) = store_with_people(&path);
        store.load_search_index().unwrap();
        assert!(
            store.check(false, now()).unwrap().is_clean(),
            "a fresh file agrees"
        );

        // A file with the right stamp but a posting missing: what a bug in following commits
        // would leave behind.
        let stamp = store.term_file_stamp().unwrap();
        let file = TermFile::open(&file_path(&path), stamp).unwrap().unwrap();
        let rows: Vec<TermRow> = file.rows().map(|row| row.unwrap()).collect();
        let cards: Vec<RecordId> = file.cards.clone();
        drop(file);
        let mut rows = rows.into_iter().map(|(term, mut postings)| {
            postings.retain(|(card, _, _)| *card != ids[0]);
            Ok((term, postings))
        });
        write(&file_path(&path), stamp, cards, &mut rows).unwrap();

        let report = store.check(false, now()).unwrap();
        assert!(!report.is_clean());
        assert!(
            report
                .stale
                .iter()
                .any(|line| line.to_string().starts_with(FILE_NAME)),
            "{report:?}"
        );
        let repaired = store.check(true, now()).unwrap();
        assert!(repaired.repaired);
        assert!(!file_path(&path).exists(), "the file is removed");
        assert!(store.check(false, now()).unwrap().is_clean());
    }

    #[test]
    fn a_store_folder_that_refuses_the_term_file_keeps_the_index_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, ids) = store_with_people(&path);
        // A folder where the file should be: neither written nor renamed over.
        std::fs::create_dir_all(file_path(&path).join("in-the-way")).unwrap();
        store.load_search_index().unwrap();
        assert_eq!(store.search_index_is_file(), Some(false));
        rename(&store, ids[1], "Marie Janssens-Wouters");
        assert_agrees_with_sled(&store, "in memory");
        assert!(
            store.save_search_index().is_err(),
            "the save says it could not write"
        );
        assert_agrees_with_sled(&store, "after the failed save");
    }
}

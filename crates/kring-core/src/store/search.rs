//! Search as you type over the term index.
//!
//! Every query word is a prefix: "jan w" finds "Jan-Willem", "mul" finds "Müller". A card must match
//! every word; its score adds, per word, the best weight among the terms it matched (a name counts
//! more than a note), scaled by how much of the term the word covers, so exact words rank first.
//!
//! Two paths give the same answers. A long-running process (the app, a benchmark) loads the term
//! index into memory once ([`Store::load_search_index`]) and every commit keeps it in step: a
//! one-letter query then scores a hundred thousand postings in a few milliseconds. A one-shot
//! command line search scans the sled term index instead, which needs no start-up work.

use super::indexes::{self, Index, TermContribution};
use super::{Store, StoreResult};
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

fn query_words(query: &str) -> Vec<String> {
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

    /// Scores every card that matches all words, as (card, score).
    fn score(&self, words: &[String]) -> Vec<(RecordId, f64)> {
        let mut total: Vec<f64> = Vec::new();
        let mut matched_words: Vec<u8> = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        let mut word_best: HashMap<u32, f64> = HashMap::new();
        for (position, word) in words.iter().enumerate() {
            word_best.clear();
            let prefix = word.as_bytes();
            for (term, postings) in self.terms.range::<[u8], _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            )) {
                if !term.starts_with(prefix) {
                    break;
                }
                for posting in postings {
                    if position > 0
                        && matched_words.get(posting.card as usize).copied() != Some(position as u8)
                    {
                        continue;
                    }
                    let score = word_score(prefix, term, posting.weight);
                    let best = word_best.entry(posting.card).or_insert(0.0);
                    if score > *best {
                        *best = score;
                    }
                }
            }
            if position == 0 {
                total = vec![0.0; self.ids.len()];
                matched_words = vec![0; self.ids.len()];
            }
            candidates.clear();
            for (card, score) in &word_best {
                total[*card as usize] += score;
                matched_words[*card as usize] = position as u8 + 1;
                candidates.push(*card);
            }
            if candidates.is_empty() {
                return Vec::new();
            }
        }
        candidates
            .iter()
            .map(|card| (self.ids[*card as usize], total[*card as usize]))
            .collect()
    }
}

impl Store {
    /// Loads the term index into memory so that search answers from there. Takes about a second
    /// at 100,000 cards; the app does it in the background at start-up.
    pub fn load_search_index(&self) -> StoreResult<()> {
        let mut memory = MemoryIndex {
            ids: Vec::new(),
            numbers: HashMap::new(),
            terms: BTreeMap::new(),
        };
        // Hold the write lock while loading so that no commit slips between the scan and the swap.
        let writer = self.writer();
        // One entry per contributing record (not per term) keeps the scan short.
        for item in self.index(Index::RecordTerms).iter() {
            let (key, value) = item?;
            let Some(source) = RecordId::from_slice(&key) else {
                continue;
            };
            let terms: Vec<TermContribution> =
                postcard::from_bytes(&value).map_err(|e| super::StoreError::Corrupt {
                    id: source.to_string(),
                    reason: format!("search terms: {e}"),
                })?;
            for term in terms {
                memory.insert(term.term.as_bytes(), term.card, source, term.weight);
            }
        }
        *self.memory_index.write().unwrap_or_else(|p| p.into_inner()) = Some(memory);
        drop(writer);
        Ok(())
    }

    /// Every card that matches a query with its score, unordered, and without reading the cards:
    /// for callers that hold their own list of cards (the app's card list) and rank and filter
    /// there. Cards may be deleted, withdrawn or members of identity groups.
    pub fn search_scores(&self, query: &str) -> StoreResult<Vec<(RecordId, f64)>> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let memory = self.memory_index.read().unwrap_or_else(|p| p.into_inner());
        match memory.as_ref() {
            Some(memory) => Ok(memory.score(&words)),
            None => {
                drop(memory);
                self.score_from_sled(&words)
            }
        }
    }

    /// The same scoring as the memory index, straight from the sled term index.
    fn score_from_sled(&self, words: &[String]) -> StoreResult<Vec<(RecordId, f64)>> {
        let terms = self.index(Index::Terms);
        let mut scores: Option<HashMap<RecordId, f64>> = None;
        for word in words {
            let mut best: HashMap<RecordId, f64> = HashMap::new();
            for item in terms.scan_prefix(word.as_bytes()) {
                let (key, value) = item?;
                let Some((term, card)) = indexes::parse_term_key(&key) else {
                    continue;
                };
                if scores
                    .as_ref()
                    .is_some_and(|previous| !previous.contains_key(&card))
                {
                    continue;
                }
                let score = word_score(word.as_bytes(), term, value.first().copied().unwrap_or(1));
                let entry = best.entry(card).or_insert(0.0);
                if score > *entry {
                    *entry = score;
                }
            }
            let merged: HashMap<RecordId, f64> = match scores {
                None => best,
                Some(previous) => best
                    .into_iter()
                    .filter_map(|(card, score)| previous.get(&card).map(|p| (card, p + score)))
                    .collect(),
            };
            if merged.is_empty() {
                return Ok(Vec::new());
            }
            scores = Some(merged);
        }
        Ok(scores.unwrap_or_default().into_iter().collect())
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

//! `kring check`: recompute every index from the records and report any drift.

use super::indexes::{self, Index, TermContribution};
use super::{decode_state, Store, StoreResult};
use crate::crdt::RecordState;
use crate::model::RecordId;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// What `check` found.
#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    pub records: usize,
    pub index_entries: usize,
    /// Entries the records call for that the index lacks.
    pub missing: Vec<String>,
    /// Entries the index holds that no record calls for.
    pub stale: Vec<String>,
    /// Records that cannot be decoded.
    pub unreadable: Vec<String>,
    pub repaired: bool,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty() && self.unreadable.is_empty()
    }
}

fn describe(index: Index, key: &[u8]) -> String {
    format!("{}: {}", index.tree_name(), hex(key))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Verifies every index against the records. With `repair`, rewrites the indexes that drifted
    /// (in one transaction) and reports what it fixed.
    pub fn check(&self, repair: bool, now: DateTime<Utc>) -> StoreResult<CheckReport> {
        let mut report = CheckReport::default();
        let mut states: HashMap<RecordId, RecordState> = HashMap::new();
        let mut kinds: HashMap<RecordId, String> = HashMap::new();
        for kind in self.stored_kinds() {
            for item in self.db.open_tree(super::record_tree_name(&kind))?.iter() {
                let (key, value) = item?;
                match decode_state(&key, &value) {
                    Ok(state) => {
                        let id = RecordId(state.id);
                        kinds.insert(id, kind.clone());
                        states.insert(id, state);
                    }
                    Err(e) => report.unreadable.push(e.to_string()),
                }
            }
        }
        report.records = states.len();

        let mut expected: BTreeSet<(Index, Vec<u8>)> = BTreeSet::new();
        let mut expected_terms: HashMap<RecordId, Vec<TermContribution>> = HashMap::new();
        let today = now.date_naive();
        let mut lookup = |id: RecordId| states.get(&id).cloned();
        for (id, state) in &states {
            expected.insert((Index::KindById, id.as_bytes().to_vec()));
            expected.extend(indexes::simple_entries(state));
            let terms = indexes::term_contributions(state, &mut lookup, today);
            for term in &terms {
                expected.insert((
                    Index::Terms,
                    indexes::term_key(&term.term, term.card, state.id),
                ));
            }
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
                match index {
                    Index::KindById => {
                        let id = RecordId::from_slice(&key);
                        let right = id
                            .and_then(|id| kinds.get(&id))
                            .is_some_and(|k| k.as_bytes() == &*value);
                        if !right {
                            report.stale.push(format!(
                                "{} (kind {})",
                                describe(*index, &key),
                                String::from_utf8_lossy(&value)
                            ));
                            continue;
                        }
                    }
                    Index::RecordTerms => {
                        let stored: Vec<TermContribution> =
                            postcard::from_bytes(&value).unwrap_or_default();
                        let wanted =
                            RecordId::from_slice(&key).and_then(|id| expected_terms.get(&id));
                        if wanted.is_some_and(|w| *w != stored) {
                            report
                                .stale
                                .push(format!("{} (terms differ)", describe(*index, &key)));
                            continue;
                        }
                    }
                    _ => {}
                }
                actual.insert(entry);
            }
        }
        for (index, key) in expected.difference(&actual) {
            report.missing.push(describe(*index, key));
        }
        for (index, key) in actual.difference(&expected) {
            report.stale.push(describe(*index, key));
        }

        if repair && !report.is_clean() {
            self.rebuild_indexes(&states, &expected_terms, &expected)?;
            report.repaired = true;
        }
        Ok(report)
    }

    fn rebuild_indexes(
        &self,
        states: &HashMap<RecordId, RecordState>,
        terms: &HashMap<RecordId, Vec<TermContribution>>,
        expected: &BTreeSet<(Index, Vec<u8>)>,
    ) -> StoreResult<()> {
        let trees: Vec<sled::Tree> = Index::ALL.iter().map(|i| self.index(*i).clone()).collect();
        let mut batches: Vec<sled::Batch> = Vec::new();
        for (position, index) in Index::ALL.iter().enumerate() {
            let mut batch = sled::Batch::default();
            for item in trees[position].iter() {
                let (key, _) = item?;
                batch.remove(key);
            }
            for (entry_index, key) in expected.iter().filter(|(i, _)| i == index) {
                let value: Vec<u8> = match entry_index {
                    Index::KindById => RecordId::from_slice(key)
                        .and_then(|id| states.get(&id))
                        .map(|s| s.kind.as_bytes().to_vec())
                        .unwrap_or_default(),
                    Index::RecordTerms => RecordId::from_slice(key)
                        .and_then(|id| terms.get(&id))
                        .map(|t| postcard::to_stdvec(t).expect("terms encode"))
                        .unwrap_or_default(),
                    Index::Terms => {
                        let weight = indexes::parse_term_key(key).and_then(|(term, card)| {
                            let source = RecordId::from_slice(&key[key.len() - 16..])?;
                            terms
                                .get(&source)?
                                .iter()
                                .find(|t| t.card == card && t.term.as_bytes() == term)
                                .map(|t| t.weight)
                        });
                        vec![weight.unwrap_or(1)]
                    }
                    _ => Vec::new(),
                };
                batch.insert(key.clone(), value);
            }
            batches.push(batch);
        }
        use sled::Transactional;
        trees.as_slice().transaction(|views| {
            for (view, batch) in views.iter().zip(&batches) {
                view.apply_batch(batch)?;
            }
            Ok::<(), sled::transaction::ConflictableTransactionError<super::StoreError>>(())
        })?;
        self.db.flush()?;
        Ok(())
    }
}

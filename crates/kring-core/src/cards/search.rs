//! Search as people see it: the engine's term index scores cards (`store::search`), and here the
//! best of them become hits — deleted and withdrawn cards left out, a card in an identity group
//! found as its group's canonical card, ranked by its best-scoring member.

use crate::model::RecordId;
use crate::store::search::{card_title, SearchHit};
use crate::store::{Store, StoreResult};
use std::collections::HashSet;

impl Store {
    /// The best `limit` cards for a query, best first.
    pub fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let scored = self.search_scores(query)?;
        self.rank(scored, limit)
    }

    /// The best `limit` hits. A card in an identity group is found as its group's canonical card,
    /// ranked by its best-scoring member.
    fn rank(&self, mut scored: Vec<(RecordId, f64)>, limit: usize) -> StoreResult<Vec<SearchHit>> {
        let order = |a: &(RecordId, f64), b: &(RecordId, f64)| {
            b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        };
        // Only the best few need sorting; a few spare ones cover cards deleted since indexing and
        // members of one group. Should those not be enough, look at twice as many.
        let mut wanted = limit + 16;
        let me = self.profile()?.map(|p| p.networker);
        loop {
            let window = wanted.min(scored.len());
            if window < scored.len() {
                scored.select_nth_unstable_by(window, order);
            }
            scored[..window].sort_by(order);
            let mut hits: Vec<SearchHit> = Vec::with_capacity(limit.min(window));
            let mut shown: HashSet<RecordId> = HashSet::new();
            for (id, score) in &scored[..window] {
                if hits.len() == limit {
                    break;
                }
                // A note about a deleted card may still point at it; skip what is gone.
                let Some(state) = self.live_state(*id)? else {
                    continue;
                };
                if crate::model::is_withdrawn(&state, me) {
                    continue;
                }
                let canonical = self.identity_group(*id)?[0];
                if !shown.insert(canonical) {
                    continue;
                }
                let state = match canonical == *id {
                    true => state,
                    false => match self.live_state(canonical)? {
                        Some(state) => state,
                        None => continue,
                    },
                };
                let (name, detail) = card_title(&state);
                hits.push(SearchHit {
                    id: canonical,
                    kind: state.kind.clone(),
                    name,
                    score: (score * 100.0).round() / 100.0,
                    detail,
                });
            }
            if hits.len() == limit || window == scored.len() {
                return Ok(hits);
            }
            wanted *= 2;
        }
    }
}

//! Records from a bundle signed by an enrolled member are whatever its author made them: a forged
//! or buggy file can carry any `RecordState` postcard can encode. An import checks their values
//! against the field table and their owners against the rights, merges what it admits, indexes
//! it, projects it for export, shows its conflicts and moves the clock past its stamps. None of
//! that may panic.
//!
//! Input: two postcard-encoded records back to back (the bundle_reader seeds' records are this
//! encoding); the second one, if present, is merged into the first.
#![no_main]

use chrono::NaiveDate;
use kring_core::clock::{HybridClock, NodeId};
use kring_core::crdt::RecordState;
use kring_core::model::RecordId;
use kring_core::store::indexes;
use kring_core::sync::bundle::MAX_STAMP_MILLIS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((first, rest)) = postcard::take_from_bytes::<RecordState>(data) else {
        return;
    };
    let second = postcard::take_from_bytes::<RecordState>(rest)
        .map(|(record, _)| record)
        .ok();
    // The bundle reader refuses a record with a stamp no clock writes (see bundle_regressions.rs).
    let readable = |state: &RecordState| state.stamps().all(|s| s.hlc.millis <= MAX_STAMP_MILLIS);
    if !readable(&first) || second.as_ref().is_some_and(|s| !readable(s)) {
        return;
    }
    let mut merged = RecordState::new(first.id, first.kind.clone());
    merged.merge(&first);
    if let Some(second) = &second {
        let _ = merged.clone().merge(second);
        let mut other = second.clone();
        other.merge(&first);
        merged.merge(second);
    }
    let today = NaiveDate::from_ymd_opt(2025, 3, 14).expect("a date");
    for state in [&first, &merged] {
        let _ = state.is_deleted();
        let _ = state.has_conflicts();
        let _ = indexes::simple_entries(state);
        let mut lookup = |id: RecordId| -> Option<RecordState> {
            [&first, &merged]
                .into_iter()
                .chain(second.as_ref())
                .find(|s| s.id == id.0)
                .map(|s| (*s).clone())
        };
        let _ = indexes::term_contributions(state, &mut lookup, today);
        let _ = kring_core::sync::shareable_projection(state);
        let _ = kring_core::schema::check_record(state);
        let _ = kring_core::trust::rights::owner_of(state);
        let _ = kring_core::cards::views::conflicts_of(state);
        let _ = postcard::to_stdvec(state).expect("a decoded record encodes again");
        // The import observes the largest stamp; the next local edit must still get a stamp.
        if let Some(largest) = state.max_stamp() {
            let mut clock = HybridClock::new(NodeId(1), largest.hlc);
            let next = clock.tick(1_741_944_600_000);
            assert!(
                next.hlc > largest.hlc,
                "a local edit orders after what it saw"
            );
        }
    }
});

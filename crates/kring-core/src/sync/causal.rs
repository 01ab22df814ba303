//! The exact causal context that makes delta exports exact.
//!
//! A version vector of the *largest* stamp seen per node says nothing about the stamps below it:
//! a store that received a node's newest record through a delta master, or by a bundle handed
//! over directly, has not necessarily received that node's older ones. Planning deltas from such
//! a vector left a newcomer, or someone who skipped a master, without records for good.
//!
//! Kring keeps instead a store's **coverage**: for each node, the time up to which *every* write
//! of that node has been merged here (or refused here, which is a decision too). It grows only
//! when that is proven:
//!
//! - a store always holds all of its own writes, so its own entry is its clock;
//! - a **full** bundle carries everything its author shares, so importing it conveys the
//!   author's coverage;
//! - a **delta** carries every record with a stamp its base does not cover. If the importer's
//!   coverage already dominates that base, it lacked nothing the delta left out, so after the
//!   import it holds everything the author held: the delta conveys the author's coverage. If it
//!   does not dominate the base (a newcomer given the current master, a networker who skipped a
//!   master), the delta's records are merged all the same but the coverage does not move.
//!
//! What a bundle conveys is limited by who wrote it: a Manager of the Network's master relays
//! everyone's writes and conveys its whole coverage; a networker's bundle is trusted only for its
//! author's own writes and conveys only the author's entry, and those of the earlier nodes the
//! importer's roster credits to the author's own entry (a restored or copied store's old node).
//! Every bundle conveys coverage only of nodes the roster the import admitted under credits to
//! someone, so a write refused under a contested node is not counted as held. Without
//! those, nobody's coverage ever named an earlier node, and every delta each way carried all it
//! wrote, every time (2,001 records a delta after restoring a 2,000-card store).
//!
//! A restored store holds exactly what its backup held, so it starts from the backup's coverage
//! (carried through the staged file); a copied folder holds every write of its old node.
//!
//! Every bundle's header carries its author's coverage; a store plans the delta it writes for
//! its recipients from theirs (a networker from its managers', a manager from the meet of its
//! networkers' and other managers'). A recipient whose coverage is low (a newcomer) pulls the
//! base down, the next delta is larger, it dominates that base, and from then on it keeps up. A
//! record is sent again at worst, never left out: merging is idempotent.
//!
//! A projection never makes a record more visible than its owner set it: only the owner widens
//! a record's visibility, by a local write whose new stamp makes the next delta carry the whole
//! record again, so what a summary or private projection held back is never counted as
//! delivered and then lost. Anyone else's store takes no local write that its projection of the
//! record would hold back (`Store::check_local_writes`): such a write would be counted as
//! delivered by this store's coverage, and when the owner widened the record, nothing would
//! carry it again.

use super::bundle::{BundleHeader, BundleKind};
use crate::clock::VersionVector;
use crate::model::Role;

/// Whether a store with this coverage lacked nothing a bundle left out: a full bundle leaves
/// nothing out, a delta leaves out what its base covers.
fn base_met(header: &BundleHeader, importer: &VersionVector) -> bool {
    match (&header.kind, &header.base) {
        (BundleKind::Full, _) | (_, None) => true,
        (_, Some(base)) => importer.dominates(base),
    }
}

/// What importing one bundle, written by an author of this role, proves a store with this
/// coverage now holds.
pub fn conveyed(header: &BundleHeader, role: Role, importer: &VersionVector) -> VersionVector {
    if !base_met(header, importer) {
        return VersionVector::default();
    }
    match role {
        Role::Manager => header.coverage.clone(),
        // The author's own writes, under its node and under the earlier nodes the importer
        // counts as its (the caller keeps only those in `author_earlier_nodes`).
        Role::Networker => {
            let mut own = header.coverage.only(header.author_node);
            for earlier in &header.author_earlier_nodes {
                own.join(&header.coverage.only(*earlier));
            }
            own
        }
    }
}

/// The coverage after importing several bundles at once (all or nothing): each bundle's
/// conveyance is applied as soon as its base is met, until nothing moves, so the order the
/// files were given in does not matter.
pub fn after_import(start: &VersionVector, bundles: &[(BundleHeader, Role)]) -> VersionVector {
    let mut coverage = start.clone();
    let mut applied = vec![false; bundles.len()];
    loop {
        let mut moved = false;
        for (n, (header, role)) in bundles.iter().enumerate() {
            if applied[n] || !base_met(header, &coverage) {
                continue;
            }
            applied[n] = true;
            let conveys = conveyed(header, *role, &coverage);
            if !coverage.dominates(&conveys) {
                coverage.join(&conveys);
                moved = true;
            }
        }
        if !moved {
            return coverage;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Hlc, NodeId};

    fn vv(entries: &[(u64, u64)]) -> VersionVector {
        VersionVector(
            entries
                .iter()
                .map(|(node, millis)| {
                    (
                        NodeId(*node),
                        Hlc {
                            millis: *millis,
                            counter: 0,
                        },
                    )
                })
                .collect(),
        )
    }

    fn header(
        author: u64,
        kind: BundleKind,
        base: Option<VersionVector>,
        coverage: VersionVector,
    ) -> BundleHeader {
        BundleHeader {
            format_version: super::super::bundle::FORMAT_VERSION,
            schema_version: 0,
            kind,
            organisation: None,
            author_node: NodeId(author),
            author_networker: None,
            author_name: String::new(),
            author_role: Role::Networker,
            created_at_millis: 0,
            high_water_mark: Hlc::ZERO,
            version_vector: coverage.clone(),
            base,
            record_count: 0,
            body_hash: [0; 32],
            public_key: [0; 32],
            author_email: String::new(),
            encryption_key: None,
            coverage,
            author_earlier_nodes: Vec::new(),
        }
    }

    #[test]
    fn a_delta_whose_base_the_importer_lacks_conveys_nothing() {
        let master = header(
            9,
            BundleKind::Delta,
            Some(vv(&[(1, 50)])),
            vv(&[(1, 80), (9, 90)]),
        );
        assert_eq!(conveyed(&master, Role::Manager, &vv(&[])), vv(&[]));
        assert_eq!(
            conveyed(&master, Role::Manager, &vv(&[(1, 50)])),
            vv(&[(1, 80), (9, 90)])
        );
    }

    #[test]
    fn a_networkers_bundle_conveys_only_its_own_writes() {
        let bundle = header(2, BundleKind::Full, None, vv(&[(1, 80), (2, 70)]));
        assert_eq!(conveyed(&bundle, Role::Networker, &vv(&[])), vv(&[(2, 70)]));
    }

    #[test]
    fn bundles_imported_together_count_whatever_order_they_come_in() {
        let full = header(9, BundleKind::Full, None, vv(&[(1, 40), (9, 40)]));
        let delta = header(
            9,
            BundleKind::Delta,
            Some(vv(&[(1, 40), (9, 40)])),
            vv(&[(1, 60), (9, 60)]),
        );
        let expected = vv(&[(1, 60), (9, 60)]);
        assert_eq!(
            after_import(
                &vv(&[]),
                &[
                    (delta.clone(), Role::Manager),
                    (full.clone(), Role::Manager)
                ]
            ),
            expected
        );
        assert_eq!(
            after_import(&vv(&[]), &[(full, Role::Manager), (delta, Role::Manager)]),
            expected
        );
    }
}

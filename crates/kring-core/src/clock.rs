//! Hybrid logical clocks: the stamps every field change carries.
//!
//! A stamp is physical milliseconds, a logical counter and the writing node's id. Stamps are never
//! truncated (a one-second resolution makes identical edits look concurrent, as KeePassXC found),
//! and the clock never goes backwards: not when the wall clock does, not across restarts (the last
//! issued time is stored with every write), and not after seeing a stamp from another node (it
//! moves past the largest stamp it has seen). Time is always passed in, never read here, so the
//! logic can be tested with any clock.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The random identity of one store. A copied store folder takes a new one (see `store::identity`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u64);

impl NodeId {
    pub fn random() -> Self {
        // Zero is reserved so that a default-initialised id is never mistaken for a real one.
        loop {
            let id = rand::random::<u64>();
            if id != 0 {
                return NodeId(id);
            }
        }
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for NodeId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(s, 16).map(NodeId)
    }
}

/// The time part of a stamp: physical milliseconds since the Unix epoch and a logical counter that
/// orders events within one millisecond (or while the wall clock lags behind).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Hlc {
    pub millis: u64,
    pub counter: u32,
}

impl Hlc {
    pub const ZERO: Hlc = Hlc {
        millis: 0,
        counter: 0,
    };

    /// Big-endian bytes, so that byte order is time order in sled keys.
    pub fn to_key_bytes(self) -> [u8; 12] {
        let mut out = [0u8; 12];
        out[..8].copy_from_slice(&self.millis.to_be_bytes());
        out[8..].copy_from_slice(&self.counter.to_be_bytes());
        out
    }

    pub fn from_key_bytes(bytes: &[u8]) -> Option<Hlc> {
        if bytes.len() < 12 {
            return None;
        }
        Some(Hlc {
            millis: u64::from_be_bytes(bytes[..8].try_into().ok()?),
            counter: u32::from_be_bytes(bytes[8..12].try_into().ok()?),
        })
    }
}

/// One field change's stamp. The derived order (time, then node) is the last-writer-wins order;
/// merge breaks a remaining tie by the value's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub hlc: Hlc,
    pub node: NodeId,
}

impl Stamp {
    pub fn to_rfc3339(self) -> String {
        chrono::DateTime::<chrono::Utc>::from_timestamp_millis(self.hlc.millis as i64)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
            .unwrap_or_else(|| format!("{}ms", self.hlc.millis))
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}@{}", self.hlc.millis, self.hlc.counter, self.node)
    }
}

/// The largest time seen from each node.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VersionVector(pub BTreeMap<NodeId, Hlc>);

impl VersionVector {
    pub fn get(&self, node: NodeId) -> Hlc {
        self.0.get(&node).copied().unwrap_or(Hlc::ZERO)
    }

    /// Whether this vector has seen the given stamp.
    pub fn covers(&self, stamp: Stamp) -> bool {
        self.0
            .get(&stamp.node)
            .is_some_and(|seen| *seen >= stamp.hlc)
    }

    pub fn observe(&mut self, stamp: Stamp) {
        let entry = self.0.entry(stamp.node).or_insert(Hlc::ZERO);
        if stamp.hlc > *entry {
            *entry = stamp.hlc;
        }
    }

    pub fn join(&mut self, other: &VersionVector) {
        for (node, hlc) in &other.0 {
            self.observe(Stamp {
                hlc: *hlc,
                node: *node,
            });
        }
    }

    /// Whether every entry of `other` is covered by this vector.
    pub fn dominates(&self, other: &VersionVector) -> bool {
        other.0.iter().all(|(node, hlc)| self.get(*node) >= *hlc)
    }

    /// The largest time in the vector, whatever node it came from.
    pub fn high_water_mark(&self) -> Hlc {
        self.0.values().copied().max().unwrap_or(Hlc::ZERO)
    }

    /// The entries every vector has seen: per node the smallest time, and a node only when every
    /// vector has it. The meet of no vectors is empty.
    pub fn meet<'a>(vectors: impl IntoIterator<Item = &'a VersionVector>) -> VersionVector {
        let mut vectors = vectors.into_iter();
        let Some(first) = vectors.next() else {
            return VersionVector::default();
        };
        let mut meet = first.clone();
        for other in vectors {
            meet.0.retain(|node, hlc| match other.0.get(node) {
                Some(theirs) => {
                    *hlc = (*hlc).min(*theirs);
                    true
                }
                None => false,
            });
        }
        meet
    }

    /// The vector with only one node's entry (empty if it has none).
    pub fn only(&self, node: NodeId) -> VersionVector {
        VersionVector(
            self.0
                .get(&node)
                .map(|hlc| (node, *hlc))
                .into_iter()
                .collect(),
        )
    }
}

/// A hybrid logical clock for one node.
#[derive(Clone, Debug)]
pub struct HybridClock {
    node: NodeId,
    last: Hlc,
}

/// Stamps further ahead of the local wall clock than this are flagged on import.
pub const FUTURE_TOLERANCE_MILLIS: u64 = 24 * 60 * 60 * 1000;

impl HybridClock {
    pub fn new(node: NodeId, last: Hlc) -> Self {
        HybridClock { node, last }
    }

    pub fn node(&self) -> NodeId {
        self.node
    }

    pub fn last(&self) -> Hlc {
        self.last
    }

    /// A fresh stamp, strictly greater than every stamp issued or observed before.
    pub fn tick(&mut self, now_millis: u64) -> Stamp {
        if now_millis > self.last.millis {
            self.last = Hlc {
                millis: now_millis,
                counter: 0,
            };
        } else if self.last.counter == u32::MAX {
            self.last = Hlc {
                millis: self.last.millis + 1,
                counter: 0,
            };
        } else {
            self.last.counter += 1;
        }
        Stamp {
            hlc: self.last,
            node: self.node,
        }
    }

    /// Moves the clock past a time seen elsewhere, so the next local stamp orders after it.
    pub fn observe(&mut self, seen: Hlc) {
        if seen > self.last {
            self.last = seen;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_wall_clock_goes_back() {
        let mut clock = HybridClock::new(NodeId(7), Hlc::ZERO);
        let a = clock.tick(1_000);
        let b = clock.tick(900);
        let c = clock.tick(1_000);
        let d = clock.tick(1_001);
        assert!(a < b && b < c && c < d, "{a} {b} {c} {d}");
        assert_eq!(
            d.hlc,
            Hlc {
                millis: 1_001,
                counter: 0
            }
        );
    }

    #[test]
    fn observing_a_later_remote_time_moves_the_next_tick_past_it() {
        let mut clock = HybridClock::new(NodeId(1), Hlc::ZERO);
        clock.observe(Hlc {
            millis: 5_000,
            counter: 3,
        });
        let next = clock.tick(10);
        assert_eq!(
            next.hlc,
            Hlc {
                millis: 5_000,
                counter: 4
            }
        );
    }

    #[test]
    fn a_restarted_clock_continues_after_the_stored_time() {
        let mut first = HybridClock::new(NodeId(1), Hlc::ZERO);
        let before = first.tick(2_000);
        let mut restarted = HybridClock::new(NodeId(1), first.last());
        assert!(restarted.tick(1_500) > before);
    }

    #[test]
    fn key_bytes_sort_in_time_order() {
        let a = Hlc {
            millis: 255,
            counter: 9,
        };
        let b = Hlc {
            millis: 256,
            counter: 0,
        };
        assert!(a.to_key_bytes() < b.to_key_bytes());
        assert_eq!(Hlc::from_key_bytes(&b.to_key_bytes()), Some(b));
    }

    #[test]
    fn version_vectors_cover_only_what_they_have_seen() {
        let mut vv = VersionVector::default();
        let s = Stamp {
            hlc: Hlc {
                millis: 10,
                counter: 1,
            },
            node: NodeId(3),
        };
        assert!(!vv.covers(s));
        vv.observe(s);
        assert!(vv.covers(s));
        assert!(!vv.covers(Stamp {
            hlc: Hlc {
                millis: 10,
                counter: 2
            },
            node: NodeId(3)
        }));
        assert!(!vv.covers(Stamp {
            hlc: Hlc {
                millis: 1,
                counter: 0
            },
            node: NodeId(4)
        }));
    }
}

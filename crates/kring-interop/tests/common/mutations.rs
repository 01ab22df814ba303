//! Random edits of real files for the fuzz-style property tests: flip a byte, insert a fragment
//! that steers a reader into its tricky paths, delete, truncate, duplicate.

use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Mutation {
    Flip { position: usize, byte: u8 },
    Insert { position: usize, fragment: usize },
    Delete { position: usize, length: usize },
    Truncate { position: usize },
    Duplicate { position: usize, length: usize },
}

/// A mutation; `Insert` picks among `fragments` fragments (an index taken modulo their count).
pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>())
            .prop_map(|(position, byte)| Mutation::Flip { position, byte }),
        (any::<usize>(), any::<usize>())
            .prop_map(|(position, fragment)| Mutation::Insert { position, fragment }),
        (any::<usize>(), 1usize..64)
            .prop_map(|(position, length)| Mutation::Delete { position, length }),
        any::<usize>().prop_map(|position| Mutation::Truncate { position }),
        (any::<usize>(), 1usize..256)
            .prop_map(|(position, length)| Mutation::Duplicate { position, length }),
    ]
}

/// The bytes with the mutations applied in order.
pub fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation], fragments: &[&[u8]]) -> Vec<u8> {
    for mutation in mutations {
        let length = bytes.len();
        let at = |position: usize| {
            if length == 0 {
                0
            } else {
                position % (length + 1)
            }
        };
        match *mutation {
            Mutation::Flip { position, byte } => {
                if length > 0 {
                    bytes[position % length] = byte;
                }
            }
            Mutation::Insert { position, fragment } => {
                let position = at(position);
                bytes.splice(
                    position..position,
                    fragments[fragment % fragments.len()].iter().copied(),
                );
            }
            Mutation::Delete {
                position,
                length: count,
            } => {
                let start = at(position);
                let end = (start + count).min(length);
                bytes.drain(start..end);
            }
            Mutation::Truncate { position } => bytes.truncate(at(position)),
            Mutation::Duplicate {
                position,
                length: count,
            } => {
                let start = at(position);
                let end = (start + count).min(length);
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

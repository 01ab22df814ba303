//! What sled 0.34 alone costs for entries shaped like Kring's, with no Kring code at all: the
//! floor under the store's insert, disk and open figures (docs/performance.md, *sled's floor*).
//!
//! ```text
//! cargo run --release -p kring-bench --example sled_floor -- insert DIR RECORDS INDEX_ENTRIES_PER_RECORD [transaction|batch]
//! cargo run --release -p kring-bench --example sled_floor -- open DIR
//! ```
//!
//! `insert` writes RECORDS records (a time-ordered 16-byte id, a 290-byte value: a demo record in
//! the compact layout is about that) and, per record, INDEX_ENTRIES_PER_RECORD index entries
//! (a random 16-byte prefix, as a card id is, then the record's id; empty values) spread over 14
//! other trees, in chunks of 4,000 records, each chunk one transaction over the 15 trees and a
//! flush, with Kring's settings (64 MB cache, `Mode::LowSpace`); with `batch`, each chunk is
//! written tree by tree with `Tree::apply_batch` instead of one transaction. `open` opens the store and every
//! tree and exits. Time and peak memory come from `/usr/bin/time`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use sled::Transactional;
use std::path::Path;

const TREES: usize = 15;
const CHUNK: usize = 4_000;
const RECORD_BYTES: usize = 290;

/// xorshift: the same keys on every run, no dependency.
struct Keys(u64);

impl Keys {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// sled's cache: Kring's 64 MB unless `KRING_FLOOR_CACHE_MB` says otherwise.
fn cache_bytes() -> u64 {
    std::env::var("KRING_FLOOR_CACHE_MB")
        .ok()
        .and_then(|mb| mb.parse::<u64>().ok())
        .unwrap_or(64)
        << 20
}

fn open(path: &Path) -> sled::Result<(sled::Db, Vec<sled::Tree>)> {
    let db = sled::Config::new()
        .path(path)
        .cache_capacity(cache_bytes())
        .mode(sled::Mode::LowSpace)
        .open()?;
    let trees = (0..TREES)
        .map(|i| db.open_tree(format!("tree{i}")))
        .collect::<sled::Result<_>>()?;
    Ok((db, trees))
}

/// How each chunk reaches sled.
#[derive(Clone, Copy)]
enum Write {
    /// One transaction over the 15 trees, as Kring's commits are.
    Transaction,
    /// `Tree::apply_batch` tree by tree: each tree's part atomic, the chunk not.
    BatchPerTree,
}

fn insert(path: &Path, records: usize, per_record: usize, write: Write) -> sled::Result<()> {
    let (db, trees) = open(path)?;
    let mut keys = Keys(0x9E37_79B9_7F4A_7C15);
    let mut time = 1u64 << 40;
    let started = std::time::Instant::now();
    let mut written = 0;
    while written < records {
        let count = CHUNK.min(records - written);
        let mut batches: Vec<sled::Batch> = (0..TREES).map(|_| sled::Batch::default()).collect();
        for _ in 0..count {
            time += 1 + keys.next() % 8;
            let mut id = time.to_be_bytes().to_vec();
            id.extend_from_slice(&keys.next().to_be_bytes());
            batches[0].insert(id.clone(), vec![7u8; RECORD_BYTES]);
            for entry in 0..per_record {
                let tree = 1 + (keys.next() as usize % (TREES - 1));
                let mut key = keys.next().to_be_bytes().to_vec();
                key.extend_from_slice(&keys.next().to_be_bytes());
                key.extend_from_slice(&(entry as u32).to_be_bytes());
                key.extend_from_slice(&id);
                batches[tree].insert(key, &[][..]);
            }
        }
        match write {
            Write::BatchPerTree => {
                for (tree, batch) in trees.iter().zip(batches) {
                    tree.apply_batch(batch)?;
                }
            }
            Write::Transaction => trees
                .as_slice()
                .transaction(|views| {
                    for (view, batch) in views.iter().zip(&batches) {
                        view.apply_batch(batch)?;
                    }
                    Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
                })
                .map_err(|e| match e {
                    sled::transaction::TransactionError::Storage(e) => e,
                    sled::transaction::TransactionError::Abort(()) => {
                        sled::Error::Unsupported("aborted".into())
                    }
                })?,
        }
        db.flush()?;
        written += count;
    }
    let entries: usize = trees.iter().map(sled::Tree::len).sum();
    println!(
        "{records} records, {entries} entries in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |at: usize| args.get(at).and_then(|a| a.parse::<usize>().ok());
    let done = match (args.first().map(String::as_str), args.get(1)) {
        (Some("insert"), Some(dir)) => {
            match (number(2), number(3), args.get(4).map(String::as_str)) {
                (
                    Some(records),
                    Some(per_record),
                    write @ (None | Some("transaction" | "batch")),
                ) => {
                    let write = match write {
                        Some("batch") => Write::BatchPerTree,
                        _ => Write::Transaction,
                    };
                    let _ = std::fs::remove_dir_all(dir);
                    Some(insert(Path::new(dir), records, per_record, write))
                }
                _ => None,
            }
        }
        (Some("open"), Some(dir)) => Some(open(Path::new(dir)).map(|_| println!("opened"))),
        _ => None,
    };
    match done {
        Some(Ok(())) => std::process::ExitCode::SUCCESS,
        Some(Err(error)) => {
            eprintln!("sled_floor: {error}");
            std::process::ExitCode::FAILURE
        }
        None => {
            eprintln!("usage: sled_floor insert DIR RECORDS INDEX_ENTRIES_PER_RECORD [transaction|batch] | sled_floor open DIR");
            std::process::ExitCode::from(2)
        }
    }
}

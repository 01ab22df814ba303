//! How long decoding every record of a store takes, in whichever layout it is stored (schema 3's
//! or the compact one, `store::layout`): the cost of the layout on reads, for the same records.
//! It reads the sled trees of a copy of a store directly (no migration, nothing written):
//!
//! ```sh
//! cargo run --release -p kring-core --example decode_speed -- /tmp/copy-of-a-store [RUNS]
//! ```

use kring_core::store::layout;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_speed STORE_COPY [RUNS]");
    let runs: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("RUNS is a number"));
    let db = sled::Config::new()
        .path(&path)
        .open()
        .expect("the copy opens");
    let mut stored: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for name in db.tree_names() {
        if !name.starts_with(b"records.") {
            continue;
        }
        for item in db.open_tree(&name).expect("tree").iter() {
            let (key, value) = item.expect("entry");
            stored.push((key.to_vec(), value.to_vec()));
        }
    }
    let old = stored
        .iter()
        .filter(|(_, v)| layout::is_schema_3(v))
        .count();
    let bytes: usize = stored.iter().map(|(_, v)| v.len()).sum();
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = std::time::Instant::now();
        for (key, value) in &stored {
            let id = uuid::Uuid::from_slice(&key[..16]).expect("an id");
            std::hint::black_box(layout::decode(id, value).expect("decodes"));
        }
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} records ({old} in schema 3's layout), {:.0} bytes each: decoding all takes median {:.1} ms (min {:.1}, max {:.1}) over {runs} runs, {:.2} µs a record",
        stored.len(),
        bytes as f64 / stored.len().max(1) as f64,
        times[runs / 2] * 1e3,
        times[0] * 1e3,
        times[runs - 1] * 1e3,
        times[runs / 2] * 1e6 / stored.len().max(1) as f64,
    );
}

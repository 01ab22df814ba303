#!/usr/bin/env bash
# Kring's store side by side with SQLite and Automerge (issue 8): builds the release benchmark and
# runs it at the given sizes, writing each report to target/bench/*.md (and *.json).
#
#   scripts/bench.sh                 # 1,000 and 100,000 cards, then the merge of 50 and 500 bundles
#   scripts/bench.sh 1000            # one size only
#   scripts/bench.sh 1000000         # a million cards: slow (the demo generator alone takes long)
#   MERGE="50" scripts/bench.sh 1000 # which merge sizes to run ("" for none)
#   RUNS=20 scripts/bench.sh         # timed runs per search query (default 50)
#
# By hand, not in CI (scripts/test.sh does not call it): the figures depend on the machine and
# its load. Stores are built under ${KRING_BENCH_WORK:-$TMPDIR/kring-bench} and removed after
# each size; re-running overwrites the reports. CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
    sizes=(1000 100000)
fi
merges=${MERGE-"50 500"}
runs=${RUNS:-50}
target=${CARGO_TARGET_DIR:-target}
work=${KRING_BENCH_WORK:-${TMPDIR:-/tmp}/kring-bench}
out=target/bench
mkdir -p "$out"

cargo build --release --quiet -p kring-bench
cargo build --release --quiet -p kring-core --example graph_benchmark
bench="$target/release/kring-bench"
# The store run also times the graph analytics on each generated store (needs /usr/bin/time).
if [ -x /usr/bin/time ]; then
    export KRING_GRAPH_BENCHMARK="$target/release/examples/graph_benchmark"
fi

for cards in "${sizes[@]}"; do
    echo "== store: $cards cards" >&2
    "$bench" store --cards "$cards" --runs "$runs" --work "$work/store-$cards" \
        --json "$out/store-$cards.json" > "$out/store-$cards.md"
    cat "$out/store-$cards.md"
done

for networkers in $merges; do
    echo "== merge: $networkers networkers" >&2
    "$bench" merge --networkers "$networkers" --work "$work/merge-$networkers" \
        --json "$out/merge-$networkers.json" > "$out/merge-$networkers.md"
    cat "$out/merge-$networkers.md"
done

echo "reports in $out/" >&2

#!/usr/bin/env bash
# The main job: set up, build `kring`, fill a demo store and show a search.
# Usage: scripts/run.sh [QUERY]   (the demo store lives in target/demo-store; delete it to start over)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo build --release --quiet -p kring-cli
kring=target/release/kring
store=target/demo-store
export KRING_STORE="$PWD/$store"

if [ ! -d "$store" ] || ! $kring card list --kind org --json | grep -q '"id"'; then
  echo "Filling a demo network of a Flemish city administration in $store …"
  $kring demo --seed 1 --cards 2000
fi
query="${1:-van den}"
echo
echo "\$ kring search \"$query\""
$kring search "$query" --limit 10
echo
echo "\$ kring today   (follow-ups due and relationships going cold, first lines)"
$kring today | head -n 12
echo
echo "Try more: KRING_STORE=$store $kring --help"

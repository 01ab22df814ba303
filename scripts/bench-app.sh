#!/usr/bin/env bash
# Timings of the release desktop app, measured, not asserted (tests/e2e/examples/bench_app.rs):
#   1. cold start to an interactive window: from the WebDriver request that launches the app to
#      the first data-testid in the DOM, to the first run form (fresh store) and to the navigation
#      (store with a profile); median of RUNS launches;
#   2. search at 100,000 cards: keystroke (an `input` event on card-search) to the frame after the
#      count and every visible row show the results, timed inside the page.
#
# Usage: scripts/bench-app.sh [RUNS]            (RUNS defaults to 5)
#   BIG_STORE=/path/to/store   a store with ~100,000 cards; it is COPIED first, never opened as is.
#                              Default /tmp/big when it exists; otherwise the search part is skipped
#                              unless MAKE_BIG=1, which builds one with the CLI (about 3 minutes):
#                              kring --store DIR init …, then kring demo --cards 100000.
# Needs what scripts/e2e.sh needs (it installs tauri-driver when missing); builds the UI and the
# release app (`cargo build --release -p kring-app`, about 3.5 minutes cold on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
runs="${1:-5}"

say() { printf '\033[1m[bench-app]\033[0m %s\n' "$*"; }

command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked --quiet
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules ]; then
  npm --prefix ui install --no-audit --no-fund
  touch ui/node_modules
fi
say "building the UI and the release app"
npm --prefix ui run build >/dev/null
cargo build --release -p kring-app
cargo build --release -p kring-e2e --example bench_app
export KRING_APP_BINARY="$PWD/target/release/kring-app"
bench="$PWD/target/release/examples/bench_app"
xvfb() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

say "cold start of $KRING_APP_BINARY ($(du -h "$KRING_APP_BINARY" | cut -f1))"
xvfb "$bench" start "$runs"

work=$(mktemp -d /tmp/kring-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
big="${BIG_STORE:-}"
[ -z "$big" ] && [ -d /tmp/big ] && big=/tmp/big
if [ -n "$big" ]; then
  say "copying $big ($(du -sh "$big" | cut -f1)) to $work/store"
  cp -a "$big" "$work/store"
elif [ "${MAKE_BIG:-0}" = 1 ]; then
  say "making a 100,000-card store with the CLI (about 3 minutes)"
  cargo build --release -p kring-cli
  ./target/release/kring --store "$work/store" init --name "Koen De Smet" \
    --email koen.desmet@stad.gent --role manager
  time ./target/release/kring --store "$work/store" demo --cards 100000
else
  say "no big store (set BIG_STORE=DIR or MAKE_BIG=1): search timing skipped"
  exit 0
fi
say "search at scale ($runs runs)"
xvfb "$bench" search "$work/store" "$runs"
say "screenshot of the searched list: target/e2e-screenshots/bench-search-100k.png"

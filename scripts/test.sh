#!/usr/bin/env bash
# Every check CI runs: formatting, lints, all tests. Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Disk is the scarce resource on CI machines: say how much there is before and after.
disk() { printf '[test] %s: %s free on the disk, target/ is %s\n' "$1" \
  "$(df -h --output=avail . | tail -1 | tr -d ' ')" "$(du -sh target 2>/dev/null | cut -f1 || echo 0)"; }
# A fresh clone gains nothing from incremental compilation, and its files take gigabytes.
[ "${CI:-}" = true ] && export CARGO_INCREMENTAL=0
disk "before"
trap 'disk "after"' EXIT

step "format"
cargo fmt --all -- --check

# The app crate embeds ui/dist, so the UI is built before clippy and the tests compile it.
step "web UI: build, type-check, lint, format, unit tests"
bash scripts/build-app.sh ui
npm --prefix ui run --silent check
npm --prefix ui run --silent lint
npm --prefix ui run --silent format:check
npm --prefix ui run --silent test

step "lint (clippy, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "tests"
# The end-to-end tests need the app binary and a display: scripts/e2e.sh runs them below.
KRING_REQUIRE_PYTHON_VALIDATION=1 cargo test --workspace --exclude kring-e2e --quiet 2>&1 | tee target/test-output.txt
# A readable total for CI logs.
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "\n%d passed, %d failed\n", passed, failed }' target/test-output.txt

# Robustness, short versions (docs/robustness.md has the long ones and what they found).
step "fuzz smoke (cargo-fuzz, 10 s per target)"
bash scripts/fuzz.sh 10

step "crash test (kill -9 during import, demo, restore and export)"
bash scripts/crash-test.sh 20

step "fault injection (kill -9 during merges and edit bursts; full disk, read-only store, store in use)"
bash scripts/fault-test.sh 5

step "desktop app end to end (tauri-driver, Xvfb; screenshots in target/e2e-screenshots)"
bash scripts/e2e.sh

#!/usr/bin/env bash
# The desktop app end to end: builds the UI and the app, then drives the real window under Xvfb
# through tauri-driver (tests/e2e). Idempotent: what is installed or up to date is not redone.
# Usage: scripts/e2e.sh [extra cargo test arguments, e.g. a test name]
# Screenshots: target/e2e-screenshots/*.png; tauri-driver logs: target/e2e-logs/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[e2e]\033[0m %s\n' "$*"; }

for tool in xvfb-run xauth WebKitWebDriver npm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "[e2e] $tool is missing: run scripts/setup.sh (Debian packages xvfb xauth webkit2gtk-driver; Node.js for npm)" >&2
    exit 1
  }
done

if ! command -v tauri-driver >/dev/null 2>&1; then
  say "installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

# The front end: install its packages only when they are missing or the lock file changed.
# (`npm ci` cannot be used: the lock file lacks the Tauri CLI's non-Linux optional packages.)
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules ]; then
  say "installing the UI's npm packages"
  npm --prefix ui install --no-audit --no-fund
  touch ui/node_modules
fi
say "building the UI (ui/dist)"
npm --prefix ui run build

# Default features include custom-protocol: the app loads ui/dist, not a dev server.
say "building the app (cargo build -p kring-app)"
cargo build -p kring-app

say "running the end-to-end tests under Xvfb"
# Where the tests write (tests/e2e/src/lib.rs: CARGO_TARGET_DIR, else target/).
shots_dir="${CARGO_TARGET_DIR:-$(pwd)/target}/e2e-screenshots"
logs_dir="${CARGO_TARGET_DIR:-$(pwd)/target}/e2e-logs"
rm -rf "$shots_dir"
status=0
# The tests are #[ignore]d so that a plain `cargo test` reports them as not run: ask for them.
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p kring-e2e -- --include-ignored --test-threads=1 "$@" || status=$?

# A run whose tests wrote no screenshot (a filter that matched none) counts 0, not an error.
shots=$( (find "$shots_dir" -name '*.png' 2>/dev/null || true) | wc -l)
say "screenshots: $shots_dir/ ($shots files; a failed test leaves NAME-failure.png)"
say "tauri-driver logs: $logs_dir/"
exit "$status"

#!/usr/bin/env bash
# Builds the desktop app: the web UI (ui/dist) and then the Tauri binary that embeds it.
# Usage: scripts/build-app.sh [debug|release|ui]   (default: release; `ui` builds only ui/dist).
# Idempotent: npm packages are installed only when missing or when the lock file changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)
profile="${1:-release}"

# npm packages: installed when missing or when the lock file changed since the last install.
# (`npm ci` fails here: the registry has no non-Linux @tauri-apps/cli-* builds; `npm install`
# with the committed lock file leaves it unchanged.)
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "[build-app] installing the UI's npm packages"
  npm --prefix ui install --no-audit --no-fund --loglevel=error
fi
echo "[build-app] building the UI (ui/dist)"
npm --prefix ui run build --silent
[ "$profile" = ui ] && exit 0

echo "[build-app] building the app ($profile)"
if [ "$profile" = release ]; then
  cargo build --release -p kring-app
else
  cargo build -p kring-app
fi

#!/usr/bin/env bash
# The main job: set up, build the desktop app and open it on your default store
# (~/.local/share/kring/store on Linux; KRING_STORE=DIR for another one). The first run offers to
# load a demo network. Usage: scripts/run.sh
# Without a display (a server, a container) the app runs under Xvfb and a screenshot of its window
# is saved to target/app-screenshot.png; KRING_RUN_SECONDS=N closes it after N seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
bash scripts/build-app.sh release

app="$PWD/target/release/kring-app"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  if [ -n "${KRING_RUN_SECONDS:-}" ]; then
    exec timeout --preserve-status "$KRING_RUN_SECONDS" "$app"
  fi
  exec "$app"
fi

echo "[run] no display: starting Kring under Xvfb (1280x800)"
shot="$PWD/target/app-screenshot.png"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$1" & app=$!
  sleep 4
  /usr/bin/import -window root "$2" && echo "[run] the window as it looks now: $2"
  if [ -n "${KRING_RUN_SECONDS:-}" ]; then sleep "$KRING_RUN_SECONDS"; kill $app; fi
  wait $app
' _ "$app" "$shot"

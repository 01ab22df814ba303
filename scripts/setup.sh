#!/usr/bin/env bash
# Installs everything Kring's build and tests need on Debian/Ubuntu. Idempotent: a second run
# checks and returns in a second or two. Sourced by scripts/run.sh and scripts/test.sh.
set -euo pipefail

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "[setup] cargo is missing: install Rust 1.91 or newer (https://rustup.rs) and run again" >&2
    exit 1
  fi
fi

# System packages. Only the missing ones are installed, so a prepared machine costs nothing.
# The desktop app: WebKitGTK and what Tauri links; Xvfb, xauth and WebKitWebDriver for the
# end-to-end tests in a real window; ImageMagick for whole-screen screenshots; the hyphenation
# dictionaries WebKitGTK reads for `hyphens: auto`, so long Dutch and German words break at a
# syllable instead of overflowing (the .deb depends on them too).
packages=(build-essential curl patch pkg-config python3 python3-pip file libssl-dev librsvg2-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev libxdo-dev
  xvfb xauth webkit2gtk-driver imagemagick hyphen-nl hyphen-fr hyphen-de)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# sled with Kring's patch (crates/sled-patch): every cargo command of the workspace needs it;
# it takes curl and patch from the packages above.
bash "$(dirname "${BASH_SOURCE[0]}")/../crates/sled-patch/prepare.sh"

# Node.js and npm build the web UI (Debian 12's Node 18 or newer will do).
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing nodejs and npm"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# Independent readers that validate the files Kring writes (vCard, iCalendar).
if ! python3 -c 'import vobject, icalendar' >/dev/null 2>&1; then
  say "installing the Python readers used to validate exports (vobject, icalendar)"
  python3 -m pip install --quiet --disable-pip-version-check vobject icalendar 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages vobject icalendar
fi

#!/usr/bin/env bash
# Puts sled 0.34.7 with Kring's patch (open.patch, see README.md) where Cargo.toml's
# `[patch.crates-io]` expects it. Every cargo command of this workspace needs it, so scripts/setup.sh
# runs this first. Idempotent: it returns at once when the patched copy is in place.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=0.34.7
# The checksum crates.io publishes for sled 0.34.7 (the one Cargo.lock held before the patch).
sha256=7f96b4737c2ce5987354855aed3797279def4ebf734436c6aa4552cf8e169935
target="$here/sled-$version"
stamp="$(sha256sum "$here/open.patch" | cut -d' ' -f1)"
ready() { [ -f "$target/.kring-patch" ] && [ "$(cat "$target/.kring-patch")" = "$stamp" ]; }
ready && exit 0

# One preparation at a time (two scripts started together in one checkout).
exec 9>"$here/.prepare.lock"
flock 9
ready && exit 0

echo "[setup] preparing sled $version with Kring's patch (crates/sled-patch)"
# Beside the target, so that the final rename is atomic: an interrupted run leaves no copy that
# looks finished.
work="$(mktemp -d "$here/.prepare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
genuine() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha256" ]; }
crate="$work/sled.crate"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
cached() { ls "$cargo_home"/registry/cache/*/"sled-$version.crate" 2>/dev/null | head -1 || true; }
# Cargo's own download when there is a good one; else cargo fetches it (through whatever mirror
# or proxy its configuration names), from a throwaway manifest outside this workspace; else
# crates.io directly.
if [ -n "$(cached)" ] && genuine "$(cached)"; then
  cp "$(cached)" "$crate"
else
  fetch="$(mktemp -d)"
  printf '[package]\nname = "fetch-sled"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "lib.rs"\n[dependencies]\nsled = "=%s"\n' \
    "$version" > "$fetch/Cargo.toml"
  touch "$fetch/lib.rs"
  (cd "$fetch" && cargo fetch --quiet >/dev/null 2>&1) || true
  rm -rf "$fetch"
  if [ -n "$(cached)" ] && genuine "$(cached)"; then
    cp "$(cached)" "$crate"
  else
    curl -sSfL --retry 3 -o "$crate" "https://static.crates.io/crates/sled/sled-$version.crate"
  fi
fi
if ! genuine "$crate"; then
  echo "[setup] sled-$version.crate does not have crates.io's checksum: not used" >&2
  exit 1
fi
tar -xzf "$crate" -C "$work"
patch --quiet -p1 -d "$work/sled-$version" < "$here/open.patch"
rm -rf "$target"
mv "$work/sled-$version" "$target"
# Written last: only a complete, patched copy carries it.
echo "$stamp" > "$target/.kring-patch"

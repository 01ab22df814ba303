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
[ -f "$target/.kring-patch" ] && [ "$(cat "$target/.kring-patch")" = "$stamp" ] && exit 0

echo "[setup] preparing sled $version with Kring's patch (crates/sled-patch)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Cargo's own download when there is one, else crates.io's.
cached="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/sled-$version.crate 2>/dev/null | head -1 || true)"
if [ -n "$cached" ]; then
  cp "$cached" "$work/sled.crate"
else
  curl -sSfL --retry 3 -o "$work/sled.crate" "https://static.crates.io/crates/sled/sled-$version.crate"
fi
if [ "$(sha256sum "$work/sled.crate" | cut -d' ' -f1)" != "$sha256" ]; then
  echo "[setup] the downloaded sled-$version.crate does not have crates.io's checksum: not used" >&2
  exit 1
fi
tar -xzf "$work/sled.crate" -C "$work"
patch --quiet -p1 -d "$work/sled-$version" < "$here/open.patch"
echo "$stamp" > "$work/sled-$version/.kring-patch"
rm -rf "$target"
mv "$work/sled-$version" "$target"

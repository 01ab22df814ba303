#!/usr/bin/env bash
# Fuzzes Kring's readers of untrusted files with cargo-fuzz (libFuzzer): bundles, the records in
# them, vCards, CSVs, calendars (.ics) and e-mails (.eml) to capture. Each target runs SECONDS_PER_TARGET seconds (default 10) from the
# committed seeds plus whatever corpus earlier runs left in fuzz/corpus/.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Runs shorter than a minute (the CI smoke) build without AddressSanitizer and with 16 codegen
# units: about 1.5 minutes to build on 2 cores instead of 3.5, and several times more executions a
# second. Longer runs build the usual way (AddressSanitizer, one codegen unit). KRING_FUZZ_BUILD=
# smoke|full overrides. A crash stops its target, is saved under fuzz/artifacts/TARGET/, and makes
# the script exit non-zero after the other targets have run. See docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-10}
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(bundle_reader record_merge vcard_reader csv_reader calendar_reader email_reader)
root=$(pwd)

say() { printf '[fuzz] %s\n' "$*"; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
# cargo-fuzz passes nightly-only flags (-Zsanitizer, sancov passes); this unlocks them on stable.
export RUSTC_BOOTSTRAP=1

build=${KRING_FUZZ_BUILD:-$([ "$seconds" -lt 60 ] && echo smoke || echo full)}
case "$build" in
  smoke) build_flags=(--sanitizer none --codegen-units 16 --target-dir "$root/fuzz/target/smoke") ;;
  full) build_flags=() ;;
  *) echo "[fuzz] KRING_FUZZ_BUILD is smoke or full, not '$build'" >&2; exit 2 ;;
esac

seeds_of() {
  case "$1" in
    bundle_reader | record_merge) echo "$root/fuzz/seeds/$1" ;;
    vcard_reader) echo "$root/crates/kring-interop/tests/corpus/vcard" ;;
    csv_reader) echo "$root/crates/kring-interop/tests/fixtures" ;;
    calendar_reader) echo "$root/crates/kring-interop/tests/corpus/icalendar" ;;
    email_reader) echo "$root/crates/kring-interop/tests/corpus/email" ;;
    *) echo "[fuzz] unknown target $1" >&2; exit 2 ;;
  esac
}

say "building ${targets[*]} ($build build)"
started=$(date +%s)
mkdir -p fuzz/target
if ! (cd fuzz && cargo fuzz build "${build_flags[@]}") >fuzz/target/build.log 2>&1; then
  tail -40 fuzz/target/build.log >&2
  echo "[fuzz] the fuzz targets do not build (full log: fuzz/target/build.log)" >&2
  exit 1
fi
say "built in $(( $(date +%s) - started )) s"

# The bundle target writes each input to a file; keep those inside fuzz/target.
export TMPDIR="$root/fuzz/target/tmp"
mkdir -p "$TMPDIR"

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus="$root/fuzz/corpus/$target"
  mkdir -p "$corpus" "$root/fuzz/artifacts/$target"
  log="$root/fuzz/target/$target.log"
  say "running $target for $seconds s"
  dictionary=()
  [ -f "$root/fuzz/$target.dict" ] && dictionary=(-dict="$root/fuzz/$target.dict")
  status=0
  (cd fuzz && cargo fuzz run "${build_flags[@]}" "$target" "$corpus" "$(seeds_of "$target")" -- \
    -max_total_time="$seconds" -timeout=10 -malloc_limit_mb=512 -max_len=65536 \
    -print_final_stats=1 "${dictionary[@]}") >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  line="$target: ${executions:-?} executions in $seconds s, coverage ${coverage:-?}, corpus $(find "$corpus" -type f | wc -l) files"
  if [ "$status" -ne 0 ]; then
    line="$line, FAILED (exit $status)"
    failed+=("$target")
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written to' "$log" | head -5 >&2 || true
    say "full log: $log"
  fi
  summary+=("$line")
  say "$line"
done

printf '\n'
for line in "${summary[@]}"; do printf 'fuzz: %s\n' "$line"; done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; inputs under fuzz/artifacts/ (reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET FILE in fuzz/)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Crash consistency of the real `kring` binary: `kill -9` at random moments during a large import,
# during demo bursts, restores and exports, then check what a crash leaves behind.
#
#   import  the store opens, `kring check` is clean, and the store is exactly as before the import
#           or exactly as after a clean one (same `kring digest`, same record count); an import
#           killed after its journal is rolled forward at the next open, and that open is killed
#           too when there is one to kill
#   demo    the store opens and `kring check` is clean
#   restore the store opens, `kring check` is clean, and it is exactly as before the restore or
#           exactly the backup (same `kring digest`)
#   export  the target is absent, still the old file, or a complete bundle (`kring inspect` reads it
#           to the end, hash included); nothing else is left but a `.partial` temporary, and the
#           next export to the same path works
#
# Usage: scripts/crash-test.sh [RUNS]     RUNS import kills (default 50), plus RUNS/10 (at least 3)
#                                          demo kills and as many restore and export kills
# Environment: CRASH_CARDS (cards in the imported bundle, default 3000), CRASH_SEED (random seed,
# printed so a failing run can be repeated), CRASH_KEEP (where stores that failed are kept,
# default target/crash-failures), CARGO_TARGET_DIR.
set -Eeuo pipefail
# Its set-up commands send their output away: a failing one says which it was.
trap 'echo "[crash] failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)
command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"

runs=${1:-50}
cards=${CRASH_CARDS:-3000}
seed=${CRASH_SEED:-$(( $(date +%s) % 32768 ))}
side_runs=$(( runs / 10 > 3 ? runs / 10 : 3 ))
kept="${CRASH_KEEP:-${CARGO_TARGET_DIR:-target}/crash-failures}"
RANDOM=$seed

say() { printf '[crash] %s\n' "$*"; }
fail() { printf '[crash] INCONSISTENT: %s\n' "$*" >&2; }
# A store that failed is kept for a post-mortem, with the state the first kill left behind.
keep() {
  local name=$1 store=$2 first=${3:-}
  mkdir -p "$kept"
  rm -rf "${kept:?}/$name" && cp -a "$store" "$kept/$name"
  if [ -n "$first" ] && [ -d "$first" ]; then rm -rf "$kept/$name-first-kill" && cp -a "$first" "$kept/$name-first-kill"; fi
  printf '[crash] kept in %s\n' "$kept/$name" >&2
}
now_ms() { date +%s%3N; }
# A uniformly random whole number in [low, high].
between() { echo $(( $1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1) )); }
sleep_ms() { sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"; }

say "building kring (release)"
began=$(date +%s)
cargo build --release --quiet -p kring-cli
say "built in $(( $(date +%s) - began )) s"
began=$(date +%s)
kring="${CARGO_TARGET_DIR:-target}/release/kring"
[ -x "$kring" ] || { echo "[crash] no binary at $kring" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kring-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Background processes are started from "$kring" itself, never through this function: `kill -9`
# must hit kring, not a subshell around it.
k() { "$kring" --store "$@"; }
# The shared-state digest and the record count of a store (stdout only: the note a copied store
# prints on its first open goes to stderr).
digest() { k "$1" digest 2>/dev/null; }
records() { k "$1" check --json 2>/dev/null | sed -n 's/^ *"records": \([0-9]*\).*/\1/p'; }
# `$2` joins the organisation of `$1` (a manager) as a second manager, with the real commands:
# invite, join, a first export that the manager holds, and the manager's approval.
enrol() {
  k "$1" invite --role manager --out "$work/invitation.json" >/dev/null
  local print
  print=$(k "$2" join "$work/invitation.json" 2>/dev/null | sed -n 's/.*for the manager to approve: //p' | tr -d ' ')
  k "$2" export --full --out "$work/first.kring" >/dev/null 2>&1
  k "$1" import "$work/first.kring" >/dev/null 2>&1
  k "$1" approve "$print" >/dev/null
}

say "seed $seed; making a bundle of a $cards-card network"
# The importing store is a manager with a small network of its own, so "before" is not empty.
k "$work/pristine" init --name "Lieve Claes" --email lieve.claes@antwerpen.be --role manager >/dev/null
k "$work/pristine" demo --cards 40 --seed 8 >/dev/null
# The bundle comes from a second manager (a demo names many colleagues as authors, which only a
# manager's bundle may carry), enrolled first. It is plain: the stores that import it below are
# copies, which take keys of their own.
k "$work/networker" init --name "An Peeters" --email an.peeters@antwerpen.be --role manager >/dev/null
enrol "$work/pristine" "$work/networker"
k "$work/networker" demo --cards "$cards" --seed 7 >/dev/null
k "$work/networker" export --full --plain --out "$work/network.kring" >/dev/null
digest_before=$(digest "$work/pristine")
records_before=$(records "$work/pristine")

# A clean import: its duration, and when it stages the bundle in the store's inbox. An import
# verifies the bundle, takes a backup, copies the bundle into inbox/ and writes its journal; from
# then on it is rolled forward when the store next opens, so the boundary between "before" and
# "after" lies shortly after the inbox appears. The merge itself runs in chunks after that.
cp -a "$work/pristine" "$work/reference"
start=$(now_ms)
"$kring" --store "$work/reference" import "$work/network.kring" >/dev/null 2>&1 &
pid=$!
staged_ms=""
while kill -0 "$pid" 2>/dev/null; do
  if [ -z "$staged_ms" ] && [ -d "$work/reference/inbox" ]; then
    staged_ms=$(( $(now_ms) - start ))
  fi
  sleep 0.005
done
wait "$pid"
import_ms=$(( $(now_ms) - start ))
staged_ms=${staged_ms:-$(( import_ms / 10 ))}
window_ms=$(( 3 * staged_ms < import_ms ? 3 * staged_ms : import_ms ))
digest_after=$(digest "$work/reference")
records_after=$(records "$work/reference")
[ "$digest_before" != "$digest_after" ] || { echo "[crash] the import changed nothing" >&2; exit 1; }
say "clean import: ${import_ms} ms (bundle staged in the inbox at ${staged_ms} ms), $records_before -> $records_after records"

# Kills: odd runs anywhere in the import, even runs in its first ${window_ms} ms (verifying, backing
# up, staging, journalling). When a kill leaves a journalled import behind, the next open rolls it
# forward; that open is killed too (a second crash) before the store is checked.
before=0 after=0 bad=0 finished=0 reimported=0 double=0
for run in $(seq 1 "$runs"); do
  store="$work/run"
  rm -rf "$store"
  cp -a "$work/pristine" "$store"
  if (( run % 2 )); then delay=$(between 0 "$import_ms"); else delay=$(between 0 "$window_ms"); fi
  when="at $delay ms"
  "$kring" --store "$store" import "$work/network.kring" >/dev/null 2>&1 &
  pid=$!
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  status=0
  wait "$pid" 2>/dev/null || status=$?
  [ "$status" -eq 0 ] && finished=$(( finished + 1 ))
  rm -rf "$work/first-kill"
  if [ -d "$store/inbox" ]; then
    rm -rf "$work/first-kill" && cp -a "$store" "$work/first-kill"
    second=$(between 0 "$import_ms")
    "$kring" --store "$store" digest >/dev/null 2>&1 &
    pid=$!
    sleep_ms "$second"
    kill -9 "$pid" 2>/dev/null && double=$(( double + 1 )) || true
    wait "$pid" 2>/dev/null || true
    when="$when, then $second ms into the next open"
  fi
  if ! k "$store" check --json >"$work/check.txt" 2>&1; then
    fail "run $run (kill $when): check is not clean: $(tail -3 "$work/check.txt")"
    keep "import-$seed-$run" "$store" "$work/first-kill"
    bad=$(( bad + 1 )); continue
  fi
  found=$(digest "$store")
  count=$(sed -n 's/^ *"records": \([0-9]*\).*/\1/p' "$work/check.txt")
  if [ "$found" = "$digest_before" ] && [ "$count" = "$records_before" ]; then
    before=$(( before + 1 ))
    # Every fifth survivor must still take the import.
    if (( before % 5 == 1 )); then
      k "$store" import "$work/network.kring" >/dev/null 2>&1 && [ "$(digest "$store")" = "$digest_after" ] || {
        fail "run $run (kill $when): the import after the crash did not reach the clean result"
        bad=$(( bad + 1 )); continue
      }
      reimported=$(( reimported + 1 ))
    fi
  elif [ "$found" = "$digest_after" ] && [ "$count" = "$records_after" ]; then
    after=$(( after + 1 ))
  else
    fail "run $run (kill $when): digest $found with $count records is neither before nor after"
    keep "import-$seed-$run" "$store" "$work/first-kill"
    bad=$(( bad + 1 ))
  fi
done
consistent=$(( before + after ))
say "import kills: $finished of $runs imports had finished before their kill; $double roll-forwards killed too; $reimported survivors imported again cleanly"

# Demo bursts: every commit is a transaction, so whatever was written is whole.
demo_bad=0
cp -a "$work/pristine" "$work/demo"
start=$(now_ms)
k "$work/demo" demo --cards 1500 --seed 11 >/dev/null 2>&1
demo_ms=$(( $(now_ms) - start ))
for run in $(seq 1 "$side_runs"); do
  store="$work/demo-run"
  rm -rf "$store"
  cp -a "$work/pristine" "$store"
  delay=$(between 0 "$demo_ms")
  "$kring" --store "$store" demo --cards 1500 --seed $(( 20 + run )) >/dev/null 2>&1 &
  pid=$!
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! k "$store" check >"$work/check.txt" 2>&1 || ! digest "$store" >/dev/null; then
    fail "demo run $run (kill at ${delay} ms): $(tail -3 "$work/check.txt")"
    keep "demo-$seed-$run" "$store"
    demo_bad=$(( demo_bad + 1 ))
  fi
done

# Exports: half of them over an existing bundle, half to a new path.
export_bad=0
start=$(now_ms)
k "$work/reference" export --full --plain --out "$work/timing.kring" >/dev/null 2>&1
export_ms=$(( $(now_ms) - start ))
for run in $(seq 1 "$side_runs"); do
  folder="$work/export-$run"
  mkdir -p "$folder"
  target="$folder/master.kring"
  if (( run % 2 )); then cp "$work/timing.kring" "$target"; fi
  delay=$(between 0 "$export_ms")
  "$kring" --store "$work/reference" export --full --plain --out "$target" >/dev/null 2>&1 &
  pid=$!
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  problem=""
  if [ -e "$target" ] && ! cmp -s "$target" "$work/timing.kring" && ! "$kring" inspect "$target" >/dev/null 2>&1; then
    problem="the target is a broken file"
  elif (( run % 2 )) && [ ! -e "$target" ]; then
    problem="the old bundle disappeared"
  fi
  for file in "$folder"/* "$folder"/.[!.]*; do
    [ -e "$file" ] || continue
    case "$(basename "$file")" in
      master.kring | .master.kring.*.partial) ;;
      *) problem="${problem:+$problem; }a stray file $(basename "$file")" ;;
    esac
  done
  if ! k "$work/reference" export --full --plain --out "$target" >/dev/null 2>&1 || ! "$kring" inspect "$target" >/dev/null 2>&1; then
    problem="${problem:+$problem; }the next export failed"
  fi
  if [ -n "$problem" ]; then
    fail "export run $run (kill at ${delay} ms): $problem"
    export_bad=$(( export_bad + 1 ))
  fi
done

# Restores: the store that took the import goes back to a backup of the store before it. A restore
# replaces every record, then renews the node id; it runs under a journal, so what a kill leaves
# is the store before it or the backup, never a mixture.
restore_bad=0 restore_before=0 restore_after=0
k "$work/pristine" backup --out "$work/pristine.kring-backup" >/dev/null 2>&1
cp -a "$work/reference" "$work/restore-timing"
start=$(now_ms)
k "$work/restore-timing" restore "$work/pristine.kring-backup" >/dev/null 2>&1
restore_ms=$(( $(now_ms) - start ))
[ "$(digest "$work/restore-timing")" = "$digest_before" ] || { echo "[crash] a clean restore did not give the backup's digest" >&2; exit 1; }
for run in $(seq 1 "$side_runs"); do
  store="$work/restore-run"
  rm -rf "$store"
  cp -a "$work/reference" "$store"
  delay=$(between 0 "$restore_ms")
  "$kring" --store "$store" restore "$work/pristine.kring-backup" >/dev/null 2>&1 &
  pid=$!
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! k "$store" check >"$work/check.txt" 2>&1; then
    fail "restore run $run (kill at ${delay} ms): check is not clean: $(tail -3 "$work/check.txt")"
    keep "restore-$seed-$run" "$store"
    restore_bad=$(( restore_bad + 1 )); continue
  fi
  found=$(digest "$store")
  if [ "$found" = "$digest_after" ]; then
    restore_before=$(( restore_before + 1 ))
  elif [ "$found" = "$digest_before" ]; then
    restore_after=$(( restore_after + 1 ))
  else
    fail "restore run $run (kill at ${delay} ms): digest $found is neither before nor after the restore"
    keep "restore-$seed-$run" "$store"
    restore_bad=$(( restore_bad + 1 ))
  fi
done

say "demo kills: $side_runs runs over ${demo_ms} ms, $demo_bad inconsistent"
say "restore kills: $side_runs runs over ${restore_ms} ms, $restore_before before and $restore_after after, $restore_bad inconsistent"
say "export kills: $side_runs runs over ${export_ms} ms, $export_bad inconsistent"
say "the kills took $(( $(date +%s) - began )) s"
echo "crash test: $runs runs, $consistent consistent ($before before, $after after), $bad inconsistent"
if (( bad + demo_bad + export_bad + restore_bad > 0 )); then
  echo "[crash] repeat with CRASH_SEED=$seed" >&2
  exit 1
fi

#!/usr/bin/env bash
# Fault injection on the real `kring` binary, beyond the import, demo and export kills of
# scripts/crash-test.sh. After every fault the store must open, `kring check` must be clean and
# nothing that had been committed may be missing.
#
#   merge       `kill -9` during an import of several bundles in one command (four networkers who
#               edited the same cards concurrently, so the merge makes conflicts); the next open,
#               which rolls a journalled import forward, is killed too when there is one. The store
#               is then exactly as before the merge or exactly as after a clean one.
#   edits       `kill -9` during a burst of CLI edits (add a person, set a field, log a meeting,
#               add a note, over and over). Every command that exited 0 before the kill is read
#               back from a backup of the store (`kring inspect --jsonl`), with its value; the
#               records the store had before are all still there; the next edit works.
#   full disk   the store on a small tmpfs: a merge, an edit and a demo on a disk already full, a
#               merge and a demo that fill it, a burst of edits until it is full; exports, backups
#               and calendars to a full disk. Each fails with one line saying the disk is full and
#               what to do (no panic, no bare "os error 28"); with the space given back the store
#               opens and checks clean; what was committed is there (an edit that failed is not);
#               a failed export leaves no file and an old bundle at the target untouched.
#   read-only   the store on a read-only bind mount: reading and writing commands give the
#               read-only message naming the store and change nothing; an export into a read-only
#               folder says so and writes nothing.
#   in use      a long import holding the store: other commands get the in-use message within 3 s
#               and change nothing. A `kring sync --watch` between passes does not hold the store
#               (the app must be able to open it): a command works meanwhile; the watcher is then
#               killed with -9
#               and the store still checks clean.
#
# The full-disk and read-only cases mount a tmpfs and need root; without it they are skipped with
# the reason printed. Every mount is undone on exit.
#
# Usage: scripts/fault-test.sh [RUNS]   RUNS merge kills and RUNS edit-burst kills (default 20)
# Environment: FAULT_SEED (random seed, printed so a failing run can be repeated), FAULT_KEEP
# (where stores that failed are kept, default target/fault-failures), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash crates/sled-patch/prepare.sh # sled with Kring's patch, which cargo needs (a no-op once there)
command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"
command -v python3 >/dev/null 2>&1 || { echo "[fault] python3 is needed to read backups back" >&2; exit 1; }

runs=${1:-20}
seed=${FAULT_SEED:-$(( $(date +%s) % 32768 ))}
kept="${FAULT_KEEP:-${CARGO_TARGET_DIR:-target}/fault-failures}"
burst_ops=48
RANDOM=$seed

say() { printf '[fault] %s\n' "$*"; }
problems=0
fail() { printf '[fault] FAILED: %s\n' "$*" >&2; problems=$(( problems + 1 )); }
keep() {
  mkdir -p "$kept"
  rm -rf "${kept:?}/$1" && cp -a "$2" "$kept/$1"
  printf '[fault] kept in %s\n' "$kept/$1" >&2
}
now_ms() { date +%s%3N; }
between() { echo $(( $1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1) )); }
sleep_ms() { sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"; }

say "building kring (release)"
cargo build --release --quiet -p kring-cli
kring="${CARGO_TARGET_DIR:-target}/release/kring"
[ -x "$kring" ] || { echo "[fault] no binary at $kring" >&2; exit 1; }
began=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/kring-fault.XXXXXX")
mounts=()
holders=()
cleanup() {
  local pid mount
  for pid in "${holders[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for (( i = ${#mounts[@]} - 1; i >= 0; i-- )); do
    mount=${mounts[i]}
    mountpoint -q "$mount" 2>/dev/null && { umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true; }
  done
  rm -rf "$work"
}
trap cleanup EXIT

k() { "$kring" --store "$@"; }
digest() { k "$1" digest 2>/dev/null; }
records() { k "$1" check --json 2>/dev/null | sed -n 's/^ *"records": \([0-9]*\).*/\1/p'; }
# Every record of a store into $work/dump.jsonl, one JSON object a line (a backup carries private
# records too), and their ids, sorted, into $work/ids-now.txt.
dump() {
  rm -f "$work/dump.kring-backup" "$work/dump.jsonl" "$work/ids-now.txt"
  k "$1" backup --out "$work/dump.kring-backup" >/dev/null 2>&1 || return 1
  "$kring" inspect --jsonl "$work/dump.kring-backup" >"$work/dump.jsonl" || return 1
  sed -n 's/.*"id":"\([0-9a-f-]*\)","kind":".*/\1/p' "$work/dump.jsonl" | sort >"$work/ids-now.txt"
}
# The ids in file $1 that are missing from file $2 (both sorted).
missing_ids() { comm -23 "$1" "$2" | head -3 | tr '\n' ' ' || true; }

# A failure must be one line (besides copied-store notes) that matches what it is about, and
# nothing raw: no panic, no sled bug report, no bare OS error.
clear_error() {
  local file=$1 pattern=$2 lines
  lines=$(grep -v '^kring: note:' "$file" || true)
  if [ "$(printf '%s\n' "$lines" | grep -c .)" -ne 1 ]; then echo "not one line: $(tr '\n' '|' <"$file")"; return; fi
  if ! grep -qE "$pattern" <<<"$lines"; then echo "unclear: $lines"; return; fi
  if grep -qiE 'panicked|report this bug|os error|Os \{' <<<"$lines"; then echo "raw: $lines"; return; fi
}
# Runs a command that must fail with a clear message matching a pattern: `must_fail WHAT PATTERN CMD...`.
must_fail() {
  local what=$1 pattern=$2 verdict; shift 2
  if "$@" >"$work/out.txt" 2>"$work/err.txt"; then fail "$what: succeeded"; return; fi
  verdict=$(clear_error "$work/err.txt" "$pattern")
  if [ -n "$verdict" ]; then fail "$what: $verdict"; else say "  $what: $(grep -v '^kring: note:' "$work/err.txt")"; fi
}
# The store opens, checks clean and still holds every record of the list given (then its dump is
# in $work/dump.jsonl).
sound() {
  local what=$1 store=$2 before_ids=${3:-}
  if ! k "$store" check >"$work/check.txt" 2>&1; then
    fail "$what: check is not clean: $(tail -2 "$work/check.txt" | tr '\n' ' ')"; return 1
  fi
  if [ -n "$before_ids" ]; then
    dump "$store" || { fail "$what: the store cannot be backed up to read it back"; return 1; }
    local gone; gone=$(missing_ids "$before_ids" "$work/ids-now.txt")
    if [ -n "$gone" ]; then fail "$what: committed records are missing: $gone"; return 1; fi
  fi
}

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

say "seed $seed; making four networkers' bundles that edited the same cards"
# They are second managers (a demo names many colleagues as authors, which only a manager's bundle
# may carry), each enrolled in the organisation before it edits; their bundles are plain, since the
# stores that import them are copies, which take keys of their own.
k "$work/pristine" init --name "Lieve Claes" --email lieve.claes@antwerpen.be --role manager >/dev/null
k "$work/base" init --name "An Peeters" --email an.peeters@antwerpen.be --role manager >/dev/null
k "$work/base" demo --cards 400 --seed 7 >/dev/null
k "$work/base" card list --kind person --json >"$work/cards.json"
awk -F'"' '/"id":/ && n < 12 { print $4; n++ }' "$work/cards.json" >"$work/shared-cards.txt"
merge_files=()
for n in 1 2 3 4; do
  cp -a "$work/base" "$work/net$n"
  enrol "$work/pristine" "$work/net$n"
  while read -r card; do
    k "$work/net$n" card edit "$card" --set "job_title=as networker $n saw it" >/dev/null 2>&1
  done <"$work/shared-cards.txt"
  k "$work/net$n" demo --cards 250 --seed $(( 10 + n )) >/dev/null 2>&1
  k "$work/net$n" export --full --plain --out "$work/net$n.kring" >/dev/null 2>&1
  merge_files+=("$work/net$n.kring")
done
# A larger bundle, only for the store-in-use case below: its merge holds the store well past the
# half second the store's open waits for a busy store (the four above merge in about that long).
cp -a "$work/base" "$work/net5"
enrol "$work/pristine" "$work/net5"
k "$work/net5" demo --cards 2500 --seed 15 >/dev/null 2>&1
k "$work/net5" export --full --plain --out "$work/net5.kring" >/dev/null 2>&1
k "$work/pristine" demo --cards 40 --seed 8 >/dev/null
digest_before=$(digest "$work/pristine")
records_before=$(records "$work/pristine")
dump "$work/pristine" && cp "$work/ids-now.txt" "$work/ids-pristine.txt"

# A clean merge: its duration, when it stages the bundles, and the state after it.
cp -a "$work/pristine" "$work/merged"
start=$(now_ms)
"$kring" --store "$work/merged" import "${merge_files[@]}" >"$work/merge-report.txt" 2>&1 &
pid=$!
staged_ms=""
while kill -0 "$pid" 2>/dev/null; do
  [ -z "$staged_ms" ] && [ -d "$work/merged/inbox" ] && staged_ms=$(( $(now_ms) - start ))
  sleep 0.005
done
wait "$pid" || { echo "[fault] the clean merge failed: $(cat "$work/merge-report.txt")" >&2; exit 1; }
merge_ms=$(( $(now_ms) - start ))
staged_ms=${staged_ms:-$(( merge_ms / 10 ))}
window_ms=$(( 3 * staged_ms < merge_ms ? 3 * staged_ms : merge_ms ))
digest_after=$(digest "$work/merged")
records_after=$(records "$work/merged")
conflicts=$(k "$work/merged" conflicts --json 2>/dev/null | grep -c '"field"' || true)
say "clean merge of ${#merge_files[@]} bundles: ${merge_ms} ms (staged at ${staged_ms} ms), $records_before -> $records_after records, $conflicts conflicting fields"

# --- Kills during a merge ----------------------------------------------------------------------
merge_before=0 merge_after=0 merge_bad=0 merge_double=0
for run in $(seq 1 "$runs"); do
  store="$work/run"
  rm -rf "$store" && cp -a "$work/pristine" "$store"
  if (( run % 2 )); then delay=$(between 0 "$merge_ms"); else delay=$(between 0 "$window_ms"); fi
  when="at $delay ms"
  "$kring" --store "$store" import "${merge_files[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -d "$store/inbox" ]; then
    second=$(between 0 "$merge_ms")
    "$kring" --store "$store" digest >/dev/null 2>&1 &
    pid=$!
    sleep_ms "$second"
    kill -9 "$pid" 2>/dev/null && merge_double=$(( merge_double + 1 )) || true
    wait "$pid" 2>/dev/null || true
    when="$when, then $second ms into the next open"
  fi
  if ! k "$store" check --json >"$work/check.txt" 2>&1; then
    fail "merge run $run (kill $when): check is not clean: $(tail -2 "$work/check.txt" | tr '\n' ' ')"
    keep "merge-$seed-$run" "$store"; merge_bad=$(( merge_bad + 1 )); continue
  fi
  found=$(digest "$store")
  count=$(sed -n 's/^ *"records": \([0-9]*\).*/\1/p' "$work/check.txt")
  if [ "$found" = "$digest_before" ] && [ "$count" = "$records_before" ]; then
    merge_before=$(( merge_before + 1 ))
    if (( merge_before % 5 == 1 )); then
      if ! k "$store" import "${merge_files[@]}" >/dev/null 2>&1 || [ "$(digest "$store")" != "$digest_after" ]; then
        fail "merge run $run (kill $when): the merge after the crash did not reach the clean result"
        keep "merge-$seed-$run" "$store"; merge_bad=$(( merge_bad + 1 ))
      fi
    fi
  elif [ "$found" = "$digest_after" ] && [ "$count" = "$records_after" ]; then
    merge_after=$(( merge_after + 1 ))
  else
    fail "merge run $run (kill $when): $count records, neither before ($records_before) nor after ($records_after)"
    keep "merge-$seed-$run" "$store"; merge_bad=$(( merge_bad + 1 ))
  fi
done
say "merge kills: $runs runs, $(( merge_before + merge_after )) consistent ($merge_before before, $merge_after after), $merge_bad inconsistent; $merge_double roll-forwards killed too"

# --- Kills during bursts of edits --------------------------------------------------------------
# One burst: add a person, set their title, log a meeting with them, add a note; again and again.
# A line goes to the log only after its command exited 0: those are the committed edits.
burst() {
  local store=$1 tag=$2 log=$3 out="$3.out" k person="" id
  for (( k = 0; k < burst_ops; k++ )); do
    case $(( k % 4 )) in
      0) if "$kring" --store "$store" card add person --name "Burst $tag-$k" --email "burst.$tag.$k@example.be" >"$out" 2>/dev/null; then
           read -r person <"$out"; echo "person $person Burst $tag-$k" >>"$log"
         fi ;;
      1) if [ -n "$person" ] && "$kring" --store "$store" card edit "$person" --set "job_title=title $tag-$k" >/dev/null 2>&1; then
           echo "job_title $person title $tag-$k" >>"$log"
         fi ;;
      2) if [ -n "$person" ] && "$kring" --store "$store" log --with "$person" --kind meeting --summary "meeting $tag-$k" >"$out" 2>/dev/null; then
           read -r id <"$out"; echo "summary $id meeting $tag-$k" >>"$log"
         fi ;;
      3) if [ -n "$person" ] && "$kring" --store "$store" note "$person" "note $tag-$k" --visibility private >"$out" 2>/dev/null; then
           read -r id <"$out"; echo "text $id note $tag-$k" >>"$log"
         fi ;;
    esac
  done
}
# Reads every logged edit back from a dump of the store: "FIELD ID VALUE" per line.
verify_log() {
  python3 - "$1" "$2" <<'PY'
import json, sys
records = {}
for line in open(sys.argv[1]):
    value = json.loads(line)
    if "id" in value:
        records[value["id"]] = value
wrong = []
for line in open(sys.argv[2]):
    field, rid, expected = line.rstrip("\n").split(" ", 2)
    field = "display_name" if field == "person" else field
    record = records.get(rid)
    found = record and record["fields"].get(field, {}).get("value")
    if found != expected:
        short = lambda text: repr(text if not isinstance(text, str) or len(text) < 60 else text[:60] + "…")
        wrong.append(f"{rid} {field}={short(expected)} (found {short(found)})" if record else f"{rid} ({short(expected)}) is gone")
print("; ".join(wrong[:3]))
PY
}
children() { grep -l "^PPid:[[:space:]]*$1\$" /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3 || true; }

cp -a "$work/pristine" "$work/burst-clean"
start=$(now_ms)
burst "$work/burst-clean" clean "$work/burst-clean.log"
burst_ms=$(( $(now_ms) - start ))
say "a clean burst: $burst_ms ms for $burst_ops edits ($(( burst_ms / burst_ops )) ms each)"

burst_bad=0 committed_total=0
for run in $(seq 1 "$runs"); do
  store="$work/burst"
  log="$work/burst-$run.log"
  rm -rf "$store" && cp -a "$work/pristine" "$store"
  : >"$log"
  delay=$(between 0 "$burst_ms")
  burst "$store" "$run" "$log" &
  loop=$!
  sleep_ms "$delay"
  # Freeze the loop so it starts nothing more, kill the kring it is running, then the loop.
  kill -STOP "$loop" 2>/dev/null || true
  for child in $(children "$loop"); do kill -9 "$child" 2>/dev/null || true; done
  kill -9 "$loop" 2>/dev/null || true
  wait "$loop" 2>/dev/null || true
  committed=$(grep -c . "$log" || true)
  committed_total=$(( committed_total + committed ))
  what="burst run $run (kill at $delay ms, after $committed committed edits)"
  sound "$what" "$store" "$work/ids-pristine.txt" || { keep "burst-$seed-$run" "$store"; burst_bad=$(( burst_bad + 1 )); continue; }
  wrong=$(verify_log "$work/dump.jsonl" "$log")
  if [ -n "$wrong" ]; then
    fail "$what: committed edits are missing: $wrong"
    keep "burst-$seed-$run" "$store"; cp "$log" "$kept/burst-$seed-$run.log"; burst_bad=$(( burst_bad + 1 )); continue
  fi
  if ! k "$store" card add person --name "After the crash" >/dev/null 2>&1; then
    fail "$what: the next edit failed"; burst_bad=$(( burst_bad + 1 ))
  fi
done
say "edit-burst kills: $runs runs, $committed_total edits committed before the kills, all read back; $burst_bad inconsistent"

# --- Full disk and read-only store (tmpfs mounts, root only) -----------------------------------
mount_tmpfs() {
  mkdir -p "$1"
  mount -t tmpfs -o "size=$2" kring-fault "$1" || return 1
  mounts+=("$1")
}
unmount() {
  umount "$1"
  local kept_mounts=() m
  for m in "${mounts[@]}"; do [ "$m" = "$1" ] || kept_mounts+=("$m"); done
  mounts=("${kept_mounts[@]}")
}
# Leaves $2 bytes free on the file system holding folder $1 (0: none at all).
fill() {
  local free; free=$(df --output=avail -B1 "$1" | tail -1)
  if (( free > $2 )); then head -c $(( free - $2 )) /dev/zero >"$1/ballast" 2>/dev/null || true; fi
  if (( $2 == 0 )); then cat /dev/zero >"$1/ballast-rest" 2>/dev/null || true; fi
}
unfill() { rm -f "$1/ballast" "$1/ballast-rest"; }

skip_mounts=""
if [ "$(id -u)" -ne 0 ]; then
  skip_mounts="not running as root (mounting a tmpfs needs it)"
elif ! mount_tmpfs "$work/probe" 1m 2>"$work/probe.txt"; then
  skip_mounts="mounting a tmpfs is not permitted here: $(head -1 "$work/probe.txt")"
else
  unmount "$work/probe"
fi

full_disk_cases=0 read_only_cases=0
if [ -n "$skip_mounts" ]; then
  say "SKIPPED the full-disk and read-only cases: $skip_mounts"
else
  disk_full='disk.* is full.*free some space'
  say "full disk"
  disk="$work/full"
  mount_tmpfs "$disk" 256m
  # A disk already full: an edit, a demo and a merge are refused; the space given back, the store
  # is exactly as before.
  cp -a "$work/pristine" "$disk/store"
  # A disk already full. sled writes into room its log file already holds (the segments it zeroed
  # when it last opened the store), which a disk with no free block left does not take away, so
  # how far a command gets before the disk stops it varies from run to run. What must hold: every
  # refusal says the disk is full; a merge (one journaled import) leaves the store as before or, at
  # the next open, as after; an edit is refused and changes nothing, or fits and is saved whole; a
  # demo (many commits) keeps whole what it committed before it was stopped.
  fill "$disk" 0
  must_fail "a merge on a full disk" "$disk_full" k "$disk/store" import "${merge_files[@]}"
  unfill "$disk"
  full_disk_cases=$(( full_disk_cases + 1 ))
  if sound "after the merge refused on a full disk" "$disk/store" "$work/ids-pristine.txt"; then
    found=$(digest "$disk/store")
    if [ "$found" = "$digest_after" ]; then
      say "  the merge refused on a full disk had been journaled: it finished at the next open"
      rm -rf "$disk/store" && cp -a "$work/pristine" "$disk/store"
    elif [ "$found" != "$digest_before" ]; then
      fail "the merge refused on a full disk left the store neither as before nor as after"
    fi
  fi
  fill "$disk" 0
  full_disk_cases=$(( full_disk_cases + 1 ))
  if k "$disk/store" card add person --name "Full Disk" >"$work/out.txt" 2>"$work/err.txt"; then
    unfill "$disk"
    say "  an edit on a full disk: it fitted in the room the store's log already held"
    if sound "after an edit that fitted on a full disk" "$disk/store" "$work/ids-pristine.txt"; then
      k "$disk/store" search "Full Disk" 2>/dev/null | grep -q "Full Disk" \
        || fail "the edit that fitted on a full disk cannot be found"
    fi
  else
    unfill "$disk"
    verdict=$(clear_error "$work/err.txt" "$disk_full")
    if [ -n "$verdict" ]; then
      fail "an edit on a full disk: $verdict"
    else
      say "  an edit on a full disk: $(grep -v '^kring: note:' "$work/err.txt")"
    fi
    if sound "after the edit refused on a full disk" "$disk/store" "$work/ids-pristine.txt"; then
      [ "$(digest "$disk/store")" = "$digest_before" ] || fail "the edit refused on a full disk changed the store"
    fi
  fi
  fill "$disk" 0
  must_fail "a demo on a full disk" "$disk_full" k "$disk/store" demo --cards 500 --seed 3
  unfill "$disk"
  full_disk_cases=$(( full_disk_cases + 1 ))
  sound "after the demo stopped on a full disk" "$disk/store" "$work/ids-pristine.txt" || true

  # A merge that fills the disk: refused early (backup, inbox) it leaves the store as before;
  # refused while merging, after the journal, it says the import finishes at the next open, and
  # with the space given back that open reaches the clean result.
  growth=$(( $(du -sb "$work/merged" | cut -f1) - $(du -sb "$work/pristine" | cut -f1) ))
  for share in 2 25 60; do
    rm -rf "$disk/store" && cp -a "$work/pristine" "$disk/store"
    fill "$disk" $(( growth * share / 100 ))
    what="a merge with ${share}% of the room it needs"
    full_disk_cases=$(( full_disk_cases + 1 ))
    must_fail "$what" "$disk_full" k "$disk/store" import "${merge_files[@]}"
    unfinished=$(grep -c 'finishes the next time' "$work/err.txt" || true)
    unfill "$disk"
    sound "$what" "$disk/store" "$work/ids-pristine.txt" || { keep "full-merge-$share" "$disk/store"; continue; }
    found=$(digest "$disk/store")
    if (( unfinished )) && [ "$found" != "$digest_after" ]; then
      fail "$what: said the merge would finish at the next open, but it did not"
    elif (( ! unfinished )) && [ "$found" != "$digest_before" ]; then
      fail "$what: the store changed though the merge was refused before it began"
    else
      say "  $what: $( (( unfinished )) && echo "finished at the next open" || echo "the store is as before")"
    fi
  done

  # A demo that fills the disk commits in chunks: what it committed stays, the rest is not there.
  rm -rf "$disk/store" && cp -a "$work/pristine" "$disk/store"
  fill "$disk" $(( 2 * 1024 * 1024 ))
  must_fail "a demo that fills the disk" "$disk_full" k "$disk/store" demo --cards 5000 --seed 4
  unfill "$disk"
  full_disk_cases=$(( full_disk_cases + 1 ))
  sound "a demo that filled the disk" "$disk/store" "$work/ids-pristine.txt" || keep "full-demo" "$disk/store"

  # Edits until the disk is full (people, and notes of 8 KB on them, since small edits reuse the
  # room sled already has): every edit that succeeded is there, the one refused is not.
  rm -rf "$disk/store" && cp -a "$work/pristine" "$disk/store"
  fill "$disk" $(( 256 * 1024 ))
  : >"$work/full-edits.log"
  filler=$(printf 'notes that take room %.0s' $(seq 1 400))
  filler=${filler% }
  refused="" person=""
  for n in $(seq 1 400); do
    if (( n % 2 )); then
      if k "$disk/store" card add person --name "Room $n" >"$work/out.txt" 2>"$work/err.txt"; then
        read -r person <"$work/out.txt"; echo "person $person Room $n" >>"$work/full-edits.log"
      else refused=$n; break; fi
    elif k "$disk/store" note "$person" "Room $n: $filler" >"$work/out.txt" 2>"$work/err.txt"; then
      echo "text $(cat "$work/out.txt") Room $n: $filler" >>"$work/full-edits.log"
    else refused=$n; break; fi
  done
  full_disk_cases=$(( full_disk_cases + 1 ))
  edits_done=$(grep -c . "$work/full-edits.log" || true)
  if [ -z "$refused" ]; then
    fail "400 edits fitted in 256 KB: the disk never filled"
  else
    verdict=$(clear_error "$work/err.txt" "$disk_full")
    [ -z "$verdict" ] || fail "edit $refused on a filling disk: $verdict"
    unfill "$disk"
    if sound "edits until the disk was full" "$disk/store" "$work/ids-pristine.txt"; then
      wrong=$(verify_log "$work/dump.jsonl" "$work/full-edits.log")
      [ -z "$wrong" ] || fail "edits until the disk was full: committed edits are missing: $wrong"
      if grep -qE "\"Room $refused[\":]" "$work/dump.jsonl"; then
        fail "edit $refused was refused for a full disk but is in the store"
      fi
      say "  edits until the disk was full: $edits_done committed and read back, edit $refused refused: $(grep -v '^kring: note:' "$work/err.txt")"
    fi
  fi

  # Writing files to a full disk: no file, no temporary, an old bundle at the target untouched.
  rm -rf "$disk/store" && mkdir -p "$disk/out"
  k "$work/merged" export --full --plain --out "$disk/out/old.kring" >/dev/null 2>&1
  cp "$disk/out/old.kring" "$work/old.kring"
  fill "$disk" 0
  must_fail "an export to a full disk" "$disk_full" k "$work/merged" export --full --plain --out "$disk/out/new.kring"
  must_fail "an export over an old bundle on a full disk" "$disk_full" k "$work/merged" export --full --plain --out "$disk/out/old.kring"
  must_fail "a backup to a full disk" "$disk_full" k "$work/merged" backup --out "$disk/out/store.kring-backup"
  must_fail "a calendar to a full disk" "$disk_full" k "$work/merged" export-calendar --out "$disk/out/follow-ups.ics"
  full_disk_cases=$(( full_disk_cases + 4 ))
  left=$(cd "$disk/out" && ls -A | grep -vx 'old.kring' | tr '\n' ' ' || true)
  [ -z "$left" ] || fail "writes to a full disk left files behind: $left"
  cmp -s "$disk/out/old.kring" "$work/old.kring" || fail "an export to a full disk damaged the old bundle at its target"
  unfill "$disk"
  unmount "$disk"

  say "read-only store"
  cp -a "$work/pristine" "$work/ro-source"
  ( cd "$work/ro-source" && find . -type f -exec cksum {} + | sort ) >"$work/ro-before.txt"
  mkdir -p "$work/ro"
  mount --bind "$work/ro-source" "$work/ro" && mounts+=("$work/ro")
  if ! mount -o remount,ro,bind "$work/ro" 2>"$work/err.txt"; then
    fail "the bind mount cannot be made read-only: $(cat "$work/err.txt")"
  fi
  read_only="store at .*/ro is read-only"
  for command in "digest" "check" "search Peeters" "card list" "export --full --out $work/ro-export.kring"; do
    # shellcheck disable=SC2086 # the words of the command
    if k "$work/ro" $command >"$work/out.txt" 2>"$work/err.txt"; then
      say "  kring $command: works"
    else
      verdict=$(clear_error "$work/err.txt" "$read_only")
      [ -z "$verdict" ] && say "  kring ${command%% *}: $(cat "$work/err.txt")" || fail "kring $command on a read-only store: $verdict"
    fi
    read_only_cases=$(( read_only_cases + 1 ))
  done
  must_fail "an edit in a read-only store" "$read_only" k "$work/ro" card add person --name "Read Only"
  must_fail "a merge into a read-only store" "$read_only" k "$work/ro" import "${merge_files[@]}"
  must_fail "an export into a read-only folder" 'read-only.*write to another folder' k "$work/merged" export --full --plain --out "$work/ro/x.kring"
  read_only_cases=$(( read_only_cases + 3 ))
  unmount "$work/ro"
  ( cd "$work/ro-source" && find . -type f -exec cksum {} + | sort ) >"$work/ro-after.txt"
  cmp -s "$work/ro-before.txt" "$work/ro-after.txt" || fail "the read-only store's files changed"
  sound "the store after it was read-only" "$work/ro-source" "$work/ids-pristine.txt" || true
  [ "$(digest "$work/ro-source")" = "$digest_before" ] || fail "the read-only store's digest changed"
fi

# --- A store in use by another process ---------------------------------------------------------
say "store in use"
in_use="in use by another Kring process"
prompt() { # WHAT STORE ARGS...: refused as in use within 3 s
  local what=$1 started elapsed; shift
  started=$(now_ms)
  must_fail "$what" "$in_use" k "$@"
  elapsed=$(( $(now_ms) - started ))
  if (( elapsed <= 3000 )); then say "    (refused after $elapsed ms)"; else fail "$what: the in-use message took $elapsed ms"; fi
}
cp -a "$work/pristine" "$work/held"
mkdir -p "$work/sync-folder"
"$kring" --store "$work/held" sync --folder "$work/sync-folder" --watch --interval 3600 >"$work/watch.txt" 2>&1 &
watcher=$!
holders+=("$watcher")
for _ in $(seq 1 200); do grep -q '^synced' "$work/watch.txt" && break; sleep 0.05; done
grep -q '^synced' "$work/watch.txt" || fail "the watcher did not start: $(cat "$work/watch.txt")"
# Between passes the watcher has closed the store: another command (the app) opens it.
k "$work/held" card add person --name "Tussendoor" >/dev/null 2>"$work/err.txt" \
  || fail "a command was refused while the watcher waited between passes: $(cat "$work/err.txt")"
kill -9 "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true
holders=()
sound "the store after its watcher was killed" "$work/held" "$work/ids-pristine.txt" || true
k "$work/held" search tussendoor 2>/dev/null | grep -q Tussendoor \
  || fail "the edit made between the watcher's passes is not in the store"

# An edit started while a merge holds the store is refused as in use (the larger bundle: a merge
# that ended inside the open's half-second wait would rightly let the edit go after it).
cp -a "$work/pristine" "$work/held-expected"
k "$work/held-expected" import "$work/net5.kring" >/dev/null 2>&1 || fail "the larger bundle does not merge"
digest_held=$(digest "$work/held-expected")
cp -a "$work/pristine" "$work/importing"
"$kring" --store "$work/importing" import "$work/net5.kring" >/dev/null 2>&1 &
importer=$!
holders+=("$importer")
for _ in $(seq 1 200); do [ -d "$work/importing/inbox" ] && break; sleep 0.01; done
prompt "an edit during a merge" "$work/importing" card add person --name "Busy"
kill -0 "$importer" 2>/dev/null || say "  (the merge had finished before the edit was refused; the refusal came from its open)"
wait "$importer" || fail "the merge that held the store failed"
holders=()
[ "$(digest "$work/importing")" = "$digest_held" ] || fail "the store held by a merge is not the merged state"
sound "the store after the merge that held it" "$work/importing" || true

say "the faults took $(( $(date +%s) - began )) s"
echo "fault test: $runs merge kills ($merge_before before, $merge_after after, $merge_bad inconsistent), $runs edit-burst kills ($committed_total committed edits read back, $burst_bad inconsistent), $full_disk_cases full-disk and $read_only_cases read-only cases${skip_mounts:+ (skipped)}, 2 in-use cases (an edit between a watcher's passes goes through, one during a merge is refused); $problems problems"
if (( problems > 0 )); then
  echo "[fault] repeat with FAULT_SEED=$seed" >&2
  exit 1
fi

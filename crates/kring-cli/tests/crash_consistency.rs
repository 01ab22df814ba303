//! Crash consistency of a real `kring import`: the process is killed (SIGKILL on Unix) at moments
//! spread over a clean import's duration; afterwards the store must open, `kring check` must be
//! clean, and the store must be exactly as before the import or exactly as after it (the same
//! `kring digest` and record count). An import killed after its journal is rolled forward when the
//! store next opens; when a kill leaves one pending, that open is killed as well (a second crash).
//! `scripts/crash-test.sh` runs the long version on a release build; this one runs in `cargo test`
//! with a smaller bundle and 8 kills.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const KILLS: u32 = 8;

fn kring(store: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kring"));
    command
        .env_remove("KRING_STORE")
        .env("KRING_LANG", "en")
        .arg("--store")
        .arg(store)
        .stdin(Stdio::null());
    command
}

/// Runs kring to completion and returns its stdout; panics with its stderr if it fails.
fn ok(store: &Path, args: &[&str]) -> String {
    let output = kring(store).args(args).output().expect("kring runs");
    assert!(
        output.status.success(),
        "kring {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a crash may leave: the shared-state digest and the number of records.
#[derive(Debug, PartialEq)]
struct Observed {
    digest: String,
    records: u64,
}

/// Opens the store, checks its indexes, and reads its digest and record count.
fn observe(store: &Path) -> Observed {
    let check: serde_json::Value =
        serde_json::from_str(&ok(store, &["check", "--json"])).expect("check prints JSON");
    for list in ["missing", "stale", "unreadable"] {
        assert_eq!(
            check[list].as_array().map(Vec::len),
            Some(0),
            "a killed import must leave the indexes matching the records: {check}"
        );
    }
    Observed {
        digest: ok(store, &["digest"]).trim().to_owned(),
        records: check["records"].as_u64().expect("a record count"),
    }
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder is created");
    for entry in std::fs::read_dir(from).expect("a folder lists") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a file copies");
        }
    }
}

/// `member` joins `manager`'s organisation as a second manager, with the real commands.
fn enrol(manager: &Path, member: &Path, dir: &Path) {
    let invitation = dir.join("invitation.json");
    let first = dir.join("first.kring");
    ok(
        manager,
        &[
            "invite",
            "--role",
            "manager",
            "--out",
            invitation.to_str().unwrap(),
        ],
    );
    ok(member, &["join", invitation.to_str().unwrap()]);
    ok(
        member,
        &["export", "--full", "--out", first.to_str().unwrap()],
    );
    ok(manager, &["import", first.to_str().unwrap()]);
    let members: serde_json::Value =
        serde_json::from_str(&ok(manager, &["members", "--json"])).expect("members as JSON");
    let pending = members
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"] == "pending")
        .expect("the member waits for approval");
    ok(manager, &["approve", pending["node"].as_str().unwrap()]);
}

fn kill_after(mut child: std::process::Child, at: std::time::Duration) {
    std::thread::sleep(at);
    let _ = child.kill();
    child.wait().expect("kring is reaped");
}

/// A small xorshift, seeded from the clock, so the moments differ from run to run; the seed is in
/// every failure message.
struct Moments(u64);

impl Moments {
    fn fraction(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_the_store_as_before_or_as_after() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A second manager's store with a demo network: its records name many colleagues as their
    // authors, which a manager's bundle may carry (a networker's may carry only its own).
    let networker = dir.path().join("networker");
    ok(
        &networker,
        &[
            "init",
            "--name",
            "An Peeters",
            "--email",
            "an.peeters@antwerpen.be",
            "--role",
            "manager",
        ],
    );
    let pristine = dir.path().join("pristine");
    ok(
        &pristine,
        &[
            "init",
            "--name",
            "Lieve Claes",
            "--email",
            "lieve.claes@antwerpen.be",
            "--role",
            "manager",
        ],
    );
    enrol(&pristine, &networker, dir.path());
    ok(&networker, &["demo", "--cards", "250", "--seed", "7"]);
    let bundle = dir.path().join("network.kring");
    let bundle_arg = bundle.to_str().expect("a UTF-8 path");
    // Plain: the reference and the crashed stores below are copies, which take keys of their
    // own (a sealed file opens only for the store it was sealed to).
    ok(
        &networker,
        &["export", "--full", "--plain", "--out", bundle_arg],
    );

    let before = observe(&pristine);
    let reference = dir.path().join("reference");
    copy_folder(&pristine, &reference);
    let started = Instant::now();
    ok(&reference, &["import", bundle_arg]);
    let duration = started.elapsed();
    let after = observe(&reference);
    assert_ne!(before, after, "the import should change the store");

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut moments = Moments(seed);
    let (mut as_before, mut as_after) = (0, 0);
    for kill in 0..KILLS {
        // One moment in each eighth of the clean import's duration.
        let at = duration.mul_f64((f64::from(kill) + moments.fraction()) / f64::from(KILLS));
        let store = dir.path().join(format!("run-{kill}"));
        copy_folder(&pristine, &store);
        let import = kring(&store)
            .args(["import", bundle_arg])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("kring starts");
        kill_after(import, at);
        if store.join("inbox").exists() {
            // Opening the store rolls a journalled import forward: crash that too.
            let open = kring(&store)
                .arg("digest")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("kring starts");
            kill_after(open, duration.mul_f64(moments.fraction()));
        }
        let found = observe(&store);
        if found == before {
            as_before += 1;
        } else if found == after {
            as_after += 1;
        } else {
            panic!(
                "killed {at:?} into a {duration:?} import (seed {seed}), the store is neither as \
                 before ({before:?}) nor as after ({after:?}): {found:?}"
            );
        }
    }
    assert_eq!(as_before + as_after, KILLS);
    eprintln!(
        "{KILLS} kills over a {duration:?} import: {as_before} as before, {as_after} as after"
    );
}

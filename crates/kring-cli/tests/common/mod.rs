//! The harness the command-line tests share: the real `kring` binary on a real store folder.
#![allow(dead_code)] // each test binary uses its own part of it

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// `kring` without the developer's store or language: no `KRING_STORE`, no `KRING_LANG`, no
/// POSIX locale, so it speaks English unless a test asks for another language.
pub fn kring() -> Command {
    let mut command = Command::cargo_bin("kring").expect("the kring binary is built");
    for name in ["KRING_STORE", "KRING_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

/// A store folder and the `kring` binary pointed at it.
pub struct Kring {
    store: PathBuf,
    /// Keeps a temporary folder alive for as long as the store is used.
    _folder: Option<TempDir>,
}

/// What one run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Kring {
    /// A store in a temporary folder of its own, not set up yet.
    pub fn in_temporary_folder() -> Self {
        let folder = tempfile::tempdir().expect("temporary folder");
        Kring {
            store: folder.path().join("store"),
            _folder: Some(folder),
        }
    }

    /// A store at a given path (the caller keeps its folder alive).
    pub fn at(store: impl Into<PathBuf>) -> Self {
        Kring {
            store: store.into(),
            _folder: None,
        }
    }

    /// A store in a temporary folder, set up for `name` as a networker.
    pub fn initialised(name: &str) -> Self {
        Kring::in_temporary_folder().set_up(name, "networker")
    }

    /// Runs `kring init` for `name` (email derived from it) with a role.
    pub fn set_up(self, name: &str, role: &str) -> Self {
        let email = format!("{}@antwerpen.be", name.to_lowercase().replace(' ', "."));
        self.ok(&["init", "--name", name, "--email", &email, "--role", role]);
        self
    }

    pub fn store(&self) -> &Path {
        &self.store
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs with extra environment variables (a time zone, say).
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = kring();
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command
            .arg("--store")
            .arg(&self.store)
            .args(args)
            .output()
            .expect("kring runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "kring {args:?} failed: {}", run.stderr);
        run.stdout
    }

    /// The id a command printed on its first line.
    pub fn id(&self, args: &[&str]) -> String {
        self.ok(args)
            .lines()
            .next()
            .expect("an id line")
            .trim()
            .to_owned()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("kring {args:?} printed no JSON ({e}): {out}"))
    }

    pub fn digest(&self) -> String {
        self.ok(&["digest"]).trim().to_owned()
    }

    /// Runs a command that must fail with one line on stderr containing `expected`, and leave the
    /// store exactly as it was.
    pub fn fails(&self, args: &[&str], expected: &str) {
        let before = self.snapshot();
        let run = self.run(args);
        assert_ne!(
            run.code, 0,
            "kring {args:?} should fail but printed {}",
            run.stdout
        );
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "one line on stderr for {args:?}, got: {}",
            run.stderr
        );
        assert!(
            lines[0].contains(expected),
            "stderr for {args:?} should mention '{expected}': {}",
            lines[0]
        );
        assert_eq!(
            self.snapshot(),
            before,
            "a failed command must leave the store unchanged: {args:?}"
        );
    }

    /// Everything a user can see of the store: cards with their details, follow-ups, the digest.
    pub fn snapshot(&self) -> String {
        let cards = self.run(&["card", "list", "--json"]).stdout;
        let follow_ups = self.run(&["follow-ups", "--json"]).stdout;
        let digest = self.run(&["digest"]).stdout;
        let mut details = String::new();
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&cards) {
            for item in items {
                let id = item["id"].as_str().unwrap_or_default().to_owned();
                let mut detail: Value =
                    serde_json::from_str(&self.run(&["card", "show", &id, "--json"]).stdout)
                        .unwrap_or(Value::Null);
                // "Going cold" depends on the clock, not on the store.
                for list in ["relationships", "acquaintances"] {
                    if let Some(items) = detail.get_mut(list) {
                        for item in items.as_array_mut().into_iter().flatten() {
                            item.as_object_mut().map(|o| o.remove("going_cold"));
                        }
                    }
                }
                details.push_str(&detail.to_string());
            }
        }
        format!("{cards}{follow_ups}{digest}{details}")
    }
}

impl Kring {
    /// The way a member joins, with the real commands: the manager (`self`) writes an
    /// invitation, the member joins and exports, the manager imports (the bundle is held) and
    /// approves the member's fingerprint, which merges what was held.
    pub fn enrol(&self, member: &Kring, role: &str) {
        let folder = tempfile::tempdir().expect("temporary folder");
        let invitation = folder.path().join("invitation.json");
        self.ok(&[
            "invite",
            "--out",
            invitation.to_str().unwrap(),
            "--role",
            role,
        ]);
        member.ok(&["join", invitation.to_str().unwrap()]);
        let first = folder.path().join("first.kring");
        member.ok(&["export", "--full", "--out", first.to_str().unwrap()]);
        let held = self.ok(&["import", first.to_str().unwrap()]);
        assert!(held.contains("held, not merged"), "{held}");
        let me = member.json(&["members", "--json"]);
        let fingerprint = me
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["is_me"] == true)
            .expect("the member's own entry")["fingerprint"]
            .as_str()
            .unwrap()
            .replace(' ', "");
        let approved = self.ok(&["approve", &fingerprint, "--role", role]);
        assert!(approved.contains("approved"), "{approved}");
    }
}

/// Enrols each member with the manager, then hands every member the manager's master (the
/// roster), so they also accept each other's bundles.
pub fn one_organisation(manager: &Kring, members: &[(&Kring, &str)]) {
    for (member, role) in members {
        manager.enrol(member, role);
    }
    let folder = tempfile::tempdir().expect("temporary folder");
    let master = folder.path().join("roster.kring");
    manager.ok(&["export", "--full", "--out", master.to_str().unwrap()]);
    for (member, _) in members {
        member.ok(&["import", master.to_str().unwrap()]);
    }
}

//! Erasure under random histories (issue #15, "done when" 1): a manager and two networkers add
//! people, rename them, write notes, meet them, relate to them, export bundles and import each
//! other's in random orders, while the manager forgets people at random moments. After a few
//! settling rounds every store holds the same shared records (equal digests), no store holds
//! anything of a forgotten person (their name token is in no record, no history, no search), and
//! re-importing every bundle ever written, most of them made before a forget, revives nothing.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::crdt::RecordState;
use kring_core::model::{InteractionKind, Person, RecordId, Role};
use kring_core::store::Store;
use proptest::prelude::*;
use std::path::PathBuf;

mod common;

const MANAGER: usize = 0;
const REPLICAS: usize = 3;

#[derive(Clone, Debug)]
enum Step {
    Add { replica: usize },
    Rename { replica: usize, card: usize },
    Note { replica: usize, card: usize },
    Meet { replica: usize, a: usize, b: usize },
    Relate { replica: usize, card: usize },
    Export { replica: usize, full: bool },
    Import { replica: usize, bundle: usize },
    Forget { card: usize },
}

fn step() -> impl Strategy<Value = Step> {
    let replica = 0..REPLICAS;
    let card = 0usize..12;
    prop_oneof![
        3 => replica.clone().prop_map(|replica| Step::Add { replica }),
        1 => (replica.clone(), card.clone()).prop_map(|(replica, card)| Step::Rename { replica, card }),
        2 => (replica.clone(), card.clone()).prop_map(|(replica, card)| Step::Note { replica, card }),
        2 => (replica.clone(), card.clone(), card.clone()).prop_map(|(replica, a, b)| Step::Meet { replica, a, b }),
        1 => (replica.clone(), card.clone()).prop_map(|(replica, card)| Step::Relate { replica, card }),
        3 => (replica.clone(), any::<bool>()).prop_map(|(replica, full)| Step::Export { replica, full }),
        4 => (replica, 0usize..64).prop_map(|(replica, bundle)| Step::Import { replica, bundle }),
        2 => card.prop_map(|card| Step::Forget { card }),
    ]
}

/// A person: their card and the token every text about them carries.
struct Known {
    id: RecordId,
    token: String,
}

struct Bundle {
    path: PathBuf,
    author: usize,
}

/// Every text of a record's values and set elements.
fn texts(state: &RecordState) -> String {
    let mut out = String::new();
    for register in state.fields.values() {
        for version in register.versions() {
            out.push_str(&String::from_utf8_lossy(&version.value));
        }
    }
    for set in state.sets.values() {
        for (element, _) in set.elements() {
            out.push_str(&String::from_utf8_lossy(element));
        }
    }
    out
}

/// Where a store still holds a text: records, their history, search.
fn mentions(store: &Store, token: &str, id: RecordId) -> Result<Vec<String>, TestCaseError> {
    let mut found = Vec::new();
    store
        .for_each_state(|state| {
            let text = texts(&state);
            if text.contains(token) || (RecordId(state.id) == id) || text.contains(&id.to_string())
            {
                found.push(format!("{} {}", state.kind, state.id));
            }
            for (field, _, value) in store.history(RecordId(state.id))? {
                if value.to_string().contains(token) {
                    found.push(format!("history of {} {field}", state.id));
                }
            }
            Ok(())
        })
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    if !store
        .search(&token.to_lowercase(), 5)
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .is_empty()
    {
        found.push("search".into());
    }
    Ok(found)
}

fn forget_records_only(found: &[String]) -> bool {
    found.iter().all(|f| f.starts_with("forget "))
}

struct World {
    dir: tempfile::TempDir,
    stores: Vec<Store>,
    people: Vec<Known>,
    forgotten: Vec<usize>,
    bundles: Vec<Bundle>,
    now: DateTime<Utc>,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
        let stores: Vec<Store> = [
            ("Mia", Role::Manager),
            ("An", Role::Networker),
            ("Bert", Role::Networker),
        ]
        .into_iter()
        .map(|(name, role)| common::open_initialised(&dir.path().join(name), name, role, now))
        .collect();
        common::one_organisation(&[&stores[0], &stores[1], &stores[2]], now);
        let mut world = World {
            dir,
            stores,
            people: Vec::new(),
            forgotten: Vec::new(),
            bundles: Vec::new(),
            now,
        };
        world.settle().unwrap();
        world
    }

    fn tick(&mut self) -> DateTime<Utc> {
        self.now += Duration::minutes(1);
        self.now
    }

    fn card(&self, index: usize) -> Option<&Known> {
        if self.people.is_empty() {
            None
        } else {
            self.people.get(index % self.people.len())
        }
    }

    /// Whether a store holds a live card (edits of cards it never got are skipped).
    fn has(&self, replica: usize, id: RecordId) -> bool {
        matches!(self.stores[replica].state(id), Ok(Some(state)) if !state.is_deleted())
    }

    fn export(&mut self, replica: usize, full: bool) -> Result<usize, TestCaseError> {
        let now = self.tick();
        let path = self
            .dir
            .path()
            .join(format!("{}.kring", self.bundles.len()));
        self.stores[replica]
            .export_bundle(&path, full, now)
            .map_err(|e| TestCaseError::fail(format!("export: {e}")))?;
        self.bundles.push(Bundle {
            path,
            author: replica,
        });
        Ok(self.bundles.len() - 1)
    }

    /// Imports a bundle where its sealing lets it go: a networker's to the manager, the
    /// manager's master to the networkers.
    fn import(&mut self, replica: usize, bundle: usize) -> Result<(), TestCaseError> {
        let author = self.bundles[bundle].author;
        let allowed = if author == MANAGER {
            replica != MANAGER
        } else {
            replica == MANAGER
        };
        if !allowed {
            return Ok(());
        }
        let now = self.tick();
        let path = self.bundles[bundle].path.clone();
        self.stores[replica]
            .import_bundles(&[path], false, now)
            .map_err(|e| TestCaseError::fail(format!("import of bundle {bundle}: {e}")))?;
        Ok(())
    }

    /// Two rounds: every networker to the manager, the master back.
    fn settle(&mut self) -> Result<(), TestCaseError> {
        for _ in 0..2 {
            for replica in 1..REPLICAS {
                let bundle = self.export(replica, false)?;
                self.import(MANAGER, bundle)?;
            }
            let master = self.export(MANAGER, false)?;
            for replica in 1..REPLICAS {
                self.import(replica, master)?;
            }
        }
        Ok(())
    }

    fn apply(&mut self, step: Step) -> Result<(), TestCaseError> {
        let fail = |e: &dyn std::fmt::Display| TestCaseError::fail(format!("{step:?}: {e}"));
        match step.clone() {
            Step::Add { replica } => {
                let now = self.tick();
                let token = format!("TOKEN{:03}Z", self.people.len());
                let id = self.stores[replica]
                    .create(
                        &Person {
                            display_name: format!("Persoon {token}"),
                            emails: vec![format!("{}@voorbeeld.be", token.to_lowercase())],
                            ..Person::default()
                        },
                        None,
                        now,
                    )
                    .map_err(|e| fail(&e))?;
                self.people.push(Known { id, token });
            }
            Step::Rename { replica, card } => {
                let Some(known) = self.card(card) else {
                    return Ok(());
                };
                let (id, token) = (known.id, known.token.clone());
                if !self.has(replica, id) {
                    return Ok(());
                }
                let now = self.tick();
                self.stores[replica]
                    .set_fields(
                        id,
                        &[(
                            "display_name".into(),
                            format!("{token} hernoemd {}", now.timestamp()),
                        )],
                        now,
                    )
                    .map_err(|e| fail(&e))?;
            }
            Step::Note { replica, card } => {
                let Some(known) = self.card(card) else {
                    return Ok(());
                };
                let (id, token) = (known.id, known.token.clone());
                if !self.has(replica, id) {
                    return Ok(());
                }
                let now = self.tick();
                self.stores[replica]
                    .add_note(id, &format!("{token} fietst graag"), None, now)
                    .map_err(|e| fail(&e))?;
            }
            Step::Meet { replica, a, b } => {
                let (Some(a), Some(b)) = (self.card(a), self.card(b)) else {
                    return Ok(());
                };
                let mut with = vec![a.id, b.id];
                with.dedup();
                if !with.iter().all(|id| self.has(replica, *id)) {
                    return Ok(());
                }
                let now = self.tick();
                self.stores[replica]
                    .log_interaction(
                        &LogRequest {
                            with,
                            kind: InteractionKind::Meeting,
                            at: now.fixed_offset(),
                            summary: "Overleg".into(),
                            outcomes: vec![],
                            follow_up: Some(("Verslag sturen".into(), now.date_naive())),
                            visibility: None,
                        },
                        now,
                    )
                    .map_err(|e| fail(&e))?;
            }
            Step::Relate { replica, card } => {
                let Some(known) = self.card(card) else {
                    return Ok(());
                };
                let id = known.id;
                if !self.has(replica, id) {
                    return Ok(());
                }
                let now = self.tick();
                self.stores[replica]
                    .relate(
                        id,
                        &RelateRequest {
                            strength: Some(3),
                            cadence_days: Some(30),
                            ..RelateRequest::default()
                        },
                        now,
                    )
                    .map_err(|e| fail(&e))?;
            }
            Step::Export { replica, full } => {
                self.export(replica, full)?;
            }
            Step::Import { replica, bundle } => {
                if !self.bundles.is_empty() {
                    let bundle = bundle % self.bundles.len();
                    self.import(replica, bundle)?;
                }
            }
            Step::Forget { card } => {
                if self.people.is_empty() {
                    return Ok(());
                }
                let index = card % self.people.len();
                let id = self.people[index].id;
                if self.forgotten.contains(&index) || !self.has(MANAGER, id) {
                    return Ok(());
                }
                let now = self.tick();
                self.stores[MANAGER]
                    .forget(id, "Art. 17, verzoek", now)
                    .map_err(|e| fail(&e))?;
                self.forgotten.push(index);
            }
        }
        Ok(())
    }

    fn digests(&self) -> Result<Vec<String>, TestCaseError> {
        self.stores
            .iter()
            .map(|s| s.digest().map_err(|e| TestCaseError::fail(e.to_string())))
            .collect()
    }

    fn check_forgotten(&self, when: &str) -> Result<(), TestCaseError> {
        for &index in &self.forgotten {
            let known = &self.people[index];
            for (replica, store) in self.stores.iter().enumerate() {
                let found = mentions(store, &known.token, known.id)?;
                prop_assert!(
                    forget_records_only(&found),
                    "{when}: store {replica} still holds {} ({}): {found:?}",
                    known.token,
                    known.id
                );
            }
        }
        Ok(())
    }
}

fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut world = World::new();
    for step in steps {
        world.apply(step)?;
    }
    world.settle()?;
    let digests = world.digests()?;
    prop_assert!(
        digests.iter().all(|d| *d == digests[0]),
        "every replica converges: {digests:?}"
    );
    world.check_forgotten("after settling")?;

    // Every bundle ever written, again, wherever it may go, and one more master.
    for bundle in 0..world.bundles.len() {
        for replica in 0..REPLICAS {
            world.import(replica, bundle)?;
        }
    }
    world.check_forgotten("after re-importing every old bundle")?;
    prop_assert_eq!(
        world.stores[MANAGER]
            .digest()
            .map_err(|e| TestCaseError::fail(e.to_string()))?,
        digests[0].clone(),
        "old bundles bring nothing back to the manager"
    );
    world.settle()?;
    let after = world.digests()?;
    prop_assert!(
        after.iter().all(|d| *d == digests[0]),
        "old bundles revive nothing anywhere: {after:?}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, max_shrink_iters: 32, .. ProptestConfig::default() })]

    #[test]
    fn replicas_with_forgets_interleaved_converge_hold_nothing_of_the_forgotten_and_old_bundles_revive_nothing(
        steps in proptest::collection::vec(step(), 8..36),
    ) {
        run(steps)?;
    }
}

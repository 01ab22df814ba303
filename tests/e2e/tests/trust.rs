//! The trust model in the real app: a colleague's file carrying changes outside her rights (a
//! goal renamed, which only a Manager of the Network may do) is merged without them, and the app
//! says which changes it refused, at the import and later in Members. The stores and the forged
//! file are made with kring-core before the app opens the manager's store, as an attacker with
//! the colleague's laptop (or an old Kring) would make them.

mod common;

use chrono::Duration;
use common::{an_hour_ago, enrol, hand_master, koen_and_an, store};
use kring_core::clock::{Hlc, NodeId, Stamp};
use kring_core::manager::Goal;
use kring_core::model::Role;
use kring_core::sync::bundle;
use kring_e2e::{run, Session};
use std::path::PathBuf;

/// Koen's store (where the app will open it) with a goal, An enrolled, and An's file renaming
/// the goal, signed with An's own key.
fn forged_rename(session: &Session) -> PathBuf {
    let now = an_hour_ago();
    let (koen, an) = koen_and_an(session, now);
    let goal = koen
        .create_goal(
            &Goal {
                name: "Haven 2030".into(),
                ..Goal::default()
            },
            None,
            now,
        )
        .unwrap();
    hand_master(session, &koen, &an, now);

    // An's own store refuses the rename; the forgery writes it into her file by hand.
    let later = now + Duration::minutes(5);
    let mut renamed = an.state(goal).unwrap().unwrap();
    renamed.write(
        "name",
        serde_json::to_vec("Verkocht").unwrap(),
        Stamp {
            hlc: Hlc {
                millis: later.timestamp_millis() as u64,
                counter: 0,
            },
            node: an.node_id(),
        },
    );
    let template = session.folder().join("an-template.kring");
    an.export_bundle_with(&template, true, true, later).unwrap();
    let (header, _) = an.open_bundle(&template).unwrap().read_all().unwrap();
    let forged = session.folder().join("an-forged.kring");
    bundle::write_bundle(&forged, header, vec![renamed], &an.signing_key().unwrap()).unwrap();
    forged
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_colleagues_change_outside_her_rights_is_refused_and_named_at_the_import_and_in_members() {
    run("trust_refused", |session: Session| async move {
        let forged = forged_rename(&session);

        let koen = session.launch("koen").await;
        koen.click("nav-sync").await;
        koen.type_into("import-path", &forged.to_string_lossy())
            .await;
        koen.click("import-run").await;
        let refused = koen.wait_text("refused-writes", "1 change refused").await;
        assert!(
            refused.contains("An Peeters"),
            "the refusal names the writer: {refused:?}"
        );
        koen.js(
            "document.querySelector('[data-testid=\"refused-writes\"] details').open = true; \
                 document.querySelector('[data-testid=\"refused-writes\"]').scrollIntoView()",
        )
        .await;
        let row = koen.wait_text("refused-write", "goal").await;
        assert!(
            row.contains("Manager of the Network"),
            "the row says why: {row:?}"
        );
        koen.js("document.querySelector('[data-testid=\"refused-writes\"]').scrollIntoView({block: 'center'})")
            .await;
        // Let the scroll settle before the picture.
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        koen.screenshot("trust-01-import-refused").await;

        // The goal keeps its name.
        koen.click("nav-goals").await;
        koen.wait_text("goal-row", "Haven 2030").await;

        // Members keeps the refusal for later.
        koen.click("nav-members").await;
        let log = koen.wait_text("refusal", "1 change refused").await;
        assert!(
            log.contains("An Peeters"),
            "the log names the file's author: {log:?}"
        );
        koen.js(
            "document.querySelector('[data-testid=\"refusal\"] details').open = true; \
                 document.querySelector('[data-testid=\"members-refusals\"]').scrollIntoView()",
        )
        .await;
        koen.screenshot("trust-02-members-refusal-log").await;
    });
}

/// Koen's store where two people's stores claim one earlier node: Koen enrolled An's restored
/// store with its claim on the node her old laptop wrote under, while Mo, the second manager,
/// enrolled Bert's store with a claim on the same node; Mo's master then reached Koen.
fn two_claims_on_one_node(session: &Session) -> NodeId {
    let now = an_hour_ago();
    let (koen, an) = koen_and_an(session, now);
    let mo = store(
        &session.folder().join("mo-store"),
        "Mo Janssens",
        Role::Manager,
        now,
    );
    enrol(&koen, &mo, Role::Manager, now);
    hand_master(session, &koen, &mo, now);
    let bert = store(
        &session.folder().join("bert-store"),
        "Bert Claes",
        Role::Networker,
        now,
    );
    let old_laptop = NodeId(0x0a0b_0c0d_0e0f_1011);
    let mut an_identity = an.identity().unwrap();
    an_identity.earlier_nodes = vec![old_laptop.to_string()];
    koen.enrol(&an_identity, Role::Networker, now).unwrap();
    let mut bert_identity = bert.identity().unwrap();
    bert_identity.earlier_nodes = vec![old_laptop.to_string()];
    mo.enrol(&bert_identity, Role::Networker, now).unwrap();
    let from_mo = session.folder().join("mo.kring");
    mo.export_bundle(&from_mo, true, now).unwrap();
    koen.import_bundles(&[from_mo], false, now).unwrap();
    assert!(koen.roster().unwrap().writer_entry(old_laptop).is_none());
    old_laptop
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_node_two_people_claim_is_shown_contested_and_the_manager_drops_the_wrong_claim() {
    run("trust_contested_claim", |session: Session| async move {
        let old_laptop = two_claims_on_one_node(&session).to_string();

        let koen = session.launch("koen").await;
        koen.click("nav-members").await;
        let warnings = koen
            .wait_texts("roster-contested-node", "two warnings", |texts| {
                texts.len() == 2
            })
            .await;
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("Bert Claes") && w.contains(&old_laptop)),
            "An's row names Bert's claim: {warnings:?}"
        );
        koen.js(
            "document.querySelectorAll('[data-testid=\"roster-member\"]')[0].scrollIntoView({block: 'center'})",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        koen.screenshot("trust-03-contested-claim").await;

        // Bert's claim is the wrong one: his row's button.
        koen.js(
            "[...document.querySelectorAll('[data-testid=\"roster-member\"]')] \
                 .find((row) => row.querySelector('strong').textContent === 'Bert Claes') \
                 .querySelector('[data-testid=\"drop-claim\"]').click()",
        )
        .await;
        let question = koen.wait_text("drop-claim-confirm", "Bert Claes").await;
        assert!(question.contains(&old_laptop), "{question:?}");
        koen.screenshot("trust-04-drop-claim-asked").await;
        koen.click("drop-claim-run").await;
        koen.wait_gone("roster-contested-node").await;
        let earlier = koen.texts("roster-earlier-nodes").await;
        assert_eq!(
            earlier.len(),
            1,
            "An's store still names the node, Bert's no longer: {earlier:?}"
        );
        koen.screenshot("trust-05-claim-dropped").await;
    });
}

//! Two colleagues change the same fields of the same cards at once: the merge keeps both values,
//! and the Manager of the Network settles them in Review, which names each field and value in
//! his language ("Functietitel", "Kennis", not `job_title` and `knowledge`) and each value's
//! writer by name. The stores and the networker's file are made with kring-core; the app opens
//! the manager's store afterwards.

mod common;

use chrono::Duration;
use common::{an_hour_ago, hand_master, koen_and_an};
use kring_core::model::{Organisation, Person};
use kring_e2e::steps::on_screen;
use kring_e2e::{run, Session};

/// Koen's store (where the app will open it) holding Els Maes's card and the port's, each with
/// two values for a field: his own and An's, written a minute apart after both had the cards.
fn concurrent_edits(session: &Session) {
    let now = an_hour_ago();
    let (koen, an) = koen_and_an(session, now);
    let els = koen
        .create(
            &Person {
                display_name: "Els Maes".into(),
                job_title: Some("Beleidsmedewerker".into()),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    let port = koen
        .create(
            &Organisation {
                name: "Haven van Gent".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    hand_master(session, &koen, &an, now);

    let set = |store: &kring_core::store::Store, id, field: &str, value: &str, minutes| {
        store
            .set_fields(
                id,
                &[(field.into(), value.into())],
                now + Duration::minutes(minutes),
            )
            .unwrap();
    };
    set(&koen, els, "job_title", "Diensthoofd", 5);
    set(&koen, port, "sector", "public", 5);
    set(&an, els, "job_title", "Afdelingshoofd", 6);
    set(&an, port, "sector", "knowledge", 6);
    let delta = session.folder().join("an-delta.kring");
    an.export_bundle(&delta, false, now + Duration::minutes(7))
        .unwrap();
    let report = koen
        .import_bundles(&[delta], false, now + Duration::minutes(8))
        .unwrap();
    assert_eq!(report.new_conflicts, 2, "{report:?}");
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn two_colleagues_edits_of_one_field_are_settled_in_review_in_the_managers_language() {
    run("conflicts_review", |session: Session| async move {
        concurrent_edits(&session);

        let koen = session.launch_in("koen", "nl").await;
        koen.click("nav-review").await;
        on_screen(&koen, "review").await;
        let fields = koen
            .wait_texts("conflict-field", "both conflicting fields", |t| {
                t.len() == 2
            })
            .await;
        let job = fields
            .iter()
            .find(|t| t.contains("Functietitel"))
            .unwrap_or_else(|| panic!("the job title by its Dutch label: {fields:?}"));
        assert!(
            job.contains("Afdelingshoofd") && job.contains("Diensthoofd"),
            "both values are kept: {job}"
        );
        assert!(
            job.contains("An Peeters") && job.contains("Koen De Smet"),
            "each value's writer by name, not by node: {job}"
        );
        let sector = fields
            .iter()
            .find(|t| t.contains("Sector"))
            .unwrap_or_else(|| panic!("the sector: {fields:?}"));
        assert!(
            sector.contains("Kennis") && sector.contains("Publiek"),
            "the sectors in words: {sector}"
        );
        for code in ["job_title", "job title", "knowledge", "public"] {
            assert!(
                !fields.iter().any(|t| t.contains(code)),
                "no code {code:?} on the screen: {fields:?}"
            );
        }
        koen.screenshot("conflicts-01-review-nl").await;

        // Koen takes his own job title back; the sector stays to be settled.
        koen.wait_css(
            "[data-testid=conflict-field][data-field=job_title] [data-testid=conflict-take]",
            "the job title's other value",
        )
        .await
        .click()
        .await
        .expect("the other value's button is pressed");
        koen.wait_texts("conflict-field", "only the sector left", |t| {
            t.len() == 1 && t[0].contains("Sector")
        })
        .await;
        koen.screenshot("conflicts-02-one-settled").await;
    });
}

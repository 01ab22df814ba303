//! Contacts in and out of the app end to end (issue 7's screens): a LinkedIn CSV previewed and
//! imported from the Sync screen, the people found in the card list, re-importing changing
//! nothing, and vCards and the follow-up calendar written to files a calendar and an address book
//! can read.

use kring_e2e::steps::{first_run, on_screen, Role};
use kring_e2e::{run, workspace_root, Session};

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_linkedin_export_imports_from_the_sync_screen_and_the_cards_go_out_as_vcards_and_a_calendar() {
    run("contacts", |session: Session| async move {
        let app = session.launch("contacts").await;
        first_run(
            &app,
            Role::Networker,
            "Sofie Van Aken",
            "sofie.vanaken@stad.gent",
            false,
        )
        .await;
        let csv =
            workspace_root().join("crates/kring-interop/tests/fixtures/linkedin_connections.csv");
        app.click("nav-sync").await;
        on_screen(&app, "sync").await;
        app.type_into("contacts-path", &csv.display().to_string())
            .await;
        app.click("contacts-preview").await;
        let preview = app.wait_text("contacts-preview-result", "Would read").await;
        assert!(
            preview.to_lowercase().contains("linkedin"),
            "the preview names the CSV it recognised: {preview}"
        );
        app.screenshot("30-contacts-preview").await;
        app.click("contacts-import").await;
        let result = app.wait_text("contacts-result", "new people").await;
        assert!(
            !result.contains(" 0 new people"),
            "importing a LinkedIn export adds people: {result}"
        );
        app.screenshot("31-contacts-imported").await;

        // The people are cards now, accents and all.
        app.click("nav-cards").await;
        app.type_into("card-search", "Peeters").await;
        app.wait_text("card-row", "Sofie Peeters").await;

        // A second import of the same file finds everyone known.
        app.click("nav-sync").await;
        app.type_into("contacts-path", &csv.display().to_string())
            .await;
        app.click("contacts-import").await;
        app.wait_text("contacts-result", " 0 new people").await;

        let vcards = session.folder().join("out/contacts.vcf");
        let calendar = session.folder().join("out/follow-ups.ics");
        std::fs::create_dir_all(vcards.parent().unwrap()).unwrap();
        // The import's toast sits over the export buttons until it fades. It may show only after
        // the result line does, so wait for it to come first, then to go.
        app.wait_text("toast", "from your contacts").await;
        app.wait_gone("toast").await;
        app.type_into("vcard-path", &vcards.display().to_string())
            .await;
        app.click("vcard-export").await;
        app.wait("contacts-out").await;
        app.type_into("calendar-path", &calendar.display().to_string())
            .await;
        app.click("calendar-export").await;
        app.wait_text("contacts-out", "follow-up").await;
        let vcard_text = std::fs::read_to_string(&vcards).expect("the vCard file was written");
        assert!(vcard_text.starts_with("BEGIN:VCARD"), "a vCard file");
        assert!(
            vcard_text.contains("Sofie Peeters"),
            "the imported people are in the vCards"
        );
        let calendar_text =
            std::fs::read_to_string(&calendar).expect("the calendar file was written");
        assert!(
            calendar_text.starts_with("BEGIN:VCALENDAR"),
            "an iCalendar file"
        );
        app.screenshot("32-contacts-exported").await;
    });
}

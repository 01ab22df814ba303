//! Logging a meeting from a file end to end (issue 19's app half): "Log from file…" in the real
//! window reads an Outlook invitation with two known attendees (one written in capitals, one as
//! "Surname, Given name") and one unknown, the review shows them, one confirmation logs the
//! meeting, and it is on the card. A file that is no meeting or e-mail is refused in words.
//!
//! The file dialog cannot be driven under WebDriver, so the test types the path into the
//! dialog's files field, as the other tests do for Open and Save as; the drop is the webview's
//! own drag events, emitted from the page (`lib/drop.ts` listens to them).

use kring_e2e::steps::{add_person, click_with_text, first_run, Role};
use kring_e2e::{run, workspace_root, Session};

const SUBJECT: &str = "Overleg kaaimuren Scheldekaaien";

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn an_outlook_invitation_is_reviewed_and_logged_from_file_and_shows_on_the_card() {
    run("capture", |session: Session| async move {
        let app = session.launch("capture").await;
        // The owner organised the meeting: her own address is left out, not offered as unknown.
        first_run(
            &app,
            Role::Networker,
            "An Peeters",
            "an.peeters@antwerpen.be",
            false,
        )
        .await;
        add_person(
            &app,
            "Jan Janssens",
            "jan.janssens@portofantwerpbruges.com",
            None,
        )
        .await;
        add_person(
            &app,
            "Marie Dubois",
            "marie.dubois@omgeving.vlaanderen.be",
            None,
        )
        .await;

        // A file that is no meeting or e-mail: named with the problem, nothing to confirm.
        let photo = session.folder().join("holiday.jpg");
        std::fs::write(&photo, b"\xff\xd8\xff not a meeting").unwrap();
        app.wait_gone("toast").await;
        app.click("log-from-file").await;
        app.type_into("capture-path", &photo.display().to_string())
            .await;
        app.click("capture-read").await;
        let problem = app.wait_text("capture-file-error", "holiday.jpg").await;
        assert!(
            problem.contains("(.ics)") && problem.contains("Nothing was logged"),
            "the refusal says what Kring reads and that nothing changed: {problem}"
        );
        assert!(!app.present("capture-confirm").await, "nothing to confirm");
        app.screenshot("40-capture-refused").await;
        // A path was typed: Esc asks before throwing it away.
        app.press(fantoccini::key::Key::Escape).await;
        app.click("discard-yes").await;
        app.wait_gone("capture-dialog").await;

        // The invitation: two known people and one address no card has.
        let invitation = workspace_root()
            .join("crates/kring-interop/tests/fixtures/capture/outlook_invitation.ics");
        app.click("log-from-file").await;
        app.type_into("capture-path", &invitation.display().to_string())
            .await;
        app.click("capture-read").await;
        let item = app.wait_text("capture-item", SUBJECT).await;
        assert!(
            item.contains("12 Mar 2024"),
            "the date of the meeting is shown: {item}"
        );
        let people = app.texts("capture-person").await;
        assert_eq!(people.len(), 2, "Jan and Marie are matched: {people:?}");
        assert!(people[0].contains("Jan Janssens"), "{people:?}");
        assert!(people[1].contains("Marie Dubois"), "{people:?}");
        assert!(
            item.contains("koen.claes@deltaconsult.be"),
            "the third attendee is offered as unknown: {item}"
        );
        assert!(
            !item.contains("an.peeters@antwerpen.be"),
            "the owner's own address is not: {item}"
        );
        app.screenshot("41-capture-review").await;

        app.click("capture-confirm").await;
        app.wait_gone("capture-dialog").await;
        let toast = app.wait_text("toast", "Logged 1 meeting").await;
        assert!(
            toast.contains("Jan Janssens") && toast.contains("Marie Dubois"),
            "the toast names who it was logged with: {toast}"
        );

        // On Jan's card: the meeting, in his timeline.
        app.click("nav-cards").await;
        click_with_text(&app, "card-row", "Jan Janssens").await;
        app.wait_text("card-detail-name", "Jan Janssens").await;
        let logged = app.wait_text("timeline-item", SUBJECT).await;
        assert!(
            logged.to_lowercase().contains("meeting"),
            "logged as a meeting: {logged}"
        );
        app.screenshot("42-capture-on-the-card").await;

        // Dropping the same invitation on the window: the overlay shows while it is dragged over,
        // the drop opens the review, and it adds nothing (it was logged before). The drag events
        // are the ones the webview sends (`tauri://drag-enter`, `tauri://drag-drop`), emitted here
        // from the page: WebDriver cannot drag a file from the desktop.
        let paths = serde_json::to_string(&[invitation.display().to_string()]).unwrap();
        let drag = |event: &str| {
            format!(
                "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {{ event: 'tauri://{event}', \
                 payload: {{ paths: {paths}, position: {{ x: 640, y: 400 }} }} }}); return true"
            )
        };
        app.js(&drag("drag-enter")).await;
        let overlay = app.wait("drop-overlay").await;
        let text = overlay.text().await.unwrap();
        assert!(
            text.contains("Drop to log meetings and e-mails"),
            "the overlay says what a drop does: {text}"
        );
        app.screenshot("43-capture-drop-overlay").await;
        app.js(&drag("drag-drop")).await;
        app.wait_gone("drop-overlay").await;
        app.wait_text("capture-skipped", "already logged").await;
        assert!(
            !app.present("capture-confirm").await,
            "nothing to log again"
        );
        app.screenshot("44-capture-dropped-again").await;
        app.click("capture-cancel").await;
        app.wait_gone("capture-dialog").await;

        // A Google calendar export dropped: a list with select-all, the meetings with nobody
        // Kring knows listed as skipped with why.
        let export = workspace_root()
            .join("crates/kring-interop/tests/fixtures/capture/google_calendar_export.ics");
        let paths = serde_json::to_string(&[export.display().to_string()]).unwrap();
        app.js(&format!(
            "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {{ event: 'tauri://drag-drop', \
             payload: {{ paths: {paths}, position: {{ x: 640, y: 400 }} }} }}); return true"
        ))
        .await;
        app.wait("capture-select-all").await;
        let items = app.texts("capture-item").await;
        assert!(
            items.len() >= 2
                && items
                    .iter()
                    .any(|i| i.contains("Kennismaking Havenbedrijf")),
            "the meetings with Jan or Marie are listed to log: {items:?}"
        );
        let skipped = app.texts("capture-skipped").await;
        assert!(
            skipped
                .iter()
                .any(|s| s.contains("Tandarts") && s.contains("no known stakeholder")),
            "a meeting with nobody Kring knows is skipped, with why: {skipped:?}"
        );
        app.screenshot("45-capture-calendar-export").await;
    });
}

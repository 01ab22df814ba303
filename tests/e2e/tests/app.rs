//! Kring's desktop app end to end: the real binary in a real window (Xvfb in CI), driven through
//! tauri-driver by the `data-testid`s the UI promises. Run them with `scripts/e2e.sh`; each test
//! starts the app on a fresh store. Screenshots land in `target/e2e-screenshots/`.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use kring_e2e::steps::{
    add_person, click_with_text, first_run, manager_with_demo, on_screen, Role,
};
use kring_e2e::{run, App, Session};

// ---- steps the tests share

async fn networker(app: &App) {
    first_run(
        app,
        Role::Networker,
        "Sofie Van Aken",
        "sofie.vanaken@stad.gent",
        false,
    )
    .await;
}

async fn add_organisation(app: &App, name: &str) {
    app.click("nav-cards").await;
    app.click("new-organisation").await;
    app.type_into("organisation-name", name).await;
    app.click("form-save").await;
    app.wait_gone("organisation-name").await;
    app.wait_text("toast", name).await;
}

/// The number in `card-count` ("2 cards", "2,000 cards" …).
async fn card_count(app: &App) -> u64 {
    let text = app
        .wait_texts("card-count", "a number of cards", |t| {
            t.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()))
        })
        .await
        .remove(0);
    number_in(&text)
}

fn number_in(text: &str) -> u64 {
    let digits: String = text
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

/// Waits until `card-count` says `n`.
async fn wait_card_count(app: &App, n: u64) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = card_count(app).await;
        if now == n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "card-count shows {now}, expected {n}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn search(app: &App, text: &str) {
    app.click("nav-cards").await;
    app.type_into("card-search", text).await;
}

/// The local date in the web view, as `<input type="date">` wants it.
async fn today_in_app(app: &App) -> String {
    app.js("const d = new Date(); return d.getFullYear() + '-' + \
         String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');")
        .await
        .as_str()
        .expect("a date")
        .to_string()
}

// ---- the tests

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn first_run_creates_a_networker_profile_and_opens_the_main_window() {
    run("first_run", |session: Session| async move {
        let app = session.launch("sofie").await;
        app.wait("first-run-submit").await;
        app.screenshot("01-first-run").await;

        networker(&app).await;
        on_screen(&app, "today").await;
        app.screenshot("02-today-empty").await;
        app.click("nav-cards").await;
        wait_card_count(&app, 0).await;
        assert!(
            app.all("card-row").await.is_empty(),
            "a fresh store lists no cards"
        );
        // The store is where KRING_STORE said, not in the user's own data folder.
        assert!(
            session.folder().join("sofie/store").is_dir(),
            "the app did not open its store at KRING_STORE"
        );
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn first_run_with_the_demo_network_lists_and_finds_its_cards() {
    run("first_run_demo", |session: Session| async move {
        let app =
            manager_with_demo(&session, "demo", "Koen De Smet", "koen.desmet@stad.gent").await;
        app.click("nav-cards").await;
        // Demo cards a colleague keeps private are not listed, so a little under 2,000 show.
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut total = card_count(&app).await;
        while total < 1500 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
            total = card_count(&app).await;
        }
        println!("the demo network lists {total} cards");
        assert!(
            total >= 1500,
            "the demo network has 2,000 cards, the count says {total}"
        );
        app.wait("card-row").await;
        app.screenshot("03-cards-list-demo").await;

        // Search for the first card's name: the list narrows and still holds it.
        let first = app.wait("card-row").await;
        let id = first
            .attr("data-id")
            .await
            .unwrap()
            .expect("card-row has data-id");
        let name = app
            .js(&format!(
                "return document.querySelector('[data-testid=\"card-row\"][data-id=\"{id}\"] .name')?.textContent ?? ''"
            ))
            .await
            .as_str()
            .unwrap_or("")
            .trim()
            .to_string();
        assert!(
            !name.is_empty(),
            "could not read the first card's name (`.name` inside `card-row`)"
        );
        search(&app, &name).await;
        let deadline = Instant::now() + Duration::from_secs(15);
        while card_count(&app).await >= total {
            assert!(
                Instant::now() < deadline,
                "searching {name:?} did not narrow the list"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let rows = app.all("card-row").await;
        let mut ids = Vec::new();
        for row in &rows {
            ids.push(row.attr("data-id").await.unwrap().unwrap_or_default());
        }
        assert!(
            ids.contains(&id),
            "searching {name:?} lost the card it was taken from"
        );
        app.screenshot("04-cards-search-demo").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_person_and_an_organisation_can_be_added_and_are_listed() {
    run("add_cards", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        add_organisation(&app, "Port of Antwerp-Bruges").await;
        wait_card_count(&app, 1).await;

        app.click("new-person").await;
        app.type_into("person-display-name", "Jan Peeters").await;
        app.type_into("person-email", "jan.peeters@portofantwerpbruges.com")
            .await;
        app.type_into("person-organisation", "Port").await;
        app.wait_text("organisation-option", "Port of Antwerp-Bruges")
            .await;
        app.screenshot("05-person-form").await;
        click_with_text(&app, "organisation-option", "Port of Antwerp-Bruges").await;
        app.click("form-save").await;
        app.wait_gone("person-display-name").await;
        app.wait_text("toast", "Jan Peeters").await;

        wait_card_count(&app, 2).await;
        let rows = app
            .wait_texts("card-row", "both cards", |t| {
                t.iter().any(|s| s.contains("Jan Peeters"))
                    && t.iter().any(|s| s.contains("Port of Antwerp-Bruges"))
            })
            .await;
        assert_eq!(rows.len(), 2, "two cards, two rows: {rows:?}");
        app.screenshot("06-cards-list").await;

        click_with_text(&app, "card-row", "Jan Peeters").await;
        app.wait_text("card-detail-name", "Jan Peeters").await;
        let page = app
            .js("return document.querySelector('main').innerText")
            .await;
        let page = page.as_str().unwrap_or("");
        assert!(
            page.contains("Port of Antwerp-Bruges"),
            "the person's card shows the organisation picked in the form"
        );
        assert!(
            page.contains("jan.peeters@portofantwerpbruges.com"),
            "and the email"
        );
        app.screenshot("07-card-detail").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_validation_error_shows_next_to_the_field_and_saves_nothing() {
    run("validation", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        app.click("nav-cards").await;
        wait_card_count(&app, 0).await;

        app.click("new-person").await;
        app.type_into("person-display-name", "Jan Peeters").await;
        app.type_into("person-email", "jan.peeters-at-port").await;
        app.click("form-save").await;
        let error = app.wait_text("field-error", "jan.peeters-at-port").await;
        assert!(
            error.contains("email"),
            "the error names the problem: {error:?}"
        );
        // Next to the field: the message sits in the email field's own box, nowhere else.
        let beside = app
            .js(
                "const input = document.querySelector('[data-testid=\"person-email\"]'); \
                 const box = input.closest('.field') ?? input.parentElement; \
                 return Array.from(document.querySelectorAll('[data-testid=\"field-error\"]')) \
                   .map(e => box.contains(e));",
            )
            .await;
        assert_eq!(
            beside,
            serde_json::json!([true]),
            "exactly one field error, inside the email field's box"
        );
        assert!(
            app.present("person-display-name").await,
            "the form stays open"
        );
        app.screenshot("08-validation-error").await;

        // Esc over typed input asks first; discarding closes the form.
        app.press(Key::Escape).await;
        app.wait_text("discard-confirm", "Discard changes?").await;
        assert!(
            app.present("person-display-name").await,
            "the form stays open while Kring asks"
        );
        app.click("discard-yes").await;
        app.wait_gone("person-display-name").await;
        wait_card_count(&app, 0).await;
        assert!(app.all("card-row").await.is_empty(), "nothing was saved");
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn an_interaction_with_a_follow_up_shows_on_the_card_and_under_today() {
    run("log_interaction", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        add_person(
            &app,
            "Jan Peeters",
            "jan.peeters@portofantwerpbruges.com",
            None,
        )
        .await;

        app.click("log-interaction").await;
        // The dialog starts with the open card (Jan's, just saved) as participant: take him out
        // again so the test picks him the way a user picks anyone, by typing.
        app.wait("log-summary").await;
        app.js(
            "document.querySelector('button[aria-label=\"Remove Jan Peeters\"]')?.click(); \
             return true",
        )
        .await;
        app.type_into("log-participant", "Jan").await;
        click_with_text(&app, "participant-option", "Jan Peeters").await;
        app.type_into(
            "log-summary",
            "Coffee about shore power at the Eurocities group",
        )
        .await;
        app.select("log-kind", "call").await;
        app.type_into("log-follow-up-text", "Send the draft partnership agreement")
            .await;
        let today = today_in_app(&app).await;
        app.set_value("log-follow-up-due", &today).await;
        app.screenshot("09-log-dialog").await;
        app.click("log-save").await;
        app.wait_gone("log-summary").await;
        app.wait_text("toast", "Jan Peeters").await;

        // On the card: the interaction in the timeline, the follow-up among its follow-ups.
        app.click("nav-cards").await;
        click_with_text(&app, "card-row", "Jan Peeters").await;
        app.wait_text("card-detail-name", "Jan Peeters").await;
        let item = app
            .wait_text("timeline-item", "Coffee about shore power")
            .await;
        assert!(
            item.to_lowercase().contains("call"),
            "the timeline shows the kind: {item:?}"
        );
        app.wait_text("follow-up-item", "Send the draft partnership agreement")
            .await;
        app.screenshot("10-card-detail-with-interaction").await;

        // Today: due today, so listed under the due follow-ups.
        app.click("nav-today").await;
        let due = app.wait("today-due").await;
        let text = due.text().await.unwrap();
        assert!(
            text.contains("Send the draft partnership agreement"),
            "today-due lists the follow-up: {text:?}"
        );
        app.screenshot("11-today").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn ctrl_l_opens_the_log_dialog() {
    run("ctrl_l", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        on_screen(&app, "today").await;
        assert!(
            !app.present("log-summary").await,
            "no dialog before the shortcut"
        );
        app.ctrl('l').await;
        app.wait("log-summary").await;
        app.wait("log-save").await;
        app.screenshot("12-log-dialog-ctrl-l").await;
        app.press(Key::Escape).await;
        app.wait_gone("log-summary").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn search_narrows_the_cards_list_to_the_matching_cards() {
    run("search", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        add_person(
            &app,
            "Jan Peeters",
            "jan.peeters@portofantwerpbruges.com",
            None,
        )
        .await;
        add_person(&app, "Els Maes", "els.maes@vlaanderen.be", None).await;
        add_person(&app, "Koen Wouters", "koen.wouters@gent.be", None).await;
        add_organisation(&app, "Stad Gent").await;
        wait_card_count(&app, 4).await;

        search(&app, "Maes").await;
        wait_card_count(&app, 1).await;
        let rows = app
            .wait_texts("card-row", "only Els Maes", |t| {
                t.len() == 1 && t[0].contains("Els Maes")
            })
            .await;
        assert_eq!(rows.len(), 1);
        app.screenshot("13-cards-search").await;

        search(&app, "nobody-is-called-this").await;
        wait_card_count(&app, 0).await;
        assert!(app.all("card-row").await.is_empty());

        search(&app, "").await;
        wait_card_count(&app, 4).await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_networker_joins_by_invitation_and_her_export_is_held_until_the_manager_approves_her() {
    run("export_import", |session: Session| async move {
        let invitation = session.folder().join("invitation.kring-invitation");
        let bundle = session.folder().join("sofie.kring");

        // Koen, the Manager of the Network, writes an invitation for a networker.
        let koen = session.launch("koen").await;
        first_run(
            &koen,
            Role::Manager,
            "Koen De Smet",
            "koen.desmet@stad.gent",
            false,
        )
        .await;
        koen.click("nav-members").await;
        let koen_fingerprint = koen.wait_text("my-fingerprint", " ").await;
        koen.select("invite-role", "networker").await;
        koen.type_into("invite-path", &invitation.to_string_lossy())
            .await;
        koen.click("invite-run").await;
        koen.wait_text("invite-result", "Invitation written").await;
        koen.wait_text("roster-member", "Koen De Smet").await;
        koen.screenshot("14-members-invitation-written").await;
        assert!(invitation.exists(), "the invitation was written");
        koen.close().await;

        // Sofie, a networker, joins with it and sees Koen's fingerprint to compare.
        let sofie = session.launch("sofie").await;
        networker(&sofie).await;
        sofie.click("nav-members").await;
        sofie
            .type_into("invitation-path", &invitation.to_string_lossy())
            .await;
        sofie.click("join-run").await;
        let joined = sofie.wait_text("joined", "Koen De Smet").await;
        assert!(
            joined.contains(koen_fingerprint.trim()),
            "the join shows the manager's fingerprint {koen_fingerprint:?}: {joined:?}"
        );
        sofie.wait_text("me-pending", "approval").await;
        sofie.screenshot("15-members-joined").await;

        // She adds a card and exports everything she shares.
        add_person(&sofie, "Els Maes", "els.maes@vlaanderen.be", None).await;
        sofie.click("nav-sync").await;
        sofie.click("export-full").await;
        let preview = sofie
            .wait_texts("export-preview", "a count of records", |t| {
                t.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()))
            })
            .await
            .remove(0);
        assert!(
            number_in(&preview) >= 1,
            "the preview counts Els's card: {preview:?}"
        );
        sofie
            .type_into("export-path", &bundle.to_string_lossy())
            .await;
        sofie.click("export-run").await;
        sofie.wait_text("export-result", "Exported").await;
        let sofie_fingerprint = {
            sofie.click("nav-members").await;
            sofie.wait_text("my-fingerprint", " ").await
        };
        sofie.close().await;

        // Koen imports it: Sofie is not a member yet, so her file is held, not merged.
        let koen = session.launch("koen").await;
        koen.click("nav-sync").await;
        koen.type_into("import-path", &bundle.to_string_lossy())
            .await;
        koen.click("import-run").await;
        let held = koen.wait_text("held-bundles", "Sofie Van Aken").await;
        assert!(
            held.contains(sofie_fingerprint.trim()),
            "the held file names Sofie's fingerprint {sofie_fingerprint:?}: {held:?}"
        );
        koen.js("document.querySelector('[data-testid=\"held-bundles\"]').scrollIntoView()")
            .await;
        koen.screenshot("16-sync-import-held").await;
        search(&koen, "Els Maes").await;
        wait_card_count(&koen, 0).await;

        // He compares fingerprints and approves her: the held file is merged.
        koen.click("nav-members").await;
        koen.wait_text("pending-member", "Sofie Van Aken").await;
        koen.screenshot("17-members-waiting-for-approval").await;
        koen.click("approve-member").await;
        koen.wait_text("approve-confirm", sofie_fingerprint.trim())
            .await;
        koen.click("approve-run").await;
        koen.wait_text("approve-result", "Sofie Van Aken is a member")
            .await;
        koen.wait_text("approve-result", "merged").await;
        koen.wait_texts("roster-member", "Sofie enrolled", |t| {
            t.iter()
                .any(|s| s.contains("Sofie Van Aken") && s.contains("Member"))
        })
        .await;
        koen.screenshot("18-members-approved").await;

        search(&koen, "Els Maes").await;
        click_with_text(&koen, "card-row", "Els Maes").await;
        koen.wait_text("card-detail-name", "Els Maes").await;
        koen.screenshot("19-imported-card").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn the_review_and_settings_screens_open() {
    run("review_settings", |session: Session| async move {
        let app = session.launch("sofie").await;
        networker(&app).await;
        add_person(
            &app,
            "Jan Peeters",
            "jan.peeters@portofantwerpbruges.com",
            None,
        )
        .await;
        app.click("nav-review").await;
        on_screen(&app, "review").await;
        app.screenshot("19-review").await;
        app.click("nav-settings").await;
        on_screen(&app, "settings").await;
        // The owner's name, as text or in the identity form.
        let text = app
            .js("const main = document.querySelector('main'); \
                 return main.innerText + ' ' + \
                   Array.from(main.querySelectorAll('input')).map(i => i.value).join(' ')")
            .await;
        assert!(
            text.as_str().unwrap_or("").contains("Sofie Van Aken"),
            "settings show the owner's name: {text}"
        );
        app.screenshot("20-settings").await;
    });
}

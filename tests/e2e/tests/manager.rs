//! The Manager of the Network end to end: the real app on the demo network — the dashboard, a
//! partnership review, an offboarding, the transparency register exported to a file, and a sync
//! through a shared folder. Run with `scripts/e2e.sh`; screenshots land in
//! `target/e2e-screenshots/manager-*.png`.

use std::path::Path;
use std::time::{Duration, Instant};

use kring_e2e::steps::{first_run, manager_with_demo, Role};
use kring_e2e::{run, App, Session};

/// Waits until at least `n` elements carry this `data-testid`.
async fn wait_count(app: &App, testid: &str, n: usize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = app.all(testid).await.len();
        if found >= n {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "expected at least {n} `{testid}`, found {found}; data-testids on screen: {}",
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The `.kring` files anywhere under a folder.
fn bundles_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "kring") {
                found.push(path);
            }
        }
    }
    found
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_manager_reads_the_dashboard_reviews_a_partnership_offboards_and_exports_the_register() {
    run("manager", |session: Session| async move {
        let app =
            manager_with_demo(&session, "manager", "Koen De Smet", "koen.desmet@stad.gent").await;

        // ---- Today: the partnership reviews due, and one opened from there
        app.click("nav-today").await;
        wait_count(&app, "review-reminder", 1).await;
        let name = app.texts("review-reminder-name").await[0].clone();
        app.screenshot("manager-00-today-reviews").await;
        app.all("review-reminder-open").await[0]
            .click()
            .await
            .expect("open the partnership of the first reminder");
        let open = app
            .wait_css(
                "[data-testid=partnership-row].active",
                "the partnership the reminder is about, selected",
            )
            .await;
        let open = open.text().await.unwrap_or_default();
        assert!(
            open.contains(name.trim()),
            "the reminder for {name:?} opened {open:?}"
        );

        // ---- the dashboard: eight KPI tiles and the monthly charts
        app.click("nav-dashboard").await;
        let tiles = wait_count(&app, "kpi-card", 8).await;
        assert_eq!(tiles, 8, "eight KPI tiles");
        wait_count(&app, "kpi-chart", 4).await;
        let texts = app.texts("kpi-card").await;
        assert!(
            texts.iter().any(|t| t.contains("Return-on-Relationship")),
            "a Return-on-Relationship tile: {texts:?}"
        );
        let active = texts
            .iter()
            .find(|t| t.contains("Active relationships"))
            .expect("an active relationships tile");
        assert!(
            active.chars().any(|c| c.is_ascii_digit() && c != '0'),
            "the demo network has active relationships: {active:?}"
        );
        app.screenshot("manager-01-dashboard").await;

        // ---- goals, teams and events of the demo network, each opened
        for (route, row, shot) in [
            ("goals", "goal-row", "manager-01b-goals"),
            ("teams", "team-row", "manager-01c-teams"),
            ("events", "event-row", "manager-01d-events"),
        ] {
            app.click(&format!("nav-{route}")).await;
            wait_count(&app, row, 1).await;
            app.all(row).await[0]
                .click()
                .await
                .unwrap_or_else(|e| panic!("open the first `{row}`: {e}"));
            tokio::time::sleep(Duration::from_millis(300)).await;
            app.screenshot(shot).await;
        }

        // ---- a partnership review: five scores, saved, the health follows
        app.click("nav-partnerships").await;
        wait_count(&app, "partnership-row", 1).await;
        app.all("partnership-row").await[0]
            .click()
            .await
            .expect("open the first partnership");
        app.click("partnership-review").await;
        for (field, score) in [
            ("values_based_leadership", "4"),
            ("sharing_credit", "5"),
            ("outcomes_for_communities", "4"),
            ("communication_and_listening", "3"),
            ("empowering_staff", "4"),
        ] {
            app.type_into(&format!("review-score-{field}"), score).await;
        }
        app.type_into(
            "review-notes",
            "Good follow-up of the agreements; tell the neighbourhoods more.",
        )
        .await;
        app.screenshot("manager-02-partnership-review-form").await;
        app.click("review-save").await;
        app.wait_gone("review-save").await;
        app.wait_text("toast", "Review saved: health 4.0").await;
        let health = app.texts("partnership-health").await;
        assert!(
            health.first().is_some_and(|h| h.contains("4.0")),
            "the reviewed partnership's health is the mean of the scores, 4.0: {health:?}"
        );
        app.screenshot("manager-03-partnership-reviewed").await;

        // ---- offboarding: the plan for a colleague, confirmed
        app.click("nav-offboarding").await;
        app.wait("offboard-networker").await;
        let leaver = app
            .js("const s = document.querySelector('[data-testid=\"offboard-networker\"]'); \
                 const o = Array.from(s.options).find(o => o.value && !o.disabled && !/\\(0 relationships/.test(o.text)); \
                 return o ? o.value : ''")
            .await
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(
            !leaver.is_empty(),
            "the demo network has a colleague to offboard"
        );
        app.select("offboard-networker", &leaver).await;
        let items = wait_count(&app, "offboard-plan-item", 1).await;
        app.screenshot("manager-04-offboarding-plan").await;
        app.click("offboard-confirm").await;
        app.click("offboard-apply").await;
        let result = app.wait_text("offboard-result", "is offboarded").await;
        println!("offboarded: {result} ({items} relationships in the plan)");
        // The colleague is marked as left: no longer offered.
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let offered = app
                .js(&format!(
                    "return Array.from(document.querySelector('[data-testid=\"offboard-networker\"]').options).some(o => o.value === '{leaver}')"
                ))
                .await;
            if offered.as_bool() == Some(false) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "a colleague who left is still offered for offboarding"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        app.screenshot("manager-05-offboarding-done").await;

        // ---- the transparency register, exported as CSV
        app.click("nav-transparency").await;
        // The demo's interactions span the last year: widen to it if this year holds none.
        app.set_value("transparency-from", "2020-01-01").await;
        app.click("transparency-show").await;
        // Seven years of a demo network: the register takes a moment in a debug build.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let count = app.texts("transparency-count").await;
            if count.iter().any(|t| t.contains("from 1 Jan 2020")) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the register was not read again for the wider period: {count:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let rows = wait_count(&app, "transparency-row", 1).await;
        app.screenshot("manager-06-transparency").await;
        let csv = session.folder().join("register.csv");
        app.click("transparency-export-csv").await;
        app.type_into("transparency-export-path", csv.to_str().unwrap())
            .await;
        app.click("transparency-export-run").await;
        // The demo is a sandbox of fictional data: its register is refused, in words, and no
        // file is written (the register's file is tested in kring-core and the CLI).
        app.wait_text("field-error", "demo").await;
        assert!(!csv.exists() && rows > 0, "the demo's register was refused");
        app.screenshot("manager-07-transparency-refused-in-demo")
            .await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_manager_sets_a_sync_folder_and_sync_now_writes_a_bundle_into_it() {
    run("manager_sync", |session: Session| async move {
        // His own store, not the demo: the demo's sandbox never syncs.
        let app = session.launch("manager").await;
        first_run(
            &app,
            Role::Manager,
            "Koen De Smet",
            "koen.desmet@stad.gent",
            false,
        )
        .await;
        let shared = session.folder().join("shared drive");
        std::fs::create_dir_all(&shared).expect("the shared folder");

        app.click("nav-sync").await;
        app.type_into("sync-folder-path", shared.to_str().unwrap())
            .await;
        app.click("sync-folder-save").await;
        app.wait_text("toast", "syncs through").await;
        app.click("sync-now").await;
        let deadline = Instant::now() + Duration::from_secs(60);
        let sync_dir = shared.join("kring-sync");
        loop {
            let found = bundles_under(&sync_dir);
            if !found.is_empty() {
                println!("bundles written: {found:?}");
                break;
            }
            assert!(
                Instant::now() < deadline,
                "no .kring file appeared under {} within 60 s; data-testids on screen: {}",
                sync_dir.display(),
                app.testids_on_screen().await
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        app.wait_text("sync-status", "Last synced").await;
        app.wait("sync-status-line").await;
        app.screenshot("manager-08-sync-folder").await;
    });
}

/// Types into a card picker and picks the first card it offers; returns the card's name.
async fn pick_first(app: &App, picker: &str, option: &str, text: &str) -> String {
    app.type_into(picker, text).await;
    wait_count(app, option, 1).await;
    let name = app
        .js(&format!(
            "return document.querySelector('[data-testid=\"{option}\"] .name')?.textContent ?? ''"
        ))
        .await
        .as_str()
        .unwrap_or("")
        .trim()
        .to_string();
    app.all(option).await[0]
        .click()
        .await
        .unwrap_or_else(|e| panic!("pick the first `{option}`: {e}"));
    name
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_manager_sets_a_goal_forms_a_team_records_an_event_and_a_partnership() {
    run("manager_create", |session: Session| async move {
        let app =
            manager_with_demo(&session, "manager", "Koen De Smet", "koen.desmet@stad.gent").await;

        // ---- the Return-on-Relationship report (HTML) and the KPIs (CSV), typed paths
        app.click("nav-dashboard").await;
        wait_count(&app, "kpi-card", 8).await;
        for (button, file, expect) in [
            ("kpi-export-html", "report", "Return-on-Relationship"),
            ("kpi-export-csv", "kpis.csv", ","),
        ] {
            app.click(button).await;
            let path = session.folder().join(file);
            app.type_into("kpi-export-path", path.to_str().unwrap())
                .await;
            app.click("kpi-export-run").await;
            // The demo is a sandbox: its report is refused in words and nothing is written.
            app.wait_text("field-error", "demo").await;
            assert!(
                !path.exists() && !path.with_extension("html").exists(),
                "the demo's {expect} export was refused"
            );
            app.press(fantoccini::key::Key::Escape).await;
            app.wait_gone("kpi-export-run").await;
        }

        // ---- a goal with a priority stakeholder picked by searching
        app.click("nav-goals").await;
        app.click("goal-new").await;
        app.type_into("goal-name", "Klimaatrobuuste haven").await;
        let stakeholder = pick_first(&app, "goal-priority", "goal-priority-option", "haven").await;
        app.screenshot("manager-09-goal-form").await;
        app.click("goal-save").await;
        app.wait_text("toast", "Klimaatrobuuste haven").await;
        let goal = app.wait_text("goal-row", "Klimaatrobuuste haven").await;
        assert!(
            goal.contains("of 1 priority stakeholder"),
            "the new goal has the one stakeholder picked ({stakeholder}): {goal:?}"
        );

        // ---- a Networking Team
        app.click("nav-teams").await;
        app.click("team-new").await;
        app.type_into("team-name", "Team Walstroom").await;
        app.click("team-save").await;
        app.wait_text("toast", "Team Walstroom").await;
        let team = app.wait_text("team-row", "Team Walstroom").await;
        assert!(team.contains("1 member"), "the manager leads it: {team:?}");

        // ---- an event with a stakeholder who attended
        app.click("nav-events").await;
        app.click("event-new").await;
        app.type_into("event-name", "Walstroomdag").await;
        app.select("event-kind", "workshop").await;
        pick_first(&app, "event-person", "event-person-option", "haven").await;
        app.click("event-save").await;
        app.wait_text("toast", "Walstroomdag").await;
        let event = app.wait_text("event-row", "Walstroomdag").await;
        assert!(
            event.contains("1 invited") && event.contains("1 attended"),
            "the event lists who came: {event:?}"
        );

        // ---- a partnership with one partner organisation
        app.click("nav-partnerships").await;
        app.click("partnership-new").await;
        app.type_into("partnership-name", "Walstroompact").await;
        let partner = pick_first(
            &app,
            "partnership-partner",
            "partnership-partner-option",
            "a",
        )
        .await;
        app.screenshot("manager-10-partnership-form").await;
        app.click("partnership-save").await;
        app.wait_text("toast", "Walstroompact").await;
        let row = app.wait_text("partnership-row", "Walstroompact").await;
        assert!(
            row.contains(&partner) && row.contains("not reviewed"),
            "the new partnership lists its partner {partner:?} and has no review yet: {row:?}"
        );
        app.screenshot("manager-11-partnership-created").await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_manager_marks_a_goal_achieved_and_changes_a_partnership_review_interval() {
    run("manager_edit", |session: Session| async move {
        let app =
            manager_with_demo(&session, "manager", "Koen De Smet", "koen.desmet@stad.gent").await;

        // ---- a goal of the demo network, edited to achieved
        app.click("nav-goals").await;
        wait_count(&app, "goal-row", 1).await;
        app.all("goal-row").await[0]
            .click()
            .await
            .expect("open the first goal");
        app.click("goal-edit").await;
        let name = app
            .js("return document.querySelector('[data-testid=\"goal-name\"]').value")
            .await
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(
            !name.is_empty(),
            "the edit form is pre-filled with the goal's name"
        );
        app.select("goal-status-select", "achieved").await;
        app.screenshot("manager-12-goal-edit-form").await;
        app.click("goal-save").await;
        app.wait_gone("goal-save").await;
        app.wait_text("toast", "saved").await;
        let row = app.wait_text("goal-row", &name).await;
        assert!(
            row.contains("Achieved"),
            "the goal's row says it is achieved: {row:?}"
        );
        app.screenshot("manager-13-goal-achieved").await;

        // ---- the first partnership reviewed every 45 days instead
        app.click("nav-partnerships").await;
        wait_count(&app, "partnership-row", 2).await;
        app.all("partnership-row").await[0]
            .click()
            .await
            .expect("open the first partnership");
        app.click("partnership-edit").await;
        app.type_into("partnership-every", "45").await;
        app.screenshot("manager-14-partnership-edit-form").await;
        app.click("partnership-save").await;
        app.wait_gone("partnership-save").await;
        app.wait_text("partnership-interval", "every 45 days").await;
        app.screenshot("manager-15-partnership-interval").await;

        // ---- both read back from the store when the screens load again
        app.click("nav-goals").await;
        let row = app.wait_text("goal-row", &name).await;
        assert!(
            row.contains("Achieved"),
            "the store kept the goal achieved: {row:?}"
        );
        app.click("nav-partnerships").await;
        wait_count(&app, "partnership-row", 2).await;
        app.all("partnership-row").await[0]
            .click()
            .await
            .expect("open the first partnership again");
        app.wait_text("partnership-interval", "every 45 days").await;

        // ---- the second partnership ended, after the confirmation
        app.all("partnership-row").await[1]
            .click()
            .await
            .expect("open the second partnership");
        app.click("partnership-edit").await;
        app.select("partnership-status-select", "ended").await;
        app.click("partnership-save").await;
        app.wait("partnership-end-confirm").await;
        app.screenshot("manager-16-partnership-end-confirm").await;
        app.click("partnership-end-confirm").await;
        app.wait_gone("partnership-save").await;
        app.wait_text("partnership-status", "Ended").await;
        app.wait_text("partnership-interval", "no more reviews")
            .await;
        app.screenshot("manager-17-partnership-ended").await;

        // ---- an event's location fixed, a team renamed
        app.click("nav-events").await;
        wait_count(&app, "event-row", 1).await;
        // A newsletter has no location: take the first event with people invited.
        let rows = app.texts("event-row").await;
        let event = rows
            .iter()
            .position(|t| t.contains("invited"))
            .unwrap_or_else(|| panic!("the demo has an event that is not a newsletter: {rows:?}"));
        app.all("event-row").await[event]
            .click()
            .await
            .expect("open the event");
        app.click("event-edit").await;
        app.type_into("event-location", "MAS, Hanzestedenplaats 1, Antwerpen")
            .await;
        app.screenshot("manager-18-event-edit-form").await;
        app.click("event-save").await;
        app.wait_gone("event-save").await;
        app.wait_text("event-row", "MAS, Hanzestedenplaats 1").await;
        app.screenshot("manager-19-event-edited").await;

        app.click("nav-teams").await;
        wait_count(&app, "team-row", 1).await;
        app.all("team-row").await[0]
            .click()
            .await
            .expect("open the first team");
        app.click("team-edit").await;
        let team = app
            .js("return document.querySelector('[data-testid=\"team-name\"]').value")
            .await
            .as_str()
            .unwrap_or("")
            .to_string();
        let renamed = format!("{team} en partners");
        app.type_into("team-name", &renamed).await;
        app.screenshot("manager-20-team-rename-form").await;
        app.click("team-save").await;
        app.wait_gone("team-save").await;
        app.wait_text("team-row", &renamed).await;
        app.screenshot("manager-21-team-renamed").await;
    });
}

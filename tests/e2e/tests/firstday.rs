//! A fresh networker's first day end to end (issue #20): first run offers the demo without ticking
//! it; the demo opens in a sandbox of its own with a banner on every screen, Sync refuses there in
//! words, and leaving and removing it leave her own store as it was; an interaction dated 2099 is
//! refused next to its date. Screenshots in target/e2e-screenshots/ (`firstday-*.png`).

use std::path::Path;
use std::time::{Duration, Instant};

use kring_e2e::steps::on_screen;
use kring_e2e::{run, App, Session};

/// Waits up to `limit` for an element with this test id (opening the demo makes 2,000 cards).
async fn wait_long(app: &App, testid: &str, limit: Duration) {
    let deadline = Instant::now() + limit;
    while !app.present(testid).await {
        assert!(
            Instant::now() < deadline,
            "no `{testid}` within {} s; on screen: {}",
            limit.as_secs(),
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The cards the sidebar counts (its Cards badge), 0 when it shows none.
async fn cards_counted(app: &App) -> u64 {
    let text = app
        .js("const b = document.querySelector('[data-testid=nav-cards] .count'); return b ? b.textContent : '0'")
        .await;
    text.as_str()
        .unwrap_or("0")
        .replace(',', "")
        .trim()
        .parse()
        .unwrap_or(0)
}

/// Names of the files in a folder (the store's own, to see nothing was added to it).
fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn a_fresh_networker_starts_without_the_demo_tries_it_in_its_sandbox_removes_it_and_cannot_log_2099(
) {
    run("firstday", |session: Session| async move {
        let app = session.launch("tine").await;
        let home = session.folder().join("tine");
        let sandbox = home.join("store-demo");

        // ---- first run: the demo is offered, not ticked, for a networker
        app.wait("first-run-name").await;
        app.click("first-run-networker").await;
        let demo_box = app.wait("first-run-demo").await;
        assert!(
            !demo_box.is_selected().await.unwrap(),
            "the demo is not ticked for a networker"
        );
        app.type_into("first-run-name", "Tine Lemaire").await;
        app.type_into("first-run-email", "tine.lemaire@stad.gent")
            .await;
        app.screenshot("firstday-01-first-run").await;
        app.click("first-run-submit").await;
        app.wait("nav-today").await;
        assert!(!app.present("demo-banner").await, "no demo: no banner");
        assert!(!sandbox.exists(), "no sandbox was made");
        assert_eq!(cards_counted(&app).await, 0, "her store starts empty");

        // ---- the demo opens in its own sandbox, marked on every screen
        app.click("nav-settings").await;
        app.click("demo-open").await;
        wait_long(&app, "demo-banner", Duration::from_secs(180)).await;
        on_screen(&app, "today").await;
        assert!(sandbox.is_dir(), "the sandbox lives beside her store");
        let mut counted = 0;
        let deadline = Instant::now() + Duration::from_secs(60);
        while counted < 1_000 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(300)).await;
            counted = cards_counted(&app).await;
        }
        assert!(counted >= 1_000, "the demo's cards: {counted}");
        for screen in ["cards", "dashboard", "settings", "sync"] {
            app.click(&format!("nav-{screen}")).await;
            on_screen(&app, screen).await;
            assert!(
                app.present("demo-banner").await,
                "the banner is on {screen} too"
            );
        }
        // Sync says in words why nothing leaves, before anyone tries.
        let refusal = app.wait_text("sync-demo", "never exported or synced").await;
        assert!(refusal.contains("Leave the demo"), "{refusal}");
        let export_hidden = app
            .js("const b = document.querySelector('[data-testid=export-run]'); return !b || b.getClientRects().length === 0")
            .await;
        assert_eq!(
            export_hidden,
            serde_json::Value::Bool(true),
            "no export offered in the demo"
        );
        app.screenshot("firstday-02-sandbox-banner").await;

        // A report meant to leave the machine is refused in words next to the path: what, why
        // and what to do, and no file appears.
        app.click("nav-dashboard").await;
        on_screen(&app, "dashboard").await;
        app.click("kpi-export-html").await;
        let report = session.folder().join("report.html");
        app.type_into("kpi-export-path", &report.to_string_lossy())
            .await;
        app.click("kpi-export-run").await;
        let refused = app.wait_text("field-error", "This is the demo").await;
        for words in [
            "cannot be exported as a KPI report",
            "never leave this machine",
            "Leave the demo",
        ] {
            assert!(refused.contains(words), "{refused}");
        }
        assert!(!report.exists(), "no report was written");
        app.screenshot("firstday-02b-demo-report-refused").await;
        app.press(fantoccini::key::Key::Escape).await;
        app.wait_gone("kpi-export").await;

        // ---- leaving it: her own, empty store again; the sandbox stays to open again
        let own_files = listing(&home.join("store"));
        app.click("demo-banner-leave").await;
        app.wait_gone("demo-banner").await;
        app.wait_text("toast", "Back in your own cards").await;
        assert_eq!(
            cards_counted(&app).await,
            0,
            "none of the demo's cards in her store"
        );
        assert!(sandbox.is_dir());

        // ---- removing it: one action, the folder is gone, her store is as it was
        app.click("nav-settings").await;
        app.click("demo-remove").await;
        app.wait_text("toast", "The demo is removed").await;
        app.wait_gone("demo-remove").await;
        assert!(!sandbox.exists(), "the sandbox's folder is gone");
        assert_eq!(listing(&home.join("store")), own_files);
        assert!(app.present("demo-open").await, "it can be opened afresh");

        // ---- a date she cannot have met someone on is refused next to the field
        // (the toasts sit over the form's buttons until they fade)
        app.wait_gone("toast").await;
        app.click("nav-cards").await;
        app.click("new-person").await;
        app.type_into("person-display-name", "Jan Peeters").await;
        app.click("form-save").await;
        app.wait_gone("person-display-name").await;
        app.wait_gone("toast").await;
        app.click("log-interaction").await;
        app.wait("log-summary").await;
        app.type_into("log-summary", "Coffee about shore power")
            .await;
        app.set_value("log-at", "2099-12-31T10:00").await;
        app.click("log-save").await;
        let refused = app.wait_text("field-error", "in the future").await;
        assert!(
            refused.contains("2099-12-31") && refused.contains("follow-up or an event"),
            "the core's refusal in words: {refused}"
        );
        app.screenshot("firstday-03-date-refused").await;
        assert!(
            app.present("log-summary").await,
            "the dialog stays open to fix it"
        );
    });
}

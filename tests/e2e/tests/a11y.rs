//! Accessibility end to end: axe-core run inside the real window on every screen — the first-run
//! screen, a manager's fifteen screens on the demo network and the open dialogs, a networker's
//! screens — in the light and the dark theme, failing on any serious or critical violation; and
//! the sidebar at the smallest window Kring is made for (1024×640). Run with
//! `scripts/e2e.sh a11y`; screenshots land in `target/e2e-screenshots/a11y-*.png`.

use std::collections::BTreeMap;
use std::time::Duration;

use fantoccini::key::Key;
use kring_e2e::axe::{by_impact, describe, Violation};
use kring_e2e::steps::{first_run, manager_with_demo, on_screen, Role};
use kring_e2e::{run, App};

const THEMES: [&str; 2] = ["light", "dark"];

/// What axe-core found, screen by screen.
#[derive(Default)]
struct Findings {
    /// Screen name (with theme) → every violation there.
    screens: BTreeMap<String, Vec<Violation>>,
}

impl Findings {
    async fn check(&mut self, app: &App, screen: &str) {
        for theme in THEMES {
            app.js(&format!(
                "document.documentElement.dataset.theme = '{theme}'"
            ))
            .await;
            // Let the theme's colours and any transition settle before axe-core reads them.
            tokio::time::sleep(Duration::from_millis(400)).await;
            let found = app.axe().await;
            self.screens.insert(format!("{screen} ({theme})"), found);
        }
        app.js("document.documentElement.dataset.theme = 'light'")
            .await;
    }

    /// Prints the totals by impact and fails listing every serious or critical violation.
    fn assert_none_blocking(&self) {
        let all: Vec<Violation> = self.screens.values().flatten().cloned().collect();
        eprintln!(
            "axe-core on {} screen views: elements in violation by impact {:?}",
            self.screens.len(),
            by_impact(&all)
        );
        let mut report = String::new();
        for (screen, found) in &self.screens {
            let blocking: Vec<Violation> =
                found.iter().filter(|v| v.blocking()).cloned().collect();
            eprintln!("  {screen}: {:?}", by_impact(found));
            if !blocking.is_empty() {
                report.push_str(&format!("{screen}:\n{}", describe(&blocking)));
            }
        }
        assert!(
            report.is_empty(),
            "axe-core found serious or critical violations:\n{report}"
        );
    }
}

/// Goes to a screen by its sidebar button and lets its data arrive.
async fn visit(app: &App, route: &str) {
    app.click(&format!("nav-{route}")).await;
    on_screen(app, route).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn axe_core_finds_no_serious_violation_on_any_screen_in_either_theme() {
    run("a11y-axe", |session| async move {
        let mut findings = Findings::default();

        // ---- the first-run screen
        let app = session.launch("manager").await;
        app.wait("first-run-name").await;
        findings.check(&app, "first run").await;
        first_run(&app, Role::Manager, "Koen De Smet", "koen.desmet@stad.gent", true).await;

        // ---- every screen a manager has, on the demo network
        for route in [
            "today",
            "cards",
            "sync",
            "review",
            "settings",
            "dashboard",
            "goals",
            "teams",
            "partnerships",
            "events",
            "offboarding",
            "transparency",
            "map",
            "insights",
            "members",
        ] {
            visit(&app, route).await;
            findings.check(&app, route).await;
        }

        // ---- a card open, and the dialogs
        visit(&app, "cards").await;
        app.all("card-row").await[0]
            .click()
            .await
            .expect("open the first card");
        app.wait("card-detail-name").await;
        findings.check(&app, "a card").await;
        app.ctrl('l').await;
        app.wait("log-summary").await;
        findings.check(&app, "the log dialog").await;
        app.press(Key::Escape).await;
        app.wait_gone("log-summary").await;
        app.ctrl('n').await;
        app.wait("person-display-name").await;
        findings.check(&app, "the new person form").await;
        app.press(Key::Escape).await;
        app.wait_gone("person-display-name").await;
        app.js("document.activeElement.blur()").await;
        app.client
            .find(fantoccini::Locator::Css("body"))
            .await
            .expect("the page")
            .send_keys("?")
            .await
            .expect("press ?");
        app.wait_css("[role=dialog]", "the shortcuts overlay").await;
        findings.check(&app, "the shortcuts overlay").await;
        app.press(Key::Escape).await;
        app.close().await;

        // ---- a networker's screens, without the demo
        let sofie = session.launch("networker").await;
        first_run(
            &sofie,
            Role::Networker,
            "Sofie Van Aken",
            "sofie.vanaken@stad.gent",
            false,
        )
        .await;
        for route in [
            "today", "cards", "sync", "review", "settings", "dashboard", "insights", "members",
        ] {
            visit(&sofie, route).await;
            findings.check(&sofie, &format!("networker {route}")).await;
        }

        findings.assert_none_blocking();
    });
}

//! One figure, one number, on every screen (issue #20): on the manager's demo network the window
//! is read as a person reads it — going cold on Today and the Dashboard; single points of failure
//! on the Dashboard and Insights' "known by one colleague"; each colleague's sole contacts on the
//! Dashboard, Insights and Offboarding; known by nobody on Insights' tile and its summary — and
//! each figure must read the same everywhere. Then a colleague's card, reached from a stakeholder's
//! "Colleagues who know", lists the stakeholders she knows, each once. Screenshots in
//! target/e2e-screenshots/ (`figures-*.png`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use kring_e2e::steps::{manager_with_demo, on_screen};
use kring_e2e::{run, App, Session};
use serde_json::Value;

/// The first number in a text such as "1,161" or "sole contact for 62" (separators dropped).
fn number_in(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.parse().ok()
}

/// Runs a script that returns text and reads the number in it, waiting up to `limit` for it to
/// be there (screens read their figures once they have loaded).
async fn number(app: &App, what: &str, script: &str, limit: Duration) -> u64 {
    let deadline = Instant::now() + limit;
    loop {
        if let Value::String(text) = app.js(script).await {
            if let Some(n) = number_in(&text) {
                return n;
            }
        }
        assert!(
            Instant::now() < deadline,
            "{what} never showed a number; on screen: {}",
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `{networker id: number}` from a script returning `[[id, text], …]`.
async fn per_networker(app: &App, script: &str) -> BTreeMap<String, u64> {
    let Value::Array(rows) = app.js(script).await else {
        return BTreeMap::new();
    };
    rows.into_iter()
        .filter_map(|row| {
            let id = row[0].as_str()?.to_owned();
            let n = number_in(row[1].as_str()?)?;
            Some((id, n))
        })
        .collect()
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn every_screen_reads_the_same_going_cold_sole_contacts_single_points_of_failure_and_known_by_nobody(
) {
    run("figures", |session: Session| async move {
        let app =
            manager_with_demo(&session, "figures", "Koen De Smet", "koen.desmet@stad.gent").await;
        let long = Duration::from_secs(120);

        // ---- Today
        app.click("nav-today").await;
        on_screen(&app, "today").await;
        let cold_today = number(
            &app,
            "Today's going cold",
            "return document.querySelector('[data-testid=today-going-cold-total]')?.textContent ?? ''",
            long,
        )
        .await;

        // ---- Dashboard
        app.click("nav-dashboard").await;
        on_screen(&app, "dashboard").await;
        let kpi = |key: &str| {
            format!("return document.querySelector('[data-testid=kpi-card][data-kpi={key}] .value')?.textContent ?? ''")
        };
        let cold_dashboard =
            number(&app, "the Dashboard's going cold", &kpi("going_cold"), long).await;
        let single_dashboard = number(
            &app,
            "the Dashboard's single points of failure",
            &kpi("single_points_of_failure"),
            long,
        )
        .await;
        app.wait("kpi-sole-contacts").await;
        let sole_dashboard = per_networker(
            &app,
            "return Array.from(document.querySelectorAll('[data-testid=kpi-sole-contacts] tr')).map(r => [r.dataset.networker, r.querySelector('td.num').textContent])",
        )
        .await;
        app.screenshot("figures-01-dashboard").await;

        // ---- Insights
        app.click("nav-insights").await;
        on_screen(&app, "insights").await;
        let tile = |name: &str| {
            format!("return document.querySelector('[data-testid=insights-tile][data-tile={name}] .value')?.textContent ?? ''")
        };
        let single_insights = number(
            &app,
            "Insights' known by one colleague",
            &tile("single"),
            long,
        )
        .await;
        let nobody_tile = number(&app, "Insights' known by nobody", &tile("unreached"), long).await;
        let summary = app.wait("risk-summary").await.text().await.unwrap();
        let sole_insights = per_networker(
            &app,
            "return Array.from(document.querySelectorAll('[data-testid=risk-networker]')).map(r => [r.dataset.networker, r.querySelector('[data-testid=risk-count]').textContent])",
        )
        .await;
        app.screenshot("figures-02-insights").await;

        // ---- Offboarding
        app.click("nav-offboarding").await;
        on_screen(&app, "offboarding").await;
        app.wait("offboard-networker").await;
        let options = per_networker(
            &app,
            "return Array.from(document.querySelectorAll('[data-testid=offboard-networker] option')).filter(o => o.value).map(o => [o.value, (o.textContent.match(/sole contact for ([0-9,]+)/) || [])[1] || '0'])",
        )
        .await;

        // ---- they agree
        assert_eq!(
            cold_today, cold_dashboard,
            "going cold: Today {cold_today}, Dashboard {cold_dashboard}"
        );
        assert!(cold_today > 0, "the demo has relationships going cold");
        assert_eq!(
            single_dashboard, single_insights,
            "single points of failure: Dashboard {single_dashboard}, Insights' known by one colleague {single_insights}"
        );
        let nobody_formatted = {
            let digits = nobody_tile.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        };
        assert!(
            summary.contains(&format!("{nobody_formatted} by nobody")),
            "known by nobody: tile {nobody_tile}, summary {summary:?}"
        );
        assert!(
            !sole_dashboard.is_empty(),
            "the Dashboard names sole contacts"
        );
        for (id, n) in &sole_dashboard {
            assert_eq!(
                options.get(id),
                Some(n),
                "sole contact for {id}: Dashboard {n}, Offboarding {:?}",
                options.get(id)
            );
            if let Some(insights) = sole_insights.get(id) {
                assert_eq!(
                    insights, n,
                    "sole contact for {id}: Dashboard {n}, Insights {insights}"
                );
            }
        }
        let compared = sole_dashboard
            .keys()
            .filter(|id| sole_insights.contains_key(*id))
            .count();
        assert!(
            compared > 0,
            "Insights lists some of the Dashboard's sole contacts"
        );
        for (id, n) in &sole_insights {
            if let Some(offboarding) = options.get(id) {
                assert_eq!(
                    offboarding, n,
                    "sole contact for {id}: Insights {n}, Offboarding {offboarding}"
                );
            }
        }

        // ---- a colleague's card reads right: reached from a stakeholder only she knows
        app.click("nav-insights").await;
        on_screen(&app, "insights").await;
        app.wait("risk-stakeholder").await;
        // One she knows herself, not one reached through someone working there.
        let clicked = app
            .js("const chip = Array.from(document.querySelectorAll('[data-testid=risk-stakeholder]')).find(c => !c.title.includes('reached through')); chip?.click(); return !!chip")
            .await;
        assert_eq!(clicked, Value::Bool(true), "a stakeholder known directly");
        let stakeholder = app.wait("card-detail-name").await.text().await.unwrap();
        let colleagues = app
            .wait_texts("card-colleagues-who-know-name", "a colleague", |t| {
                !t.is_empty()
            })
            .await;
        let unique: BTreeSet<&String> = colleagues.iter().collect();
        assert_eq!(
            unique.len(),
            colleagues.len(),
            "each colleague once: {colleagues:?}"
        );
        assert!(
            !colleagues.contains(&stakeholder),
            "{stakeholder} is not her own colleague"
        );
        let colleague = colleagues[0].clone();
        app.js("document.querySelector('[data-testid=card-colleagues-who-know-name]').click()")
            .await;
        // The list names a colleague as lists do (with her unit when a colleague shares her name);
        // her card has her name.
        let name = app
            .wait_texts("card-detail-name", "the colleague's name", |t| {
                t.iter()
                    .any(|n| n != &stakeholder && colleague.starts_with(n.as_str()))
            })
            .await
            .remove(0);
        app.wait("card-known-stakeholders-name").await;
        app.screenshot("figures-03-colleague-card").await;
        if app.present("card-known-stakeholders-all").await {
            app.click("card-known-stakeholders-all").await;
        }
        let known = app
            .wait_texts("card-known-stakeholders-name", "stakeholders", |t| {
                !t.is_empty()
            })
            .await;
        assert!(
            !known.contains(&name),
            "her card lists the stakeholders she knows, not herself: {known:?}"
        );
        assert!(
            known.contains(&stakeholder),
            "{stakeholder}, whom only she knows, is among them: {known:?}"
        );
        // Each stakeholder once (two people may share a name: they are told apart by card).
        let ids = app
            .js("return Array.from(document.querySelectorAll('[data-testid=card-known-stakeholders-name]')).map(b => b.dataset.id)")
            .await;
        let ids: Vec<&str> = ids
            .as_array()
            .expect("the ids")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        let unique: BTreeSet<&&str> = ids.iter().collect();
        assert_eq!(ids.len(), known.len());
        assert_eq!(unique.len(), ids.len(), "each stakeholder once: {known:?}");
    });
}

//! Network insights end to end: the Manager of the Network with the demo network opens the
//! Insights screen, sees key-person risk and brokers with real names and numbers, sorts the
//! health table, clicks through to an at-risk stakeholder's card, and exports the graph as GEXF,
//! which parses as XML with the graph's nodes and ties (less the owner's private ones). Screenshots in target/e2e-screenshots/
//! (`insights-*.png`).

use std::time::{Duration, Instant};

use kring_e2e::steps::{manager_with_demo, on_screen};
use kring_e2e::{run, App, Session};

/// The number in a text such as "2,027" or "22 stakeholders" (thousands separators dropped).
fn number_in(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.parse().ok()
}

/// A count as the screen writes it: "2,027".
fn formatted(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The value of a summary tile (`data-tile`).
async fn tile(app: &App, name: &str) -> u64 {
    let text = app
        .js(&format!(
            "return document.querySelector('[data-testid=insights-tile][data-tile={name}] .value').textContent"
        ))
        .await;
    number_in(text.as_str().unwrap_or("")).unwrap_or_else(|| panic!("tile {name} shows {text}"))
}

/// Opens the Insights screen and waits (up to two minutes: the graph is read and analysed the
/// first time) for its numbers.
async fn open_insights(app: &App) {
    app.click("nav-insights").await;
    on_screen(app, "insights").await;
    let deadline = Instant::now() + Duration::from_secs(120);
    while !app.present("insights-tile").await {
        assert!(
            !app.present("insights-error").await,
            "the insights failed: {:?}",
            app.texts("insights-error").await
        );
        assert!(
            Instant::now() < deadline,
            "no insights in two minutes; on screen: {}",
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Scrolls the screen so the element with this test id is at the top.
async fn scroll_to(app: &App, testid: &str) {
    app.js(&format!(
        "document.querySelector('[data-testid={testid}]').scrollIntoView({{block: 'start'}})"
    ))
    .await;
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn the_manager_sees_who_would_take_whom_with_them_and_the_demo_graph_stays_on_the_machine() {
    run("insights", |session: Session| async move {
        let app =
            manager_with_demo(&session, "mia", "Mia Janssens", "mia.janssens@stad.gent").await;
        open_insights(&app).await;

        // The graph summary: the demo network has about 2,000 cards and thousands of ties.
        let nodes = tile(&app, "nodes").await;
        let ties = tile(&app, "ties").await;
        let single = tile(&app, "single").await;
        println!(
            "insights: {nodes} nodes, {ties} ties, {single} stakeholders known by one colleague"
        );
        assert!(
            nodes > 1_500,
            "the demo graph has its cards as nodes: {nodes}"
        );
        assert!(
            ties > nodes,
            "the demo graph has more ties than nodes: {ties}"
        );
        assert!(
            single > 0,
            "some demo stakeholders are known by one colleague only"
        );

        // Key-person risk: colleagues by name, with what would leave with them.
        let summary = app.texts("risk-summary").await.remove(0);
        println!("risk: {summary}");
        assert!(
            summary.contains(&format!("{} by one only", formatted(single))),
            "the summary counts the stakeholders known by one colleague: {summary}"
        );
        let leaving = app
            .wait_texts("risk-networker", "colleagues at risk", |t| !t.is_empty())
            .await;
        let counts = app.texts("risk-count").await;
        println!("risk: {} colleagues, first: {}", leaving.len(), leaving[0]);
        let losses: Vec<u64> = counts.iter().map(|c| number_in(c).unwrap()).collect();
        assert!(
            losses.iter().all(|n| *n > 0),
            "only colleagues who take someone: {counts:?}"
        );
        assert!(
            losses.windows(2).all(|w| w[0] >= w[1]),
            "the colleague who would take most comes first: {counts:?}"
        );
        assert!(
            leaving[0].chars().next().is_some_and(char::is_alphabetic),
            "a colleague is named, not numbered: {}",
            leaving[0]
        );
        let at_risk = app.texts("risk-stakeholder").await;
        assert!(!at_risk.is_empty(), "at-risk stakeholders are named");
        assert!(
            app.present("risk-offboard").await,
            "a manager may plan a handover"
        );

        // Brokers: colleagues and stakeholders with the highest betweenness, named, with ties.
        let colleagues = app.texts("networker-broker").await;
        let stakeholders = app.texts("stakeholder-broker").await;
        println!("brokers: {} | {}", colleagues[0], stakeholders[0]);
        assert_eq!(colleagues.len(), 5, "the five colleagues who broker most");
        assert_eq!(
            stakeholders.len(),
            10,
            "the ten stakeholders who broker most"
        );
        for b in colleagues.iter().chain(&stakeholders) {
            let ties = b
                .split(" ties")
                .next()
                .and_then(|t| number_in(t.rsplit(' ').next()?));
            assert!(ties.is_some_and(|n| n > 0), "a broker has ties: {b}");
        }
        app.screenshot("insights-01-overview").await;

        // The health table sorts by name (as the web view's collation does: "Cécile" before
        // "Chiara"), and the other way on a second click.
        scroll_to(&app, "insights-health").await;
        app.click("health-sort-name").await;
        let names = app.texts("health-name").await;
        assert!(
            names.len() >= 2,
            "several colleagues in the health table: {names:?}"
        );
        let initials: Vec<char> = names
            .iter()
            .map(|n| n.chars().next().unwrap().to_ascii_uppercase())
            .collect();
        assert!(
            initials.windows(2).all(|w| w[0] <= w[1]),
            "sorted by name: {names:?}"
        );
        app.click("health-sort-name").await;
        let mut reversed = app.texts("health-name").await;
        reversed.reverse();
        assert_eq!(reversed, names, "a second click sorts the other way");
        app.click("health-sort-name").await;
        app.screenshot("insights-02-health").await;

        // The communities, in the dark theme.
        app.js("document.documentElement.dataset.theme = 'dark'")
            .await;
        scroll_to(&app, "insights-communities").await;
        let communities = app.texts("community").await;
        assert!(
            !communities.is_empty(),
            "the largest communities are listed"
        );
        println!("largest community: {}", communities[0]);
        app.screenshot("insights-03-communities-dark").await;
        app.js("delete document.documentElement.dataset.theme")
            .await;

        // The manager's demo is a sandbox of fictional data: exporting its graph is refused in
        // words, and no file is written (what a graph file holds is tested in kring-core's graph
        // export tests on a real store).
        let path = session.folder().join("network.gexf");
        app.select("insights-export-format", "gexf").await;
        app.click("insights-export").await;
        app.type_into("graph-export-path", path.to_str().unwrap())
            .await;
        app.click("graph-export-run").await;
        app.wait_text("field-error", "demo").await;
        app.screenshot("insights-04-export-refused-in-demo").await;
        assert!(
            !path.exists(),
            "the demo's graph was refused, yet {} was written",
            path.display()
        );
        app.press(fantoccini::key::Key::Escape).await;
        app.wait_gone("graph-export-run").await;

        // An at-risk stakeholder's card opens from the list.
        let first = at_risk[0].clone();
        app.click("risk-stakeholder").await;
        let name = app
            .wait_texts("card-detail-name", "the card opened", |t| !t.is_empty())
            .await
            .remove(0);
        assert!(
            first.starts_with(&name),
            "the card opened is the stakeholder clicked: {name} for {first}"
        );
    });
}

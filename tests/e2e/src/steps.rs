//! Steps several end-to-end tests take: the first-run form, waiting for a screen, adding a
//! person, clicking the element that shows a text.

use crate::{App, Session};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, PartialEq)]
pub enum Role {
    Networker,
    Manager,
}

/// Fills in the first-run form and waits for the main window (the navigation).
pub async fn first_run(app: &App, role: Role, name: &str, email: &str, demo: bool) {
    app.wait("first-run-name").await;
    app.click(match role {
        Role::Networker => "first-run-networker",
        Role::Manager => "first-run-manager",
    })
    .await;
    app.type_into("first-run-name", name).await;
    app.type_into("first-run-email", email).await;
    let checkbox = app.wait("first-run-demo").await;
    if checkbox.is_selected().await.unwrap_or(false) != demo {
        checkbox.click().await.expect("toggle the demo checkbox");
    }
    app.click("first-run-submit").await;
    // Loading the demo network takes longer than a click.
    let deadline = Instant::now() + Duration::from_secs(if demo { 120 } else { 15 });
    while !app.present("nav-today").await {
        assert!(
            Instant::now() < deadline,
            "first run did not reach the main window; data-testids on screen: {}",
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Launches the app on a fresh store and takes first run as a Manager of the Network with the demo
/// network: where most manager tests start.
pub async fn manager_with_demo(session: &Session, profile: &str, name: &str, email: &str) -> App {
    manager_with_demo_in(session, profile, name, email, "en").await
}

/// [`manager_with_demo`] on a system whose language is `language` (see [`Session::launch_in`]).
pub async fn manager_with_demo_in(
    session: &Session,
    profile: &str,
    name: &str,
    email: &str,
    language: &str,
) -> App {
    let app = session.launch_in(profile, language).await;
    first_run(&app, Role::Manager, name, email, true).await;
    app
}

/// Waits until the main area shows this route (`<main data-route="…">`, in every language).
pub async fn on_screen(app: &App, route: &str) {
    app.wait_css(
        &format!("main[data-route=\"{route}\"]"),
        &format!("the {route} screen"),
    )
    .await;
}

/// Adds a person on the Cards screen's form (with an organisation picked from the suggestions),
/// and waits for the toast that says it was saved.
pub async fn add_person(app: &App, name: &str, email: &str, organisation: Option<&str>) {
    app.click("nav-cards").await;
    app.click("new-person").await;
    app.type_into("person-display-name", name).await;
    app.type_into("person-email", email).await;
    if let Some(organisation) = organisation {
        // Type the start of the name, then pick it from the suggestions.
        let typed: String = organisation.chars().take(4).collect();
        app.type_into("person-organisation", &typed).await;
        app.wait_text("organisation-option", organisation).await;
        click_with_text(app, "organisation-option", organisation).await;
    }
    app.click("form-save").await;
    app.wait_gone("person-display-name").await;
    app.wait_text("toast", name).await;
}

/// Clicks the first element with this `data-testid` whose text contains `text`.
pub async fn click_with_text(app: &App, testid: &str, text: &str) {
    let texts = app
        .wait_texts(testid, &format!("{text:?}"), |t| {
            t.iter().any(|s| s.contains(text))
        })
        .await;
    let index = texts.iter().position(|s| s.contains(text)).unwrap();
    let element = app
        .all(testid)
        .await
        .into_iter()
        .nth(index)
        .unwrap_or_else(|| panic!("the `{testid}` showing {text:?} went away"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click the `{testid}` showing {text:?}: {e}"));
}

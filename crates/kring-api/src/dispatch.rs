//! Every command by its name, with its arguments as JSON: what the development bridge serves to
//! the browser preview, and what the golden answers of the UI tests are recorded through. The
//! arguments are the object Tauri's `invoke` carries (`{ name, email, role, demoCards }`: the
//! Rust argument names in camelCase), and the answer is the JSON Tauri would send back, so a page
//! talks to this exactly as it talks to the app.

use crate::commands::{
    self as cards, capture, manager, members, network, protection, sandbox, storage,
};
use crate::error::{AppError, AppResult};
use crate::session::Session;
use crate::workspace::Workspace;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// The answer as the generated TypeScript sees it: `{ status: "ok", data }` or
/// `{ status: "error", error }`.
pub fn answer(result: AppResult<Value>) -> Value {
    match result {
        Ok(data) => serde_json::json!({ "status": "ok", "data": data }),
        Err(error) => serde_json::json!({ "status": "error", "error": error }),
    }
}

/// `demo_cards` as the generated TypeScript spells it: `demoCards`.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// One argument, by its Rust name. A missing one reads as `null` (an absent `Option`), as Tauri
/// reads it; one of the wrong shape is refused naming the argument, and nothing runs.
fn argument<T: DeserializeOwned>(args: &Map<String, Value>, name: &str) -> AppResult<T> {
    let value = args.get(&camel_case(name)).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| {
        AppError::invalid(
            name,
            format!("The command's argument `{name}` is not what it takes: {e}."),
        )
    })
}

fn json<T: Serialize>(result: AppResult<T>) -> AppResult<Value> {
    let data = result?;
    serde_json::to_value(data)
        .map_err(|e| AppError::failed(format!("The answer could not be written as JSON: {e}")))
}

macro_rules! commands {
    ($( $module:ident :: $name:ident ( $($arg:ident),* ) ),* $(,)?) => {
        /// The names of every command, as the app's `invoke` knows them.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Runs the command `command` with `args`.
        pub fn call(session: &Session, command: &str, args: &Map<String, Value>) -> AppResult<Value> {
            session.run(|session| match command {
                $(stringify!($name) => json($module::$name(
                    session $(, argument(args, stringify!($arg))?)*
                )),)*
                other => Err(AppError::failed(format!("Kring has no command `{other}`."))),
            })
        }
    };
}

/// The commands that switch what the workspace has open (the demo sandbox, or the user's store).
pub const WORKSPACE_COMMANDS: &[&str] = &[
    "open_demo",
    "leave_demo",
    "remove_demo",
    "compact_store",
    "stop_compaction",
];

/// The commands that need no store: they answer whatever the workspace has open.
pub const PLAIN_COMMANDS: &[&str] = &["system_locale", "quit_app"];

/// Runs the command `command` with `args` in `workspace`: the demo sandbox's commands on the
/// workspace, every other on the session it has open.
pub fn call_in(
    workspace: &Workspace,
    command: &str,
    args: &Map<String, Value>,
) -> AppResult<Value> {
    workspace.run(|workspace| match command {
        "open_demo" => json(sandbox::open_demo(workspace, argument(args, "cards")?)),
        "leave_demo" => json(sandbox::leave_demo(workspace)),
        "remove_demo" => json(sandbox::remove_demo(workspace)),
        "compact_store" => json(storage::compact_store(
            workspace,
            argument(args, "compaction")?,
        )),
        "stop_compaction" => json(storage::stop_compaction(
            workspace,
            argument(args, "compaction")?,
        )),
        "system_locale" => json(Ok(cards::system_locale())),
        // The app quits itself (src-tauri); the development bridge has no window to close.
        "quit_app" => json(Ok(())),
        other => call(&*workspace.current()?, other, args),
    })
}

commands! {
    cards::app_status(),
    cards::set_language(language),
    cards::first_run(name, email, role),
    cards::query_cards(query),
    cards::card_facets(),
    cards::card_detail(id),
    cards::save_person(id, person),
    cards::save_organisation(id, organisation),
    cards::delete_card(id),
    cards::relate(stakeholder, relationship),
    cards::log_interaction(interaction),
    cards::add_note(about, text, visibility),
    cards::add_affiliation(person, organisation, title, from, to),
    cards::add_link(from, to, kind),
    cards::set_follow_up_done(id, done),
    cards::today(),
    cards::export_preview(full),
    cards::export_bundle(path, full),
    cards::import_preview(paths),
    cards::import_bundles(paths),
    cards::list_conflicts(),
    cards::resolve_conflict(id, field, resolution),
    cards::list_duplicates(),
    cards::same_as(a, b),
    cards::not_same(a, b),
    cards::save_settings(settings),
    cards::save_identity(name, email),
    cards::backup_now(),
    cards::list_backups(),
    cards::restore_backup(path),
    storage::storage_status(),
    cards::import_contacts(path, dry_run),
    cards::export_contacts(path),
    cards::export_calendar(path),
    capture::plan_capture(paths),
    capture::apply_capture(plan),
    cards::sync_status(),
    cards::sync_now(),
    members::list_members(),
    members::approve_member(who, role),
    members::drop_claim(member, node),
    members::write_invitation(path, role),
    members::join_organisation(path),
    manager::kpi_report(months),
    manager::export_kpis(path, months),
    manager::list_goals(),
    manager::create_goal(goal, visibility),
    manager::update_goal(id, base, goal),
    manager::link_to_goal(goal, targets, link),
    manager::list_teams(),
    manager::create_team(team, visibility),
    manager::update_team(id, base, team),
    manager::set_team_member(team, networker, role),
    manager::look_after(team, stakeholder, accountable, remove),
    manager::list_partnerships(),
    manager::create_partnership(partnership, visibility),
    manager::update_partnership(id, base, partnership),
    manager::review_partnership(review),
    manager::list_events(),
    manager::create_event(event, visibility),
    manager::update_event(id, base, event),
    manager::add_to_event(event, invited, attending),
    manager::list_networkers(),
    manager::offboard(networker, successors, picks, dry_run),
    manager::transparency_register(from, to),
    manager::export_transparency(from, to, path),
    protection::subject_access_report(person, path),
    protection::mark_restriction(person, status, reason),
    protection::forget_person(person, reason),
    protection::list_erasures(),
    protection::list_purposes(),
    protection::add_purpose(purpose),
    protection::list_retention_rules(),
    protection::add_retention_rule(rule),
    protection::retention_review(),
    protection::apply_retention(),
    protection::confirm_erasure(person),
    protection::list_access_requests(),
    protection::raise_access_request(person, received, reference),
    protection::answer_access_request(request),
    protection::processing_log(),
    network::network_map(limit, include),
    network::warm_introductions(from, to, alternatives),
    network::key_person_risk(networker),
    network::network_health(),
    network::graph_stats(),
    network::export_graph(format, path),
    network::stakeholder_grid(theme),
    network::rate_stakeholder(theme, stakeholder, power, interest, note),
    network::grid_themes(),
    network::save_map_image(path, data),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_names_are_spelled_as_the_generated_typescript_sends_them() {
        assert_eq!(camel_case("demo_cards"), "demoCards");
        assert_eq!(camel_case("dry_run"), "dryRun");
        assert_eq!(camel_case("id"), "id");
    }
}

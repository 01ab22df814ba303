//! `kring capture FILE... [--dry-run] [--json] [--create-unknown] [--visibility V] [--keep-text]`:
//! log meetings and e-mails from invitations, calendar exports and saved e-mails. A thin layer
//! over `Store::plan_capture` and `Store::apply_capture`: it reads the machine's time zone,
//! refuses the whole capture when a file cannot be read (nothing is logged), and prints the plan
//! or what was done, as text or as JSON whose sentences carry codes.

use anyhow::{bail, Result};
use chrono::{DateTime, Utc};
use clap::Args;
use kring_core::capture::{
    CaptureAction, CaptureCode, CaptureItem, CaptureOptions, CaptureOutcome, CapturePlan,
};
use kring_core::model::Visibility;
use kring_core::store::Store;
use kring_i18n::{t, Language};
use serde_json::json;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct CaptureArgs {
    /// Invitations or calendar exports (.ics) and saved e-mails (.eml).
    #[arg(required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Show what would be logged; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
    /// Make a person card for every address no card has (with the organisation whose website
    /// has its domain), and log with them too.
    #[arg(long)]
    pub create_unknown: bool,
    /// The visibility of what is logged (default: as restrictive as the cards involved and the
    /// store's default).
    #[arg(long, value_parser = crate::args::parse_enum::<Visibility>)]
    pub visibility: Option<Visibility>,
    /// Keep a meeting's description or an e-mail's text as a note on the interaction.
    #[arg(long)]
    pub keep_text: bool,
}

/// The machine's time zone by name: `TZ` when set (as chrono's local time honours it), else the
/// system's.
fn local_zone() -> Option<String> {
    std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_owned())
        .filter(|tz| !tz.is_empty())
        .or_else(|| iana_time_zone::get_timezone().ok())
}

pub fn run(store: &Store, args: CaptureArgs, now: DateTime<Utc>) -> Result<()> {
    let language = crate::language::language();
    // kring-core words the notes; `--json`, for scripts, keeps them in English (their `code`
    // says the same in every language).
    let notes_in = if args.json {
        Language::English
    } else {
        language
    };
    let options = CaptureOptions {
        visibility: args.visibility,
        keep_text: args.keep_text,
        create_unknown: args.create_unknown,
        local_zone: local_zone(),
        language: notes_in,
    };
    let plan = store.plan_capture(&args.files, &options, now)?;
    let failed: Vec<String> = plan
        .failed_files()
        .map(|file| {
            let error = file.error.as_ref().expect("a failed file has an error");
            format!("{}: {}", file.file, error.message)
        })
        .collect();
    if !failed.is_empty() {
        bail!(t!(
            language,
            "capture-nothing-captured",
            failures = failed.join("; ")
        ));
    }
    if args.dry_run {
        return print(language, &plan, None, args.json);
    }
    let outcome = store.apply_capture_speaking(&plan, now, notes_in)?;
    print(language, &plan, Some(&outcome), args.json)
}

fn print(
    l: Language,
    plan: &CapturePlan,
    outcome: Option<&CaptureOutcome>,
    as_json: bool,
) -> Result<()> {
    if as_json {
        let mut items = Vec::with_capacity(plan.items.len());
        for (index, item) in plan.items.iter().enumerate() {
            let mut value = serde_json::to_value(item)?;
            if let (Some(done), Some(object)) = (
                outcome.and_then(|o| o.items.get(index)),
                value.as_object_mut(),
            ) {
                object.insert("action".into(), serde_json::to_value(done.action)?);
                object.insert("reason".into(), serde_json::to_value(&done.reason)?);
                object.insert("interaction".into(), json!(done.interaction));
                object.insert("follow_up".into(), json!(done.follow_up));
            }
            items.push(value);
        }
        let mut report = json!({
            "dry_run": outcome.is_none(),
            "files": plan.files,
            "items": items,
        });
        if let Some(outcome) = outcome {
            let mut totals = serde_json::to_value(outcome)?;
            if let Some(object) = totals.as_object_mut() {
                object.remove("items");
            }
            report["totals"] = totals;
        }
        out!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    for file in &plan.files {
        for warning in &file.warnings {
            out!("{}: {}", file.file, warning.message);
        }
    }
    for (index, item) in plan.items.iter().enumerate() {
        let (action, reason) = match outcome.and_then(|o| o.items.get(index)) {
            Some(done) => (done.action, &done.reason),
            None => (item.action, &item.reason),
        };
        out!("{}", line(l, item, action, &reason.message));
    }
    // Addresses no card has, once each (Outlook and Thunderbird may spell one differently).
    let unknown: std::collections::BTreeSet<String> = plan
        .items
        .iter()
        .filter(|item| {
            item.action != CaptureAction::Skip
                || item.reason.code == CaptureCode::NoKnownStakeholder
        })
        .flat_map(|item| {
            item.unknown
                .iter()
                .filter(|u| !u.create)
                .map(|u| u.address.to_lowercase())
        })
        .collect();
    match outcome {
        None => out!(
            "{}",
            t!(
                l,
                "capture-dry-run-summary",
                log = plan.count(CaptureAction::Log),
                update = plan.count(CaptureAction::Update),
                withdraw = plan.count(CaptureAction::Withdraw),
                follow_ups =
                    plan.count(CaptureAction::FollowUp) + plan.count(CaptureAction::UpdateFollowUp),
                skipped = plan.count(CaptureAction::Skip)
            )
        ),
        Some(done) => out!(
            "{}",
            t!(
                l,
                "capture-done-summary",
                logged = done.logged,
                updated = done.updated,
                withdrawn = done.withdrawn,
                follow_ups = done.follow_ups_planned + done.follow_ups_updated,
                cards = done.people_created,
                skipped = done.skipped
            )
        ),
    }
    if !unknown.is_empty() {
        out!(
            "{}",
            t!(
                l,
                "capture-unknown-addresses",
                count = unknown.len(),
                addresses = unknown.into_iter().collect::<Vec<_>>().join(", ")
            )
        );
    }
    Ok(())
}

/// "meeting  2024-03-12 14:00  Overleg kaaimuren — log: to log. With Jan Janssens, Marie Dubois
/// (by name). Unknown: koen.claes@deltaconsult.be (Koen Claes)."
fn line(l: Language, item: &CaptureItem, action: CaptureAction, reason: &str) -> String {
    let action = match action {
        CaptureAction::Log => "log",
        CaptureAction::Update => "update",
        CaptureAction::Withdraw => "withdraw",
        CaptureAction::FollowUp => "follow-up",
        CaptureAction::UpdateFollowUp => "update-follow-up",
        CaptureAction::Skip => "skip",
    };
    let mut text = format!(
        "{:<8} {}  {} — {}",
        t!(l, "capture-kind", kind = item.kind.as_str()),
        item.at.format("%Y-%m-%d %H:%M"),
        if item.subject.is_empty() {
            t!(l, "capture-no-subject")
        } else {
            item.subject.clone()
        },
        t!(l, "capture-item", action = action, reason = reason)
    );
    if !item.people.is_empty() {
        let people: Vec<String> = item
            .people
            .iter()
            .map(|p| match p.matched_by {
                kring_core::capture::MatchedBy::Email => p.name.clone(),
                kring_core::capture::MatchedBy::NameAtOrganisation => {
                    t!(l, "capture-by-name", name = p.name.as_str())
                }
            })
            .collect();
        text.push(' ');
        text.push_str(&t!(l, "capture-with", people = people.join(", ")));
    }
    if !item.unknown.is_empty() {
        let unknown: Vec<String> = item
            .unknown
            .iter()
            .map(|u| {
                let mut about: Vec<&str> = Vec::new();
                if let Some(name) = &u.name {
                    about.push(name);
                }
                if let Some(organisation) = &u.organisation_name {
                    about.push(organisation);
                }
                let created = if u.create {
                    t!(l, "capture-added-as-card")
                } else {
                    String::new()
                };
                if about.is_empty() {
                    format!("{}{created}", u.address)
                } else {
                    format!("{} ({}){created}", u.address, about.join(", "))
                }
            })
            .collect();
        text.push(' ');
        text.push_str(&t!(l, "capture-unknown", addresses = unknown.join(", ")));
    }
    text
}

//! The people on the cards have rights: `kring subject-access`, `forget`, `compact`, `restrict`,
//! `retention`, `purpose`, `access-request`, `erasures` and `processing-log` (see
//! `kring_core::protection`).

use crate::output::print_json;
use crate::terminal::clean;
use anyhow::{bail, Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Subcommand};
use kring_core::model::RecordKind;
use kring_core::protection::processing_log::Activity;
use kring_core::protection::{
    LawfulBasis, Purpose, RestrictionStatus, RetentionAction, RetentionRule,
};
use kring_core::store::{OpenOptions, Store};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct SubjectAccessArgs {
    /// The person (an id or its first digits).
    pub id: String,
    /// Where to write the report: FILE.html (one self-contained page) or FILE.json.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct ForgetArgs {
    /// The person (an id or its first digits); their identity group is forgotten with them.
    pub id: String,
    /// Why: a case number or the article, without naming the person (it travels).
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct RestrictArgs {
    /// The person (an id or its first digits).
    pub id: String,
    /// `objected` (Art. 21), `restricted` (Art. 18), or `lifted` (a manager's).
    #[arg(long, value_parser = crate::args::parse_enum::<RestrictionStatus>)]
    pub status: RestrictionStatus,
    /// How the request came (a letter, a conversation), not the person's reasons.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RetentionArgs {
    #[command(subcommand)]
    pub command: Option<RetentionCommand>,
    /// Show what the rules would remove or clear, and who they propose for erasure; change nothing.
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Confirm the erasure of these proposed people (ids or their first digits).
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub confirm: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum RetentionCommand {
    /// Add a rule (Manager of the Network).
    Add {
        #[arg(long)]
        name: String,
        /// The kind of record: interaction, note, follow_up, relationship, affiliation, link,
        /// event, partnership_review, stakeholder_rating; person (to propose erasure).
        #[arg(long, value_parser = crate::args::parse_enum::<RecordKind>)]
        kind: RecordKind,
        /// clear (named fields), remove, or propose_erasure (people).
        #[arg(long, value_parser = crate::args::parse_enum::<RetentionAction>)]
        action: RetentionAction,
        /// The period: days (2190 or 2190d) or years (6y, counted as 365 days).
        #[arg(long)]
        after: String,
        /// A field to clear (repeat): summary, outcomes, text, notes…
        #[arg(long)]
        field: Vec<String>,
        /// The legal reference: the selection list, the decree, the article.
        #[arg(long = "legal-reference")]
        legal_reference: String,
        #[arg(long)]
        description: Option<String>,
    },
    /// The rules, with who set them.
    Rules {
        #[arg(long)]
        json: bool,
    },
    /// Remove a rule (Manager of the Network).
    Remove { id: String },
}

#[derive(Subcommand, Debug)]
pub enum PurposeCommand {
    /// Record a purpose of processing and its lawful basis (Manager of the Network).
    Add {
        #[arg(long)]
        name: String,
        /// consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests.
        #[arg(long, default_value = "public_task", value_parser = crate::args::parse_enum::<LawfulBasis>)]
        basis: LawfulBasis,
        #[arg(long = "legal-reference")]
        legal_reference: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// Who receives the data (repeat).
        #[arg(long)]
        recipient: Vec<String>,
        /// What is kept (repeat).
        #[arg(long)]
        category: Vec<String>,
    },
    /// The purposes (Kring's default when none is recorded).
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AccessRequestCommand {
    /// Raise a subject access request that travels to every networker (Manager of the Network).
    Raise {
        /// The person (an id or its first digits).
        id: String,
        /// When the request was received: YYYY-MM-DD or today (default).
        #[arg(long)]
        received: Option<String>,
        /// A case number, not a name.
        #[arg(long)]
        reference: Option<String>,
    },
    /// The requests, each with what this store keeps privately about the person.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Mark a request answered (Manager of the Network).
    Answer {
        id: String,
        #[arg(long)]
        on: Option<String>,
    },
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    crate::write_atomically(path, bytes)
}

/// `kring subject-access ID --out FILE`.
pub fn subject_access(store: &Store, args: SubjectAccessArgs, now: DateTime<Utc>) -> Result<()> {
    let id = store.resolve_id(&args.id)?;
    let extension = args
        .out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match extension.as_str() {
        "html" | "htm" => None,
        "json" => Some(()),
        _ => bail!(
            "{}: say FILE.html (a page to hand over) or FILE.json (for programs)",
            args.out.display()
        ),
    };
    let report = store.subject_access(id, now)?;
    let text = match bytes {
        None => report.to_html(),
        Some(()) => serde_json::to_string_pretty(&report)?,
    };
    write(&args.out, text.as_bytes())?;
    out!(
        "wrote the subject access report for {} ({} records, {} cards) to {}",
        clean(&report.name),
        report.items.len(),
        report.cards.len(),
        args.out.display()
    );
    if report.role == kring_core::model::Role::Manager {
        out!("what colleagues keep privately is not in it: `kring access-request raise {id}` asks their Kring to list it for them");
    }
    Ok(())
}

/// `kring forget ID --reason TEXT`.
pub fn forget(store: &Store, args: ForgetArgs, now: DateTime<Utc>) -> Result<()> {
    let id = store.resolve_id(&args.id)?;
    let report = store.forget(id, &args.reason, now)?;
    if args.json {
        return print_json(&serde_json::to_value(&report)?);
    }
    match report.forget {
        Some(record) => out!(
            "forgot {} for the organisation (forget record {record}, {} card(s)); every store that gets it erases them too",
            report.subject,
            report.cards.len()
        ),
        None => out!(
            "forgot {} on this store ({} private card(s)): nothing of them ever left it",
            report.subject,
            report.local_cards.len()
        ),
    }
    let removed: Vec<String> = report
        .swept
        .removed
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    out!(
        "removed {}; {} record(s) kept without them; {} earlier value(s) removed from the history",
        if removed.is_empty() {
            "nothing".to_owned()
        } else {
            removed.join(", ")
        },
        report.swept.changed.values().sum::<u64>(),
        report.swept.history_removed
    );
    out!("run `kring compact` to remove their bytes from the store's files and backups");
    Ok(())
}

/// `kring compact`: consumes the store and opens it again.
pub fn compact(store: Store, json: bool, now: DateTime<Utc>) -> Result<()> {
    let (store, report) = store.compact(&OpenOptions::default(), now)?;
    if json {
        return print_json(&serde_json::to_value(&report)?);
    }
    out!(
        "rewrote {} ({} trees, {} entries): {} → {} bytes",
        store.path().display(),
        report.rewrite.trees,
        report.rewrite.entries,
        report.rewrite.bytes_before,
        report.rewrite.bytes_after
    );
    for path in &report.backups_rewritten {
        out!("rewrote backup {}", path.display());
    }
    for path in &report.held_dropped {
        out!(
            "dropped held bundle {} (its sender sends it again)",
            path.display()
        );
    }
    for path in &report.sync_files_dropped {
        out!(
            "dropped {} from the sync folder (the next sync writes a new one)",
            path.display()
        );
    }
    if report.inbox_emptied {
        out!("emptied the import inbox");
    }
    for path in report
        .backups_unreadable
        .iter()
        .chain(&report.held_unreadable)
    {
        out!(
            "warning: {} cannot be read, so it was not checked: delete it if it may hold an erased person",
            path.display()
        );
    }
    Ok(())
}

/// `kring restrict ID --status STATUS`.
pub fn restrict(store: &Store, args: RestrictArgs, now: DateTime<Utc>) -> Result<()> {
    let id = store.resolve_id(&args.id)?;
    store.mark_restriction(id, args.status, args.reason.as_deref(), now)?;
    match args.status {
        RestrictionStatus::Lifted => out!("lifted the mark on {id}"),
        status => out!(
            "marked {id} {status}: left out of reminders, follow-up lists, newsletters and invitations until a manager lifts it"
        ),
    }
    Ok(())
}

fn parse_days(text: &str) -> Result<u32> {
    let trimmed = text.trim().to_lowercase();
    let (number, factor) = match trimmed.strip_suffix('y') {
        Some(years) => (years, 365),
        None => (trimmed.strip_suffix('d').unwrap_or(&trimmed), 1),
    };
    let value: u32 = number
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .with_context(|| format!("--after '{text}': say a number of days (2190) or years (6y)"))?;
    Ok(value * factor)
}

/// `kring retention`: apply (or `--dry-run`), confirm proposals, and manage the rules.
pub fn retention(store: &Store, args: RetentionArgs, now: DateTime<Utc>) -> Result<()> {
    match args.command {
        Some(RetentionCommand::Add {
            name,
            kind,
            action,
            after,
            field,
            legal_reference,
            description,
        }) => {
            let rule = RetentionRule {
                name,
                applies_to: kind,
                action,
                after_days: parse_days(&after)?,
                fields: field,
                legal_reference,
                description,
            };
            let id = store.add_retention_rule(&rule, now)?;
            out!("{id}");
            out!("it applies the next time Kring opens this store (any command but `kring retention`) and on every store that receives it: see first what it would do with `kring retention --dry-run`");
            return Ok(());
        }
        Some(RetentionCommand::Rules { json }) => {
            let rules = store.retention_rules()?;
            if json {
                return print_json(&serde_json::to_value(&rules)?);
            }
            if rules.is_empty() {
                out!("No retention rules: records are kept until deleted or erased.");
            }
            for view in rules {
                out!(
                    "{}  {}: {} {} after {} days{} ({})",
                    view.id,
                    clean(&view.rule.name),
                    view.rule.action,
                    view.rule.applies_to,
                    view.rule.after_days,
                    if view.rule.fields.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", view.rule.fields.join(", "))
                    },
                    clean(&view.rule.legal_reference)
                );
            }
            return Ok(());
        }
        Some(RetentionCommand::Remove { id }) => {
            let id = store.resolve_id(&id)?;
            if store.kind_of(id)?.as_deref() != Some(RecordKind::RetentionRule.as_str()) {
                bail!("{id} is not a retention rule: see kring retention rules");
            }
            store.delete(id, now)?;
            out!("removed rule {id}");
            return Ok(());
        }
        None => {}
    }
    if !args.confirm.is_empty() {
        // Every id is checked before anyone is forgotten: a typo in the third id must not leave
        // the first two erased and the rest not.
        let ids = args
            .confirm
            .iter()
            .map(|text| store.resolve_id(text))
            .collect::<Result<Vec<_>, _>>()?;
        let proposals = store.erasure_proposals(now)?;
        for id in &ids {
            match proposals.iter().find(|p| p.person == *id) {
                None => bail!(
                    "{id} is not proposed for erasure (see kring retention --dry-run); nobody was erased"
                ),
                Some(p) if !p.may_forget_here => bail!(
                    "{id} is known to the organisation: a Manager of the Network confirms their erasure; nobody was erased"
                ),
                Some(_) => {}
            }
        }
        for id in ids {
            let report = store.confirm_erasure(id, now)?;
            out!(
                "forgot {} ({} record(s) removed)",
                report.subject,
                report.swept.removed.values().sum::<u64>()
            );
        }
        out!("run `kring compact` to remove their bytes from the store's files and backups");
        return Ok(());
    }
    let report = store.apply_retention(now, args.dry_run)?;
    if args.json {
        return print_json(&serde_json::to_value(&report)?);
    }
    if report.rules.is_empty() {
        out!("No retention rules (a Manager of the Network adds them: kring retention add …).");
        return Ok(());
    }
    let verb = if args.dry_run { "would" } else { "did" };
    for rule in &report.rules {
        out!(
            "{}: {} {} after {} days ({}): {verb} concern {} record(s)",
            clean(&rule.name),
            rule.action,
            rule.applies_to,
            rule.after_days,
            clean(&rule.legal_reference),
            rule.records
        );
    }
    for record in report.swept.records.iter().take(50) {
        out!(
            "  {} {} {}",
            record.kind,
            record.id,
            if record.removed {
                "removed".to_owned()
            } else {
                format!("cleared: {}", record.cleared.join(", "))
            }
        );
    }
    if report.swept.total() > 50 {
        out!(
            "  … and {} more (--json lists up to 1,000)",
            report.swept.total() - 50
        );
    }
    if !report.proposals.is_empty() {
        out!("proposed for erasure (confirm each: kring retention --confirm ID…):");
        for proposal in &report.proposals {
            out!(
                "  {}  {}  last activity {}  ({}){}",
                proposal.person,
                clean(&proposal.name),
                proposal
                    .last_activity
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "never".into()),
                clean(&proposal.rule_name),
                if proposal.may_forget_here {
                    ""
                } else {
                    "; a manager erases them"
                }
            );
        }
    }
    if args.dry_run {
        out!("dry run: nothing was changed");
    } else if report.swept.total() > 0 {
        out!("run `kring compact` to remove the bytes of what went from the store's files");
    }
    Ok(())
}

/// `kring purpose add|list`.
pub fn purpose(store: &Store, command: PurposeCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        PurposeCommand::Add {
            name,
            basis,
            legal_reference,
            description,
            recipient,
            category,
        } => {
            let id = store.add_purpose(
                &Purpose {
                    name,
                    description,
                    lawful_basis: basis,
                    legal_reference,
                    recipients: recipient,
                    data_categories: category,
                },
                now,
            )?;
            out!("{id}");
        }
        PurposeCommand::List { json } => {
            let purposes = store.purposes()?;
            if json {
                return print_json(&serde_json::to_value(&purposes)?);
            }
            for purpose in purposes {
                out!(
                    "{}: {} ({}){}{}",
                    clean(&purpose.name),
                    purpose.lawful_basis.describe(),
                    purpose.article,
                    purpose
                        .legal_reference
                        .as_deref()
                        .map(|r| format!("; {}", clean(r)))
                        .unwrap_or_default(),
                    if purpose.default {
                        " [Kring's default: no purpose is recorded]"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    Ok(())
}

fn date_or_today(text: Option<&str>, now: DateTime<Utc>) -> Result<NaiveDate> {
    match text {
        Some(text) => crate::args::parse_date(text, now),
        None => Ok(now.date_naive()),
    }
}

/// `kring access-request raise|list|answer`.
pub fn access_request(
    store: &Store,
    command: AccessRequestCommand,
    now: DateTime<Utc>,
) -> Result<()> {
    match command {
        AccessRequestCommand::Raise {
            id,
            received,
            reference,
        } => {
            let person = store.resolve_id(&id)?;
            let received = date_or_today(received.as_deref(), now)?;
            let request =
                store.raise_access_request(person, received, reference.as_deref(), now)?;
            out!("{request}");
            out!("it travels in your next master; each colleague's Kring then lists what they keep privately about the person");
        }
        AccessRequestCommand::List { json } => {
            let requests = store.access_requests()?;
            if json {
                return print_json(&serde_json::to_value(&requests)?);
            }
            if requests.is_empty() {
                out!("No access requests.");
            }
            for request in requests {
                out!(
                    "{}  person {}  received {}{}{}",
                    request.id,
                    request.subject,
                    request.received,
                    request
                        .reference
                        .as_deref()
                        .map(|r| format!("  ref {}", clean(r)))
                        .unwrap_or_default(),
                    request
                        .answered
                        .map(|d| format!("  answered {d}"))
                        .unwrap_or_default()
                );
                if request.private_records.is_empty() {
                    out!("  this store keeps nothing private about them");
                } else {
                    out!("  kept privately on this store (yours to decide what to hand over; `kring subject-access ID --out FILE` writes it out):");
                    for record in &request.private_records {
                        out!("    {} {}  {}", record.kind, record.id, record.relation);
                    }
                }
            }
        }
        AccessRequestCommand::Answer { id, on } => {
            let request = store.resolve_id(&id)?;
            let on = date_or_today(on.as_deref(), now)?;
            store.answer_access_request(request, on, now)?;
            out!("request {request} answered on {on}");
        }
    }
    Ok(())
}

/// `kring erasures`: the organisation's forget records and this store's local forgets.
pub fn erasures(store: &Store, json: bool) -> Result<()> {
    let erasures = store.erasures()?;
    if json {
        return print_json(&serde_json::to_value(&erasures)?);
    }
    if erasures.is_empty() {
        out!("No one was erased.");
    }
    for erasure in erasures {
        out!(
            "{}  person {}  {} card(s)  by {}  {}: {}",
            erasure.at.as_deref().unwrap_or("?"),
            erasure.subject,
            erasure.cards,
            clean(erasure.by.as_deref().unwrap_or("?")),
            if erasure.local {
                "on this store only".to_owned()
            } else {
                format!(
                    "forget {}",
                    erasure.forget.map(|f| f.to_string()).unwrap_or_default()
                )
            },
            clean(&erasure.reason)
        );
    }
    Ok(())
}

/// `kring processing-log [--since DATE]`.
pub fn processing_log(
    store: &Store,
    since: Option<String>,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let since = match since {
        Some(text) => Some(
            crate::args::parse_date(&text, now)?
                .and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc(),
        ),
        None => None,
    };
    let entries = store.processing_log(since)?;
    if json {
        return print_json(&serde_json::to_value(&entries)?);
    }
    if entries.is_empty() {
        out!("Nothing logged yet.");
    }
    for entry in entries {
        out!(
            "{}  {:<15} {:<16} {:>6} record(s)  {}",
            entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            clean(&entry.by),
            entry.activity.as_str(),
            entry.records,
            clean(&entry.what)
        );
    }
    Ok(())
}

/// Logs what the command line itself wrote: a report, a register, a contacts or calendar file.
pub fn log_written(
    store: &Store,
    activity: Activity,
    path: &std::path::Path,
    records: u64,
    now: DateTime<Utc>,
) -> Result<()> {
    store.log_processing(activity, &format!("wrote {}", path.display()), records, now)?;
    Ok(())
}

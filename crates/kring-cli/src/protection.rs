//! The people on the cards have rights: `kring subject-access`, `forget`, `compact`, `restrict`,
//! `retention`, `purpose`, `access-request`, `erasures` and `processing-log` (see
//! `kring_core::protection`).

use crate::language::language;
use crate::output::{print_json, yes_no};
use crate::terminal::clean;
use anyhow::{bail, Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Subcommand};
use kring_core::model::RecordKind;
use kring_core::protection::processing_log::{Activity, ProcessingWhat};
use kring_core::protection::{
    LawfulBasis, Purpose, RestrictionStatus, RetentionAction, RetentionRule,
};
use kring_core::store::{OpenOptions, Store};
use kring_i18n::{t, Language};
use std::path::PathBuf;

/// A record kind in the language ("interaction" → "contactmoment"); an unknown kind as it is.
fn record_kind(kind: &str) -> String {
    t!(language(), "protection-record-kind", kind = kind)
}

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
        _ => bail!(t!(
            language(),
            "protection-access-bad-extension",
            file = args.out.display().to_string()
        )),
    };
    let report = store.subject_access(id, language(), now)?;
    let text = match bytes {
        None => report.to_html(),
        Some(()) => serde_json::to_string_pretty(&report)?,
    };
    write(&args.out, text.as_bytes())?;
    out!(
        "{}",
        t!(
            language(),
            "protection-access-written",
            name = clean(&report.name),
            records = report.items.len(),
            cards = report.cards.len(),
            file = args.out.display().to_string()
        )
    );
    if report.role == kring_core::model::Role::Manager {
        out!(
            "{}",
            t!(
                language(),
                "protection-access-private-elsewhere",
                id = id.to_string()
            )
        );
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
    let l = language();
    match report.forget {
        Some(record) => out!(
            "{}",
            t!(
                l,
                "protection-forgot-organisation",
                subject = report.subject.to_string(),
                record = record.to_string(),
                cards = report.cards.len()
            )
        ),
        None => out!(
            "{}",
            t!(
                l,
                "protection-forgot-local",
                subject = report.subject.to_string(),
                cards = report.local_cards.len()
            )
        ),
    }
    let removed: Vec<String> = report
        .swept
        .removed
        .iter()
        .map(|(kind, n)| {
            t!(
                l,
                "protection-removed-kind",
                count = *n,
                kind = record_kind(kind.as_str())
            )
        })
        .collect();
    out!(
        "{}",
        t!(
            l,
            "protection-swept",
            removed = if removed.is_empty() {
                t!(l, "protection-swept-nothing")
            } else {
                removed.join(", ")
            },
            changed = report.swept.changed.values().sum::<u64>(),
            history = report.swept.history_removed
        )
    );
    out!("{}", t!(l, "protection-compact-hint"));
    Ok(())
}

/// `kring compact` given up on Ctrl-C: the partial copy was removed and the store is as it was.
/// Its words are said in the reader's language; `main` ends with the shell's code for an
/// interrupt (130) on it.
#[derive(Debug)]
pub struct CompactionStopped(String);

impl std::fmt::Display for CompactionStopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompactionStopped {}

/// Where `kring compact` is, for its Ctrl-C handler, which lives as long as the process.
static COMPACTION: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(NOT_COMPACTING);
/// No compaction runs: Ctrl-C ends the process as it would without a handler.
const NOT_COMPACTING: u8 = 0;
/// A compaction copies: Ctrl-C asks it to stop after its batch.
const COMPACTING: u8 = 1;
/// Ctrl-C was pressed once: a second one ends the process at once, leaving the partial copy for
/// the next open to remove.
const STOP_ASKED: u8 = 2;

/// Stops the compaction on Ctrl-C instead of ending the process in the middle of its copy,
/// which would leave gigabytes in `compact.new/` until the store is next opened.
fn stop_on_ctrl_c() {
    use std::sync::atomic::Ordering;
    let handler = || {
        if COMPACTION
            .compare_exchange(COMPACTING, STOP_ASKED, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            std::process::exit(130);
        }
    };
    // Without a handler (one already set, which `kring` does not do) a Ctrl-C ends the process
    // as before, and the next open removes the copy: the compaction still runs.
    let _ = ctrlc::set_handler(handler);
    COMPACTION.store(COMPACTING, Ordering::SeqCst);
}

/// `kring compact`: consumes the store and opens it again. Ctrl-C stops it: the store stays as
/// it was, and the command ends with code 130.
pub fn compact(store: Store, json: bool, now: DateTime<Utc>) -> Result<()> {
    use std::sync::atomic::Ordering;
    let l = language();
    // At a million cards a compaction takes minutes: a terminal sees how far it is.
    let line = crate::terminal::ProgressLine::new(json);
    let mut progress = |done: u64, total: u64| {
        line.show(done, total, |percent| {
            t!(
                l,
                "protection-compact-progress",
                done = done,
                total = total,
                percent = percent
            )
        })
    };
    stop_on_ctrl_c();
    let stop = || COMPACTION.load(Ordering::SeqCst) == STOP_ASKED;
    let compacted = store.compact_stoppable(&OpenOptions::default(), now, &mut progress, &stop);
    // From here Ctrl-C ends the process again: what is left to do is quick.
    COMPACTION.store(NOT_COMPACTING, Ordering::SeqCst);
    line.finish();
    let (store, report) = compacted?;
    if json {
        print_json(&serde_json::to_value(&report)?)?;
    }
    if report.rewrite.stopped {
        return Err(CompactionStopped(t!(l, "protection-compact-stopped")).into());
    }
    if json {
        return Ok(());
    }
    out!(
        "{}",
        t!(
            l,
            "protection-compacted",
            path = store.path().display().to_string(),
            trees = report.rewrite.trees,
            entries = report.rewrite.entries,
            before = report.rewrite.bytes_before,
            after = report.rewrite.bytes_after
        )
    );
    for path in &report.backups_rewritten {
        let path = path.display().to_string();
        out!("{}", t!(l, "protection-backup-rewritten", path = path));
    }
    for path in &report.held_dropped {
        let path = path.display().to_string();
        out!("{}", t!(l, "protection-held-dropped", path = path));
    }
    for path in &report.sync_files_dropped {
        let path = path.display().to_string();
        out!("{}", t!(l, "protection-sync-file-dropped", path = path));
    }
    if report.inbox_emptied {
        out!("{}", t!(l, "protection-inbox-emptied"));
    }
    for path in report
        .backups_unreadable
        .iter()
        .chain(&report.held_unreadable)
    {
        let path = path.display().to_string();
        out!("{}", t!(l, "protection-unreadable-warning", path = path));
    }
    Ok(())
}

/// `kring restrict ID --status STATUS`.
pub fn restrict(store: &Store, args: RestrictArgs, now: DateTime<Utc>) -> Result<()> {
    let id = store.resolve_id(&args.id)?;
    store.mark_restriction(id, args.status, args.reason.as_deref(), now)?;
    match args.status {
        RestrictionStatus::Lifted => out!(
            "{}",
            t!(language(), "protection-lifted", id = id.to_string())
        ),
        status => out!(
            "{}",
            t!(
                language(),
                "protection-marked",
                id = id.to_string(),
                status = status.to_string()
            )
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
        .with_context(|| t!(language(), "protection-after-unreadable", text = text))?;
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
            out!("{}", t!(language(), "protection-rule-added"));
            return Ok(());
        }
        Some(RetentionCommand::Rules { json }) => {
            let rules = store.retention_rules()?;
            if json {
                return print_json(&serde_json::to_value(&rules)?);
            }
            let l = language();
            if rules.is_empty() {
                out!("{}", t!(l, "protection-no-rules"));
            }
            for view in rules {
                out!(
                    "{}  {}",
                    view.id,
                    t!(
                        l,
                        "protection-rule",
                        name = clean(&view.rule.name),
                        action = view.rule.action.to_string(),
                        kind = record_kind(view.rule.applies_to.as_str()),
                        days = view.rule.after_days,
                        fields = if view.rule.fields.is_empty() {
                            String::new()
                        } else {
                            format!(" [{}]", view.rule.fields.join(", "))
                        },
                        reference = clean(&view.rule.legal_reference)
                    )
                );
            }
            return Ok(());
        }
        Some(RetentionCommand::Remove { id }) => {
            let id = store.resolve_id(&id)?;
            if store.kind_of(id)?.as_deref() != Some(RecordKind::RetentionRule.as_str()) {
                bail!(t!(language(), "protection-not-a-rule", id = id.to_string()));
            }
            store.delete(id, now)?;
            out!(
                "{}",
                t!(language(), "protection-rule-removed", id = id.to_string())
            );
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
                None => bail!(t!(
                    language(),
                    "protection-not-proposed",
                    id = id.to_string()
                )),
                Some(p) if !p.may_forget_here => bail!(t!(
                    language(),
                    "protection-erasure-for-a-manager",
                    id = id.to_string()
                )),
                Some(_) => {}
            }
        }
        for id in ids {
            let report = store.confirm_erasure(id, now)?;
            out!(
                "{}",
                t!(
                    language(),
                    "protection-forgot-confirmed",
                    subject = report.subject.to_string(),
                    records = report.swept.removed.values().sum::<u64>()
                )
            );
        }
        out!("{}", t!(language(), "protection-compact-hint"));
        return Ok(());
    }
    let report = store.apply_retention(now, args.dry_run)?;
    if args.json {
        return print_json(&serde_json::to_value(&report)?);
    }
    let l = language();
    if report.rules.is_empty() {
        out!("{}", t!(l, "protection-no-rules-to-apply"));
        return Ok(());
    }
    for rule in &report.rules {
        out!(
            "{}",
            t!(
                l,
                "protection-rule-applied",
                name = clean(&rule.name),
                action = rule.action.to_string(),
                kind = record_kind(rule.applies_to.as_str()),
                days = rule.after_days,
                reference = clean(&rule.legal_reference),
                dry_run = yes_no(args.dry_run),
                records = rule.records
            )
        );
    }
    for record in report.swept.records.iter().take(50) {
        out!(
            "  {} {} {}",
            record_kind(record.kind.map_or("record", |k| k.as_str())),
            record.id,
            if record.removed {
                t!(l, "protection-record-removed")
            } else {
                t!(
                    l,
                    "protection-record-cleared",
                    fields = record.cleared.join(", ")
                )
            }
        );
    }
    if report.swept.total() > 50 {
        out!(
            "  {}",
            t!(
                l,
                "protection-records-more",
                count = report.swept.total() - 50
            )
        );
    }
    if !report.proposals.is_empty() {
        out!("{}", t!(l, "protection-proposals"));
        for proposal in &report.proposals {
            out!(
                "  {}  {}",
                proposal.person,
                t!(
                    l,
                    "protection-proposal",
                    name = clean(&proposal.name),
                    last = proposal
                        .last_activity
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| t!(l, "card-never")),
                    rule = clean(&proposal.rule_name),
                    here = yes_no(proposal.may_forget_here)
                )
            );
        }
    }
    if args.dry_run {
        out!("{}", t!(l, "protection-dry-run"));
    } else if report.swept.total() > 0 {
        out!("{}", t!(l, "protection-compact-hint-retention"));
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
            let l = language();
            // --json is one in every language (scripts compare it): its words stay English.
            let purposes = store.purposes(if json { Language::English } else { l })?;
            if json {
                return print_json(&serde_json::to_value(&purposes)?);
            }
            for purpose in purposes {
                out!(
                    "{}: {} ({}){}{}",
                    clean(&purpose.name),
                    purpose.lawful_basis.describe(l),
                    purpose.article,
                    purpose
                        .legal_reference
                        .as_deref()
                        .map(|r| format!("; {}", clean(r)))
                        .unwrap_or_default(),
                    if purpose.default {
                        format!(" {}", t!(l, "protection-purpose-default"))
                    } else {
                        String::new()
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
            out!("{}", t!(language(), "protection-request-raised"));
        }
        AccessRequestCommand::List { json } => {
            let l = language();
            let requests = store.access_requests(if json { Language::English } else { l })?;
            if json {
                return print_json(&serde_json::to_value(&requests)?);
            }
            if requests.is_empty() {
                out!("{}", t!(l, "protection-no-requests"));
            }
            for request in requests {
                out!(
                    "{}  {}{}{}",
                    request.id,
                    t!(
                        l,
                        "protection-request",
                        person = request.subject.to_string(),
                        received = request.received.to_string()
                    ),
                    request
                        .reference
                        .as_deref()
                        .map(|r| format!(
                            "  {}",
                            t!(l, "protection-request-reference", reference = clean(r))
                        ))
                        .unwrap_or_default(),
                    request
                        .answered
                        .map(|d| format!(
                            "  {}",
                            t!(l, "protection-request-answered", day = d.to_string())
                        ))
                        .unwrap_or_default()
                );
                if request.private_records.is_empty() {
                    out!("  {}", t!(l, "protection-request-nothing-private"));
                } else {
                    out!("  {}", t!(l, "protection-request-private"));
                    for record in &request.private_records {
                        out!(
                            "    {} {}  {}",
                            record_kind(record.kind.map_or("record", |k| k.as_str())),
                            record.id,
                            clean(&record.relation)
                        );
                    }
                }
            }
        }
        AccessRequestCommand::Answer { id, on } => {
            let request = store.resolve_id(&id)?;
            let on = date_or_today(on.as_deref(), now)?;
            store.answer_access_request(request, on, now)?;
            out!(
                "{}",
                t!(
                    language(),
                    "protection-request-answered-on",
                    id = request.to_string(),
                    day = on.to_string()
                )
            );
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
    let l = language();
    if erasures.is_empty() {
        out!("{}", t!(l, "protection-no-erasures"));
    }
    for erasure in erasures {
        out!(
            "{}  {}",
            erasure.at.as_deref().unwrap_or("?"),
            t!(
                l,
                "protection-erasure",
                person = erasure.subject.to_string(),
                cards = erasure.cards,
                by = clean(erasure.by.as_deref().unwrap_or("?")),
                place = if erasure.local {
                    t!(l, "protection-erasure-local")
                } else {
                    t!(
                        l,
                        "protection-erasure-forget",
                        record = erasure.forget.map(|f| f.to_string()).unwrap_or_default()
                    )
                },
                reason = clean(&erasure.reason)
            )
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
    let l = language();
    let entries = store.processing_log(since, if json { Language::English } else { l })?;
    if json {
        return print_json(&serde_json::to_value(&entries)?);
    }
    if entries.is_empty() {
        out!("{}", t!(l, "protection-log-empty"));
    }
    for entry in entries {
        out!(
            "{}  {:<15} {:<16} {:>6} {}  {}",
            entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            clean(&entry.by),
            t!(l, "protection-activity", activity = entry.activity.as_str()),
            entry.records,
            t!(l, "protection-log-records", count = entry.records),
            clean(&entry.text)
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
    let what = ProcessingWhat::Wrote {
        file: path.display().to_string(),
    };
    store.log_processing(activity, what, records, now)?;
    Ok(())
}

//! `kring`: the command line. Parses arguments, reads the clock and the environment, calls
//! kring-core, and prints text or JSON. No domain logic lives here.
//!
//! Every failure exits non-zero with one line on stderr saying what is wrong.

/// `println!` that ends the program quietly when the reader has gone (`kring card list | head`)
/// instead of panicking on the broken pipe.
macro_rules! out {
    () => {
        $crate::emit(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::emit(format_args!($($arg)*))
    };
}

// sled allocates and frees a great deal: with glibc's allocator a merge spent a third of its time
// in malloc and free (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod capture;
mod graph;
mod help;
mod language;
mod manager;
mod organisation;
mod output;
mod parse_errors;
mod protection;
mod sync_folder;
mod terminal;

use anyhow::{Context, Result};
use args::*;
use chrono::Utc;
use clap::{CommandFactory, FromArgMatches};
use kring_core::cards::views::{CardFilter, LogRequest, RelateRequest};
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use kring_i18n::t;
use output::Printer;
use std::path::PathBuf;
use std::process::ExitCode;

fn emit(line: std::fmt::Arguments) {
    use std::io::Write;
    // Names and notes come from other people's files: no escape sequence reaches the terminal.
    let line = line.to_string();
    if let Err(error) = writeln!(
        std::io::stdout().lock(),
        "{}",
        terminal::strip_controls(&line)
    ) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!(
            "kring: {}",
            t!(
                language::language(),
                "output-unwritable",
                error = error.to_string()
            )
        );
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    kring_core::store::prefer_small_pages();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Chosen before parsing: `--help` is written in it.
    let language = language::choose(&args, |name| std::env::var(name).ok());
    let parsed = help::translated(Cli::command(), language)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = error.print();
                return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            // clap words its refusals in English only: they are said again in the language.
            let words = parse_errors::words(&error, &Cli::command(), &args, language);
            eprintln!("kring: {}", terminal::strip_controls(&words));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = language::chain_words(&error, language);
            eprintln!(
                "kring: {}",
                terminal::strip_controls(&message.replace('\n', " "))
            );
            // A compaction stopped by Ctrl-C ends as the shell expects of an interrupt.
            if error.is::<protection::CompactionStopped>() {
                return ExitCode::from(130);
            }
            ExitCode::FAILURE
        }
    }
}

/// Writes a file so that readers (a calendar subscribed to it, say) never see half of it.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    kring_core::files::write_atomically(path, bytes).map_err(|e| {
        anyhow::anyhow!(t!(
            language::language(),
            "file-unwritable",
            path = path.display().to_string(),
            reason = kring_core::files::write_failure(&e)
        ))
    })
}

fn store_path(cli_store: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(path) = cli_store {
        return Ok(path);
    }
    kring_core::files::default_store_path()
        .with_context(|| t!(language::language(), "no-home-folder"))
}

fn open(cli_store: Option<PathBuf>) -> Result<Store> {
    open_with(cli_store, &OpenOptions::default())
}

fn open_with(cli_store: Option<PathBuf>, options: &OpenOptions) -> Result<Store> {
    let path = store_path(cli_store)?;
    let store = Store::open(&path, options)?;
    if let Some(old) = store.node_renewed_from {
        eprintln!(
            "kring: {}",
            t!(
                language::language(),
                "note-node-renewed",
                old = old.to_string(),
                new = store.node_id().to_string()
            )
        );
    }
    Ok(store)
}

/// `website=www.port.be` as `website=https://www.port.be` (and each of `websites=a.be,b.be`).
fn complete_websites((field, value): (String, String)) -> (String, String) {
    let value = match field.as_str() {
        "website" if !value.trim().is_empty() => complete_web_address(&value),
        "websites" => value
            .split(',')
            .map(|w| match w.trim() {
                "" => String::new(),
                w => complete_web_address(w),
            })
            .collect::<Vec<_>>()
            .join(","),
        _ => value,
    };
    (field, value)
}

/// "; 3 private cards left out (--include-private writes them)", or nothing. `what` is
/// `cards` or `follow-ups`.
fn left_out(count: usize, what: &str) -> String {
    match count {
        0 => String::new(),
        n => format!(
            "; {}",
            t!(
                language::language(),
                "private-left-out",
                count = n,
                what = what
            )
        ),
    }
}

/// A card as named in messages: its name and id.
fn card_label(store: &Store, id: RecordId) -> Result<String> {
    let name = store
        .live_state(id)?
        .map(|state| kring_core::store::search::card_title(&state).0)
        .unwrap_or_default();
    Ok(format!("{name} ({id})"))
}

fn run(cli: Cli) -> Result<()> {
    let now = Utc::now();
    let language = language::language();
    // Inspecting a file needs no store.
    if let Command::Inspect { file, jsonl } = &cli.command {
        let path = cli.store.clone();
        return output::inspect(file, *jsonl, || open(path));
    }
    if let Command::Sync(args) = cli.command {
        // A watch opens the store for each pass only, so the app can open it in between.
        let path = cli.store.clone();
        return sync_folder::run(|| open(path.clone()), args);
    }
    // Never dropped: every commit is already flushed, and sled's flush on drop waits forever
    // once its disk has refused a write (a full disk), so a command that failed would hang
    // instead of saying why. The process exit releases the store.
    // A check reads every record and index entry once: sled's cache would only fill with pages
    // never read again.
    let options = match cli.command {
        Command::Check { .. } => OpenOptions::reading_once_through(),
        _ => OpenOptions::default(),
    };
    let store = std::mem::ManuallyDrop::new(open_with(cli.store, &options)?);
    // Retention rules apply at open, once a day (and again when the rules change); a dry run
    // must see what they would do, so it is not preceded by the real thing.
    if !matches!(cli.command, Command::Retention(_)) {
        if let Some(run) = store.run_retention_if_due(now)? {
            if run.swept.total() > 0 {
                eprintln!(
                    "kring: {}",
                    t!(language, "note-retention", count = run.swept.total())
                );
            }
        }
    }
    let printer = Printer { language };
    match cli.command {
        Command::Init { name, email, role } => {
            let profile = store.init(&name, &email, role, now)?;
            out!(
                "{}",
                t!(
                    language,
                    "init-done",
                    name = profile.name.as_str(),
                    email = profile.email.as_str(),
                    role = profile.role.as_str(),
                    path = store.path().display().to_string()
                )
            );
            out!("{}", profile.networker);
        }
        Command::Card(CardCommand::Add(AddCommand::Person(person))) => {
            store.require_profile()?;
            let body = Person {
                display_name: person.name.trim().to_owned(),
                given_name: None,
                family_name: None,
                honorific: None,
                job_title: person.title.clone(),
                emails: person.email,
                phones: person.phone,
                addresses: vec![],
                websites: person
                    .website
                    .iter()
                    .map(|w| complete_web_address(w))
                    .collect(),
                social_handles: vec![],
                languages: vec![],
                tags: person.tag,
            };
            let organisation = match &person.org {
                Some(org) => Some(store.resolve_id(org)?),
                None => None,
            };
            let id = store.create_person(
                &body,
                organisation,
                person.title.as_deref(),
                person.visibility,
                now,
            )?;
            out!("{id}");
        }
        Command::Card(CardCommand::Add(AddCommand::Org(org))) => {
            store.require_profile()?;
            let parent = match &org.parent {
                Some(parent) => Some(store.resolve_id(parent)?),
                None => None,
            };
            let body = Organisation {
                name: org.name.trim().to_owned(),
                sector: org.sector,
                level: org.level,
                parent,
                website: org.website.as_deref().map(complete_web_address),
                tags: org.tag,
            };
            let id = store.create(&body, org.visibility, now)?;
            out!("{id}");
        }
        Command::Card(CardCommand::List { kind, tag, json }) => {
            let kind = match kind {
                Some(CardKindArg::Person) => Some(RecordKind::Person),
                Some(CardKindArg::Org) => Some(RecordKind::Organisation),
                Some(CardKindArg::Networker) => Some(RecordKind::Networker),
                None => None,
            };
            let cards = store.list_cards(&CardFilter { kind, tag })?;
            printer.card_list(&cards, json)?;
        }
        Command::Card(CardCommand::Show { id, json }) => {
            let id = store.resolve_id(&id)?;
            let detail = store.card_detail(id, now)?;
            printer.card_detail(&detail, json)?;
        }
        Command::Card(CardCommand::Edit { id, set }) => {
            let id = store.resolve_id(&id)?;
            let assignments = set
                .iter()
                .map(|s| parse_assignment(s))
                .map(|a| a.map(complete_websites))
                .collect::<Result<Vec<_>>>()?;
            store.set_fields(id, &assignments, now)?;
            out!("{id}");
        }
        Command::Card(CardCommand::Rm { id }) => {
            let id = store.resolve_id(&id)?;
            store.delete(id, now)?;
            out!("{}", t!(language, "card-deleted", id = id.to_string()));
        }
        Command::Relate {
            id,
            strength,
            trust,
            cadence,
            status,
            visibility,
        } => {
            let stakeholder = store.resolve_id(&id)?;
            let request = RelateRequest {
                strength,
                trust,
                cadence_days: cadence,
                status,
                since: None,
                visibility,
            };
            let relationship = store.relate(stakeholder, &request, now)?;
            out!("{relationship}");
        }
        Command::Log {
            with,
            kind,
            at,
            summary,
            outcome,
            follow_up,
            due,
            visibility,
        } => {
            let with = with
                .iter()
                .map(|w| store.resolve_id(w))
                .collect::<Result<Vec<_>, _>>()?;
            let at = match at {
                Some(text) => parse_when(&text, now)?,
                None => now.with_timezone(&chrono::Local).fixed_offset(),
            };
            let follow_up = match (follow_up, due) {
                (Some(text), Some(due)) => Some((text, parse_date(&due, now)?)),
                (Some(text), None) => Some((text, now.date_naive() + chrono::Duration::days(7))),
                (None, Some(_)) => anyhow::bail!(t!(language, "due-needs-follow-up")),
                (None, None) => None,
            };
            let logged = store.log_interaction(
                &LogRequest {
                    with,
                    kind,
                    at,
                    summary,
                    outcomes: outcome,
                    follow_up,
                    visibility,
                },
                now,
            )?;
            out!("{}", logged.interaction);
            if let Some(follow_up) = logged.follow_up {
                out!(
                    "{}",
                    t!(language, "logged-follow-up", id = follow_up.to_string())
                );
            }
        }
        Command::FollowUps { due_before, json } => {
            let due_before = match due_before {
                Some(text) => Some(parse_date(&text, now)?),
                None => None,
            };
            let follow_ups = store.follow_ups(due_before)?;
            printer.follow_ups(&follow_ups, now.date_naive(), json)?;
        }
        Command::Done { id, undo } => {
            let id = store.resolve_id(&id)?;
            store.set_follow_up_done(id, !undo, now)?;
            out!(
                "{}",
                t!(
                    language,
                    "follow-up-done",
                    undo = output::yes_no(undo),
                    id = id.to_string()
                )
            );
        }
        Command::Note {
            id,
            text,
            visibility,
        } => {
            let about = store.resolve_id(&id)?;
            let note = store.add_note(about, &text, visibility, now)?;
            out!("{note}");
        }
        Command::Today { json } => {
            // The app's Today: the same function, on the user's local date.
            let today = now.with_timezone(&chrono::Local).date_naive();
            printer.today(&store.today(today, now)?, today, json)?;
        }
        Command::Search { query, limit, json } => {
            let hits = store.search(&query.join(" "), limit)?;
            printer.search(&hits, json)?;
        }
        Command::Duplicates { json } => printer.duplicates(&store.duplicates(now)?, json)?,
        Command::SameAs { a, b } => {
            store.require_profile()?;
            let (a, b) = (store.resolve_id(&a)?, store.resolve_id(&b)?);
            store.declare_same_as(a, b, true, now)?;
            let group = store.identity_group(a)?;
            out!(
                "{}",
                t!(
                    language,
                    "same-as-done",
                    a = card_label(&store, a)?,
                    b = card_label(&store, b)?,
                    shown = group[0].to_string(),
                    count = group.len()
                )
            );
        }
        Command::NotSame { a, b } => {
            store.require_profile()?;
            let (a, b) = (store.resolve_id(&a)?, store.resolve_id(&b)?);
            store.declare_same_as(a, b, false, now)?;
            let (label_a, label_b) = (card_label(&store, a)?, card_label(&store, b)?);
            match store.same_as_path(a, b)? {
                None => out!(
                    "{}",
                    t!(language, "not-same-done", a = label_a, b = label_b)
                ),
                Some(path) => {
                    let chain = path
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" = ");
                    out!(
                        "{}",
                        t!(
                            language,
                            "not-same-still-one",
                            a = label_a,
                            b = label_b,
                            chain = chain
                        )
                    );
                }
            }
        }
        Command::Demo {
            seed,
            cards,
            sandbox,
        } => {
            let summary = kring_core::demo::generate(
                &store,
                &kring_core::demo::DemoOptions {
                    seed,
                    cards,
                    mark_as_demo: sandbox,
                    language,
                },
                now,
            )?;
            out!(
                "{}",
                t!(
                    language,
                    "demo-done",
                    networkers = summary.networkers,
                    organisations = summary.organisations,
                    people = summary.people,
                    relationships = summary.relationships,
                    interactions = summary.interactions,
                    follow_ups = summary.follow_ups,
                    notes = summary.notes,
                    links = summary.links
                )
            );
        }
        Command::Export {
            out,
            full,
            plain,
            json,
        } => {
            let report = store.export_bundle_with(&out, full, plain, now)?;
            protection::log_written(
                &store,
                kring_core::protection::processing_log::Activity::Export,
                &out,
                report.records,
                now,
            )?;
            // An export for the managers takes along the colleagues' hand-overs this store
            // passes on (a sync pass puts them in the sync folder); a plain one is for a
            // colleague, who has no use for them.
            let mut report = report;
            if !plain {
                for copy in store.copy_relays_beside(&out)? {
                    protection::log_written(
                        &store,
                        kring_core::protection::processing_log::Activity::Export,
                        &copy.path,
                        copy.header.record_count,
                        now,
                    )?;
                    report.relayed.push(copy.path);
                }
            }
            printer.export(&report, json)?;
        }
        Command::Import {
            files,
            dry_run,
            json,
        } => {
            use kring_core::bounds::{check_file_size, MAX_BUNDLE_FILE_BYTES};
            for file in &files {
                check_file_size(file, MAX_BUNDLE_FILE_BYTES, "a bundle")?;
            }
            let line = terminal::ProgressLine::new(json);
            let mut progress = |done: u64, total: u64| {
                line.show(done, total, |percent| {
                    t!(
                        language,
                        "import-progress",
                        done = done,
                        total = total,
                        percent = percent
                    )
                })
            };
            let imported = store.import_bundles_with_progress(&files, dry_run, now, &mut progress);
            // Cleared before an error is said, too.
            line.finish();
            let report = imported?;
            printer.import(&report, json)?;
            // The advice Settings › Disk space gives.
            let usage = store.disk_usage()?;
            if !json && !dry_run && usage.imports_left_room {
                out!(
                    "{}",
                    t!(
                        language,
                        "import-compact-hint",
                        records = usage.imported_since_compaction
                    )
                );
            }
        }
        Command::Inspect { .. } => unreachable!("handled before the store is opened"),
        Command::Digest => out!("{}", store.digest()?),
        Command::Conflicts { json } => printer.conflicts(&store.conflicts()?, json)?,
        Command::Resolve {
            id,
            field,
            keep,
            take,
            value,
        } => {
            use kring_core::sync::conflicts::Resolution;
            let id = store.resolve_id(&id)?;
            let resolution = match (keep, take, value) {
                (_, Some(0), _) => anyhow::bail!(t!(language, "take-counts-from-one")),
                (_, Some(n), _) => Resolution::TakeLosing(n - 1),
                (_, None, Some(value)) => Resolution::Value(value),
                (true, None, None) => Resolution::KeepCurrent,
                (false, None, None) => {
                    anyhow::bail!(t!(language, "resolve-say-which"))
                }
            };
            store.resolve(id, &field, &resolution, now)?;
            out!(
                "{}",
                t!(
                    language,
                    "resolved",
                    field = field.as_str(),
                    id = id.to_string()
                )
            );
        }
        Command::Trust { file } => organisation::trust(&store, file, now)?,
        Command::Invite(args) => organisation::invite(&store, args, now)?,
        Command::Join { file } => organisation::join(&store, file, now)?,
        Command::Members { json } => organisation::members(&store, json)?,
        Command::Approve(args) => organisation::approve(&store, args, now)?,
        Command::DropClaim { member, node } => {
            organisation::drop_claim(&store, &member, &node, now)?
        }
        Command::Sync(_) => unreachable!("handled before the store is opened"),
        Command::Capture(args) => capture::run(&store, args, now)?,
        Command::Backup { out } => {
            let path = match out {
                Some(path) => path,
                None => {
                    let folder = store.path().join("backups");
                    std::fs::create_dir_all(&folder).with_context(|| {
                        t!(
                            language,
                            "folder-uncreatable",
                            path = folder.display().to_string()
                        )
                    })?;
                    folder.join(format!(
                        "{}-manual.kring-backup",
                        now.format("%Y%m%dT%H%M%SZ")
                    ))
                }
            };
            let records = store.backup(&path, now)?;
            out!(
                "{}",
                t!(
                    language,
                    "backup-done",
                    records = records,
                    path = path.display().to_string()
                )
            );
        }
        Command::Restore { file } => {
            use kring_core::bounds::{check_file_size, MAX_BACKUP_FILE_BYTES};
            check_file_size(&file, MAX_BACKUP_FILE_BYTES, "a backup")?;
            let (records, safety) = store.restore(&file, now)?;
            out!(
                "{}",
                t!(
                    language,
                    "restore-done",
                    records = records,
                    path = file.display().to_string(),
                    safety = safety.display().to_string()
                )
            );
        }
        Command::ImportContacts {
            file,
            format,
            preset,
            visibility,
            dry_run,
            json,
        } => {
            use kring_core::bounds::{read_file, MAX_CONTACTS_FILE_BYTES};
            use kring_core::contacts::ContactFormat;
            use kring_core::kring_interop::CsvPreset;
            let bytes = read_file(&file, MAX_CONTACTS_FILE_BYTES, "an address book")?;
            let format = format.map(|f| match f {
                ContactFormatArg::Vcard => ContactFormat::Vcard,
                ContactFormatArg::Csv => ContactFormat::Csv,
            });
            let preset = preset.map(|p| match p {
                CsvPresetArg::Linkedin => CsvPreset::LinkedIn,
                CsvPresetArg::Outlook => CsvPreset::Outlook,
                CsvPresetArg::Google => CsvPreset::Google,
                CsvPresetArg::Generic => CsvPreset::Generic,
            });
            let name = file.display().to_string();
            let report = store
                .import_contacts_as(&name, &bytes, format, preset, visibility, dry_run, now)?;
            printer.contacts_import(&report, json)?;
        }
        Command::ExportContacts {
            format,
            out,
            include_private,
        } => {
            if format != ContactFormatArg::Vcard {
                anyhow::bail!(t!(language, "contacts-vcard-only"));
            }
            let export = store.export_contacts(include_private, now)?;
            write_atomically(&out, export.text.as_bytes())?;
            protection::log_written(
                &store,
                kring_core::protection::processing_log::Activity::ContactsExport,
                &out,
                export.written as u64,
                now,
            )?;
            out!(
                "{}{}",
                t!(
                    language,
                    "contacts-exported",
                    count = export.written,
                    path = out.display().to_string()
                ),
                left_out(export.private_left_out, "cards")
            );
        }
        Command::ExportCalendar {
            out,
            include_private,
        } => {
            let export = store.export_follow_ups(include_private, language)?;
            write_atomically(&out, export.text.as_bytes())?;
            out!(
                "{}{}",
                t!(
                    language,
                    "calendar-exported",
                    count = export.written,
                    path = out.display().to_string()
                ),
                left_out(export.private_left_out, "follow-ups")
            );
        }
        Command::Goal(command) => manager::goal(&store, command, now)?,
        Command::Team(command) => manager::team(&store, command, now)?,
        Command::Partnership(command) => manager::partnership(&store, command, now)?,
        Command::Event(command) => manager::event(&store, command, now)?,
        Command::Networker(command) => manager::networker(&store, command, now)?,
        Command::Kpi(args) => manager::kpi(&store, args, now)?,
        Command::Report(args) => manager::report(&store, args, language, now)?,
        Command::Offboard(args) => manager::offboard(&store, args, language, now)?,
        Command::Transparency(args) => manager::transparency(&store, args, language, now)?,
        Command::Graph(command) => graph::run(&store, command, now)?,
        Command::SubjectAccess(args) => protection::subject_access(&store, args, now)?,
        Command::Forget(args) => protection::forget(&store, args, now)?,
        Command::Compact { json } => {
            protection::compact(std::mem::ManuallyDrop::into_inner(store), json, now)?
        }
        Command::Restrict(args) => protection::restrict(&store, args, now)?,
        Command::Retention(args) => protection::retention(&store, args, now)?,
        Command::Purpose(command) => protection::purpose(&store, command, now)?,
        Command::AccessRequest(command) => protection::access_request(&store, command, now)?,
        Command::Erasures { json } => protection::erasures(&store, json)?,
        Command::ProcessingLog { since, json } => {
            protection::processing_log(&store, since, json, now)?
        }
        Command::Check { repair, json } => {
            let report = store.check(repair, now)?;
            printer.check(&report, json)?;
            if report.needs_repair() && !report.repaired {
                anyhow::bail!(t!(
                    language,
                    "check-drifted",
                    missing = report.missing.len(),
                    stale = report.stale.len(),
                    misfiled = report.problems.iter().filter(|p| p.repairable).count()
                ));
            }
            if report.beyond_repair() > 0 {
                anyhow::bail!(t!(
                    language,
                    "check-beyond-repair",
                    count = report.beyond_repair(),
                    unreadable = report.unreadable.len(),
                    misfit = report.problems.iter().filter(|p| p.field.is_some()).count(),
                    kindless = report
                        .problems
                        .iter()
                        .filter(|p| p.field.is_none() && !p.repairable)
                        .count()
                ));
            }
        }
    }
    Ok(())
}

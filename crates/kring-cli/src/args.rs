//! The command-line grammar. These names are the scripting interface users and later work rely
//! on: add to them, do not rename them.

use crate::language::language;
use anyhow::{bail, Result};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use kring_core::model::*;
use kring_i18n::{t, Language};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "kring",
    version,
    about = "Kring: strategic relationship management, local-first."
)]
pub struct Cli {
    /// The store folder (default: Kring's folder in your data directory).
    #[arg(long, global = true, env = "KRING_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// The language to write in: nl, fr, de or en (default: KRING_LANG, else the system's
    /// locale, else English). `--json` output is the same in every language.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Set up the store for its owner.
    Init {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "networker", value_parser = parse_enum::<Role>)]
        role: Role,
    },
    /// Add, list, show, edit and delete relationship cards.
    #[command(subcommand)]
    Card(CardCommand),
    /// Set your relationship with a stakeholder.
    Relate {
        id: String,
        #[arg(long, value_parser = clap::value_parser!(u8))]
        strength: Option<u8>,
        #[arg(long, value_parser = clap::value_parser!(u8))]
        trust: Option<u8>,
        /// Keep in touch every DAYS days.
        #[arg(long, value_name = "DAYS")]
        cadence: Option<u32>,
        #[arg(long, value_parser = parse_enum::<RelationshipStatus>)]
        status: Option<RelationshipStatus>,
        #[arg(long, value_parser = parse_enum::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Log an interaction (and a follow-up).
    Log {
        /// The cards the interaction was with (ids or their first digits).
        #[arg(long, required = true, num_args = 1..)]
        with: Vec<String>,
        #[arg(long, value_parser = parse_enum::<InteractionKind>)]
        kind: InteractionKind,
        /// When: YYYY-MM-DD, "YYYY-MM-DD HH:MM", RFC 3339, today or yesterday (default: now).
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        summary: String,
        /// An outcome (repeat for several).
        #[arg(long)]
        outcome: Vec<String>,
        #[arg(long = "follow-up", value_name = "TEXT")]
        follow_up: Option<String>,
        /// Due date of the follow-up: YYYY-MM-DD, today, tomorrow or +N (days from today).
        #[arg(long)]
        due: Option<String>,
        #[arg(long, value_parser = parse_enum::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Open follow-ups, earliest first.
    FollowUps {
        #[arg(long = "due-before", value_name = "DATE")]
        due_before: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark a follow-up done.
    Done {
        id: String,
        /// Open it again instead.
        #[arg(long)]
        undo: bool,
    },
    /// Add a note to a card.
    Note {
        id: String,
        text: String,
        #[arg(long, value_parser = parse_enum::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Follow-ups due and relationships going cold.
    Today {
        #[arg(long)]
        json: bool,
    },
    /// Search cards as you type: names, organisations, emails, tags, notes.
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Pairs of cards that may be one person or organisation, most likely first.
    Duplicates {
        #[arg(long)]
        json: bool,
    },
    /// Say that two cards are one person or organisation: from now on they show as one card.
    SameAs {
        /// A card (an id or its first digits).
        a: String,
        /// The card it is the same as.
        b: String,
    },
    /// Say that two cards are not one person or organisation (undoes `same-as`).
    NotSame {
        /// A card (an id or its first digits).
        a: String,
        /// The card it is not the same as.
        b: String,
    },
    /// Fill the store with a fictional network of a Flemish city administration.
    Demo {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 2_000)]
        cards: usize,
        /// Mark the store as a demo store: it then refuses to export or sync, for good.
        #[arg(long)]
        sandbox: bool,
    },
    /// Write an export bundle of what you share (a delta unless --full).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Everything you share, not only what the recipient has not acknowledged.
        #[arg(long)]
        full: bool,
        /// Do not encrypt it (by default it is encrypted to the organisation's managers, or for
        /// a manager's master to every member): for a colleague who is not among them.
        #[arg(long)]
        plain: bool,
        #[arg(long)]
        json: bool,
    },
    /// Import and merge bundles (all of them or none).
    Import {
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Show what would change without changing anything.
        #[arg(long = "dry-run")]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show a bundle's header and every record it carries, as JSON.
    Inspect {
        file: PathBuf,
        /// One JSON object per line: the header, then each record.
        #[arg(long)]
        jsonl: bool,
    },
    /// A hash of the shared state: stores that merged the same bundles print the same digest.
    Digest,
    /// Fields that were changed concurrently, with every value.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict: keep the current value, take a losing one, or write a new one.
    Resolve {
        id: String,
        field: String,
        /// Keep the value that is current now.
        #[arg(long, conflicts_with_all = ["take", "value"])]
        keep: bool,
        /// Take losing value number N (as `kring conflicts` lists them, from 1).
        #[arg(long, value_name = "N")]
        take: Option<usize>,
        /// Write this value instead.
        #[arg(long, conflicts_with = "take")]
        value: Option<String>,
    },
    /// Approve the store that signed a bundle, after comparing its fingerprint with its owner's
    /// (a colleague's replaced laptop; for a networker, a manager's new key).
    Trust { file: PathBuf },
    /// Manager of the Network: write an invitation for a new member (or a second manager).
    Invite(crate::organisation::InviteArgs),
    /// Join the organisation of an invitation (after `kring init`).
    Join { file: PathBuf },
    /// The organisation's roster: members, their roles and fingerprints, and stores waiting for
    /// approval.
    Members {
        #[arg(long)]
        json: bool,
    },
    /// Approve a store waiting for approval (a manager enrols it; a networker confirms a
    /// manager's key) and merge what was held for it.
    Approve(crate::organisation::ApproveArgs),
    /// Manager of the Network: stop counting what a node wrote as a member's, where `kring
    /// members` shows the member's claim on it contested (another person's store claims it too).
    DropClaim {
        /// The member's node id, as `kring members` prints it.
        member: String,
        /// The earlier node the member's store claims.
        node: String,
    },
    /// Sync through a shared folder: import what is new, write your delta (or master), prune.
    Sync(crate::sync_folder::SyncArgs),
    /// Log meetings and e-mails from invitations, calendar exports (.ics) and saved e-mails (.eml).
    Capture(crate::capture::CaptureArgs),
    /// Write a backup of the whole store, private records included.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the store's contents with a backup (the current state is backed up first).
    Restore { file: PathBuf },
    /// Import contacts from a vCard file or a CSV export (LinkedIn, Outlook, Google), without
    /// duplicating cards you already have.
    ImportContacts {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ContactFormatArg>,
        #[arg(long, value_enum)]
        preset: Option<CsvPresetArg>,
        /// Who may see the new cards (default: the store's default visibility).
        #[arg(long, value_parser = parse_enum::<Visibility>)]
        visibility: Option<Visibility>,
        /// Show what would be added and updated without changing anything.
        #[arg(long = "dry-run")]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write people and organisations as vCard 4.0 (private cards left out).
    ExportContacts {
        #[arg(long, value_enum, default_value = "vcard")]
        format: ContactFormatArg,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write the cards you marked private too.
        #[arg(long = "include-private")]
        include_private: bool,
    },
    /// Write follow-ups as an iCalendar file (to-dos with a reminder) a calendar can subscribe to
    /// (private follow-ups left out).
    ExportCalendar {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write the follow-ups you marked private too.
        #[arg(long = "include-private")]
        include_private: bool,
    },
    /// Manager of the Network: strategic goals and what is linked to them.
    #[command(subcommand)]
    Goal(crate::manager::GoalCommand),
    /// Manager of the Network: Networking Teams, their members and stakeholders.
    #[command(subcommand)]
    Team(crate::manager::TeamCommand),
    /// Manager of the Network: partnerships, red lines and reviews of the five behaviours.
    #[command(subcommand)]
    Partnership(crate::manager::PartnershipCommand),
    /// Manager of the Network: networking events and newsletters.
    #[command(subcommand)]
    Event(crate::manager::EventCommand),
    /// Manager of the Network: the networkers.
    #[command(subcommand)]
    Networker(crate::manager::NetworkerCommand),
    /// KPIs and Return-on-Relationship (definitions in docs/kpis.md).
    Kpi(crate::manager::KpiArgs),
    /// Write the Return-on-Relationship report as a self-contained HTML page.
    Report(crate::manager::ReportArgs),
    /// Hand over a leaving networker's relationships and mark them left.
    Offboard(crate::manager::OffboardArgs),
    /// The transparency register: who met which stakeholder, when, about what (shared only).
    Transparency(crate::manager::TransparencyArgs),
    /// The organisation's network as a graph: stats, warm introductions, key-person risk, exports.
    #[command(subcommand)]
    Graph(crate::graph::GraphCommand),
    /// Everything this store holds about a person, with purposes, recipients, retention and
    /// their rights (Art. 15 GDPR): one self-contained HTML page or JSON.
    SubjectAccess(crate::protection::SubjectAccessArgs),
    /// Erase a person for good (Art. 17 GDPR), on every store the forget reaches.
    Forget(crate::protection::ForgetArgs),
    /// Rewrite the store, its backups and its own sync files without what was erased, and give
    /// back the space imports left behind.
    Compact {
        #[arg(long)]
        json: bool,
    },
    /// Mark a person objected (Art. 21) or restricted (Art. 18), or lift the mark.
    Restrict(crate::protection::RestrictArgs),
    /// Retention rules: apply them (--dry-run first), confirm erasure proposals, add and list rules.
    Retention(crate::protection::RetentionArgs),
    /// The organisation's purposes of processing and their lawful basis.
    #[command(subcommand)]
    Purpose(crate::protection::PurposeCommand),
    /// Subject access requests that travel to every networker.
    #[command(subcommand)]
    AccessRequest(crate::protection::AccessRequestCommand),
    /// People erased: the organisation's forget records and this store's own.
    Erasures {
        #[arg(long)]
        json: bool,
    },
    /// What was done with personal data on this store: access reports, erasures, retention runs,
    /// compactions, exports, reports and registers written.
    ProcessingLog {
        /// From this day on: YYYY-MM-DD.
        #[arg(long)]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Verify the indexes against the records.
    Check {
        /// Rebuild indexes that drifted.
        #[arg(long)]
        repair: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum CardCommand {
    /// Add a person or an organisation.
    #[command(subcommand)]
    Add(AddCommand),
    /// List cards.
    List {
        #[arg(long, value_enum)]
        kind: Option<CardKindArg>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show everything about a card.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set display_name="Jan Peeters" --set tags=haven,eu --set visibility=private
    Edit {
        id: String,
        #[arg(long, required = true, value_name = "FIELD=VALUE")]
        set: Vec<String>,
    },
    /// Delete a card (it can come back if someone edits it later).
    Rm { id: String },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactFormatArg {
    Vcard,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum CsvPresetArg {
    Linkedin,
    Outlook,
    Google,
    Generic,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum CardKindArg {
    Person,
    Org,
    Networker,
}

#[derive(Subcommand, Debug)]
pub enum AddCommand {
    /// An external person.
    Person(AddPerson),
    /// An organisation.
    Org(AddOrganisation),
}

#[derive(Args, Debug)]
pub struct AddPerson {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub email: Vec<String>,
    #[arg(long)]
    pub phone: Vec<String>,
    #[arg(long)]
    pub website: Vec<String>,
    /// The organisation the person works at (an id).
    #[arg(long)]
    pub org: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub tag: Vec<String>,
    #[arg(long, value_parser = parse_enum::<Visibility>)]
    pub visibility: Option<Visibility>,
}

#[derive(Args, Debug)]
pub struct AddOrganisation {
    #[arg(long)]
    pub name: String,
    #[arg(long, value_parser = parse_enum::<Sector>)]
    pub sector: Option<Sector>,
    #[arg(long, value_parser = parse_enum::<Level>)]
    pub level: Option<Level>,
    #[arg(long)]
    pub website: Option<String>,
    /// The parent organisation (an id).
    #[arg(long)]
    pub parent: Option<String>,
    #[arg(long)]
    pub tag: Vec<String>,
    #[arg(long, value_parser = parse_enum::<Visibility>)]
    pub visibility: Option<Visibility>,
}

pub fn parse_enum<T: std::str::FromStr<Err = ValidationError>>(text: &str) -> Result<T, String> {
    // Parsed after the language is chosen: the reason is said in it.
    text.parse::<T>().map_err(|e| e.reason_in(language()))
}

pub fn parse_assignment(text: &str) -> Result<(String, String)> {
    match text.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_owned(), value.to_owned()))
        }
        _ => bail!(t!(language(), "input-set-unreadable", text = text)),
    }
}

/// A date as people type it: YYYY-MM-DD, +N / -N days, or words in the command line's language
/// or English (today, tomorrow, next week, friday; morgen, demain, übermorgen …: see
/// `kring_core::spoken_days`). A date that does not exist (`+999999999`, year 300000) is an
/// error, never a panic; one outside the years Kring keeps (1900–2100) is refused by kring-core
/// where it would be written.
pub fn parse_date(text: &str, now: DateTime<Utc>) -> Result<NaiveDate> {
    let today = now.with_timezone(&chrono::Local).date_naive();
    let trimmed = text.trim();
    if let Some(day) = kring_core::spoken_days::day_in_words(trimmed, today, language()) {
        return Ok(day);
    }
    let shifted = |days: Option<i64>| {
        days.and_then(chrono::Duration::try_days)
            .and_then(|shift| today.checked_add_signed(shift))
            .ok_or_else(|| anyhow::anyhow!(t!(language(), "input-date-too-far", text = text)))
    };
    // "+N" or "-N" (a trailing "d" allowed): N days from today.
    let days = |sign: char| {
        let digits = trimmed.strip_prefix(sign)?.trim_end_matches('d');
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
    };
    if let Some(digits) = days('+') {
        return shifted(digits.parse::<i64>().ok());
    }
    if let Some(digits) = days('-') {
        return shifted(digits.parse::<i64>().ok().and_then(i64::checked_neg));
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .map_err(|_| anyhow::anyhow!(t!(language(), "input-not-a-date", text = text)))
}

/// A moment as people type it, in the local time zone unless one is given.
pub fn parse_when(text: &str, now: DateTime<Utc>) -> Result<DateTime<FixedOffset>> {
    let trimmed = text.trim();
    if let Ok(moment) = DateTime::parse_from_rfc3339(trimmed) {
        return Ok(moment);
    }
    for format in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(trimmed, format) {
            if let Some(local) = chrono::Local.from_local_datetime(&naive).earliest() {
                return Ok(local.fixed_offset());
            }
        }
    }
    let date = match parse_date(trimmed, now) {
        Ok(date) => date,
        // "+N" days too far says so; anything else was not a date at all.
        Err(error) if trimmed.starts_with(['+', '-']) => return Err(error),
        Err(_) => anyhow::bail!(t!(language(), "input-not-a-moment", text = text)),
    };
    let noon = date.and_hms_opt(12, 0, 0).expect("noon exists");
    let local = chrono::Local
        .from_local_datetime(&noon)
        .earliest()
        .ok_or_else(|| anyhow::anyhow!(t!(language(), "input-not-in-local-time", text = text)))?;
    Ok(local.fixed_offset())
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse()
        .map_err(|error: kring_i18n::UnknownLanguage| error.to_string())
}

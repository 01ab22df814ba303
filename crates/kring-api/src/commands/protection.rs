//! Commands of data protection (`kring_core::protection`): the actions on a person's card
//! (subject access report, objection or restriction, forget) and the Data protection screen
//! (purposes and lawful basis, retention rules and their review, erasure proposals, access
//! requests, erasures made, the processing log).
//!
//! Who may do what is decided in kring-core, as on the command line: only a Manager of the
//! Network writes purposes, rules and requests and forgets a person the organisation knows; a
//! networker forgets only cards they keep private. A refusal arrives as a sentence that says so.

use super::{date, file_path, write_text};
use crate::error::{AppError, AppResult};
use crate::session::Session;
use kring_core::model::{RecordId, RecordKind};
use kring_core::protection::access::{AccessRequestView, PurposeView};
use kring_core::protection::erasure::{ErasureView, ForgetReport};
use kring_core::protection::processing_log::{Activity, ProcessingEntry, ProcessingWhat};
use kring_core::protection::restriction::RestrictionView;
use kring_core::protection::retention::{RetentionReport, RetentionRuleView};
use kring_core::protection::sweep::record_date;
use kring_core::protection::{ProtectionError, Purpose, RestrictionStatus, RetentionRule};
use serde::Serialize;

impl From<ProtectionError> for AppError {
    fn from(error: ProtectionError) -> AppError {
        match error {
            ProtectionError::Store(store) => store.into(),
            other => AppError::failed("").worded(|language| other.message(language)),
        }
    }
}

/// What `subject_access_report` wrote.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct SubjectAccessWritten {
    pub path: String,
    /// The person, as the report names them.
    pub name: String,
    /// Records in it.
    pub records: u32,
    /// Cards of the person's identity group.
    pub cards: u32,
}

/// Writes the subject access report of a person (Art. 15 GDPR) to `path`: a self-contained page
/// (`.html`) or JSON (`.json`). The core logs it in the processing log.
pub fn subject_access_report(
    session: &Session,
    person: RecordId,
    path: String,
) -> AppResult<SubjectAccessWritten> {
    let path = file_path("path", &path)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let json = match extension.as_str() {
        "html" | "htm" => false,
        "json" => true,
        _ => {
            return Err(AppError::invalid("path", "")
                .worded(|language| kring_i18n::t!(language, "app-report-extension")))
        }
    };
    let report = session
        .store
        .subject_access(person, session.language(), session.now())?;
    let text = if json {
        serde_json::to_string_pretty(&report).map_err(|e| {
            AppError::failed("").worded(|language| {
                kring_i18n::t!(language, "app-report-not-written", cause = e.to_string())
            })
        })?
    } else {
        report.to_html()
    };
    write_text(&path, &text)?;
    Ok(SubjectAccessWritten {
        path: path.display().to_string(),
        name: report.name,
        records: report.items.len() as u32,
        cards: report.cards.len() as u32,
    })
}

/// Marks a person objected (Art. 21) or restricted (Art. 18), or lifts the mark (`lifted`, a
/// manager's); answers the mark as it stands now (none once lifted).
pub fn mark_restriction(
    session: &Session,
    person: RecordId,
    status: RestrictionStatus,
    reason: Option<String>,
) -> AppResult<Option<RestrictionView>> {
    let store = &session.store;
    store.mark_restriction(person, status, reason.as_deref(), session.now())?;
    Ok(store.restriction_of(person)?)
}

/// Forgets a person and their identity group (Art. 17): a manager for anyone, a networker for
/// the cards they keep private. Refused, with the reason, when the user has no right to.
pub fn forget_person(
    session: &Session,
    person: RecordId,
    reason: String,
) -> AppResult<ForgetReport> {
    Ok(session.store.forget(person, &reason, session.now())?)
}

/// The erasures this store knows, newest first: the organisation's forget records (which every
/// master carries) and the owner's own forgets of private cards.
pub fn list_erasures(session: &Session) -> AppResult<Vec<ErasureView>> {
    Ok(session.store.erasures()?)
}

/// The organisation's purposes and lawful basis, or Kring's default when none is recorded.
pub fn list_purposes(session: &Session) -> AppResult<Vec<PurposeView>> {
    Ok(session.store.purposes(session.language())?)
}

/// Records a purpose of processing (a Manager of the Network's).
pub fn add_purpose(session: &Session, purpose: Purpose) -> AppResult<RecordId> {
    Ok(session.store.add_purpose(&purpose, session.now())?)
}

/// The retention rules, with who set them.
pub fn list_retention_rules(session: &Session) -> AppResult<Vec<RetentionRuleView>> {
    Ok(session.store.retention_rules()?)
}

/// Adds a retention rule (a Manager of the Network's), with its legal reference.
pub fn add_retention_rule(session: &Session, rule: RetentionRule) -> AppResult<RecordId> {
    Ok(session.store.add_retention_rule(&rule, session.now())?)
}

/// One record a retention run would touch, as the review lists it.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct ReviewRecord {
    pub id: RecordId,
    /// None for a kind this Kring does not know (a newer Kring's).
    pub kind: Option<RecordKind>,
    /// Its date, as the rule counts its age.
    pub date: Option<chrono::NaiveDate>,
    /// Its subject, text or name, shortened: what the person reviewing recognises it by.
    pub label: String,
    pub removed: bool,
    pub cleared: Vec<String>,
    pub rule: Option<RecordId>,
}

/// What the rules would do now, before anything goes.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct RetentionReview {
    pub report: RetentionReport,
    /// The records the rules would remove or clear (the first 1,000), each recognisable.
    pub records: Vec<ReviewRecord>,
}

/// Words a record is recognised by: its subject, text or name, at most 80 characters.
fn label_of(state: &kring_core::crdt::RecordState) -> String {
    let text = ["subject", "summary", "text", "title", "name", "kind"]
        .iter()
        .find_map(|field| match state.current(field) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
            _ => None,
        })
        .unwrap_or_default();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// The retention review: a dry run of the rules at this moment (what would be removed or
/// cleared, per rule, and who is proposed for erasure). Nothing changes.
pub fn retention_review(session: &Session) -> AppResult<RetentionReview> {
    let store = &session.store;
    let report = store.apply_retention(session.now(), true)?;
    let mut records = Vec::with_capacity(report.swept.records.len());
    for record in &report.swept.records {
        let state = store.state(record.id)?;
        records.push(ReviewRecord {
            id: record.id,
            kind: record.kind,
            date: state
                .as_ref()
                .zip(record.kind)
                .and_then(|(state, kind)| record_date(state, kind)),
            label: state.as_ref().map(label_of).unwrap_or_default(),
            removed: record.removed,
            cleared: record.cleared.clone(),
            rule: record.rule,
        });
    }
    Ok(RetentionReview { report, records })
}

/// Applies the retention rules now (what every store also does at open and daily). People are
/// only proposed: each is confirmed apart (`confirm_erasure`).
pub fn apply_retention(session: &Session) -> AppResult<RetentionReport> {
    Ok(session.store.apply_retention(session.now(), false)?)
}

/// Applies the retention rules when they are due (`Store::run_retention_if_due`), at most once per
/// day of the user's clock: when the app starts and when the day changes (the app's background
/// task asks every minute; `last_day` is its memory). A rule added during the day waits for the
/// next day or the next start, so that the retention review shows what it will do before it does.
pub fn retention_if_due(
    session: &Session,
    last_day: &std::sync::Mutex<Option<chrono::NaiveDate>>,
) -> AppResult<Option<RetentionReport>> {
    let today = session.clock().today();
    let mut last = last_day.lock().unwrap_or_else(|p| p.into_inner());
    if *last == Some(today) {
        return Ok(None);
    }
    let report = session.store.run_retention_if_due(session.now())?;
    *last = Some(today);
    Ok(report)
}

/// Confirms one erasure proposal: the person is forgotten with the rule as the reason.
pub fn confirm_erasure(session: &Session, person: RecordId) -> AppResult<ForgetReport> {
    Ok(session.store.confirm_erasure(person, session.now())?)
}

/// The subject access requests, each with what this store keeps privately about the person.
pub fn list_access_requests(session: &Session) -> AppResult<Vec<AccessRequestView>> {
    Ok(session.store.access_requests(session.language())?)
}

/// Raises a subject access request that travels to every networker (a manager's); `received`
/// is the day it came in (YYYY-MM-DD; today when blank), `reference` a case number.
pub fn raise_access_request(
    session: &Session,
    person: RecordId,
    received: Option<String>,
    reference: Option<String>,
) -> AppResult<RecordId> {
    let received = match received.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(text) => date("received", text)?,
        None => session.clock().today(),
    };
    if received > session.clock().today() {
        return Err(AppError::invalid("received", "")
            .worded(|language| kring_i18n::t!(language, "app-request-in-future")));
    }
    Ok(session
        .store
        .raise_access_request(person, received, reference.as_deref(), session.now())?)
}

/// Marks an access request answered today (a manager's).
pub fn answer_access_request(session: &Session, request: RecordId) -> AppResult<()> {
    Ok(session
        .store
        .answer_access_request(request, session.clock().today(), session.now())?)
}

/// The processing log of this store, newest first.
pub fn processing_log(session: &Session) -> AppResult<Vec<ProcessingEntry>> {
    let mut entries = session.store.processing_log(None, session.language())?;
    entries.reverse();
    Ok(entries)
}

/// Logs a file the app wrote (a report, a register, contacts, a picture of the map): who, when,
/// which file, how many records. A failure to log does not undo the file; it is said.
pub(crate) fn log_written(
    session: &Session,
    activity: Activity,
    path: &std::path::Path,
    records: u64,
) -> AppResult<()> {
    let what = ProcessingWhat::Wrote {
        file: path.display().to_string(),
    };
    session
        .store
        .log_processing(activity, what, records, session.now())?;
    Ok(())
}

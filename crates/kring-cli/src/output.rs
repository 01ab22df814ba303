//! Printing results as text for people or JSON for scripts. Lists print arrays of objects that
//! carry at least `id`, `kind` and `name`.

use crate::terminal::clean;
use anyhow::Result;
use chrono::NaiveDate;
use kring_core::identity_groups::DuplicatePair;
use kring_core::model::RecordKind;
use kring_core::store::check::CheckReport;
use kring_core::store::search::SearchHit;
use kring_core::store::views::{CardDetail, CardSummary, FollowUpView};
use kring_core::sync::conflicts::RecordConflicts;
use kring_core::sync::{ExportReport, ImportReport};
use kring_core::today::Today;
use serde_json::{json, Value};

pub struct Printer;

pub fn print_json(value: &Value) -> Result<()> {
    print_text(&crate::terminal::json_text(value)?)
}

/// Prints a line, taking a reader that stopped reading (`kring … --json | head`) as done rather
/// than as a failure.
fn print_text(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let text = crate::terminal::strip_controls(text);
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn with_kind_and_name(view: &impl serde::Serialize, kind: &str, name: &str) -> Result<Value> {
    let mut value = serde_json::to_value(view)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("kind".into(), json!(kind));
        object.insert("name".into(), json!(name));
    }
    Ok(value)
}

fn due_label(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        d if d < 0 => format!("{} days overdue", -d),
        d => format!("in {d} days"),
    }
}

impl Printer {
    pub fn card_list(&self, cards: &[CardSummary], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(cards)?);
        }
        if cards.is_empty() {
            out!("No cards yet. Add one with `kring card add person --name NAME` or try `kring demo`.");
        }
        for card in cards {
            let detail = card
                .detail
                .as_deref()
                .map(|d| format!(" — {d}"))
                .unwrap_or_default();
            let tags = if card.tags.is_empty() {
                String::new()
            } else {
                format!("  #{}", card.tags.join(" #"))
            };
            // A person who objected or whose data is restricted is shown as such everywhere.
            let mark = card
                .restriction
                .as_deref()
                .map(|m| format!("  [{m}]"))
                .unwrap_or_default();
            out!(
                "{}  {:<12} {}{}{}{}",
                card.id,
                card.kind,
                card.name,
                detail,
                tags,
                mark
            );
        }
        Ok(())
    }

    pub fn card_detail(&self, card: &CardDetail, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(card)?);
        }
        out!(
            "{}  ({}, {})",
            card.name,
            card.kind,
            card.visibility.map_or("shared", |v| v.as_str())
        );
        out!("id       {}", card.id);
        if let Some(mark) = &card.restriction {
            out!(
                "{:<16} {}{}: left out of reminders, follow-up lists, newsletters and invitations until a manager lifts it",
                "restriction",
                mark.status,
                mark.since.map(|d| format!(" since {d}")).unwrap_or_default()
            );
        }
        for (field, value) in &card.fields {
            let shown = match value {
                Value::Null => continue,
                Value::String(s) if s.is_empty() => continue,
                Value::Array(items) if items.is_empty() => continue,
                Value::String(s) => s.clone(),
                Value::Array(items) => items
                    .iter()
                    .map(|i| match i {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            out!("{field:<16} {shown}");
        }
        if !card.affiliations.is_empty() {
            out!("\nAffiliations");
            for a in &card.affiliations {
                let period = match (a.from, a.to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (Some(f), None) => format!("since {f}"),
                    (None, Some(t)) => format!("until {t}"),
                    (None, None) => String::new(),
                };
                let other = if card.kind == RecordKind::Person {
                    &a.organisation_name
                } else {
                    &a.person_name
                };
                out!(
                    "  {}{} {}  {}",
                    if a.current { "" } else { "(past) " },
                    other,
                    a.title.as_deref().unwrap_or(""),
                    period
                );
            }
        }
        if !card.relationships.is_empty() {
            out!("\nRelationships");
            for r in &card.relationships {
                let other = if card.kind == RecordKind::Networker {
                    &r.stakeholder_name
                } else {
                    &r.networker_name
                };
                let last = r
                    .last_contact
                    .map(|l| l.date_naive().to_string())
                    .unwrap_or_else(|| "never".into());
                let cold = if r.going_cold { "  GOING COLD" } else { "" };
                out!(
                    "  {other}: strength {}/5, trust {}, last contact {last}, cadence {}{cold}",
                    r.strength,
                    r.trust
                        .map(|t| format!("{t}/5"))
                        .unwrap_or_else(|| "–".into()),
                    r.cadence_days
                        .map(|c| format!("{c} days"))
                        .unwrap_or_else(|| "–".into()),
                );
            }
        }
        if !card.acquaintances.is_empty() {
            // Each once: the stakeholders a networker knows, the colleagues who know a stakeholder.
            out!(
                "\n{}",
                if card.kind == kring_core::model::RecordKind::Networker {
                    "Knows"
                } else {
                    "Colleagues who know them"
                }
            );
            for a in &card.acquaintances {
                out!(
                    "  {}: strength {}/5{}",
                    a.name,
                    a.strength,
                    if a.going_cold { "  GOING COLD" } else { "" }
                );
            }
        }
        if !card.follow_ups.is_empty() {
            out!("\nFollow-ups");
            for f in &card.follow_ups {
                out!(
                    "  [{}] {} (due {})",
                    if f.done { "x" } else { " " },
                    f.text,
                    f.due
                );
            }
        }
        if !card.interactions.is_empty() {
            out!("\nInteractions");
            for i in &card.interactions {
                out!(
                    "  {}  {:<8} {}",
                    i.at.format("%Y-%m-%d %H:%M"),
                    i.kind,
                    i.summary
                );
            }
        }
        if !card.notes.is_empty() {
            out!("\nNotes");
            for n in &card.notes {
                out!(
                    "  ({}) {}",
                    n.visibility.map_or("shared", |v| v.as_str()),
                    n.text
                );
            }
        }
        if !card.links.is_empty() {
            out!("\nLinks");
            for l in &card.links {
                out!("  {} —{}→ {}", l.from_name, l.kind, l.to_name);
            }
        }
        if !card.conflicts.is_empty() {
            out!("\nConflicts (concurrent edits; `kring card edit` settles them)");
            for c in &card.conflicts {
                for losing in &c.losing {
                    out!(
                        "  {}: kept {} — also written {} by node {} at {}",
                        c.field,
                        c.current,
                        losing.value,
                        losing.node,
                        losing.at
                    );
                }
            }
        }
        Ok(())
    }

    pub fn follow_ups(
        &self,
        follow_ups: &[FollowUpView],
        today: NaiveDate,
        json: bool,
    ) -> Result<()> {
        if json {
            let values = follow_ups
                .iter()
                .map(|f| with_kind_and_name(f, "follow_up", &f.text))
                .collect::<Result<Vec<_>>>()?;
            return print_json(&Value::Array(values));
        }
        if follow_ups.is_empty() {
            out!("No open follow-ups.");
        }
        for f in follow_ups {
            let about: Vec<&str> = f.about.iter().map(|(_, name)| name.as_str()).collect();
            out!(
                "{}  {}  {:<18} {} ({})",
                f.id,
                f.due,
                due_label(f.due, today),
                f.text,
                about.join(", ")
            );
        }
        Ok(())
    }

    pub fn today(&self, answer: &Today, today: NaiveDate, json: bool) -> Result<()> {
        if json {
            let follow_ups = |views: &[FollowUpView]| {
                views
                    .iter()
                    .map(|f| with_kind_and_name(f, "follow_up", &f.text))
                    .collect::<Result<Vec<_>>>()
            };
            let relationships = answer
                .going_cold
                .iter()
                .map(|r| with_kind_and_name(r, "relationship", &r.stakeholder_name))
                .collect::<Result<Vec<_>>>()?;
            return print_json(&json!({
                "follow_ups_due": follow_ups(&answer.due)?,
                "upcoming": follow_ups(&answer.upcoming)?,
                "going_cold": relationships,
                "going_cold_total": answer.going_cold_total,
                "reviews_due": answer.reviews_due,
            }));
        }
        out!("Follow-ups due ({})", answer.due.len());
        self.follow_ups(&answer.due, today, false)?;
        if !answer.upcoming.is_empty() {
            out!(
                "\nComing up in the next fortnight ({})",
                answer.upcoming.len()
            );
            self.follow_ups(&answer.upcoming, today, false)?;
        }
        let cold = &answer.going_cold;
        if cold.len() < answer.going_cold_total as usize {
            out!(
                "\nGoing cold ({}, the coldest {} listed)",
                answer.going_cold_total,
                cold.len()
            );
        } else {
            out!("\nGoing cold ({})", cold.len());
        }
        for r in cold {
            let last = r
                .last_contact
                .map(|l| l.date_naive().to_string())
                .unwrap_or_else(|| "never".into());
            out!(
                "  {} ↔ {}: last contact {last}, cadence {} days",
                r.networker_name,
                r.stakeholder_name,
                r.cadence_days.unwrap_or(0)
            );
        }
        // A networker's store rarely holds partnerships: the section appears when there is one.
        let reviews = &answer.reviews_due;
        if !reviews.is_empty() {
            out!("\nPartnership reviews due ({})", reviews.len());
            for r in reviews {
                let partners: Vec<&str> = r.partners.iter().map(|p| p.name.as_str()).collect();
                out!(
                    "  {}  {} ({}): {}",
                    r.due,
                    r.partnership.name,
                    partners.join(", "),
                    due_label(r.due, today)
                );
            }
        }
        Ok(())
    }

    pub fn search(&self, hits: &[SearchHit], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(hits)?);
        }
        if hits.is_empty() {
            out!("Nothing found.");
        }
        for hit in hits {
            let detail = hit
                .detail
                .as_deref()
                .map(|d| format!(" — {d}"))
                .unwrap_or_default();
            out!(
                "{:>6.1}  {}  {:<12} {}{}",
                hit.score,
                hit.id,
                hit.kind,
                hit.name,
                detail
            );
        }
        Ok(())
    }

    pub fn duplicates(&self, pairs: &[DuplicatePair], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(pairs)?);
        }
        if pairs.is_empty() {
            out!("No likely duplicates.");
            return Ok(());
        }
        let mut text = String::new();
        for pair in pairs {
            text.push_str(&format!(
                "{:.2}  {}  {}  {} = {}: {}\n",
                pair.score, pair.id, pair.other_id, pair.name, pair.other_name, pair.reason
            ));
        }
        text.push_str(&format!(
            "\n{} pairs. `kring same-as ID OTHER_ID` makes a pair one card; `kring not-same ID OTHER_ID` sets it aside.",
            pairs.len()
        ));
        print_text(&text)
    }

    pub fn export(&self, report: &ExportReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        out!(
            "wrote {} ({:?}): {} records, {} bytes",
            report.path.display(),
            report.kind,
            report.records,
            report.bytes
        );
        out!(
            "  {} private records stayed on this machine; {} went as a summary only; {} the recipient already has were left out",
            report.private_kept_back, report.summarised, report.unchanged_left_out
        );
        Ok(())
    }

    pub fn import(&self, report: &ImportReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        for file in &report.files {
            out!(
                "{}: {:?} bundle from {} ({}, node {}), {} records",
                file.path.display(),
                file.kind,
                clean(&file.author),
                file.role,
                file.node,
                file.records,
            );
        }
        for held in &report.held {
            out!(
                "{}: held, not merged: {} <{}> (fingerprint {}) {}",
                held.path.display(),
                clean(&held.author),
                clean(&held.email),
                held.fingerprint,
                clean(&held.reason)
            );
        }
        if !report.held.is_empty() {
            out!("compare the fingerprint with its owner's, then: kring approve FINGERPRINT (see kring members)");
        }
        let verb = if report.dry_run { "would add" } else { "added" };
        out!(
            "{verb} {}, changed {} (of which deleted {}), unchanged {}, new conflicts {}",
            report.added,
            report.changed,
            report.deleted,
            report.unchanged,
            report.new_conflicts
        );
        for warning in &report.clock_warnings {
            out!("warning: {}", clean(warning));
        }
        if report.refused_total > 0 {
            out!(
                "refused {} write(s) their writers had no right to (nothing of them was merged):",
                report.refused_total
            );
            for refused in report.refused.iter().take(20) {
                out!(
                    "  {} {} field {}: by {}: {}",
                    refused.kind,
                    refused.record,
                    clean(&refused.field),
                    clean(&refused.writer),
                    refused.reason
                );
            }
            if report.refused_total > 20 {
                out!(
                    "  … and {} more (--json lists up to 200)",
                    report.refused_total - 20
                );
            }
        }
        if report.forgotten_dropped > 0 {
            out!(
                "dropped {} record(s) or value(s) about people who were erased (kring forget): nothing of them comes back",
                report.forgotten_dropped
            );
        }
        if report.forgotten_purged > 0 {
            out!(
                "erased {} record(s) this store held about people the organisation forgot; run `kring compact` to remove their bytes from disk",
                report.forgotten_purged
            );
        }
        if report.expired_dropped > 0 {
            out!(
                "removed or cleared {} record(s) past a retention rule's period",
                report.expired_dropped
            );
        }
        if let Some(backup) = &report.backup {
            out!("backup of the previous state: {}", backup.display());
        }
        if report.dry_run {
            out!("dry run: nothing was changed");
        }
        Ok(())
    }

    pub fn conflicts(&self, records: &[RecordConflicts], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(records)?);
        }
        if records.is_empty() {
            out!("No conflicts.");
        }
        for record in records {
            out!("{}  {} {}", record.id, record.kind, record.name);
            for field in &record.fields {
                out!(
                    "  {}: current {} (node {}, {})",
                    field.field,
                    field.current,
                    field.current_by,
                    field.current_at
                );
                for (n, losing) in field.losing.iter().enumerate() {
                    out!(
                        "    {}. {} (node {}, {})",
                        n + 1,
                        losing.value,
                        losing.node,
                        losing.at
                    );
                }
            }
        }
        Ok(())
    }

    pub fn contacts_import(
        &self,
        report: &kring_core::contacts::ContactImportReport,
        json: bool,
    ) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        if let (Some(preset), Some(encoding)) = (&report.preset, &report.encoding) {
            out!("read as {preset} CSV ({encoding})");
        }
        let verb = if report.dry_run { "would add" } else { "added" };
        out!(
            "{} contacts: {verb} {} people and {} organisations ({} affiliations, {} notes); updated {} cards; {} already known, unchanged",
            report.contacts_read, report.people_added, report.organisations_added, report.affiliations_added,
            report.notes_added, report.cards_updated, report.unchanged
        );
        for warning in &report.warnings {
            out!("warning: {warning}");
        }
        if report.dry_run {
            out!("dry run: nothing was changed");
        }
        Ok(())
    }

    pub fn check(&self, report: &CheckReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        out!(
            "{} records, {} index entries checked",
            report.records,
            report.index_entries
        );
        for line in report.missing.iter().take(20) {
            out!("missing  {line}");
        }
        for line in report.stale.iter().take(20) {
            out!("stale    {line}");
        }
        for line in report.unreadable.iter().take(20) {
            out!("unreadable {line}");
        }
        for problem in report.problems.iter().take(20) {
            let field = problem
                .field
                .as_deref()
                .map(|f| format!(" {}:", f.escape_debug()))
                .unwrap_or_default();
            out!(
                "{:<10} {} ({}){field} {}",
                problem.code,
                problem.id,
                problem.kind.escape_debug(),
                problem.reason
            );
        }
        if report.problems.len() > 20 {
            out!(
                "… and {} more problems (--json lists them all)",
                report.problems.len() - 20
            );
        }
        if report.is_clean() {
            out!("clean: every index matches the records and every value fits its field");
        } else if report.repaired {
            out!("repaired: the indexes were rebuilt from the records");
            if report.quarantined > 0 {
                let copies = if report.quarantined == 1 {
                    "copy"
                } else {
                    "copies"
                };
                out!(
                    "moved {} {copies} of records stored under another kind than the store knows them by to the quarantine tree",
                    report.quarantined
                );
            }
        }
        Ok(())
    }
}

/// Prints a bundle's header and records as JSON, without opening a store.
/// `kring inspect`: a plain bundle needs no store; a sealed one is opened with the store's key
/// (`store` opens it only then).
pub fn inspect(
    path: &std::path::Path,
    jsonl: bool,
    store: impl FnOnce() -> Result<kring_core::store::Store>,
) -> Result<()> {
    use kring_core::sync::bundle;
    let mut reader = if bundle::is_sealed(path) {
        store()?.open_bundle(path)?
    } else {
        bundle::open_bundle(path)?
    };
    let header = serde_json::to_value(&reader.header)?;
    let mut records = Vec::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    use std::io::Write;
    // A bundle is anybody's file: its text reaches the terminal escaped.
    use crate::terminal::escape_json_controls;
    if jsonl {
        let line = json!({ "header": header }).to_string();
        writeln!(out, "{}", escape_json_controls(&line))?;
    }
    while let Some(record) = reader.next_record()? {
        let value = record_json(&record);
        if jsonl {
            writeln!(out, "{}", escape_json_controls(&value.to_string()))?;
        } else {
            records.push(value);
        }
    }
    if !jsonl {
        writeln!(
            out,
            "{}",
            crate::terminal::json_text(&json!({ "header": header, "records": records }))?
        )?;
    }
    out.flush()?;
    Ok(())
}

/// A record as people read it: current values, conflicts and set members, with stamps.
fn record_json(record: &kring_core::crdt::RecordState) -> Value {
    let mut fields = serde_json::Map::new();
    for (name, register) in &record.fields {
        let versions: Vec<Value> = register
            .versions()
            .iter()
            .map(|v| json!({ "value": v.json(), "stamp": v.stamp.to_string(), "at": v.stamp.to_rfc3339() }))
            .collect();
        fields.insert(
            name.clone(),
            if versions.len() == 1 {
                versions[0].clone()
            } else {
                json!({ "conflict": versions })
            },
        );
    }
    let mut sets = serde_json::Map::new();
    for (name, set) in &record.sets {
        let members: Vec<Value> = set
            .present()
            .map(|bytes| serde_json::from_slice(bytes).unwrap_or(Value::Null))
            .collect();
        sets.insert(name.clone(), Value::Array(members));
    }
    json!({ "id": record.id.to_string(), "kind": record.kind, "fields": fields, "sets": sets })
}

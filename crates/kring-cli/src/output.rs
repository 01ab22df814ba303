//! Printing results as text for people or JSON for scripts. Lists print arrays of objects that
//! carry at least `id`, `kind` and `name`.

use crate::terminal::clean;
use anyhow::Result;
use chrono::NaiveDate;
use kring_core::cards::views::{CardDetail, CardSummary, FollowUpView};
use kring_core::identity_groups::DuplicatePair;
use kring_core::model::RecordKind;
use kring_core::store::check::CheckReport;
use kring_core::store::search::SearchHit;
use kring_core::sync::conflicts::RecordConflicts;
use kring_core::sync::{ExportReport, ImportReport};
use kring_core::today::Today;
use kring_i18n::{t, Language};
use serde_json::{json, Value};

/// Prints in the language the person chose; JSON is the same in every language.
pub struct Printer {
    pub language: Language,
}

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

/// A card's kind in the language ("person" → "persoon"); an unknown kind as it is.
fn kind_word(language: Language, kind: &str) -> String {
    t!(language, "kind-word", kind = kind)
}

/// A visibility in the language ("private" → "privé").
fn visibility_word(language: Language, visibility: &str) -> String {
    t!(language, "visibility-word", visibility = visibility)
}

/// A yes-or-no choice for a message that selects its words by it.
pub fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

fn due_label(language: Language, due: NaiveDate, today: NaiveDate) -> String {
    match (due - today).num_days() {
        0 => t!(language, "due-today"),
        1 => t!(language, "due-tomorrow"),
        days if days < 0 => t!(language, "due-overdue", days = -days),
        days => t!(language, "due-in-days", days = days),
    }
}

impl Printer {
    pub fn card_list(&self, cards: &[CardSummary], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(cards)?);
        }
        if cards.is_empty() {
            out!("{}", t!(self.language, "cards-none-yet"));
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
                kind_word(self.language, card.kind.as_str()),
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
        let l = self.language;
        out!(
            "{}  ({}, {})",
            card.name,
            kind_word(l, card.kind.as_str()),
            visibility_word(l, card.visibility.map_or("shared", |v| v.as_str()))
        );
        out!("id       {}", card.id);
        if let Some(mark) = &card.restriction {
            let since = mark
                .since
                .map(|d| format!(" {}", t!(l, "card-restriction-since", day = d.to_string())))
                .unwrap_or_default();
            out!(
                "{:<16} {}",
                t!(l, "card-restriction-label"),
                t!(
                    l,
                    "card-restriction",
                    status = mark.status.to_string(),
                    since = since
                )
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
            out!("\n{}", t!(l, "card-affiliations"));
            for a in &card.affiliations {
                let period = match (a.from, a.to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (Some(f), None) => t!(l, "card-since", day = f.to_string()),
                    (None, Some(t)) => t!(l, "card-until", day = t.to_string()),
                    (None, None) => String::new(),
                };
                let other = if card.kind == RecordKind::Person {
                    &a.organisation_name
                } else {
                    &a.person_name
                };
                out!(
                    "  {}{} {}  {}",
                    if a.current {
                        String::new()
                    } else {
                        format!("{} ", t!(l, "card-past"))
                    },
                    other,
                    a.title.as_deref().unwrap_or(""),
                    period
                );
            }
        }
        if !card.relationships.is_empty() {
            out!("\n{}", t!(l, "card-relationships"));
            for r in &card.relationships {
                let other = if card.kind == RecordKind::Networker {
                    &r.stakeholder_name
                } else {
                    &r.networker_name
                };
                let last = r
                    .last_contact
                    .map(|at| at.date_naive().to_string())
                    .unwrap_or_else(|| t!(l, "card-never"));
                let cold = if r.going_cold {
                    format!("  {}", t!(l, "card-going-cold"))
                } else {
                    String::new()
                };
                out!(
                    "  {}{cold}",
                    t!(
                        l,
                        "card-relationship",
                        other = other.as_str(),
                        strength = r.strength,
                        trust = r
                            .trust
                            .map(|t| format!("{t}/5"))
                            .unwrap_or_else(|| "–".into()),
                        last = last,
                        cadence = r
                            .cadence_days
                            .map(|c| t!(l, "card-days", days = c))
                            .unwrap_or_else(|| "–".into()),
                    )
                );
            }
        }
        if !card.acquaintances.is_empty() {
            // Each once: the stakeholders a networker knows, the colleagues who know a stakeholder.
            out!(
                "\n{}",
                if card.kind == kring_core::model::RecordKind::Networker {
                    t!(l, "card-knows")
                } else {
                    t!(l, "card-known-by")
                }
            );
            for a in &card.acquaintances {
                let cold = if a.going_cold {
                    format!("  {}", t!(l, "card-going-cold"))
                } else {
                    String::new()
                };
                out!(
                    "  {}{cold}",
                    t!(
                        l,
                        "card-acquaintance",
                        name = a.name.as_str(),
                        strength = a.strength
                    )
                );
            }
        }
        if !card.follow_ups.is_empty() {
            out!("\n{}", t!(l, "card-follow-ups"));
            for f in &card.follow_ups {
                out!(
                    "  [{}] {}",
                    if f.done { "x" } else { " " },
                    t!(
                        l,
                        "card-follow-up",
                        text = f.text.as_str(),
                        due = f.due.to_string()
                    )
                );
            }
        }
        if !card.interactions.is_empty() {
            out!("\n{}", t!(l, "card-interactions"));
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
            out!("\n{}", t!(l, "card-notes"));
            for n in &card.notes {
                out!(
                    "  ({}) {}",
                    visibility_word(l, n.visibility.map_or("shared", |v| v.as_str())),
                    n.text
                );
            }
        }
        if !card.links.is_empty() {
            out!("\n{}", t!(l, "card-links"));
            for l in &card.links {
                out!("  {} —{}→ {}", l.from_name, l.kind, l.to_name);
            }
        }
        if !card.conflicts.is_empty() {
            out!("\n{}", t!(l, "card-conflicts"));
            for c in &card.conflicts {
                for losing in &c.losing {
                    out!(
                        "  {}",
                        t!(
                            l,
                            "card-conflict",
                            field = c.field.as_str(),
                            current = c.current.to_string(),
                            value = losing.value.to_string(),
                            node = losing.node.to_string(),
                            at = losing.at.to_string()
                        )
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
            out!("{}", t!(self.language, "follow-ups-none"));
        }
        for f in follow_ups {
            let about: Vec<&str> = f.about.iter().map(|(_, name)| name.as_str()).collect();
            out!(
                "{}  {}  {:<18} {} ({})",
                f.id,
                f.due,
                due_label(self.language, f.due, today),
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
        let l = self.language;
        out!("{}", t!(l, "today-due", count = answer.due.len()));
        self.follow_ups(&answer.due, today, false)?;
        if !answer.upcoming.is_empty() {
            out!(
                "\n{}",
                t!(l, "today-upcoming", count = answer.upcoming.len())
            );
            self.follow_ups(&answer.upcoming, today, false)?;
        }
        let cold = &answer.going_cold;
        if cold.len() < answer.going_cold_total as usize {
            out!(
                "\n{}",
                t!(
                    l,
                    "today-cold-some",
                    total = answer.going_cold_total,
                    listed = cold.len()
                )
            );
        } else {
            out!("\n{}", t!(l, "today-cold", count = cold.len()));
        }
        for r in cold {
            let last = r
                .last_contact
                .map(|at| at.date_naive().to_string())
                .unwrap_or_else(|| t!(l, "card-never"));
            out!(
                "  {}",
                t!(
                    l,
                    "today-cold-line",
                    networker = r.networker_name.as_str(),
                    stakeholder = r.stakeholder_name.as_str(),
                    last = last,
                    cadence = r.cadence_days.unwrap_or(0)
                )
            );
        }
        // A networker's store rarely holds partnerships: the section appears when there is one.
        let reviews = &answer.reviews_due;
        if !reviews.is_empty() {
            out!("\n{}", t!(l, "today-reviews", count = reviews.len()));
            for r in reviews {
                let partners: Vec<&str> = r.partners.iter().map(|p| p.name.as_str()).collect();
                out!(
                    "  {}  {} ({}): {}",
                    r.due,
                    r.partnership.name,
                    partners.join(", "),
                    due_label(self.language, r.due, today)
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
            out!("{}", t!(self.language, "search-none"));
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
                kind_word(self.language, hit.kind.as_str()),
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
            out!("{}", t!(self.language, "duplicates-none"));
            return Ok(());
        }
        let mut text = String::new();
        for pair in pairs {
            text.push_str(&format!(
                "{:.2}  {}  {}  {} = {}: {}\n",
                pair.score,
                pair.id,
                pair.other_id,
                pair.name,
                pair.other_name,
                pair.reason_in(self.language)
            ));
        }
        text.push('\n');
        text.push_str(&t!(
            self.language,
            "duplicates-summary",
            count = pairs.len()
        ));
        print_text(&text)
    }

    pub fn export(&self, report: &ExportReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        let l = self.language;
        out!(
            "{}",
            t!(
                l,
                "export-wrote",
                path = report.path.display().to_string(),
                kind = format!("{:?}", report.kind),
                records = report.records,
                bytes = report.bytes
            )
        );
        out!(
            "  {}",
            t!(
                l,
                "export-left-out",
                private = report.private_kept_back,
                summarised = report.summarised,
                unchanged = report.unchanged_left_out
            )
        );
        if !report.relayed.is_empty() {
            out!(
                "  {}",
                t!(l, "export-relayed", count = report.relayed.len())
            );
            for path in &report.relayed {
                out!("    {}", path.display());
            }
        }
        Ok(())
    }

    pub fn import(&self, report: &ImportReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        let l = self.language;
        for file in &report.files {
            out!(
                "{}",
                t!(
                    l,
                    "import-file",
                    path = file.path.display().to_string(),
                    kind = format!("{:?}", file.kind),
                    author = clean(&file.author),
                    role = file.role.to_string(),
                    node = file.node.to_string(),
                    records = file.records
                )
            );
        }
        for held in &report.held {
            out!(
                "{}",
                t!(
                    l,
                    "import-held",
                    path = held.path.display().to_string(),
                    author = clean(&held.author),
                    email = clean(&held.email),
                    fingerprint = held.fingerprint.as_str(),
                    reason = t!(
                        l,
                        "held-reason",
                        code = held.code.map_or("", |code| code.as_str()),
                        reason = clean(&held.reason)
                    )
                )
            );
        }
        if !report.held.is_empty() {
            out!("{}", t!(l, "import-held-hint"));
        }
        out!(
            "{}",
            t!(
                l,
                "import-summary",
                dry = yes_no(report.dry_run),
                added = report.added,
                changed = report.changed,
                deleted = report.deleted,
                unchanged = report.unchanged,
                conflicts = report.new_conflicts
            )
        );
        for behind in &report.clocks_behind {
            let text = t!(
                l,
                "clock-behind",
                author = clean(&behind.author),
                days = behind.days
            );
            out!("{}", t!(l, "warning", text = text));
        }
        if report.refused_total > 0 {
            out!("{}", t!(l, "import-refused", count = report.refused_total));
            for refused in report.refused.iter().take(20) {
                out!(
                    "  {}",
                    t!(
                        l,
                        "import-refused-line",
                        kind = kind_word(l, refused.kind.map_or("record", |k| k.as_str())),
                        record = refused.record.to_string(),
                        field = clean(&refused.field),
                        writer = clean(&refused.writer),
                        reason = clean(&refused.reason_in(l))
                    )
                );
            }
            if report.refused_total > 20 {
                out!(
                    "  {}",
                    t!(l, "import-refused-more", count = report.refused_total - 20)
                );
            }
        }
        if report.forgotten_dropped > 0 {
            out!(
                "{}",
                t!(
                    l,
                    "import-forgotten-dropped",
                    count = report.forgotten_dropped
                )
            );
        }
        if report.forgotten_purged > 0 {
            out!(
                "{}",
                t!(
                    l,
                    "import-forgotten-purged",
                    count = report.forgotten_purged
                )
            );
        }
        if report.expired_dropped > 0 {
            out!(
                "{}",
                t!(l, "import-expired", count = report.expired_dropped)
            );
        }
        if let Some(backup) = &report.backup {
            out!(
                "{}",
                t!(l, "import-backup", path = backup.display().to_string())
            );
        }
        if report.dry_run {
            out!("{}", t!(l, "dry-run"));
        }
        Ok(())
    }

    pub fn conflicts(&self, records: &[RecordConflicts], json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(records)?);
        }
        if records.is_empty() {
            out!("{}", t!(self.language, "conflicts-none"));
        }
        for record in records {
            out!(
                "{}  {} {}",
                record.id,
                record.kind.map_or("record", |k| k.as_str()),
                record.name
            );
            // A writer by name where the roster knows them, always with the node (`kring
            // members` lists both).
            let writer = |name: &Option<String>, node: &str| match name {
                Some(name) => t!(
                    self.language,
                    "conflicts-writer-named",
                    name = clean(name),
                    node = node
                ),
                None => t!(self.language, "conflicts-writer-node", node = node),
            };
            for field in &record.fields {
                out!(
                    "  {}",
                    t!(
                        self.language,
                        "conflicts-current",
                        field = field.field.as_str(),
                        value = field.current.to_string(),
                        by = writer(&field.current_by_name, &field.current_by),
                        at = field.current_at.to_string()
                    )
                );
                for (n, losing) in field.losing.iter().enumerate() {
                    out!(
                        "    {}",
                        t!(
                            self.language,
                            "conflicts-losing",
                            n = n + 1,
                            value = losing.value.to_string(),
                            by = writer(&losing.by_name, &losing.node),
                            at = losing.at.to_string()
                        )
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
        let l = self.language;
        if let (Some(preset), Some(encoding)) = (&report.preset, &report.encoding) {
            out!(
                "{}",
                t!(
                    l,
                    "contacts-read-as",
                    preset = preset.to_string(),
                    encoding = encoding.to_string()
                )
            );
        }
        out!(
            "{}",
            t!(
                l,
                "contacts-summary",
                dry = yes_no(report.dry_run),
                read = report.contacts_read,
                people = report.people_added,
                organisations = report.organisations_added,
                affiliations = report.affiliations_added,
                notes = report.notes_added,
                updated = report.cards_updated,
                unchanged = report.unchanged
            )
        );
        for warning in &report.warnings {
            out!("{}", t!(l, "warning", text = warning.to_string()));
        }
        if report.dry_run {
            out!("{}", t!(l, "dry-run"));
        }
        Ok(())
    }

    pub fn check(&self, report: &CheckReport, json: bool) -> Result<()> {
        if json {
            return print_json(&serde_json::to_value(report)?);
        }
        let l = self.language;
        out!(
            "{}",
            t!(
                l,
                "check-summary",
                records = report.records,
                entries = report.index_entries
            )
        );
        for line in report.missing.iter().take(20) {
            out!("{:<8} {}", t!(l, "check-missing"), line.words(l));
        }
        for line in report.stale.iter().take(20) {
            out!("{:<8} {}", t!(l, "check-stale"), line.words(l));
        }
        for line in report.unreadable.iter().take(20) {
            out!("{} {}", t!(l, "check-unreadable"), line.words(l));
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
                problem.reason.words(l)
            );
        }
        if report.problems.len() > 20 {
            out!(
                "{}",
                t!(l, "check-more", count = report.problems.len() - 20)
            );
        }
        if report.is_clean() {
            out!("{}", t!(l, "check-clean"));
        } else if report.repaired {
            out!("{}", t!(l, "check-repaired"));
            if report.quarantined > 0 {
                out!("{}", t!(l, "check-quarantined", count = report.quarantined));
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

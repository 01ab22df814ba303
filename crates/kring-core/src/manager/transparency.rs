//! The transparency register: who met (or called, or wrote to) which stakeholder, when, about
//! what, over a period, each contact counted as what it was — the answer a public official gives
//! to lobbying and integrity questions. Only what is `shared`
//! appears: an interaction or event marked private or summary never does, and a card that is
//! not shared is named "(not shared)".

use super::network::Network;
use super::records::*;
use super::report::escape_html;
use crate::model::*;
use crate::store::{Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// One contact in the register: a meeting, call, e-mail, visit or event.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterEntry {
    pub date: NaiveDate,
    /// The interaction's or event's id.
    pub id: RecordId,
    /// `meeting`, `call`, … or `event: conference`.
    pub kind: String,
    pub networkers: Vec<String>,
    pub stakeholders: Vec<String>,
    /// The organisations the stakeholders (people) work at now, or the organisations met.
    pub organisations: Vec<String>,
    /// What it was about: the interaction's summary or the event's name.
    pub about: String,
    pub outcomes: Vec<String>,
}

/// The register for a period, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TransparencyRegister {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub generated_at: String,
    pub entries: Vec<RegisterEntry>,
    /// What it holds, counted by kind as people say it ([`TransparencyRegister::tally`]): "7
    /// contacts: 3 meetings, 2 calls, 1 e-mail and 1 event", so no screen calls a call a meeting.
    pub summary: String,
}

const NOT_SHARED: &str = "(not shared)";

fn shared_name(network: &Network, id: RecordId) -> String {
    match network.cards.get(&id) {
        Some(card) if card.visibility == Visibility::Shared => card.name.clone(),
        _ => NOT_SHARED.into(),
    }
}

/// Builds the register from a network: shared interactions and shared events (not newsletters)
/// with at least one networker and one stakeholder, dated `from` to `to` inclusive.
pub fn register(
    network: &Network,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> TransparencyRegister {
    let mut entries = Vec::new();
    let mut add = |id: RecordId,
                   date: NaiveDate,
                   kind: String,
                   people: &[RecordId],
                   about: &str,
                   outcomes: &[String]| {
        if date < from || date > to {
            return;
        }
        let networkers: Vec<String> = people
            .iter()
            .filter(|p| network.is_networker(**p))
            .map(|p| shared_name(network, *p))
            .collect();
        let stakeholder_ids: Vec<RecordId> = people
            .iter()
            .copied()
            .filter(|p| network.is_stakeholder(*p))
            .collect();
        if networkers.is_empty() || stakeholder_ids.is_empty() {
            return;
        }
        let mut organisations: Vec<String> = Vec::new();
        for s in &stakeholder_ids {
            let organisation = match network.cards.get(s).map(|c| c.kind) {
                Some(RecordKind::Organisation) => Some(*s),
                _ => network.organisation_of.get(s).copied(),
            };
            if let Some(org) = organisation {
                let name = shared_name(network, org);
                if name != NOT_SHARED && !organisations.contains(&name) {
                    organisations.push(name);
                }
            }
        }
        entries.push(RegisterEntry {
            date,
            id,
            kind,
            networkers,
            stakeholders: stakeholder_ids
                .iter()
                .map(|s| shared_name(network, *s))
                .collect(),
            organisations,
            about: about.to_owned(),
            outcomes: outcomes.to_vec(),
        });
    };
    for item in &network.interactions {
        if item.visibility != Visibility::Shared {
            continue;
        }
        let i = &item.body;
        add(
            item.id,
            i.at.date_naive(),
            i.kind.as_str().to_owned(),
            &i.participants,
            &i.summary,
            &i.outcomes,
        );
    }
    for item in &network.events {
        if item.visibility != Visibility::Shared || item.body.kind == EventKind::Newsletter {
            continue;
        }
        let e = &item.body;
        add(
            item.id,
            e.at.date_naive(),
            format!("event: {}", e.kind),
            &e.attending,
            &e.name,
            &e.outcomes,
        );
    }
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let mut register = TransparencyRegister {
        from,
        to,
        generated_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        entries,
        summary: String::new(),
    };
    register.summary = register.tally();
    register
}

impl Store {
    /// The transparency register of this store for `from` to `to` inclusive.
    pub fn transparency_register(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
    ) -> StoreResult<TransparencyRegister> {
        if to < from {
            return Err(ValidationError::new("to", "ends before it starts").into());
        }
        let network = Network::load(self, now)?;
        Ok(register(&network, from, to, now))
    }
}

/// The noun for an entry's kind, singular and plural: calls and e-mails are not meetings.
fn kind_noun(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "meeting" => ("meeting", "meetings"),
        "call" => ("call", "calls"),
        "email" => ("e-mail", "e-mails"),
        "visit" => ("visit", "visits"),
        "social" => ("social contact", "social contacts"),
        kind if kind == "event" || kind.starts_with("event:") => ("event", "events"),
        _ => ("other contact", "other contacts"),
    }
}

impl TransparencyRegister {
    /// What the register holds, counted by kind as people say it: "7 contacts: 3 meetings,
    /// 2 calls, 1 e-mail and 1 event" (a call is not a meeting).
    pub fn tally(&self) -> String {
        let mut counts: Vec<(&str, &str, usize)> = Vec::new();
        for entry in &self.entries {
            let (one, many) = kind_noun(&entry.kind);
            match counts.iter_mut().find(|(o, _, _)| *o == one) {
                Some(count) => count.2 += 1,
                None => counts.push((one, many, 1)),
            }
        }
        let total = self.entries.len();
        if total == 0 {
            return "no contacts".into();
        }
        counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        let parts: Vec<String> = counts
            .iter()
            .map(|(one, many, n)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        let listed = match parts.as_slice() {
            [only] => only.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let contacts = if total == 1 { "contact" } else { "contacts" };
        format!("{total} {contacts}: {listed}")
    }

    /// `date,networkers,stakeholders,organisations,kind,about,outcomes`; several names joined by "; ".
    pub fn to_csv(&self) -> String {
        use super::kpi::csv_field;
        let mut out =
            String::from("date,networkers,stakeholders,organisations,kind,about,outcomes\n");
        for e in &self.entries {
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                e.date,
                csv_field(&e.networkers.join("; ")),
                csv_field(&e.stakeholders.join("; ")),
                csv_field(&e.organisations.join("; ")),
                csv_field(&e.kind),
                csv_field(&e.about),
                csv_field(&e.outcomes.join("; ")),
            ));
        }
        out
    }

    /// A self-contained HTML page (inline CSS, no external assets) that prints well.
    pub fn to_html(&self, organisation: &str) -> String {
        let mut rows = String::new();
        for e in &self.entries {
            rows.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e.date,
                escape_html(&e.networkers.join(", ")),
                escape_html(&e.stakeholders.join(", ")),
                escape_html(&e.organisations.join(", ")),
                escape_html(&e.kind),
                escape_html(&e.about),
                escape_html(&e.outcomes.join("; ")),
            ));
        }
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Transparency register {from} – {to}</title>
<style>
body {{ font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #1d2433; }}
h1 {{ font-size: 18pt; margin-bottom: 0; }}
p.meta {{ color: #5b6478; margin-top: .2em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9.5pt; }}
th, td {{ text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #d9dde6; }}
th {{ background: #eef1f6; }}
tr {{ page-break-inside: avoid; }}
thead {{ display: table-header-group; }}
@page {{ size: A4 landscape; margin: 1.5cm; }}
</style></head><body>
<h1>Transparency register</h1>
<p class="meta">{org} · {from} to {to} · {tally} · shared records only · generated {generated}</p>
<table><thead><tr><th>Date</th><th>Who (organisation)</th><th>Met</th><th>Of</th><th>How</th><th>About</th><th>Outcomes</th></tr></thead>
<tbody>
{rows}</tbody></table>
</body></html>
"#,
            org = escape_html(organisation),
            from = self.from,
            to = self.to,
            tally = escape_html(&self.tally()),
            generated = self.generated_at,
        )
    }
}

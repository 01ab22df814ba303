//! The transparency register: who met (or called, or wrote to) which stakeholder, when, about
//! what, over a period, each contact counted as what it was — the answer a public official gives
//! to lobbying and integrity questions. Only what is `shared`
//! appears: an interaction or event marked private or summary never does, and a card that is
//! not shared is named "(not shared)". The register's words (its headings, how each contact
//! happened, the tally) are in the reader's language; the entries' `kind` stays the stable code
//! programs read.

use super::network::Network;
use super::records::*;
use super::report::escape_html;
use crate::model::word_enum;
use crate::model::*;
use crate::store::{Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use kring_i18n::{format, t, Language};
use serde::Serialize;

word_enum!(
    /// What a register entry was: an interaction of its kind, or an event of its kind (a
    /// newsletter never is one: it meets nobody).
    RegisterKind {
        Meeting => "meeting",
        Call => "call",
        Email => "email",
        InteractionEvent => "event",
        Visit => "visit",
        Social => "social",
        Other => "other",
        Event => "event: event",
        Conference => "event: conference",
        Reception => "event: reception",
        Workshop => "event: workshop",
        Webinar => "event: webinar",
    }
);

impl RegisterKind {
    fn of_interaction(kind: InteractionKind) -> RegisterKind {
        match kind {
            InteractionKind::Meeting => RegisterKind::Meeting,
            InteractionKind::Call => RegisterKind::Call,
            InteractionKind::Email => RegisterKind::Email,
            InteractionKind::Event => RegisterKind::InteractionEvent,
            InteractionKind::Visit => RegisterKind::Visit,
            InteractionKind::Social => RegisterKind::Social,
            InteractionKind::Other => RegisterKind::Other,
        }
    }

    /// None for a newsletter, which is never in the register.
    fn of_event(kind: EventKind) -> Option<RegisterKind> {
        Some(match kind {
            EventKind::Event => RegisterKind::Event,
            EventKind::Conference => RegisterKind::Conference,
            EventKind::Reception => RegisterKind::Reception,
            EventKind::Workshop => RegisterKind::Workshop,
            EventKind::Webinar => RegisterKind::Webinar,
            EventKind::Newsletter => return None,
        })
    }
}

/// One contact in the register: a meeting, call, e-mail, visit or event.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterEntry {
    pub date: NaiveDate,
    /// The interaction's or event's id.
    pub id: RecordId,
    pub kind: RegisterKind,
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
    /// In the language the register was made in.
    pub summary: String,
}

/// A card's name, or "(not shared)" in `language` when its card is not shared; `None` for the
/// latter, so that an organisation not shared is left out rather than named so.
fn shared_name(network: &Network, id: RecordId) -> Option<String> {
    match network.cards.get(&id) {
        Some(card) if card.visibility == Visibility::Shared => Some(card.name.clone()),
        _ => None,
    }
}

/// Builds the register from a network: shared interactions and shared events (not newsletters)
/// with at least one networker and one stakeholder, dated `from` to `to` inclusive.
pub fn register(
    network: &Network,
    from: NaiveDate,
    to: NaiveDate,
    language: Language,
    now: DateTime<Utc>,
) -> TransparencyRegister {
    let not_shared = t!(language, "transparency-not-shared");
    let named = |id: RecordId| shared_name(network, id).unwrap_or_else(|| not_shared.clone());
    let mut entries = Vec::new();
    let mut add = |id: RecordId,
                   date: NaiveDate,
                   kind: RegisterKind,
                   people: &[RecordId],
                   about: &str,
                   outcomes: &[String]| {
        if date < from || date > to {
            return;
        }
        let networkers: Vec<String> = people
            .iter()
            .filter(|p| network.is_networker(**p))
            .map(|p| named(*p))
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
            if let Some(name) = organisation.and_then(|org| shared_name(network, org)) {
                if !organisations.contains(&name) {
                    organisations.push(name);
                }
            }
        }
        entries.push(RegisterEntry {
            date,
            id,
            kind,
            networkers,
            stakeholders: stakeholder_ids.iter().map(|s| named(*s)).collect(),
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
            RegisterKind::of_interaction(i.kind),
            &i.participants,
            &i.summary,
            &i.outcomes,
        );
    }
    for item in &network.events {
        let Some(kind) = RegisterKind::of_event(item.body.kind) else {
            continue;
        };
        if item.visibility != Visibility::Shared {
            continue;
        }
        let e = &item.body;
        add(
            item.id,
            e.at.date_naive(),
            kind,
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
    register.summary = register.tally(language);
    register
}

impl Store {
    /// The transparency register of this store for `from` to `to` inclusive, its words in
    /// `language`.
    pub fn transparency_register(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        language: Language,
        now: DateTime<Utc>,
    ) -> StoreResult<TransparencyRegister> {
        if to < from {
            return Err(ValidationError::worded("to", "ends_before_start", &[]).into());
        }
        let network = Network::load(self, now)?;
        Ok(register(&network, from, to, language, now))
    }
}

/// How an entry's kind is counted: calls and e-mails are not meetings, and every kind of event
/// is an event. Kinds counted as often are listed in this order (the English nouns'
/// alphabetical one), whatever the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Counted {
    Call,
    Email,
    Event,
    Meeting,
    Other,
    Social,
    Visit,
}

fn counted(kind: RegisterKind) -> Counted {
    match kind {
        RegisterKind::Meeting => Counted::Meeting,
        RegisterKind::Call => Counted::Call,
        RegisterKind::Email => Counted::Email,
        RegisterKind::Visit => Counted::Visit,
        RegisterKind::Social => Counted::Social,
        RegisterKind::Other => Counted::Other,
        RegisterKind::InteractionEvent
        | RegisterKind::Event
        | RegisterKind::Conference
        | RegisterKind::Reception
        | RegisterKind::Workshop
        | RegisterKind::Webinar => Counted::Event,
    }
}

/// `count` contacts of one kind in words: "1 call", "3 telefoongesprekken", "2 e-mails".
fn counted_noun(language: Language, kind: Counted, count: usize) -> String {
    let id = match kind {
        Counted::Meeting => "transparency-meetings",
        Counted::Call => "transparency-calls",
        Counted::Email => "transparency-emails",
        Counted::Visit => "transparency-visits",
        Counted::Social => "transparency-socials",
        Counted::Event => "transparency-events",
        Counted::Other => "transparency-others",
    };
    let count = count as i64;
    let number = format::integer(language, count);
    kring_i18n::text_with(
        language,
        id,
        &[("count", count.into()), ("number", number.into())],
    )
}

/// How one contact happened, for people: "telefoongesprek", "événement : conférence".
fn how(language: Language, kind: RegisterKind) -> String {
    let of_kind = |word: String| t!(language, "transparency-event-of-kind", kind = word);
    match kind {
        RegisterKind::Conference => of_kind(t!(language, "transparency-event-conference")),
        RegisterKind::Reception => of_kind(t!(language, "transparency-event-reception")),
        RegisterKind::Workshop => of_kind(t!(language, "transparency-event-workshop")),
        RegisterKind::Webinar => of_kind(t!(language, "transparency-event-webinar")),
        RegisterKind::Meeting => t!(language, "transparency-how-meeting"),
        RegisterKind::Call => t!(language, "transparency-how-call"),
        RegisterKind::Email => t!(language, "transparency-how-email"),
        RegisterKind::Visit => t!(language, "transparency-how-visit"),
        RegisterKind::Social => t!(language, "transparency-how-social"),
        RegisterKind::InteractionEvent | RegisterKind::Event => {
            t!(language, "transparency-how-event")
        }
        RegisterKind::Other => t!(language, "transparency-how-other"),
    }
}

impl TransparencyRegister {
    /// What the register holds, counted by kind as people say it: "7 contacts: 3 meetings,
    /// 2 calls, 1 e-mail and 1 event" (a call is not a meeting), in `language`.
    pub fn tally(&self, language: Language) -> String {
        let mut counts: Vec<(Counted, usize)> = Vec::new();
        for entry in &self.entries {
            let kind = counted(entry.kind);
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some(count) => count.1 += 1,
                None => counts.push((kind, 1)),
            }
        }
        let total = self.entries.len();
        if total == 0 {
            return t!(language, "transparency-no-contacts");
        }
        // Most first; kinds of one count in a fixed order whatever the language.
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let parts: Vec<String> = counts
            .iter()
            .map(|(kind, n)| counted_noun(language, *kind, *n))
            .collect();
        let listed = match parts.as_slice() {
            [only] => only.clone(),
            [rest @ .., last] => t!(
                language,
                "transparency-list",
                first = rest.join(", "),
                last = last.as_str()
            ),
            [] => String::new(),
        };
        t!(
            language,
            "transparency-tally",
            count = total as i64,
            number = format::integer(language, total as i64),
            listed = listed
        )
    }

    /// A table for people to read in a spreadsheet: headings and how each contact happened in
    /// `language`, ISO dates (which every spreadsheet reads as dates), several names joined by
    /// "; ".
    pub fn to_csv(&self, language: Language) -> String {
        use super::kpi::csv_field;
        let headings: Vec<String> = [
            t!(language, "transparency-csv-date"),
            t!(language, "transparency-csv-networkers"),
            t!(language, "transparency-csv-stakeholders"),
            t!(language, "transparency-csv-organisations"),
            t!(language, "transparency-csv-kind"),
            t!(language, "transparency-csv-about"),
            t!(language, "transparency-csv-outcomes"),
        ]
        .iter()
        .map(|heading| csv_field(heading))
        .collect();
        let mut out = headings.join(",");
        out.push('\n');
        for e in &self.entries {
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                e.date,
                csv_field(&e.networkers.join("; ")),
                csv_field(&e.stakeholders.join("; ")),
                csv_field(&e.organisations.join("; ")),
                csv_field(&how(language, e.kind)),
                csv_field(&e.about),
                csv_field(&e.outcomes.join("; ")),
            ));
        }
        out
    }

    /// A self-contained HTML page (inline CSS, no external assets) that prints well, in
    /// `language`.
    pub fn to_html(&self, organisation: &str, language: Language) -> String {
        let l = language;
        let mut rows = String::new();
        for e in &self.entries {
            rows.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape_html(&format::date(l, e.date)),
                escape_html(&e.networkers.join(", ")),
                escape_html(&e.stakeholders.join(", ")),
                escape_html(&e.organisations.join(", ")),
                escape_html(&how(l, e.kind)),
                escape_html(&e.about),
                escape_html(&e.outcomes.join("; ")),
            ));
        }
        let headings: String = [
            t!(l, "transparency-date"),
            t!(l, "transparency-who"),
            t!(l, "transparency-met"),
            t!(l, "transparency-of"),
            t!(l, "transparency-how"),
            t!(l, "transparency-about"),
            t!(l, "transparency-outcomes"),
        ]
        .iter()
        .map(|heading| format!("<th>{}</th>", escape_html(heading)))
        .collect();
        let generated = chrono::DateTime::parse_from_rfc3339(&self.generated_at).map_or_else(
            |_| self.generated_at.clone(),
            |moment| format::date(l, moment.date_naive()),
        );
        let (from, to) = (format::date(l, self.from), format::date(l, self.to));
        format!(
            r#"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #1d2433; }}
h1 {{ font-size: 18pt; margin-bottom: 0; }}
p.meta {{ color: #5b6478; margin-top: .2em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9.5pt; }}
th, td {{ text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #d9dde6; }}
th {{ background: #eef1f6; }}
td:first-child {{ white-space: nowrap; }}
tr {{ page-break-inside: avoid; }}
thead {{ display: table-header-group; }}
@page {{ size: A4 landscape; margin: 1.5cm; }}
</style></head><body>
<h1>{heading}</h1>
<p class="meta">{meta}</p>
<table><thead><tr>{headings}</tr></thead>
<tbody>
{rows}</tbody></table>
</body></html>
"#,
            lang = l.locale_tag(),
            title = escape_html(&t!(
                l,
                "transparency-title",
                from = from.as_str(),
                to = to.as_str()
            )),
            heading = escape_html(&t!(l, "transparency-heading")),
            meta = escape_html(&t!(
                l,
                "transparency-meta",
                organisation = organisation,
                from = from.as_str(),
                to = to.as_str(),
                tally = self.tally(l),
                generated = generated
            )),
        )
    }
}

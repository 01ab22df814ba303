//! iCalendar files (an invitation, a cancellation, a whole calendar export) read as drafts of
//! meetings, with Stalwart's `calcard` parser.
//!
//! Why `calcard`: on the 116 real calendars of `tests/corpus/icalendar/` (Google, Thunderbird,
//! Outlook/Exchange, BlackBerry, khal, fuzzing finds) it read every file and found 150 events,
//! where the `icalendar` crate's parser refused 13 files (a byte-order mark, several calendars in
//! one file, blank lines, white space around `=`) and found 119. It also knows Windows and
//! Outlook time-zone names. See `zones.rs` for time zones and `recurrence.rs` for recurring
//! meetings.
//!
//! A file can hold several `VCALENDAR`s; each is read with its own time zones. Events are grouped
//! by `UID`: a recurring meeting's occurrences come from its rule, and an event with a
//! `RECURRENCE-ID` replaces the occurrence it names (moved, renamed or cancelled). Replies to an
//! invitation (`METHOD:REPLY`) are not meetings and are refused.

mod recurrence;
mod zones;

pub(crate) use zones::in_local_zone;

use kring_i18n::{t, Language};
use std::collections::BTreeMap;

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarPeriod, ICalendarProperty, ICalendarRecurrenceRule, ICalendarValue,
};
use calcard::{Entry, Parser};
use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::interaction::{
    bounded_text, push_participant, CaptureReadError, DraftKind, InteractionDraft, ReadOptions,
    ReadWarning, ReadWarningCode,
};
use crate::mailbox::{Mailbox, Participant, ParticipantRole};
use recurrence::{NotExpanded, Window};
use zones::{naive, Zone, Zones};

/// Warnings of one kind beyond this many are counted, not listed.
const WARNINGS_PER_CODE: usize = 20;

/// Reads every meeting of a calendar file.
pub(crate) fn read_calendar(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Vec<InteractionDraft>, Vec<ReadWarning>), CaptureReadError> {
    let mut warnings = Warnings::speaking(options.language);
    let text = decode(bytes, &mut warnings);
    let calendars = parse_calendars(&text, &mut warnings)?;

    let mut drafts = Vec::new();
    let mut events_seen = 0;
    let mut without_start = 0;
    let mut outside_window = 0;
    let mut other_components: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut reply_method = None;
    for calendar in &calendars {
        let method = calendar_method(calendar);
        if let Some(method) = method.as_deref() {
            let has_events = calendar
                .components
                .iter()
                .any(|c| c.component_type == ICalendarComponentType::VEvent);
            if has_events && ["REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"].contains(&method) {
                reply_method = Some(method.to_owned());
                continue;
            }
        }
        let cancelled_calendar = method.as_deref() == Some("CANCEL");
        let zones = Zones::of(calendar, options);
        let mut events = Vec::new();
        for component in &calendar.components {
            match component.component_type {
                ICalendarComponentType::VEvent => {
                    events_seen += 1;
                    match Event::read(component, &zones, &mut warnings) {
                        Some(event) => events.push(event),
                        None => without_start += 1,
                    }
                }
                ICalendarComponentType::VTodo => *other_components.entry("to-do").or_default() += 1,
                ICalendarComponentType::VJournal => {
                    *other_components.entry("journal entry").or_default() += 1
                }
                ICalendarComponentType::VFreebusy => {
                    *other_components.entry("free/busy block").or_default() += 1
                }
                _ => {}
            }
        }
        drafts.extend(series_drafts(
            events,
            cancelled_calendar,
            options,
            &mut warnings,
            &mut outside_window,
        ));
    }
    if !other_components.is_empty() {
        let language = options.language;
        let what: Vec<String> = other_components
            .iter()
            .map(|(what, count)| {
                t!(
                    language,
                    "read-component",
                    kind = what.replace([' ', '/'], "_"),
                    count = *count
                )
            })
            .collect();
        warnings.push(
            ReadWarningCode::NotAMeeting,
            t!(language, "read-not-a-meeting", components = what.join(", ")),
        );
    }
    if drafts.is_empty() {
        if let Some(method) = reply_method {
            return Err(CaptureReadError::Reply { method });
        }
        let detail = if events_seen > 0 && outside_window > 0 {
            let mut parts = Vec::new();
            if without_start > 0 {
                parts.push(format!(
                    "{without_start} without a start time Kring can read"
                ));
            }
            parts.push(format!(
                "{outside_window} recurring with no occurrence in the last {} days nor a next one",
                options.look_back_days
            ));
            format!(
                "of its {}, {}",
                plural(events_seen, "event"),
                parts.join(" and ")
            )
        } else if events_seen > 0 {
            format!(
                "none of its {} has a start time Kring can read",
                plural(events_seen, "event")
            )
        } else if !other_components.is_empty() {
            let what: Vec<String> = other_components
                .iter()
                .map(|(what, count)| plural(*count, what))
                .collect();
            format!("it has {} and no events", what.join(", "))
        } else {
            "it has no events (VEVENT)".to_owned()
        };
        return Err(CaptureReadError::NoMeetings { detail });
    }
    drafts.sort_by(|a, b| (a.start, &a.identity).cmp(&(b.start, &b.identity)));
    Ok((drafts, warnings.into_vec()))
}

fn plural(count: usize, what: &str) -> String {
    if count == 1 {
        format!("1 {what}")
    } else if let Some(stem) = what.strip_suffix('y') {
        format!("{count} {stem}ies")
    } else {
        format!("{count} {what}s")
    }
}

/// Warnings, at most [`WARNINGS_PER_CODE`] of a kind, then a count of the rest.
struct Warnings {
    list: Vec<ReadWarning>,
    dropped: BTreeMap<ReadWarningCode, usize>,
    /// The language they are worded in.
    language: Language,
}

impl Warnings {
    fn speaking(language: Language) -> Self {
        Warnings {
            list: Vec::new(),
            dropped: BTreeMap::new(),
            language,
        }
    }

    fn push(&mut self, code: ReadWarningCode, message: impl Into<String>) {
        if self.list.iter().filter(|w| w.code == code).count() >= WARNINGS_PER_CODE {
            *self.dropped.entry(code).or_default() += 1;
            return;
        }
        self.list.push(ReadWarning::new(code, message));
    }

    fn into_vec(mut self) -> Vec<ReadWarning> {
        for (code, count) in self.dropped {
            self.list.push(ReadWarning::new(
                code,
                t!(self.language, "read-more-like-the-above", count = count),
            ));
        }
        self.list
    }
}

/// The file's text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or, failing
/// that, Windows-1252 (what old Outlook versions wrote).
fn decode(bytes: &[u8], warnings: &mut Warnings) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            warnings.push(
                ReadWarningCode::NotUtf8,
                t!(warnings.language, "read-not-utf8"),
            );
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.into_owned()
        }
    }
}

/// Every `VCALENDAR` in the text (and bare `VEVENT`s outside one, which some tools write).
fn parse_calendars(
    text: &str,
    warnings: &mut Warnings,
) -> Result<Vec<ICalendar>, CaptureReadError> {
    let mut calendars = Vec::new();
    let mut parser = Parser::new(text);
    let mut invalid_lines = 0usize;
    // Each entry consumes input; the bound only guards against a parser that would not.
    for _ in 0..=text.len() + 1 {
        match parser.entry() {
            Entry::ICalendar(calendar) => {
                // A VCALENDAR, a bare VEVENT, or a component of some tool's own that holds
                // events: each is read for what events it has.
                let top = calendar.components.first().map(|c| &c.component_type);
                let has_events = calendar
                    .components
                    .iter()
                    .any(|c| c.component_type == ICalendarComponentType::VEvent);
                if matches!(top, Some(ICalendarComponentType::VCalendar)) || has_events {
                    calendars.push(calendar);
                } else {
                    invalid_lines += 1;
                }
            }
            Entry::InvalidLine(_) | Entry::VCard(_) => invalid_lines += 1,
            Entry::UnexpectedComponentEnd { .. } | Entry::UnterminatedComponent(_) => {
                warnings.push(
                    ReadWarningCode::InvalidLine,
                    t!(warnings.language, "read-component-not-closed"),
                );
            }
            Entry::TooManyComponents => {
                warnings.push(
                    ReadWarningCode::InvalidLine,
                    t!(warnings.language, "read-too-many-components"),
                );
                break;
            }
            Entry::Eof => break,
            _ => invalid_lines += 1,
        }
    }
    if calendars.is_empty() {
        let detail = if invalid_lines > 0 {
            format!(" ({} Kring could not read)", plural(invalid_lines, "line"))
        } else {
            String::new()
        };
        return Err(CaptureReadError::NotCalendar { detail });
    }
    if invalid_lines > 0 {
        warnings.push(
            ReadWarningCode::InvalidLine,
            t!(
                warnings.language,
                "read-lines-outside-calendar",
                count = invalid_lines
            ),
        );
    }
    Ok(calendars)
}

fn calendar_method(calendar: &ICalendar) -> Option<String> {
    calendar
        .components
        .first()?
        .entries
        .iter()
        .find(|e| e.name == ICalendarProperty::Method)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
        .map(|m| m.trim().to_ascii_uppercase())
}

fn text_of(entry: &ICalendarEntry) -> Option<String> {
    let parts: Vec<&str> = entry
        .values
        .iter()
        .filter_map(ICalendarValue::as_text)
        .collect();
    let joined = parts.join(", ");
    let trimmed = joined.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn parameter_text(entry: &ICalendarEntry, name: ICalendarParameterName) -> Option<&str> {
    entry.parameters(&name).find_map(|value| value.as_text())
}

/// When a series' occurrence or a single meeting starts, as read from the file.
#[derive(Clone)]
struct Start {
    wall: NaiveDateTime,
    zone: Zone,
    all_day: bool,
}

/// One `VEVENT` as read.
#[derive(Clone)]
struct Event {
    uid: Option<String>,
    /// The occurrence it replaces: wall-clock time in its own zone.
    recurrence_id: Option<NaiveDateTime>,
    sequence: u32,
    start: Start,
    duration: Option<Duration>,
    summary: String,
    location: Option<String>,
    description: Option<String>,
    participants: Vec<Participant>,
    cancelled: bool,
    online: bool,
    rules: Vec<(ICalendarRecurrenceRule, Option<NaiveDateTime>)>,
    extra: Vec<NaiveDateTime>,
    excluded: Vec<NaiveDateTime>,
    excluded_days: Vec<NaiveDate>,
}

impl Event {
    fn read(
        component: &ICalendarComponent,
        zones: &Zones,
        warnings: &mut Warnings,
    ) -> Option<Event> {
        let mut uid = None;
        let mut start = None;
        let mut end = None;
        let mut duration = None;
        let mut recurrence_id = None;
        let mut sequence = 0;
        let mut summary = String::new();
        let mut location = None;
        let mut description = None;
        let mut participants = Vec::new();
        let mut cancelled = false;
        let mut online = false;
        let mut raw_rules = Vec::new();
        let mut extra = Vec::new();
        let mut excluded = Vec::new();
        let mut excluded_days = Vec::new();

        for entry in &component.entries {
            match &entry.name {
                ICalendarProperty::Uid => uid = text_of(entry),
                ICalendarProperty::Dtstart => {
                    if let Some(ICalendarValue::PartialDateTime(value)) = entry.values.first() {
                        start = read_start(entry, value, zones, warnings);
                    }
                }
                ICalendarProperty::Dtend => {
                    if let Some(ICalendarValue::PartialDateTime(value)) = entry.values.first() {
                        end = read_start(entry, value, zones, warnings);
                    }
                }
                ICalendarProperty::Duration => {
                    if let Some(ICalendarValue::Duration(value)) = entry.values.first() {
                        duration = value.to_time_delta();
                    }
                }
                ICalendarProperty::RecurrenceId => {
                    if let Some(ICalendarValue::PartialDateTime(value)) = entry.values.first() {
                        recurrence_id = naive(value);
                    }
                }
                ICalendarProperty::Sequence => {
                    if let Some(ICalendarValue::Integer(value)) = entry.values.first() {
                        sequence = u32::try_from(*value).unwrap_or(0);
                    }
                }
                ICalendarProperty::Summary => summary = text_of(entry).unwrap_or_default(),
                ICalendarProperty::Location => location = text_of(entry),
                ICalendarProperty::Description => description = text_of(entry),
                ICalendarProperty::Status => {
                    cancelled |= text_of(entry)
                        .is_some_and(|status| status.eq_ignore_ascii_case("CANCELLED"));
                }
                ICalendarProperty::Conference => online = true,
                ICalendarProperty::Organizer => {
                    if let Some(participant) =
                        participant(entry, ParticipantRole::Organiser, warnings)
                    {
                        push_participant(&mut participants, participant);
                    }
                }
                ICalendarProperty::Attendee => {
                    if let Some(participant) =
                        participant(entry, ParticipantRole::Attendee, warnings)
                    {
                        push_participant(&mut participants, participant);
                    }
                }
                ICalendarProperty::Rrule => {
                    if let Some(ICalendarValue::RecurrenceRule(rule)) = entry.values.first() {
                        raw_rules.push((**rule).clone());
                    }
                }
                ICalendarProperty::Rdate => {
                    for value in &entry.values {
                        let at = match value {
                            ICalendarValue::PartialDateTime(dt) => Some(dt.as_ref()),
                            ICalendarValue::Period(
                                ICalendarPeriod::Range { start, .. }
                                | ICalendarPeriod::Duration { start, .. },
                            ) => Some(start),
                            _ => None,
                        };
                        if let Some(at) = at.and_then(naive) {
                            extra.push(at);
                        }
                    }
                }
                ICalendarProperty::Exdate => {
                    for value in &entry.values {
                        if let ICalendarValue::PartialDateTime(dt) = value {
                            match (dt.hour, naive(dt)) {
                                (None, Some(at)) => excluded_days.push(at.date()),
                                (Some(_), Some(at)) => excluded.push(at),
                                _ => {}
                            }
                        }
                    }
                }
                ICalendarProperty::Other(name) => {
                    let name = name.to_ascii_uppercase();
                    if name == "X-MICROSOFT-SKYPETEAMSMEETINGURL"
                        || name == "X-GOOGLE-CONFERENCE"
                        || name == "X-MICROSOFT-ONLINEMEETINGCONFLINK"
                    {
                        online = true;
                    }
                }
                _ => {}
            }
        }
        let Some(start) = start else {
            let language = warnings.language;
            let title = if summary.is_empty() {
                t!(language, "read-untitled")
            } else {
                summary.clone()
            };
            warnings.push(
                ReadWarningCode::EventWithoutStart,
                t!(language, "read-event-without-start", title = title),
            );
            return None;
        };
        let duration = duration.or_else(|| {
            let end = end?;
            let begins = start.zone.moment(start.wall)?;
            let ends = end.zone.moment(end.wall)?;
            (ends >= begins).then(|| ends - begins)
        });
        let rules = raw_rules
            .into_iter()
            .map(|rule| {
                // UNTIL in UTC (as RFC 5545 asks when DTSTART has a zone) becomes wall-clock time
                // in the series' zone, where the rule is expanded.
                let until = rule.until.as_ref().and_then(|until| {
                    let wall = naive(until)?;
                    if until.tz_hour.is_some() {
                        let moment = Zone::UTC.moment(wall)?;
                        Some(start.zone.wall(moment.to_utc()))
                    } else if until.hour.is_none() {
                        // A date: the whole day is included.
                        Some(wall + Duration::days(1) - Duration::seconds(1))
                    } else {
                        Some(wall)
                    }
                });
                (rule, until)
            })
            .collect();
        Some(Event {
            uid,
            recurrence_id,
            sequence,
            start,
            duration,
            summary,
            location,
            description,
            participants,
            cancelled,
            online,
            rules,
            extra,
            excluded,
            excluded_days,
        })
    }

    fn kind(&self) -> DraftKind {
        if is_call(&self.summary, self.location.as_deref(), self.online) {
            DraftKind::Call
        } else {
            DraftKind::Meeting
        }
    }

    fn is_recurring(&self) -> bool {
        !self.rules.is_empty() || !self.extra.is_empty()
    }

    /// The draft of this event starting at a wall-clock time (its own start, or an occurrence's).
    fn draft(
        &self,
        identity: String,
        wall: NaiveDateTime,
        occurrence: bool,
        cancelled_calendar: bool,
        options: &ReadOptions,
    ) -> Option<InteractionDraft> {
        let start = self.start.zone.moment(wall)?;
        Some(InteractionDraft {
            identity,
            sequence: self.sequence,
            kind: self.kind(),
            start: in_local_zone(start, options),
            end: self
                .duration
                .filter(|d| !d.is_zero())
                .and_then(|d| start.checked_add_signed(d))
                .map(|end| in_local_zone(end, options)),
            all_day: self.start.all_day,
            time_zone: self.start.zone.iana_name(),
            subject: self.summary.clone(),
            location: self.location.clone(),
            participants: self.participants.clone(),
            cancelled: self.cancelled || cancelled_calendar,
            occurrence,
            text: self.description.as_deref().and_then(bounded_text),
        })
    }
}

/// A meeting's start: its wall-clock time and zone. An all-day meeting (a date alone) is put at
/// noon on its day in the reader's zone, as `kring log --at DATE` does.
fn read_start(
    entry: &ICalendarEntry,
    value: &PartialDateTime,
    zones: &Zones,
    warnings: &mut Warnings,
) -> Option<Start> {
    let wall = naive(value)?;
    if value.hour.is_none() {
        return Some(Start {
            wall: wall.date().and_hms_opt(12, 0, 0)?,
            zone: zones.local.clone(),
            all_day: true,
        });
    }
    let (zone, unknown) = zones.of_entry(entry, value);
    if let Some(name) = unknown {
        let language = warnings.language;
        warnings.push(
            ReadWarningCode::UnknownTimeZone,
            t!(language, "read-unknown-time-zone", zone = name),
        );
    }
    // A time that is not a moment at all (beyond chrono's range) is no start.
    zone.moment(wall)?;
    Some(Start {
        wall,
        zone,
        all_day: false,
    })
}

/// An organiser or attendee: people only (rooms and resources are not), with the address from
/// the value or, for a non-mail URI, the `EMAIL` parameter.
fn participant(
    entry: &ICalendarEntry,
    role: ParticipantRole,
    warnings: &mut Warnings,
) -> Option<Participant> {
    let user_type = parameter_text(entry, ICalendarParameterName::Cutype)
        .unwrap_or_default()
        .to_ascii_uppercase();
    if user_type == "ROOM" || user_type == "RESOURCE" {
        return None;
    }
    let role = match parameter_text(entry, ICalendarParameterName::Role)
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("NON-PARTICIPANT") => return None,
        Some("OPT-PARTICIPANT") if role == ParticipantRole::Attendee => ParticipantRole::Optional,
        _ => role,
    };
    let name = parameter_text(entry, ICalendarParameterName::Cn);
    let value = entry.values.first().and_then(ICalendarValue::as_text);
    let mailbox = value.and_then(|v| Mailbox::parse(v, name)).or_else(|| {
        parameter_text(entry, ICalendarParameterName::Email)
            .and_then(|email| Mailbox::parse(email, name))
    });
    let Some(mailbox) = mailbox else {
        let language = warnings.language;
        let who = match name.or(value) {
            Some(who) => who.to_owned(),
            None => t!(language, "read-a-participant"),
        };
        warnings.push(
            ReadWarningCode::AddressUnusable,
            t!(language, "read-participant-without-address", who = who),
        );
        return None;
    };
    let declined = parameter_text(entry, ICalendarParameterName::Partstat)
        .is_some_and(|status| status.eq_ignore_ascii_case("DECLINED"));
    Some(Participant {
        mailbox,
        role,
        declined,
    })
}

/// Words in a title that say the meeting is a call, in Kring's four languages and English.
const CALL_WORDS: &[&str] = &[
    "call",
    "phone",
    "telefoon",
    "telefonisch",
    "bellen",
    "belafspraak",
    "appel téléphonique",
    "téléphone",
    "visio",
    "anruf",
    "telefonat",
    "videocall",
    "teams-call",
];

/// What a place names when it is no place but a line or a link.
const ONLINE_PLACES: &[&str] = &[
    "teams",
    "zoom",
    "webex",
    "meet.google",
    "google meet",
    "skype",
    "jitsi",
    "whereby",
    "http://",
    "https://",
    "tel:",
    "phone",
    "telefoon",
    "téléphone",
    "online",
];

/// Whether a meeting is a phone or video call: its place is only a link or a line (or it has
/// none and the file marks it as online), or its title says so.
fn is_call(summary: &str, location: Option<&str>, online: bool) -> bool {
    let place = location.unwrap_or_default().to_lowercase();
    let place_is_online = ONLINE_PLACES.iter().any(|word| place.contains(word));
    if !place.is_empty() && !place_is_online {
        return false;
    }
    let title = summary.to_lowercase();
    let title_says_call = title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|word| CALL_WORDS.contains(&word))
        || CALL_WORDS
            .iter()
            .filter(|w| w.contains(' '))
            .any(|w| title.contains(w));
    place_is_online || online || title_says_call
}

/// The drafts of one calendar's events: single meetings as they are, recurring ones as their
/// occurrences in the window, occurrences replaced by the events that override them.
fn series_drafts(
    events: Vec<Event>,
    cancelled_calendar: bool,
    options: &ReadOptions,
    warnings: &mut Warnings,
    outside_window: &mut usize,
) -> Vec<InteractionDraft> {
    let language = options.language;
    let mut by_uid: BTreeMap<String, (Option<Event>, Vec<Event>)> = BTreeMap::new();
    let mut drafts = Vec::new();
    for (index, event) in events.into_iter().enumerate() {
        let Some(uid) = event.uid.clone().filter(|u| !u.trim().is_empty()) else {
            // Without a UID an event has no identity of its own: its start and title stand in.
            let identity = format!(
                "no-uid:{}|{}|{}",
                event.start.wall.format("%Y%m%dT%H%M%S"),
                event.summary,
                index
            );
            drafts.extend(event.draft(
                identity,
                event.start.wall,
                false,
                cancelled_calendar,
                options,
            ));
            continue;
        };
        let group = by_uid.entry(uid).or_default();
        if event.recurrence_id.is_some() {
            group.1.push(event);
        } else if group
            .0
            .as_ref()
            .is_none_or(|m| event.sequence >= m.sequence)
        {
            // The same UID twice: the later SEQUENCE is the meeting as it stands.
            group.0 = Some(event);
        }
    }
    for (uid, (master, overrides)) in by_uid {
        let mut overrides: BTreeMap<NaiveDate, Event> = overrides
            .into_iter()
            .filter_map(|o| Some((o.recurrence_id?.date(), o)))
            .collect();
        match master {
            Some(master) if master.is_recurring() => {
                let now = master.start.zone.wall(options.now);
                let window = Window {
                    from: now - Duration::days(i64::from(options.look_back_days)),
                    now,
                    max: options.max_occurrences,
                };
                let expansion = recurrence::expand(
                    &master.rules,
                    master.start.wall,
                    &master.extra,
                    &master.excluded,
                    &master.excluded_days,
                    &window,
                );
                let expansion = match expansion {
                    Ok(expansion) => expansion,
                    Err(reason) => {
                        let title = &master.summary;
                        match reason {
                            NotExpanded::TooFrequent => warnings.push(
                                ReadWarningCode::TooFrequent,
                                t!(language, "read-too-frequent", title = title.as_str()),
                            ),
                            NotExpanded::TooLong => warnings.push(
                                ReadWarningCode::RecurrenceBounded,
                                t!(
                                    language,
                                    "read-started-too-long-ago",
                                    title = title.as_str()
                                ),
                            ),
                            NotExpanded::Invalid(why) => warnings.push(
                                ReadWarningCode::RecurrenceUnreadable,
                                t!(
                                    language,
                                    "read-rule-unreadable",
                                    title = title.as_str(),
                                    why = why.to_string()
                                ),
                            ),
                        }
                        drafts.extend(master.draft(
                            uid.clone(),
                            master.start.wall,
                            false,
                            cancelled_calendar,
                            options,
                        ));
                        continue;
                    }
                };
                if expansion.bounded {
                    warnings.push(
                        ReadWarningCode::RecurrenceBounded,
                        t!(
                            language,
                            "read-recurs-more",
                            title = master.summary.as_str(),
                            occurrences = options.max_occurrences,
                            days = options.look_back_days
                        ),
                    );
                }
                if expansion.past.is_empty() && expansion.next.is_none() && overrides.is_empty() {
                    *outside_window += 1;
                }
                let mut seen_days = Vec::new();
                for wall in expansion.past.iter().chain(expansion.next.iter()) {
                    // One occurrence a day: the identity is the day it was planned on, so that a
                    // series moved to another hour updates its occurrences instead of adding new
                    // ones.
                    let day = wall.date();
                    if seen_days.contains(&day) {
                        continue;
                    }
                    seen_days.push(day);
                    let identity = format!("{uid}#{day}");
                    let draft = match overrides.remove(&day) {
                        Some(replacement) => replacement.draft(
                            identity,
                            replacement.start.wall,
                            true,
                            cancelled_calendar,
                            options,
                        ),
                        None => master.draft(identity, *wall, true, cancelled_calendar, options),
                    };
                    drafts.extend(draft);
                }
                // Overrides of occurrences outside the window are left out with them, except
                // one that was moved into it.
                for (day, replacement) in overrides {
                    let wall = replacement.start.wall;
                    if wall >= window.from && wall <= window.now {
                        drafts.extend(replacement.draft(
                            format!("{uid}#{day}"),
                            wall,
                            true,
                            cancelled_calendar,
                            options,
                        ));
                    }
                }
            }
            Some(master) => {
                drafts.extend(master.draft(
                    uid.clone(),
                    master.start.wall,
                    false,
                    cancelled_calendar,
                    options,
                ));
                // A single meeting with overrides is odd but allowed: each is its own occurrence.
                for (day, replacement) in overrides {
                    drafts.extend(replacement.draft(
                        format!("{uid}#{day}"),
                        replacement.start.wall,
                        true,
                        cancelled_calendar,
                        options,
                    ));
                }
            }
            None => {
                // An invitation to one occurrence only (Outlook sends these for a changed
                // occurrence of a series).
                for (day, replacement) in overrides {
                    drafts.extend(replacement.draft(
                        format!("{uid}#{day}"),
                        replacement.start.wall,
                        true,
                        cancelled_calendar,
                        options,
                    ));
                }
            }
        }
    }
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_that_are_links_or_lines_make_a_call_and_rooms_do_not() {
        assert!(is_call(
            "Afstemming",
            Some("Microsoft Teams Meeting"),
            false
        ));
        assert!(is_call("Afstemming", None, true));
        assert!(is_call("Call with Port", None, false));
        assert!(is_call("Telefoon Jan", Some(""), false));
        assert!(!is_call("Havenoverleg", Some("Havenhuis, Zaal 2"), false));
        assert!(!is_call("Call with Port", Some("Havenhuis"), true));
        assert!(!is_call("Recall of the year", None, false));
    }

    #[test]
    fn plurals_read_as_words() {
        assert_eq!(plural(1, "event"), "1 event");
        assert_eq!(plural(3, "journal entry"), "3 journal entries");
        assert_eq!(plural(2, "to-do"), "2 to-dos");
    }
}

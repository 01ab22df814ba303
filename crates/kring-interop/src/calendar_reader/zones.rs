//! Time zones of calendar files: which moment "14:00" in a `TZID` is.
//!
//! Why this is more than a table lookup: Outlook writes Windows zone names ("Romance Standard
//! Time") or its display names ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"), older servers
//! write vendor paths ("/softwarestudio.org/Olson_20011030_5/America/New_York"), and some clients
//! write a zone of their own ("Customized Time Zone") defined only by the file's `VTIMEZONE`.
//! The lookup goes, in order: calcard's resolver (the file's `VTIMEZONE`s by `TZID`,
//! `X-LIC-LOCATION` and `X-MICROSOFT-CDO-TZID`, then IANA, Windows — CLDR's windowsZones table —
//! and Outlook display names); then the `VTIMEZONE`'s own rules (its `STANDARD` and `DAYLIGHT`
//! onsets, expanded with `rrule`); and when nothing is known about a name, the reader's own zone,
//! with a warning.

use std::collections::HashMap;
use std::str::FromStr;

use calcard::common::timezone::Tz as CalcardTz;
use calcard::common::PartialDateTime;
use calcard::icalendar::timezone::TzResolver;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarProperty,
    ICalendarValue,
};
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};

use super::recurrence;
use crate::interaction::ReadOptions;

/// A zone a calendar's times are given in.
#[derive(Debug, Clone)]
pub(crate) enum Zone {
    /// An IANA zone (UTC included).
    Iana(chrono_tz::Tz),
    /// A fixed offset (`…T140000+0100`, not standard but written).
    Fixed(FixedOffset),
    /// A zone the file defines by its own rules.
    Custom(CustomZone),
}

impl Zone {
    pub(crate) const UTC: Zone = Zone::Iana(chrono_tz::UTC);

    /// The moment a wall-clock time in this zone is. A time that does not exist (skipped by a
    /// change to summer time) is read an hour later; one that exists twice, as the first.
    pub(crate) fn moment(&self, wall: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Zone::Iana(zone) => {
                let local = zone.from_local_datetime(&wall).earliest().or_else(|| {
                    zone.from_local_datetime(&(wall + Duration::hours(1)))
                        .earliest()
                })?;
                Some(local.fixed_offset())
            }
            Zone::Fixed(offset) => offset.from_local_datetime(&wall).single(),
            Zone::Custom(custom) => custom.offset_at(wall).from_local_datetime(&wall).single(),
        }
    }

    /// The wall-clock time of a moment in this zone.
    pub(crate) fn wall(&self, moment: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Iana(zone) => moment.with_timezone(zone).naive_local(),
            Zone::Fixed(offset) => moment.with_timezone(offset).naive_local(),
            // The offset at the wall time near the moment: a custom zone changes offset twice a
            // year, so reading the offset at the UTC time itself is right but for an hour or two.
            Zone::Custom(custom) => {
                let near = moment.naive_utc();
                moment.with_timezone(&custom.offset_at(near)).naive_local()
            }
        }
    }

    /// The IANA name, when the zone has one.
    pub(crate) fn iana_name(&self) -> Option<String> {
        match self {
            Zone::Iana(zone) => Some(zone.name().to_owned()),
            _ => None,
        }
    }
}

/// One `STANDARD` or `DAYLIGHT` part of a `VTIMEZONE`: from its onsets on, the offset is `to`.
#[derive(Debug, Clone)]
struct Observance {
    start: NaiveDateTime,
    rules: Vec<calcard::icalendar::ICalendarRecurrenceRule>,
    extra_onsets: Vec<NaiveDateTime>,
    from: FixedOffset,
    to: FixedOffset,
}

/// A zone defined by a `VTIMEZONE` that names no zone Kring knows.
#[derive(Debug, Clone)]
pub(crate) struct CustomZone {
    observances: Vec<Observance>,
}

impl CustomZone {
    fn from_component(component: &ICalendar, vtimezone: &ICalendarComponent) -> Option<Self> {
        let mut observances = Vec::new();
        for id in &vtimezone.component_ids {
            let Some(part) = component.components.get(*id as usize) else {
                continue;
            };
            if !matches!(
                part.component_type,
                ICalendarComponentType::Standard | ICalendarComponentType::Daylight
            ) {
                continue;
            }
            let mut start = None;
            let mut from = None;
            let mut to = None;
            let mut rules = Vec::new();
            let mut extra_onsets = Vec::new();
            for entry in &part.entries {
                match (&entry.name, entry.values.first()) {
                    (ICalendarProperty::Dtstart, Some(ICalendarValue::PartialDateTime(dt))) => {
                        start = naive(dt);
                    }
                    (ICalendarProperty::Tzoffsetfrom, Some(value)) => from = offset_of(value),
                    (ICalendarProperty::Tzoffsetto, Some(value)) => to = offset_of(value),
                    (ICalendarProperty::Rrule, Some(ICalendarValue::RecurrenceRule(rule))) => {
                        rules.push((**rule).clone());
                    }
                    (ICalendarProperty::Rdate, _) => {
                        for value in &entry.values {
                            if let ICalendarValue::PartialDateTime(dt) = value {
                                extra_onsets.extend(naive(dt));
                            }
                        }
                    }
                    _ => {}
                }
            }
            let (Some(start), Some(to)) = (start, to) else {
                continue;
            };
            observances.push(Observance {
                start,
                rules,
                extra_onsets,
                from: from.unwrap_or(to),
                to,
            });
        }
        (!observances.is_empty()).then_some(CustomZone { observances })
    }

    /// The offset in force at a wall-clock time: that of the observance with the latest onset at
    /// or before it (before every onset, the first observance's "from" offset).
    fn offset_at(&self, wall: NaiveDateTime) -> FixedOffset {
        let mut latest: Option<(NaiveDateTime, FixedOffset)> = None;
        for observance in &self.observances {
            let mut onsets = vec![observance.start];
            onsets.extend(observance.extra_onsets.iter().copied());
            for rule in &observance.rules {
                onsets.extend(recurrence::latest_at_or_before(
                    rule,
                    observance.start,
                    wall,
                ));
            }
            if let Some(onset) = onsets.into_iter().filter(|onset| *onset <= wall).max() {
                if latest.is_none_or(|(best, _)| onset > best) {
                    latest = Some((onset, observance.to));
                }
            }
        }
        match latest {
            Some((_, offset)) => offset,
            None => self
                .observances
                .iter()
                .min_by_key(|o| o.start)
                .map(|o| o.from)
                .unwrap_or_else(|| Utc.fix()),
        }
    }
}

fn offset_of(value: &ICalendarValue) -> Option<FixedOffset> {
    match value {
        ICalendarValue::PartialDateTime(dt) => {
            let seconds = i32::from(dt.tz_hour?) * 3600 + i32::from(dt.tz_minute.unwrap_or(0)) * 60;
            if dt.tz_minus {
                FixedOffset::west_opt(seconds)
            } else {
                FixedOffset::east_opt(seconds)
            }
        }
        ICalendarValue::Text(text) => parse_offset(text),
        _ => None,
    }
}

/// "+0100", "-0530", "+010000".
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(4..=6).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[0..2].parse().ok()?;
    let minutes: i32 = digits[2..4].parse().ok()?;
    let seconds: i32 = digits.get(4..6).map_or(Some(0), |s| s.parse().ok())?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60 + seconds))
}

/// The wall-clock date and time a calendar value says (a date alone is midnight).
pub(crate) fn naive(value: &PartialDateTime) -> Option<NaiveDateTime> {
    value.to_date_time().map(|result| result.date_time)
}

/// The zones one calendar (one `VCALENDAR`) refers to.
pub(crate) struct Zones {
    resolver: TzResolver<String>,
    custom: HashMap<String, CustomZone>,
    /// The reader's own zone: floating times are read in it.
    pub(crate) local: Zone,
}

impl Zones {
    pub(crate) fn of(calendar: &ICalendar, options: &ReadOptions) -> Zones {
        let mut custom = HashMap::new();
        for vtimezone in calendar.timezones() {
            let Some(tzid) = vtimezone
                .entries
                .iter()
                .find(|e| e.name == ICalendarProperty::Tzid)
                .and_then(|e| e.values.first())
                .and_then(ICalendarValue::as_text)
            else {
                continue;
            };
            if let Some(zone) = CustomZone::from_component(calendar, vtimezone) {
                custom.insert(tzid.to_owned(), zone);
            }
        }
        Zones {
            resolver: calendar.build_owned_tz_resolver(),
            custom,
            local: local_zone(options),
        }
    }

    /// The zone a `TZID` names, and whether Kring had to guess (the reader's zone).
    pub(crate) fn named(&self, tzid: &str) -> (Zone, bool) {
        match self.resolver.resolve(tzid) {
            Some(CalcardTz::Tz(zone)) => return (Zone::Iana(zone), false),
            Some(CalcardTz::Fixed(offset)) => return (Zone::Fixed(offset), false),
            _ => {}
        }
        if let Some(custom) = self.custom.get(tzid) {
            return (Zone::Custom(custom.clone()), false);
        }
        // A vendor path ("/freeassociation.sourceforge.net/Europe/Berlin") ends in the IANA name.
        for (at, _) in tzid.match_indices('/') {
            if let Ok(zone) = chrono_tz::Tz::from_str(&tzid[at + 1..]) {
                return (Zone::Iana(zone), false);
            }
        }
        (self.local.clone(), true)
    }

    /// The zone of a date-time property: its `TZID`, a `Z` or an offset in the value, or the
    /// reader's zone for a floating time. The name of an unknown `TZID` comes back to be warned
    /// about.
    pub(crate) fn of_entry<'a>(
        &self,
        entry: &'a ICalendarEntry,
        value: &PartialDateTime,
    ) -> (Zone, Option<&'a str>) {
        if let Some(hour) = value.tz_hour {
            let seconds = i32::from(hour) * 3600 + i32::from(value.tz_minute.unwrap_or(0)) * 60;
            if seconds == 0 {
                return (Zone::UTC, None);
            }
            let offset = if value.tz_minus {
                FixedOffset::west_opt(seconds)
            } else {
                FixedOffset::east_opt(seconds)
            };
            if let Some(offset) = offset {
                return (Zone::Fixed(offset), None);
            }
        }
        match entry.tz_id() {
            Some(tzid) => {
                let (zone, guessed) = self.named(tzid);
                (zone, guessed.then_some(tzid))
            }
            None => (self.local.clone(), None),
        }
    }
}

/// The reader's own zone from the options; UTC when none or unknown.
pub(crate) fn local_zone(options: &ReadOptions) -> Zone {
    match options
        .local_zone
        .as_deref()
        .and_then(|name| CalcardTz::from_str(name).ok())
    {
        Some(CalcardTz::Tz(zone)) => Zone::Iana(zone),
        Some(CalcardTz::Fixed(offset)) => Zone::Fixed(offset),
        _ => Zone::UTC,
    }
}

/// A moment as the reader sees it: in their own zone when they gave one.
pub(crate) fn in_local_zone(
    moment: DateTime<FixedOffset>,
    options: &ReadOptions,
) -> DateTime<FixedOffset> {
    if options.local_zone.is_none() {
        return moment;
    }
    match local_zone(options) {
        Zone::Iana(zone) => moment.with_timezone(&zone).fixed_offset(),
        Zone::Fixed(offset) => moment.with_timezone(&offset),
        Zone::Custom(_) => moment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn wall(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn offsets_are_read_with_and_without_seconds() {
        assert_eq!(parse_offset("+0100"), FixedOffset::east_opt(3600));
        assert_eq!(
            parse_offset("-0530"),
            FixedOffset::west_opt(5 * 3600 + 1800)
        );
        assert_eq!(parse_offset("+013000"), FixedOffset::east_opt(5400));
        assert_eq!(parse_offset("0100"), None);
        assert_eq!(parse_offset("+1"), None);
    }

    #[test]
    fn a_windows_zone_name_is_the_iana_zone_it_stands_for() {
        let calendar = ICalendar::default();
        let zones = Zones::of(&calendar, &ReadOptions::at(Utc::now()));
        let (zone, guessed) = zones.named("Romance Standard Time");
        assert!(!guessed);
        assert_eq!(zone.iana_name().as_deref(), Some("Europe/Paris"));
        // 14:00 in March (winter time) is 13:00 UTC.
        assert_eq!(
            zone.moment(wall(2024, 3, 12, 14)).unwrap().to_rfc3339(),
            "2024-03-12T14:00:00+01:00"
        );
        // A time skipped by the change to summer time is read an hour later.
        assert_eq!(
            zone.moment(wall(2024, 3, 31, 2)).unwrap().to_rfc3339(),
            "2024-03-31T03:00:00+02:00"
        );
    }
}

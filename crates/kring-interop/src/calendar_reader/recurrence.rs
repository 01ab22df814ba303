//! Recurring meetings: which occurrences of an `RRULE` fall in the window Kring reads.
//!
//! Why in wall-clock time: RFC 5545 computes occurrences in the local time of `DTSTART` (a weekly
//! 14:00 meeting stays at 14:00 across the change to summer time). So the rules are expanded
//! with `rrule` on naive wall-clock times (held in UTC, which has no transitions), and each
//! occurrence is turned into a moment by its zone afterwards. The same expansion finds the onsets
//! of a file's own time-zone rules (`VTIMEZONE`).
//!
//! Bounds: occurrences from the window's start to now (at most a given number, the latest kept)
//! and the first one after now; rules that repeat more often than daily are not expanded (no
//! meeting does, and a `FREQ=SECONDLY` rule from 1970 would be billions of steps).

use calcard::icalendar::{
    ICalendarDay, ICalendarFrequency, ICalendarRecurrenceRule, ICalendarWeekday,
};
use chrono::{DateTime, Duration, Month, NaiveDateTime, TimeZone, Weekday};
use rrule::{Frequency, NWeekday, RRule, RRuleSet, Tz, Unvalidated};

/// Most occurrences collected from one rule in one window before the latest are kept.
const COLLECT_LIMIT: u16 = 4_000;
/// Most steps one rule may take from its start to now: `rrule` walks every occurrence from the
/// start, so a daily rule from the year 1 would take 740,000 (a weekly meeting since 1990 takes
/// 1,800).
const MAX_STEPS: i64 = 50_000;

/// The occurrences of a series in a window.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Expansion {
    /// Past occurrences (start at or before now, at or after the window's start), in order.
    pub past: Vec<NaiveDateTime>,
    /// The first occurrence after now.
    pub next: Option<NaiveDateTime>,
    /// More past occurrences existed than were kept.
    pub bounded: bool,
}

/// The window: wall-clock times in the series' zone.
pub(crate) struct Window {
    pub from: NaiveDateTime,
    pub now: NaiveDateTime,
    pub max: usize,
}

/// Why a rule was not expanded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotExpanded {
    TooFrequent,
    /// It started so long ago that reaching now would take more than [`MAX_STEPS`] steps.
    TooLong,
    Invalid(String),
}

fn container(wall: NaiveDateTime) -> DateTime<Tz> {
    Tz::UTC.from_utc_datetime(&wall)
}

fn weekday(day: &ICalendarWeekday) -> Weekday {
    match day {
        ICalendarWeekday::Monday => Weekday::Mon,
        ICalendarWeekday::Tuesday => Weekday::Tue,
        ICalendarWeekday::Wednesday => Weekday::Wed,
        ICalendarWeekday::Thursday => Weekday::Thu,
        ICalendarWeekday::Friday => Weekday::Fri,
        ICalendarWeekday::Saturday => Weekday::Sat,
        ICalendarWeekday::Sunday => Weekday::Sun,
    }
}

fn n_weekday(day: &ICalendarDay) -> NWeekday {
    NWeekday::new(day.ordwk, weekday(&day.weekday))
}

/// calcard's parsed rule as an `rrule` rule, `UNTIL` given as a wall-clock time.
fn to_rrule(
    rule: &ICalendarRecurrenceRule,
    until: Option<NaiveDateTime>,
) -> Result<RRule<Unvalidated>, NotExpanded> {
    let frequency = match rule.freq {
        ICalendarFrequency::Yearly => Frequency::Yearly,
        ICalendarFrequency::Monthly => Frequency::Monthly,
        ICalendarFrequency::Weekly => Frequency::Weekly,
        ICalendarFrequency::Daily => Frequency::Daily,
        _ => return Err(NotExpanded::TooFrequent),
    };
    let mut rrule = RRule::new(frequency);
    if let Some(interval) = rule.interval {
        rrule = rrule.interval(interval.max(1));
    }
    if let Some(count) = rule.count {
        rrule = rrule.count(count);
    }
    if let Some(until) = until {
        rrule = rrule.until(container(until));
    }
    let months: Vec<Month> = rule
        .bymonth
        .iter()
        .filter_map(|month| Month::try_from(month.month()).ok())
        .collect();
    if months.len() != rule.bymonth.len() {
        return Err(NotExpanded::Invalid("a BYMONTH that is not a month".into()));
    }
    rrule = rrule
        .by_month(&months)
        .by_month_day(rule.bymonthday.clone())
        .by_year_day(rule.byyearday.clone())
        .by_week_no(rule.byweekno.clone())
        .by_weekday(rule.byday.iter().map(n_weekday).collect())
        .by_hour(rule.byhour.clone())
        .by_minute(rule.byminute.clone())
        .by_second(rule.bysecond.clone())
        .by_set_pos(rule.bysetpos.clone());
    if let Some(start) = &rule.wkst {
        rrule = rrule.week_start(weekday(start));
    }
    Ok(rrule)
}

fn rule_set(
    rule: &ICalendarRecurrenceRule,
    start: NaiveDateTime,
    until: Option<NaiveDateTime>,
) -> Result<RRuleSet, NotExpanded> {
    to_rrule(rule, until)?
        .build(container(start))
        .map_err(|error| NotExpanded::Invalid(error.to_string()))
}

/// The occurrences of a series in the window: its rules from `start`, plus `extra` dates
/// (`RDATE`), minus `excluded` ones (`EXDATE`; a date alone excludes that day).
pub(crate) fn expand(
    rules: &[(ICalendarRecurrenceRule, Option<NaiveDateTime>)],
    start: NaiveDateTime,
    extra: &[NaiveDateTime],
    excluded: &[NaiveDateTime],
    excluded_days: &[chrono::NaiveDate],
    window: &Window,
) -> Result<Expansion, NotExpanded> {
    let mut all: Vec<NaiveDateTime> = Vec::new();
    let mut next: Option<NaiveDateTime> = None;
    // The series' first occurrence is DTSTART itself, whatever the rule says (RFC 5545 3.8.5.3).
    let mut candidates = vec![start];
    candidates.extend(extra.iter().copied());
    let mut bounded = false;
    for (rule, _) in rules {
        let step_days: i64 = match rule.freq {
            ICalendarFrequency::Yearly => 365,
            ICalendarFrequency::Monthly => 28,
            ICalendarFrequency::Weekly => 7,
            _ => 1,
        } * i64::from(rule.interval.unwrap_or(1).max(1));
        // BYDAY and friends can make several occurrences per step: count them in.
        let per_step = 1 + rule.byday.len() as i64 + rule.bymonthday.len() as i64;
        let span = (window.now - start).num_days().max(0);
        if span / step_days * per_step > MAX_STEPS {
            return Err(NotExpanded::TooLong);
        }
    }
    for (rule, until) in rules {
        let past = rule_set(rule, start, *until)?
            .after(container(window.from))
            .before(container(window.now))
            .all(COLLECT_LIMIT);
        bounded |= past.limited && past.dates.len() == usize::from(COLLECT_LIMIT);
        candidates.extend(past.dates.iter().map(|d| d.naive_utc()));
        let upcoming = rule_set(rule, start, *until)?
            .after(container(window.now + Duration::seconds(1)))
            .all(1);
        candidates.extend(upcoming.dates.iter().map(|d| d.naive_utc()));
    }
    candidates.sort();
    candidates.dedup();
    for candidate in candidates {
        if excluded.contains(&candidate) || excluded_days.contains(&candidate.date()) {
            continue;
        }
        if candidate > window.now {
            if next.is_none() {
                next = Some(candidate);
            }
        } else if candidate >= window.from {
            all.push(candidate);
        }
    }
    if all.len() > window.max {
        bounded = true;
        all.drain(..all.len() - window.max);
    }
    Ok(Expansion {
        past: all,
        next,
        bounded,
    })
}

/// The latest onset of a time-zone rule at or before a wall-clock time (`None` when the rule
/// cannot be read or has none yet).
pub(crate) fn latest_at_or_before(
    rule: &ICalendarRecurrenceRule,
    start: NaiveDateTime,
    wall: NaiveDateTime,
) -> Option<NaiveDateTime> {
    if wall < start {
        return None;
    }
    // Zone rules are yearly; a year's window holds the onset in force.
    let from = wall - Duration::days(400);
    let set = rule_set(rule, start, None).ok()?;
    set.after(container(from.max(start)))
        .before(container(wall))
        .all(64)
        .dates
        .last()
        .map(|d| d.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn weekly() -> ICalendarRecurrenceRule {
        ICalendarRecurrenceRule {
            freq: ICalendarFrequency::Weekly,
            ..Default::default()
        }
    }

    #[test]
    fn a_weekly_meeting_gives_its_past_occurrences_in_the_window_and_the_next_one() {
        let window = Window {
            from: at(2024, 1, 1, 0),
            now: at(2024, 1, 20, 12),
            max: 400,
        };
        let expansion = expand(
            &[(weekly(), None)],
            at(2023, 12, 1, 14),
            &[],
            &[],
            &[],
            &window,
        )
        .unwrap();
        assert_eq!(
            expansion.past,
            vec![at(2024, 1, 5, 14), at(2024, 1, 12, 14), at(2024, 1, 19, 14)]
        );
        assert_eq!(expansion.next, Some(at(2024, 1, 26, 14)));
        assert!(!expansion.bounded);
    }

    #[test]
    fn excluded_dates_and_the_bound_on_past_occurrences_are_kept() {
        let window = Window {
            from: at(2024, 1, 1, 0),
            now: at(2024, 1, 20, 12),
            max: 1,
        };
        let expansion = expand(
            &[(weekly(), None)],
            at(2023, 12, 1, 14),
            &[],
            &[at(2024, 1, 19, 14)],
            &[],
            &window,
        )
        .unwrap();
        assert_eq!(
            expansion.past,
            vec![at(2024, 1, 12, 14)],
            "the latest one kept"
        );
        assert!(expansion.bounded);
    }

    #[test]
    fn a_daily_rule_from_the_year_one_is_not_walked_to_now() {
        let rule = ICalendarRecurrenceRule {
            freq: ICalendarFrequency::Daily,
            ..Default::default()
        };
        let window = Window {
            from: at(2024, 1, 1, 0),
            now: at(2024, 1, 20, 12),
            max: 10,
        };
        assert_eq!(
            expand(&[(rule, None)], at(1, 1, 1, 9), &[], &[], &[], &window),
            Err(NotExpanded::TooLong)
        );
        // A weekly meeting since 1990 is fine.
        let weekly = expand(
            &[(weekly(), None)],
            at(1990, 1, 2, 9),
            &[],
            &[],
            &[],
            &window,
        );
        assert_eq!(weekly.unwrap().past.len(), 3);
    }

    #[test]
    fn rules_more_frequent_than_daily_are_not_expanded() {
        let rule = ICalendarRecurrenceRule {
            freq: ICalendarFrequency::Secondly,
            ..Default::default()
        };
        let window = Window {
            from: at(2024, 1, 1, 0),
            now: at(2024, 1, 20, 12),
            max: 10,
        };
        assert_eq!(
            expand(&[(rule, None)], at(1970, 1, 1, 0), &[], &[], &[], &window),
            Err(NotExpanded::TooFrequent)
        );
    }
}

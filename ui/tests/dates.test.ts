import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateTimeLocalValue,
  isoDate,
  localToRfc3339,
  parseDate,
  farDateQuestion,
  localeDateOrder,
  numericDate,
  parseDue,
  quickPick,
  relativeDay,
} from '../src/lib/dates';

describe('quick picks for a due date', () => {
  const monday = new Date(2026, 10, 23, 15, 30); // 23 Nov 2026

  it('adds a week, two weeks, a month', () => {
    expect(quickPick('1w', monday)).toBe('2026-11-30');
    expect(quickPick('2w', monday)).toBe('2026-12-07');
    expect(quickPick('1m', monday)).toBe('2026-12-23');
  });

  it('ends a month on its last day rather than spilling over', () => {
    expect(isoDate(addMonths(new Date(2026, 0, 31), 1))).toBe('2026-02-28');
    expect(isoDate(addMonths(new Date(2028, 0, 31), 1))).toBe('2028-02-29');
    expect(quickPick('1m', new Date(2026, 11, 15))).toBe('2027-01-15');
  });
});

describe('moments', () => {
  it('writes datetime-local values and reads them back as RFC 3339 with the local offset', () => {
    const value = dateTimeLocalValue(new Date(2026, 10, 23, 9, 5));
    expect(value).toBe('2026-11-23T09:05');
    const rfc = localToRfc3339(value)!;
    expect(rfc).toMatch(/^2026-11-23T09:05:00[+-]\d{2}:\d{2}$/);
    expect(new Date(rfc).getTime()).toBe(new Date(2026, 10, 23, 9, 5).getTime());
    expect(localToRfc3339('yesterday')).toBeNull();
  });

  it('parses plain dates strictly', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-02-28')?.getDate()).toBe(28);
  });

  it('says how long ago in words', () => {
    const now = new Date(2026, 10, 23, 12);
    expect(relativeDay('2026-11-23', now)).toBe('today');
    expect(relativeDay('2026-11-22', now)).toBe('yesterday');
    expect(relativeDay('2026-11-24', now)).toBe('tomorrow');
    expect(relativeDay('2026-11-18', now)).toBe('5 days ago');
    expect(relativeDay('2026-12-07', now)).toBe('in 2 weeks');
    expect(relativeDay('2026-05-23', now)).toBe('6 months ago');
  });
});

describe('parseDue', () => {
  // A Monday.
  const now = new Date(2026, 10, 23, 15, 30);
  // What is typed, in which language, and the date it means (null: not
  // a date). The ways people type a date; the words of the app's language; a weekday as the next
  // one after today, the same weekday a week ahead; English in every language, but not another
  // language's words; what is not a date.
  it.each<[string, string, string | null]>([
    ['2026-12-01', 'en', '2026-12-01'],
    ['1/12/2026', 'nl-BE', '2026-12-01'],
    ['01.12.2026', 'de-DE', '2026-12-01'],
    ['+7', 'en', '2026-11-30'],
    ['+2w', 'en', '2026-12-07'],
    ['+1m', 'en', '2026-12-23'],
    ['tomorrow', 'en', '2026-11-24'],
    [' Today ', 'en', '2026-11-23'],
    ['morgen', 'nl-BE', '2026-11-24'],
    ['overmorgen', 'nl-BE', '2026-11-25'],
    ['Volgende week', 'nl-BE', '2026-11-30'],
    ['Aujourd’hui', 'fr-BE', '2026-11-23'],
    ['après-demain', 'fr-BE', '2026-11-25'],
    ['übermorgen', 'de-BE', '2026-11-25'],
    ['nächste Woche', 'de-BE', '2026-11-30'],
    ['vrijdag', 'nl-BE', '2026-11-27'],
    ['maandag', 'nl-BE', '2026-11-30'],
    ['jeudi prochain', 'fr-BE', '2026-11-26'],
    ['nächsten Sonntag', 'de-BE', '2026-11-29'],
    ['next tuesday', 'en-GB', '2026-11-24'],
    ['tomorrow', 'de-BE', '2026-11-24'],
    ['demain', 'nl-BE', null],
    ['vandaag', 'de-BE', null],
    ['', 'en', null],
    ['next', 'en', null],
    ['morgenrood', 'nl-BE', null],
    ['31/02/2026', 'nl-BE', null],
    ['2026-13-01', 'en', null],
  ])('reads "%s" in %s as %s', (typed, locale, due) => {
    expect(parseDue(typed, now, locale)).toBe(due);
  });
});

describe("dates in the order of the user's locale", () => {
  const now = new Date(2026, 10, 23, 9, 0);

  it('reads figures day first in Belgium and Britain, month first in the United States', () => {
    expect(localeDateOrder('nl-BE')).toEqual(['day', 'month', 'year']);
    expect(localeDateOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(localeDateOrder('ja-JP')).toEqual(['year', 'month', 'day']);
    expect(parseDue('1/12/2026', now, 'en-GB')).toBe('2026-12-01');
    expect(parseDue('12/1/2026', now, 'en-US')).toBe('2026-12-01');
    expect(parseDue('2026/12/1', now, 'ja-JP')).toBe('2026-12-01');
    expect(parseDue('13/1/2026', now, 'en-US'), 'no 13th month').toBeNull();
  });

  it('shows the example of a date field in that order', () => {
    const first = new Date(2026, 11, 1);
    expect(numericDate(first, 'nl-BE')).toBe('1/12/2026');
    expect(numericDate(first, 'en-US')).toBe('12/1/2026');
  });
});

describe('dates far from today are asked about', () => {
  const now = new Date(2026, 10, 23, 9, 0);

  it('asks about an event or follow-up more than a year away, either way', () => {
    expect(farDateQuestion('2099-12-31', 'event', now)).toBe(
      '31 Dec 2099 is in 73 years: is that the date of this event?',
    );
    expect(farDateQuestion('2099-12-31T10:00:00+01:00', 'event', now)).toContain('2099');
    expect(farDateQuestion('2024-06-01', 'event', now)).toContain('2 years ago');
    expect(farDateQuestion('2027-11-23', 'follow-up', now)).toBeNull();
    expect(farDateQuestion('2027-11-25', 'follow-up', now)).toContain('in 12 months');
  });

  it('asks about a new follow-up already past, but not about a past event', () => {
    expect(farDateQuestion('2026-11-01', 'follow-up', now)).toContain('overdue at once');
    expect(farDateQuestion('2026-11-01', 'event', now)).toBeNull();
    expect(farDateQuestion('2026-11-23', 'follow-up', now)).toBeNull();
    expect(farDateQuestion(null, 'event', now)).toBeNull();
  });
});

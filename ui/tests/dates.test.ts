import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateTimeLocalValue,
  isoDate,
  localToRfc3339,
  parseDate,
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
  const now = new Date(2026, 10, 23, 15, 30);
  it('reads the ways people type a due date', () => {
    expect(parseDue('2026-12-01', now)).toBe('2026-12-01');
    expect(parseDue('1/12/2026', now)).toBe('2026-12-01');
    expect(parseDue('01.12.2026', now)).toBe('2026-12-01');
    expect(parseDue('+7', now)).toBe('2026-11-30');
    expect(parseDue('+2w', now)).toBe('2026-12-07');
    expect(parseDue('+1m', now)).toBe('2026-12-23');
    expect(parseDue('tomorrow', now)).toBe('2026-11-24');
    expect(parseDue(' Today ', now)).toBe('2026-11-23');
  });
  it('refuses what is not a date', () => {
    expect(parseDue('', now)).toBeNull();
    expect(parseDue('next week', now)).toBeNull();
    expect(parseDue('31/02/2026', now)).toBeNull();
    expect(parseDue('2026-13-01', now)).toBeNull();
  });
});

// Dates as people use them: today's date, quick picks for a due date, and words for "how long ago".
// Words and formats follow the app's language through lib/format.ts.
import { formatRelative, formatWhen } from './format';
import { m } from '../paraglide/messages';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parses YYYY-MM-DD as a local date (midnight). */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 ? date : null;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  return next;
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(date.getDate(), lastDay));
  return target;
}

export type QuickPick = '1w' | '2w' | '1m';

/** The quick picks beside a due date; `label` is called where it is shown, in the app's language. */
export const QUICK_PICKS: { id: QuickPick; label: () => string }[] = [
  { id: '1w', label: m.log_pick_1w },
  { id: '2w', label: m.log_pick_2w },
  { id: '1m', label: m.log_pick_1m },
];

export function quickPick(pick: QuickPick, from: Date): string {
  switch (pick) {
    case '1w':
      return isoDate(addDays(from, 7));
    case '2w':
      return isoDate(addDays(from, 14));
    case '1m':
      return isoDate(addMonths(from, 1));
  }
}

export type DatePart = 'day' | 'month' | 'year';

/**
 * The order the user's locale writes a numeric date in (`nl-BE` and `en-GB` day first, `en-US`
 * month first, `ja` year first), so a date typed as figures is read as its writer meant it.
 */
export function localeDateOrder(locale?: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date(2026, 11, 1));
  const order = parts
    .map((p) => p.type)
    .filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  return order.length === 3 ? order : ['day', 'month', 'year'];
}

/** A date in figures in the locale's order ("1/12/2026", "12/1/2026"): a field's example. */
export function numericDate(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(date);
}

/** A day in words: days from today, or the next such weekday (0 Sunday … 6 Saturday). */
type SpokenDay = { days: number } | { weekday: number };

const WEEKDAYS: Record<string, string[]> = {
  en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  de: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
};

/** The days each language names in words, as kring-core's `spoken_days` reads them. */
const DAY_WORDS: Record<string, Record<string, number>> = {
  en: {
    today: 0,
    tomorrow: 1,
    yesterday: -1,
    'day after tomorrow': 2,
    'the day after tomorrow': 2,
    'next week': 7,
    'in a week': 7,
  },
  nl: {
    vandaag: 0,
    morgen: 1,
    gisteren: -1,
    overmorgen: 2,
    'volgende week': 7,
    'over een week': 7,
  },
  fr: {
    "aujourd'hui": 0,
    demain: 1,
    hier: -1,
    'après-demain': 2,
    'apres-demain': 2,
    'après demain': 2,
    'la semaine prochaine': 7,
    'semaine prochaine': 7,
    'dans une semaine': 7,
  },
  de: {
    heute: 0,
    morgen: 1,
    gestern: -1,
    übermorgen: 2,
    uebermorgen: 2,
    'nächste woche': 7,
    'naechste woche': 7,
    'in einer woche': 7,
  },
};

const NEXT_BEFORE = [
  'next ',
  'volgende ',
  'komende ',
  'nächsten ',
  'nächster ',
  'naechsten ',
  'kommenden ',
];
const NEXT_AFTER = [' prochain'];

/**
 * A day typed in words in the app's language (or in English): "morgen", "après-demain",
 * "nächste Woche", "vrijdag" (the next Friday after today; on a Friday, a week ahead).
 */
function spokenDay(phrase: string, language: string): SpokenDay | null {
  const languages = [language, 'en'];
  const lookup = (words: string): SpokenDay | null => {
    for (const code of languages) {
      const days = DAY_WORDS[code]?.[words];
      if (days !== undefined) return { days };
      const weekday = WEEKDAYS[code]?.indexOf(words) ?? -1;
      if (weekday >= 0 || (code === 'de' && words === 'sonnabend'))
        return { weekday: weekday >= 0 ? weekday : 6 };
    }
    return null;
  };
  const found = lookup(phrase);
  if (found) return found;
  const bare =
    NEXT_BEFORE.filter((p) => phrase.startsWith(p)).map((p) => phrase.slice(p.length))[0] ??
    NEXT_AFTER.filter((s) => phrase.endsWith(s)).map((s) => phrase.slice(0, -s.length))[0];
  const next = bare === undefined ? null : lookup(bare);
  return next && 'weekday' in next ? next : null;
}

/**
 * A due date as people type it: "2026-12-01", figures in the locale's order ("1/12/2026" in
 * Belgium, "12/1/2026" in the United States; see `localeDateOrder`), "+7" (days), "+2w", "+1m",
 * or words in the locale's language or English ("today", "morgen", "demain", "nächste Woche",
 * "vrijdag"). Returns YYYY-MM-DD, or null when it cannot be read.
 */
export function parseDue(text: string, now: Date = new Date(), locale?: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .split(/\s+/)
    .join(' ');
  if (t === '') return null;
  const spoken = spokenDay(t, (locale ?? 'en').slice(0, 2).toLowerCase());
  if (spoken && 'days' in spoken) return isoDate(addDays(now, spoken.days));
  if (spoken) return isoDate(addDays(now, ((spoken.weekday - now.getDay() + 6) % 7) + 1));
  const rel = /^\+\s*(\d{1,3})\s*([dwm]?)$/.exec(t);
  if (rel) {
    const n = Number(rel[1]);
    if (rel[2] === 'm') return isoDate(addMonths(now, n));
    return isoDate(addDays(now, rel[2] === 'w' ? n * 7 : n));
  }
  const iso = parseDate(t);
  if (iso) return isoDate(iso);
  const figures = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(t);
  if (figures) {
    const order = localeDateOrder(locale);
    const value = (part: DatePart) => Number(figures[order.indexOf(part) + 1]);
    const [year, month, day] = [value('year'), value('month'), value('day')];
    if (year < 1000) return null;
    const date = new Date(year, month - 1, day);
    if (date.getMonth() === month - 1 && date.getDate() === day) return isoDate(date);
  }
  return null;
}

/**
 * The question to ask before saving a day far from today: more than a year away (a year typed
 * wrong, 2099 for 2026), or, for a new follow-up, already past (it would be overdue at once).
 * Null when the day is unremarkable. The core refuses what is impossible (before 1900, after
 * 2100); this only asks.
 */
export function farDateQuestion(
  day: string | null,
  what: 'event' | 'follow-up',
  now: Date = new Date(),
): string | null {
  const date = day ? parseDate(day.slice(0, 10)) : null;
  if (!date) return null;
  const days = daysBetween(now, date);
  const said = { date: formatDate(day!.slice(0, 10)), when: relativeDay(date, now) };
  if (Math.abs(days) > FAR_FROM_TODAY_DAYS) {
    return what === 'event' ? m.log_far_date_event(said) : m.log_far_date_follow_up(said);
  }
  if (what === 'follow-up' && days < 0) return m.log_past_follow_up(said);
  return null;
}

/** Days from today beyond which a date is checked with the user (the core's `FAR_FROM_TODAY_DAYS`). */
export const FAR_FROM_TODAY_DAYS = 365;

/** The value of an `<input type="datetime-local">` for a moment: YYYY-MM-DDTHH:MM, local time. */
export function dateTimeLocalValue(date: Date): string {
  return `${isoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** RFC 3339 with the local offset, from a datetime-local value ("2026-11-23T14:05"). */
export function localToRfc3339(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${isoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(
    date.getSeconds(),
  )}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}

function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return value;
  const plain = parseDate(value);
  if (plain) return plain;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "today", "yesterday", "3 days ago", "in 2 weeks" … in the app's language ("over 2 weken"). */
export function relativeDay(value: string | Date, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return '';
  const days = daysBetween(now, date);
  const n = Math.abs(days);
  if (n <= 1) return formatRelative(days, 'day');
  const sign = days < 0 ? -1 : 1;
  if (n < 14) return formatRelative(days, 'day');
  if (n < 60) return formatRelative(sign * Math.round(n / 7), 'week');
  if (n < 730) return formatRelative(sign * Math.round(n / 30.44), 'month');
  return formatRelative(sign * Math.round(n / 365.25), 'year');
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  return date ? formatWhen(date, DATE) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  return date ? formatWhen(date, DATE_TIME) : value;
}

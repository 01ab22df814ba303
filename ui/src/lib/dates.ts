// Dates as people use them: today's date, quick picks for a due date, and words for "how long ago".

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

export const QUICK_PICKS: { id: QuickPick; label: string }[] = [
  { id: '1w', label: '+1 week' },
  { id: '2w', label: '+2 weeks' },
  { id: '1m', label: '+1 month' },
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

/**
 * A due date as people type it: "2026-12-01", figures in the locale's order ("1/12/2026" in
 * Belgium, "12/1/2026" in the United States; see `localeDateOrder`), "+7" (days), "+2w", "+1m",
 * "today", "tomorrow". Returns YYYY-MM-DD, or null when it cannot be read.
 */
export function parseDue(text: string, now: Date = new Date(), locale?: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'today') return isoDate(now);
  if (t === 'tomorrow') return isoDate(addDays(now, 1));
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
  if (Math.abs(days) > FAR_FROM_TODAY_DAYS) {
    return `${formatDate(day!.slice(0, 10))} is ${relativeDay(date, now)}: is that the date of this ${what}?`;
  }
  if (what === 'follow-up' && days < 0) {
    return `${formatDate(day!.slice(0, 10))} is ${relativeDay(date, now)}: the follow-up would be overdue at once. Is that the date you mean?`;
  }
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

/** "today", "yesterday", "3 days ago", "in 2 weeks" … */
export function relativeDay(value: string | Date, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return '';
  const days = daysBetween(now, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const n = Math.abs(days);
  const [amount, unit] =
    n < 14
      ? [n, 'day']
      : n < 60
        ? [Math.round(n / 7), 'week']
        : n < 730
          ? [Math.round(n / 30.44), 'month']
          : [Math.round(n / 365.25), 'year'];
  const words = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return days > 0 ? `in ${words}` : `${words} ago`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  return date ? dateFormat.format(date) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : value;
}

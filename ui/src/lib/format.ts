// The one place Kring turns numbers, dates and times into text and compares text: every
// function follows the app's language (`language.intl`: nl-BE, fr-BE, de-BE, en-GB) through
// `Intl`, so every screen formats as the language it speaks. Formatters are made once per
// language and kind.
import { language } from './i18n.svelte';

const cache = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.Collator
>();

function cached<
  T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.Collator,
>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = language.intl;
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(key, formatter);
  }
  return formatter;
}

/** "100.000" (nl, de), "100 000" (fr), "100,000" (en); `options` as `Intl.NumberFormat`'s. */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, (l) => new Intl.NumberFormat(l, options)).format(n);
}

/** A share (0.25) as a percentage: "25 %" (nl, fr, de), "25%" (en). */
export function formatPercent(share: number, fractionDigits = 0): string {
  const options = { style: 'percent', maximumFractionDigits: fractionDigits } as const;
  return cached('percent', options, (l) => new Intl.NumberFormat(l, options)).format(share);
}

/** Compares two texts as the language sorts them ("é" beside "e", "IJ" as Dutch has it). */
export function compareText(a: string, b: string): number {
  return cached(
    'collator',
    {},
    (l) => new Intl.Collator(l, { sensitivity: 'base', numeric: true }),
  ).compare(a, b);
}

/** A date, a time or both in the language's words and order; `options` as `Intl.DateTimeFormat`'s. */
export function formatWhen(date: Date, options: Intl.DateTimeFormatOptions): string {
  return cached('date', options, (l) => new Intl.DateTimeFormat(l, options)).format(date);
}

/** "in 3 dagen", "3 days ago", "morgen": an amount of a unit from now, in the language. */
export function formatRelative(amount: number, unit: Intl.RelativeTimeFormatUnit): string {
  const options = { numeric: 'auto' } as const;
  return cached('relative', options, (l) => new Intl.RelativeTimeFormat(l, options)).format(
    amount,
    unit,
  );
}

/** A size in bytes: "512 B", "1,5 MB" (with the language's decimal sign). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, one)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, one)} MB`;
  const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return `${formatNumber(bytes / 1024 / 1024 / 1024, two)} GB`;
}

/** Initials for an avatar: "Sofie Van den Broeck" → "SV". */
export function initials(name: string): string {
  const words = name
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && /\p{L}/u.test(w[0]));
  if (words.length === 0) return '?';
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : '';
  return (first + last).toUpperCase();
}

/**
 * A backup file's name in words: "20261120T091244.000Z-before-import.kring-backup" →
 * "20 Nov 2026, 10:12 · before import" (local time). Names of another shape are shown as they are.
 */
export function backupLabel(name: string): string {
  const m =
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z-?(.*?)(?:\.kring-backup)?$/.exec(name);
  if (!m) return name;
  const when = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  const text = formatWhen(when, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const why = m[7].replace(/[-_]+/g, ' ').trim();
  return why ? `${text} · ${why}` : text;
}

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

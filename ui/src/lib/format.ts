const numbers = new Intl.NumberFormat('en-GB');

export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "1 card", "100,000 cards". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
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
  const text = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
  const why = m[7].replace(/[-_]+/g, ' ').trim();
  return why ? `${text} · ${why}` : text;
}

/** A JSON value from a conflict as text to show. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  return JSON.stringify(value);
}

export const KIND_LABELS: Record<string, string> = {
  person: 'Person',
  organisation: 'Organisation',
  networker: 'Colleague',
};

export const SECTOR_LABELS: Record<string, string> = {
  public: 'Public',
  business: 'Business',
  social: 'Social',
  voluntary: 'Voluntary & community',
  knowledge: 'Knowledge',
  media: 'Media',
  other: 'Other',
};

export const LEVEL_LABELS: Record<string, string> = {
  local: 'Local',
  regional: 'Regional',
  national: 'National',
  eu: 'EU',
  international: 'International',
};

export const INTERACTION_KINDS = [
  'meeting',
  'call',
  'email',
  'event',
  'visit',
  'social',
  'other',
] as const;

export const VISIBILITY_HELP: Record<string, string> = {
  private: 'Private — never leaves this machine',
  summary: 'Summary — only that it exists is shared',
  shared: 'Shared — with the Manager of the Network',
};

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

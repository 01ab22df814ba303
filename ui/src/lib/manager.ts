// What the Manager of the Network's screens compute for themselves: chart scales, KPI words and
// numbers, the five partnership behaviours and their validation, default periods. Pure functions,
// so vitest can check them.
import type {
  KpiReport,
  KpiScopeKind,
  MonthKpis,
  PartnershipReview,
  RecordId,
  ScopeKpis,
} from './bindings';
import { isoDate } from './dates';
import { formatNumber } from './format';

// ---- charts

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `value`; 1 for nothing. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const nice = step * power;
    if (nice >= value - 1e-9) return nice;
  }
  return 10 * power;
}

/** Ticks from 0 to `niceMax(max)`: `count` intervals, or one per whole number up to 5. */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  if (Number.isInteger(top) && top <= 5) count = top;
  const step = top / count;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100) / 100);
}

export type Plot = { x: number; y: number; value: number | null }[];

/**
 * Points of a series in a box `width` × `height` (y grows downwards), scaled to `top`; `null`
 * values (no data that month) keep their x and have no y worth drawing.
 */
export function plot(values: (number | null)[], width: number, height: number, top: number): Plot {
  const n = values.length;
  const scale = top > 0 ? height / top : 0;
  return values.map((value, i) => ({
    x: n <= 1 ? width / 2 : (i * width) / (n - 1),
    y: value === null ? height : height - Math.min(value, top) * scale,
    value,
  }));
}

/** An SVG path through the points that have a value; a gap where one is missing. */
export function linePath(points: Plot): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`;
    pen = true;
  }
  return d;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "2026-11" → "Nov"; January also says the year: "Jan 26". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(
    new Date(Date.UTC(+m[1], +m[2] - 1, 15)),
  );
  return m[2] === '01' ? `${name} ${m[1].slice(2)}` : name;
}

// ---- KPIs in words

export type KpiKey =
  | 'active_relationships'
  | 'interactions'
  | 'events'
  | 'newsletters'
  | 'outcomes'
  | 'going_cold'
  | 'coverage_percent'
  | 'single_points_of_failure'
  | 'reciprocity'
  | 'return_on_relationship';

/** How each number is computed, in the words of docs/kpis.md (shown as the tile's tooltip). */
export const KPI_HELP: Record<KpiKey, { label: string; help: string }> = {
  active_relationships: {
    label: 'Active relationships',
    help: 'Relationships that are current (active, networker has not left) and had a contact within their keep-in-touch cadence, or 90 days when none is set. Measured at the end of each month; this month at now.',
  },
  interactions: {
    label: 'Interactions',
    help: 'Interactions of the scope dated in the month.',
  },
  events: {
    label: 'Events',
    help: 'Networking events (not newsletters) of the scope dated in the month.',
  },
  newsletters: {
    label: 'Newsletters',
    help: 'Newsletters sent in the month (for a team, goal or networker: sent to one of its people, or linked to the goal).',
  },
  outcomes: {
    label: 'Outcomes',
    help: 'Benefits realised: the number of outcomes recorded on the scope’s interactions and events dated in the month.',
  },
  going_cold: {
    label: 'Going cold',
    help: 'Current relationships with a keep-in-touch cadence and no contact within it (or no contact at all).',
  },
  coverage_percent: {
    label: 'Priority coverage',
    help: 'Key stakeholders with at least one healthy relationship (active and strength 3 or more), as a share of all key stakeholders: a goal’s priority stakeholders, a team’s stakeholders, or for the organisation every goal not dropped.',
  },
  single_points_of_failure: {
    label: 'Single points of failure',
    help: 'Stakeholders of the scope that exactly one networker of the whole organisation has a current relationship with: if that person leaves, the relationship goes too.',
  },
  reciprocity: {
    label: 'Reciprocity balance',
    help: 'Value given minus value received, over the scope’s current relationships. Positive: the organisation gives more than it gets back.',
  },
  return_on_relationship: {
    label: 'Return-on-Relationship',
    help: 'Outcomes recorded per 100 contacts (interactions and events) over the whole period: Σ outcomes ÷ (Σ interactions + Σ events) × 100.',
  },
};

/** "72.5 %", or "—" when there is nothing to divide by. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`;
}

/** "12.5 per 100 contacts", or "—" without contacts. */
export function formatRor(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/** "+3", "−2" (a real minus sign), "0". */
export function formatSigned(value: number): string {
  if (value > 0) return `+${formatNumber(value)}`;
  if (value < 0) return `−${formatNumber(-value)}`;
  return '0';
}

export type Trend = { text: string; direction: 'up' | 'down' | 'flat' };

/** The change from last month to this one, for a tile: "+4 on last month". */
export function trend(months: MonthKpis[], pick: (m: MonthKpis) => number | null): Trend | null {
  if (months.length < 2) return null;
  const now = pick(months[months.length - 1]);
  const before = pick(months[months.length - 2]);
  if (now === null || before === null) return null;
  const diff = Math.round((now - before) * 10) / 10;
  return {
    text: `${formatSigned(diff)} on last month`,
    direction: diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat',
  };
}

/** What the dashboard shows the numbers of: the core's kinds of KPI scope. */
export type ScopeKind = KpiScopeKind;

/** The scopes of a kind in a report, by name. */
export function scopesOf(report: KpiReport, kind: ScopeKind): ScopeKpis[] {
  if (kind === 'organisation') return [report.organisation];
  const list = kind === 'team' ? report.teams : kind === 'goal' ? report.goals : report.networkers;
  return [...list].sort((a, b) => a.scope.name.localeCompare(b.scope.name, 'nl'));
}

/** The scope asked for, else the first of its kind, else the organisation. */
export function pickScope(report: KpiReport, kind: ScopeKind, id: string | null): ScopeKpis {
  const list = scopesOf(report, kind);
  return list.find((s) => s.scope.id === id) ?? list[0] ?? report.organisation;
}

// ---- partnerships

export type BehaviourField =
  | 'values_based_leadership'
  | 'sharing_credit'
  | 'outcomes_for_communities'
  | 'communication_and_listening'
  | 'empowering_staff';

/** The five behaviours a review scores (seed 004), in the order the book gives them. */
export const BEHAVIOURS: { field: BehaviourField; label: string; short: string; help: string }[] = [
  {
    field: 'values_based_leadership',
    short: 'Leadership',
    label: 'Values-based leadership',
    help: 'Strategic, values-based leadership',
  },
  {
    field: 'sharing_credit',
    short: 'Credit',
    label: 'Sharing credit',
    help: 'A willingness to share and give credit to others',
  },
  {
    field: 'outcomes_for_communities',
    short: 'Outcomes',
    label: 'Outcomes for communities',
    help: 'A focus on outcomes for communities rather than on one’s ego',
  },
  {
    field: 'communication_and_listening',
    short: 'Listening',
    label: 'Communication and listening',
    help: 'Excellent communication, which includes listening',
  },
  {
    field: 'empowering_staff',
    short: 'Staff',
    label: 'Empowering staff',
    help: 'The empowerment of staff and other stakeholders',
  },
];

/** What the score inputs hold: text typed, or a number from a number input (null when empty). */
export type Scores = Record<BehaviourField, string | number | null>;

/** Each score must be a whole number from 1 to 5; returns the messages by field. */
export function validateScores(scores: Partial<Scores>): Partial<Record<BehaviourField, string>> {
  const errors: Partial<Record<BehaviourField, string>> = {};
  for (const { field, label } of BEHAVIOURS) {
    const text = String(scores[field] ?? '').trim();
    if (text === '') {
      errors[field] = `Score ${label.toLowerCase()} from 1 to 5.`;
      continue;
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      errors[field] = `${label} is scored 1 to 5; “${text}” is not.`;
    }
  }
  return errors;
}

/** The review to send, when the scores are valid. */
export function reviewFrom(
  partnership: RecordId,
  date: string,
  scores: Scores,
  notes: string,
): PartnershipReview {
  return {
    partnership,
    date,
    values_based_leadership: Number(scores.values_based_leadership),
    sharing_credit: Number(scores.sharing_credit),
    outcomes_for_communities: Number(scores.outcomes_for_communities),
    communication_and_listening: Number(scores.communication_and_listening),
    empowering_staff: Number(scores.empowering_staff),
    notes: notes.trim() || null,
  };
}

/** Health = the mean of the five scores; null while any is missing or out of range. */
export function healthOf(scores: Partial<Scores>): number | null {
  if (Object.keys(validateScores(scores)).length) return null;
  const sum = BEHAVIOURS.reduce((s, b) => s + Number(scores[b.field]), 0);
  return Math.round((sum / BEHAVIOURS.length) * 10) / 10;
}

/** The band of a health (docs/kpis.md): ≥ 4 healthy, ≥ 3 needs attention, below at risk. */
export function bandOf(health: number | null): 'healthy' | 'needs attention' | 'at risk' | null {
  if (health === null) return null;
  if (health >= 4) return 'healthy';
  if (health >= 3) return 'needs attention';
  return 'at risk';
}

/** The badge class for a band. */
export function bandClass(band: string | null): string {
  if (band === 'healthy') return 'ok';
  if (band === 'needs attention') return 'warn';
  if (band === 'at risk') return 'danger';
  return '';
}

// ---- periods

export type Period = { from: string; to: string };

/**
 * The transparency register's default period: this year so far; in January, last year too
 * (from 1 January of last year), so the screen never opens on a near-empty month.
 */
export function defaultPeriod(now: Date = new Date()): Period {
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  return { from: `${year}-01-01`, to: isoDate(now) };
}

export type PeriodPreset = 'this-year' | 'last-year' | 'last-quarter' | 'last-30';

export const PERIOD_PRESETS: { id: PeriodPreset; label: string }[] = [
  { id: 'this-year', label: 'This year' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'last-30', label: 'Last 30 days' },
  { id: 'last-year', label: 'Last year' },
];

export function presetPeriod(preset: PeriodPreset, now: Date = new Date()): Period {
  const y = now.getFullYear();
  switch (preset) {
    case 'this-year':
      return { from: `${y}-01-01`, to: isoDate(now) };
    case 'last-year':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'last-30':
      return {
        from: isoDate(new Date(y, now.getMonth(), now.getDate() - 29)),
        to: isoDate(now),
      };
    case 'last-quarter': {
      const q = Math.floor(now.getMonth() / 3); // this quarter, 0–3
      const start = new Date(y, (q - 1) * 3, 1);
      const end = new Date(y, q * 3, 0);
      return { from: isoDate(start), to: isoDate(end) };
    }
  }
}

/** A message when the period cannot be asked for, else null. */
export function validatePeriod(period: Period): string | null {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(period.from)) return 'Give the first day as YYYY-MM-DD.';
  if (!re.test(period.to)) return 'Give the last day as YYYY-MM-DD.';
  if (period.from > period.to) return 'The first day comes after the last.';
  return null;
}

/** Splits a textarea into its non-empty lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A file name with today's date: "kring-report-2026-11-23.html". */
export function datedName(stem: string, ext: string, now: Date = new Date()): string {
  return `${stem}-${isoDate(now)}.${ext}`;
}

/** The path with its extension replaced (or added): ("/a/b.html", "csv") → "/a/b.csv". */
export function withExtension(path: string, ext: string): string {
  const trimmed = path.trim();
  if (trimmed === '') return trimmed;
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const dot = trimmed.lastIndexOf('.');
  const stem = dot > slash + 1 ? trimmed.slice(0, dot) : trimmed;
  return `${stem}.${ext}`;
}

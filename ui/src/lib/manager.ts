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
import { compareText, formatNumber, formatWhen } from './format';
import { m } from '../paraglide/messages';

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

/** "2026-11" → "Nov" ("nov.", "Nov."); January also says the year: "Jan 26". */
export function monthLabel(month: string): string {
  const ym = /^(\d{4})-(\d{2})$/.exec(month);
  if (!ym) return month;
  const name = formatWhen(new Date(Date.UTC(+ym[1], +ym[2] - 1, 15)), { month: 'short' });
  return ym[2] === '01' ? `${name} ${ym[1].slice(2)}` : name;
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

/**
 * Each KPI's name and how it is computed, in the words of docs/kpis.md (the tile's tooltip), in the
 * current language: functions, so a template that calls them renders again when it changes.
 */
export const KPI_HELP: Record<KpiKey, { label: () => string; help: () => string }> = {
  active_relationships: {
    label: m.dashboard_kpi_active_relationships,
    help: m.dashboard_kpi_active_relationships_help,
  },
  interactions: { label: m.dashboard_kpi_interactions, help: m.dashboard_kpi_interactions_help },
  events: { label: m.dashboard_kpi_events, help: m.dashboard_kpi_events_help },
  newsletters: { label: m.dashboard_kpi_newsletters, help: m.dashboard_kpi_newsletters_help },
  outcomes: { label: m.dashboard_kpi_outcomes, help: m.dashboard_kpi_outcomes_help },
  going_cold: { label: m.dashboard_kpi_going_cold, help: m.dashboard_kpi_going_cold_help },
  coverage_percent: {
    label: m.dashboard_kpi_coverage_percent,
    help: m.dashboard_kpi_coverage_percent_help,
  },
  single_points_of_failure: {
    label: m.dashboard_kpi_single_points_of_failure,
    help: m.dashboard_kpi_single_points_of_failure_help,
  },
  reciprocity: { label: m.dashboard_kpi_reciprocity, help: m.dashboard_kpi_reciprocity_help },
  return_on_relationship: {
    label: m.dashboard_kpi_return_on_relationship,
    help: m.dashboard_kpi_return_on_relationship_help,
  },
};

/** "72.5 %" ("72,5 %" in Dutch, French, German), or "—" when there is nothing to divide by. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value, { maximumFractionDigits: 1 })} %`;
}

/** "12.5" ("12,5") outcomes per 100 contacts, or "—" without contacts. */
export function formatRor(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, { maximumFractionDigits: 1 });
}

/** "+3", "−2" (a real minus sign), "0". */
export function formatSigned(value: number): string {
  if (value > 0) return `+${formatNumber(value)}`;
  if (value < 0) return `−${formatNumber(-value)}`;
  return '0';
}

export type Trend = { text: string; direction: 'up' | 'down' | 'flat' };

/** The change from last month to this one, for a tile: "+4 on last month" (in the language). */
export function trend(months: MonthKpis[], pick: (m: MonthKpis) => number | null): Trend | null {
  if (months.length < 2) return null;
  const now = pick(months[months.length - 1]);
  const before = pick(months[months.length - 2]);
  if (now === null || before === null) return null;
  const diff = Math.round((now - before) * 10) / 10;
  return {
    text: m.dashboard_trend({ change: formatSigned(diff) }),
    direction: diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat',
  };
}

/** What the dashboard shows the numbers of: the core's kinds of KPI scope. */
export type ScopeKind = KpiScopeKind;

/** The scopes of a kind in a report, by name. */
export function scopesOf(report: KpiReport, kind: ScopeKind): ScopeKpis[] {
  if (kind === 'organisation') return [report.organisation];
  const list = kind === 'team' ? report.teams : kind === 'goal' ? report.goals : report.networkers;
  return [...list].sort((a, b) => compareText(a.scope.name, b.scope.name));
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

/**
 * The five behaviours a review scores (seed 004), in the order the book gives them, each in the
 * app's language: its column heading (`short`), its name, what it means, and its name in running
 * text (`named`: "Score values-based leadership from 1 to 5"). Functions, read where shown.
 */
export const BEHAVIOURS: {
  field: BehaviourField;
  label: () => string;
  short: () => string;
  help: () => string;
  named: () => string;
}[] = [
  {
    field: 'values_based_leadership',
    short: m.partnerships_behaviour_values_based_leadership_short,
    label: m.partnerships_behaviour_values_based_leadership,
    help: m.partnerships_behaviour_values_based_leadership_help,
    named: m.partnerships_behaviour_values_based_leadership_named,
  },
  {
    field: 'sharing_credit',
    short: m.partnerships_behaviour_sharing_credit_short,
    label: m.partnerships_behaviour_sharing_credit,
    help: m.partnerships_behaviour_sharing_credit_help,
    named: m.partnerships_behaviour_sharing_credit_named,
  },
  {
    field: 'outcomes_for_communities',
    short: m.partnerships_behaviour_outcomes_for_communities_short,
    label: m.partnerships_behaviour_outcomes_for_communities,
    help: m.partnerships_behaviour_outcomes_for_communities_help,
    named: m.partnerships_behaviour_outcomes_for_communities_named,
  },
  {
    field: 'communication_and_listening',
    short: m.partnerships_behaviour_communication_and_listening_short,
    label: m.partnerships_behaviour_communication_and_listening,
    help: m.partnerships_behaviour_communication_and_listening_help,
    named: m.partnerships_behaviour_communication_and_listening_named,
  },
  {
    field: 'empowering_staff',
    short: m.partnerships_behaviour_empowering_staff_short,
    label: m.partnerships_behaviour_empowering_staff,
    help: m.partnerships_behaviour_empowering_staff_help,
    named: m.partnerships_behaviour_empowering_staff_named,
  },
];

/** What the score inputs hold: text typed, or a number from a number input (null when empty). */
export type Scores = Record<BehaviourField, string | number | null>;

/** Each score must be a whole number from 1 to 5; returns the messages (in the app's language) by field. */
export function validateScores(scores: Partial<Scores>): Partial<Record<BehaviourField, string>> {
  const errors: Partial<Record<BehaviourField, string>> = {};
  for (const { field, label, named } of BEHAVIOURS) {
    const text = String(scores[field] ?? '').trim();
    if (text === '') {
      errors[field] = m.partnerships_score_missing({ behaviour: named() });
      continue;
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      errors[field] = m.partnerships_score_invalid({ behaviour: label(), value: text });
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

/** The quick periods in the order offered, each with its name (call it where it is shown). */
export const PERIOD_PRESETS: { id: PeriodPreset; label: () => string }[] = [
  { id: 'this-year', label: m.transparency_preset_this_year },
  { id: 'last-quarter', label: m.transparency_preset_last_quarter },
  { id: 'last-30', label: m.transparency_preset_last_30 },
  { id: 'last-year', label: m.transparency_preset_last_year },
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
  if (!re.test(period.from)) return m.transparency_first_day_invalid();
  if (!re.test(period.to)) return m.transparency_last_day_invalid();
  if (period.from > period.to) return m.transparency_period_reversed();
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

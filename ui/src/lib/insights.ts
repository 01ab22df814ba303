// What the Insights screen works out for itself from the graph's answers: how the stakeholders
// split by how many colleagues reach them, who would take the most with them, and the health
// table's sorting. Pure functions, so vitest checks them.
import type { Health, KeyPersonRisk, NetworkerLoss } from './bindings';
import { compareText, formatNumber } from './format';
import { m } from '../paraglide/messages';

/** Stakeholders by how many colleagues reach them. */
export type Reach = {
  total: number;
  /** Reached by two colleagues or more. */
  several: number;
  /** Reached by one colleague only: they leave with that colleague. */
  one: number;
  /** Reached by nobody (no current relationship with them or anyone working there). */
  none: number;
};

export function reachOf(risk: KeyPersonRisk): Reach {
  return {
    total: risk.stakeholders,
    several: Math.max(0, risk.reached - risk.single_networker),
    one: risk.single_networker,
    none: risk.unreached,
  };
}

/**
 * A part's tone (a chart's series, a bar's share) as a colour of the theme, so that both themes
 * follow: `accent`, `ok`, `warn`, `danger`, `cold` are the theme's own; `muted` is the caller's quiet
 * colour (a line's text colour, a bar's border colour).
 */
export function toneColour(tone: string, muted: string): string {
  return tone === 'muted' ? muted : `var(--${tone})`;
}

/** A share of a whole as a CSS width: "37.5%" (0% of nothing). */
export function widthOf(part: number, whole: number): string {
  if (!(whole > 0) || !(part > 0)) return '0%';
  return `${Math.min(100, (100 * part) / whole)}%`;
}

/** "37 %", "0.4 %" ("0,4 %"), "< 0.1 %": a share of a whole, for text, in the language. */
export function shareText(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  const p = (100 * part) / whole;
  const one = { maximumFractionDigits: 1 };
  if (p > 0 && p < 0.1) return `< ${formatNumber(0.1, one)} %`;
  // Never "100 %" of a whole that is not all there.
  if (p > 99.9 && part < whole) return `> ${formatNumber(99.9, one)} %`;
  if (p > 99 && p < 100) return `${formatNumber(Math.floor(p * 10) / 10, one)} %`;
  return `${formatNumber(p, { maximumFractionDigits: p < 10 ? 1 : 0 })} %`;
}

/** Stakeholders only this colleague reaches. */
export function lossCount(n: NetworkerLoss): number {
  return n.sole_people + n.sole_organisations;
}

/** Colleagues who would take someone with them, most first (ties by name). */
export function losses(risk: KeyPersonRisk): NetworkerLoss[] {
  return risk.networkers
    .filter((n) => lossCount(n) > 0)
    .sort((a, b) => lossCount(b) - lossCount(a) || compareText(a.name, b.name));
}

export type HealthRow = Health & { key: string; name: string; detail: string | null };
export type HealthKey =
  | 'name'
  | 'relationships'
  | 'going_cold'
  | 'cold_share'
  | 'given'
  | 'received'
  | 'balance'
  | 'imbalanced';
export type SortDir = 'asc' | 'desc';

/** The direction a column sorts in first: names A–Z, numbers largest first. */
export function firstDir(key: HealthKey): SortDir {
  return key === 'name' ? 'asc' : 'desc';
}

/** The rows sorted by one column; equal values by name. */
export function sortHealth(rows: HealthRow[], key: HealthKey, dir: SortDir): HealthRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: HealthRow, b: HealthRow) => compareText(a.name, b.name);
  return [...rows].sort((a, b) => {
    const c = key === 'name' ? byName(a, b) : ((a[key] ?? 0) as number) - ((b[key] ?? 0) as number);
    return c !== 0 ? sign * c : byName(a, b);
  });
}

/** Words for a balance, in the language: who gives more. */
export function balanceText(balance: number): string {
  if (balance > 0) return m.insights_balance_gives({ n: formatNumber(balance) });
  if (balance < 0) return m.insights_balance_gets({ n: formatNumber(-balance) });
  return m.insights_balance_even();
}

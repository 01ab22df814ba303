import { describe, expect, it } from 'vitest';
import type { MonthKpis } from '../src/lib/bindings';
import {
  bandOf,
  defaultPeriod,
  formatPercent,
  formatRor,
  formatSigned,
  healthOf,
  linePath,
  monthLabel,
  niceMax,
  plot,
  presetPeriod,
  reviewFrom,
  ticks,
  trend,
  validatePeriod,
  validateScores,
  withExtension,
} from '../src/lib/manager';
import { id } from './ids';
import { inLanguage } from './languages';

describe('chart scaling', () => {
  it('rounds the top up to a nice number', () => {
    const tops = [0, -3, Number.NaN, 1, 7, 12, 23, 420, 100, 0.3];
    expect(tops.map(niceMax)).toEqual([1, 1, 1, 1, 10, 20, 25, 500, 100, 0.5]);
  });

  it('gives evenly spaced ticks from zero, whole numbers for small tops', () => {
    expect(ticks(420)).toEqual([0, 125, 250, 375, 500]);
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(4.2)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(7)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('places points left to right and bottom up, clamping above the top', () => {
    const pts = plot([0, 50, 100, 150], 300, 100, 100);
    expect(pts.map((p) => p.x)).toEqual([0, 100, 200, 300]);
    expect(pts.map((p) => p.y)).toEqual([100, 50, 0, 0]);
    expect(plot([5], 300, 100, 10)[0]).toEqual({ x: 150, y: 50, value: 5 });
  });

  it('draws a path with a gap where a month has no value', () => {
    const pts = plot([10, null, 20, 30], 30, 10, 40);
    expect(linePath(pts)).toBe('M0 7.5M20 5L30 2.5');
    expect(linePath(plot([null, null], 10, 10, 1))).toBe('');
  });

  it('labels months briefly, with the year on January', () => {
    expect(['2026-11', '2026-01', 'whenever'].map(monthLabel)).toEqual([
      'Nov',
      'Jan 26',
      'whenever',
    ]);
  });
});

describe('KPI formatting', () => {
  it('shows percentages and Return-on-Relationship with one decimal, or a dash', () => {
    expect(formatPercent(72.5)).toBe('72.5 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(33.333)).toBe('33.3 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatRor(12.25)).toBe('12.3');
    expect(formatRor(null)).toBe('—');
    expect(formatRor(1234.5)).toBe('1,234.5');
  });

  it('signs a balance with a real minus', () => {
    expect(formatSigned(3)).toBe('+3');
    expect(formatSigned(-2)).toBe('−2');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(1500)).toBe('+1,500');
  });

  it('compares this month with the last', () => {
    const m = (active: number, coverage: number | null) =>
      ({ active_relationships: active, coverage_percent: coverage }) as MonthKpis;
    expect(trend([m(10, 50), m(14, 50)], (x) => x.active_relationships)).toEqual({
      text: '+4 on last month',
      direction: 'up',
    });
    expect(trend([m(10, 50), m(7, 50)], (x) => x.active_relationships)?.direction).toBe('down');
    expect(trend([m(10, 50), m(10, 50)], (x) => x.active_relationships)?.text).toBe(
      '0 on last month',
    );
    expect(trend([m(10, null), m(10, 50)], (x) => x.coverage_percent)).toBeNull();
    expect(trend([m(10, 50)], (x) => x.active_relationships)).toBeNull();
  });

  it('writes percentages, Return-on-Relationship, months and trends as Belgian Dutch does', async () => {
    await inLanguage('nl', async () => {
      expect(formatPercent(72.5)).toBe('72,5 %');
      expect(formatRor(1234.5)).toBe('1.234,5');
      expect(formatSigned(-1500)).toBe('−1.500');
      expect(monthLabel('2026-11')).toMatch(/^nov\.?$/);
      const m = (active: number) => ({ active_relationships: active }) as MonthKpis;
      expect(trend([m(10), m(14)], (x) => x.active_relationships)?.text).toBe(
        '+4 t.o.v. vorige maand',
      );
    });
  });
});

describe('partnership reviews', () => {
  const good = {
    values_based_leadership: '4',
    sharing_credit: '5',
    outcomes_for_communities: 4,
    communication_and_listening: '3',
    empowering_staff: '4',
  };

  it('accepts five whole scores from 1 to 5, typed or numeric', () => {
    expect(validateScores(good)).toEqual({});
  });

  it('names every score that is missing, out of range or not whole', () => {
    const errors = validateScores({
      ...good,
      sharing_credit: '',
      outcomes_for_communities: 6,
      communication_and_listening: '2.5',
      empowering_staff: null,
    });
    expect(Object.keys(errors).sort()).toEqual([
      'communication_and_listening',
      'empowering_staff',
      'outcomes_for_communities',
      'sharing_credit',
    ]);
    expect(errors.outcomes_for_communities).toMatch(/1 to 5/);
    expect(errors.sharing_credit).toMatch(/from 1 to 5/);
    expect(validateScores({ ...good, values_based_leadership: '0' }).values_based_leadership).toBe(
      'Values-based leadership is scored 1 to 5; “0” is not.',
    );
  });

  it('computes health as the mean and bands it as docs/kpis.md says', () => {
    expect(healthOf(good)).toBe(4);
    expect(healthOf({ ...good, empowering_staff: '' })).toBeNull();
    expect(bandOf(4)).toBe('healthy');
    expect(bandOf(3.99)).toBe('needs attention');
    expect(bandOf(3)).toBe('needs attention');
    expect(bandOf(2.8)).toBe('at risk');
    expect(bandOf(null)).toBeNull();
  });

  it('builds the review with numbers and no empty notes', () => {
    expect(reviewFrom(id('p1'), '2026-11-23', good, '  ')).toEqual({
      partnership: 'p1',
      date: '2026-11-23',
      values_based_leadership: 4,
      sharing_credit: 5,
      outcomes_for_communities: 4,
      communication_and_listening: 3,
      empowering_staff: 4,
      notes: null,
    });
  });
});

describe('periods', () => {
  const nov = new Date(2026, 10, 23, 10, 0);

  it('defaults the register to this year so far, or last year too in January', () => {
    expect(defaultPeriod(nov)).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(defaultPeriod(new Date(2027, 0, 4))).toEqual({ from: '2026-01-01', to: '2027-01-04' });
  });

  it('offers quick periods', () => {
    expect(presetPeriod('this-year', nov)).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(presetPeriod('last-year', nov)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('last-quarter', nov)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('last-quarter', new Date(2026, 1, 10))).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(presetPeriod('last-30', nov)).toEqual({ from: '2026-10-25', to: '2026-11-23' });
  });

  it('refuses a period that is not one', () => {
    expect(validatePeriod({ from: '2026-01-01', to: '2026-11-23' })).toBeNull();
    expect(validatePeriod({ from: '2026-12-01', to: '2026-11-23' })).toMatch(/after/);
    expect(validatePeriod({ from: '', to: '2026-11-23' })).toMatch(/first day/);
    expect(validatePeriod({ from: '2026-01-01', to: '23/11/2026' })).toMatch(/last day/);
  });
});

describe('export paths', () => {
  it('puts the right extension on a typed path', () => {
    expect(withExtension('/home/an/report', 'html')).toBe('/home/an/report.html');
    expect(withExtension('/home/an/report.csv', 'html')).toBe('/home/an/report.html');
    expect(withExtension('/home/an.v2/report', 'csv')).toBe('/home/an.v2/report.csv');
    expect(withExtension('C:\\Users\\an\\.hidden', 'csv')).toBe('C:\\Users\\an\\.hidden.csv');
    expect(withExtension('  ', 'csv')).toBe('');
  });
});

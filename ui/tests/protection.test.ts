import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { commands, type CardDetail, type CardQuery } from '../src/lib/bindings';
import ForgetDialog from '../src/components/card/ForgetDialog.svelte';
import RestrictDialog from '../src/components/card/RestrictDialog.svelte';
import DataProtection from '../src/screens/DataProtection.svelte';
import { checkRule, parsePeriod, period } from '../src/lib/protection';
import { expectAllAnswered, replayGolden, type Replay } from './golden';
import manager from './golden/manager.json';
import { fillNew, typeInto } from './ui';

/** The query golden.rs finds its person with: the first person by name. */
const FIRST_PERSON = { text: '', kind: 'person', limit: 1 } as CardQuery;

async function firstPerson(): Promise<CardDetail> {
  const page = await api.queryCards(FIRST_PERSON);
  return api.cardDetail(page.rows[0].id);
}

/** What the core answered to the retention review after the rule was added (golden.rs). */
function reviewAfterTheRule() {
  const write = manager.writes.find((w) => w.command === 'add_retention_rule')!;
  const review = write.then.find((c) => c.command === 'retention_review')!;
  return (review.answer as unknown as { data: { report: { rules: { records: number }[] } } }).data;
}

/** An element's text with its spaces as a reader sees them. */
const words = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

let replay: Replay;
afterEach(() => expectAllAnswered(replay));

describe('The Data protection screen of a Manager of the Network', () => {
  beforeEach(async () => {
    replay = replayGolden('manager');
    app.status = await api.appStatus();
  });

  it("states Kring's default lawful basis while none is recorded, and no rules", async () => {
    render(DataProtection);
    const purposes = await screen.findByTestId('protection-purposes');
    expect(purposes.textContent).toContain("Kring's default");
    expect(purposes.textContent).toContain('Public task — Art. 6(1)(e)');
    expect(screen.getByTestId('rules-empty')).toBeVisible();
  });

  it('refuses a rule without a legal reference, then adds one and reviews what it would clear', async () => {
    const spy = vi.fn(commands.addRetentionRule);
    setBackend({ commands: { ...commands, addRetentionRule: spy } as Commands });
    render(DataProtection);
    await fillNew('rule', { name: 'Meeting summaries', after: '600' }, 'rule-form-save');
    expect(await screen.findByText(/Give the legal reference/)).toBeVisible();
    expect(spy).not.toHaveBeenCalled();

    await typeInto('rule-reference', 'Selectielijst lokale besturen, reeks 1.2');
    await fireEvent.click(screen.getByTestId('rule-form-save'));
    await waitFor(() => expect(screen.getAllByTestId('rule-row')).toHaveLength(1));
    const rule = words(screen.getByTestId('rule-row'));
    expect(rule).toContain('Meetings and contacts older than 600 days: clear outcomes, summary');
    expect(rule).toContain('Set by Lotte Verbruggen on');

    await fireEvent.click(screen.getByTestId('protection-tab-review'));
    const counted = reviewAfterTheRule().report.rules[0].records;
    expect(counted).toBeGreaterThan(0);
    await waitFor(() =>
      expect(screen.getByTestId('retention-rule-count').textContent).toBe(String(counted)),
    );
    expect(screen.getAllByTestId('retention-record')).toHaveLength(counted);
    // A dry run: nothing was applied, and Apply asks first.
    await fireEvent.click(screen.getByTestId('retention-apply'));
    expect(await screen.findByText(/will be removed or cleared on this store/)).toBeVisible();
  });

  it('asks the Forget and the Restrict dialogs for a reason that travels, each in its words', async () => {
    const card = await firstPerson();
    render(ForgetDialog, { card, onclose: () => {}, onforgotten: () => {} });
    const forget = screen.getByLabelText(/^Reason — a case number or the article/);
    expect(forget).toHaveAttribute('data-testid', 'forget-reason');
    expect(forget).toHaveAttribute('placeholder', 'Art. 17, request 2026-014');
    render(RestrictDialog, { card, initial: 'objected', onclose: () => {} });
    const restrict = screen.getByLabelText(/^How the request came/);
    expect(restrict).toHaveAttribute('data-testid', 'restrict-reason');
    expect(restrict).toHaveAttribute('placeholder', 'Letter of 20 November 2026');
  });

  it('forgets a person for a reason, then lists the erasure and logs it', async () => {
    const card = await firstPerson();
    const forgotten = vi.fn();
    render(ForgetDialog, { card, onclose: () => {}, onforgotten: forgotten });
    expect(screen.getByTestId('forget-what').textContent).toContain('forget record');
    // Compacting is in the app now, not a command to type in a terminal.
    expect(screen.getByTestId('forget-what')).toHaveTextContent(
      'choose Settings › Disk space › Compact.',
    );
    expect(screen.getByTestId('forget-what')).not.toHaveTextContent('kring compact');
    await fireEvent.click(screen.getByTestId('forget-save'));
    expect(await screen.findByText(/Say why/)).toBeVisible();
    expect(forgotten).not.toHaveBeenCalled();

    await typeInto('forget-reason', 'Art. 17, request 2026-014');
    await fireEvent.click(screen.getByTestId('forget-save'));
    await waitFor(() => expect(forgotten).toHaveBeenCalled());

    render(DataProtection);
    await fireEvent.click(screen.getByTestId('protection-tab-erasures'));
    const row = await screen.findByTestId('erasure-row');
    expect(row.textContent).toContain('Art. 17, request 2026-014');
    expect(row.textContent).toContain('the organisation');
    await fireEvent.click(screen.getByTestId('protection-tab-log'));
    const log = await screen.findByTestId('processing-log');
    expect(within(log).getAllByTestId('log-activity')[0].textContent).toBe('Erasure');
  });
});

describe('The Forget dialog of a networker', () => {
  beforeEach(async () => {
    replay = replayGolden('networker');
    app.status = await api.appStatus();
  });

  it('says who may forget a card the organisation knows and shows the refusal in words', async () => {
    const card = await firstPerson();
    const forgotten = vi.fn();
    render(ForgetDialog, { card, onclose: () => {}, onforgotten: forgotten });
    expect(words(screen.getByTestId('forget-right'))).toContain(
      'Only a Manager of the Network erases a person the organisation knows',
    );
    await typeInto('forget-reason', 'Art. 17, request 2026-014');
    await fireEvent.click(screen.getByTestId('forget-save'));
    const refused = await screen.findByTestId('forget-refused');
    expect(refused.textContent).toContain('is known to the organisation');
    expect(refused.textContent).toContain('nothing was changed');
    expect(forgotten).not.toHaveBeenCalled();
  });
});

describe('Retention rule words', () => {
  beforeEach(() => {
    replay = { calls: [], missing: [], now: new Date() };
  });

  it('reads periods in years or days and says them back', () => {
    expect(parsePeriod('6y')).toBe(2190);
    expect(parsePeriod('2190')).toBe(2190);
    expect(parsePeriod('30 days')).toBe(30);
    expect(parsePeriod('six years')).toBeNull();
    expect(period(2190)).toBe('6 years');
    expect(period(30)).toBe('30 days');
  });

  it('asks for the fields to clear and keeps people to erasure proposals', () => {
    const draft = {
      name: 'People',
      kind: 'person' as const,
      action: 'remove' as const,
      after: '4y',
      fields: [],
      legalReference: 'Art. 5(1)(e) GDPR',
      description: '',
    };
    expect(Object.keys(checkRule(draft))).toEqual(['action']);
    expect(Object.keys(checkRule({ ...draft, kind: 'note', action: 'clear', fields: [] }))).toEqual(
      ['fields'],
    );
  });
});

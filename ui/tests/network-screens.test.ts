import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { api, setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { commands } from '../src/lib/bindings';
import Dashboard from '../src/screens/Dashboard.svelte';
import Partnerships from '../src/screens/Partnerships.svelte';
import Offboarding from '../src/screens/Offboarding.svelte';
import { useGolden } from './golden';
import { englishOnly, inLanguage, shownTexts } from './languages';
import en from '../messages/dashboard/en.json';
import nl from '../messages/dashboard/nl.json';
import { typeInto } from './ui';

useGolden('manager');

describe('Dashboard', () => {
  it('shows the eight KPI tiles with their explanation and four charts', async () => {
    render(Dashboard);
    await waitFor(() => expect(screen.getAllByTestId('kpi-card')).toHaveLength(8));
    expect(screen.getAllByTestId('kpi-chart')).toHaveLength(4);
    const ror = screen
      .getAllByTestId('kpi-card')
      .find((c) => c.dataset.kpi === 'return_on_relationship')!;
    expect(within(ror).getByRole('tooltip').textContent).toMatch(/per 100 contacts/);
    // Every chart has a month label per value in its accessible name.
    const chart = screen.getAllByTestId('kpi-chart')[0].querySelector('svg')!;
    expect(chart.getAttribute('aria-label')).toMatch(/Active: /);
  });

  it("lists each goal's coverage, with the stakeholders it does not cover yet", async () => {
    render(Dashboard);
    const heading = await screen.findByRole('heading', { name: 'Goal coverage' });
    const goals = heading.closest('.panel')!.querySelectorAll('ul.goals > li');
    expect(goals.length).toBeGreaterThan(0);
    expect(goals[0].querySelector('.goal-line')!.textContent).toMatch(/\d+\/\d+/);
    const uncovered = [...goals].map((goal) => goal.querySelector('.uncovered')?.textContent);
    expect(uncovered.some((line) => line?.startsWith('Not covered: '))).toBe(true);
  });

  it('lists the sole contacts and the colleagues whose relationships go cold, each by a figure', async () => {
    render(Dashboard);
    const sole = await screen.findByTestId('kpi-sole-contacts');
    const soleRows = sole.querySelectorAll('tbody > tr[data-networker]');
    expect(soleRows.length).toBeGreaterThan(0);
    expect(soleRows[0].querySelector('td.num')!.textContent).toMatch(/^\d+ stakeholders?$/);
    expect(
      within(sole.parentElement!).getByRole('heading', { name: 'Sole contacts' }),
    ).toBeVisible();
    const cold = screen.getByTestId('kpi-going-cold');
    expect(cold.querySelectorAll('tbody > tr .badge.cold').length).toBeGreaterThan(0);
  });

  it('switches the scope to a team', async () => {
    render(Dashboard);
    await waitFor(() => expect(screen.getAllByTestId('kpi-card')).toHaveLength(8));
    await fireEvent.change(screen.getByTestId('kpi-scope-kind'), { target: { value: 'team' } });
    await waitFor(() => expect(screen.getByTestId('kpi-scope')).toBeInTheDocument());
    const options = [...screen.getByTestId('kpi-scope').querySelectorAll('option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Team Europa', 'Team Haven', 'Team Klimaat']);
  });

  it('speaks Dutch: KPI names, sublines, trends, charts and their screen-reader text', async () => {
    await inLanguage('nl', async () => {
      const { container } = render(Dashboard);
      const cards = new Map(
        (await screen.findAllByTestId('kpi-card')).map((c) => [c.dataset.kpi!, c]),
      );
      expect(cards.size).toBe(8);
      const card = (kpi: string) => cards.get(kpi)!;
      expect(card('active_relationships')).toHaveTextContent('Actieve relaties');
      expect(card('going_cold')).toHaveTextContent('over hun contactritme heen');
      expect(card('single_points_of_failure')).toHaveTextContent('Enkelvoudige risico’s');
      expect(card('active_relationships').querySelector('.trend')!.textContent).toMatch(
        /t\.o\.v\. vorige maand/,
      );
      expect(card('coverage_percent').querySelector('.value')!.textContent).toBe('50 %');
      expect(card('coverage_percent')).toHaveTextContent('6 van 12 sleutelstakeholders');
      expect(within(card('return_on_relationship')).getByRole('tooltip').textContent).toMatch(
        /rendement van relaties/,
      );
      const chart = screen.getAllByTestId('kpi-chart')[0];
      expect(chart).toHaveTextContent('Actieve en bekoelende relaties');
      // The screen-reader text names the months in Dutch ("nov."), never in English ("Nov").
      const spoken = chart.querySelector('svg')!.getAttribute('aria-label')!;
      expect(spoken).toMatch(/Actief: /);
      expect(spoken).toMatch(/nov\.? 224/);
      expect(spoken).not.toContain('Nov ');
      expect(screen.getByText('Wederkerigheid')).toBeInTheDocument();
      expect(screen.getByText('Waar het kwetsbaar is')).toBeInTheDocument();
      expect(screen.queryByText('Where it is fragile')).toBeNull();
      expect(screen.queryByText('Active relationships')).toBeNull();
      // No text of the dashboard's own catalogue is left in English.
      const dutch = shownTexts(container);
      expect(englishOnly(en, nl).filter((text) => dutch.has(text))).toEqual([]);
    });
  });
});

describe('Partnership review', () => {
  it('refuses a score out of range next to the field, then saves a valid review', async () => {
    const spy = vi.fn(commands.reviewPartnership);
    setBackend({ commands: { ...commands, reviewPartnership: spy } as Commands });
    render(Partnerships);
    await waitFor(() => expect(screen.getAllByTestId('partnership-row').length).toBeGreaterThan(1));
    await fireEvent.click(screen.getByTestId('partnership-review'));
    const fields = [
      'values_based_leadership',
      'sharing_credit',
      'outcomes_for_communities',
      'communication_and_listening',
      'empowering_staff',
    ];
    for (const f of fields) await typeInto(`review-score-${f}`, '4');
    await typeInto('review-score-sharing_credit', '7');
    await fireEvent.click(screen.getByTestId('review-save'));
    expect(await screen.findByText(/Sharing credit is scored 1 to 5/)).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();

    await typeInto('review-score-sharing_credit', '5');
    expect(screen.getByText('4.2 · healthy')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('review-save'));
    await waitFor(() => expect(screen.queryByTestId('review-save')).not.toBeInTheDocument());
    const health = screen.getAllByTestId('partnership-health')[0];
    expect(health.textContent).toContain('4.2');
  });
});

describe('Offboarding', () => {
  /** Opens Offboarding and chooses Pieter Rousseau as the colleague who leaves. */
  async function planPietersHandover() {
    render(Offboarding);
    const select = (await screen.findByTestId('offboard-networker')) as HTMLSelectElement;
    const pieter = [...select.options].find((o) => o.textContent?.startsWith('Pieter Rousseau'))!;
    await fireEvent.change(select, { target: { value: pieter.value } });
    await waitFor(() =>
      expect(screen.getAllByTestId('offboard-plan-item').length).toBeGreaterThan(5),
    );
  }

  it('hands one relationship to a colleague picked by hand, and sends the pick on apply', async () => {
    const offboard = vi.fn(commands.offboard);
    setBackend({ commands: { ...commands, offboard } as Commands });
    await planPietersHandover();
    const row = screen.getAllByTestId('offboard-plan-item')[0];
    const proposed = row.querySelector('strong')?.textContent?.trim();
    expect(proposed).toBeTruthy();
    const picker = within(row).getByTestId('offboard-pick') as HTMLSelectElement;
    // Someone other than the proposed colleague.
    const nameOf = (o: HTMLOptionElement) => o.textContent!.split(' — ')[0].trim();
    const other = [...picker.options].find((o) => o.value && nameOf(o) !== proposed)!;
    const name = nameOf(other);
    expect(name).not.toBe(proposed);
    await fireEvent.change(picker, { target: { value: other.value } });
    await waitFor(() =>
      expect(
        within(screen.getAllByTestId('offboard-plan-item')[0]).getByText(name, {
          selector: 'strong',
        }),
      ).toBeInTheDocument(),
    );
    expect(
      within(screen.getAllByTestId('offboard-plan-item')[0]).getByTestId('offboard-picked'),
    ).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('offboard-confirm'));
    await fireEvent.click(await screen.findByTestId('offboard-apply'));
    await screen.findByTestId('offboard-result');
    const applied = offboard.mock.calls[offboard.mock.calls.length - 1];
    expect(applied[2]).toEqual([{ stakeholder: row.dataset.stakeholder, successor: other.value }]);
    expect(applied[3]).toBe(false);
  });

  it('says how many of the relationships handed over are current, as the picker counts them', async () => {
    const networkers = await api.listNetworkers();
    const leaver = networkers.find(
      (n) => n.status !== 'left' && n.relationships > n.current_relationships,
    )!;
    expect(leaver).toBeTruthy();
    render(Offboarding);
    const select = (await screen.findByTestId('offboard-networker')) as HTMLSelectElement;
    const option = [...select.options].find((o) => o.value === leaver.id)!;
    expect(option.textContent).toContain(`${leaver.current_relationships} relationships`);
    await fireEvent.change(select, { target: { value: leaver.id } });
    const count = await screen.findByTestId('offboard-plan-count');
    expect(count.textContent).toContain(
      `${leaver.relationships} relationships (${leaver.current_relationships} current)`,
    );
  });

  it('shows the plan for a colleague and confirms before handing over', async () => {
    await planPietersHandover();
    await fireEvent.click(screen.getByTestId('offboard-confirm'));
    await fireEvent.click(await screen.findByTestId('offboard-apply'));
    const result = await screen.findByTestId('offboard-result');
    expect(result.textContent).toContain('Pieter Rousseau is offboarded');
    const after = await api.listNetworkers();
    expect(after.find((n) => n.name === 'Pieter Rousseau')?.status).toBe('left');
  });
});

describe('Partnership review reminders', () => {
  it('lists the reviews due on Today and opens the partnership they are about', async () => {
    const { default: Today } = await import('../src/screens/Today.svelte');
    const today = await api.today();
    expect(today.reviews_due.length).toBeGreaterThan(0);
    render(Today);
    await waitFor(() =>
      expect(screen.getAllByTestId('review-reminder')).toHaveLength(today.reviews_due.length),
    );
    const first = today.reviews_due[0];
    const row = screen.getAllByTestId('review-reminder')[0];
    expect(row.textContent).toContain(first.partnership.name);
    expect(row.textContent).toContain(first.partners[0].name);
    expect(row.classList.contains('overdue')).toBe(first.days_overdue > 0);
    await fireEvent.click(within(row).getByRole('button', { name: 'Review' }));
    expect(app.route).toBe('partnerships');
    expect(app.selectedPartnership).toBe(first.partnership.id);

    // The Partnerships screen opens on that partnership, not on the first of the list.
    render(Partnerships);
    await waitFor(() => {
      const active = screen
        .getAllByTestId('partnership-row')
        .find((r) => r.classList.contains('active'));
      expect(active?.textContent).toContain(first.partnership.name);
    });
    expect(app.selectedPartnership).toBeNull();
  });

  it('leaves the section out when no review is due', async () => {
    const { default: Today } = await import('../src/screens/Today.svelte');
    setBackend({
      commands: {
        ...commands,
        today: async () => {
          const real = await commands.today();
          return real.status === 'ok'
            ? { status: 'ok' as const, data: { ...real.data, reviews_due: [] } }
            : real;
        },
      } as Commands,
    });
    render(Today);
    await waitFor(() => expect(screen.getByTestId('today-due')).toBeInTheDocument());
    expect(screen.queryByTestId('today-reviews')).toBeNull();
  });
});

describe('Red lines in words', () => {
  it('says a red line as people read it, never the rule tag:wapenhandel', async () => {
    const list = await api.listPartnerships();
    const ruled = list.find((p) => p.partnership.red_lines?.includes('tag:wapenhandel'));
    expect(ruled, 'the demo has a partnership with a tag rule').toBeDefined();
    app.selectedPartnership = ruled!.id;
    render(Partnerships);
    const lines = await screen.findByTestId('partnership-red-lines-read');
    expect(lines.textContent).toContain('no partner tagged “wapenhandel”');
    expect(screen.getByTestId('partnership-detail').textContent).not.toContain('tag:');
  });
});

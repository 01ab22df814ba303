import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { commands } from '../src/lib/bindings';
import type { GraphStats, KeyPersonRisk } from '../src/lib/bindings';
import {
  lossCount,
  losses,
  reachOf,
  shareText,
  sortHealth,
  widthOf,
  type HealthRow,
} from '../src/lib/insights';
import Insights from '../src/screens/Insights.svelte';
import Offboarding from '../src/screens/Offboarding.svelte';
import { expectAllAnswered, replayGolden, type Replay } from './golden';
import { id } from './ids';
import { englishOnly, inLanguage, shownTexts } from './languages';
import en from '../messages/insights/en.json';
import nl from '../messages/insights/nl.json';

let replay: Replay;

async function start(role: 'manager' | 'networker' = 'manager') {
  replay = replayGolden(role);
  app.status = await api.appStatus();
  app.route = 'insights';
  app.selectedId = null;
}

const texts = (testid: string) => screen.getAllByTestId(testid).map((e) => e.textContent!.trim());
const fmt = (n: number) => n.toLocaleString('en-GB');

/** Overrides some commands of the core (an empty store, a slow one, a failing one). */
function override(overrides: Partial<Commands>) {
  setBackend({ commands: { ...commands, ...overrides } as Commands });
}

beforeEach(() => start());

afterEach(() => expectAllAnswered(replay));

describe('Insights', () => {
  it('shows the graph summary, the reach of the stakeholders and the brokers in numbers', async () => {
    const stats = (await api.graphStats()) as GraphStats;
    render(Insights);
    await waitFor(() => expect(screen.getAllByTestId('insights-tile')).toHaveLength(6));
    const tile = (name: string) =>
      screen.getAllByTestId('insights-tile').find((t) => t.dataset.tile === name)!;
    expect(tile('nodes').querySelector('.value')!.textContent).toBe(fmt(stats.nodes));
    expect(tile('nodes').textContent).toContain(`${stats.nodes_by_kind.networker} networkers`);
    expect(tile('ties').querySelector('.value')!.textContent).toBe(fmt(stats.edges));
    expect(tile('communities').querySelector('.value')!.textContent).toBe(fmt(stats.communities));
    const risk = stats.risk;
    expect(risk.single_networker).toBeGreaterThan(0);
    expect(tile('single').querySelector('.value')!.textContent).toBe(fmt(risk.single_networker));
    expect(tile('unreached').querySelector('.value')!.textContent).toBe(fmt(risk.unreached));
    const summary = screen.getByTestId('risk-summary').textContent!.replace(/\s+/g, ' ');
    expect(summary).toContain(`Of ${fmt(risk.stakeholders)} stakeholders`);
    expect(summary).toContain(
      `${fmt(risk.reached - risk.single_networker)} are known by two colleagues or more`,
    );
    // The brokers in the order of the analysis, colleagues and stakeholders apart, with ties.
    const colleagues = texts('networker-broker');
    expect(colleagues).toHaveLength(stats.networker_brokers.length);
    stats.networker_brokers.forEach((b, i) => {
      expect(colleagues[i]).toContain(b.name);
      expect(colleagues[i]).toContain(`${b.degree} ties`);
    });
    const stakeholders = texts('stakeholder-broker');
    expect(stakeholders.length).toBe(10);
    stats.stakeholder_brokers.forEach((b, i) => expect(stakeholders[i]).toContain(b.name));
    expect(stats.stakeholder_brokers.every((b) => b.kind !== 'networker')).toBe(true);
    // Communities: the largest first, each with its best-connected members.
    const communities = texts('community');
    expect(communities[0]).toContain(`Around ${stats.largest_communities[0].label}`);
    expect(communities[0]).toContain(`${stats.largest_communities[0].size} nodes`);
  });

  it('speaks Dutch: tiles, key-person risk, brokers, health and communities', async () => {
    const stats = (await api.graphStats()) as GraphStats;
    await inLanguage('nl', async () => {
      const { container } = render(Insights);
      await waitFor(() => expect(screen.getAllByTestId('insights-tile')).toHaveLength(6));
      const tile = (name: string) =>
        screen.getAllByTestId('insights-tile').find((t) => t.dataset.tile === name)!;
      expect(tile('nodes')).toHaveTextContent('Knopen');
      expect(tile('nodes')).toHaveTextContent(`${stats.nodes_by_kind.networker} netwerkers`);
      expect(tile('single')).toHaveTextContent('Door één collega gekend');
      expect(tile('unreached')).toHaveTextContent('van de stakeholders');
      // Modularity with a decimal comma.
      expect(tile('communities')).toHaveTextContent(/modulariteit \d,\d\d/);
      expect(screen.getByRole('heading', { name: 'Sleutelfigurenrisico' })).toBeInTheDocument();
      const summary = screen.getByTestId('risk-summary').textContent!.replace(/\s+/g, ' ');
      expect(summary).toContain(`Van ${stats.risk.stakeholders} stakeholders zijn er`);
      expect(summary).toContain('door niemand');
      expect(texts('networker-broker')[0]).toContain('verbindingen · op');
      expect(screen.getByTestId('health-sort-cold_share')).toHaveTextContent('Bekoelend');
      expect(texts('community')[0]).toContain(`Rond ${stats.largest_communities[0].label}`);
      expect(screen.queryByRole('heading', { name: 'Key-person risk' })).toBeNull();
      expect(screen.queryByText('Health of relationships')).toBeNull();
      const dutch = shownTexts(container);
      expect(englishOnly(en, nl).filter((text) => dutch.has(text))).toEqual([]);
    });
  });

  it('lists what would leave with each colleague, most first, and opens an at-risk card', async () => {
    const risk = (await api.keyPersonRisk(null)) as KeyPersonRisk;
    const expected = losses(risk);
    expect(expected.length).toBeGreaterThan(2);
    render(Insights);
    await waitFor(() =>
      expect(screen.getAllByTestId('risk-networker').length).toBe(expected.length),
    );
    const counts = texts('risk-count');
    expect(counts).toEqual(expected.map((n) => `${lossCount(n)} stakeholders`));
    const first = screen.getAllByTestId('risk-networker')[0];
    expect(first.textContent).toContain(expected[0].name);
    // Three at first; the rest on asking.
    const chips = within(first).getAllByTestId('risk-stakeholder');
    expect(chips).toHaveLength(Math.min(3, expected[0].at_risk.length));
    expect(chips[0].textContent).toContain(expected[0].at_risk[0].name);
    if (expected[0].at_risk.length > 3) {
      await fireEvent.click(within(first).getByTestId('risk-more'));
      expect(within(first).getAllByTestId('risk-stakeholder')).toHaveLength(
        expected[0].at_risk.length,
      );
    }
    await fireEvent.click(within(first).getAllByTestId('risk-stakeholder')[0]);
    expect(app.route).toBe('cards');
    expect(app.selectedId).toBe(expected[0].at_risk[0].id);
  });

  it('takes the manager to Offboarding with the handover of that colleague planned', async () => {
    const expected = losses((await api.keyPersonRisk(null)) as KeyPersonRisk);
    render(Insights);
    await waitFor(() => expect(screen.getAllByTestId('risk-offboard').length).toBeGreaterThan(0));
    const button = screen.getAllByTestId('risk-offboard')[0];
    const rows = screen.getAllByTestId('risk-networker');
    const colleague = expected[rows.indexOf(button.closest('[data-testid="risk-networker"]')!)];
    expect(colleague).toBeDefined();
    await fireEvent.click(button);
    expect(app.route).toBe('offboarding');
    cleanup();
    render(Offboarding);
    const select = (await screen.findByTestId('offboard-networker')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe(colleague.id));
    await waitFor(() =>
      expect(screen.getAllByTestId('offboard-plan-item').length).toBeGreaterThan(0),
    );
    // Asked once: coming back to Offboarding later starts with nobody chosen.
    expect(app.handoverFor).toBeNull();
  });

  it('shows a networker the same risk without the Offboarding link', async () => {
    await start('networker');
    render(Insights);
    await waitFor(() => expect(screen.getAllByTestId('risk-networker').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('risk-offboard')).not.toBeInTheDocument();
  });

  it('sorts the health table by any column, both ways, and switches to teams', async () => {
    const stats = (await api.graphStats()) as GraphStats;
    render(Insights);
    await waitFor(() =>
      expect(screen.getAllByTestId('health-row').length).toBe(stats.health.networkers.length),
    );
    const names = () => texts('health-name').map((n) => n.replace(' (you)', ''));
    const byName = stats.health.networkers.map((n) => n.name).sort((a, b) => a.localeCompare(b));
    // Coldest first to begin with.
    const cold = screen.getAllByTestId('health-cold').map((c) => c.textContent!);
    const coldest = [...stats.health.networkers].sort(
      (a, b) => (b.cold_share ?? 0) - (a.cold_share ?? 0) || a.name.localeCompare(b.name),
    )[0];
    expect(names()[0]).toBe(coldest.name);
    expect(cold[0]).toBe(shareText(coldest.going_cold, coldest.with_cadence));

    await fireEvent.click(screen.getByTestId('health-sort-name'));
    expect(names()).toEqual(byName);
    await fireEvent.click(screen.getByTestId('health-sort-name'));
    expect(names()).toEqual([...byName].reverse());
    const header = screen.getByTestId('health-sort-name').closest('th')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');

    await fireEvent.click(screen.getByTestId('health-sort-balance'));
    const balances = screen
      .getAllByTestId('health-balance')
      .map((b) => Number(b.textContent!.replace('−', '-').replace(/[+,]/g, '')));
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
    expect(balances[0]).toBe(Math.max(...stats.health.networkers.map((n) => n.balance)));

    await fireEvent.click(screen.getByTestId('health-per-team'));
    const teams = stats.health.teams.map((t) => t.team);
    expect(texts('health-name').sort()).toEqual([...teams].sort());
  });

  it('says so when there are no teams and when the owner has no colleagues', async () => {
    const stats = (await api.graphStats()) as GraphStats;
    const me = stats.health.networkers.find((n) => n.id === app.status!.profile!.networker)!;
    const alone: GraphStats = {
      ...stats,
      nodes_by_kind: { ...stats.nodes_by_kind, networker: 1 },
      health: {
        networkers: [{ ...me, unit: null }],
        teams: [{ ...stats.health.teams[0], team: '(no unit)', networkers: 1 }],
      },
    };
    const risk = (await api.keyPersonRisk(null)) as KeyPersonRisk;
    const mine: KeyPersonRisk = {
      ...risk,
      networkers: risk.networkers.filter((n) => n.id === me.id),
    };
    override({
      graphStats: async () => ({ status: 'ok', data: alone }),
      keyPersonRisk: async () => ({ status: 'ok', data: mine }),
    });
    render(Insights);
    expect(await screen.findByTestId('risk-alone')).toHaveTextContent(
      /only networker in this store/,
    );
    expect(screen.queryByTestId('risk-networker')).not.toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('health-per-team'));
    expect(screen.getByTestId('health-no-teams')).toHaveTextContent(/No teams yet/);
  });

  it('has a real empty state for a store without a network', async () => {
    const stats = (await api.graphStats()) as GraphStats;
    override({
      graphStats: async () => ({
        status: 'ok',
        data: {
          ...stats,
          nodes: 0,
          edges: 0,
          brokers: [],
          networker_brokers: [],
          largest_communities: [],
          communities: 0,
        },
      }),
    });
    render(Insights);
    expect(await screen.findByTestId('insights-empty')).toHaveTextContent('No network yet');
    expect(screen.getByTestId('insights-export')).toBeDisabled();
  });

  it('says it is working while the analysis runs, and shows a failure in words', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const real = commands.graphStats;
    override({
      graphStats: async () => {
        await slow;
        return real();
      },
    });
    render(Insights);
    expect(await screen.findByTestId('insights-loading')).toHaveTextContent(
      'Analysing the network…',
    );
    release();
    await waitFor(() => expect(screen.getAllByTestId('insights-tile')).toHaveLength(6));
    expect(screen.queryByTestId('insights-loading')).not.toBeInTheDocument();

    override({
      graphStats: async () => ({
        status: 'error',
        error: {
          code: 'store_unavailable',
          message: 'The store is in use by another Kring.',
          field: null,
        },
      }),
    });
    app.changed();
    expect(await screen.findByTestId('insights-error')).toHaveTextContent(
      'The store is in use by another Kring.',
    );
  });

  it('exports the graph in the chosen format to the path given', async () => {
    const spy = vi.fn(commands.exportGraph);
    override({ exportGraph: spy });
    render(Insights);
    await waitFor(() => expect(screen.getByTestId('insights-export')).not.toBeDisabled());
    await fireEvent.change(screen.getByTestId('insights-export-format'), {
      target: { value: 'graphml' },
    });
    await fireEvent.click(screen.getByTestId('insights-export'));
    // The dialog says what stays out of the file (the command builds it as an export would).
    expect(await screen.findByText(/your private cards, ties and dates stay out/)).toBeVisible();
    await fireEvent.input(await screen.findByTestId('graph-export-path'), {
      target: { value: '/tmp/the-network' },
    });
    await fireEvent.click(screen.getByTestId('graph-export-run'));
    expect(await screen.findByTestId('graph-export-done')).toHaveTextContent(
      'Graph written to /tmp/the-network.graphml',
    );
    expect(spy).toHaveBeenCalledWith('graphml', '/tmp/the-network.graphml');
  });
});

describe('insights arithmetic', () => {
  const risk: KeyPersonRisk = {
    stakeholders: 10,
    reached: 7,
    single_networker: 3,
    unreached: 3,
    networkers: [
      {
        id: id('a'),
        name: 'Ann',
        unit: null,
        reaches: 5,
        sole_people: 1,
        sole_organisations: 0,
        at_risk: [],
      },
      {
        id: id('b'),
        name: 'Bob',
        unit: null,
        reaches: 4,
        sole_people: 1,
        sole_organisations: 1,
        at_risk: [],
      },
      {
        id: id('c'),
        name: 'Cas',
        unit: null,
        reaches: 2,
        sole_people: 0,
        sole_organisations: 0,
        at_risk: [],
      },
    ],
  };

  it('splits the stakeholders by how many colleagues reach them', () => {
    expect(reachOf(risk)).toEqual({ total: 10, several: 4, one: 3, none: 3 });
  });

  it('lists only the colleagues who would take someone, most first', () => {
    expect(losses(risk).map((n) => n.name)).toEqual(['Bob', 'Ann']);
  });

  it('writes shares and widths without dividing by nothing', () => {
    expect(shareText(1, 3)).toBe('33 %');
    expect(shareText(1, 40)).toBe('2.5 %');
    expect(shareText(1, 100_000)).toBe('< 0.1 %');
    expect(shareText(0, 0)).toBe('—');
    expect(shareText(2020, 2027)).toBe('99.6 %');
    expect(shareText(2026, 2027)).toBe('> 99.9 %');
    expect(shareText(99_999, 100_000)).toBe('> 99.9 %');
    expect(shareText(5, 5)).toBe('100 %');
    expect(widthOf(1, 4)).toBe('25%');
    expect(widthOf(3, 0)).toBe('0%');
    expect(widthOf(5, 4)).toBe('100%');
  });

  it('writes shares with the language’s decimal sign', async () => {
    await inLanguage('nl', async () => {
      expect(shareText(1, 40)).toBe('2,5 %');
      expect(shareText(1, 100_000)).toBe('< 0,1 %');
      expect(shareText(2026, 2027)).toBe('> 99,9 %');
    });
  });

  it('sorts health rows by a column with names breaking ties', () => {
    const row = (name: string, balance: number): HealthRow => ({
      key: name,
      name,
      detail: null,
      relationships: 1,
      with_cadence: 0,
      going_cold: 0,
      cold_share: 0,
      given: 0,
      received: 0,
      balance,
      imbalanced: 0,
    });
    const rows = [row('Cas', 2), row('Ann', -1), row('Bob', 2)];
    expect(sortHealth(rows, 'balance', 'desc').map((r) => r.name)).toEqual(['Bob', 'Cas', 'Ann']);
    expect(sortHealth(rows, 'balance', 'asc').map((r) => r.name)).toEqual(['Ann', 'Bob', 'Cas']);
    expect(sortHealth(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Ann', 'Bob', 'Cas']);
  });
});

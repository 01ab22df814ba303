// The Manager of the Network's record screens (goals, Networking Teams, events, partnerships) in
// Dutch: each, on the real core's answers for the demo network, speaks Dutch in its heading,
// buttons, rows and what opens under a row, names the core's codes (a status, a role, a kind) in
// Dutch, and its English heading is gone.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Events from '../src/screens/Events.svelte';
import Goals from '../src/screens/Goals.svelte';
import Partnerships from '../src/screens/Partnerships.svelte';
import Teams from '../src/screens/Teams.svelte';
import { useGolden } from './golden';
import { englishOnly, shownTexts, speak } from './languages';
import goalsEn from '../messages/goals/en.json';
import goalsDe from '../messages/goals/de.json';
import teamsEn from '../messages/teams/en.json';
import teamsDe from '../messages/teams/de.json';
import eventsEn from '../messages/events/en.json';
import eventsDe from '../messages/events/de.json';
import partnershipsEn from '../messages/partnerships/en.json';
import partnershipsDe from '../messages/partnerships/de.json';
import { typeInto } from './ui';

useGolden('manager');

afterEach(() => speak('en'));

/**
 * Renders a record screen in Dutch and waits for its rows (`<testid>-row`): its heading is the
 * Dutch one and the English heading is gone. Answers the rows.
 */
async function inDutch(component: Component, testid: string, dutch: string, english: string) {
  speak('nl');
  render(component);
  await waitFor(() => expect(screen.getAllByTestId(`${testid}-row`).length).toBeGreaterThan(1));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(dutch);
  expect(screen.queryByRole('heading', { name: english })).toBeNull();
  return screen.getAllByTestId(`${testid}-row`);
}

describe('The goals screen in Dutch', () => {
  it('names goals, coverage and the form in Dutch, with no English heading left', async () => {
    const [row] = await inDutch(Goals, 'goal', 'Doelstellingen', 'Goals');
    expect(row.textContent).toMatch(/van \d+ prioritaire stakeholders? gedekt/);
    expect(within(row).getByTestId('goal-status').textContent).toMatch(
      /^(Actief|Bereikt|Geschrapt)/,
    );
    await fireEvent.click(row);
    expect(screen.getByRole('heading', { name: /^Niet gedekt/ })).toBeInTheDocument();
    expect(screen.getByText('Een stakeholder koppelen')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('goal-new'));
    expect(screen.getByText('Prioritaire stakeholders')).toBeInTheDocument();
    expect(screen.getByTestId('goal-save').textContent).toBe('Doelstelling vastleggen');
    expect(screen.queryByText('Set goal')).toBeNull();
  });
});

describe('The Networking Teams screen in Dutch', () => {
  it('counts members, names roles and the stakeholders looked after in Dutch', async () => {
    const [row] = await inDutch(Teams, 'team', 'Netwerkteams', 'Networking Teams');
    expect(row.textContent).toMatch(/\d+ (lid|leden)/);
    expect(row.textContent).not.toMatch(/\bmembers?\b/);
    await fireEvent.click(row);
    expect(screen.getByRole('heading', { name: 'Leden' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Opgevolgde stakeholders' })).toBeInTheDocument();
    const roles = screen.getByRole('combobox', { name: 'Rol' });
    expect([...roles.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Trekker',
      'Lid',
      'Adviseur',
    ]);
    expect(screen.getByRole('button', { name: 'Toevoegen' })).toBeInTheDocument();
  });
});

describe('The events screen in Dutch', () => {
  it('names kinds, counts and the event form in Dutch, with dates as Dutch writes them', async () => {
    const rows = await inDutch(Events, 'event', 'Evenementen', 'Events');
    expect(screen.getByRole('heading', { name: 'Voorbij' })).toBeInTheDocument();
    const row = rows.find((r) => r.textContent?.includes('Havenconferentie'))!;
    expect(row.textContent).toContain('Conferentie');
    expect(row.textContent).toMatch(/\d+ uitgenodigd/);
    expect(row.textContent).toMatch(/\d+ aanwezig/);
    // The date is written the Dutch way: a Dutch month name, no English one.
    expect(row.textContent).toMatch(/(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)/);
    expect(row.textContent).not.toMatch(/\b(invited|attended|Conference)\b/);
    await fireEvent.click(screen.getByTestId('event-new'));
    expect(screen.getByLabelText('Wanneer')).toBe(screen.getByTestId('event-at'));
    const kinds = [...screen.getByTestId('event-kind').querySelectorAll('option')];
    expect(kinds.map((o) => o.textContent)).toContain('Nieuwsbrief');
    expect(screen.getByTestId('event-save').textContent).toBe('Evenement registreren');
  });
});

describe('The partnerships screen in Dutch', () => {
  it('names the status, health band, review and its five behaviours in Dutch', async () => {
    await inDutch(Partnerships, 'partnership', 'Partnerschappen', 'Partnerships');
    const detail = screen.getByTestId('partnership-detail');
    expect(within(detail).getByRole('heading', { name: 'Rode lijnen' })).toBeInTheDocument();
    expect(within(detail).getByText('Volgende evaluatie')).toBeInTheDocument();
    expect(screen.getByTestId('partnership-status').textContent).toMatch(
      /^\s*(In voorbereiding|Actief|Gepauzeerd|Beëindigd)/,
    );
    // The demo's bands are "needs attention" and "healthy": in Dutch, with a decimal comma.
    const health = screen.getAllByTestId('partnership-health').map((b) => b.textContent);
    expect(health.some((t) => /^\d,\d · (aandacht nodig|gezond)$/.test(t ?? ''))).toBe(true);
    expect(health.join()).not.toMatch(/needs attention|healthy/);

    await fireEvent.click(screen.getByTestId('partnership-review'));
    expect(screen.getByText('Waardegedreven leiderschap')).toBeInTheDocument();
    await typeInto('review-score-sharing_credit', '7');
    await fireEvent.click(screen.getByTestId('review-save'));
    expect(
      await screen.findByText(
        'Erkenning delen krijgt een score van 1 tot 5; “7” is geen geldige score.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('review-save').textContent).toBe('Evaluatie bewaren');
  });
});

describe('The record screens in German', () => {
  it.each([
    ['goal', Goals, goalsEn, goalsDe],
    ['team', Teams, teamsEn, teamsDe],
    ['event', Events, eventsEn, eventsDe],
    ['partnership', Partnerships, partnershipsEn, partnershipsDe],
  ] as const)('show no English text of their own: %s', async (testid, component, en, de) => {
    speak('de');
    render(component);
    await waitFor(() => expect(screen.getAllByTestId(`${testid}-row`).length).toBeGreaterThan(1));
    // Open a record where the list does not show one already, and the form.
    if (testid !== 'partnership') await fireEvent.click(screen.getAllByTestId(`${testid}-row`)[0]);
    await fireEvent.click(screen.getByTestId(`${testid}-new`));
    const shown = shownTexts(document.body);
    // Not the example names in placeholders ("Team Haven"): the demo also holds them as data.
    const examples = Object.keys(en).filter((key) => key.endsWith('_example'));
    const english = englishOnly(en, de).filter(
      (text) => shown.has(text) && !examples.some((key) => en[key as keyof typeof en] === text),
    );
    expect(english).toEqual([]);
    expect(shown.size).toBeGreaterThan(20);
  });
});

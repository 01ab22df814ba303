import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { commands } from '../src/lib/bindings';
import Events from '../src/screens/Events.svelte';
import Goals from '../src/screens/Goals.svelte';
import Partnerships from '../src/screens/Partnerships.svelte';
import Teams from '../src/screens/Teams.svelte';
import { useGolden } from './golden';
import { fillNew, typeInto } from './ui';

useGolden('manager');

/** Replaces one command with a spy that still calls the core (its golden answers). */
function spyOn<K extends keyof Commands>(name: K) {
  const spy = vi.fn(commands[name]);
  setBackend({ commands: { ...commands, [name]: spy } as Commands });
  return spy;
}

/** Opens the row of `kind` (`goal`, `event`) that names `text`, then its form, as a manager would. */
async function openForEditing(kind: string, text: string) {
  const row = screen.getAllByTestId(`${kind}-row`).find((r) => r.textContent?.includes(text))!;
  await fireEvent.click(row);
  await fireEvent.click(await screen.findByTestId(`${kind}-edit`));
}

/** The form field (label, input, error) an input sits in. */
const fieldOf = (input: HTMLElement) => input.closest('.field') as HTMLElement;

/**
 * Renders a record screen, opens its `kind` record that names `text` for editing and returns the
 * form's name field, which must hold that name.
 */
async function editRecord(view: Component, kind: string, text: string) {
  render(view);
  await waitFor(() => expect(screen.getAllByTestId(`${kind}-row`).length).toBeGreaterThan(2));
  await openForEditing(kind, text);
  const name = screen.getByTestId(`${kind}-name`) as HTMLInputElement;
  expect(name.value).toBe(text);
  return name;
}

/** Saves with `blank` for a name: the form says `said` next to the name and writes nothing. */
async function refusesBlankName(name: HTMLInputElement, blank: string, said: string, write: Mock) {
  await fireEvent.input(name, { target: { value: blank } });
  await fireEvent.click(screen.getByTestId(name.dataset.testid!.replace(/name$/, 'save')));
  expect(within(fieldOf(name)).getByTestId('field-error').textContent).toBe(said);
  expect(write).not.toHaveBeenCalled();
}

describe('Editing a goal', () => {
  it('opens the form pre-filled, shows a missing name next to the field, saves achieved', async () => {
    const update = spyOn('updateGoal');
    const name = await editRecord(Goals, 'goal', 'Haven en logistiek versterken');
    expect(screen.getAllByTestId('goal-row')).toHaveLength(3);
    // The day as the app's language writes it (British English here), not the system's order.
    expect((screen.getByTestId('goal-until') as HTMLInputElement).value).toBe('22/11/2028');
    expect((screen.getByTestId('goal-description') as HTMLTextAreaElement).value).toMatch(
      /tweede haven van Europa/,
    );
    expect((screen.getByTestId('goal-status-select') as HTMLSelectElement).value).toBe('active');
    // The four priority stakeholders are chips in the form.
    expect(screen.getByRole('button', { name: 'Remove Eurocities' })).toBeVisible();

    await refusesBlankName(name, '  ', 'Give the goal a name.', update);

    await fireEvent.input(name, { target: { value: 'Haven en logistiek versterkt' } });
    await fireEvent.change(screen.getByTestId('goal-status-select'), {
      target: { value: 'achieved' },
    });
    await fireEvent.click(screen.getByTestId('goal-save'));
    await waitFor(() => expect(screen.queryByTestId('goal-save')).not.toBeInTheDocument());

    expect(update).toHaveBeenCalledTimes(1);
    const [, base, goal] = update.mock.calls[0];
    expect(base.status).toBe('active');
    expect(goal.status).toBe('achieved');
    expect(goal.priority_stakeholders).toEqual(base.priority_stakeholders);
    const saved = screen
      .getAllByTestId('goal-row')
      .find((r) => r.textContent?.includes('Haven en logistiek versterkt'))!;
    expect(within(saved).getByTestId('goal-status').textContent).toMatch(/^Achieved/);
  });
});

describe('Editing a partnership', () => {
  async function openEdit() {
    render(Partnerships);
    await waitFor(() => expect(screen.getAllByTestId('partnership-row').length).toBeGreaterThan(1));
    await fireEvent.click(screen.getByTestId('partnership-edit'));
  }

  it('pre-fills the agreement, refuses a review interval of 0 days, saves 30', async () => {
    const update = spyOn('updatePartnership');
    await openEdit();
    expect((screen.getByTestId('partnership-name') as HTMLInputElement).value).toBe(
      'Haven-Stad Samenwerking',
    );
    const every = screen.getByTestId('partnership-every') as HTMLInputElement;
    expect(every.value).toBe('90');
    expect((screen.getByTestId('partnership-red-lines') as HTMLTextAreaElement).value).toBe(
      'Geen samenwerking zonder transparante financiering\ntag:wapenhandel',
    );
    expect((screen.getByTestId('partnership-exit') as HTMLTextAreaElement).value).toMatch(
      /Opzeg met zes maanden/,
    );

    await fireEvent.input(every, { target: { value: '0' } });
    await fireEvent.click(screen.getByTestId('partnership-save'));
    expect(within(fieldOf(every)).getByTestId('field-error').textContent).toMatch(
      /whole number of days/,
    );
    expect(update).not.toHaveBeenCalled();

    await fireEvent.input(every, { target: { value: '30' } });
    await fireEvent.click(screen.getByTestId('partnership-save'));
    await waitFor(() => expect(screen.queryByTestId('partnership-save')).not.toBeInTheDocument());
    const [, base, saved] = update.mock.calls[0];
    expect(base.review_every_days).toBe(90);
    expect(saved.review_every_days).toBe(30);
    // Untouched accountabilities go back as they came (a set: order does not matter).
    expect(saved.accountabilities).toHaveLength(base.accountabilities!.length);
    expect(saved.accountabilities).toEqual(expect.arrayContaining(base.accountabilities!));
    expect(screen.getByTestId('partnership-interval').textContent).toBe('· every 30 days');
  });

  it('asks before ending a partnership, and Escape on the form saves nothing', async () => {
    const update = spyOn('updatePartnership');
    await openEdit();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('partnership-save')).not.toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('partnership-edit'));
    await fireEvent.change(screen.getByTestId('partnership-status-select'), {
      target: { value: 'ended' },
    });
    await fireEvent.click(screen.getByTestId('partnership-save'));
    expect(await screen.findByTestId('partnership-end-confirm')).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();
    // Keep it: back to the form, still unsaved.
    await fireEvent.click(screen.getByTestId('partnership-end-cancel'));
    expect(screen.queryByTestId('partnership-end-confirm')).not.toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('partnership-save'));
    await fireEvent.click(await screen.findByTestId('partnership-end-confirm'));
    await waitFor(() => expect(screen.queryByTestId('partnership-save')).not.toBeInTheDocument());
    expect(update.mock.calls[0][2].status).toBe('ended');
    // Not "Ended since <start>": the start date is when it began.
    expect(screen.getByTestId('partnership-status').textContent).toMatch(/^\s*Ended · started /);
    expect(screen.getByTestId('partnership-review')).toBeDisabled();
    expect(screen.getByTestId('partnership-interval').textContent).toBe('ended: no more reviews');
  });
});

describe('Editing an event', () => {
  it('pre-fills the event, refuses an empty name next to the field, saves the new name', async () => {
    const update = spyOn('updateEvent');
    const name = await editRecord(Events, 'event', 'Havenconferentie');
    expect((screen.getByTestId('event-location') as HTMLInputElement).value).toBe(
      'Stadhuis Antwerpen',
    );
    expect((screen.getByTestId('event-outcomes') as HTMLTextAreaElement).value).toBe(
      'Twee nieuwe contacten voor het netwerk',
    );

    await refusesBlankName(name, '', 'Give the event a name.', update);

    await fireEvent.input(name, { target: { value: 'Havenconferentie 2026' } });
    await typeInto('event-location', 'MAS, Antwerpen');
    await fireEvent.click(screen.getByTestId('event-save'));
    await waitFor(() => expect(screen.queryByTestId('event-save')).not.toBeInTheDocument());
    const [, base, saved] = update.mock.calls[0];
    expect(saved.at).toBe(base.at);
    expect(saved.invited).toEqual(base.invited);
    expect(saved.attending).toEqual(base.attending);
    const edited = screen
      .getAllByTestId('event-row')
      .find((r) => r.textContent?.includes('MAS, Antwerpen'))!;
    expect(edited.textContent).toContain('Havenconferentie 2026');
    expect(edited.textContent).not.toContain('Stadhuis');
  });
});

describe('Renaming a team', () => {
  it('pre-fills the name and purpose and shows the new name in the list', async () => {
    const update = spyOn('updateTeam');
    render(Teams);
    await waitFor(() => expect(screen.getAllByTestId('team-row').length).toBe(3));
    await fireEvent.click(screen.getAllByTestId('team-row')[0]);
    await fireEvent.click(await screen.findByTestId('team-edit'));
    const name = screen.getByTestId('team-name') as HTMLInputElement;
    expect(name.value).toBe('Team Europa');
    expect((screen.getByTestId('team-purpose') as HTMLTextAreaElement).value).toMatch(
      /Europese middelen/,
    );
    await fireEvent.input(name, { target: { value: 'Team Europa en Brussel' } });
    await fireEvent.click(screen.getByTestId('team-save'));
    await waitFor(() => expect(screen.queryByTestId('team-save')).not.toBeInTheDocument());
    const [, base, team] = update.mock.calls[0];
    expect(team.members).toEqual(base.members);
    expect(screen.getAllByTestId('team-title').map((t) => t.textContent)).toContain(
      'Team Europa en Brussel',
    );
  });
});

describe('An event far from today', () => {
  it('asks whether 2099 is meant before recording anything', async () => {
    const create = spyOn('createEvent');
    render(Events);
    await fillNew('event', { name: 'Havendag', at: '2099-06-01T10:00' }, 'event-save');
    const question = await screen.findByTestId('event-at-confirm');
    expect(question.textContent).toContain('1 Jun 2099 is in');
    expect(question.textContent).toContain('is that the date of this event?');
    expect(create).not.toHaveBeenCalled();
  });
});

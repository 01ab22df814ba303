import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { isoDate, addDays } from '../src/lib/dates';
import LogInteraction from '../src/components/LogInteraction.svelte';
import { id } from './ids';
import { typeInto } from './ui';

const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });

function setup(
  logInteraction = vi.fn(() =>
    ok({ interaction: 'i1', follow_up: null, relationships_touched: [] }),
  ),
) {
  setBackend({
    commands: {
      logInteraction,
      appStatus: () =>
        ok({
          profile: null,
          store_path: '',
          node_id: '',
          counts: {},
          settings: { default_visibility: 'private' },
          version: '0',
        }),
      today: () => ok({ due: [], upcoming: [], going_cold: [], going_cold_total: 0 }),
      listConflicts: () => ok([]),
      listDuplicates: () => ok([]),
    } as unknown as Commands,
  });
  const onclose = vi.fn();
  render(LogInteraction, {
    initial: [{ id: id('card-1'), name: 'Jan Peeters' }],
    onclose,
  });
  return { logInteraction, onclose };
}

describe('LogInteraction', () => {
  it('saves with Ctrl+Enter: the open card, the kind, now, the summary', async () => {
    const { logInteraction, onclose } = setup();
    expect(screen.getByText('Jan Peeters')).toBeInTheDocument();
    const summary = screen.getByTestId('log-summary');
    await fireEvent.input(summary, { target: { value: 'Coffee about shore power' } });
    await fireEvent.change(screen.getByTestId('log-kind'), { target: { value: 'call' } });
    await fireEvent.keyDown(summary, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(logInteraction).toHaveBeenCalledTimes(1));
    const input = (logInteraction.mock.calls[0] as unknown as [Record<string, unknown>])[0];
    expect(input).toMatchObject({
      with: ['card-1'],
      kind: 'call',
      summary: 'Coffee about shore power',
      follow_up_text: null,
      follow_up_due: null,
    });
    expect(String(input.at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    await waitFor(() => expect(onclose).toHaveBeenCalled());
  });

  it('asks for a summary and a due date next to the fields, without calling Rust', async () => {
    const { logInteraction } = setup();
    await typeInto('log-follow-up-text', 'Send the draft agreement');
    await fireEvent.click(screen.getByTestId('log-save'));
    const errors = (await screen.findAllByTestId('field-error')).map((e) => e.textContent);
    expect(errors).toContain('Say in a few words what happened.');
    expect(errors).toContain('When is the follow-up due?');
    expect(logInteraction).not.toHaveBeenCalled();
  });

  it('fills the due date from a quick pick and sends the follow-up', async () => {
    const { logInteraction } = setup();
    await typeInto('log-summary', 'Call');
    await typeInto('log-follow-up-text', 'Send the report');
    await fireEvent.click(screen.getByText('+2 weeks'));
    const due = isoDate(addDays(new Date(), 14));
    expect((screen.getByTestId('log-follow-up-due') as HTMLInputElement).value).toBe(due);
    await fireEvent.click(screen.getByTestId('log-save'));
    await waitFor(() =>
      expect(logInteraction).toHaveBeenCalledWith(
        expect.objectContaining({ follow_up_text: 'Send the report', follow_up_due: due }),
      ),
    );
  });

  it('shows a Rust field error next to its field', async () => {
    const logInteraction = vi.fn(() =>
      Promise.resolve({
        status: 'error' as const,
        error: { code: 'invalid', message: 'Choose who the interaction was with.', field: 'with' },
      }),
    );
    setup(logInteraction as never);
    await typeInto('log-summary', 'x');
    await fireEvent.click(screen.getByTestId('log-save'));
    expect(await screen.findByText('Choose who the interaction was with.')).toHaveAttribute(
      'data-testid',
      'field-error',
    );
  });

  it('asks before saving a follow-up due in 2099, and saves once told yes', async () => {
    const { logInteraction } = setup();
    await typeInto('log-summary', 'Call');
    await typeInto('log-follow-up-text', 'Send the report');
    await typeInto('log-follow-up-due', '2099-12-31');
    await fireEvent.click(screen.getByTestId('log-save'));
    const question = await screen.findByTestId('log-due-confirm');
    expect(question.textContent).toContain('31 Dec 2099 is in');
    expect(logInteraction).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('log-due-confirm-yes'));
    await waitFor(() =>
      expect(logInteraction).toHaveBeenCalledWith(
        expect.objectContaining({ follow_up_due: '2099-12-31' }),
      ),
    );
  });

  it('asks before saving a new follow-up already past', async () => {
    const { logInteraction } = setup();
    await typeInto('log-summary', 'Call');
    await typeInto('log-follow-up-text', 'Send the report');
    const lastWeek = isoDate(addDays(new Date(), -7));
    await typeInto('log-follow-up-due', lastWeek);
    await fireEvent.click(screen.getByTestId('log-save'));
    expect((await screen.findByTestId('log-due-confirm')).textContent).toContain('overdue at once');
    expect(logInteraction).not.toHaveBeenCalled();
  });

  it('shows the core’s refusal of a date in the future next to When', async () => {
    const message =
      '2099-12-31 10:00 is in the future: an interaction is something that happened (a day ahead at most); for a contact still to come add a follow-up or an event';
    const logInteraction = vi.fn(() =>
      Promise.resolve({
        status: 'error' as const,
        error: { code: 'invalid', message, field: 'at' },
      }),
    );
    setup(logInteraction as never);
    await typeInto('log-summary', 'x');
    await typeInto('log-at', '2099-12-31T10:00');
    await fireEvent.click(screen.getByTestId('log-save'));
    const error = await screen.findByText(message);
    expect(error).toHaveAttribute('data-testid', 'field-error');
    expect(error.parentElement?.querySelector('#log-at')).not.toBeNull();
  });
});

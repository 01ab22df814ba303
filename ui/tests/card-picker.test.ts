import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import CardPicker from '../src/components/CardPicker.svelte';
import { cardRow } from './ids';

const row = (id: string, name: string) => cardRow(id, name);

describe('CardPicker', () => {
  it('on Enter picks the first match of what is typed now, never a stale answer', async () => {
    const answers: Record<string, ReturnType<typeof row>[]> = {
      j: [row('1', 'Jacobs, Els')],
      jan: [row('2', 'Jan Peeters'), row('3', 'Jan-Willem De Smet')],
    };
    const queryCards = vi.fn(async (q: { text: string }) => ({
      status: 'ok' as const,
      data: { total: 1, offset: 0, rows: answers[q.text] ?? [] },
    }));
    setBackend({ commands: { queryCards } as unknown as Commands });
    const onpick = vi.fn();
    render(CardPicker, { testid: 'p', optionTestid: 'opt', onpick });
    const input = screen.getByTestId('p');
    await fireEvent.input(input, { target: { value: 'j' } });
    await screen.findByText('Jacobs, Els');
    // Typed on and pressed Enter before the answer for "jan" came.
    await fireEvent.input(input, { target: { value: 'jan' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onpick).toHaveBeenCalledTimes(1));
    expect(onpick.mock.calls[0][0].name).toBe('Jan Peeters');
  });

  it('moves through the options with the arrows', async () => {
    const queryCards = vi.fn(async () => ({
      status: 'ok' as const,
      data: { total: 2, offset: 0, rows: [row('2', 'Jan Peeters'), row('3', 'Jan Claes')] },
    }));
    setBackend({ commands: { queryCards } as unknown as Commands });
    const onpick = vi.fn();
    render(CardPicker, { testid: 'p', optionTestid: 'opt', onpick });
    const input = screen.getByTestId('p');
    await fireEvent.input(input, { target: { value: 'jan' } });
    expect(await screen.findAllByTestId('opt')).toHaveLength(2);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onpick.mock.calls[0][0].name).toBe('Jan Claes');
  });
});

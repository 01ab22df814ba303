import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';
import { createRawSnippet, type ComponentProps } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import CardList from '../src/components/CardList.svelte';
import { noCardFilter } from '../src/lib/search';

const TOTAL = 100_000;

function backend() {
  const queryCards = vi.fn(async (q: { text?: string; offset?: number; limit?: number }) => {
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 200;
    const total = q.text ? 3 : TOTAL;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: `id-${offset + i}`,
      kind: 'person',
      name: `${q.text ? 'Jan' : 'Card'} ${offset + i}`,
      detail: null,
      tags: [],
      sector: null,
      level: null,
      strength: 3,
      going_cold: false,
      last_contact: null,
      visibility: null,
    }));
    return { status: 'ok' as const, data: { total, offset, rows } };
  });
  setBackend({ commands: { queryCards } as unknown as Commands });
  return queryCards;
}

const empty = createRawSnippet(() => ({ render: () => '<p>No cards</p>' }));
const filter = noCardFilter;

/** The list's props: every card, nothing selected, callbacks that do nothing unless given. */
function props(given: Partial<ComponentProps<typeof CardList>> = {}) {
  return {
    filter: filter(),
    selectedId: null,
    version: 0,
    onselect: () => {},
    onopen: () => {},
    ontotal: () => {},
    onerror: () => {},
    empty,
    ...given,
  };
}

describe('CardList', () => {
  it('renders a window of rows out of 100,000 and fetches only the first page', async () => {
    const queryCards = backend();
    const ontotal = vi.fn();
    render(CardList, props({ ontotal }));
    await waitFor(() => expect(ontotal).toHaveBeenCalledWith(TOTAL, true));
    const rows = await screen.findAllByTestId('card-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0].dataset.id).toBe('id-0');
    expect(queryCards.mock.calls.every((c) => c[0].offset === 0)).toBe(true);
  });

  it('moves the selection with the keyboard and opens with Enter', async () => {
    backend();
    const onselect = vi.fn();
    const onopen = vi.fn();
    render(CardList, props({ onselect, onopen }));
    await screen.findAllByTestId('card-row');
    const list = screen.getByRole('listbox');
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 'id-1' }));
    await waitFor(() =>
      expect(onselect).toHaveBeenCalledWith(expect.objectContaining({ id: 'id-1' })),
    );
  });

  it('asks once after the typing pauses, and shows the answer to the last question', async () => {
    const queryCards = backend();
    const ontotal = vi.fn();
    const first = props({ ontotal });
    const { rerender } = render(CardList, first);
    await waitFor(() => expect(ontotal).toHaveBeenCalledWith(TOTAL, true));
    queryCards.mockClear();
    await rerender({ ...first, filter: filter('j') });
    await rerender({ ...first, filter: filter('ja') });
    await rerender({ ...first, filter: filter('jan') });
    await waitFor(() => expect(ontotal).toHaveBeenLastCalledWith(3, true));
    const texts = queryCards.mock.calls.map((c) => c[0].text);
    expect(texts).toEqual(['jan']);
    expect((await screen.findAllByTestId('card-row')).map((r) => r.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Jan 0')]),
    );
  });
});

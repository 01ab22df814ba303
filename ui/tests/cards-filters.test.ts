// The card list's filters on the Cards screen: each select offers "any" and the store's values in
// the language, narrows the list when one is chosen and is marked while it is set; the two "new"
// buttons open the card form for their kind.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { CardQuery } from '../src/lib/bindings';
import Cards from '../src/screens/Cards.svelte';
import { answering, ok } from './ui';

function backend() {
  const queryCards = vi.fn((query: CardQuery) =>
    ok({ total: 0, offset: query.offset ?? 0, rows: [] }),
  );
  answering({
    queryCards,
    cardFacets: () => ok({ tags: ['haven'], sectors: ['public', 'knowledge'], levels: ['eu'] }),
  });
  return queryCards;
}

afterEach(() => {
  app.cardForm = null;
});

describe('The Cards screen’s filters', () => {
  it('offer any value or the store’s in words, and narrow the list by the one chosen', async () => {
    const queryCards = backend();
    render(Cards);
    const sector = screen.getByRole('combobox', { name: 'Sector' }) as HTMLSelectElement;
    await waitFor(() =>
      expect([...sector.options].map((o) => o.text)).toEqual(['Any sector', 'Public', 'Knowledge']),
    );
    expect(sector).not.toHaveClass('set');
    const strength = screen.getByRole('combobox', { name: 'Minimum strength' });
    expect([...(strength as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Any strength',
      'Strength 2+',
      'Strength 3+',
      'Strength 4+',
      'Strength 5+',
    ]);

    sector.selectedIndex = 1;
    await fireEvent.change(sector);
    await waitFor(() =>
      expect(queryCards).toHaveBeenLastCalledWith(expect.objectContaining({ sector: 'public' })),
    );
    expect(sector).toHaveClass('set');
    (strength as HTMLSelectElement).selectedIndex = 3;
    await fireEvent.change(strength);
    await waitFor(() =>
      expect(queryCards).toHaveBeenLastCalledWith(
        expect.objectContaining({ sector: 'public', min_strength: 4 }),
      ),
    );
  });

  it('open the card form for a new person or organisation', async () => {
    backend();
    render(Cards);
    await fireEvent.click(screen.getByTestId('new-organisation'));
    expect(app.cardForm).toEqual({ kind: 'organisation', id: null });
    await fireEvent.click(screen.getByTestId('new-person'));
    expect(app.cardForm).toEqual({ kind: 'person', id: null });
    expect(screen.getByTestId('new-person').title).toMatch(/N/);
  });
});

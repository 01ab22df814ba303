// The owner's own scores on a card (RelationshipSection): strength and trust are each five steps,
// lit up to the one chosen (trust none while unrated), and a step pressed rates it so.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import type { CardDetail } from '../src/lib/bindings';
import RelationshipSection from '../src/components/card/RelationshipSection.svelte';
import { id, relationship } from './ids';

const MINE = relationship(1, { stakeholder_name: 'Jan Peeters' });

/** The steps of the score named `name`: which are lit, and which one is checked. */
function steps(name: string) {
  const buttons = within(screen.getByRole('radiogroup', { name })).getAllByRole('radio');
  return {
    lit: buttons.filter((b) => b.classList.contains('on')).map((b) => b.textContent),
    checked: buttons.filter((b) => b.getAttribute('aria-checked') === 'true').map((b) => b.title),
  };
}

describe('A card’s strength and trust', () => {
  it('light the steps up to the score, none for trust while unrated, and rate with a step', async () => {
    const relate = vi.fn(() => Promise.resolve({ status: 'ok' as const, data: null }));
    setBackend({ commands: { relate } as unknown as Commands });
    render(RelationshipSection, {
      card: { id: id('card-1'), name: 'Jan Peeters' } as CardDetail,
      mine: MINE,
      others: [],
      onlog: () => {},
    });
    expect(steps('Strength')).toEqual({ lit: ['1', '2', '3'], checked: ['Strength 3'] });
    expect(steps('Trust')).toEqual({ lit: [], checked: [] });

    await fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Trust' })).getByText('4'));
    expect(relate).toHaveBeenCalledWith(
      id('card-1'),
      expect.objectContaining({ strength: 3, trust: 4 }),
    );
  });
});

// The owner's own scores on a card (RelationshipSection): strength and trust are each five steps,
// lit up to the one chosen (trust none while unrated), and a step pressed rates it so.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import type { CardDetail, RelationshipView } from '../src/lib/bindings';
import RelationshipSection from '../src/components/card/RelationshipSection.svelte';
import { id } from './ids';

const MINE = {
  id: id('rel-1'),
  networker: id('me'),
  networker_name: 'Sofie Maes',
  stakeholder: id('card-1'),
  stakeholder_name: 'Jan Peeters',
  strength: 3,
  trust: null,
  given: [],
  received: [],
  reciprocity_balance: 0,
  since: null,
  cadence_days: null,
  status: 'active',
  last_contact: null,
  going_cold: false,
  visibility: null,
} satisfies RelationshipView;

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

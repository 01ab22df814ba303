import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import type { ErrorCode } from '../src/lib/bindings';
import CardDetail from '../src/components/CardDetail.svelte';
import { id } from './ids';

/** A card that cannot be read, for the reason `code`. */
function failing(code: ErrorCode, message: string) {
  const cardDetail = async () => ({
    status: 'error' as const,
    error: { code, message, field: null },
  });
  setBackend({ commands: { cardDetail } as unknown as Commands });
}

describe('A card that cannot be shown', () => {
  it('offers to try again when reading it failed', async () => {
    failing('failed', 'The store could not be read: disk error.');
    render(CardDetail, { id: id('card') });
    expect(await screen.findByText('The store could not be read: disk error.')).toBeVisible();
    expect(screen.getByText('This card could not be shown')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('does not offer to try again when the card is gone', async () => {
    failing('not_found', 'That card no longer exists.');
    render(CardDetail, { id: id('card') });
    expect(await screen.findByText('That card no longer exists.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

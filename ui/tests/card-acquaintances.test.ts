import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CardDetail from '../src/components/CardDetail.svelte';
import type { CardDetail as Card, RecordId } from '../src/lib/bindings';
import { app } from '../src/lib/app.svelte';
import manager from './golden/manager.json';
import { useGolden } from './golden';

useGolden('manager');

/** The cards the golden answers hold, by kind: a colleague's, and a stakeholder she knows. */
function recorded(kind: string): Card {
  const call = manager.base.find(
    (c) =>
      c.command === 'card_detail' && (c.answer as { data?: { kind?: string } }).data?.kind === kind,
  );
  return (call!.answer as unknown as { data: Card }).data;
}

const names = (testid: string) =>
  screen.getAllByTestId(testid).map((e) => e.textContent?.trim() ?? '');

describe('Cards that read right', () => {
  it('shows on a colleague’s card the stakeholders she knows, each once, not herself', async () => {
    const colleague = recorded('networker');
    render(CardDetail, { id: colleague.id as RecordId });
    await waitFor(() =>
      expect(screen.getAllByTestId('card-known-stakeholders-name').length).toBeGreaterThan(0),
    );
    const shown = names('card-known-stakeholders-name');
    expect(shown).not.toContain(colleague.name);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown[0]).toBe(colleague.acquaintances![0].name);
    expect(screen.getByRole('heading', { name: /Stakeholders .* knows/ })).toHaveTextContent(
      `Stakeholders ${colleague.name} knows (${colleague.acquaintances!.length})`,
    );
    // Her relationships are hers: nothing on her card reads as if colleagues held them.
    expect(screen.queryByText(`Colleagues who know ${colleague.name}`)).toBeNull();
    expect(screen.queryByRole('radiogroup', { name: 'Strength' })).toBeNull();
  });

  it('shows on a stakeholder’s card the colleagues who know them, each once, the owner apart', async () => {
    const stakeholder = recorded('person');
    const me = app.status!.profile!.networker;
    const colleagues = stakeholder.acquaintances!.filter((a) => a.id !== me);
    render(CardDetail, { id: stakeholder.id as RecordId });
    await screen.findByText(`Colleagues who know ${stakeholder.name}`);
    const shown = names('card-colleagues-who-know-name');
    expect(shown).toEqual(colleagues.map((c) => c.name));
    expect(shown).not.toContain(app.status!.profile!.name);
  });
});

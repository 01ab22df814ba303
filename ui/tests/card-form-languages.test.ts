// The card form and the card picker in the app's languages: a new person's and a new
// organisation's form speak Dutch (or French) in their title, labels, visibility choices,
// sectors and buttons, with no English label left, and the picker says in the language that
// nothing matches.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import CardForm from '../src/components/CardForm.svelte';
import CardPicker from '../src/components/CardPicker.svelte';
import { answering, englishAfterEach, speakAsSystem } from './languages';

beforeEach(() => answering({ queryCards: { total: 0, offset: 0, rows: [] } }));
englishAfterEach();

describe('The card form in Dutch', () => {
  it('asks for a new person in Dutch, with no English label left', async () => {
    speakAsSystem('nl');
    render(CardForm, { kind: 'person', id: null, onclose: () => {} });
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Nieuwe persoon' })).toBeVisible();
    expect(within(dialog).getByLabelText('Naam')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Functietitel')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('E-mailadressen')).toBeInTheDocument();
    expect(within(dialog).getByText('Wie deze kaart mag zien')).toBeVisible();
    expect(within(dialog).getByLabelText('Privé')).toBeInTheDocument();
    expect(within(dialog).getByTestId('form-save').textContent).toBe('Kaart toevoegen');
    expect(within(dialog).getByTestId('person-organisation')).toHaveAttribute(
      'placeholder',
      'Zoek een organisatie…',
    );
    await fireEvent.click(within(dialog).getByText('Voornaam, familienaam, aanspreektitel…'));
    expect(within(dialog).getByLabelText('Familienaam')).toBeInTheDocument();
    expect(within(dialog).queryByText('New person')).toBeNull();
    expect(within(dialog).queryByText('Who may see this card')).toBeNull();
  });

  it('names an organisation’s sectors and levels in French', () => {
    speakAsSystem('fr');
    render(CardForm, { kind: 'organisation', id: null, onclose: () => {} });
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Nouvelle organisation' })).toBeVisible();
    const sector = within(dialog).getByLabelText('Secteur') as HTMLSelectElement;
    const sectors = [...sector.options].map((o) => o.textContent?.trim());
    expect(sectors).toEqual([
      '—',
      'Public',
      'Entreprises',
      'Social',
      'Associatif et communautaire',
      'Savoir',
      'Médias',
      'Autre',
    ]);
    const level = within(dialog).getByLabelText('Niveau') as HTMLSelectElement;
    expect([...level.options].map((o) => o.textContent?.trim())).toContain('Régional');
    expect(within(dialog).getByLabelText('Site web')).toBeInTheDocument();
    expect(within(dialog).queryByText('Who may see this card')).toBeNull();
  });
});

describe('The card picker in Dutch', () => {
  it('says in Dutch that no card matches', async () => {
    speakAsSystem('nl');
    render(CardPicker, { testid: 'p', onpick: () => {} });
    const input = screen.getByTestId('p');
    expect(input).toHaveAttribute('placeholder', 'Typ een naam…');
    await fireEvent.input(input, { target: { value: 'xyz' } });
    expect(await screen.findByText('Geen kaart komt overeen met “xyz”.')).toBeInTheDocument();
  });
});

// A card in Dutch and in French: the card screen of a stakeholder from the real core's answers
// (the manager's demo network), switched to each language the way Settings does it, speaks that
// language in its headings, badges, buttons, tooltips and labels, shows the core's codes (kind,
// visibility, interaction kind) in words, and shows no English label of its own.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CardDetail from '../src/components/CardDetail.svelte';
import type { CardDetail as Card, RecordId } from '../src/lib/bindings';
import {
  counted,
  fieldLabel,
  fieldValue,
  interactionLabel,
  linkLabel,
  restrictionLabel,
  statusLabel,
} from '../src/lib/card-labels';
import { m } from '../src/paraglide/messages';
import en from '../messages/cards/en.json';
import nl from '../messages/cards/nl.json';
import fr from '../messages/cards/fr.json';
import manager from './golden/manager.json';
import { useGolden } from './golden';
import { englishOnly, shownTexts, speak } from './languages';

useGolden('manager');

/** A stakeholder's card from the golden answers: a person with a timeline and an affiliation. */
function stakeholder(): Card {
  const cards = manager.base
    .filter((c) => c.command === 'card_detail')
    .map((c) => (c.answer as unknown as { data: Card }).data);
  return cards.find((c) => c.kind === 'person' && c.interactions.length && c.affiliations.length)!;
}

describe('A card in Dutch and in French', () => {
  it('speaks the chosen language, and switches in place without a word of English', async () => {
    const card = stakeholder();
    speak('nl');
    const { container } = render(CardDetail, { id: card.id as RecordId });
    await screen.findByTestId('card-detail-name');

    for (const heading of ['Contact', 'Functies', 'Relatie', 'Opvolgingen', 'Tijdlijn'])
      expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Notities' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Koppelingen' })).toBeInTheDocument();
    expect(screen.getByText('Persoon')).toBeInTheDocument();
    expect(screen.getByTitle('Gedeeld — met de netwerkmanager')).toHaveTextContent('Gedeeld');
    expect(screen.getByRole('button', { name: /Bewerken/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Notitie toevoegen' })).toBeInTheDocument();
    expect(screen.getByPlaceholderText('Notitie toevoegen…')).toBeInTheDocument();
    const kinds = screen
      .getAllByTestId('timeline-item')
      .map((item) => item.querySelector('.kind')!.textContent!.trim());
    expect(kinds.length).toBe(card.interactions.length);
    const dutchKinds = Object.entries(nl)
      .filter(([key]) => key.startsWith('cards_interaction_'))
      .map(([, label]) => label);
    expect(dutchKinds).toContain('Vergadering');
    for (const kind of kinds) expect(dutchKinds, 'the kind in words, not its code').toContain(kind);
    for (const item of screen.getAllByTestId('timeline-item'))
      expect(within(item).getByText(/^Met /)).toBeInTheDocument();
    const dutch = shownTexts(container);
    expect(englishOnly(en, nl).filter((text) => dutch.has(text))).toEqual([]);

    speak('fr');
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Rattachements' })).toBeInTheDocument(),
    );
    for (const heading of ['Relation', 'Suivis', 'Chronologie', 'Notes', 'Liens'])
      expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.getByText('Personne')).toBeInTheDocument();
    expect(screen.getByTitle('Partagé — avec le gestionnaire du réseau')).toHaveTextContent(
      'Partagé',
    );
    expect(screen.getByRole('button', { name: /Modifier/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter un lien' })).toBeInTheDocument();
    expect(screen.getByTitle('Noter une interaction (Ctrl+L)')).toHaveTextContent('Noter');
    const french = shownTexts(container);
    expect(englishOnly(en, fr).filter((text) => french.has(text))).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Timeline' })).toBeNull();
    expect(screen.queryByText('Person')).toBeNull();
  });

  it('counts with the language’s plural rules and digits', () => {
    speak('nl');
    expect(counted(m.common_cards, 1)).toBe('1 kaart');
    expect(counted(m.common_cards, 3)).toBe('3 kaarten');
    expect(counted(m.common_cards, 100_000)).toBe('100.000 kaarten');
    speak('fr');
    expect(counted(m.common_cards, 0), 'French counts nought as one').toBe('0 fiche');
    expect(counted(m.common_cards, 2)).toBe('2 fiches');
    expect(counted(m.common_cards, 1000)).toMatch(/^1\s000 fiches$/u);
    speak('de');
    expect(counted(m.common_cards, 1)).toBe('1 Karte');
    speak('en');
    expect(counted(m.common_cards, 1)).toBe('1 card');
    expect(counted(m.common_cards, 100_000)).toBe('100,000 cards');
  });

  it('names the core’s codes in words, and shows a code it does not know as it is', () => {
    speak('nl');
    expect(interactionLabel('call')).toBe('Telefoongesprek');
    expect(statusLabel('dormant')).toBe('Slapend');
    expect(restrictionLabel('objected')).toBe('Bezwaar');
    expect(fieldLabel('display_name')).toBe('Naam');
    expect(fieldValue('sector', 'public')).toBe('Publiek');
    expect(fieldValue('job_title', null)).toBe('(leeg)');
    expect(fieldLabel('shoe_size'), 'a field a newer Kring wrote').toBe('shoe size');
    expect(linkLabel('works_with')).toBe('werkt samen met');
    expect(linkLabel('co_chairs'), 'a label of the user’s own, as typed').toBe('co_chairs');
    speak('fr');
    expect(interactionLabel('meeting')).toBe('Réunion');
    expect(fieldValue('visibility', 'private')).toBe('Privé');
    speak('en');
    expect(interactionLabel('email')).toBe('Email');
    expect(fieldLabel('job_title')).toBe('Job title');
  });
});

// Data protection in the app's languages: the Data protection screen of a Manager of the Network
// (the real core's answers for the demo network) and a card's Data protection menu speak Dutch,
// French or German with the GDPR's own terms, and no English heading of theirs is left; a
// retention rule typed in Dutch ("600 dagen") is the rule the core was asked to add.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { CardDetail, CardQuery } from '../src/lib/bindings';
import { checkRule, parsePeriod, period } from '../src/lib/protection';
import ProtectionMenu from '../src/components/card/ProtectionMenu.svelte';
import DataProtection from '../src/screens/DataProtection.svelte';
import { expectAllAnswered, replayGolden, type Replay } from './golden';
import { englishAfterEach, renderSpeaking, speakAsSystem } from './languages';
import { typeInto } from './ui';

/** An element's text with its spaces as a reader sees them. */
const words = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

let replay: Replay;
beforeEach(async () => {
  replay = replayGolden('manager');
  app.status = await api.appStatus();
});
afterEach(() => {
  expectAllAnswered(replay);
  app.status = null;
});
englishAfterEach();

describe('The Data protection screen in Dutch', () => {
  it('names the purposes, the lawful basis and the tabs in Dutch, with no English heading left', async () => {
    renderSpeaking('nl', DataProtection, 'Gegevensbescherming');
    const purposes = await screen.findByTestId('protection-purposes');
    expect(
      within(purposes).getByRole('heading', { name: 'Doeleinden en rechtsgrond' }),
    ).toBeVisible();
    expect(purposes.textContent).toContain('Standaard van Kring');
    expect(purposes.textContent).toContain('Taak van algemeen belang — art. 6, lid 1, punt e)');
    expect(screen.getByTestId('rules-empty').textContent).toContain('Geen bewaarregels');
    expect(screen.getByTestId('protection-tab-log').textContent).toBe('Verwerkingslogboek');
    expect(screen.getByTestId('protection-tab-requests').textContent).toBe('Inzageverzoeken');
    expect(screen.queryByText('Purposes and lawful basis')).toBeNull();
    expect(screen.queryByText('Data protection')).toBeNull();
    expect(screen.queryByText(/Public task/)).toBeNull();
    // Kring's default purpose comes from the core in English; the screen names it in Dutch.
    expect(purposes.textContent).toContain('Strategisch relatiebeheer');
    expect(purposes.textContent).toContain('de netwerkmanager van de organisatie');
    expect(purposes.textContent).not.toContain('Strategic relationship management');
    expect(purposes.textContent).not.toContain('job title');
  });

  it('takes a rule typed in Dutch, says it back in Dutch and reviews it in Dutch', async () => {
    speakAsSystem('nl');
    render(DataProtection);
    await fireEvent.click(await screen.findByTestId('rule-new'));
    const form = screen.getByRole('dialog');
    expect(within(form).getByLabelText('Ouder dan (6 jaar, of in dagen)')).toHaveValue('6 jaar');
    expect(within(form).getByText('Leeg te maken velden')).toBeVisible();
    expect(within(form).getByLabelText('samenvatting')).toBeChecked();
    await typeInto('rule-name', 'Meeting summaries');
    await typeInto('rule-after', '600 dagen');
    await fireEvent.click(screen.getByTestId('rule-form-save'));
    expect(await screen.findByText(/Geef de juridische referentie/)).toBeVisible();

    await typeInto('rule-reference', 'Selectielijst lokale besturen, reeks 1.2');
    await fireEvent.click(screen.getByTestId('rule-form-save'));
    await waitFor(() => expect(screen.getAllByTestId('rule-row')).toHaveLength(1));
    const rule = words(screen.getByTestId('rule-row'));
    expect(rule).toContain(
      'Vergaderingen en contactmomenten ouder dan 600 dagen: resultaten, samenvatting leegmaken',
    );
    expect(rule).toContain('Vastgelegd door Lotte Verbruggen op');

    await fireEvent.click(screen.getByTestId('protection-tab-review'));
    await screen.findByTestId('retention-rules');
    expect(screen.getByRole('heading', { name: 'Wat de regels nu zouden doen' })).toBeVisible();
    expect(words(screen.getByTestId('retention-rule'))).toContain('velden leeggemaakt');
    expect(screen.queryByText('What the rules would do now')).toBeNull();
    await fireEvent.click(screen.getByTestId('retention-apply'));
    expect(
      await screen.findByText(/worden in deze databank verwijderd of leeggemaakt/),
    ).toBeVisible();
  });
});

describe('A card’s Data protection menu', () => {
  async function firstPerson(): Promise<CardDetail> {
    const page = await api.queryCards({ text: '', kind: 'person', limit: 1 } as CardQuery);
    return api.cardDetail(page.rows[0].id);
  }

  it('offers the person’s rights in German, French and Dutch', async () => {
    const card = await firstPerson();
    speakAsSystem('de');
    render(ProtectionMenu, { card, onforgotten: () => {} });
    const button = screen.getByTestId('card-protection');
    expect(button.textContent).toBe('Datenschutz ▾');
    expect(button.title).toBe('Datenschutz: die Rechte der betroffenen Person');
    await fireEvent.click(button);
    const menu = screen.getByTestId('card-protection-menu');
    expect(within(menu).getByTestId('protection-report-html').textContent).toBe(
      'Auskunftsbericht (HTML)…',
    );
    expect(within(menu).getByTestId('protection-request').textContent).toBe(
      'Auskunftsersuchen stellen…',
    );
    expect(within(menu).getByTestId('protection-objected').textContent).toBe(
      'Widerspruch vermerken…',
    );
    speakAsSystem('fr');
    expect(within(menu).getByTestId('protection-restricted').textContent).toBe(
      'Enregistrer la limitation…',
    );
    speakAsSystem('nl');
    expect(within(menu).getByTestId('protection-forget').textContent).toBe(
      'Deze persoon vergeten…',
    );
    expect(within(menu).queryByText(/Subject access report/)).toBeNull();
  });
});

describe('Retention periods in each language', () => {
  it('says periods with the language’s words and reads them back', () => {
    speakAsSystem('nl');
    expect(period(2190)).toBe('6 jaar');
    expect(period(1)).toBe('1 dag');
    speakAsSystem('fr');
    expect(period(365)).toBe('1 an');
    expect(period(30)).toBe('30 jours');
    speakAsSystem('de');
    expect(period(730)).toBe('2 Jahre');
    expect(parsePeriod('6 Jahre')).toBe(2190);
    expect(parsePeriod('6 ans')).toBe(2190);
    expect(parsePeriod('6 jaar')).toBe(2190);
    expect(parsePeriod('30 jours')).toBe(30);
    expect(parsePeriod('30 Tage')).toBe(30);
    expect(parsePeriod('zes jaar')).toBeNull();
    const errors = checkRule({
      name: '',
      kind: 'note',
      action: 'remove',
      after: '6 Jahre',
      fields: [],
      legalReference: '',
      description: '',
    });
    expect(errors.name).toBe(
      'Geben Sie der Regel einen Namen (zum Beispiel: Zusammenfassungen von Besprechungen).',
    );
    expect(errors.after_days).toBeUndefined();
  });
});

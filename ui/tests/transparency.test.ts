// The transparency register in the app's languages: the screen's headings, columns, entry kinds,
// quick periods, period line and export dialog speak Dutch (or German), no English heading of
// its own is left, and a period it cannot ask for is refused in the language.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TransparencyRegister } from '../src/lib/bindings';
import Transparency from '../src/screens/Transparency.svelte';
import { id } from './ids';
import { answering, englishAfterEach, renderSpeaking, speakAsSystem } from './languages';
import { typeInto } from './ui';

const REGISTER: TransparencyRegister = {
  from: '2026-01-01',
  to: '2026-11-23',
  generated_at: '2026-11-23T10:00:00Z',
  // The core's tally, shown as it comes.
  summary: '2 contacts: 1 meeting and 1 event',
  entries: [
    {
      date: '2026-03-02',
      id: id('a'),
      kind: 'meeting',
      networkers: ['Sofie Maes'],
      stakeholders: ['Jan Peeters'],
      organisations: ['Port of Antwerp-Bruges'],
      about: 'Havenstrategie',
      outcomes: [],
    },
    {
      date: '2026-05-12',
      id: id('b'),
      kind: 'event: conference',
      networkers: ['Sofie Maes'],
      stakeholders: [],
      organisations: ['VVSG'],
      about: 'Lokale besturen 2026',
      outcomes: ['Vervolgafspraak'],
    },
  ],
};

beforeEach(() => answering({ transparencyRegister: REGISTER }));
englishAfterEach();

describe('The transparency register in Dutch', () => {
  it('speaks Dutch in its heading, columns, kinds, periods and export, with no English left', async () => {
    renderSpeaking('nl', Transparency, 'Transparantieregister');
    const rows = await screen.findAllByTestId('transparency-row');
    expect(screen.queryByRole('heading', { name: 'Transparency register' })).toBeNull();
    for (const column of ['Datum', 'Soort', 'Collega’s', 'Ontmoet', 'Organisaties', 'Onderwerp'])
      expect(screen.getByRole('columnheader', { name: column })).toBeInTheDocument();
    // Newest first: the conference, then the meeting.
    expect(within(rows[0]).getByText('Conferentie')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Vergadering')).toBeInTheDocument();
    const count = screen.getByTestId('transparency-count').textContent ?? '';
    expect(count).toContain('van 1 jan 2026 tot 23 nov 2026');
    expect(count).toContain('opgemaakt');
    expect(screen.getByRole('group', { name: 'Snelle periodes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vorig kwartaal' })).toBeInTheDocument();
    expect(screen.getByTestId('transparency-show').textContent).toBe('Tonen');

    await fireEvent.click(screen.getByTestId('transparency-export-html'));
    expect(screen.getByRole('heading', { name: 'Het register exporteren als HTML' })).toBeVisible();
    expect(screen.getByText(/een pagina om te publiceren of af te drukken/)).toBeVisible();
  });

  it('refuses a period that ends before it starts, in German', async () => {
    speakAsSystem('de');
    render(Transparency);
    await screen.findAllByTestId('transparency-row');
    await typeInto('transparency-from', '2026-12-01');
    await typeInto('transparency-to', '2026-11-01');
    await fireEvent.click(screen.getByTestId('transparency-show'));
    expect(screen.getByTestId('field-error').textContent).toBe(
      'Der erste Tag liegt nach dem letzten.',
    );
    expect(screen.getByRole('button', { name: 'Letzte 30 Tage' })).toBeInTheDocument();
  });
});

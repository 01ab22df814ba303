// The network map, Sync and the export dialog in Dutch (and the map's words in French and
// German): each screen, switched to a language the way Settings does it, speaks it in its
// headings, buttons, legend, counts and help, shows the core's codes (sector, level, a tie's
// kind) in words, and keeps no English heading of its own.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { AppStatus, MapData } from '../src/lib/bindings';
import {
  kindLabel,
  levelLabel,
  registerKindLabel,
  SECTOR_CODES,
  sectorLabel,
  visibilityHelp,
} from '../src/lib/card-labels';
import { drawnSubtitle, legendLabel, summariseNode, tiesText } from '../src/lib/map';
import ExportDialog from '../src/components/ExportDialog.svelte';
import NetworkMap from '../src/screens/NetworkMap.svelte';
import Sync from '../src/screens/Sync.svelte';
import { englishOnly, shownTexts } from './languages';
import mapEn from '../messages/map/en.json';
import mapNl from '../messages/map/nl.json';
import syncEn from '../messages/sync/en.json';
import syncNl from '../messages/sync/nl.json';

/** The area's English texts that Dutch writes otherwise, found on screen (none should be). */
function english(en: Record<string, unknown>, nl: Record<string, unknown>): string[] {
  const shown = shownTexts(document.body);
  // A word both languages write alike under another key ("Import" the heading) is Dutch too.
  const dutch = new Set(Object.values(nl));
  return englishOnly(en, nl).filter((text) => shown.has(text) && !dutch.has(text));
}

// sigma.js needs WebGL, which jsdom has not: the map's words are around the canvas, not in it.
vi.mock('../src/components/map/MapCanvas.svelte', () => ({ default: () => {} }));

type Locale = 'nl' | 'fr' | 'de' | 'en';

/** Chooses the language as Settings does: in the store's settings, read by `language`. */
function speak(language: Locale) {
  const profile = { networker: 'n1', name: 'Sofie', role: 'manager' };
  app.status = { profile, demo: false, settings: { language } } as unknown as AppStatus;
  flushSync();
}

const card = { tags: [], cards: 1, left: false, degree: 1, weighted_degree: 1, betweenness: 0 };
const tie = { weight: 0.5, trust: null, last_contact: null, interactions: 0, spells: [] };

// A colleague (team Haven) knows the Port (business, regional) and Anna who works there.
const map = {
  generated_at: '2026-11-01T00:00:00Z',
  nodes: [
    { ...card, id: 'Els', name: 'Els', kind: 'networker', unit: 'Haven', community: 0 },
    { ...card, id: 'Port', name: 'Port', kind: 'organisation', community: 1 },
    { ...card, id: 'Anna', name: 'Anna', kind: 'person', community: 0 },
  ].map((n) => ({ unit: null, sector: null, level: null, first_seen: null, ...n })),
  edges: [
    { ...tie, source: 'Els', target: 'Port', kinds: ['relationship'], strength: 4 },
    { ...tie, source: 'Els', target: 'Anna', kinds: ['relationship'], strength: 2 },
    { ...tie, source: 'Anna', target: 'Port', kinds: ['affiliation'], current_affiliation: true },
  ].map((e) => ({ strength: null, current_affiliation: false, ...e })),
  communities: [],
  modularity: null,
  betweenness_exact: true,
  total_nodes: 3,
} as unknown as MapData;
Object.assign(map.nodes[1], { sector: 'business', level: 'regional' });

/** The export preview: 120 records leave, 7 private ones stay. */
const preview = {
  records: 120,
  bytes: 2048,
  private_kept_back: 7,
  summarised: 3,
  unchanged_left_out: 40,
};

/** A backend answering the map and the export preview; every other command an empty success. */
function backend() {
  const ok = (data: unknown) => Promise.resolve({ status: 'ok' as const, data });
  const answers: Record<string, unknown> = { networkMap: map, exportPreview: preview };
  const commands = new Proxy({}, { get: (_, name: string) => () => ok(answers[name] ?? null) });
  setBackend({ commands: commands as Commands });
}

afterEach(() => {
  app.status = null;
});

describe('the network map in Dutch', () => {
  it('says its title, subtitle, counts, legend, filters and choices in Dutch', async () => {
    backend();
    speak('nl');
    render(NetworkMap);
    await waitFor(() => expect(screen.getByTestId('map-node-count')).toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Netwerkkaart');
    expect(screen.queryByText('Network map')).toBeNull();
    const main = document.body.textContent!;
    expect(main).toContain('Wie kent wie: alle 2 kaarten en 1 collega, gekleurd per gemeenschap');
    expect(screen.getByTestId('map-node-count').textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '3 knopen · 3 verbindingen',
    );
    const legend = within(screen.getByTestId('map-legend'));
    expect(legend.getByText('Gemeenschap 1')).toBeInTheDocument();
    expect(screen.getByText('Kleuren volgens')).toBeInTheDocument();
    expect(screen.queryByText('Colour by')).toBeNull();
    expect(screen.getByRole('button', { name: 'Introducties zoeken' })).toBeInTheDocument();
    // The sector and level filters offer the codes in words.
    const sectors = [...screen.getByTestId('map-filter-sector').querySelectorAll('option')];
    expect(sectors.map((o) => o.textContent)).toEqual(['Elke sector', 'Bedrijfsleven']);
    const levels = [...screen.getByTestId('map-filter-level').querySelectorAll('option')];
    expect(levels.map((o) => o.textContent)).toEqual(['Elk niveau', 'Regionaal']);
    // Coloured by sector, the legend names the sector, not its code.
    await fireEvent.change(screen.getByTestId('map-colour-by'), { target: { value: 'sector' } });
    expect(legend.getByText('Bedrijfsleven')).toBeInTheDocument();
    expect(legend.getByText('Netwerkers')).toBeInTheDocument();
    expect(legend.queryByText('business')).toBeNull();
    expect(english(mapEn, mapNl)).toEqual([]);
  });

  it('sums a node up in the language: its kind, sector and level, who it knows', () => {
    const byId = new Map(map.nodes.map((n) => [n.id as string, n]));
    speak('nl');
    const port = summariseNode(map, byId, 'Port')!;
    expect([port.kind, port.organisation, port.tiesLabel]).toEqual([
      'Organisatie',
      'Bedrijfsleven · Regionaal',
      'Relaties',
    ]);
    expect(tiesText(port, 3)).toBe('1 collega: Els');
    expect(tiesText(summariseNode(map, byId, 'Els')!)).toBe('2 stakeholders');
    speak('fr');
    expect(tiesText(summariseNode(map, byId, 'Els')!, 1)).toBe('2 parties prenantes : Port…');
    expect(drawnSubtitle(map.nodes, 10)).toBe('les 3 plus centrales parmi 10 fiches et collègues');
    expect(legendLabel('c:2')).toBe('Communauté 2');
    speak('de');
    expect(drawnSubtitle(map.nodes.slice(1), 2)).toBe('alle 2 Karten');
    expect(summariseNode(map, byId, 'Els')!.organisationLabel).toBe('Team');
  });
});

describe("the labels of the core's codes", () => {
  it('follow the language, and offer the seven sectors an organisation is given', () => {
    speak('nl');
    expect(kindLabel('networker')).toBe('Collega');
    expect(sectorLabel('voluntary')).not.toBe('voluntary');
    expect(levelLabel('eu')).toBe('EU');
    expect(registerKindLabel('event: conference')).toBe('Conferentie');
    expect(visibilityHelp('private')).not.toContain('never leaves');
    expect(SECTOR_CODES).toHaveLength(7);
    speak('en');
    expect(kindLabel('networker')).toBe('Colleague');
    expect(registerKindLabel('email')).toBe('E-mail');
    expect(kindLabel('some_new_kind')).toBe('some new kind');
  });
});

describe('Sync in Dutch', () => {
  it('says its sections, the export preview and its buttons in Dutch', async () => {
    backend();
    speak('nl');
    render(Sync);
    await waitFor(() =>
      expect(screen.getByTestId('export-preview').textContent).toContain('120 records'),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Synchronisatie');
    const preview = screen.getByTestId('export-preview').textContent!.replace(/\s+/g, ' ');
    expect(preview).toContain('120 records worden gedeeld');
    expect(preview).toContain('7 privé-items blijven op deze computer');
    expect(screen.getByText('Adresboeken en agenda’s')).toBeInTheDocument();
    expect(screen.getByText('Opslaan als')).toBeInTheDocument();
    expect(screen.queryByText('Address books and calendars')).toBeNull();
    expect(screen.queryByText('Save as')).toBeNull();
    expect(english(syncEn, syncNl)).toEqual([]);
    // A path left empty is refused in Dutch, under the field.
    await fireEvent.click(screen.getByTestId('export-run'));
    expect(screen.getByTestId('field-error').textContent).toBe(
      'Kies waar u de export wilt bewaren, of typ een pad.',
    );
  });
});

describe('the export dialog in Dutch', () => {
  it('asks where to save in Dutch and refuses an empty path in Dutch', async () => {
    speak('nl');
    render(ExportDialog, {
      format: { title: 'T', intro: 'I', ext: 'csv', filter: 'CSV', name: 'x.csv' },
      run: () => Promise.resolve('done'),
      onclose: () => {},
    });
    expect(screen.getByText('Opslaan als')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuleren' })).toBeInTheDocument();
    expect(screen.queryByText('Cancel')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-dialog-run'));
    expect(screen.getByTestId('field-error').textContent).toBe(
      'Kies waar u het bestand wilt bewaren, of typ een pad.',
    );
  });
});

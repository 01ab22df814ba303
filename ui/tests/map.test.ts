import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { CardDetail, GridStakeholder, MapData, MapEdge, MapNode } from '../src/lib/bindings';
import {
  NO_FILTERS,
  adjacency,
  applyFilters,
  comboKey,
  drawnSubtitle,
  edgeInWindow,
  fanOut,
  neighbourhood,
  pathTies,
  premultiplied,
  quadrantOf,
  scoreAt,
  searchNodes,
  spreadBox,
  strongestTies,
  summariseCard,
  summariseNode,
  tiesText,
  toSvg,
  unpremultiplied,
} from '../src/lib/map';
import { LayoutCache, layoutKey } from '../src/lib/map-positions';
import NodeCombo from '../src/components/map/NodeCombo.svelte';
import { id } from './ids';

function node(name: string, kind: MapNode['kind'], extra: Partial<MapNode> = {}): MapNode {
  return {
    id: id(name),
    name,
    kind,
    unit: null,
    sector: null,
    level: null,
    tags: [],
    cards: 1,
    left: false,
    degree: 0,
    weighted_degree: 0,
    betweenness: 0,
    community: 0,
    first_seen: null,
    ...extra,
  };
}

function edge(source: string, target: string, extra: Partial<MapEdge> = {}): MapEdge {
  return {
    source: id(source),
    target: id(target),
    weight: 0.5,
    kinds: ['link'],
    strength: null,
    trust: null,
    last_contact: null,
    interactions: 0,
    current_affiliation: false,
    spells: [],
    ...extra,
  };
}

// A networker N (team Haven) knows Port (business) and Anna (person at Port) well, and Uni
// (knowledge) weakly; Bert works at Uni; Mia (team Klimaat) knows Bert.
const data: MapData = {
  generated_at: null,
  nodes: [
    node('N', 'networker', { unit: 'Haven' }),
    node('M', 'networker', { unit: 'Klimaat' }),
    node('Port', 'organisation', { sector: 'business', level: 'regional', tags: ['haven'] }),
    node('Uni', 'organisation', { sector: 'knowledge', level: 'regional' }),
    node('Anna', 'person', { tags: ['haven'] }),
    node('Bert', 'person'),
  ],
  edges: [
    edge('N', 'Port', {
      kinds: ['relationship'],
      strength: 5,
      last_contact: '2026-10-01',
      spells: [{ start: '2024-01-01', end: null }],
    }),
    edge('N', 'Anna', {
      kinds: ['relationship'],
      strength: 4,
      spells: [{ start: '2025-03-01', end: '2025-06-01' }],
    }),
    edge('N', 'Uni', { kinds: ['relationship'], strength: 2, last_contact: '2023-05-05' }),
    edge('Anna', 'Port', {
      kinds: ['affiliation'],
      current_affiliation: true,
      spells: [{ start: '2020-01-01', end: null }],
    }),
    edge('Bert', 'Uni', { kinds: ['affiliation'], spells: [{ start: '2019-01-01', end: null }] }),
    edge('M', 'Bert', {
      kinds: ['relationship'],
      strength: 3,
      spells: [{ start: '2026-01-01', end: null }],
    }),
  ],
  communities: [],
  modularity: 0,
  betweenness_exact: true,
  total_nodes: 6,
};
const ids = (s: Set<string>) => [...s].sort();

describe('map filters', () => {
  it('with no filter everything shows', () => {
    const v = applyFilters(data, NO_FILTERS);
    expect(v.nodes.size).toBe(6);
    expect(v.edges.size).toBe(6);
  });

  it('a sector keeps its organisations and the people and networkers tied to them', () => {
    const v = applyFilters(data, { ...NO_FILTERS, sector: 'knowledge' });
    // Uni matches; N (networker) and Bert (person) are tied to it; Port does not match.
    expect(ids(v.nodes)).toEqual(['Bert', 'N', 'Uni']);
    // N–Uni and Bert–Uni; M is not tied to Uni.
    expect(v.edges).toEqual(new Set([2, 4]));
  });

  it('a team keeps its networkers and their stakeholders', () => {
    const v = applyFilters(data, { ...NO_FILTERS, team: 'Klimaat' });
    expect(ids(v.nodes)).toEqual(['Bert', 'M']);
  });

  it('a minimum strength hides weaker relationships and the nodes left alone', () => {
    const v = applyFilters(data, { ...NO_FILTERS, minStrength: 4 });
    // N–Uni (2) and M–Bert (3) go; the affiliations stay; M is left with no tie.
    expect(v.edges).toEqual(new Set([0, 1, 3, 4]));
    expect(ids(v.nodes)).toEqual(['Anna', 'Bert', 'N', 'Port', 'Uni']);
  });

  it('a time window keeps ties whose spells (or last contact) touch it', () => {
    expect(edgeInWindow(data.edges[1], '2025-07-01', '')).toBe(false);
    expect(edgeInWindow(data.edges[1], '2025-05-01', '2025-05-02')).toBe(true);
    expect(edgeInWindow(data.edges[2], '2023-01-01', '2023-12-31')).toBe(true);
    expect(edgeInWindow(data.edges[2], '2024-01-01', '')).toBe(false);
    const v = applyFilters(data, { ...NO_FILTERS, from: '2026-01-01', to: '2026-12-31' });
    // Open spells: N–Port, Anna–Port, Bert–Uni, M–Bert; Anna's relationship ended in 2025,
    // N–Uni's last contact was 2023.
    expect(v.edges).toEqual(new Set([0, 3, 4, 5]));
  });

  it('a tag applies to stakeholders, not to networkers', () => {
    const v = applyFilters(data, { ...NO_FILTERS, tag: 'haven' });
    expect(ids(v.nodes)).toEqual(['Anna', 'N', 'Port']);
  });
});

describe('neighbourhoods and search', () => {
  const adj = adjacency(data);
  it('one hop is the node and its neighbours; two hops their neighbours too', () => {
    expect(ids(neighbourhood(adj, 'Uni', 1))).toEqual(['Bert', 'N', 'Uni']);
    expect(ids(neighbourhood(adj, 'Uni', 2))).toEqual(['Anna', 'Bert', 'M', 'N', 'Port', 'Uni']);
  });
  it('over the visible ties only', () => {
    const v = applyFilters(data, { ...NO_FILTERS, minStrength: 4 });
    expect(ids(neighbourhood(adjacency(data, v.edges), 'N', 1))).toEqual(['Anna', 'N', 'Port']);
  });
  it('search matches word prefixes without accents, most central first', () => {
    const nodes = [
      node('a', 'person', { name: 'Jan Peeters', weighted_degree: 1 }),
      node('b', 'person', { name: 'Jürgen Janssens', weighted_degree: 3 }),
      node('c', 'organisation', { name: 'Stad Gent' }),
    ];
    expect(searchNodes(nodes, 'jan').map((n) => n.id)).toEqual(['b', 'a']);
    expect(searchNodes(nodes, 'jur jan').map((n) => n.id)).toEqual(['b']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });
  it('a path is its consecutive ties, either way round', () => {
    expect(pathTies(['N', 'Anna', 'Port'])).toEqual(new Set(['Anna|N', 'Anna|Port']));
  });
});

describe('ties drawn on a large map', () => {
  const edge = (weight: number | null) => ({ weight }) as unknown as MapEdge;
  it('every visible tie up to the limit, else the strongest (ties by order)', () => {
    const edges = [edge(0.2), edge(0.9), edge(null), edge(0.5), edge(0.9)];
    const visible = new Set([0, 1, 2, 3, 4]);
    expect(strongestTies(edges, visible, 5)).toBe(visible);
    expect([...strongestTies(edges, visible, 3)].sort()).toEqual([1, 3, 4]);
    expect([...strongestTies(edges, visible, 1)]).toEqual([1]);
    // Only visible ties count.
    expect([...strongestTies(edges, new Set([0, 2, 3]), 2)].sort()).toEqual([0, 3]);
  });
});

describe('SVG export', () => {
  it('fits the nodes into the picture, edges under nodes, labels escaped', () => {
    const svg = toSvg(
      [
        { id: 'a', x: 0, y: 0, size: 5, color: '#f00', label: 'Ports & <Harbours>' },
        { id: 'b', x: 10, y: 10, size: 3, color: '#00f' },
      ],
      [{ source: 'a', target: 'b', color: 'rgba(0,0,0,0.2)', size: 1 }],
      { width: 200, height: 100, background: '#fff', text: '#111' },
    );
    // Margin 40, scale min(120/10, 20/10) = 2: a at (40, 60), b at (60, 40) — y up.
    expect(svg).toContain('<line x1="40" y1="60" x2="60" y2="40"');
    expect(svg).toContain('<circle cx="40" cy="60" r="5" fill="#f00"/>');
    expect(svg).toContain('<circle cx="60" cy="40" r="3" fill="#00f"/>');
    expect(svg).toContain('>Ports &amp; &lt;Harbours&gt;</text>');
    expect(svg.indexOf('<line')).toBeLessThan(svg.indexOf('<circle'));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.getElementsByTagName('circle').length).toBe(2);
  });
});

describe('stakeholder grid geometry', () => {
  const s = (ratings: [number, number][]): GridStakeholder => ({
    stakeholder: { id: id('x'), name: 'X' },
    kind: 'organisation',
    ratings: ratings.map(([power, interest], i) => ({
      id: id(String(i)),
      networker: { id: id(`n${i}`), name: `N${i}` },
      power,
      interest,
      note: null,
      rated_at: '2026-11-23T10:00:00Z',
      mine: i === 0,
      conflicted: false,
    })),
    power: {
      mean: 3,
      min: Math.min(...ratings.map((r) => r[0])),
      max: Math.max(...ratings.map((r) => r[0])),
      std_dev: 0,
    },
    interest: {
      mean: 3,
      min: Math.min(...ratings.map((r) => r[1])),
      max: Math.max(...ratings.map((r) => r[1])),
      std_dev: 0,
    },
  });
  it('quadrants', () => {
    expect(quadrantOf(5, 5)).toBe('manage closely');
    expect(quadrantOf(4, 1)).toBe('keep satisfied');
    expect(quadrantOf(2, 3)).toBe('keep informed');
    expect(quadrantOf(1, 2)).toBe('monitor');
  });
  it('a drop lands on the cell under it', () => {
    expect([0, 0.19, 0.2, 0.99, 1].map(scoreAt)).toEqual([1, 1, 2, 5, 5]);
  });
  it('the spread box spans every rating: power 1–5, interest 2–4', () => {
    const box = spreadBox(
      s([
        [1, 2],
        [5, 4],
        [3, 3],
      ]),
    );
    // Cell centres at (score − 0.5) / 5.
    expect(box).toEqual({ left: 0.3, right: 0.7, bottom: 0.1, top: 0.9 });
  });
  it('ratings in one cell fan out so every dot shows', () => {
    const offsets = fanOut(
      [
        { power: 3, interest: 3 },
        { power: 3, interest: 3 },
        { power: 5, interest: 1 },
      ],
      10,
    );
    expect(offsets[2]).toEqual([0, 0]);
    expect(offsets[0]).toEqual([0, -10]);
    expect(offsets[1]).toEqual([0, 10]);
  });
});

describe('translucent tie colours', () => {
  it('are premultiplied for the WebGL canvases and put back for SVG', () => {
    // Unmultiplied, rgba(80,90,110,0.32) on a transparent canvas composites as almost white.
    expect(premultiplied(80, 90, 110, 0.32)).toBe('rgba(26,29,35,0.32)');
    expect(premultiplied(170, 180, 200, 0.5)).toBe('rgba(85,90,100,0.5)');
    expect(unpremultiplied('rgba(85,90,100,0.5)')).toBe('rgba(170,180,200,0.5)');
    expect(unpremultiplied('#2f6bd8')).toBe('#2f6bd8');
    expect(unpremultiplied('rgba(0,0,0,0)')).toBe('rgba(0,0,0,0)');
  });
});

describe('what the map says it draws', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => node(`p${i}`, 'person'));
  it('every card when nothing was left out, however high the limit; colleagues apart', () => {
    // The Cards list counts stakeholders: the map's figure is the same.
    expect(drawnSubtitle(data.nodes, 6)).toBe('all 4 cards and 2 colleagues');
    expect(drawnSubtitle(people(4), 4)).toBe('all 4 cards');
    expect(drawnSubtitle(people(1), 1)).toBe('the one card');
    expect(drawnSubtitle([data.nodes[0]], 1)).toBe('the one colleague');
  });
  it('how many of how many when the limit left some out', () => {
    expect(drawnSubtitle(people(5000), 12345)).toBe(
      'the 5,000 most central of 12,345 cards and colleagues',
    );
  });
  it('a path may add nodes beyond the limit: still all when all are drawn', () => {
    expect(drawnSubtitle(people(1002), 1002)).toBe('all 1,002 cards');
  });
});

describe('a node summed up (hover card and focus panel)', () => {
  const byId = new Map(data.nodes.map((n) => [n.id as string, n]));
  it('a person: kind, current organisation, strongest tie, last contact, who knows them', () => {
    const anna = summariseNode(data, byId, 'Anna')!;
    expect(anna).toMatchObject({
      name: 'Anna',
      kind: 'Person',
      organisation: 'Port',
      organisationLabel: 'Organisation',
      strength: 4,
      lastContact: null,
      tiesLabel: 'Relationships',
    });
    expect(anna.ties).toEqual([{ id: 'N', name: 'N', strength: 4, left: false }]);
    expect(tiesText(anna, 3)).toBe('1 colleague: N');
  });
  it('an organisation: its sector and level, the latest contact of its relationships', () => {
    const port = summariseNode(data, byId, 'Port')!;
    expect(port.kind).toBe('Organisation');
    expect(port.organisation).toBe('Business · Regional');
    expect(port.strength).toBe(5);
    expect(port.lastContact).toBe('2026-10-01');
    // Anna works there (an affiliation), she does not know it: not among who knows Port.
    expect(port.ties.map((t) => t.name)).toEqual(['N']);
  });
  it('a colleague: their team and the stakeholders they know, strongest first, no strength', () => {
    const n = summariseNode(data, byId, 'N')!;
    expect(n.kind).toBe('Colleague');
    expect(n.organisation).toBe('Haven');
    expect(n.strength).toBeNull();
    expect(n.tiesLabel).toBe('Relationships');
    expect(n.ties.map((t) => `${t.name} ${t.strength}`)).toEqual(['Port 5', 'Anna 4', 'Uni 2']);
    expect(n.lastContact).toBe('2026-10-01');
    expect(tiesText(n, 2)).toBe('3 stakeholders: Port, Anna…');
    expect(tiesText(n)).toBe('3 stakeholders');
  });
  it('a colleague who left says so, and their ties count for no strength or contact', () => {
    const left = new Map(byId);
    left.set('N', { ...byId.get('N')!, left: true });
    expect(summariseNode(data, left, 'N')!.kind).toBe('Colleague who left');
    const port = summariseNode(data, left, 'Port')!;
    expect(port.strength).toBeNull();
    expect(port.lastContact).toBeNull();
    expect(tiesText(port, 3)).toBe('1 colleague: N (left)');
    expect(summariseNode(data, byId, 'nobody')).toBeNull();
  });
  it('from the card: every colleague who knows them, the latest contact, current jobs only', () => {
    const card = {
      id: 'Bert',
      name: 'Bert',
      kind: 'person',
      affiliations: [
        { person: 'Bert', organisation_name: 'Uni', current: true },
        { person: 'Bert', organisation_name: 'Old job', current: false },
      ],
      acquaintances: [
        { id: 'M', name: 'M', strength: 3, last_contact: '2026-02-01' },
        { id: 'X', name: 'X (not on the map)', strength: 5, last_contact: '2026-03-01' },
      ],
    } as unknown as CardDetail;
    const bert = summariseCard(card, byId.get('Bert'));
    expect(bert.organisation).toBe('Uni');
    expect(bert.strength).toBe(5);
    expect(bert.lastContact).toBe('2026-03-01');
    expect(bert.ties.map((t) => t.name)).toEqual(['X (not on the map)', 'M']);
    expect(bert.tiesLabel).toBe('Known by');
    expect(tiesText(summariseCard({ ...card, acquaintances: [] }, undefined))).toBe('nobody now');
  });
});

describe('the search list from the keyboard', () => {
  it('↓ goes to the first option, then on, and wraps', () => {
    expect(comboKey('ArrowDown', -1, 3)).toEqual({ type: 'move', active: 0 });
    expect(comboKey('ArrowDown', 1, 3)).toEqual({ type: 'move', active: 2 });
    expect(comboKey('ArrowDown', 2, 3)).toEqual({ type: 'move', active: 0 });
  });
  it('↑ from nothing or the first goes to the last', () => {
    expect(comboKey('ArrowUp', -1, 3)).toEqual({ type: 'move', active: 2 });
    expect(comboKey('ArrowUp', 0, 3)).toEqual({ type: 'move', active: 2 });
    expect(comboKey('ArrowUp', 2, 3)).toEqual({ type: 'move', active: 1 });
  });
  it('Enter picks the active option, the first when none is', () => {
    expect(comboKey('Enter', 1, 3)).toEqual({ type: 'pick', index: 1 });
    expect(comboKey('Enter', -1, 3)).toEqual({ type: 'pick', index: 0 });
  });
  it('with no option the keys are the text box’s, but Escape still closes', () => {
    expect(comboKey('Enter', -1, 0)).toEqual({ type: 'none' });
    expect(comboKey('ArrowDown', -1, 0)).toEqual({ type: 'none' });
    expect(comboKey('Escape', 0, 0)).toEqual({ type: 'close' });
    expect(comboKey('Home', 1, 3)).toEqual({ type: 'none' });
  });
});

describe('the map search from the keyboard (NodeCombo)', () => {
  const nodes = [
    node('Jan Peeters', 'person', { weighted_degree: 3 }),
    node('Jana Smets', 'person', { weighted_degree: 2 }),
    node('Janus Vos', 'person', { weighted_degree: 1 }),
  ];

  it('↓ moves the active option (aria-activedescendant), Enter picks it', async () => {
    const onpick = vi.fn();
    render(NodeCombo, {
      nodes,
      placeholder: 'Name…',
      testid: 'search',
      optionTestid: 'option',
      detail: (n: MapNode) => (n.name === 'Jana Smets' ? 'Stad Gent' : null),
      onpick,
    });
    const box = screen.getByTestId('search');
    await fireEvent.input(box, { target: { value: 'jan' } });
    const shown = screen
      .getAllByTestId('option')
      .map((o) => o.textContent?.replace(/\s+/g, ' ').trim());
    expect(shown).toEqual([
      'Jan Peeters Person',
      'Jana Smets Person · Stad Gent',
      'Janus Vos Person',
    ]);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    const active = box.getAttribute('aria-activedescendant')!;
    const option = document.getElementById(active)!;
    expect(option.textContent).toContain('Jana Smets');
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(option.getAttribute('role')).toBe('option');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onpick).toHaveBeenCalledTimes(1);
    expect(onpick.mock.calls[0][0].name).toBe('Jana Smets');
  });

  it('Escape closes the list and the box keeps the text', async () => {
    render(NodeCombo, {
      nodes,
      placeholder: 'Name…',
      testid: 'search',
      optionTestid: 'option',
      onpick: vi.fn(),
    });
    const box = screen.getByTestId('search') as HTMLInputElement;
    await fireEvent.input(box, { target: { value: 'janu' } });
    expect(screen.getAllByTestId('option')).toHaveLength(1);
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryAllByTestId('option')).toHaveLength(0);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.value).toBe('janu');
    // ↓ opens it again.
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByTestId('option')).toHaveLength(1);
  });
});

describe('the layouts kept for coming back to the map', () => {
  const data = {
    nodes: [node('A', 'person'), node('B', 'person'), node('C', 'person')],
    edges: [edge('A', 'B'), edge('B', 'C')],
  } satisfies Pick<MapData, 'nodes' | 'edges'>;

  it('the same graph has the same key; another node, tie or weight another', () => {
    const again = {
      nodes: data.nodes.map((n) => ({ ...n, betweenness: 7 })),
      edges: data.edges.map((e) => ({ ...e, last_contact: '2026-01-01' })),
    };
    expect(layoutKey(again)).toBe(layoutKey(data));
    expect(layoutKey({ ...data, nodes: [...data.nodes, node('D', 'person')] })).not.toBe(
      layoutKey(data),
    );
    expect(layoutKey({ ...data, edges: [edge('A', 'B'), edge('A', 'C')] })).not.toBe(
      layoutKey(data),
    );
    expect(
      layoutKey({ ...data, edges: [edge('A', 'B', { weight: 0.9 }), edge('B', 'C')] }),
    ).not.toBe(layoutKey(data));
    // The same nodes in another order are another drawing (positions go by order).
    expect(layoutKey({ ...data, nodes: [...data.nodes].reverse() })).not.toBe(layoutKey(data));
  });

  it('gives back the positions laid out, as a copy, only for as many nodes', () => {
    const cache = new LayoutCache();
    const positions = new Float32Array([1, 2, 3, 4, 5, 6]);
    cache.set('k', positions);
    positions[0] = 99;
    const back = cache.get('k', 3)!;
    expect([...back]).toEqual([1, 2, 3, 4, 5, 6]);
    back[1] = 42;
    expect(cache.get('k', 3)![1]).toBe(2);
    expect(cache.get('k', 4)).toBeUndefined();
    expect(cache.get('other', 3)).toBeUndefined();
  });

  it('keeps the most recently used few', () => {
    const cache = new LayoutCache(2);
    cache.set('a', new Float32Array(2));
    cache.set('b', new Float32Array(2));
    cache.get('a', 1);
    cache.set('c', new Float32Array(2));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
  });
});

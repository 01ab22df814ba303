// The network map's logic, apart from the WebGL canvas: filters, neighbourhoods, colours and
// sizes, the starting layout, search, the SVG export and the stakeholder grid's geometry. Pure
// functions, so vitest checks them without a GPU.
import type { CardDetail, GridStakeholder, MapData, MapEdge, MapNode, RecordId } from './bindings';
import { counted, kindLabel as kindWord, levelLabel, sectorLabel } from './card-labels';
import { compareText, formatNumber } from './format';
import { m } from '../paraglide/messages';

export type ColourBy = 'sector' | 'unit' | 'community';

export type MapFilters = {
  tag: string;
  sector: string;
  level: string;
  team: string;
  /** Relationship ties weaker than this (1–5) are hidden; 0 or 1 shows them all. */
  minStrength: number;
  /** A time window over the ties' spells and last contact (YYYY-MM-DD), either end open. */
  from: string;
  to: string;
};

export const NO_FILTERS: MapFilters = {
  tag: '',
  sector: '',
  level: '',
  team: '',
  minStrength: 0,
  from: '',
  to: '',
};

export type Visible = { nodes: Set<string>; edges: Set<number> };

/** Whether a tie existed at some time in [from, to] (its spells, else its last contact). */
export function edgeInWindow(edge: MapEdge, from: string, to: string): boolean {
  if (!from && !to) return true;
  const lo = from || '0000-01-01';
  const hi = to || '9999-12-31';
  if (edge.spells.length > 0) {
    return edge.spells.some((s) => s.start <= hi && (s.end === null || s.end >= lo));
  }
  return edge.last_contact !== null && edge.last_contact >= lo && edge.last_contact <= hi;
}

function edgePasses(edge: MapEdge, f: MapFilters): boolean {
  if (f.minStrength > 1 && edge.kinds.includes('relationship') && edge.kinds.length === 1) {
    if ((edge.strength ?? 0) < f.minStrength) return false;
  }
  return edgeInWindow(edge, f.from, f.to);
}

/**
 * How a node fares against the attribute filters: 'yes' (it has every filtered attribute and
 * matches), 'no' (it has one and does not match), 'maybe' (the filter does not apply to its
 * kind: a person has no sector, an organisation no team).
 */
export function nodeMatch(node: MapNode, f: MapFilters): 'yes' | 'no' | 'maybe' {
  let maybe = false;
  const check = (applies: boolean, ok: boolean) => {
    if (!applies) maybe = true;
    else if (!ok) return false;
    return true;
  };
  if (f.tag && !check(node.kind !== 'networker', node.tags.includes(f.tag))) return 'no';
  if (f.sector && !check(node.kind === 'organisation', node.sector === f.sector)) return 'no';
  if (f.level && !check(node.kind === 'organisation', node.level === f.level)) return 'no';
  if (f.team && !check(node.kind === 'networker', (node.unit ?? '') === f.team)) return 'no';
  return maybe ? 'maybe' : 'yes';
}

/**
 * The nodes and edges the filters leave. A tie is kept when it passes the strength and time
 * filters and both ends are kept; a node is kept when it matches the attribute filters, or when
 * they do not apply to its kind and it is tied to a node that matches (the people of a sector's
 * organisations, the stakeholders of a team). With a tie filter on, nodes left without any tie
 * are hidden.
 */
export function applyFilters(data: MapData, f: MapFilters): Visible {
  const index = new Map<string, MapNode>();
  for (const n of data.nodes) index.set(n.id, n);
  const match = new Map<string, 'yes' | 'no' | 'maybe'>();
  for (const n of data.nodes) match.set(n.id, nodeMatch(n, f));
  const edgeOk = data.edges.map((e) => edgePasses(e, f));
  const nodes = new Set<string>();
  for (const n of data.nodes) if (match.get(n.id) === 'yes') nodes.add(n.id);
  data.edges.forEach((e, i) => {
    if (!edgeOk[i]) return;
    const a = match.get(e.source);
    const b = match.get(e.target);
    if (a === 'maybe' && b === 'yes') nodes.add(e.source);
    if (b === 'maybe' && a === 'yes') nodes.add(e.target);
  });
  const edges = new Set<number>();
  data.edges.forEach((e, i) => {
    if (edgeOk[i] && nodes.has(e.source) && nodes.has(e.target)) edges.add(i);
  });
  const tieFilter = f.minStrength > 1 || f.from !== '' || f.to !== '';
  if (tieFilter) {
    const tied = new Set<string>();
    for (const i of edges) {
      tied.add(data.edges[i].source);
      tied.add(data.edges[i].target);
    }
    for (const id of [...nodes]) if (!tied.has(id)) nodes.delete(id);
  }
  return { nodes, edges };
}

/** Above this many ties a map draws them as one-pixel lines and hides them while moving. */
export const BIG_MAP_TIES = 20_000;
/** At most this many ties are drawn at once on a large map with nothing focused (the strongest). */
export const MAX_DRAWN_TIES = 20_000;

/**
 * The ties a large map draws when nothing is focused: every visible tie up to `max`, else the
 * `max` strongest (by weight; equal weights in the order of the data). Drawing tens of thousands
 * of ties is what makes a frame slow in a software rasteriser; the weakest add little but haze.
 */
export function strongestTies(edges: MapEdge[], visible: Set<number>, max: number): Set<number> {
  if (visible.size <= max) return visible;
  const ids = [...visible].sort((a, b) => (edges[b].weight ?? 0) - (edges[a].weight ?? 0) || a - b);
  return new Set(ids.slice(0, max));
}

/** Neighbours of every node over the given edges. */
export function adjacency(data: MapData, edges?: Set<number>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  data.edges.forEach((e, i) => {
    if (edges && !edges.has(i)) return;
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
    (out.get(e.target) ?? out.set(e.target, []).get(e.target)!).push(e.source);
  });
  return out;
}

/** The node and everything within `hops` ties of it. */
export function neighbourhood(adj: Map<string, string[]>, id: string, hops: number): Set<string> {
  const seen = new Set([id]);
  let frontier = [id];
  for (let h = 0; h < hops; h++) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const u of adj.get(v) ?? []) {
        if (!seen.has(u)) {
          seen.add(u);
          next.push(u);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Nodes whose name has a word starting with each typed word, most central first. */
export function searchNodes(nodes: MapNode[], text: string, limit = 8): MapNode[] {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  const hits = nodes.filter((n) => {
    const name = fold(n.name).split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => name.some((part) => part.startsWith(w)));
  });
  hits.sort((a, b) => (b.weighted_degree ?? 0) - (a.weighted_degree ?? 0));
  return hits.slice(0, limit);
}

// ----- what the screen says about the map ----------------------------------------------------

/**
 * What the map draws, for its subtitle: every card when the limit left none out, else how many
 * of how many (a 4-node map is "all 4 cards", not "the 5,000 most central").
 */
export function drawnSubtitle(drawn: MapNode[], total: number): string {
  if (drawn.length < total) {
    return m.map_subtitle_most_central({
      n: formatNumber(drawn.length),
      total: formatNumber(total),
    });
  }
  // Colleagues apart, so the figure is the Cards list's.
  const colleagues = drawn.filter((n) => n.kind === 'networker').length;
  const cards = drawn.length - colleagues;
  if (drawn.length === 1)
    return colleagues === 1 ? m.map_subtitle_one_colleague() : m.map_subtitle_one_card();
  if (colleagues === 0) return m.map_subtitle_all({ what: counted(m.common_cards, cards) });
  if (cards === 0) return m.map_subtitle_all({ what: counted(m.map_colleagues, colleagues) });
  return m.map_subtitle_all_both({
    cards: counted(m.common_cards, cards),
    colleagues: counted(m.map_colleagues, colleagues),
  });
}

/** A colleague who knows a stakeholder, or a stakeholder a colleague knows. */
export type Tie = { id: RecordId; name: string; strength: number | null; left?: boolean };

/** What the hover card and the focused node's panel say about a node. */
export type NodeSummary = {
  name: string;
  /** "Person", "Organisation", "Colleague" (with "who left" for a colleague who left). */
  kind: string;
  /** A person's current organisations, a colleague's team, an organisation's sector and level. */
  organisation: string | null;
  /** What `organisation` is: "Organisation" (a person's), "Team", "Sector". */
  organisationLabel: string;
  /** The strongest relationship a colleague has with the stakeholder (1–5); none for a colleague. */
  strength: number | null;
  /** The latest contact over its relationships (YYYY-MM-DD). */
  lastContact: string | null;
  /**
   * From a card: a stakeholder's colleagues who know them, or the stakeholders a colleague knows
   * (a current relationship, as docs/kpis.md defines "knows"). From the map: every relationship
   * tie drawn, colleagues who left included and marked.
   */
  ties: Tie[];
  /**
   * Which ties these are: every relationship drawn on the map, the stakeholders a colleague
   * knows, or the colleagues who know a stakeholder (their card's).
   */
  tiesKind: 'map' | 'knows' | 'known_by';
  /** `tiesKind` in words: "Relationships", "Knows", "Known by". */
  tiesLabel: string;
  /** What the ties are: "colleague" or "stakeholder" (for "3 colleagues"). */
  tiesNoun: 'colleague' | 'stakeholder';
};

const TIES_LABELS = {
  map: m.map_fact_relationships,
  knows: m.map_fact_knows,
  known_by: m.map_fact_known_by,
};

/**
 * The ties in words: "2 colleagues" and, with `names`, the first few of them ("3 colleagues:
 * An, Bert, Els…"). A colleague who left is marked.
 */
export function tiesText(s: NodeSummary, names = 0): string {
  if (s.ties.length === 0)
    return s.tiesKind === 'map' ? m.map_ties_none_on_map() : m.map_ties_nobody();
  const many = counted(
    s.tiesNoun === 'colleague' ? m.map_colleagues : m.map_stakeholders,
    s.ties.length,
  );
  if (names <= 0) return many;
  const listed = s.ties
    .slice(0, names)
    .map((t) => (t.left ? m.map_tie_left({ name: t.name }) : t.name));
  return m.map_ties_named({
    count: many,
    names: `${listed.join(', ')}${s.ties.length > names ? '…' : ''}`,
  });
}

function kindLabel(kind: string, left: boolean): string {
  const label = kindWord(kind);
  return left ? m.map_kind_left({ kind: label }) : label;
}

function orgLabel(kind: string): string {
  return kind === 'networker'
    ? m.map_fact_team()
    : kind === 'organisation'
      ? m.map_fact_sector()
      : m.map_fact_organisation();
}

function orgLine(node: Pick<MapNode, 'kind' | 'unit' | 'sector' | 'level'>): string | null {
  if (node.kind === 'networker') return node.unit ?? null;
  if (node.kind !== 'organisation') return null;
  const parts = [
    node.sector ? sectorLabel(node.sector) : null,
    node.level ? levelLabel(node.level) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : null;
}

const strongestFirst = (a: Tie, b: Tie) =>
  (b.strength ?? 0) - (a.strength ?? 0) || compareText(a.name, b.name);

/**
 * A node's summary from the map alone (the hover card: instant, but only over the ties drawn).
 * A person's organisations are its current affiliations on the map; its strength and last
 * contact those of its relationships with colleagues who have not left. The map draws every
 * relationship, so these are "relationships", not "known by" (summariseCard).
 */
export function summariseNode(
  data: MapData,
  byId: Map<string, MapNode>,
  id: string,
): NodeSummary | null {
  const node = byId.get(id);
  if (!node) return null;
  const organisations: string[] = [];
  const ties: Tie[] = [];
  let lastContact: string | null = null;
  for (const e of data.edges) {
    if (e.source !== id && e.target !== id) continue;
    const other = byId.get(e.source === id ? e.target : e.source);
    if (!other) continue;
    if (
      node.kind === 'person' &&
      other.kind === 'organisation' &&
      e.kinds.includes('affiliation') &&
      e.current_affiliation
    ) {
      organisations.push(other.name);
    }
    if (
      e.kinds.includes('relationship') &&
      (node.kind === 'networker') !== (other.kind === 'networker')
    ) {
      const left = other.left || node.left;
      ties.push({ id: other.id, name: other.name, strength: e.strength, left });
      if (!left && e.last_contact && (lastContact === null || e.last_contact > lastContact))
        lastContact = e.last_contact;
    }
  }
  ties.sort(strongestFirst);
  const colleague = node.kind === 'networker';
  return {
    name: node.name,
    kind: kindLabel(node.kind, node.left),
    organisation: organisations.length ? organisations.sort(compareText).join(', ') : orgLine(node),
    organisationLabel: orgLabel(node.kind),
    strength: colleague ? null : maxStrength(ties.filter((t) => !t.left)),
    lastContact,
    ties,
    tiesKind: 'map',
    tiesLabel: TIES_LABELS.map(),
    tiesNoun: colleague ? 'stakeholder' : 'colleague',
  };
}

function maxStrength(ties: Tie[]): number | null {
  const known = ties.map((t) => t.strength).filter((s): s is number => s !== null);
  return known.length ? Math.max(...known) : null;
}

/**
 * A node's summary from its card (the focused node's panel: every relationship, not only those
 * on the map). `node` gives what a card does not spell out the same way (a colleague's team).
 */
export function summariseCard(card: CardDetail, node: MapNode | undefined): NodeSummary {
  const kind = node?.kind ?? (card.kind === 'networker' ? 'networker' : card.kind);
  const colleague = kind === 'networker';
  const ties: Tie[] = (card.acquaintances ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    strength: a.strength,
  }));
  ties.sort(strongestFirst);
  const current = card.affiliations
    .filter((a) => a.current && a.person === card.id)
    .map((a) => a.organisation_name)
    .sort();
  const contacts = (card.acquaintances ?? [])
    .map((a) => a.last_contact)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    name: card.name,
    kind: kindLabel(kind, node?.left ?? false),
    organisation: current.length ? current.join(', ') : node ? orgLine(node) : null,
    organisationLabel: orgLabel(kind),
    strength: colleague ? null : maxStrength(ties),
    lastContact: contacts.length ? contacts[contacts.length - 1] : null,
    ties,
    tiesKind: colleague ? 'knows' : 'known_by',
    tiesLabel: TIES_LABELS[colleague ? 'knows' : 'known_by'](),
    tiesNoun: colleague ? 'stakeholder' : 'colleague',
  };
}

/** What a key does in a list of options under a search box (a combobox). */
export type ComboMove =
  | { type: 'move'; active: number }
  | { type: 'pick'; index: number }
  | { type: 'close' }
  | { type: 'none' };

/**
 * ↓ and ↑ move through the options (wrapping; ↓ from nothing active goes to the first), Enter
 * picks the active one (the first when none is active), Escape closes. Other keys (Home and End
 * among them) stay the text box's.
 */
export function comboKey(key: string, active: number, options: number): ComboMove {
  if (key === 'Escape') return { type: 'close' };
  if (options === 0) return { type: 'none' };
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', active: active < 0 ? 0 : (active + 1) % options };
    case 'ArrowUp':
      return { type: 'move', active: active <= 0 ? options - 1 : active - 1 };
    case 'Enter':
      return { type: 'pick', index: active >= 0 && active < options ? active : 0 };
    default:
      return { type: 'none' };
  }
}

// Colours that read on white and on the dark surface alike.
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
  '#d37295',
  '#a0cbe8',
];
export const GREY = '#9aa3b2';

/**
 * A translucent colour as sigma's WebGL canvases need it: sigma blends premultiplied colours
 * (ONE, ONE_MINUS_SRC_ALPHA) and the page composites its canvases as premultiplied, so a plain
 * `rgba(80,90,110,0.32)` would be stored unmultiplied and show as nearly the background (the
 * ties vanished on the light theme). The red, green and blue are multiplied by the alpha here.
 */
export function premultiplied(r: number, g: number, b: number, alpha: number): string {
  const m = (c: number) => Math.round(c * alpha);
  return `rgba(${m(r)},${m(g)},${m(b)},${alpha})`;
}

/** The colour to write where colours are not premultiplied (SVG): the inverse of the above. */
export function unpremultiplied(colour: string): string {
  const m = /^rgba\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(colour.replace(/\s+/g, ''));
  if (!m) return colour;
  const alpha = Number(m[4]);
  if (!(alpha > 0)) return colour;
  const u = (c: string) => Math.min(255, Math.round(Number(c) / alpha));
  return `rgba(${u(m[1])},${u(m[2])},${u(m[3])},${alpha})`;
}

export const SECTOR_COLOURS: Record<string, string> = {
  public: '#4e79a7',
  business: '#f28e2b',
  social: '#59a14f',
  voluntary: '#76b7b2',
  community: '#76b7b2',
  'voluntary/community': '#76b7b2',
  knowledge: '#b07aa1',
  media: '#e15759',
  other: '#9c755f',
};

// A legend key: a community's number (`c:3`), a sector's code (`s:public`), a team's name as
// typed (`u:Mobiliteit`), or one of the groups below. The prefix keeps a team's name from
// passing for a group; `legendLabel` puts a key in words in the current language.
const NETWORKERS = 'networkers';
const PEOPLE = 'people';
const STAKEHOLDERS = 'stakeholders';
const NO_SECTOR = 'no-sector';
const NO_UNIT = 'no-unit';
const GROUPS: Record<string, () => string> = {
  [NETWORKERS]: m.map_legend_networkers,
  [PEOPLE]: m.map_legend_people,
  [STAKEHOLDERS]: m.map_legend_stakeholders,
  [NO_SECTOR]: m.map_legend_no_sector,
  [NO_UNIT]: m.map_legend_no_unit,
};

/** What a node is coloured by, as a legend key (see `legendLabel`). */
export function colourKey(node: MapNode, by: ColourBy): string {
  if (by === 'community') return `c:${node.community + 1}`;
  if (by === 'unit')
    return node.kind === 'networker' ? (node.unit ? `u:${node.unit}` : NO_UNIT) : STAKEHOLDERS;
  if (node.kind === 'networker') return NETWORKERS;
  return node.sector ? `s:${node.sector}` : node.kind === 'person' ? PEOPLE : NO_SECTOR;
}

/** A legend key in words: "Community 3", "Public", "Mobiliteit", "Networkers". */
export function legendLabel(key: string): string {
  if (key.startsWith('c:'))
    return m.map_legend_community({ n: formatNumber(Number(key.slice(2))) });
  if (key.startsWith('s:')) return sectorLabel(key.slice(2));
  if (key.startsWith('u:')) return key.slice(2);
  return GROUPS[key]?.() ?? key;
}

/** Legend entries (key → colour) for the nodes, most frequent first; the rest share grey. */
export function legend(nodes: MapNode[], by: ColourBy, max = PALETTE.length): Map<string, string> {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(colourKey(n, by), (counts.get(colourKey(n, by)) ?? 0) + 1);
  const keys = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1),
  );
  const out = new Map<string, string>();
  let next = 0;
  for (const key of keys) {
    const sector = key.startsWith('s:') ? SECTOR_COLOURS[key.slice(2)] : undefined;
    if (sector) out.set(key, sector);
    else if (key === NETWORKERS) out.set(key, '#2f6bd8');
    else if (key === PEOPLE || key === STAKEHOLDERS || key === NO_SECTOR) out.set(key, GREY);
    else if (next < max) out.set(key, PALETTE[next++ % PALETTE.length]);
    else out.set(key, GREY);
  }
  return out;
}

/**
 * Node radius in pixels at zoom 1, by the square root of the weighted degree: 2 to 14 on a small
 * map, 1.5 to 10 above a thousand nodes (smaller dots, less of a hairball).
 */
export function nodeSize(node: MapNode, maxWeighted: number, nodes = 0): number {
  const w = node.weighted_degree ?? 0;
  const [min, max] = nodes > 1000 ? [1.5, 10] : [2, 14];
  if (maxWeighted <= 0) return min + 1;
  return min + (max - min) * Math.sqrt(Math.max(0, w) / maxWeighted);
}

/** The ids of the `count` most central nodes: the only labels drawn at the overview zoom. */
export function labelled(nodes: MapNode[], count: number): Set<string> {
  return new Set(
    [...nodes]
      .sort((a, b) => (b.weighted_degree ?? 0) - (a.weighted_degree ?? 0))
      .slice(0, count)
      .map((n) => n.id),
  );
}

/** A deterministic pseudo-random number in [0, 1) from a string. */
export function hash01(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

/**
 * A starting layout for ForceAtlas2: each community on its own spot of a wide circle, its
 * nodes scattered around it, so the force layout starts near its answer.
 */
export function initialPositions(nodes: MapNode[]): Map<string, { x: number; y: number }> {
  const communities = [...new Set(nodes.map((n) => n.community))].sort((a, b) => a - b);
  const slot = new Map(communities.map((c, i) => [c, i]));
  const radius = 100 * Math.sqrt(communities.length);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const i = slot.get(n.community) ?? 0;
    const angle = (2 * Math.PI * i) / Math.max(1, communities.length);
    const r = 40 * Math.sqrt(hash01(n.id));
    const a = 2 * Math.PI * hash01(n.id + '*');
    out.set(n.id, {
      x: radius * Math.cos(angle) + r * Math.cos(a),
      y: radius * Math.sin(angle) + r * Math.sin(a),
    });
  }
  return out;
}

export type SvgNode = {
  id: string;
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string | null;
};
export type SvgEdge = { source: string; target: string; color: string; size: number };

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The map as SVG from node positions in graph space (y up, as sigma's graph coordinates): fitted
 * into `width` × `height` with a margin, edges under nodes, labels beside the nodes that have one.
 */
export function toSvg(
  nodes: SvgNode[],
  edges: SvgEdge[],
  options: { width: number; height: number; background: string; text: string },
): string {
  const { width, height } = options;
  const margin = 40;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
  }
  if (nodes.length === 0) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  const scale = Math.min(
    (width - 2 * margin) / Math.max(maxX - minX, 1e-9),
    (height - 2 * margin) / Math.max(maxY - minY, 1e-9),
  );
  const px = (x: number) => r2(margin + (x - minX) * scale);
  const py = (y: number) => r2(height - margin - (y - minY) * scale);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(options.background)}"/>`,
    '<g stroke-linecap="round">',
  ];
  for (const e of edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) continue;
    out.push(
      `<line x1="${px(a.x)}" y1="${py(a.y)}" x2="${px(b.x)}" y2="${py(b.y)}" stroke="${escapeXml(e.color)}" stroke-width="${r2(e.size)}"/>`,
    );
  }
  out.push('</g>', '<g>');
  for (const n of nodes) {
    out.push(
      `<circle cx="${px(n.x)}" cy="${py(n.y)}" r="${r2(n.size)}" fill="${escapeXml(n.color)}"/>`,
    );
  }
  out.push('</g>', `<g font-family="sans-serif" font-size="12" fill="${escapeXml(options.text)}">`);
  for (const n of nodes) {
    if (!n.label) continue;
    out.push(
      `<text x="${r2(px(n.x) + n.size + 3)}" y="${r2(py(n.y) + 4)}">${escapeXml(n.label)}</text>`,
    );
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

// ----- the stakeholder grid -----------------------------------------------------------------

export type Quadrant = 'manage closely' | 'keep satisfied' | 'keep informed' | 'monitor';

/** The classic power × interest advice for a rating (3 counts as high). */
export function quadrantOf(power: number, interest: number): Quadrant {
  const highPower = power >= 3;
  const highInterest = interest >= 3;
  if (highPower && highInterest) return 'manage closely';
  if (highPower) return 'keep satisfied';
  if (highInterest) return 'keep informed';
  return 'monitor';
}

/** A 1–5 score's position along an axis, as a fraction 0–1 (cell centres at 0.1, 0.3 … 0.9). */
export function axisFraction(score: number): number {
  return (score - 0.5) / 5;
}

/** The 1–5 score of a fraction 0–1 along an axis (where a dragged rating lands). */
export function scoreAt(fraction: number): number {
  return Math.min(5, Math.max(1, Math.floor(fraction * 5) + 1));
}

/** The box that spans every rating of a stakeholder, as fractions (x interest, y power up). */
export function spreadBox(s: GridStakeholder): {
  left: number;
  right: number;
  bottom: number;
  top: number;
} {
  return {
    left: axisFraction(s.interest.min),
    right: axisFraction(s.interest.max),
    bottom: axisFraction(s.power.min),
    top: axisFraction(s.power.max),
  };
}

/**
 * Ratings that share a cell are fanned out around its centre so every dot shows. Returns an
 * offset in pixels for each rating, by index.
 */
export function fanOut(
  ratings: { power: number; interest: number }[],
  radius = 9,
): [number, number][] {
  const byCell = new Map<string, number[]>();
  ratings.forEach((r, i) => {
    const key = `${r.power}/${r.interest}`;
    (byCell.get(key) ?? byCell.set(key, []).get(key)!).push(i);
  });
  const out: [number, number][] = ratings.map(() => [0, 0]);
  for (const indexes of byCell.values()) {
    if (indexes.length < 2) continue;
    indexes.forEach((i, k) => {
      const a = (2 * Math.PI * k) / indexes.length - Math.PI / 2;
      out[i] = [r2(radius * Math.cos(a)), r2(radius * Math.sin(a))];
    });
  }
  return out;
}

/** The key of the tie between two nodes, whichever way round. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The ties along a path of node ids. */
export function pathTies(path: string[] | null): Set<string> {
  const out = new Set<string>();
  const p = path ?? [];
  for (let i = 0; i + 1 < p.length; i++) out.add(pairKey(p[i], p[i + 1]));
  return out;
}

/** The values the map's filters offer, sorted. */
export function facetsOf(nodes: MapNode[]): {
  tags: string[];
  sectors: string[];
  levels: string[];
  teams: string[];
} {
  const tags = new Set<string>();
  const sectors = new Set<string>();
  const levels = new Set<string>();
  const teams = new Set<string>();
  for (const n of nodes) {
    n.tags.forEach((t) => tags.add(t));
    if (n.sector) sectors.add(n.sector);
    if (n.level) levels.add(n.level);
    if (n.kind === 'networker' && n.unit) teams.add(n.unit);
  }
  const sorted = (s: Set<string>) => [...s].sort(compareText);
  return {
    tags: sorted(tags),
    sectors: sorted(sectors),
    levels: sorted(levels),
    teams: sorted(teams),
  };
}

// The network map's and the stakeholder grid's half of the in-memory Kring (browser preview,
// screenshots, tests): a deterministic graph over the mock's cards, warm introductions by a
// breadth-first search, and a grid with ratings by several networkers.
import type { Result } from './api';
import type {
  AppError,
  GridRating,
  GridStakeholder,
  GridTheme,
  IntroPath,
  MapData,
  MapEdge,
  MapNode,
  Named,
  Sector,
  Level,
  StakeholderGrid,
} from './bindings';

export type NetworkCard = {
  id: string;
  kind: string;
  name: string;
  sector: string | null;
  level: string | null;
  tags: string[];
};

export type NetworkContext = {
  /** The mock's cards (any order). */
  cards: () => NetworkCard[];
  /** The owner's networker id and name. */
  me: () => Named;
};

const networkerId = (n: number) => `01935c1e-7a00-7000-9000-${n.toString(16).padStart(12, '0')}`;
const COLLEAGUES: [string, string][] = [
  ['Koen Maes', 'Economie'],
  ['Els Willems', 'Klimaat'],
  ['Bart Claes', 'Internationaal'],
  ['Lotte Jacobs', 'Economie'],
  ['Pieter Wouters', 'Mobiliteit'],
  ['Hanne Peeters', 'Klimaat'],
  ['Ruben De Wit', 'Internationaal'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function ok<T>(data: T): Promise<Result<T, AppError>> {
  return new Promise((resolve) => setTimeout(() => resolve({ status: 'ok', data }), 20));
}
function err<T>(code: string, message: string, field: string | null = null) {
  return Promise.resolve<Result<T, AppError>>({ status: 'error', error: { code, message, field } });
}

const NOW = new Date();
const dayAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString().slice(0, 10);

/** A graph of about 40 organisations, 260 people and 8 networkers in a few communities. */
function buildMap(ctx: NetworkContext): MapData {
  const r = rng(7);
  const all = ctx.cards();
  const orgs = all.filter((c) => c.kind === 'organisation').slice(0, 40);
  const people = all.filter((c) => c.kind === 'person').slice(0, 260);
  const me = ctx.me();
  const networkers: MapNode[] = [[me.name, 'Internationaal'], ...COLLEAGUES].map(
    ([name, unit], i) => node(i === 0 ? me.id : networkerId(i), name, 'networker', unit),
  );
  function node(id: string, name: string, kind: MapNode['kind'], unit: string | null): MapNode {
    return {
      id,
      name,
      kind,
      unit,
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
    };
  }
  const nodes: MapNode[] = [
    ...networkers,
    ...orgs.map((o) => ({
      ...node(o.id, o.name, 'organisation', null),
      sector: o.sector as Sector | null,
      level: o.level as Level | null,
      tags: o.tags,
    })),
    ...people.map((p) => ({ ...node(p.id, p.name, 'person', null), tags: p.tags })),
  ];
  const communities = 5;
  const community = new Map<string, number>();
  orgs.forEach((o, i) => community.set(o.id, i % communities));
  networkers.forEach((n, i) => community.set(n.id, i % communities));
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  function tie(a: string, b: string, kind: MapEdge['kinds'][number], strength: number | null) {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    const last = Math.floor(r() * 700);
    const weight = strength ? (strength / 5) * (0.5 + 0.5 * 0.5 ** (last / 365)) : 0.6;
    edges.push({
      source: a,
      target: b,
      weight: Math.round(weight * 1000) / 1000,
      kinds: [kind],
      strength,
      trust: strength,
      last_contact: strength ? dayAgo(last) : null,
      interactions: 0,
      current_affiliation: kind === 'affiliation',
      spells: [{ start: dayAgo(last + 200 + Math.floor(r() * 900)), end: null }],
    });
  }
  people.forEach((p) => {
    const org = orgs[Math.floor(r() * orgs.length)];
    community.set(p.id, community.get(org.id) ?? 0);
    tie(p.id, org.id, 'affiliation', null);
  });
  networkers.forEach((n) => {
    const home = community.get(n.id)!;
    const known = people.filter((p) => community.get(p.id) === home || r() < 0.04);
    for (const p of known) {
      if (r() < 0.45) tie(n.id, p.id, 'relationship', 1 + Math.floor(r() * 5));
    }
    for (const o of orgs) {
      if (community.get(o.id) === home && r() < 0.6)
        tie(n.id, o.id, 'relationship', 1 + Math.floor(r() * 5));
    }
  });
  for (let i = 0; i < 60; i++) {
    const a = people[Math.floor(r() * people.length)];
    const b = people[Math.floor(r() * people.length)];
    tie(a.id, b.id, 'link', null);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      const n = byId.get(id)!;
      n.degree++;
      n.weighted_degree = Math.round((n.weighted_degree! + (e.weight ?? 0)) * 1000) / 1000;
    }
  }
  for (const n of nodes) {
    n.community = community.get(n.id) ?? 0;
    n.betweenness = n.kind === 'networker' ? n.degree * 40 : n.degree;
  }
  return {
    generated_at: NOW.toISOString(),
    nodes,
    edges,
    communities: [],
    modularity: 0.61,
    betweenness_exact: true,
  };
}

/** Shortest paths by hops, each alternative avoiding the earlier ones' intermediaries. */
function paths(map: MapData, from: string, to: string, alternatives: number): IntroPath[] {
  const adj = new Map<string, { to: string; edge: MapEdge }[]>();
  for (const e of map.edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push({ to: e.target, edge: e });
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push({ to: e.source, edge: e });
  }
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const banned = new Set<string>();
  const out: IntroPath[] = [];
  while (out.length < alternatives) {
    const previous = new Map<string, { from: string; edge: MapEdge }>();
    const queue = [from];
    const seen = new Set([from]);
    while (queue.length && !seen.has(to)) {
      const v = queue.shift()!;
      for (const { to: u, edge } of adj.get(v) ?? []) {
        if (seen.has(u) || (banned.has(u) && u !== to)) continue;
        seen.add(u);
        previous.set(u, { from: v, edge });
        queue.push(u);
      }
    }
    if (!seen.has(to)) break;
    const steps = [to];
    const ties = [];
    let at = to;
    while (at !== from) {
      const p = previous.get(at)!;
      ties.unshift(p.edge);
      at = p.from;
      steps.unshift(at);
    }
    steps.slice(1, -1).forEach((s) => banned.add(s));
    const strength = ties.reduce((s, e) => s * (e.weight ?? 0), 1);
    out.push({
      steps: steps.map((id) => ({ id, name: byId.get(id)!.name, kind: byId.get(id)!.kind })),
      ties: ties.map((e) => ({
        weight: e.weight,
        kinds: e.kinds,
        strength: e.strength,
        last_contact: e.last_contact,
      })),
      strength: Math.round(strength * 1000) / 1000,
      hops: ties.length,
    });
    // A direct tie has no intermediaries to avoid: no other way to find.
    if (steps.length === 2) break;
  }
  return out;
}

function spread(scores: number[]) {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return {
    mean: Math.round(mean * 1000) / 1000,
    min: Math.min(...scores),
    max: Math.max(...scores),
    std_dev: Math.round(sd * 1000) / 1000,
  };
}

export function createNetworkMock(ctx: NetworkContext) {
  let map: MapData | null = null;
  const mapOf = () => (map ??= buildMap(ctx));
  type Stored = {
    theme: string;
    stakeholder: string;
    networker: Named;
    power: number;
    interest: number;
    note: string | null;
    at: string;
  };
  const ratings: Stored[] = [];
  // Three colleagues rated a few stakeholders for 'Port expansion'; they disagree on some.
  function seed() {
    if (ratings.length) return;
    const orgs = mapOf()
      .nodes.filter((n) => n.kind === 'organisation')
      .slice(0, 7);
    const raters: Named[] = COLLEAGUES.slice(0, 3).map(([name], i) => ({
      id: networkerId(i + 1),
      name,
    }));
    const scores = [
      [5, 4, 5, 5, 4, 3],
      [4, 2, 3, 2, 3, 1],
      [2, 5, 2, 4, 1, 5],
      [1, 2, 2, 1, 1, 1],
      [3, 3, 5, 4, 2, 4],
      [4, 5, 4, 5, 5, 5],
      [2, 1, 4, 2, 3, 2],
    ];
    orgs.forEach((o, i) => {
      raters.forEach((rater, k) => {
        if (i === 6 && k > 0) return;
        ratings.push({
          theme: 'Port expansion',
          stakeholder: o.id,
          networker: rater,
          power: scores[i][2 * k],
          interest: scores[i][2 * k + 1],
          note: null,
          at: NOW.toISOString(),
        });
      });
    });
  }
  function grid(theme: string): StakeholderGrid {
    seed();
    const key = theme.trim().toLowerCase();
    const names = new Map(mapOf().nodes.map((n) => [n.id, n]));
    const me = ctx.me();
    const by = new Map<string, Stored[]>();
    for (const r of ratings.filter((r) => r.theme.toLowerCase() === key)) {
      (by.get(r.stakeholder) ?? by.set(r.stakeholder, []).get(r.stakeholder)!).push(r);
    }
    const stakeholders: GridStakeholder[] = [...by.entries()].map(([id, list]) => {
      const rs: GridRating[] = list
        .sort((a, b) => a.networker.name.localeCompare(b.networker.name))
        .map((r) => ({
          id: `${id}-${r.networker.id}`,
          networker: r.networker,
          power: r.power,
          interest: r.interest,
          note: r.note,
          rated_at: r.at,
          mine: r.networker.id === me.id,
          conflicted: false,
        }));
      return {
        stakeholder: { id, name: names.get(id)?.name ?? '(unknown)' },
        kind: names.get(id)?.kind ?? 'organisation',
        ratings: rs,
        power: spread(rs.map((r) => r.power)),
        interest: spread(rs.map((r) => r.interest)),
      };
    });
    stakeholders.sort((a, b) => a.stakeholder.name.localeCompare(b.stakeholder.name));
    return { theme: theme.trim(), stakeholders };
  }

  return {
    networkMap: async (limit: number, include: string[]) => {
      const full = mapOf();
      const keep = new Set(
        [...full.nodes]
          .sort((a, b) => (b.weighted_degree ?? 0) - (a.weighted_degree ?? 0))
          .slice(0, limit || 5000)
          .map((n) => n.id)
          .concat(include),
      );
      return ok<MapData>({
        ...full,
        nodes: full.nodes.filter((n) => keep.has(n.id)),
        edges: full.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      });
    },
    warmIntroductions: async (from: string, to: string, alternatives: number) => {
      const start = from === 'me' ? ctx.me().id : from;
      if (!mapOf().nodes.some((n) => n.id === to))
        return err<IntroPath[]>('not_found', `${to} is not in the network graph.`);
      return ok(paths(mapOf(), start, to, alternatives));
    },
    exportGraph: async () => ok(1_204_332),
    saveMapImage: async (_path: string, data: string) => ok(data.length),
    gridThemes: async () => {
      seed();
      const themes = new Map<string, GridTheme>();
      for (const r of ratings) {
        const t = themes.get(r.theme.toLowerCase()) ?? {
          theme: r.theme,
          stakeholders: 0,
          ratings: 0,
        };
        t.ratings++;
        themes.set(r.theme.toLowerCase(), t);
      }
      for (const t of themes.values()) t.stakeholders = grid(t.theme).stakeholders.length;
      return ok([...themes.values()]);
    },
    stakeholderGrid: async (theme: string) => ok(grid(theme)),
    rateStakeholder: async (
      theme: string,
      stakeholder: string,
      power: number,
      interest: number,
      note: string | null,
    ) => {
      seed();
      if (power < 1 || power > 5)
        return err<StakeholderGrid>('invalid', `${power} is out of range 1–5`, 'power');
      const me = ctx.me();
      const key = theme.trim().toLowerCase();
      const existing = ratings.find(
        (r) =>
          r.theme.toLowerCase() === key &&
          r.stakeholder === stakeholder &&
          r.networker.id === me.id,
      );
      if (existing)
        Object.assign(existing, { power, interest, note, at: new Date().toISOString() });
      else
        ratings.push({
          theme: theme.trim(),
          stakeholder,
          networker: me,
          power,
          interest,
          note,
          at: new Date().toISOString(),
        });
      return ok(grid(theme));
    },
  };
}

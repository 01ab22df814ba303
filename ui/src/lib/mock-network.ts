// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-nocheck: the hand-written mock backend is replaced by the real core (golden answers and the dev bridge) in the next commit.
// The network map's, the insights' and the stakeholder grid's half of the in-memory Kring
// (browser preview, screenshots, tests): a deterministic graph over the mock's cards, warm
// introductions by a breadth-first search, key-person risk, health and summary statistics worked
// out from that graph as kring-core does, and a grid with ratings by several networkers.
import type { Result } from './api';
import type {
  AppError,
  AtRisk,
  Broker,
  CommunitySummary,
  GraphStats,
  GridRating,
  GridStakeholder,
  GridTheme,
  Health,
  IntroPath,
  KeyPersonRisk,
  MapData,
  MapEdge,
  MapNode,
  Named,
  NetworkHealth,
  NetworkerLoss,
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
// The manager mock's first seven colleagues (same ids, names and units), so a networker on the
// map or in the insights is the one the Offboarding screen lists.
const COLLEAGUES: [string, string][] = [
  ['Koen Maes', 'Economie'],
  ['Els Willems', 'Internationale relaties'],
  ['Bart Claes', 'Strategie'],
  ['Lotte Jacobs', 'Klimaat'],
  ['Pieter De Clercq', 'Haven'],
  ['Hanne Peeters', 'Europa'],
  ['Dries Verhoeven', 'Economie'],
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
  const networkers: MapNode[] = [[me.name, 'Netwerkbeheer'], ...COLLEAGUES].map(([name, unit], i) =>
    node(i === 0 ? me.id : networkerId(i), name, 'networker', unit),
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
    // Networkers and the organisations many people work at sit between the most others.
    n.betweenness =
      n.kind === 'networker' ? n.degree * 40 : n.kind === 'organisation' ? n.degree * 18 : n.degree;
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

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Key-person risk, as kring-core reckons it: a stakeholder is reached by the networkers with a
 * relationship to it (an organisation also through the people working there); reached by one
 * only, it leaves with that networker.
 */
function riskOf(map: MapData, networker: string | null, limit: number): KeyPersonRisk {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const employers = new Map<string, string[]>();
  for (const e of map.edges) {
    if (!e.kinds.includes('affiliation') || !e.current_affiliation) continue;
    const [person, org] =
      byId.get(e.source)?.kind === 'person' ? [e.source, e.target] : [e.target, e.source];
    (employers.get(person) ?? employers.set(person, []).get(person)!).push(org);
  }
  // stakeholder → networker → [strongest relationship, direct]
  const reach = new Map<string, Map<string, [number, boolean]>>();
  const note = (stakeholder: string, by: string, strength: number, direct: boolean) => {
    const of = reach.get(stakeholder) ?? reach.set(stakeholder, new Map()).get(stakeholder)!;
    const [s, d] = of.get(by) ?? [0, false];
    of.set(by, [Math.max(s, strength), d || direct]);
  };
  for (const e of map.edges) {
    if (!e.kinds.includes('relationship')) continue;
    const [n, other] =
      byId.get(e.source)?.kind === 'networker' ? [e.source, e.target] : [e.target, e.source];
    if (byId.get(n)?.kind !== 'networker' || byId.get(n)?.left) continue;
    note(other, n, e.strength ?? 1, true);
    for (const org of employers.get(other) ?? []) note(org, n, e.strength ?? 1, false);
  }
  const stakeholders = map.nodes.filter((n) => n.kind !== 'networker');
  const losses = new Map<string, NetworkerLoss>();
  for (const n of map.nodes) {
    if (n.kind !== 'networker' || (networker && n.id !== networker)) continue;
    losses.set(n.id, {
      id: n.id,
      name: n.name,
      unit: n.unit,
      reaches: 0,
      sole_people: 0,
      sole_organisations: 0,
      at_risk: [],
    });
  }
  const atRisk = new Map<string, AtRisk[]>();
  let reached = 0;
  let single = 0;
  for (const s of stakeholders) {
    const by = reach.get(s.id);
    if (!by || by.size === 0) continue;
    reached++;
    for (const n of by.keys()) {
      const loss = losses.get(n);
      if (loss) loss.reaches++;
    }
    if (by.size !== 1) continue;
    single++;
    const [[n, [strength, direct]]] = [...by.entries()];
    const loss = losses.get(n);
    if (!loss) continue;
    if (s.kind === 'organisation') loss.sole_organisations++;
    else loss.sole_people++;
    (atRisk.get(n) ?? atRisk.set(n, []).get(n)!).push({
      id: s.id,
      name: s.name,
      kind: s.kind,
      strength,
      direct,
    });
  }
  for (const [n, list] of atRisk) {
    const loss = losses.get(n);
    if (!loss) continue;
    list.sort(
      (a, b) =>
        Number(b.kind === 'organisation') - Number(a.kind === 'organisation') ||
        b.strength - a.strength ||
        a.name.localeCompare(b.name),
    );
    loss.at_risk = list.slice(0, limit);
  }
  const networkers = [...losses.values()].sort(
    (a, b) =>
      b.sole_people + b.sole_organisations - (a.sole_people + a.sole_organisations) ||
      a.name.localeCompare(b.name),
  );
  return {
    stakeholders: stakeholders.length,
    reached,
    single_networker: single,
    unreached: stakeholders.length - reached,
    networkers,
  };
}

/** Going cold and reciprocity per networker and per team (the networkers' unit). */
function healthOf(map: MapData): NetworkHealth {
  const r = rng(11);
  const empty = (): Health => ({
    relationships: 0,
    with_cadence: 0,
    going_cold: 0,
    cold_share: 0,
    given: 0,
    received: 0,
    balance: 0,
    imbalanced: 0,
  });
  const per = new Map<string, Health>();
  const networkerNodes = map.nodes.filter((n) => n.kind === 'networker');
  for (const n of networkerNodes) per.set(n.id, empty());
  const NOW_DAY = NOW.toISOString().slice(0, 10);
  for (const e of map.edges) {
    if (!e.kinds.includes('relationship')) continue;
    const h = per.get(e.source) ?? per.get(e.target);
    if (!h) continue;
    h.relationships++;
    if (r() < 0.7) {
      h.with_cadence++;
      // Cadences of 90 to 365 days; overdue when the last contact is older.
      const cadence = 90 + Math.floor(r() * 275);
      const since = e.last_contact
        ? (Date.parse(NOW_DAY) - Date.parse(e.last_contact)) / 86_400_000
        : Infinity;
      if (since > cadence) h.going_cold++;
    }
    const given = Math.floor(r() * 4);
    const received = Math.floor(r() * 3);
    h.given += given;
    h.received += received;
    h.balance += given - received;
    if (Math.abs(given - received) >= 2) h.imbalanced++;
  }
  const finish = (h: Health): Health => ({
    ...h,
    cold_share: h.with_cadence ? round3(h.going_cold / h.with_cadence) : 0,
  });
  const teams = new Map<string, { networkers: number; health: Health }>();
  for (const n of networkerNodes) {
    const team = n.unit?.trim() || '(no unit)';
    const t = teams.get(team) ?? teams.set(team, { networkers: 0, health: empty() }).get(team)!;
    t.networkers++;
    const h = per.get(n.id)!;
    for (const k of Object.keys(h) as (keyof Health)[]) t.health[k]! += h[k]!;
  }
  return {
    networkers: networkerNodes
      .map((n) => ({ id: n.id, name: n.name, unit: n.unit, ...finish(per.get(n.id)!) }))
      .sort((a, b) => (b.cold_share ?? 0) - (a.cold_share ?? 0) || a.name.localeCompare(b.name)),
    teams: [...teams.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([team, t]) => ({ team, networkers: t.networkers, ...finish(t.health) })),
  };
}

/** The summary `kring graph stats` prints, over the mock's graph. */
function statsOf(map: MapData): GraphStats {
  const n = map.nodes.length;
  const nodesByKind: Record<string, number> = { networker: 0, person: 0, organisation: 0 };
  for (const v of map.nodes) nodesByKind[v.kind]++;
  const edgesByKind: Record<string, number> = {
    relationship: 0,
    affiliation: 0,
    link: 0,
    interaction: 0,
  };
  const index = new Map(map.nodes.map((v, i) => [v.id, i]));
  const parent = map.nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const e of map.edges) {
    for (const k of e.kinds) edgesByKind[k] = (edgesByKind[k] ?? 0) + 1;
    parent[find(index.get(e.source)!)] = find(index.get(e.target)!);
  }
  const sizes = new Map<number, number>();
  map.nodes.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  const pairs = ((n - 1) * (n - 2)) / 2;
  const broker = (v: MapNode): Broker => ({
    id: v.id,
    name: v.name,
    kind: v.kind,
    degree: v.degree,
    weighted_degree: v.weighted_degree,
    betweenness: v.betweenness,
    betweenness_normalised: pairs > 0 ? round3((v.betweenness ?? 0) / pairs) : 0,
  });
  const byBetweenness = [...map.nodes].sort(
    (a, b) => (b.betweenness ?? 0) - (a.betweenness ?? 0) || a.name.localeCompare(b.name),
  );
  const groups = new Map<number, MapNode[]>();
  for (const v of map.nodes)
    (groups.get(v.community) ?? groups.set(v.community, []).get(v.community)!).push(v);
  const communities: CommunitySummary[] = [...groups.values()]
    .sort((a, b) => b.length - a.length)
    .map((members, c) => {
      const top = [...members]
        .sort((a, b) => (b.weighted_degree ?? 0) - (a.weighted_degree ?? 0))
        .slice(0, 5);
      return {
        community: c,
        size: members.length,
        networkers: members.filter((m) => m.kind === 'networker').length,
        people: members.filter((m) => m.kind === 'person').length,
        organisations: members.filter((m) => m.kind === 'organisation').length,
        label: top[0]?.name ?? '',
        members: top.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
      };
    });
  const risk = riskOf(map, null, 3);
  return {
    nodes: n,
    edges: map.edges.length,
    nodes_by_kind: nodesByKind,
    edges_by_kind: edgesByKind,
    components: sizes.size,
    largest_component: Math.max(0, ...sizes.values()),
    average_degree: n ? Math.round((200 * map.edges.length) / n) / 100 : 0,
    betweenness_exact: true,
    betweenness_sources: n,
    brokers: byBetweenness.slice(0, 10).map(broker),
    networker_brokers: byBetweenness
      .filter((v) => v.kind === 'networker')
      .slice(0, 5)
      .map(broker),
    stakeholder_brokers: byBetweenness
      .filter((v) => v.kind !== 'networker')
      .slice(0, 10)
      .map(broker),
    communities: communities.length,
    modularity: map.modularity,
    largest_communities: communities.slice(0, 10),
    risk,
    health: healthOf(map),
  };
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
    keyPersonRisk: async (networker: string | null) => {
      const id = networker === 'me' ? ctx.me().id : networker;
      const node = id ? mapOf().nodes.find((n) => n.id === id) : null;
      if (id && !node) return err<KeyPersonRisk>('not_found', `${id} is not in the network graph.`);
      if (node && node.kind !== 'networker')
        return err<KeyPersonRisk>('invalid', `${id} is not a networker`, 'networker');
      return ok(riskOf(mapOf(), id, 20));
    },
    networkHealth: async () => ok(healthOf(mapOf())),
    graphStats: async () => ok(statsOf(mapOf())),
    exportGraph: async (format: string) =>
      ['graphml', 'gexf', 'json'].includes(format.trim().toLowerCase())
        ? ok(1_204_332)
        : err<number>('invalid', `'${format}' is not one of graphml, gexf, json.`, 'format'),
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

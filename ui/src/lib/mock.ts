// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-nocheck: the hand-written mock backend is replaced by the real core (golden answers and the dev bridge) in the next commit.
// An in-memory Kring for the browser preview (`npm run dev` outside Tauri) and for screenshots:
// a fictional network around a Flemish city, generated deterministically, with every command the
// UI calls. Never loaded inside the Tauri shell.
import type { Backend, Commands, ListenFn, Result } from './api';
import type {
  AppError,
  AppStatus,
  CardDetail,
  CardQuery,
  CardRow,
  FollowUpView,
  InteractionView,
  LogInput,
  OrganisationInput,
  PersonInput,
  RelateInput,
  Value,
  NoteView,
  RelationshipView,
  Settings,
  SyncReport,
  SyncStatus,
  ReviewReminder,
} from './bindings';
import { createManagerMock } from './mock-manager';
import { createNetworkMock } from './mock-network';

type Card = CardRow & {
  sector: string | null;
  level: string | null;
  fields: Record<string, Value>;
  org: number | null;
  cadence: number | null;
  trust: number | null;
  key: string;
};

const ORGS: [string, string, string, string[]][] = [
  ['Port of Antwerp-Bruges', 'public', 'regional', ['haven', 'logistics']],
  ['Stad Gent', 'public', 'local', ['city', 'eurocities']],
  ['VITO', 'knowledge', 'regional', ['climate', 'energy']],
  ['Universiteit Antwerpen', 'knowledge', 'regional', ['research']],
  ['Universiteit Gent', 'knowledge', 'regional', ['research']],
  ['imec', 'knowledge', 'international', ['innovation']],
  ['Provincie Antwerpen', 'public', 'regional', ['province']],
  ['Vlaamse Overheid — Departement Omgeving', 'public', 'regional', ['environment']],
  ['De Lijn', 'public', 'regional', ['mobility']],
  ['VOKA Antwerpen-Waasland', 'business', 'regional', ['employers']],
  ['BASF Antwerpen', 'business', 'international', ['industry', 'haven']],
  ['Telenet', 'business', 'national', ['digital']],
  ['Eurocities', 'public', 'eu', ['eurocities', 'eu']],
  ['European Commission — DG REGIO', 'public', 'eu', ['eu', 'cohesion']],
  ['Gazet van Antwerpen', 'media', 'regional', ['press']],
  ['VRT NWS', 'media', 'national', ['press']],
  ['Samenlevingsopbouw Antwerpen', 'social', 'local', ['neighbourhoods']],
  ['Rode Kruis Vlaanderen', 'voluntary', 'regional', ['volunteers']],
  ['AG Vespa', 'public', 'local', ['housing']],
  ['ZNA Ziekenhuis Netwerk Antwerpen', 'public', 'local', ['health']],
  ['Antwerp Management School', 'knowledge', 'national', ['training']],
  ['Fluvius', 'business', 'regional', ['energy']],
  ['Aquafin', 'business', 'regional', ['water']],
  ['North Sea Port', 'public', 'international', ['haven']],
];
const GIVEN = [
  'Sofie',
  'Jan',
  'Lotte',
  'Pieter',
  'Els',
  'Wouter',
  'An',
  'Koen',
  'Marieke',
  'Bart',
  'Hanne',
  'Tom',
  'Leen',
  'Dries',
  'Nathalie',
  'Geert',
  'Fatima',
  'Youssef',
  'Ine',
  'Stijn',
  'Ruth',
  'Jan-Willem',
  'Katrien',
  'Mehmet',
  'Lieve',
  'Joris',
  'Eline',
  'Thomas',
  'Saskia',
  'Ahmed',
];
const FAMILY = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Van den Broeck',
  'Vermeulen',
  'Dubois',
  'Lambrechts',
  'Desmet',
  'Verhoeven',
  'Müller',
  'El Amrani',
  'Van Damme',
  'Hermans',
  'De Clercq',
  'Aerts',
  'Van Aken',
  'Yilmaz',
  'Coppens',
  'Smets',
];
const TITLES = [
  'Head of International Relations',
  'Policy advisor',
  'Director',
  'Alderman for Economy',
  'Programme manager',
  'Professor',
  'Communications lead',
  'Project coordinator',
  'CEO',
  'Strategy officer',
  'Journalist',
  'Community worker',
];
const PERSON_TAGS = ['haven', 'eu', 'climate', 'innovation', 'mobility', 'housing', 'press'];

const TOWNS = [
  'Antwerpen',
  'Gent',
  'Brugge',
  'Leuven',
  'Mechelen',
  'Aalst',
  'Kortrijk',
  'Hasselt',
  'Sint-Niklaas',
  'Oostende',
  'Genk',
  'Roeselare',
  'Turnhout',
  'Lier',
  'Dendermonde',
  'Beveren',
  'Vilvoorde',
  'Mol',
  'Geel',
  'Lokeren',
  'Schoten',
  'Deinze',
  'Ieper',
  'Tienen',
  'Mortsel',
  'Edegem',
  'Kapellen',
  'Brasschaat',
  'Zwijndrecht',
  'Wetteren',
];
const ORG_KINDS: [string, string, string, string[]][] = [
  ['Stad', 'public', 'local', ['city']],
  ['OCMW', 'public', 'local', ['welfare']],
  ['Politiezone', 'public', 'local', ['safety']],
  ['Bibliotheek', 'public', 'local', ['culture']],
  ['Cultuurcentrum', 'public', 'local', ['culture']],
  ['Woonzorgcentrum', 'social', 'local', ['care']],
  ['Buurtwerk', 'voluntary', 'local', ['neighbourhoods']],
  ['Jeugdhuis', 'voluntary', 'local', ['youth']],
  ['Handelaarsvereniging', 'business', 'local', ['retail']],
  ['Basisschool De Regenboog', 'knowledge', 'local', ['education']],
  ['Hogeschool', 'knowledge', 'regional', ['education']],
  ['Lokale Radio', 'media', 'local', ['press']],
];
const FIRMS = ['Consult', 'Logistics', 'Bouw', 'Engineering', 'Advocaten', 'Energy'];
const SECTOR_WORDS: Record<string, string> = {
  public: 'Public',
  business: 'Business',
  social: 'Social',
  voluntary: 'Community',
  knowledge: 'Knowledge',
  media: 'Media',
};

/** Unique organisation names: real anchors first, then town institutions and firms. */
function organisationNames(): [string, string, string, string[]][] {
  const out: [string, string, string, string[]][] = [...ORGS];
  for (const town of TOWNS) {
    for (const [kind, sector, level, tags] of ORG_KINDS) {
      out.push([`${kind} ${town}`, sector, level, tags]);
    }
  }
  for (const family of FAMILY) {
    for (const firm of FIRMS) {
      out.push([`${family} ${firm}`, 'business', 'regional', ['suppliers']]);
    }
  }
  return out;
}

/** The words of a card, folded, each after a space: " jan peeters port of antwerp". */
const words = (text: string) =>
  ` ${fold(text)
    .split(/[\s\-—·,()]+/)
    .filter(Boolean)
    .join(' ')}`;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const idOf = (n: number) => `01935c1e-7a00-7000-8000-${n.toString(16).padStart(12, '0')}`;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const NOW = new Date();
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const dateIn = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10);

function ok<T>(data: T): Promise<Result<T, AppError>> {
  const delay = 15 + Math.random() * 60;
  return new Promise((resolve) => setTimeout(() => resolve({ status: 'ok', data }), delay));
}
function err<T>(
  code: string,
  message: string,
  field: string | null = null,
): Promise<Result<T, AppError>> {
  return Promise.resolve({ status: 'error', error: { code, message, field } });
}

function generate(total: number): Card[] {
  const r = rng(42);
  const cards: Card[] = [];
  const orgNames = organisationNames();
  const orgCount = Math.min(
    total,
    orgNames.length,
    Math.max(ORGS.length, Math.round(total * 0.12)),
  );
  for (let i = 0; i < orgCount; i++) {
    const [name, sector, level, tags] = orgNames[i];
    const strength = r() < 0.8 ? 1 + Math.floor(r() * 5) : null;
    const last = Math.floor(r() * 200);
    cards.push({
      id: idOf(i + 1),
      kind: 'organisation',
      name,
      detail: `${SECTOR_WORDS[sector] ?? sector} · ${level}`,
      tags,
      visibility: r() < 0.1 ? 'private' : 'shared',
      strength,
      going_cold: strength !== null && last > 90,
      last_contact: strength !== null ? daysAgo(last) : null,
      sector,
      level,
      fields: {
        name,
        sector,
        level,
        website: `https://www.${fold(name)
          .replace(/[^a-z]/g, '')
          .slice(0, 20)}.be`,
        tags,
      },
      org: null,
      cadence: strength ? 90 : null,
      trust: strength ? 1 + Math.floor(r() * 5) : null,
      key: words(`${name} ${sector} ${level} ${tags.join(' ')}`),
    });
  }
  for (let i = orgCount; i < total; i++) {
    const given = GIVEN[Math.floor(r() * GIVEN.length)];
    const family = FAMILY[Math.floor(r() * FAMILY.length)];
    const org = r() < 0.5 ? Math.floor(r() * ORGS.length) : Math.floor(r() * orgCount);
    const title = TITLES[Math.floor(r() * TITLES.length)];
    const name = `${given} ${family}`;
    const strength = r() < 0.7 ? 1 + Math.floor(r() * 5) : null;
    const last = Math.floor(r() * 150);
    const cadence = strength ? [30, 60, 90][Math.floor(r() * 3)] : null;
    const domain =
      fold(cards[org].name)
        .replace(/[^a-z]/g, '')
        .slice(0, 12) + '.be';
    const email = `${fold(given).replace(/[^a-z]/g, '')}.${fold(family).replace(/[^a-z]/g, '')}@${domain}`;
    const tags = r() < 0.6 ? [PERSON_TAGS[Math.floor(r() * PERSON_TAGS.length)]] : [];
    cards.push({
      id: idOf(i + 1),
      kind: 'person',
      name,
      detail: `${title} · ${cards[org].name}`,
      tags,
      visibility: r() < 0.12 ? 'private' : r() < 0.2 ? 'summary' : 'shared',
      strength,
      going_cold: cadence !== null && last > cadence,
      last_contact: strength !== null ? daysAgo(last) : null,
      sector: null,
      level: null,
      fields: {
        display_name: name,
        given_name: given,
        family_name: family,
        job_title: title,
        emails: [email],
        phones: [
          `+32 3 ${200 + Math.floor(r() * 700)} ${10 + Math.floor(r() * 89)} ${10 + Math.floor(r() * 89)}`,
        ],
        websites: [],
        tags,
      },
      org,
      cadence,
      trust: strength ? 1 + Math.floor(r() * 5) : null,
      key: words(`${name} ${title} ${cards[org].name} ${tags.join(' ')}`),
    });
  }
  cards.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return cards;
}

export function createMock(
  options: { cards?: number; fresh?: boolean; role?: 'networker' | 'manager' } = {},
): Backend {
  const total = options.cards ?? 100_000;
  let cards: Card[] = options.fresh ? [] : generate(total);
  let byId = new Map(cards.map((c) => [c.id, c]));
  let settings: Settings = { default_visibility: 'shared' };
  let profile: AppStatus['profile'] = options.fresh
    ? null
    : {
        networker: idOf(0),
        name: 'Sofie Van Aken',
        email: 'sofie.vanaken@stad.gent',
        role: options.role ?? 'networker',
      };
  const extraInteractions = new Map<string, InteractionView[]>();
  const extraNotes = new Map<string, NoteView[]>();
  const followUps: FollowUpView[] = [];
  const done = new Set<string>();
  let nextId = 10_000_000;
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const backupDir = '/home/sofie/.local/share/kring/store/backups/';
  const backups = [
    { name: '20261120T091244.000Z-before-import.kring-backup', bytes: 4_812_311 },
    { name: '20261102T164003.000Z-manual.kring-backup', bytes: 4_530_002 },
  ].map((b) => ({ ...b, path: backupDir + b.name }));
  let conflicts = [
    {
      id: idOf(77),
      kind: 'person',
      name: 'Jan Peeters',
      fields: [
        {
          field: 'job_title',
          current: 'Head of International Relations',
          current_by: 'Sofie Van Aken',
          current_at: daysAgo(3),
          losing: [{ value: 'Director International Affairs', node: 'Koen Maes', at: daysAgo(3) }],
        },
      ],
    },
    {
      id: idOf(3),
      kind: 'organisation',
      name: 'VITO',
      fields: [
        {
          field: 'website',
          current: 'https://vito.be',
          current_by: 'Els Willems',
          current_at: daysAgo(8),
          losing: [
            { value: 'https://www.vito.be/en', node: 'Bart Claes', at: daysAgo(8) },
            { value: 'https://vito.be/nl', node: 'Lotte Jacobs', at: daysAgo(9) },
          ],
        },
      ],
    },
  ];
  let lastReport: SyncReport | null = null;
  let duplicates = [
    {
      id: idOf(120),
      kind: 'person',
      name: 'Jan-Willem De Smet',
      other_id: idOf(121),
      other_name: 'Jan Willem Desmet',
      score: 0.93,
      reason: 'same email jw.desmet@portofantwerpbruges.com',
    },
    {
      id: idOf(230),
      kind: 'person',
      name: 'Lieve Müller',
      other_id: idOf(231),
      other_name: 'Lieve Muller',
      score: 0.81,
      reason: 'similar names at Universiteit Antwerpen',
    },
  ];

  const emit = (event: string, payload: unknown) =>
    (listeners.get(event) ?? []).forEach((h) => h(payload));

  const me = () => profile?.name ?? 'You';

  function status(): AppStatus {
    const people = cards.filter((c) => c.kind === 'person').length;
    return {
      profile,
      store_path: '/home/sofie/.local/share/kring/store',
      node_id: '7f3a9c21e4b05d18',
      counts: { person: people, organisation: cards.length - people, networker: 14 },
      counts_ready: true,
      settings,
      version: '0.1.0',
    };
  }

  function relationshipOf(card: Card): RelationshipView | null {
    if (card.strength === null) return null;
    return {
      id: card.id.replace('7a00', '7b00'),
      networker: idOf(0),
      networker_name: me(),
      stakeholder: card.id,
      stakeholder_name: card.name,
      strength: card.strength,
      trust: card.trust,
      given: ['Introduced to Eurocities working group', 'Speaker slot at Havendag'],
      received: ['Data on port emissions'],
      reciprocity_balance: 1,
      since: '2021-03-01',
      cadence_days: card.cadence,
      status: 'active',
      last_contact: card.last_contact,
      going_cold: card.going_cold,
      visibility: card.visibility,
    };
  }

  function interactionsOf(card: Card): InteractionView[] {
    const r = rng(parseInt(card.id.slice(-8), 16) + 7);
    const kinds = ['meeting', 'call', 'email', 'event', 'visit'] as const;
    const summaries = [
      'Coffee after the Eurocities working group; talked about the shore power pilot',
      'Call about the joint EU Interreg application, next steps agreed',
      'Site visit to the Blue Gate circular economy zone',
      'Met at the Flanders Investment & Trade reception',
      'Email exchange on the climate adaptation plan',
    ];
    const base = extraInteractions.get(card.id) ?? [];
    const generated: InteractionView[] =
      card.last_contact === null
        ? []
        : [0, 1, 2].map((i) => ({
            id: `${card.id}-i${i}`,
            kind: kinds[Math.floor(r() * kinds.length)],
            at: i === 0 ? card.last_contact! : daysAgo(40 * i + Math.floor(r() * 30) + 150),
            summary: summaries[Math.floor(r() * summaries.length)],
            participants: [
              [card.id, card.name],
              [idOf(0), me()],
            ] as [string, string][],
            outcomes: i === 0 ? ['Send the draft partnership agreement'] : [],
            visibility: 'shared',
          }));
    return [...base, ...generated].sort((a, b) => b.at.localeCompare(a.at));
  }

  function query(q: CardQuery) {
    const terms = fold(q.text ?? '')
      .split(/[\s-]+/)
      .filter(Boolean);
    const rows = cards.filter(
      (c) =>
        (!q.kind || c.kind === q.kind) &&
        (!q.tag || c.tags.includes(q.tag)) &&
        (!q.sector ||
          c.sector === q.sector ||
          (c.org !== null && cards[c.org]?.sector === q.sector)) &&
        (!q.level || c.level === q.level) &&
        (!q.min_strength || (c.strength ?? 0) >= q.min_strength) &&
        (!q.going_cold || c.going_cold) &&
        terms.every((w) => c.key.includes(` ${w}`)),
    );
    if (terms.length === 0) return rows;
    // Like the real search: cards whose name starts with the words come first.
    const prefix = ` ${terms.join(' ')}`;
    const head = (c: Card) => (c.key.startsWith(prefix) ? 0 : 1);
    return rows
      .map((c, i) => [head(c), i, c] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, , c]) => c);
  }

  const strip = (c: Card): CardRow => ({
    id: c.id,
    sector: c.sector,
    level: c.level,
    kind: c.kind,
    name: c.name,
    detail: c.detail,
    tags: c.tags,
    visibility: c.visibility,
    strength: c.strength,
    going_cold: c.going_cold,
    last_contact: c.last_contact,
  });

  function todayFollowUps(): FollowUpView[] {
    const people = cards.filter((c) => c.kind === 'person').slice(0, 12);
    const texts = [
      'Send the draft partnership agreement',
      'Invite to the Havendag panel',
      'Share the mobility survey results',
      'Ask for a quote for the EU application',
      'Introduce to the alderman for economy',
      'Congratulate on the new role',
    ];
    const generated = people.slice(0, 6).map((c, i) => ({
      id: `fu-${i}`,
      text: texts[i % texts.length],
      due: dateIn([-5, -1, 0, 3, 9, 16][i]),
      done: false,
      about: [[c.id, c.name]] as [string, string][],
      interaction: null,
    }));
    return [...followUps, ...generated].map((f) => ({ ...f, done: done.has(f.id) }));
  }

  const manager = createManagerMock({
    cardName: (id) => byId.get(id)?.name ?? null,
    me: () => ({ id: idOf(0), name: me() }),
  });
  const commands = {
    appStatus: () => ok(status()),
    firstRun: (name: string, email: string, role: string, demoCards: number | null) => {
      if (!name.trim()) return err<AppStatus>('invalid', 'Your name must not be empty.', 'name');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        return err<AppStatus>('invalid', `'${email}' is not an email address.`, 'email');
      profile = {
        networker: idOf(0),
        name,
        email,
        role: role === 'manager' ? 'manager' : 'networker',
      };
      if (demoCards) {
        cards = generate(demoCards);
        byId = new Map(cards.map((c) => [c.id, c]));
      }
      return ok(status());
    },
    loadDemo: (n: number) => {
      cards = generate(n);
      byId = new Map(cards.map((c) => [c.id, c]));
      return ok({
        networkers: 14,
        organisations: Math.round(n * 0.12),
        people: Math.round(n * 0.88),
        relationships: n,
        interactions: n * 3,
        follow_ups: 120,
        notes: 400,
        links: 300,
      });
    },
    queryCards: (q: CardQuery) => {
      const rows = query(q);
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 200;
      return ok({
        total: rows.length,
        offset,
        rows: rows.slice(offset, offset + limit).map(strip),
      });
    },
    cardFacets: () =>
      ok({
        tags: [...new Set(cards.flatMap((c) => c.tags))].sort(),
        sectors: ['public', 'business', 'social', 'voluntary', 'knowledge', 'media'],
        levels: ['local', 'regional', 'national', 'eu', 'international'],
      }),
    cardDetail: (id: string) => {
      const card = byId.get(id);
      if (!card) return err<CardDetail>('not_found', 'This card no longer exists.');
      const rel = relationshipOf(card);
      const org = card.org !== null ? cards.find((c) => c.id === idOf(card.org! + 1)) : null;
      const detail: CardDetail = {
        id,
        canonical: id,
        same_as: [],
        kind: card.kind,
        name: card.name,
        visibility: card.visibility,
        created_at: daysAgo(400),
        updated_at: daysAgo(12),
        author: me(),
        fields: card.fields,
        affiliations:
          card.kind === 'person' && org
            ? [
                {
                  id: `${id}-a1`,
                  person: id,
                  person_name: card.name,
                  organisation: org.id,
                  organisation_name: org.name,
                  title: String(card.fields.job_title ?? ''),
                  from: '2022-09-01',
                  to: null,
                  current: true,
                },
                {
                  id: `${id}-a0`,
                  person: id,
                  person_name: card.name,
                  organisation: idOf(4),
                  organisation_name: 'Universiteit Antwerpen',
                  title: 'Researcher',
                  from: '2016-10-01',
                  to: '2022-08-31',
                  current: false,
                },
              ]
            : [],
        relationships: rel ? [rel] : [],
        interactions: interactionsOf(card),
        notes: [
          ...(extraNotes.get(id) ?? []),
          {
            id: `${id}-n1`,
            text: 'Prefers a call over email. Speaks Dutch, French and English.',
            visibility: 'private',
            created_at: daysAgo(60),
          },
        ],
        follow_ups: todayFollowUps().filter((f) => f.about.some(([a]) => a === id)),
        links:
          card.kind === 'person' && org
            ? [
                {
                  id: `${id}-l1`,
                  from: id,
                  from_name: card.name,
                  to: org.id,
                  to_name: org.name,
                  kind: 'works_with',
                },
              ]
            : [],
        conflicts: conflicts.find((c) => c.id === id)?.fields ?? [],
      };
      return ok(detail);
    },
    savePerson: (id: string | null, input: PersonInput) => {
      const p = { display_name: '', tags: [], ...input };
      if (!p.display_name.trim())
        return err<string>('invalid', 'The name must not be empty.', 'display_name');
      const org = p.organisation ? byId.get(p.organisation) : null;
      const detail = [p.job_title, org?.name].filter(Boolean).join(' · ') || null;
      const existing = id ? byId.get(id) : undefined;
      const card: Card = {
        ...(existing ?? {
          id: idOf(nextId++),
          kind: 'person',
          strength: null,
          going_cold: false,
          last_contact: null,
          sector: null,
          level: null,
          org: null,
          cadence: null,
          trust: null,
        }),
        name: p.display_name,
        detail,
        tags: p.tags,
        visibility: p.visibility ?? settings.default_visibility ?? 'shared',
        fields: { ...p } as Record<string, Value>,
        key: words(`${p.display_name} ${detail ?? ''}`),
      } as Card;
      if (!existing) cards.unshift(card);
      else cards[cards.indexOf(existing)] = card;
      byId.set(card.id, card);
      return ok(card.id);
    },
    saveOrganisation: (id: string | null, input: OrganisationInput) => {
      const o = { name: '', tags: [], sector: null, level: null, ...input };
      if (!o.name.trim()) return err<string>('invalid', 'The name must not be empty.', 'name');
      const existing = id ? byId.get(id) : undefined;
      const card = {
        ...(existing ?? {
          id: idOf(nextId++),
          kind: 'organisation',
          strength: null,
          going_cold: false,
          last_contact: null,
          org: null,
          cadence: null,
          trust: null,
        }),
        name: o.name,
        detail: [o.sector, o.level].filter(Boolean).join(' · ') || null,
        tags: o.tags,
        sector: o.sector,
        level: o.level,
        visibility: o.visibility ?? settings.default_visibility ?? 'shared',
        fields: { ...o } as Record<string, Value>,
        key: words(o.name),
      } as Card;
      if (!existing) cards.unshift(card);
      else cards[cards.indexOf(existing)] = card;
      byId.set(card.id, card);
      return ok(card.id);
    },
    deleteCard: (id: string) => {
      cards = cards.filter((c) => c.id !== id);
      byId.delete(id);
      return ok(null);
    },
    relate: (stakeholder: string, rel: RelateInput) => {
      const card = byId.get(stakeholder);
      if (!card) return err<RelationshipView>('not_found', 'This card no longer exists.');
      if (rel.strength != null) card.strength = rel.strength;
      if (rel.trust != null) card.trust = rel.trust;
      if (rel.cadence_days != null) card.cadence = rel.cadence_days;
      if (card.strength === null) card.strength = 3;
      return ok(relationshipOf(card)!);
    },
    logInteraction: (input: LogInput) => {
      const i = {
        with: [] as string[],
        summary: '',
        outcomes: [] as string[],
        at: new Date().toISOString(),
        visibility: null,
        follow_up_text: null,
        follow_up_due: null,
        ...input,
        kind: (input.kind ?? 'meeting') as InteractionView['kind'],
      };
      if (!i.summary.trim())
        return err<never>('invalid', 'Say in a few words what happened.', 'summary');
      if (i.with.length === 0)
        return err<never>('invalid', 'Name at least one participant.', 'participants');
      const id = `int-${nextId++}`;
      const participants = i.with.map((w) => [w, byId.get(w)?.name ?? '?'] as [string, string]);
      for (const w of i.with) {
        const card = byId.get(w);
        if (!card) continue;
        card.last_contact = i.at;
        card.going_cold = false;
        const list = extraInteractions.get(w) ?? [];
        list.unshift({
          id,
          kind: i.kind,
          at: i.at,
          summary: i.summary,
          participants,
          outcomes: i.outcomes,
          visibility: i.visibility,
        });
        extraInteractions.set(w, list);
      }
      let fu: string | null = null;
      if (i.follow_up_text && i.follow_up_due) {
        fu = `fu-${nextId++}`;
        followUps.unshift({
          id: fu,
          text: i.follow_up_text,
          due: i.follow_up_due,
          done: false,
          about: participants,
          interaction: id,
        });
      }
      return ok({ interaction: id, follow_up: fu, relationships_touched: i.with });
    },
    addNote: (about: string, text: string, visibility: string | null) => {
      if (!text.trim()) return err<string>('invalid', 'The note is empty.', 'text');
      const list = extraNotes.get(about) ?? [];
      const id = `note-${nextId++}`;
      list.unshift({ id, text, visibility, created_at: new Date().toISOString() });
      extraNotes.set(about, list);
      return ok(id);
    },
    addAffiliation: () => ok(`aff-${nextId++}`),
    addLink: () => ok(`link-${nextId++}`),
    setFollowUpDone: (id: string, d: boolean) => {
      if (d) done.add(id);
      else done.delete(id);
      return ok(null);
    },
    today: async () => {
      const all = todayFollowUps().filter((f) => !f.done);
      const today = new Date().toISOString().slice(0, 10);
      const partnerships = await manager.listPartnerships();
      const fortnight = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const reviews_due: ReviewReminder[] =
        partnerships.status === 'ok'
          ? partnerships.data
              .filter((p) => p.next_review !== null && p.next_review <= fortnight)
              .map((p) => ({
                partnership: { id: p.id, name: p.partnership.name ?? '' },
                partners: p.partners,
                due: p.next_review!,
                days_overdue: Math.max(
                  0,
                  Math.round(
                    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${p.next_review}T00:00:00Z`)) /
                      86_400_000,
                  ),
                ),
                last_review: p.reviews[p.reviews.length - 1]?.review.date ?? null,
              }))
              .sort((a, b) => a.due.localeCompare(b.due))
          : [];
      return ok({
        due: all.filter((f) => f.due <= today),
        upcoming: all.filter((f) => f.due > today),
        going_cold: cards
          .filter((c) => c.going_cold)
          .slice(0, 6)
          .map((c) => relationshipOf(c)!),
        going_cold_total: cards.filter((c) => c.going_cold).length,
        reviews_due,
      });
    },
    exportPreview: (full: boolean) =>
      ok({
        path: '',
        kind: full ? ('Full' as const) : ('Delta' as const),
        records: full ? 48_211 : 1_234,
        bytes: full ? 6_120_400 : 182_330,
        private_kept_back: full ? 3_402 : 56,
        summarised: full ? 1_120 : 12,
        unchanged_left_out: full ? 0 : 46_977,
        sealed_for: full ? 0 : 2,
      }),
    exportBundle: (path: string, full: boolean) => {
      if (!path.trim()) return err<never>('invalid', 'Choose where to save the export.', 'path');
      if (!path.endsWith('.kring'))
        return err<never>('invalid', 'An export file ends in .kring.', 'path');
      return ok({
        path,
        kind: full ? ('Full' as const) : ('Delta' as const),
        records: full ? 48_211 : 1_234,
        bytes: full ? 6_120_400 : 182_330,
        private_kept_back: full ? 3_402 : 56,
        summarised: full ? 1_120 : 12,
        unchanged_left_out: full ? 0 : 46_977,
        sealed_for: full ? 0 : 2,
      });
    },
    importPreview: (paths: string[]) => {
      if (paths.length === 0)
        return err<never>('invalid', 'Choose at least one .kring file.', 'paths');
      if (paths.some((p) => p.includes('broken')))
        return err<never>(
          'bad_file',
          `${paths.find((p) => p.includes('broken'))} is not a Kring export (its signature does not match). Nothing was imported.`,
        );
      return ok(importReport(paths, true));
    },
    importBundles: (paths: string[]) =>
      new Promise<Result<ReturnType<typeof importReport>, AppError>>((resolve) => {
        let d = 0;
        const totalRecords = 3_968;
        const tick = setInterval(() => {
          d = Math.min(totalRecords, d + 397);
          emit('import-progress', { done: d, total: totalRecords });
          if (d >= totalRecords) {
            clearInterval(tick);
            resolve({ status: 'ok', data: importReport(paths, false) });
          }
        }, 120);
      }),
    listConflicts: () => ok(conflicts),
    resolveConflict: (id: string, field: string) => {
      conflicts = conflicts
        .map((c) => (c.id === id ? { ...c, fields: c.fields.filter((f) => f.field !== field) } : c))
        .filter((c) => c.fields.length > 0);
      return ok(null);
    },
    listDuplicates: () => ok(duplicates),
    sameAs: (a: string, b: string) => {
      duplicates = duplicates.filter((d) => !(d.id === a && d.other_id === b));
      return ok(null);
    },
    notSame: (a: string, b: string) => {
      duplicates = duplicates.filter((d) => !(d.id === a && d.other_id === b));
      return ok(null);
    },
    saveSettings: (s: Settings) => {
      settings = s;
      return ok(null);
    },
    saveIdentity: (name: string, email: string) => {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        return err<AppStatus>('invalid', `'${email}' is not an email address.`, 'email');
      if (profile) profile = { ...profile, name, email };
      return ok(status());
    },
    backupNow: () => {
      const name = `${new Date().toISOString().replace(/[-:]/g, '')}-manual.kring-backup`;
      const b = { name, path: backupDir + name, bytes: 4_900_112 };
      backups.unshift(b);
      return ok(b);
    },
    listBackups: () => ok([...backups]),
    restoreBackup: () => ok(status()),
    importContacts: (path: string, dryRun: boolean) => {
      if (!path.trim()) return err<never>('invalid', 'Choose a vCard or CSV file.', 'path');
      return ok({
        dry_run: dryRun,
        contacts_read: 412,
        people_added: 377,
        organisations_added: 41,
        cards_updated: 23,
        unchanged: 12,
        affiliations_added: 360,
        notes_added: 0,
        warnings: ['line 88: "n/a" is not an email address, left out'],
        preset: 'linkedin',
        encoding: 'utf-8',
      });
    },
    exportContacts: () => ok(cards.length),
    exportCalendar: () => ok(followUps.length + 6),
    syncStatus: () => ok(syncStatus()),
    syncNow: () => {
      if (!settings.sync_folder) return ok(null);
      const report: SyncReport = {
        folder: settings.sync_folder,
        role: profile?.role ?? 'networker',
        node: '7f3a9c21e4b05d18',
        at: new Date().toISOString(),
        imported: [`${settings.sync_folder}/master-2026-11-22.kring`],
        added: 112,
        changed: 40,
        deleted: 1,
        new_conflicts: 0,
        already_imported: 3,
        older_masters_ignored: 0,
        skipped: [],
        exported: {
          path: `${settings.sync_folder}/sofie-van-aken-delta.kring`,
          kind: 'Delta',
          records: 214,
          bytes: 40_112,
          private_kept_back: 12,
        },
        pruned: [],
        backup: null,
      };
      lastReport = report;
      emit('sync-finished', { status: syncStatus() });
      return ok(report);
    },
    ...manager,
    ...createNetworkMock({
      cards: () => cards,
      me: () => ({ id: idOf(0), name: me() }),
    }),
  } satisfies Partial<Commands>;

  function syncStatus(): SyncStatus {
    return {
      folder: settings.sync_folder ?? null,
      last_attempt_at: lastReport?.at ?? null,
      last_success_at: lastReport?.at ?? null,
      last_error: null,
      last_report: lastReport,
      peers: settings.sync_folder
        ? [
            {
              node: '0a1b2c3d4e5f6071',
              name: 'Bart Claes',
              role: 'manager',
              last_bundle_at: daysAgo(1),
              days_since: 1,
              stale: false,
            },
          ]
        : [],
    };
  }

  function importReport(paths: string[], dryRun: boolean) {
    const authors = [
      ['Koen Maes', 'networker', 1_512],
      ['Els Willems', 'networker', 2_456],
      ['Bart Claes', 'manager', 880],
    ] as const;
    return {
      dry_run: dryRun,
      files: paths.map((path, i) => ({
        path,
        author: authors[i % 3][0],
        node: ['a1b2c3d4e5f60718', '9f8e7d6c5b4a3921', '0a1b2c3d4e5f6071'][i % 3],
        role: authors[i % 3][1],
        kind: 'Delta' as const,
        records: authors[i % 3][2],
        created_at: daysAgo(i + 1),
        newly_trusted: i === 1,
      })),
      records_read: 3_968,
      added: 2_904,
      changed: 871,
      deleted: 14,
      unchanged: 177,
      new_conflicts: 2,
      clock_warnings: [],
      refused: [],
      refused_total: 0,
      held: [],
      backup: dryRun ? null : '/home/sofie/.local/share/kring/store/backups/before-import.kbak',
    };
  }

  const listen: ListenFn = async (event, handler) => {
    const list = listeners.get(event) ?? [];
    list.push(handler as (payload: unknown) => void);
    listeners.set(event, list);
    return () => {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((h) => h !== handler),
      );
    };
  };

  // Commands the preview does not know answer with an error in words, as the real app would.
  const everyCommand = new Proxy(commands as unknown as Commands, {
    get(target, name) {
      if (name in target) return target[name as keyof Commands];
      return () =>
        err('internal', `The browser preview cannot ${String(name)}; run the desktop app.`);
    },
  });

  return {
    commands: everyCommand,
    listen,
    dialogs: {
      save: async () =>
        `/home/sofie/Documents/kring-export-${new Date().toISOString().slice(0, 10)}.kring`,
      folder: async () => '/home/sofie/Stad Gent/Kring',
      open: async () => [
        '/home/sofie/Downloads/koen-maes-2026-11-20.kring',
        '/home/sofie/Downloads/els-willems-2026-11-21.kring',
      ],
    },
  };
}

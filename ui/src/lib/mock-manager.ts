// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-nocheck: the hand-written mock backend is replaced by the real core (golden answers and the dev bridge) in the next commit.
// The Manager of the Network's half of the in-memory Kring (browser preview, screenshots, tests):
// goals, Networking Teams, partnerships with a year of reviews, events, KPIs, offboarding and the
// transparency register, around the same fictional Flemish network as mock.ts. Deterministic.
import type { Result } from './api';
import type {
  AppError,
  CoverageRow,
  Event,
  EventView,
  Goal,
  GoalCoverage,
  GoalView,
  HandoverItem,
  HandoverPick,
  HandoverPlan,
  KpiReport,
  KpiScope,
  MonthKpis,
  Named,
  NetworkerSummary,
  Partnership,
  PartnershipReview,
  PartnershipView,
  RegisterEntry,
  ReviewView,
  ScopeKpis,
  Team,
  TeamRole,
  TeamView,
} from './bindings';
import { bandOf } from './manager';

/** What the manager mock needs from the card mock. */
export type ManagerContext = {
  /** A card's name, or null when the mock has no such card. */
  cardName: (id: string) => string | null;
  /** The owner's networker id and name. */
  me: () => Named;
};

const cardId = (n: number) => `01935c1e-7a00-7000-8000-${n.toString(16).padStart(12, '0')}`;
const networkerId = (n: number) => `01935c1e-7a00-7000-9000-${n.toString(16).padStart(12, '0')}`;

// The same anchors as mock.ts's ORGS, in its order (card n + 1).
const ORG_NAMES = [
  'Port of Antwerp-Bruges',
  'Stad Gent',
  'VITO',
  'Universiteit Antwerpen',
  'Universiteit Gent',
  'imec',
  'Provincie Antwerpen',
  'Vlaamse Overheid — Departement Omgeving',
  'De Lijn',
  'VOKA Antwerpen-Waasland',
  'BASF Antwerpen',
  'Telenet',
  'Eurocities',
  'European Commission — DG REGIO',
  'Gazet van Antwerpen',
  'VRT NWS',
  'Samenlevingsopbouw Antwerpen',
  'Rode Kruis Vlaanderen',
  'AG Vespa',
  'ZNA Ziekenhuis Netwerk Antwerpen',
  'Antwerp Management School',
  'Fluvius',
  'Aquafin',
  'North Sea Port',
];
const ORG = (i: number) => cardId(i + 1);

const COLLEAGUES: [string, string, string][] = [
  ['Koen Maes', 'koen.maes@antwerpen.be', 'Economie'],
  ['Els Willems', 'els.willems@antwerpen.be', 'Internationale relaties'],
  ['Bart Claes', 'bart.claes@antwerpen.be', 'Strategie'],
  ['Lotte Jacobs', 'lotte.jacobs@antwerpen.be', 'Klimaat'],
  ['Pieter De Clercq', 'pieter.declercq@antwerpen.be', 'Haven'],
  ['Hanne Peeters', 'hanne.peeters@antwerpen.be', 'Europa'],
  ['Dries Verhoeven', 'dries.verhoeven@antwerpen.be', 'Mobiliteit'],
  ['Fatima El Amrani', 'fatima.elamrani@antwerpen.be', 'Welzijn'],
  ['Wouter Lambrechts', 'wouter.lambrechts@antwerpen.be', 'Communicatie'],
  ['Ine Hermans', 'ine.hermans@antwerpen.be', 'Wonen'],
  ['Stijn Coppens', 'stijn.coppens@antwerpen.be', 'Economie'],
  ['Ruth Smets', 'ruth.smets@antwerpen.be', 'Onderwijs'],
  ['Youssef Yilmaz', 'youssef.yilmaz@antwerpen.be', 'Digitaal'],
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function ok<T>(data: T): Promise<Result<T, AppError>> {
  const delay = 20 + Math.random() * 60;
  return new Promise((resolve) => setTimeout(() => resolve({ status: 'ok', data }), delay));
}
function err<T>(
  code: string,
  message: string,
  field: string | null = null,
): Promise<Result<T, AppError>> {
  return Promise.resolve({ status: 'error', error: { code, message, field } });
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function createManagerMock(ctx: ManagerContext) {
  const NOW = new Date();
  const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
  const name = (id: string): string => {
    const known = ctx.cardName(id);
    if (known) return known;
    const org = ORG_NAMES.findIndex((_, i) => ORG(i) === id);
    if (org >= 0) return ORG_NAMES[org];
    const colleague = networkers.find((n) => n.id === id);
    if (colleague) return colleague.name;
    return 'Unknown card';
  };
  const named = (id: string): Named => ({ id, name: name(id) });
  let nextId = 1;
  const newId = () => `01935c1e-7c00-7000-8000-${(nextId++).toString(16).padStart(12, '0')}`;

  // ---- networkers
  const networkers: NetworkerSummary[] = [
    { name: ctx.me().name, email: null, unit: 'Netwerkbeheer' },
    ...COLLEAGUES.map(([n, email, unit]) => ({ name: n, email, unit })),
  ].map((n, i) => {
    const r = rng(100 + i);
    const relationships = 20 + Math.floor(r() * 140);
    return {
      id: i === 0 ? ctx.me().id : networkerId(i),
      name: n.name,
      email: n.email ?? null,
      unit: n.unit,
      status: 'active',
      relationships,
      current_relationships: Math.round(relationships * (0.7 + r() * 0.25)),
      sole_contact_for: Math.floor(r() * 12),
      teams: [],
    };
  });
  const colleague = (i: number) => networkers[i + 1];

  // ---- goals
  const goals: { id: string; goal: Goal }[] = [
    {
      id: newId(),
      goal: {
        name: 'Haven en logistiek versterken',
        description:
          'Antwerpen blijft de tweede haven van Europa, met een duurzame logistieke keten.',
        vision:
          'Elke grote speler in de haven kent minstens twee mensen van de stad, en wij kennen hun plannen voor ze in de krant staan.',
        status: 'active',
        until: '2027-12-31',
        priority_stakeholders: [0, 9, 10, 23, 8, 21].map(ORG),
      },
    },
    {
      id: newId(),
      goal: {
        name: 'Europese middelen binnenhalen',
        description: 'Meer EU-financiering voor stadsprojecten via sterke relaties in Brussel.',
        vision: 'Vroeg weten welke oproepen komen, en partners klaar hebben als ze verschijnen.',
        status: 'active',
        until: '2027-06-30',
        priority_stakeholders: [12, 13, 3, 5, 6].map(ORG),
      },
    },
    {
      id: newId(),
      goal: {
        name: 'Klimaatneutrale stad 2030',
        description: 'Samen met partners de uitstoot halveren tegen 2030.',
        vision: 'Kennisinstellingen, netbeheerders en buurten trekken samen aan één plan.',
        status: 'active',
        until: '2030-12-31',
        priority_stakeholders: [2, 21, 22, 7, 16, 4].map(ORG),
      },
    },
  ];

  function coverage(id: string, goal: Goal): GoalCoverage {
    const rows: CoverageRow[] = (goal.priority_stakeholders ?? []).map((s, i) => {
      const r = rng(s.length + i * 7 + s.charCodeAt(s.length - 1));
      const covered = i % 3 !== 2;
      const strength = covered ? 3 + Math.floor(r() * 3) : 1 + Math.floor(r() * 2);
      const who = networkers[1 + Math.floor(r() * (networkers.length - 1))];
      const nets = covered ? 1 + Math.floor(r() * 4) : Math.floor(r() * 2);
      return {
        stakeholder: s,
        name: name(s),
        covered,
        best:
          nets > 0
            ? {
                relationship: `${s}-rel`,
                networker: who.id,
                networker_name: who.name,
                strength,
                last_contact: daysAgo(Math.floor(r() * (covered ? 40 : 200))).toISOString(),
                active: covered || r() < 0.3,
                healthy: covered,
              }
            : null,
        networkers: nets,
      };
    });
    const covered = rows.filter((r) => r.covered);
    const total = rows.length;
    return {
      goal: id,
      name: goal.name ?? '',
      covered,
      uncovered: rows.filter((r) => !r.covered),
      coverage_percent: total ? Math.round((covered.length / total) * 1000) / 10 : null,
    };
  }

  const goalViews = (): GoalView[] =>
    goals.map(({ id, goal }) => ({ id, goal, visibility: 'shared', coverage: coverage(id, goal) }));

  // ---- teams
  const teams: { id: string; team: Team; purpose: string }[] = [
    {
      id: newId(),
      purpose: 'De relaties met de haven, de logistiek en de werkgevers.',
      team: {
        name: 'Team Haven',
        members: [
          { networker: colleague(4).id, role: 'lead' },
          { networker: colleague(0).id, role: 'member' },
          { networker: colleague(10).id, role: 'member' },
          { networker: colleague(2).id, role: 'advisor' },
        ],
        stakeholders: [0, 9, 10, 23].map(ORG),
        accountable: [
          { stakeholder: ORG(0), networker: colleague(4).id },
          { stakeholder: ORG(9), networker: colleague(0).id },
          { stakeholder: ORG(23), networker: colleague(10).id },
        ],
      },
    },
    {
      id: newId(),
      purpose: 'Brussel, Eurocities en de Europese programma’s.',
      team: {
        name: 'Team Europa',
        members: [
          { networker: colleague(5).id, role: 'lead' },
          { networker: colleague(1).id, role: 'member' },
          { networker: colleague(12).id, role: 'member' },
        ],
        stakeholders: [12, 13, 6].map(ORG),
        accountable: [
          { stakeholder: ORG(12), networker: colleague(1).id },
          { stakeholder: ORG(13), networker: colleague(5).id },
        ],
      },
    },
    {
      id: newId(),
      purpose: 'Kennispartners, netbeheerders en buurten voor het klimaatplan.',
      team: {
        name: 'Team Klimaat',
        members: [
          { networker: colleague(3).id, role: 'lead' },
          { networker: colleague(7).id, role: 'member' },
          { networker: colleague(9).id, role: 'member' },
        ],
        stakeholders: [2, 21, 22, 16].map(ORG),
        accountable: [
          { stakeholder: ORG(2), networker: colleague(3).id },
          { stakeholder: ORG(21), networker: colleague(3).id },
        ],
      },
    },
  ];

  const left = new Set<string>();
  const networkerName = (id: string) => networkers.find((n) => n.id === id)?.name ?? name(id);

  function teamViews(): TeamView[] {
    return teams.map(({ id, team, purpose }) => {
      const members = team.members ?? [];
      return {
        id,
        name: team.name ?? '',
        purpose,
        visibility: 'shared',
        members: members.map((m) => ({
          networker: m.networker,
          name: networkerName(m.networker),
          role: m.role,
          left: left.has(m.networker),
        })),
        stakeholders: (team.stakeholders ?? []).map((s, i) => ({
          stakeholder: s,
          name: name(s),
          accountable: (team.accountable ?? [])
            .filter((a) => a.stakeholder === s)
            .map((a) => ({ id: a.networker, name: networkerName(a.networker) })),
          known_by_members: members
            .filter((_, j) => (i + j) % 2 === 0)
            .map((m) => ({ id: m.networker, name: networkerName(m.networker) })),
        })),
      };
    });
  }

  // ---- partnerships
  const reviewsOf = new Map<string, ReviewView[]>();
  const partnerships: { id: string; p: Partnership; created: Date }[] = [
    {
      id: newId(),
      created: daysAgo(420),
      p: {
        name: 'Havenalliantie Antwerpen–Brugge',
        status: 'active',
        partners: [ORG(0), ORG(23), ORG(9)],
        objectives: [
          'Eén aanspreekpunt voor bedrijven die zich in de haven vestigen',
          'Walstroom aan alle cruise- en riviercruisekaaien tegen 2028',
          'Samen 1.200 technische jobs invullen met de werkgevers',
        ],
        accountabilities: [
          { partner: ORG(0), text: 'Levert de havendata en trekt de walstroompilot.' },
          { partner: ORG(9), text: 'Brengt de werkgevers samen en volgt de jobs op.' },
          { partner: ORG(23), text: 'Deelt de ervaring van Gent en Terneuzen.' },
        ],
        red_lines: [
          'sector:media',
          'Geen exclusieve afspraken met één bedrijf',
          'tag:lobbyregister-ontbreekt',
        ],
        benefits_and_risks:
          'Kosten van gezamenlijke studies 40/40/20; subsidies volgen de kosten. Elk draagt het risico van de eigen projecten.',
        exit_arrangements:
          'Opzeg met zes maanden; lopende projecten worden afgewerkt; gedeelde data blijven beschikbaar.',
        review_every_days: 90,
        started: day(daysAgo(400)),
        lead: colleague(4).id,
      },
    },
    {
      id: newId(),
      created: daysAgo(300),
      p: {
        name: 'Klimaatpact met VITO en Fluvius',
        status: 'active',
        partners: [ORG(2), ORG(21)],
        objectives: ['Warmtenet Nieuw Zuid uitbreiden', 'Data voor het klimaatplan delen'],
        accountabilities: [
          { partner: ORG(2), text: 'Modelleert de scenario’s.' },
          { partner: ORG(21), text: 'Legt het warmtenet aan en meet.' },
        ],
        red_lines: ['Geen fossiele investeringen na 2027'],
        benefits_and_risks:
          'Besparingen worden jaarlijks gedeeld volgens de investering; Fluvius draagt het netrisico.',
        exit_arrangements: 'Jaarlijks opzegbaar; het warmtenet blijft van Fluvius.',
        review_every_days: 120,
        started: day(daysAgo(290)),
        lead: colleague(3).id,
      },
    },
    {
      id: newId(),
      created: daysAgo(500),
      p: {
        name: 'Eurocities — Digital Forum',
        status: 'active',
        partners: [ORG(12), ORG(1)],
        objectives: ['Een gezamenlijke Horizon-aanvraag over digitale tweelingen'],
        accountabilities: [{ partner: ORG(12), text: 'Coördineert de werkgroep.' }],
        red_lines: [],
        benefits_and_risks: 'Elke stad draagt de eigen kosten; de subsidie volgt het werkpakket.',
        exit_arrangements: null,
        review_every_days: 180,
        started: day(daysAgo(480)),
        lead: colleague(5).id,
      },
    },
    {
      id: newId(),
      created: daysAgo(20),
      p: {
        name: 'Circulaire haven met BASF',
        status: 'prospective',
        partners: [ORG(10), ORG(14)],
        objectives: ['Restwarmte naar het stadsnet'],
        accountabilities: [],
        red_lines: ['sector:media', 'Geen logo op stadscampagnes'],
        benefits_and_risks: null,
        exit_arrangements: null,
        review_every_days: 90,
        started: null,
        lead: colleague(10).id,
      },
    },
  ];

  function seedReviews() {
    const plans: [number, number[][]][] = [
      [
        0,
        [
          [3, 3, 4, 3, 3],
          [4, 3, 4, 4, 3],
          [4, 4, 4, 4, 4],
          [5, 4, 4, 4, 5],
        ],
      ],
      [
        1,
        [
          [4, 4, 4, 3, 4],
          [3, 3, 4, 3, 3],
          [3, 2, 3, 3, 3],
        ],
      ],
      [
        2,
        [
          [4, 3, 3, 3, 2],
          [3, 2, 3, 2, 2],
        ],
      ],
    ];
    for (const [index, scores] of plans) {
      const p = partnerships[index];
      const every = p.p.review_every_days ?? 90;
      const list = scores.map((s, i) =>
        reviewView({
          partnership: p.id,
          date: day(daysAgo(every * (scores.length - i) - (index === 2 ? 40 : 10))),
          values_based_leadership: s[0],
          sharing_credit: s[1],
          outcomes_for_communities: s[2],
          communication_and_listening: s[3],
          empowering_staff: s[4],
          notes:
            i === scores.length - 1
              ? 'Goede opvolging van de afspraken; communicatie naar de buurten kan beter.'
              : null,
          reviewer: ctx.me().id,
        }),
      );
      reviewsOf.set(p.id, list);
    }
  }

  function reviewView(review: PartnershipReview): ReviewView {
    const scores = [
      review.values_based_leadership,
      review.sharing_credit,
      review.outcomes_for_communities,
      review.communication_and_listening,
      review.empowering_staff,
    ];
    const health = Math.round((scores.reduce((a, b) => a + b, 0) / 5) * 10) / 10;
    return { id: newId(), review, health, band: bandOf(health) ?? 'at risk' };
  }

  function partnershipView({ id, p, created }: (typeof partnerships)[number]): PartnershipView {
    const reviews = reviewsOf.get(id) ?? [];
    const last = reviews[reviews.length - 1];
    const base = last?.review.date ?? p.started ?? day(created);
    const next =
      p.status === 'ended' || !p.review_every_days
        ? null
        : day(new Date(Date.parse(`${base}T00:00:00Z`) + p.review_every_days * 86_400_000));
    const warnings: string[] = [];
    for (const partner of p.partners ?? []) {
      const media =
        ORG_NAMES.indexOf(name(partner)) === 14 || ORG_NAMES.indexOf(name(partner)) === 15;
      if (media && (p.red_lines ?? []).includes('sector:media'))
        warnings.push(`${name(partner)}: sector:media`);
    }
    return {
      id,
      partnership: p,
      visibility: 'shared',
      partners: (p.partners ?? []).map(named),
      reviews,
      health: last?.health ?? null,
      band: last?.band ?? null,
      next_review: next,
      review_due: next !== null && next <= day(NOW),
      red_line_warnings: warnings,
    };
  }

  // ---- events
  const events: { id: string; event: Event }[] = [
    {
      id: newId(),
      event: {
        name: 'Havendag 2026 — netwerkreceptie',
        kind: 'reception',
        at: new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - 12, 17, 30).toISOString(),
        location: 'Havenhuis, Zaha Hadidplein 1, Antwerpen',
        invited: [colleague(4).id, colleague(0).id, ORG(0), ORG(9), ORG(10), ORG(23)],
        attending: [colleague(4).id, colleague(0).id, ORG(0), ORG(9)],
        outcomes: ['Afspraak over een gezamenlijke jobbeurs in maart', 'Walstroom op de agenda'],
        notes: null,
      },
    },
    {
      id: newId(),
      event: {
        name: 'Workshop klimaatadaptatie met de buurten',
        kind: 'workshop',
        at: new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - 30, 9, 0).toISOString(),
        location: 'De Studio, Maarschalk Gérardstraat 4',
        invited: [colleague(3).id, colleague(7).id, ORG(2), ORG(16), ORG(21)],
        attending: [colleague(3).id, ORG(2), ORG(16)],
        outcomes: ['Drie buurten doen mee aan de ontharding'],
        notes: null,
      },
    },
    {
      id: newId(),
      event: {
        name: 'Eurocities Annual Conference',
        kind: 'conference',
        at: new Date(NOW.getFullYear(), NOW.getMonth() - 2, 14, 9, 0).toISOString(),
        location: 'Braga',
        invited: [colleague(5).id, colleague(1).id, ORG(12)],
        attending: [colleague(5).id, colleague(1).id, ORG(12), ORG(13)],
        outcomes: [],
        notes: null,
      },
    },
    {
      id: newId(),
      event: {
        name: 'Nieuwsbrief Netwerk Antwerpen — najaar',
        kind: 'newsletter',
        at: new Date(NOW.getFullYear(), NOW.getMonth() - 1, 3, 10, 0).toISOString(),
        location: null,
        invited: [ORG(0), ORG(2), ORG(9), ORG(12), ORG(13), ORG(21)],
        attending: [],
        outcomes: [],
        notes: null,
      },
    },
    {
      id: newId(),
      event: {
        name: 'Webinar EU-oproepen 2027',
        kind: 'webinar',
        at: new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 9, 14, 0).toISOString(),
        location: 'Online (Teams)',
        invited: [colleague(5).id, colleague(12).id, ORG(13), ORG(3), ORG(5)],
        attending: [],
        outcomes: [],
        notes: null,
      },
    },
  ];

  const eventViews = (): EventView[] =>
    [...events]
      .sort((a, b) => b.event.at.localeCompare(a.event.at))
      .map(({ id, event }) => ({
        id,
        event,
        visibility: 'shared',
        invited: (event.invited ?? []).map(named),
        attending: (event.attending ?? []).map(named),
      }));

  // ---- KPIs
  function months(count: number): string[] {
    const out: string[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const d = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - i, 1));
      out.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
    }
    return out;
  }

  function series(scope: KpiScope, size: number, seed: number, monthsWanted: number): ScopeKpis {
    const r = rng(seed);
    const list = months(monthsWanted);
    const priorityTotal = scope.kind === 'networker' ? 17 : Math.max(3, Math.round(size / 20));
    let active = Math.round(size * 0.55);
    let covered = Math.round(priorityTotal * 0.55);
    let spof = Math.round(size * 0.09) + 2;
    const rows: MonthKpis[] = list.map((month, i) => {
      const last = i === list.length - 1;
      active = Math.max(0, active + Math.round((r() - 0.35) * size * 0.04));
      covered = Math.min(
        priorityTotal,
        Math.max(0, covered + (r() < 0.35 ? 1 : r() < 0.15 ? -1 : 0)),
      );
      spof = Math.max(0, spof + (r() < 0.4 ? -1 : r() < 0.25 ? 1 : 0));
      const interactions = Math.round(size * (0.28 + r() * 0.2) * (last ? 0.75 : 1));
      const evts = Math.round(r() * Math.max(1, size / 90));
      const [y, m] = month.split('-').map(Number);
      return {
        month,
        at: last ? NOW.toISOString() : new Date(Date.UTC(y, m, 0, 23, 59, 59)).toISOString(),
        active_relationships: active,
        interactions,
        events: evts,
        newsletters: scope.kind === 'organisation' && i % 3 === 1 ? 1 : 0,
        outcomes: Math.round((interactions + evts) * (0.08 + r() * 0.1)),
        going_cold: Math.round(size * (0.12 - i * 0.004) + r() * 4),
        priority_covered: covered,
        priority_total: priorityTotal,
        coverage_percent: priorityTotal ? Math.round((covered / priorityTotal) * 1000) / 10 : null,
        single_points_of_failure: spof,
      };
    });
    const totals = rows.reduce(
      (t, m) => ({
        interactions: t.interactions + m.interactions,
        events: t.events + m.events,
        newsletters: t.newsletters + m.newsletters,
        outcomes: t.outcomes + m.outcomes,
      }),
      { interactions: 0, events: 0, newsletters: 0, outcomes: 0 },
    );
    const contacts = totals.interactions + totals.events;
    const rels = rows[rows.length - 1].active_relationships + Math.round(size * 0.1);
    const given = Math.round(rels * 0.9);
    const received = Math.round(rels * (0.6 + r() * 0.2));
    const giving = Math.round(rels * 0.38);
    const receiving = Math.round(rels * 0.21);
    return {
      scope,
      months: rows,
      reciprocity: {
        relationships: rels,
        given,
        received,
        balance: given - received,
        giving_more: giving,
        receiving_more: receiving,
        balanced: rels - giving - receiving,
      },
      return_on_relationship: contacts
        ? Math.round((totals.outcomes / contacts) * 1000) / 10
        : null,
      totals,
    };
  }

  function kpiReport(monthsWanted: number): KpiReport {
    const list = months(monthsWanted);
    return {
      generated_at: NOW.toISOString(),
      from: `${list[0]}-01`,
      to: day(NOW),
      organisation: series(
        { kind: 'organisation', id: null, name: 'Stad Antwerpen' },
        620,
        7,
        monthsWanted,
      ),
      goals: goals.map(({ id, goal }, i) =>
        series({ kind: 'goal', id, name: goal.name ?? '' }, 120 + i * 30, 20 + i, monthsWanted),
      ),
      coverage: goalViews().map((g) => g.coverage),
      teams: teams.map(({ id, team }, i) =>
        series({ kind: 'team', id, name: team.name ?? '' }, 90 + i * 25, 40 + i, monthsWanted),
      ),
      networkers: networkers
        .filter((n) => !left.has(n.id))
        .map((n, i) =>
          series(
            { kind: 'networker', id: n.id, name: n.name },
            n.relationships,
            60 + i,
            monthsWanted,
          ),
        ),
    };
  }

  // ---- offboarding
  function plan(
    networker: string,
    successors: string[],
    picks: HandoverPick[],
    apply: boolean,
  ): HandoverPlan {
    const who = networkers.find((n) => n.id === networker)!;
    const r = rng(networker.charCodeAt(networker.length - 1) * 31 + 5);
    const others = networkers.filter((n) => n.id !== networker && !left.has(n.id));
    const stakeholders = [0, 9, 12, 2, 21, 13, 3, 10, 16, 6, 19, 22].slice(
      0,
      6 + Math.floor(r() * 6),
    );
    const items: HandoverItem[] = stakeholders.map((o) => {
      const strength = 1 + Math.floor(r() * 5);
      const trust = r() < 0.8 ? 1 + Math.floor(r() * 5) : null;
      const priority = goals.some((g) => g.goal.priority_stakeholders?.includes(ORG(o)));
      const team = teams.find((t) => t.team.stakeholders?.includes(ORG(o)));
      const accountable = team?.team.accountable?.some(
        (a) => a.stakeholder === ORG(o) && a.networker === networker,
      );
      const reasons = [
        ...(priority
          ? [
              `priority stakeholder of ${goals
                .filter((g) => g.goal.priority_stakeholders?.includes(ORG(o)))
                .map((g) => g.goal.name)
                .join(', ')}`,
            ]
          : []),
        ...(accountable ? ['accountable for it in a team'] : []),
        ...(team ? [`looked after by ${team.team.name}`] : []),
      ];
      const known = Math.floor(r() * 3);
      const candidates = others
        .slice()
        .sort(() => r() - 0.5)
        .slice(0, known + 1)
        .map((n, j) => ({
          networker: n.id,
          name: n.name,
          reason:
            j < known
              ? 'knows the stakeholder'
              : team
                ? `member of ${team.team.name}`
                : 'team mate',
          strength: j < known ? 1 + Math.floor(r() * 5) : null,
        }));
      const picked = picks.find((p) => p.stakeholder === ORG(o));
      const chosen = picked
        ? (candidates.find((c) => c.networker === picked.successor) ?? {
            networker: picked.successor,
            name: networkerName(picked.successor),
            strength: null,
          })
        : successors.length === 0
          ? candidates[0]
          : (candidates.find((c) => successors.includes(c.networker)) ?? {
              networker: successors[0],
              name: networkerName(successors[0]),
              strength: null,
            });
      const importance =
        strength + (trust ?? 0) + (priority ? 5 : 0) + (accountable ? 3 : 0) + (team ? 2 : 0);
      return {
        relationship: `${ORG(o)}-${networker}`,
        stakeholder: ORG(o),
        stakeholder_name: name(ORG(o)),
        strength,
        trust,
        status: 'active',
        last_contact: daysAgo(Math.floor(r() * 160)).toISOString(),
        importance,
        risk:
          known === 0 ? 'high' : candidates.some((c) => (c.strength ?? 0) >= 3) ? 'low' : 'medium',
        reasons,
        candidates,
        successor: chosen ? { id: chosen.networker, name: chosen.name } : null,
        creates_relationship: chosen ? chosen.strength === null : false,
      };
    });
    const order = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    items.sort((a, b) => b.importance - a.importance || order[a.risk] - order[b.risk]);
    const assigned = items.filter((i) => i.successor).length;
    const memberships = teams.filter((t) => t.team.members?.some((m) => m.networker === networker));
    const moved = teams.reduce(
      (n, t) => n + (t.team.accountable ?? []).filter((a) => a.networker === networker).length,
      0,
    );
    if (apply) {
      left.add(networker);
      who.status = 'left';
      for (const t of memberships) {
        t.team.members = (t.team.members ?? []).filter((m) => m.networker !== networker);
        t.team.accountable = (t.team.accountable ?? []).map((a) => {
          if (a.networker !== networker) return a;
          const item = items.find((i) => i.stakeholder === a.stakeholder);
          return { ...a, networker: item?.successor?.id ?? a.networker };
        });
      }
    }
    return {
      networker: { id: who.id, name: who.name },
      items,
      assigned,
      unassigned: items.length - assigned,
      new_relationships: items.filter((i) => i.successor && i.creates_relationship).length,
      accountabilities_moved: moved,
      team_memberships_ended: memberships.length,
      applied: apply,
    };
  }

  // ---- transparency register
  const SUMMARIES = [
    'Overleg walstroom aan de Rijnkaai',
    'Voorbereiding Interreg-aanvraag circulaire bouw',
    'Werkbezoek Blue Gate',
    'Afstemming klimaatplan en warmtenet',
    'Gesprek over de jobbeurs technische beroepen',
    'Lunch met de werkgroep Digital Forum',
    'Toelichting mobiliteitsplan Linkeroever',
  ];
  function register(from: string, to: string): RegisterEntry[] {
    const r = rng(99);
    const out: RegisterEntry[] = [];
    for (let d = 400; d >= 0; d -= 2 + Math.floor(r() * 4)) {
      const at = daysAgo(d);
      const date = day(at);
      const o = Math.floor(r() * ORG_NAMES.length);
      const n = networkers[1 + Math.floor(r() * (networkers.length - 1))];
      if (date < from || date > to) continue;
      const kinds = ['meeting', 'call', 'visit', 'meeting', 'event: reception'];
      out.push({
        date,
        id: `reg-${d}`,
        kind: kinds[Math.floor(r() * kinds.length)],
        networkers: [n.name],
        stakeholders: [ORG_NAMES[o]],
        organisations: [ORG_NAMES[o]],
        about: SUMMARIES[Math.floor(r() * SUMMARIES.length)],
        outcomes: r() < 0.3 ? ['Vervolgafspraak gepland'] : [],
      });
    }
    return out;
  }

  const needPath = (path: string) =>
    path.trim() === '' ? err<never>('invalid', 'Choose where to save the file.', 'path') : null;

  seedReviews();

  return {
    kpiReport: (months: number) => ok(kpiReport(Math.max(1, Math.min(120, months)))),
    exportKpis: (path: string) => needPath(path) ?? ok(null),
    listGoals: () => ok(goalViews()),
    createGoal: (goal: Goal) => {
      if (!goal.name?.trim()) return err<string>('invalid', 'Give the goal a name.', 'name');
      const id = newId();
      goals.push({ id, goal: { status: 'active', ...goal } });
      return ok(id);
    },
    updateGoal: (id: string, _base: Goal, goal: Goal) => {
      const g = goals.find((x) => x.id === id);
      if (!g) return err<GoalView>('not_found', 'This goal no longer exists.');
      if (!goal.name?.trim()) return err<GoalView>('invalid', 'name: must not be empty', 'name');
      g.goal = { ...goal };
      return ok(goalViews().find((v) => v.id === id)!);
    },
    linkToGoal: (goal: string, targets: string[], link: boolean) => {
      const g = goals.find((x) => x.id === goal);
      if (!g) return err<null>('not_found', 'This goal no longer exists.');
      const list = new Set(g.goal.priority_stakeholders ?? []);
      for (const t of targets) {
        if (link) list.add(t);
        else list.delete(t);
      }
      g.goal.priority_stakeholders = [...list];
      return ok(null);
    },
    listTeams: () => ok(teamViews()),
    createTeam: (team: Team) => {
      if (!team.name?.trim()) return err<string>('invalid', 'Give the team a name.', 'name');
      const id = newId();
      teams.push({
        id,
        team: { members: [], stakeholders: [], accountable: [], ...team },
        purpose: team.purpose ?? '',
      });
      return ok(id);
    },
    updateTeam: (id: string, _base: Team, team: Team) => {
      const t = teams.find((x) => x.id === id);
      if (!t) return err<TeamView>('not_found', 'This team no longer exists.');
      if (!team.name?.trim()) return err<TeamView>('invalid', 'name: must not be empty', 'name');
      t.team = { ...t.team, name: team.name, purpose: team.purpose };
      t.purpose = team.purpose ?? '';
      return ok(teamViews().find((v) => v.id === id)!);
    },
    setTeamMember: (team: string, networker: string, role: TeamRole | null) => {
      const t = teams.find((x) => x.id === team);
      if (!t) return err<null>('not_found', 'This team no longer exists.');
      const members = (t.team.members ?? []).filter((m) => m.networker !== networker);
      t.team.members = role ? [...members, { networker, role }] : members;
      return ok(null);
    },
    lookAfter: (team: string, stakeholder: string, accountable: string | null, remove: boolean) => {
      const t = teams.find((x) => x.id === team);
      if (!t) return err<null>('not_found', 'This team no longer exists.');
      const list = (t.team.stakeholders ?? []).filter((s) => s !== stakeholder);
      const acc = (t.team.accountable ?? []).filter((a) => a.stakeholder !== stakeholder);
      t.team.stakeholders = remove ? list : [...list, stakeholder];
      t.team.accountable =
        remove || !accountable ? acc : [...acc, { stakeholder, networker: accountable }];
      return ok(null);
    },
    listPartnerships: () => ok(partnerships.map(partnershipView)),
    createPartnership: (p: Partnership) => {
      if (!p.name?.trim()) return err<string>('invalid', 'Give the partnership a name.', 'name');
      if (!p.partners?.length)
        return err<string>('invalid', 'Name at least one partner organisation.', 'partners');
      const id = newId();
      partnerships.push({ id, p, created: new Date() });
      return ok(id);
    },
    updatePartnership: (id: string, _base: Partnership, p: Partnership) => {
      const found = partnerships.find((x) => x.id === id);
      if (!found) return err<PartnershipView>('not_found', 'This partnership no longer exists.');
      if (!p.name?.trim())
        return err<PartnershipView>('invalid', 'name: must not be empty', 'name');
      if (p.review_every_days === 0)
        return err<PartnershipView>(
          'invalid',
          'review_every_days: must be at least 1 day',
          'review_every_days',
        );
      if ((p.objectives ?? []).some((o) => !o.trim()))
        return err<PartnershipView>('invalid', 'objectives: must not be empty', 'objectives');
      found.p = { ...p };
      return ok(partnershipView(found));
    },
    reviewPartnership: (review: PartnershipReview) => {
      const p = partnerships.find((x) => x.id === review.partnership);
      if (!p) return err<PartnershipView>('not_found', 'This partnership no longer exists.');
      for (const [field, value] of Object.entries(review)) {
        if (typeof value === 'number' && (value < 1 || value > 5 || !Number.isInteger(value)))
          return err<PartnershipView>('invalid', `${field} must be 1 to 5.`, field);
      }
      const list = [...(reviewsOf.get(p.id) ?? []), reviewView(review)];
      list.sort((a, b) => a.review.date.localeCompare(b.review.date));
      reviewsOf.set(p.id, list);
      return ok(partnershipView(p));
    },
    listEvents: () => ok(eventViews()),
    createEvent: (event: Event) => {
      if (!event.name?.trim()) return err<string>('invalid', 'Give the event a name.', 'name');
      const id = newId();
      events.push({ id, event });
      return ok(id);
    },
    updateEvent: (id: string, _base: Event, event: Event) => {
      const e = events.find((x) => x.id === id);
      if (!e) return err<EventView>('not_found', 'This event no longer exists.');
      if (!event.name?.trim()) return err<EventView>('invalid', 'name: must not be empty', 'name');
      if ((event.outcomes ?? []).some((o) => !o.trim()))
        return err<EventView>('invalid', 'outcomes: must not be empty', 'outcomes');
      e.event = { ...event };
      return ok(eventViews().find((v) => v.id === id)!);
    },
    addToEvent: (event: string, invited: string[], attending: string[]) => {
      const e = events.find((x) => x.id === event);
      if (!e) return err<null>('not_found', 'This event no longer exists.');
      e.event.invited = [...new Set([...(e.event.invited ?? []), ...invited])];
      e.event.attending = [...new Set([...(e.event.attending ?? []), ...attending])];
      return ok(null);
    },
    listNetworkers: () => ok(networkers.map((n) => ({ ...n }))),
    offboard: (networker: string, successors: string[], picks: HandoverPick[], dryRun: boolean) => {
      const who = networkers.find((n) => n.id === networker);
      if (!who) return err<HandoverPlan>('not_found', 'No such networker.');
      if (who.status === 'left')
        return err<HandoverPlan>('invalid', `${who.name} has already left the organisation.`);
      if (successors.includes(networker) || picks.some((p) => p.successor === networker))
        return err<HandoverPlan>('invalid', 'A networker cannot succeed themselves.', 'to');
      return ok(plan(networker, successors, picks, !dryRun));
    },
    transparencyRegister: (from: string, to: string) => {
      if (from > to) return err<never>('invalid', 'The first day comes after the last.', 'from');
      return ok({ from, to, generated_at: NOW.toISOString(), entries: register(from, to) });
    },
    exportTransparency: (from: string, to: string, path: string) =>
      needPath(path) ?? ok(register(from, to).length),
  };
}

import { sql } from 'kysely';
import type { TestApp } from './test-app.ts';

/**
 * The figures of SPEC §12 recomputed independently of src/modules/reports: the raw tables are read row by row and
 * every figure is counted in plain JavaScript from its definition in words (docs/reports.md). Tests compare the
 * report's figures with these, to the person.
 */
const RISKS = ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'] as const;
const CHANNELS = ['self_declaration', 'cadre_screening', 'department', 'social'] as const;

export interface RawTables {
  households: {
    id: string;
    region_code: string;
    monitoring_status: string;
    category: string | null;
    risk_types: string[];
    backstop: string | null;
  }[];
  persons: { household_id: string; status: string }[];
  events: {
    id: number;
    household_id: string;
    region_code: string;
    kind: string;
    to_status: string;
    effective_on: string;
    category: string | null;
    risk_types: string[];
    persons: number;
    voided_at: unknown;
  }[];
  clues: {
    household_id: string | null;
    region_code: string;
    channel: string;
    received_on: string;
    due_on: string;
    closed_at: Date | null;
  }[];
  cases: {
    household_id: string;
    region_code: string;
    kind: string;
    started_on: string;
    finished_on: string | null;
    outcome: string | null;
    current_due: string | null;
  }[];
  measures: { household_id: string; status: string; created_at: Date }[];
  responsible: { household_id: string; assigned_on: string }[];
  exposures: { event_id: string; household_id: string; region_code: string; started_on: string }[];
}

export async function readRawTables(t: TestApp): Promise<RawTables> {
  const db = t.ctx.database.db;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await q.execute(db)).rows as T[];
  return {
    households: await rows(
      sql`SELECT id, region_code, monitoring_status, category, risk_types, backstop FROM households`,
    ),
    persons: await rows(sql`SELECT household_id, status FROM persons`),
    events:
      await rows(sql`SELECT id, household_id, region_code, kind, to_status, effective_on::text AS effective_on, category,
      risk_types, persons, voided_at FROM household_status_events`),
    clues:
      await rows(sql`SELECT household_id, region_code, channel, received_on::text AS received_on, due_on::text AS due_on,
      closed_at FROM clues`),
    cases:
      await rows(sql`SELECT household_id, region_code, kind, started_on::text AS started_on, finished_on::text AS finished_on,
      outcome, current_due::text AS current_due FROM cases`),
    measures: await rows(sql`SELECT household_id, status, created_at FROM measures`),
    responsible: await rows(sql`SELECT household_id, assigned_on::text AS assigned_on FROM responsible_assignments`),
    exposures: await rows(sql`SELECT x.event_id, x.household_id, x.region_code, e.started_on::text AS started_on
      FROM regional_risk_households x JOIN regional_risk_events e ON e.id = x.event_id`),
  };
}

/** China civil date of an instant. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

type HPx = { households: number; persons: number };
const hpOf = (list: { persons: number }[]): HPx => ({
  households: list.length,
  persons: list.reduce((s, x) => s + x.persons, 0),
});
const byCat = (list: { persons: number; category: string | null }[]) => ({
  total: hpOf(list),
  unstable: hpOf(list.filter((x) => x.category === 'unstable')),
  marginal: hpOf(list.filter((x) => x.category === 'marginal')),
  sudden: hpOf(list.filter((x) => x.category === 'sudden')),
});
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

export interface ExpectPeriod {
  start: string | null;
  end: string;
  asOf: string;
  current: boolean;
}

export function expectedFigures(raw: RawTables, region: string, p: ExpectPeriod) {
  const inR = (code: string) => code.startsWith(region);
  const inPeriod = (d: string | null) => d !== null && (p.start === null || d >= p.start) && d <= p.end;
  const live = (hid: string) => raw.persons.filter((x) => x.household_id === hid && x.status === 'normal').length;
  const byId = new Map(raw.households.map((h) => [h.id, h]));
  const valid = raw.events.filter((e) => e.voided_at === null && inR(e.region_code));

  // Households monitored or eliminated on asOf.
  let stock: {
    id: string;
    status: string;
    category: string | null;
    risk_types: string[];
    persons: number;
    backstop: string | null;
  }[];
  if (p.current) {
    stock = raw.households
      .filter((h) => inR(h.region_code) && h.monitoring_status !== 'none')
      .map((h) => ({
        id: h.id,
        status: h.monitoring_status,
        category: h.category,
        risk_types: h.risk_types,
        persons: live(h.id),
        backstop: h.backstop,
      }));
  } else {
    const latest = new Map<string, (typeof valid)[number]>();
    for (const e of valid
      .filter((e) => e.effective_on <= p.asOf)
      .sort((a, b) => (a.effective_on === b.effective_on ? a.id - b.id : a.effective_on < b.effective_on ? -1 : 1)))
      latest.set(e.household_id, e);
    stock = [...latest.values()].map((e) => ({
      id: e.household_id,
      status: e.to_status,
      category: e.category,
      risk_types: e.risk_types,
      persons: live(e.household_id),
      backstop: byId.get(e.household_id)?.backstop ?? null,
    }));
  }
  const monitored = stock.filter((s) => s.status === 'monitored');
  const asOfEnd = new Date(`${p.asOf}T00:00:00+08:00`).getTime() + 86400_000;
  const hasMeasure = (id: string) =>
    raw.measures.some((m) => m.household_id === id && m.status !== 'cancelled' && m.created_at.getTime() < asOfEnd);
  const hasResponsible = (id: string) => raw.responsible.some((r) => r.household_id === id && r.assigned_on <= p.asOf);

  // Flows: per household its latest inclusion/return and its latest elimination of the period.
  const flowMap = new Map<string, (typeof valid)[number]>();
  for (const e of valid
    .filter((e) => inPeriod(e.effective_on))
    .sort((a, b) => (a.effective_on === b.effective_on ? a.id - b.id : a.effective_on < b.effective_on ? -1 : 1)))
    flowMap.set(`${e.household_id}|${e.kind === 'eliminated'}`, e);
  const flows = [...flowMap.values()];
  const incoming = flows.filter((e) => e.kind === 'included' || e.kind === 'returned');

  const monitoredCount = monitored.length;
  const coverage = (list: typeof monitored) => ({ ...hpOf(list), share: ratio(list.length, monitoredCount) });
  const mCov = monitored.filter((s) => hasMeasure(s.id));
  const rCov = monitored.filter((s) => hasResponsible(s.id));

  const clues = raw.clues.filter((c) => inR(c.region_code));
  const closedDay = (c: (typeof clues)[number]) => (c.closed_at ? chinaDay(c.closed_at) : null);
  const openOn = (c: (typeof clues)[number]) =>
    c.received_on <= p.asOf && (closedDay(c) === null || (closedDay(c) as string) > p.asOf);
  const states: Record<string, (c: (typeof clues)[number]) => boolean> = {
    received: (c) => inPeriod(c.received_on),
    closed: (c) => inPeriod(closedDay(c)),
    open: openOn,
    overdue: (c) => openOn(c) && c.due_on < p.asOf,
  };
  const clueCount = (list: typeof clues) => ({
    count: list.length,
    households: new Set(list.filter((c) => c.household_id).map((c) => c.household_id)).size,
  });
  const clueFigures = Object.fromEntries(
    Object.entries(states).map(([s, f]) => {
      const list = clues.filter(f);
      return [
        s,
        {
          total: clueCount(list),
          ...Object.fromEntries(CHANNELS.map((ch) => [ch, clueCount(list.filter((c) => c.channel === ch))])),
        },
      ];
    }),
  );

  const cases = raw.cases.filter((c) => inR(c.region_code));
  const kinds = (f: (c: (typeof cases)[number]) => boolean) => ({
    inclusion: cases.filter((c) => c.kind === 'inclusion' && f(c)).length,
    elimination: cases.filter((c) => c.kind === 'elimination' && f(c)).length,
  });

  const exposures = raw.exposures.filter((x) => inR(x.region_code) && inPeriod(x.started_on));
  const exposedHouseholds = [...new Set(exposures.map((x) => x.household_id))];

  const everIncluded = byCat(stock);
  const eliminatedStock = byCat(stock.filter((s) => s.status === 'eliminated'));
  return {
    monitored: byCat(monitored),
    eliminatedStock,
    everIncluded,
    included: byCat(incoming),
    returned: byCat(flows.filter((e) => e.kind === 'returned')),
    eliminated: byCat(flows.filter((e) => e.kind === 'eliminated')),
    eliminationShare: {
      persons: ratio(eliminatedStock.total.persons, everIncluded.total.persons),
      households: ratio(eliminatedStock.total.households, everIncluded.total.households),
    },
    riskTypes: Object.fromEntries(RISKS.map((t) => [t, hpOf(monitored.filter((s) => s.risk_types.includes(t)))])),
    includedRiskTypes: Object.fromEntries(
      RISKS.map((t) => [t, hpOf(incoming.filter((s) => s.risk_types.includes(t)))]),
    ),
    backstop: {
      total: hpOf(monitored.filter((s) => s.backstop !== null)),
      dibao: hpOf(monitored.filter((s) => s.backstop === 'dibao')),
      tekun: hpOf(monitored.filter((s) => s.backstop === 'tekun')),
    },
    measuresCoverage: coverage(mCov),
    responsibleCoverage: coverage(rCov),
    clues: clueFigures,
    cases: {
      started: kinds((c) => inPeriod(c.started_on)),
      completed: kinds((c) => inPeriod(c.finished_on) && c.outcome === 'completed'),
      stopped: kinds((c) => inPeriod(c.finished_on) && (c.outcome === 'rejected' || c.outcome === 'closed')),
      open: kinds((c) => c.started_on <= p.asOf && (c.finished_on === null || c.finished_on > p.asOf)),
      overdue: p.current
        ? cases.filter((c) => c.outcome === null && c.current_due !== null && c.current_due < p.asOf).length
        : null,
    },
    regionalRisks: {
      events: new Set(exposures.map((x) => x.event_id)).size,
      exposed: { households: exposedHouseholds.length, persons: exposedHouseholds.reduce((s, h) => s + live(h), 0) },
    },
  };
}

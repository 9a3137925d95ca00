import { sql } from 'kysely';
import {
  type ByCategory,
  type ByChannel,
  CATEGORIES,
  type CaseStep,
  CHANNELS,
  type ClueCount,
  type HP,
  type RegionFigures,
  RISK_TYPES,
  type RiskType,
  share,
} from '../../domain/reports/figures.ts';
import { regionPrefix } from '../auth/actor.ts';
import type { CurrentStock } from './current-stock.ts';
import { aggregateByRegion, type FigureValues, type Q } from './figure-aggregate.ts';
import {
  type Bounds,
  caseBase,
  caseDefs,
  clueBase,
  clueDefs,
  FLOWS,
  flowBase,
  MONITORED_DETAILS,
  monitoredBase,
  STOCK_TOTALS,
  stockBase,
} from './figure-sets.ts';

/** Regional risk events of the period and the households exposed to them, per region prefix (SPEC §11). */
async function regionalRisks(q: Q, b: Bounds, lengths: number[]) {
  const lens = sql`ARRAY[${sql.join(lengths.map((l) => sql.lit(l)))}]::int[]`;
  const { rows } = await sql<{ g: string; events: number; households: number; persons: number }>`
    WITH ev AS (
      SELECT x.event_id, x.household_id, x.region_code
      FROM regional_risk_households x JOIN regional_risk_events e ON e.id = x.event_id
      WHERE ${regionPrefix('x.region_code', b.region)} AND e.started_on <= ${b.end}::date
        ${b.start ? sql`AND e.started_on >= ${b.start}::date` : sql``}
    ),
    hh AS (
      SELECT d.household_id, d.region_code,
        (SELECT count(*) FROM persons p WHERE p.household_id = d.household_id AND p.status = 'normal')::int AS persons
      FROM (SELECT DISTINCT household_id, region_code FROM ev) d
    ),
    e AS (
      SELECT left(ev.region_code, lv.len) AS g, count(DISTINCT ev.event_id)::int AS events
      FROM ev CROSS JOIN unnest(${lens}) AS lv(len) WHERE length(ev.region_code) >= lv.len GROUP BY 1
    ),
    h AS (
      SELECT left(hh.region_code, lv.len) AS g, count(*)::int AS households, coalesce(sum(hh.persons), 0)::int AS persons
      FROM hh CROSS JOIN unnest(${lens}) AS lv(len) WHERE length(hh.region_code) >= lv.len GROUP BY 1
    )
    SELECT e.g, e.events, h.households, h.persons FROM e JOIN h ON h.g = e.g`.execute(q);
  return new Map(rows.map((r) => [r.g, r]));
}

/** Running procedures by step per region prefix, with those past their step's deadline (SPEC §8.1, §8.2). */
export async function openCasesByStep(
  q: Q,
  region: string,
  today: string,
  lengths: number[],
): Promise<Map<string, CaseStep[]>> {
  const lens = sql`ARRAY[${sql.join(lengths.map((l) => sql.lit(l)))}]::int[]`;
  const { rows } = await sql<CaseStep & { g: string }>`
    SELECT left(k.region_code, lv.len) AS g, k.kind, k.current_step AS "stepCode", coalesce(k.current_level, '') AS level,
      coalesce((SELECT s ->> 'name' FROM jsonb_array_elements(k.state -> 'template' -> 'steps') s
        WHERE s ->> 'code' = k.current_step LIMIT 1), k.current_step) AS "stepName",
      count(*)::int AS count, count(*) FILTER (WHERE k.current_due < ${today}::date)::int AS overdue
    FROM cases k CROSS JOIN unnest(${lens}) AS lv(len)
    WHERE ${regionPrefix('k.region_code', region)} AND k.outcome IS NULL AND k.current_step IS NOT NULL
      AND length(k.region_code) >= lv.len
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2 DESC, 6 DESC, 3`.execute(q);
  const out = new Map<string, CaseStep[]>();
  for (const { g, ...step } of rows) {
    const list = out.get(g) ?? [];
    list.push(step);
    out.set(g, list);
  }
  return out;
}

const hpOf = (v: FigureValues, k: string): HP => ({ households: v[k]?.households ?? 0, persons: v[k]?.persons ?? 0 });
const countOf = (v: FigureValues, k: string) => v[k]?.count ?? 0;

function byCategory(v: FigureValues, prefix: string): ByCategory {
  const out = { total: hpOf(v, `${prefix}.total`) } as ByCategory;
  for (const c of CATEGORIES) out[c] = hpOf(v, `${prefix}.${c}`);
  return out;
}

function byChannel(v: FigureValues, state: string): ByChannel {
  const one = (k: string): ClueCount => ({ count: v[k]?.count ?? 0, households: v[k]?.households ?? 0 });
  const out = { total: one(`clues.${state}.total`) } as ByChannel;
  for (const ch of CHANNELS) out[ch] = one(`clues.${state}.${ch}`);
  return out;
}

/** Puts one region's counted values together as the figures of SPEC §12. */
export function assemble(
  v: FigureValues,
  risks: { events: number; households: number; persons: number } | undefined,
  current: boolean,
): RegionFigures {
  const monitored = byCategory(v, 'monitored');
  const eliminatedStock = byCategory(v, 'eliminatedStock');
  const everIncluded = byCategory(v, 'everIncluded');
  const coverage = (k: string) => {
    const x = hpOf(v, k);
    return { ...x, share: share(x.households, monitored.total.households) };
  };
  const kinds = (state: string) => ({
    inclusion: countOf(v, `cases.${state}.inclusion`),
    elimination: countOf(v, `cases.${state}.elimination`),
  });
  return {
    monitored,
    eliminatedStock,
    everIncluded,
    included: byCategory(v, 'included'),
    returned: byCategory(v, 'returned'),
    eliminated: byCategory(v, 'eliminated'),
    eliminationShare: {
      persons: share(eliminatedStock.total.persons, everIncluded.total.persons),
      households: share(eliminatedStock.total.households, everIncluded.total.households),
    },
    riskTypes: Object.fromEntries(RISK_TYPES.map((t) => [t, hpOf(v, `riskTypes.${t}`)])) as Record<RiskType, HP>,
    includedRiskTypes: Object.fromEntries(RISK_TYPES.map((t) => [t, hpOf(v, `includedRiskTypes.${t}`)])) as Record<
      RiskType,
      HP
    >,
    backstop: { total: hpOf(v, 'backstop.total'), dibao: hpOf(v, 'backstop.dibao'), tekun: hpOf(v, 'backstop.tekun') },
    measuresCoverage: coverage('measuresCoverage'),
    responsibleCoverage: coverage('responsibleCoverage'),
    clues: {
      received: byChannel(v, 'received'),
      closed: byChannel(v, 'closed'),
      open: byChannel(v, 'open'),
      overdue: byChannel(v, 'overdue'),
    },
    cases: {
      started: kinds('started'),
      completed: kinds('completed'),
      stopped: kinds('stopped'),
      open: kinds('open'),
      overdue: current ? countOf(v, 'cases.overdue') : null,
      byStep: null,
    },
    regionalRisks: {
      events: risks?.events ?? 0,
      exposed: { households: risks?.households ?? 0, persons: risks?.persons ?? 0 },
    },
  };
}

/**
 * Every figure of SPEC §12 for the regions of a scope at the given code lengths (the region itself and its next
 * level for a drill-down; every level for a snapshot), in a handful of set-based queries over the raw tables.
 * Regions with nothing to count are absent from the map (the caller fills in zeros).
 */
export async function computeFigures(
  q: Q,
  b: Bounds,
  lengths: number[],
  stock: CurrentStock,
): Promise<Map<string, RegionFigures>> {
  const [totals, details, flows, clues, cases, risks, steps] = await Promise.all([
    b.current ? stock.totals(q, b.region, lengths, b.asOf) : aggregateByRegion(q, stockBase(b), STOCK_TOTALS, lengths),
    aggregateByRegion(q, monitoredBase(b), MONITORED_DETAILS, lengths),
    aggregateByRegion(q, flowBase(b), FLOWS, lengths),
    aggregateByRegion(q, clueBase(b), clueDefs(b), lengths),
    aggregateByRegion(q, caseBase(b), caseDefs(b), lengths),
    regionalRisks(q, b, lengths),
    b.current ? openCasesByStep(q, b.region, b.asOf, lengths) : Promise.resolve(new Map<string, CaseStep[]>()),
  ]);
  const codes = new Set([
    ...totals.keys(),
    ...details.keys(),
    ...flows.keys(),
    ...clues.keys(),
    ...cases.keys(),
    ...risks.keys(),
  ]);
  const out = new Map<string, RegionFigures>();
  for (const g of codes) {
    const v = { ...totals.get(g), ...details.get(g), ...flows.get(g), ...clues.get(g), ...cases.get(g) };
    const f = assemble(v, risks.get(g), b.current);
    if (b.current) f.cases.byStep = steps.get(g) ?? [];
    out.set(g, f);
  }
  return out;
}

/** The figures of a region with nothing recorded (all zeros). */
export function emptyFigures(current: boolean): RegionFigures {
  const f = assemble({}, undefined, current);
  if (current) f.cases.byStep = [];
  return f;
}

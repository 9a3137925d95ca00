import { type RawBuilder, sql } from 'kysely';
import { CATEGORIES, CHANNELS, RISK_TYPES } from '../../domain/reports/figures.ts';
import { instantBounds } from '../../domain/reports/period.ts';
import { regionPrefix } from '../auth/actor.ts';
import type { FigureDef } from './figure-aggregate.ts';

/**
 * The row sets the figures of SPEC §12 are counted over, and each figure's condition on them. Every figure key
 * (e.g. `monitored.unstable`, `clues.overdue.department`) is defined once here; the counts (figures.repository.ts)
 * and the household lists behind them (figure-households.ts) both use the definition.
 */
export interface Bounds {
  /** Region code of the scope ('' for the country); rows match it as an index range (regionPrefix). */
  region: string;
  start: string | null;
  end: string;
  asOf: string;
  /** The period is still running: stock figures are today's (current-stock.ts). */
  current: boolean;
}

export type BaseName = 'stock' | 'monitored' | 'flow' | 'clue' | 'case';

const livePersons = sql`(SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int`;

/** Households monitored or eliminated on asOf, from the status history (a past day). */
function statusOn(b: Bounds, only?: 'monitored') {
  return sql`
    SELECT l.household_id, l.region_code, l.to_status AS status, l.category, l.risk_types, h.backstop,
      ${livePersons} AS persons
    FROM (
      SELECT DISTINCT ON (e.household_id) e.household_id, e.region_code, e.to_status, e.category, e.risk_types
      FROM household_status_events e
      WHERE ${regionPrefix('e.region_code', b.region)} AND e.voided_at IS NULL AND e.effective_on <= ${b.asOf}::date
      ORDER BY e.household_id, e.effective_on DESC, e.id DESC
    ) l JOIN households h ON h.id = l.household_id
    ${only ? sql`WHERE l.to_status = 'monitored'` : sql``}`;
}

/**
 * Stock: every household monitored or eliminated on asOf, with its live persons (SPEC §12 "X户Y人" of the
 * registry as it stands). Today's stock is read from the households themselves.
 */
export function stockBase(b: Bounds): RawBuilder<unknown> {
  if (!b.current) return statusOn(b);
  return sql`
    SELECT h.id AS household_id, h.region_code, h.monitoring_status AS status, h.category, h.risk_types, h.backstop,
      ${livePersons} AS persons
    FROM households h WHERE ${regionPrefix('h.region_code', b.region)} AND h.monitoring_status <> 'none'`;
}

/** Monitored households on asOf, with whether a measure and a 帮扶责任人 were in place by then (SPEC §9). */
export function monitoredBase(b: Bounds): RawBuilder<unknown> {
  const { to } = instantBounds(b.start, b.asOf);
  const base = b.current
    ? sql`SELECT h.id AS household_id, h.region_code, 'monitored'::text AS status, h.category, h.risk_types,
          h.backstop, ${livePersons} AS persons
        FROM households h WHERE ${regionPrefix('h.region_code', b.region)} AND h.monitoring_status = 'monitored'`
    : statusOn(b, 'monitored');
  return sql`
    SELECT s.*,
      EXISTS (SELECT 1 FROM measures m WHERE m.household_id = s.household_id AND m.status <> 'cancelled'
        AND m.created_at < ${to}::timestamptz) AS has_measure,
      EXISTS (SELECT 1 FROM responsible_assignments r WHERE r.household_id = s.household_id
        AND r.assigned_on <= ${b.asOf}::date) AS has_responsible
    FROM (${base}) s`;
}

/**
 * Flows: status events of the period that were not reversed; a household counts once per direction (its latest
 * inclusion or return, its latest elimination), with the persons it had then.
 */
export function flowBase(b: Bounds): RawBuilder<unknown> {
  return sql`
    SELECT DISTINCT ON (e.household_id, e.kind = 'eliminated') e.household_id, e.region_code, e.kind, e.category,
      e.risk_types, e.persons, e.effective_on
    FROM household_status_events e
    WHERE ${regionPrefix('e.region_code', b.region)} AND e.voided_at IS NULL AND e.effective_on <= ${b.end}::date
      ${b.start ? sql`AND e.effective_on >= ${b.start}::date` : sql``}
    ORDER BY e.household_id, e.kind = 'eliminated', e.effective_on DESC, e.id DESC`;
}

/** Clues that matter for the period: received by its end and not closed before it began (SPEC §6). */
export function clueBase(b: Bounds): RawBuilder<unknown> {
  const { from } = instantBounds(b.start, b.end);
  return sql`
    SELECT c.household_id, c.region_code, c.channel, c.received_on, c.due_on, c.closed_at
    FROM clues c
    WHERE ${regionPrefix('c.region_code', b.region)} AND c.received_on <= ${b.end}::date
      ${from ? sql`AND (c.closed_at IS NULL OR c.closed_at >= ${from}::timestamptz OR c.received_on >= ${b.start}::date)` : sql``}`;
}

/** Procedures that matter for the period: started by its end and not finished before it began (SPEC §8). */
export function caseBase(b: Bounds): RawBuilder<unknown> {
  return sql`
    SELECT k.household_id, k.region_code, k.kind, k.started_on, k.finished_on, k.outcome, k.current_due
    FROM cases k
    WHERE ${regionPrefix('k.region_code', b.region)} AND k.started_on <= ${b.end}::date
      ${b.start ? sql`AND (k.finished_on IS NULL OR k.finished_on >= ${b.start}::date)` : sql``}`;
}

const hp = (where: RawBuilder<boolean>): FigureDef => ({ where, measure: 'hp' });
const cat = (c: string) => sql<boolean>`b.category = ${c}`;
const and = (...parts: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(parts, sql` AND `)})`;

function byCategory(prefix: string, where: RawBuilder<boolean>): Record<string, FigureDef> {
  const out: Record<string, FigureDef> = { [`${prefix}.total`]: hp(where) };
  for (const c of CATEGORIES) out[`${prefix}.${c}`] = hp(and(where, cat(c)));
  return out;
}

/** 监测对象, 已标注风险消除 and 累计纳入 on asOf: the figures the current-stock seam answers. */
export const STOCK_TOTALS: Record<string, FigureDef> = {
  ...byCategory('monitored', sql`b.status = 'monitored'`),
  ...byCategory('eliminatedStock', sql`b.status = 'eliminated'`),
  ...byCategory('everIncluded', sql`true`),
};

/** Over monitored households: risk types, 兜底保障, measures and responsible-person coverage. */
export const MONITORED_DETAILS: Record<string, FigureDef> = {
  ...Object.fromEntries(RISK_TYPES.map((t) => [`riskTypes.${t}`, hp(sql`${t} = ANY(b.risk_types)`)])),
  'backstop.total': hp(sql`b.backstop IS NOT NULL`),
  'backstop.dibao': hp(sql`b.backstop = 'dibao'`),
  'backstop.tekun': hp(sql`b.backstop = 'tekun'`),
  measuresCoverage: hp(sql`b.has_measure`),
  responsibleCoverage: hp(sql`b.has_responsible`),
  'coverage.noMeasures': hp(sql`NOT b.has_measure`),
  'coverage.noResponsible': hp(sql`NOT b.has_responsible`),
};

const incoming = sql<boolean>`b.kind IN ('included', 'returned')`;

export const FLOWS: Record<string, FigureDef> = {
  ...byCategory('included', incoming),
  ...byCategory('returned', sql`b.kind = 'returned'`),
  ...byCategory('eliminated', sql`b.kind = 'eliminated'`),
  ...Object.fromEntries(
    RISK_TYPES.map((t) => [`includedRiskTypes.${t}`, hp(and(incoming, sql`${t} = ANY(b.risk_types)`))]),
  ),
};

export function clueDefs(b: Bounds): Record<string, FigureDef> {
  const period = instantBounds(b.start, b.end);
  const asOfEnd = instantBounds(null, b.asOf).to;
  const states: Record<string, RawBuilder<boolean>> = {
    received: b.start
      ? sql`b.received_on BETWEEN ${b.start}::date AND ${b.end}::date`
      : sql`b.received_on <= ${b.end}::date`,
    closed: period.from
      ? sql`b.closed_at >= ${period.from}::timestamptz AND b.closed_at < ${period.to}::timestamptz`
      : sql`b.closed_at < ${period.to}::timestamptz`,
    open: sql`b.received_on <= ${b.asOf}::date AND (b.closed_at IS NULL OR b.closed_at >= ${asOfEnd}::timestamptz)`,
    overdue: sql`b.received_on <= ${b.asOf}::date AND (b.closed_at IS NULL OR b.closed_at >= ${asOfEnd}::timestamptz)
      AND b.due_on < ${b.asOf}::date`,
  };
  const out: Record<string, FigureDef> = {};
  for (const [state, where] of Object.entries(states)) {
    out[`clues.${state}.total`] = { where, measure: 'count_households' };
    for (const ch of CHANNELS)
      out[`clues.${state}.${ch}`] = { where: and(where, sql`b.channel = ${ch}`), measure: 'count_households' };
  }
  return out;
}

export function caseDefs(b: Bounds): Record<string, FigureDef> {
  const inPeriod = (col: string) =>
    b.start
      ? sql<boolean>`${sql.ref(col)} BETWEEN ${b.start}::date AND ${b.end}::date`
      : sql<boolean>`${sql.ref(col)} <= ${b.end}::date`;
  const out: Record<string, FigureDef> = {};
  for (const kind of ['inclusion', 'elimination']) {
    const k = sql<boolean>`b.kind = ${kind}`;
    out[`cases.started.${kind}`] = { where: and(k, inPeriod('b.started_on')), measure: 'count' };
    out[`cases.completed.${kind}`] = {
      where: and(k, inPeriod('b.finished_on'), sql`b.outcome = 'completed'`),
      measure: 'count',
    };
    out[`cases.stopped.${kind}`] = {
      where: and(k, inPeriod('b.finished_on'), sql`b.outcome IN ('rejected', 'closed')`),
      measure: 'count',
    };
    out[`cases.open.${kind}`] = {
      where: and(
        k,
        sql`b.started_on <= ${b.asOf}::date AND (b.finished_on IS NULL OR b.finished_on > ${b.asOf}::date)`,
      ),
      measure: 'count',
    };
  }
  if (b.current)
    out['cases.overdue'] = { where: sql`b.outcome IS NULL AND b.current_due < ${b.asOf}::date`, measure: 'count' };
  return out;
}

/** Which row set a figure key is counted over (for the household lists behind figures). */
export function figureDef(key: string, b: Bounds): { base: BaseName; def: FigureDef } | undefined {
  if (STOCK_TOTALS[key]) return { base: 'stock', def: STOCK_TOTALS[key] as FigureDef };
  if (MONITORED_DETAILS[key]) return { base: 'monitored', def: MONITORED_DETAILS[key] as FigureDef };
  if (FLOWS[key]) return { base: 'flow', def: FLOWS[key] as FigureDef };
  const clue = clueDefs(b)[key];
  if (clue) return { base: 'clue', def: clue };
  const kase = caseDefs(b)[key];
  if (kase) return { base: 'case', def: kase };
  return undefined;
}

export function baseSql(name: BaseName, b: Bounds): RawBuilder<unknown> {
  switch (name) {
    case 'stock':
      return stockBase(b);
    case 'monitored':
      return monitoredBase(b);
    case 'flow':
      return flowBase(b);
    case 'clue':
      return clueBase(b);
    case 'case':
      return caseBase(b);
  }
}

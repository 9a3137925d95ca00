/**
 * The reference for the screening benchmark: the same rules (read from screening_rules, defaults) computed by DuckDB
 * over the same data exported to CSV. Record tests are translated from the rules' JSON conditions; the three
 * aggregate kinds are written out by hand with the same semantics as src/modules/screening/conditions/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AppContext } from '../src/app-context.ts';
import { findFeedRecord } from '../src/domain/feeds/index.ts';
import type {
  FieldTest,
  PerCapitaCondition,
  PeriodDropCondition,
  RecordTestCondition,
  ScreeningRule,
  SumWindowCondition,
} from '../src/modules/screening/rule-types.ts';

const quote = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Exports a table a page at a time (keyset on `key`) to CSV with a header. */
async function exportCsv(ctx: AppContext, table: string, columns: string[], key: string, file: string) {
  const out = fs.createWriteStream(file);
  out.write(`${columns.join(',')}\n`);
  let after: string | number | null = null;
  for (;;) {
    let q = ctx.database.db.selectFrom(table as never).select(columns as never[]) as never as {
      where: (...a: unknown[]) => typeof q;
      orderBy: (k: string) => typeof q;
      limit: (n: number) => typeof q;
      execute: () => Promise<Record<string, unknown>[]>;
    };
    if (after !== null) q = q.where(key, '>', after);
    const page = await q.orderBy(key).limit(50_000).execute();
    const text = page.map((r) => columns.map((c) => quote(r[c])).join(',')).join('\n');
    if (page.length && !out.write(`${text}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    if (page.length < 50_000) break;
    after = page[page.length - 1]?.[key] as string | number;
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const TABLES = {
  persons: [
    'id',
    'household_id',
    'region_code',
    'id_number_hash',
    'status',
    'health',
    'relation',
    'labor',
    'employment',
    'education',
    'disability_level',
  ],
  households: ['id', 'region_code', 'monitoring_status', 'backstop', 'lifted_out'],
  household_incomes: [
    'id',
    'household_id',
    'year',
    'survey',
    'wage',
    'business_gross',
    'business_cost',
    'property',
    'transfer',
  ],
  feed_records: [
    'id',
    'department',
    'record_kind',
    'region_code',
    'period',
    'id_number_hash',
    'subject_region',
    'data',
  ],
} as const;

const lit = (v: string | number | boolean) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

function field(rule: ScreeningRule, name: string, alias = 'r'): { expr: string; fen: boolean; registry: boolean } {
  if (name.startsWith('person.')) return { expr: `p.${name.slice(7)}`, fen: false, registry: true };
  if (name.startsWith('household.')) return { expr: `h.${name.slice(10)}`, fen: false, registry: true };
  const col = findFeedRecord(rule.department, rule.recordKind)?.columns.find((c) => c.key === name);
  const raw = `json_extract_string(${alias}.data, '$.${name}')`;
  const cast = { yuan: 'BIGINT', integer: 'DOUBLE', decimal: 'DOUBLE', date: 'DATE', boolean: 'BOOLEAN' } as Record<
    string,
    string
  >;
  const t = col ? cast[col.type] : undefined;
  return { expr: t ? `CAST(${raw} AS ${t})` : raw, fen: col?.type === 'yuan', registry: false };
}

function test(rule: ScreeningRule, t: FieldTest): { sql: string; registry: boolean } {
  const f = field(rule, t.field);
  const scale = (v: string | number | boolean) => (f.fen && typeof v === 'number' ? v * 100 : v);
  const one = t.threshold ? String(scale(rule.thresholds[t.threshold] as number)) : lit(scale(t.value as never));
  const many = (Array.isArray(t.value) ? t.value : [t.value]).map((v) => lit(v as never)).join(', ');
  const pos = (e: string) => `coalesce(${e}, false)`;
  const contains = () =>
    `coalesce(${(Array.isArray(t.value) ? t.value : [t.value]).map((v) => `position(${lit(v as never)} in ${f.expr}) > 0`).join(' OR ')}, false)`;
  const sql = {
    eq: pos(`${f.expr} = ${one}`),
    ne: `${f.expr} IS DISTINCT FROM ${one}`,
    in: pos(`${f.expr} IN (${many})`),
    not_in: `(${f.expr} IS NULL OR ${f.expr} NOT IN (${many}))`,
    gte: pos(`${f.expr} >= ${one}`),
    gt: pos(`${f.expr} > ${one}`),
    lte: pos(`${f.expr} <= ${one}`),
    lt: pos(`${f.expr} < ${one}`),
    is_null: `${f.expr} IS NULL`,
    not_null: `${f.expr} IS NOT NULL`,
    is_true: pos(f.expr),
    not_true: `NOT coalesce(${f.expr}, false)`,
    contains_any: contains(),
    contains_none: `NOT ${contains()}`,
  }[t.op];
  return { sql, registry: f.registry };
}

function condition(rule: ScreeningRule, withRegistry: boolean): string {
  const c = rule.condition as RecordTestCondition;
  const keep = (ts: FieldTest[] | undefined) =>
    (ts ?? [])
      .map((t) => test(rule, t))
      .filter((t) => withRegistry || !t.registry)
      .map((t) => t.sql);
  const parts = keep(c.all);
  const any = keep(c.any);
  if (any.length) parts.push(`(${any.join(' OR ')})`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/** Hits and unmatched records of one rule, as two SQL counts. */
function ruleSql(rule: ScreeningRule, scope: string, asOf: string): [string, string] {
  const kind = `r.department = ${lit(rule.department)} AND r.record_kind = ${lit(rule.recordKind)}`;
  const inScope = `LIKE '${scope}%'`;
  const noPerson = (a: string) =>
    `${a}.id_number_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.id_number_hash = ${a}.id_number_hash AND q.region_code ${inScope})`;
  const th = rule.thresholds;
  if (rule.conditionKind === 'record_test') {
    return [
      `SELECT count(*) FROM feed_records r JOIN persons p ON p.id_number_hash = r.id_number_hash JOIN households h ON h.id = p.household_id WHERE ${kind} AND p.region_code ${inScope} AND ${condition(rule, true)}`,
      `SELECT count(*) FROM feed_records r WHERE ${kind} AND r.region_code ${inScope} AND ${noPerson('r')} AND ${condition(rule, false)}`,
    ];
  }
  if (rule.conditionKind === 'household_sum_window') {
    const c = rule.condition as SumWindowCondition;
    const amt = field(rule, c.amountField).expr;
    const when = field(rule, c.dateField).expr;
    const win = `${when} > DATE '${asOf}' - INTERVAL (${th.months}) MONTH AND ${when} <= DATE '${asOf}'`;
    return [
      `WITH agg AS (SELECT p.household_id, sum(${amt}) AS total FROM feed_records r JOIN persons p ON p.id_number_hash = r.id_number_hash WHERE ${kind} AND p.region_code ${inScope} AND ${win} GROUP BY 1),
       inc AS (SELECT household_id, arg_max(wage + business_gross - business_cost + property + transfer, year * 10 + CAST(survey = 'annual' AS INT)) AS net FROM household_incomes WHERE year <= ${asOf.slice(0, 4)} GROUP BY 1)
       SELECT count(*) FROM agg a LEFT JOIN inc i USING (household_id) WHERE a.total > 0 AND (a.total >= ${(th.amountYuan as number) * 100} OR (i.net IS NOT NULL AND a.total >= ${th.shareOfNetIncome} * i.net * 100))`,
      `SELECT count(*) FROM (SELECT r.id_number_hash FROM feed_records r WHERE ${kind} AND r.region_code ${inScope} AND ${noPerson('r')} AND ${win} GROUP BY 1 HAVING sum(${amt}) >= ${(th.amountYuan as number) * 100})`,
    ];
  }
  if (rule.conditionKind === 'household_per_capita') {
    const c = rule.condition as PerCapitaCondition;
    const latest = `SELECT r.id_number_hash, ${field(rule, c.amountField).expr} AS amount, rank() OVER (PARTITION BY r.id_number_hash ORDER BY ${field(rule, c.dateField).expr} DESC NULLS LAST) AS pos FROM feed_records r WHERE ${kind}`;
    const per = (th.perCapitaYuan as number) * 100;
    return [
      `WITH latest AS (${latest} AND r.id_number_hash IN (SELECT id_number_hash FROM persons WHERE region_code ${inScope})),
       agg AS (SELECT p.household_id, sum(l.amount) AS total FROM latest l JOIN persons p ON p.id_number_hash = l.id_number_hash WHERE l.pos = 1 GROUP BY 1),
       m AS (SELECT household_id, count(*) AS members FROM persons WHERE status = 'normal' GROUP BY 1)
       SELECT count(*) FROM agg a LEFT JOIN m USING (household_id) WHERE a.total >= ${per} * greatest(coalesce(m.members, 0), 1)`,
      `WITH latest AS (${latest} AND r.region_code ${inScope} AND ${noPerson('r')}) SELECT count(*) FROM (SELECT id_number_hash FROM latest WHERE pos = 1 GROUP BY 1 HAVING sum(amount) >= ${per})`,
    ];
  }
  const c = rule.condition as PeriodDropCondition;
  const cur = field(rule, c.amountField, 'cur').expr;
  const prev = field(rule, c.amountField, 'prev').expr;
  const pair = `JOIN feed_records prev ON prev.id_number_hash = cur.id_number_hash AND prev.department = cur.department AND prev.record_kind = cur.record_kind
    AND prev.period = strftime(CAST(cur.period || '-01' AS DATE) - INTERVAL (${th.months}) MONTH, '%Y-%m')
    WHERE cur.department = ${lit(rule.department)} AND cur.record_kind = ${lit(rule.recordKind)} AND ${prev} > 0 AND coalesce(${cur}, 0) <= (1 - ${th.share}) * ${prev}`;
  return [
    `SELECT count(DISTINCT cur.id) FROM feed_records cur JOIN persons p ON p.id_number_hash = cur.id_number_hash ${pair} AND p.region_code ${inScope}`,
    `SELECT count(DISTINCT cur.id) FROM feed_records cur ${pair} AND cur.region_code ${inScope} AND ${noPerson('cur')}`,
  ];
}

export interface ReferenceResult {
  exportSeconds: number;
  loadSeconds: number;
  seconds: number;
  perRule: Record<string, { hits: number; unmatched: number }>;
}

/** Exports the registry and the records to CSV in `dir`, loads them into DuckDB and computes every rule there. */
export async function duckdbReference(
  ctx: AppContext,
  rules: ScreeningRule[],
  opts: { dir: string; scope: string; asOf: string },
): Promise<ReferenceResult> {
  let t = performance.now();
  for (const [table, cols] of Object.entries(TABLES)) {
    await exportCsv(ctx, table, [...cols], 'id', path.join(opts.dir, `${table}.csv`));
  }
  const exportSeconds = (performance.now() - t) / 1000;
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  t = performance.now();
  const typed: Record<string, string> = {
    persons: 'REPLACE (CAST(disability_level AS INT) AS disability_level)',
    households: 'REPLACE (CAST(lifted_out AS BOOLEAN) AS lifted_out)',
    household_incomes: `REPLACE (CAST(year AS INT) AS year, ${['wage', 'business_gross', 'business_cost', 'property', 'transfer'].map((c) => `CAST(${c} AS DECIMAL(14, 2)) AS ${c}`).join(', ')})`,
    feed_records: 'REPLACE (CAST(id AS BIGINT) AS id)',
  };
  for (const table of Object.keys(TABLES)) {
    const file = path.join(opts.dir, `${table}.csv`);
    await duck.run(
      `CREATE TABLE ${table} AS SELECT * ${typed[table]} FROM read_csv('${file}', header = true, all_varchar = true)`,
    );
  }
  const loadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const perRule: ReferenceResult['perRule'] = {};
  for (const rule of rules.filter((r) => r.enabled)) {
    const [hits, unmatched] = ruleSql(rule, opts.scope, opts.asOf);
    const h = Number((await duck.runAndReadAll(hits)).getRows()[0]?.[0] ?? 0);
    const u = Number((await duck.runAndReadAll(unmatched)).getRows()[0]?.[0] ?? 0);
    perRule[rule.code] = { hits: h, unmatched: u };
  }
  return { exportSeconds, loadSeconds, seconds: (performance.now() - t) / 1000, perRule };
}

/**
 * Reports benchmark (issue #13, SPEC §12, §18): `npm run bench:reports -- --persons 1000000 [--database
 * postgres|pglite] [--keep | --reuse sx_bench_<pid>]`. Generates a population with the generator (households ≈
 * persons / 2.9, in the counties of 定西市), gives about 3% of households 24 months of monitoring history (inclusions,
 * eliminations, returns — status events and the households they leave), clues of every channel (about 1% of
 * households a month), running procedures, measures and responsible persons, then times the monthly report of the
 * last ended month and of the running month, the dashboard answer and a snapshot of the scope (each the median of 3
 * runs). Progress goes to stderr; the last line on stdout is one JSON object.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { chinaToday } from '../src/domain/calendar/index.ts';
import { previousMonth } from '../src/domain/reports/period.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    database: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const persons = Number(values.persons);
const engine = values.database === 'postgres' ? 'postgres' : 'pglite';
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const secs = (t: number) => +((performance.now() - t) / 1000).toFixed(3);

const COUNTIES = ['621124', '621122', '621102', '621121', '621123', '621125', '621126'];
const households = Math.round(persons / 2.9);
const counties = COUNTIES.slice(0, Math.max(1, Math.ceil(households / 900_000)));
const scope = counties.length === 1 ? (counties[0] as string) : '6211';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'warn',
  SHOUXIAN_DATA_KEY:
    values.reuse && process.env.SHOUXIAN_DATA_KEY
      ? process.env.SHOUXIAN_DATA_KEY
      : crypto.randomBytes(32).toString('hex'),
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = values.reuse ?? `sx_bench_${process.pid}`;
if (engine === 'postgres') {
  if (!values.reuse) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  env.DATABASE_URL = u.toString();
} else {
  env.DATABASE_URL = '';
  env.DATA_DIR = `/tmp/sx-bench-reports-${process.pid}`;
}

const ctx = await openAppContext(loadConfig(env), { command: 'bench reports' });
const services = createServices(ctx);
const db = ctx.database.db;
const today = chinaToday();
const month = today.slice(0, 7);
const lastMonth = previousMonth(month);

/** A household's pseudo-random byte k (stable per household). */
const byte = (k: number) => sql.raw(`get_byte(decode(md5(h.id::text), 'hex'), ${k})`);

async function history() {
  // Inclusions over the last 24 months for ~3% of households; ~35% eliminated 3–12 months later; ~8% of those
  // returned 1–6 months after elimination. Events and households agree (figure-sets.ts reads both).
  await sql`
    CREATE TEMP TABLE bench_history AS
    SELECT h.id, h.region_code, h.lifted_out,
      (${today}::date - ((${byte(1)} * 256 + ${byte(2)}) % 720))::date AS included_on,
      CASE WHEN h.lifted_out THEN 'unstable' WHEN ${byte(3)} < 128 THEN 'marginal' ELSE 'sudden' END AS category,
      (ARRAY['income','medical','education','housing','water','industry_employment','other'])[1 + ${byte(4)} % 7] AS risk,
      ${byte(5)} < 90 AS eliminated, ${byte(6)} < 20 AS returned, 90 + ${byte(7)} % 270 AS out_after,
      30 + ${byte(8)} % 150 AS back_after,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int AS persons
    FROM households h WHERE h.region_code LIKE ${`${scope}%`} AND ${byte(0)} < 8`.execute(db);
  await sql`UPDATE bench_history SET eliminated = false WHERE included_on + out_after > ${today}::date`.execute(db);
  await sql`UPDATE bench_history SET returned = false
    WHERE NOT eliminated OR included_on + out_after + back_after > ${today}::date`.execute(db);
  await sql`
    INSERT INTO household_status_events (household_id, region_code, kind, from_status, to_status, effective_on, category,
      risk_types, lifted_out, persons, source)
    SELECT id, region_code, 'included', 'none', 'monitored', included_on, category, ARRAY[risk], lifted_out, persons, 'procedure'
    FROM bench_history
    UNION ALL
    SELECT id, region_code, 'eliminated', 'monitored', 'eliminated', included_on + out_after, category, ARRAY[risk], lifted_out,
      persons, 'procedure' FROM bench_history WHERE eliminated
    UNION ALL
    SELECT id, region_code, 'returned', 'eliminated', 'monitored', included_on + out_after + back_after, category,
      ARRAY[risk, 'medical'], lifted_out, persons, 'procedure' FROM bench_history WHERE returned`.execute(db);
  await sql`
    UPDATE households h SET
      monitoring_status = CASE WHEN b.eliminated AND NOT b.returned THEN 'eliminated' ELSE 'monitored' END,
      category = b.category,
      risk_types = CASE WHEN b.returned THEN ARRAY[b.risk, 'medical'] ELSE ARRAY[b.risk] END,
      included_on = CASE WHEN b.returned THEN b.included_on + b.out_after + b.back_after ELSE b.included_on END,
      eliminated_on = CASE WHEN b.eliminated AND NOT b.returned THEN b.included_on + b.out_after END
    FROM bench_history b WHERE b.id = h.id`.execute(db);
  await sql`
    INSERT INTO measures (household_id, region_code, type, subtype, name, line_of_defence, content, department, status,
      origin, created_by, created_at)
    SELECT id, region_code, 'employment', 'employment_job', '就业帮扶', 'development', '推荐务工', 'hr_social_security',
      'in_progress', 'added', 'bench', included_on + 10
    FROM bench_history WHERE get_byte(decode(md5(id::text || 'm'), 'hex'), 0) < 220`.execute(db);
  await sql`
    INSERT INTO responsible_assignments (household_id, region_code, name, phone, unit, assigned_on, assigned_by)
    SELECT id, region_code, '帮扶干部', '13800000000', '县直单位', included_on + 5, 'bench'
    FROM bench_history WHERE get_byte(decode(md5(id::text || 'r'), 'hex'), 0) < 235`.execute(db);
  // Clues: ~1% of households a month over 12 months, every channel; older ones mostly closed, some overdue.
  await sql`
    INSERT INTO clues (region_code, channel, source_kind, household_id, finding, fact_key, received_on, due_on, status,
      result, result_note, closed_at, closed_by_name, created_by)
    SELECT h.region_code,
      (ARRAY['self_declaration','cadre_screening','department','social'])[1 + ${byte(9)} % 4], 'person', h.id, '基准线索',
      md5(h.id::text || m.k::text), r.on_date, r.on_date + 7,
      CASE WHEN closed THEN 'closed' ELSE 'open' END, CASE WHEN closed THEN 'no_risk' END, CASE WHEN closed THEN '经核实无风险' END,
      CASE WHEN closed THEN (r.on_date + 5)::timestamptz END, CASE WHEN closed THEN '村干部' END, 'bench'
    FROM households h CROSS JOIN generate_series(0, 11) AS m(k)
    CROSS JOIN LATERAL (SELECT (${today}::date - m.k * 30 - (${byte(10)} % 28))::date AS on_date) r
    CROSS JOIN LATERAL (SELECT (m.k > 0 AND ${byte(11)} < 240) AS closed) c
    WHERE h.region_code LIKE ${`${scope}%`} AND get_byte(decode(md5(h.id::text || m.k::text), 'hex'), 0) < 3`.execute(
    db,
  );
  // Running procedures for ~5% of monitored households, some past their step's deadline.
  await sql`
    INSERT INTO cases (region_code, household_id, kind, template_code, template_version, state, status, current_step,
      current_level, current_due, started_on, created_by)
    SELECT h.region_code, h.id, 'elimination', 'huize-elimination', 1,
      '{"template":{"steps":[{"code":"collect","name":"风险信息收集"}]}}'::jsonb, 'in_progress', 'collect', 'village',
      ${today}::date - 5 + ${byte(12)} % 10, ${today}::date - 20, 'bench'
    FROM households h WHERE h.monitoring_status = 'monitored' AND h.region_code LIKE ${`${scope}%`} AND ${byte(13)} < 13`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);
}

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    runs.push(secs(t));
  }
  runs.sort((a, b) => a - b);
  log(`${label}: ${runs.join(' / ')} s`);
  return runs[1] as number;
}

try {
  if (!values.reuse) {
    const t = performance.now();
    for (const county of counties) {
      await services.regions.loadCounty(SYSTEM_ACTOR, county);
      const r = await generatePopulation(ctx, {
        county,
        households: Math.round(households / counties.length),
        seed: Number(values.seed),
        year: 2026,
      });
      log(`generated ${county}: ${r.households} households, ${r.persons} persons in ${r.seconds}s`);
    }
    log(`population in ${secs(t)} s`);
    const h = performance.now();
    await history();
    log(`history in ${secs(h)} s`);
  }
  const count = async (q: ReturnType<typeof sql>) => Number(((await q.execute(db)).rows[0] as { n: number }).n);
  const stats = {
    persons: await count(sql`SELECT count(*)::int AS n FROM persons`),
    households: await count(sql`SELECT count(*)::int AS n FROM households`),
    status_events: await count(sql`SELECT count(*)::int AS n FROM household_status_events`),
    monitored: await count(sql`SELECT count(*)::int AS n FROM households WHERE monitoring_status = 'monitored'`),
    clues: await count(sql`SELECT count(*)::int AS n FROM clues`),
  };
  log(JSON.stringify(stats));
  const reports = services.reports;
  const monthlyPast = await median(`monthly report ${lastMonth}`, () =>
    reports.reports.monthly(SYSTEM_ACTOR, scope, lastMonth),
  );
  const monthlyCurrent = await median(`monthly report ${month}`, () =>
    reports.reports.monthly(SYSTEM_ACTOR, scope, month),
  );
  const dashboard = await median('dashboard', () => reports.dashboard.dashboard(SYSTEM_ACTOR, scope, undefined));
  const t = performance.now();
  const snap = await reports.snapshots.freezeScope(SYSTEM_ACTOR, {
    regionCode: scope,
    month: lastMonth,
    trigger: 'demand',
    reason: 'bench',
  });
  const snapshotSeconds = secs(t);
  log(`snapshot of ${scope}: ${snap.regions} regions in ${snapshotSeconds} s`);
  const frozen = await median(`monthly report ${lastMonth} (from snapshot)`, () =>
    reports.reports.monthly(SYSTEM_ACTOR, scope, lastMonth),
  );
  process.stdout.write(
    `${JSON.stringify({
      engine,
      scope,
      ...stats,
      monthly_report_seconds: monthlyPast,
      monthly_report_current_seconds: monthlyCurrent,
      monthly_report_frozen_seconds: frozen,
      dashboard_ms: Math.round(dashboard * 1000),
      snapshot_seconds: snapshotSeconds,
      snapshot_regions: snap.regions,
    })}\n`,
  );
} finally {
  await ctx.close();
  if (engine === 'postgres' && !values.keep && !values.reuse) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  } else if (values.keep) log(`kept database ${dbName} (SHOUXIAN_DATA_KEY=${env.SHOUXIAN_DATA_KEY})`);
}

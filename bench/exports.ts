/**
 * Export benchmark (issue #13 point 4: "a 1M-row export must not time out"): `npm run bench:exports -- [--households
 * 345000] [--ledger households|monitored] [--database postgres|pglite] [--keep | --reuse sx_bench_exports_<pid>]`.
 * Generates a county with the population generator (the code behind `shouxian generate --households N`; 345,000
 * households are about 1M persons), marks about 5% of its households monitored (category, risk types, responsible
 * person) so the 监测对象台账 has rows, then runs the ledger as the web app's background job does — the same
 * service, pages, workbook writer and progress updates — and measures rows/s, the file size and the process's peak
 * resident memory while the job runs (sampled every 50 ms, and the OS's own maximum). Progress goes to stderr; the
 * last line on stdout is one JSON object. Defaults: households ledger, PostgreSQL when DATABASE_URL is set.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '345000' },
    ledger: { type: 'string', default: 'households' },
    database: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    county: { type: 'string', default: '621124' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const households = Number(values.households);
const ledger = values.ledger === 'monitored' ? 'monitored' : 'households';
const engine = values.database === 'postgres' ? 'postgres' : 'pglite';
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const secs = (t: number) => +((performance.now() - t) / 1000).toFixed(3);
const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'warn',
  SHOUXIAN_DATA_KEY:
    values.reuse && process.env.SHOUXIAN_DATA_KEY
      ? process.env.SHOUXIAN_DATA_KEY
      : crypto.randomBytes(32).toString('hex'),
  DATA_DIR: `/tmp/sx-bench-exports-${process.pid}`,
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = values.reuse ?? `sx_bench_exports_${process.pid}`;
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
} else env.DATABASE_URL = '';

const ctx = await openAppContext(loadConfig(env), { command: 'bench exports' });
const services = createServices(ctx);
const db = ctx.database.db;
const county = values.county as string;

try {
  if (!values.reuse) {
    const t = performance.now();
    await services.regions.loadCounty(SYSTEM_ACTOR, county);
    const r = await generatePopulation(ctx, { county, households, seed: Number(values.seed), year: 2026 });
    log(`generated ${county}: ${r.households} households, ${r.persons} persons in ${secs(t)} s`);
    // About 5% of households monitored, so the 监测对象台账 has rows of every category.
    await sql`
      UPDATE households h SET monitoring_status = 'monitored',
        category = (ARRAY['unstable','marginal','sudden'])[1 + get_byte(decode(md5(h.id::text), 'hex'), 1) % 3],
        risk_types = ARRAY[(ARRAY['income','medical','education','housing'])[1 + get_byte(decode(md5(h.id::text), 'hex'), 2) % 4]],
        included_on = DATE '2026-03-01', responsible_person = '帮扶责任人'
      WHERE get_byte(decode(md5(h.id::text), 'hex'), 0) < 13`.execute(db);
    await sql`ANALYZE`.execute(db);
  }
  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
  const stats = {
    households: await count(sql`SELECT count(*)::int AS n FROM households`),
    persons: await count(sql`SELECT count(*)::int AS n FROM persons`),
    monitored: await count(sql`SELECT count(*)::int AS n FROM households WHERE monitoring_status = 'monitored'`),
  };
  log(JSON.stringify(stats));

  // The export as the web app runs it: a background job, one page at a time, progress written per page.
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t = performance.now();
  const job = await services.exports.start(SYSTEM_ACTOR, { ledger, filters: { region: county } });
  const progress = setInterval(() => {
    void services.exports
      .get(SYSTEM_ACTOR, job.id)
      .then((j) => log(`${j.status} ${j.rowsWritten}/${j.totalEstimate ?? '?'} rows (${j.percent}%)`))
      .catch(() => {});
  }, 10_000);
  await services.exports.idle();
  const seconds = secs(t);
  clearInterval(sampler);
  clearInterval(progress);
  peak = Math.max(peak, process.memoryUsage().rss);
  const done = await services.exports.get(SYSTEM_ACTOR, job.id);
  if (done.status !== 'done') throw new Error(`export ended ${done.status}: ${done.error ?? ''}`);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const result = {
    bench: 'exports',
    engine,
    ledger,
    county,
    households: stats.households,
    persons: stats.persons,
    monitored: stats.monitored,
    rows: done.rowsWritten,
    seconds,
    rowsPerSecond: Math.round(done.rowsWritten / seconds),
    fileMB: mb(done.fileSize ?? 0),
    baselineRssMB: mb(baseline),
    peakRssMB: mb(peak),
    peakRssGrowthMB: mb(peak - baseline),
    processMaxRssMB: mb(maxRss),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
  };
  log(`exported ${result.rows} rows in ${seconds} s: ${result.rowsPerSecond} rows/s, ${result.fileMB} MB`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await ctx.close();
  fs.rmSync(env.DATA_DIR as string, { recursive: true, force: true });
  if (engine === 'postgres' && !values.keep && !values.reuse) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  } else if (values.keep) log(`kept database ${dbName} (SHOUXIAN_DATA_KEY=${env.SHOUXIAN_DATA_KEY})`);
}

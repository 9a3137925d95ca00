/**
 * Household picture benchmark (SPEC §7.4, §18; issue 9 "computing the picture for one household stays < 50 ms at 1M
 * persons on PostgreSQL"): generates a county of N persons, writes and imports the department feeds of the screening
 * benchmark (about half a record per person), then times the household picture and the rules on it
 * (`assessments.evaluate`, what the API, the decision step and the review run) for households with department records
 * and for random ones. The last line on stdout is one JSON object.
 *
 *   npm run bench:picture -- --persons 1000000 --database postgres
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { createServices } from '../src/services.ts';
import { writeBenchFeeds } from './screening-feeds.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    database: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    samples: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
});
const persons = Number(values.persons);
const samples = Number(values.samples);
const engine = values.database === 'postgres' ? 'postgres' : 'pglite';
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const county = '621124';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-bench-picture-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'warn',
  SHOUXIAN_DATA_KEY: crypto.randomBytes(32).toString('hex'),
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `sx_bench_picture_${process.pid}`;
if (engine === 'postgres') {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  env.DATABASE_URL = u.toString();
} else {
  env.DATABASE_URL = '';
  env.DATA_DIR = path.join(work, 'data');
}

const ctx = await openAppContext(loadConfig(env), { command: 'bench picture' });
const services = createServices(ctx);
const db = ctx.database.db;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(2);
};
try {
  await services.regions.loadCounty(SYSTEM_ACTOR, county);
  const g = await generatePopulation(ctx, {
    county,
    households: Math.round(persons / 2.9),
    seed: Number(values.seed),
    year: 2026,
  });
  log(`generated ${g.households} households, ${g.persons} persons in ${g.seconds}s`);
  const files = await writeBenchFeeds(ctx, county, path.join(work, 'feeds'));
  for (const f of files) {
    const s = await services.feeds.import(SYSTEM_ACTOR, {
      department: f.department,
      recordKind: f.kind,
      regionCode: county,
      period: f.period,
      fileName: path.basename(f.file),
      path: f.file,
    });
    log(`imported ${f.department}/${f.kind}: ${s.rowsNew} rows`);
  }
  await sql`INSERT INTO monitoring_lines (region_code, year, amount, basis)
    VALUES (${county}, 2026, 7500, 'bench'), (${county}, 2025, 7300, 'bench')`.execute(db);
  await sql`ANALYZE`.execute(db);
  const records = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM feed_records`.execute(db)).rows[0]?.n ?? 0,
  );
  const withRecords = (
    await sql<{ id: string }>`SELECT DISTINCT household_id AS id FROM feed_records
      WHERE household_id IS NOT NULL ORDER BY 1 LIMIT ${samples}`.execute(db)
  ).rows.map((r) => r.id);
  const random = (
    await sql<{ id: string }>`SELECT id FROM households ORDER BY md5(id::text) LIMIT ${samples}`.execute(db)
  ).rows.map((r) => r.id);

  const time = async (ids: string[]) => {
    const ms: number[] = [];
    let decided = 0;
    for (const id of ids) {
      const t = performance.now();
      const r = await services.assessments.evaluate(SYSTEM_ACTOR, id, { year: 2026, mode: 'identification' });
      ms.push(performance.now() - t);
      if (r.result) decided++;
    }
    return {
      households: ids.length,
      decided,
      median_ms: quantile(ms, 0.5),
      p95_ms: quantile(ms, 0.95),
      max_ms: quantile(ms, 1),
    };
  };
  await time(random.slice(0, 20)); // warm-up: prepared plans, caches
  const result = {
    engine,
    persons: g.persons,
    households: g.households,
    department_records: records,
    with_department_records: await time(withRecords),
    random_households: await time(random),
  };
  log(JSON.stringify(result));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await ctx.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

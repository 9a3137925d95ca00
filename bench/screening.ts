/**
 * Screening benchmark (issue #4, SPEC §10, §18): `npm run bench:screening -- --persons 1000000 [--database
 * pglite|postgres]`. Generates a population with the generator, writes ten department feeds as CSV from it (about
 * half a record per person), imports them (real-time screening of every batch included), then runs a full screening
 * of the registry from a clean ledger, a second full run (nothing new), times single new records end to end, and
 * computes the same rules with DuckDB over the same data exported to CSV. Progress goes to stderr; the last line on
 * stdout is one JSON object. PostgreSQL: a scratch database is created on DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards unless --keep.
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
import { createFeeds } from '../src/modules/feeds/feeds.module.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { regionsRepository } from '../src/modules/regions/regions.repository.ts';
import { screeningRepository } from '../src/modules/screening/screening.repository.ts';
import { createServices } from '../src/services.ts';
import { householdPayload, makeIdNumber } from '../test/support/factories.ts';
import { duckdbReference } from './screening-duckdb.ts';
import { writeBenchFeeds } from './screening-feeds.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    database: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'skip-reference': { type: 'boolean', default: false },
    /** A database kept by an earlier run (--keep): skip generation and import, screen its data again. */
    reuse: { type: 'string' },
  },
});
const persons = Number(values.persons);
const engine = values.database === 'postgres' ? 'postgres' : 'pglite';
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const rss = () => Math.round(process.memoryUsage().rss / 1048576);
const secs = (t: number) => +((performance.now() - t) / 1000).toFixed(2);

/** 定西市 counties in order; each takes at most 900,000 households (a village's 4-digit household sequence). */
const COUNTIES = ['621124', '621122', '621102', '621121', '621123', '621125', '621126'];
const households = Math.round(persons / 2.9);
const counties = COUNTIES.slice(0, Math.max(1, Math.ceil(households / 900_000)));
const scope = counties.length === 1 ? (counties[0] as string) : '6211';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-bench-screening-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'warn',
  // A reused database needs the key it was generated with (its ID hashes and ciphertexts).
  SHOUXIAN_DATA_KEY:
    values.reuse && process.env.SHOUXIAN_DATA_KEY
      ? process.env.SHOUXIAN_DATA_KEY
      : crypto.randomBytes(32).toString('hex'),
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reuse = values.reuse;
if (reuse !== undefined && (engine !== 'postgres' || !/^sx_bench_\d+$/.test(reuse))) {
  throw new Error('--reuse takes a kept PostgreSQL benchmark database (sx_bench_<pid>)');
}
const dbName = reuse ?? `sx_bench_${process.pid}`;
if (engine === 'postgres') {
  if (!reuse) {
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
  env.DATA_DIR = path.join(work, 'data');
}

const ctx = await openAppContext(loadConfig(env), { command: 'bench screening' });
const services = createServices(ctx);
const db = ctx.database.db;
const count = async (table: string) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n);
try {
  let t = performance.now();
  let generateSeconds: number | null = null;
  let feedsSeconds: number | null = null;
  let importSeconds: number | null = null;
  if (!reuse) {
    for (const county of counties) {
      await services.regions.loadCounty(SYSTEM_ACTOR, county);
      const n = Math.round(households / counties.length);
      const r = await generatePopulation(ctx, { county, households: n, seed: Number(values.seed), year: 2026 });
      log(`generated ${county}: ${r.households} households, ${r.persons} persons in ${r.seconds}s, rss ${rss()} MB`);
    }
    generateSeconds = secs(t);
    // About 3% of households monitored (SPEC §18: "a few percent"), and most backstop households, so that exclusion
    // signals raise review clues and most civil-affairs recipients are already known.
    await sql`UPDATE households SET monitoring_status = 'monitored', category = 'marginal', risk_types = '{income}',
      included_on = '2026-03-01'
      WHERE get_byte(decode(md5(id::text), 'hex'), 0) < 8
        OR (backstop IS NOT NULL AND get_byte(decode(md5(id::text), 'hex'), 1) < 240)`.execute(db);
    await sql`ANALYZE`.execute(db);

    t = performance.now();
    const files = await writeBenchFeeds(ctx, scope, path.join(work, 'feeds'));
    feedsSeconds = secs(t);
    log(`feeds: ${files.map((f) => `${f.department}/${f.kind}/${f.period} ${f.rows}`).join(', ')} (${feedsSeconds}s)`);

    t = performance.now();
    for (const f of files) {
      const s = await services.feeds.import(SYSTEM_ACTOR, {
        department: f.department,
        recordKind: f.kind,
        regionCode: scope,
        period: f.period,
        fileName: path.basename(f.file),
        path: f.file,
      });
      log(
        `imported ${f.department}/${f.kind}: ${s.rowsNew} rows, ${s.hits} hits, ${s.clues} clues; ${secs(t)}s, rss ${rss()} MB`,
      );
    }
    importSeconds = secs(t);
  } else {
    log(`reusing ${reuse}: generation and import skipped`);
  }
  const personCount = await count('persons');
  const records = await count('feed_records');
  const cluesRealtime = reuse ? null : await count('clues');

  // The full screening from a clean ledger: the real-time hits of the import are cleared first.
  await sql`TRUNCATE screening_hits, data_quality_items, screening_runs, clues CASCADE`.execute(db);
  t = performance.now();
  const run = await services.screening.run(SYSTEM_ACTOR, { region: scope, asOf: '2026-10-31' });
  const screenSeconds = secs(t);
  log(
    `full screening: ${run.hits} hits, ${run.cluesCreated} clues, ${run.qualityItems} quality items in ${screenSeconds}s`,
  );
  for (const p of run.perRule)
    log(`  ${p.code.padEnd(18)} ${String(p.hits).padStart(8)} hits ${String(p.ms).padStart(7)} ms`);
  t = performance.now();
  const again = await services.screening.run(SYSTEM_ACTOR, { region: scope, asOf: '2026-10-31' });
  const rescreenSeconds = secs(t);

  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  let reference: Awaited<ReturnType<typeof duckdbReference>> | undefined;
  if (!values['skip-reference']) {
    const rules = await screeningRepository(db).rules();
    reference = await duckdbReference(ctx, rules, { dir: work, scope, asOf: '2026-10-31' });
    log(
      `duckdb: export ${reference.exportSeconds.toFixed(1)}s, load ${reference.loadSeconds.toFixed(1)}s, rules ${reference.seconds.toFixed(2)}s`,
    );
  }

  // One new record, end to end: file → parse → insert → screening of its batch → clue (median of 5).
  let screenMs = 0;
  const timed = createFeeds({
    db,
    regionsRepo: regionsRepository(db),
    audit: services.audit,
    cipher: ctx.cipher,
    screening: {
      screenBatch: async (trx, actor, batch) => {
        const s0 = performance.now();
        const r = await services.screening.screenBatch(trx, actor, batch);
        screenMs = performance.now() - s0;
        return r;
      },
    },
  });
  // People to send a record about: five registered persons; a reused database was written under another data key,
  // so five households are registered first (their ID numbers hashed with this run's key).
  let sample: { name: string; idNumber: string }[];
  if (!reuse) {
    const rows = await db
      .selectFrom('persons')
      .select(['name', 'id_number_enc'])
      .where('status', '=', 'normal')
      .limit(5)
      .execute();
    sample = rows.map((p) => ({ name: p.name, idNumber: ctx.cipher.decrypt(p.id_number_enc) }));
  } else {
    const village = await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', 'like', `${scope}%`)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    sample = [];
    for (let i = 0; i < 5; i++) {
      // ID numbers of another prefecture (兰州市城关区), random birthdays: neither the generated population nor an
      // earlier reuse of the database has them.
      const payload = householdPayload(village.code, {
        address: `基准测试${i}号`,
        members: [
          {
            name: `基准户主${i}`,
            idNumber: makeIdNumber(
              `19${crypto.randomInt(40, 90)}0${crypto.randomInt(1, 10)}1${crypto.randomInt(0, 10)}`,
              'male',
              '620102',
            ),
            relation: 'head',
            labor: 'full',
          },
        ],
      });
      await services.registry.create(SYSTEM_ACTOR, payload as never);
      const head = payload.members[0] as { name: string; idNumber: string };
      sample.push({ name: head.name, idNumber: head.idNumber });
    }
  }
  const singles: { total: number; screen: number; clues: number }[] = [];
  for (const [i, p] of sample.entries()) {
    const file = path.join(work, `single-${i}.csv`);
    const id = p.idNumber;
    fs.writeFileSync(
      file,
      `姓名,身份证号,就诊医院,疾病名称,入院日期,出院日期,医疗总费用,个人自付,结算日期\n${p.name},${id},单条测试医院${i},肺癌,2026-10-20,2026-10-28,90000,30000,2026-10-29\n`,
    );
    const s0 = performance.now();
    const s = await timed.import(SYSTEM_ACTOR, {
      department: 'medical_insurance',
      regionCode: scope,
      period: '2026-10',
      fileName: 'single.csv',
      path: file,
    });
    singles.push({ total: performance.now() - s0, screen: screenMs, clues: s.clues });
  }
  const median = (xs: number[]) => +(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0).toFixed(1);

  const mismatches = reference
    ? run.perRule
        .filter((p) => p.code in (reference?.perRule ?? {}) && reference?.perRule[p.code]?.hits !== p.hits)
        .map((p) => `${p.code}: ${p.hits} vs ${reference?.perRule[p.code]?.hits}`)
    : [];
  if (mismatches.length) log(`hit counts differ from DuckDB: ${mismatches.join('; ')}`);
  const result = {
    engine,
    persons: personCount,
    households: await count('households'),
    records,
    generate_seconds: generateSeconds,
    feeds_seconds: feedsSeconds,
    import_seconds: importSeconds,
    clues_realtime: cluesRealtime,
    screen_seconds: screenSeconds,
    hits: run.hits,
    clues: run.cluesCreated,
    quality_items: run.qualityItems,
    rescreen_seconds: rescreenSeconds,
    rescreen_hits: again.hits,
    single_record_ms: median(singles.map((s) => s.total)),
    single_screen_ms: median(singles.map((s) => s.screen)),
    single_record_clues: singles.reduce((a, s) => a + s.clues, 0),
    peak_rss_mb: peakRssMb,
    reference_seconds: reference ? +reference.seconds.toFixed(2) : null,
    reference_load_seconds: reference ? +reference.loadSeconds.toFixed(2) : null,
    ratio: reference ? +(screenSeconds / reference.seconds).toFixed(2) : null,
    hits_match_reference: reference ? mismatches.length === 0 : null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await ctx.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (engine === 'postgres' && !values.keep && !reuse) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

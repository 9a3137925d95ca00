/**
 * Load benchmark (issue 18 "Performance", issue 11 point 10): `npm run bench:load -- [--households 350000]
 * [--seconds 60] [--clients 200] [--reuse sx_bench_load] [--keep]`. PostgreSQL only (DATABASE_URL).
 *
 * Starts the server in this process on loopback, generates a county (default 350,000 households ≈ 1M persons; or
 * reuses a database that already holds it — straight after `generate`, no manual ANALYZE), creates bench users of
 * three roles (village, township, county) directly and logs them in through the service, starts a few procedures
 * for the case pages, then for a bounded time runs N concurrent keep-alive clients of mixed roles over the household
 * list (keyset pages), a member search, a household file, the dashboard and a case file. Prints one JSON line per
 * role and scenario (p50/p95/p99/max in ms, requests, errors, the target and whether it is met) and last a one-line
 * JSON summary. Progress goes to stderr.
 *
 * Targets (issue 18): p99 < 200 ms for every village and township request; < 500 ms for county requests (the issue
 * names county lists and dashboards; the county's search, file and case pages are held to the same 500 ms here).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import type { Role } from '../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { buildApp } from '../src/server/app.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '350000' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '200' },
    county: { type: 'string', default: '621124' },
    reuse: { type: 'string' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
  },
});
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl?.startsWith('postgres')) {
  process.stderr.write('bench:load 只在 PostgreSQL 上运行：请设置 DATABASE_URL=postgres://…\n');
  process.exit(2);
}
const HOUSEHOLDS = Number(values.households);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const COUNTY = values.county as string;
const PASSWORD = 'Demo@2026';
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

const dbName = values.reuse ?? `sx_bench_load_${process.pid}`;
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
};
if (!values.reuse) await admin(`CREATE DATABASE ${dbName}`);
else {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]).finally(() => c.end());
  if (r.rowCount === 0) await admin(`CREATE DATABASE ${dbName}`);
}
const u = new URL(adminUrl);
u.pathname = `/${dbName}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: u.toString(),
  LOG_LEVEL: 'warn',
  // Demo mode: the bench users log in with the demo password alone (no second factor for the county users).
  SHOUXIAN_DEMO: 'true',
  // A reused bench database must decrypt its ID numbers: a fixed key for this synthetic data unless one is given.
  SHOUXIAN_DATA_KEY:
    process.env.SHOUXIAN_DATA_KEY ?? crypto.createHash('sha256').update('shouxian bench:load').digest('hex'),
};
const ctx = await openAppContext(loadConfig(env), { command: 'bench load' });
const services = createServices(ctx);
const db = ctx.database.db;

async function prepare() {
  await services.regions.loadCounty(SYSTEM_ACTOR, COUNTY);
  const have = await db
    .selectFrom('households')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const missing = HOUSEHOLDS - Number(have.n);
  if (missing > 0) {
    log(`generate: ${missing} households in ${COUNTY}`);
    const r = await generatePopulation(ctx, {
      county: COUNTY,
      households: missing,
      seed: Number(values.seed),
      append: Number(have.n) > 0,
      onProgress: (p) => {
        if (p.households % 50_000 < 5000) log(`  ${p.households}/${p.total} households, ${p.persons} persons`);
      },
    });
    log(`generated ${r.households} households / ${r.persons} persons in ${r.seconds} s`);
  } else log(`reusing ${have.n} households in ${dbName}`);
  // The biggest villages, their townships and the county: the users' scopes.
  const villages = await db
    .selectFrom('region_household_totals')
    .select(['region_code', (e) => e.fn.sum<string>('households').as('n')])
    .groupBy('region_code')
    .orderBy('n', 'desc')
    .limit(10)
    .execute();
  const townships = [...new Set(villages.map((v) => v.region_code.slice(0, 9)))].slice(0, 5);
  const scopes: { username: string; role: Role; region: string }[] = [
    ...villages.map((v, i) => ({ username: `bench_village_${i + 1}`, role: 'village' as Role, region: v.region_code })),
    ...townships.map((t, i) => ({ username: `bench_township_${i + 1}`, role: 'township' as Role, region: t })),
    ...[1, 2, 3].map((i) => ({ username: `bench_county_${i}`, role: 'county' as Role, region: COUNTY })),
  ];
  for (const s of scopes) {
    const exists = await db.selectFrom('users').select('id').where('username', '=', s.username).executeTakeFirst();
    if (exists) continue;
    await services.auth.addUser(SYSTEM_ACTOR, {
      username: s.username,
      password: PASSWORD,
      role: s.role,
      displayName: s.username,
      regionCode: s.region,
      department: null,
      demo: true,
    });
  }
  // A few running procedures per village for the case pages.
  for (const v of villages) {
    const open = await db
      .selectFrom('cases')
      .select((e) => e.fn.countAll<string>().as('n'))
      .where('region_code', '=', v.region_code)
      .executeTakeFirstOrThrow();
    if (Number(open.n) >= 3) continue;
    const hs = await db
      .selectFrom('households')
      .select('id')
      .where('region_code', '=', v.region_code)
      .where('monitoring_status', '=', 'none')
      .orderBy('code')
      .limit(3)
      .execute();
    for (const h of hs) {
      await services.casesModule.cases.start(SYSTEM_ACTOR, { householdId: h.id, kind: 'inclusion' }).catch(() => {});
    }
  }
  return scopes;
}

interface Target {
  username: string;
  role: Role;
  region: string;
  cookie: string;
  households: { id: string; code: string }[];
  names: string[];
  cases: string[];
}

async function targets(scopes: Awaited<ReturnType<typeof prepare>>): Promise<Target[]> {
  const out: Target[] = [];
  for (const s of scopes) {
    const { token } = await services.auth.login(s.username, PASSWORD, '127.0.0.1');
    const lo = s.region;
    const hi = `${lo.slice(0, -1)}${String.fromCharCode(lo.charCodeAt(lo.length - 1) + 1)}`;
    // A sample of the scope's households spread over its codes (TABLESAMPLE keeps this cheap at county scale).
    const inScope = await db
      .selectFrom('region_household_totals')
      .select((e) => e.fn.sum<string>('households').as('n'))
      .where(sql<boolean>`region_code ~>=~ ${lo} AND region_code ~<~ ${hi}`)
      .executeTakeFirstOrThrow();
    const share = Math.min(100, (100 * 5000) / Math.max(1, Number(inScope.n)));
    const households = await sql<{ id: string; code: string; name: string }>`
      SELECT h.id, h.code, p.name FROM households h TABLESAMPLE SYSTEM (${share})
        JOIN persons p ON p.id = h.head_person_id
       WHERE h.region_code ~>=~ ${lo} AND h.region_code ~<~ ${hi} LIMIT 200`.execute(db);
    const cases = await db
      .selectFrom('cases')
      .select('id')
      .where(sql<boolean>`region_code ~>=~ ${lo} AND region_code ~<~ ${hi}`)
      .limit(20)
      .execute();
    out.push({
      ...s,
      cookie: `sx_session=${token}`,
      households: households.rows.map((r) => ({ id: r.id, code: r.code })),
      names: households.rows.map((r) => r.name),
      cases: cases.map((c) => c.id),
    });
  }
  return out;
}

const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
type Scenario = 'list' | 'search' | 'detail' | 'dashboard' | 'case';
const SCENARIOS: Scenario[] = ['list', 'list', 'search', 'detail', 'detail', 'dashboard', 'case'];

function pathFor(s: Scenario, t: Target): string | undefined {
  switch (s) {
    case 'list': {
      // Keyset pages: the first page, or the page after a household of the scope.
      const after = Math.random() < 0.3 ? undefined : pick(t.households)?.code;
      return `/api/households?pageSize=20${after ? `&after=${after}` : ''}`;
    }
    case 'search': {
      const name = pick(t.names);
      return name ? `/api/households?pageSize=20&name=${encodeURIComponent(name)}` : undefined;
    }
    case 'detail': {
      const h = pick(t.households);
      return h ? `/api/households/${h.id}` : undefined;
    }
    case 'dashboard':
      return '/api/reports/dashboard';
    case 'case': {
      const c = pick(t.cases);
      return c ? `/api/cases/${c}` : undefined;
    }
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function get(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie }, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
const round = (n: number) => Math.round(n * 10) / 10;
const targetOf = (role: Role) => (role === 'county' ? 500 : 200);

const scopes = await prepare();
const users = await targets(scopes);
const persons = await db
  .selectFrom('persons')
  .select((e) => e.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
const householdsNow = await db
  .selectFrom('households')
  .select((e) => e.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
const app = await buildApp(ctx, services, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

// Mixed roles: half the clients village users, 30% township, 20% county.
const byRole = (role: Role) => users.filter((x) => x.role === role);
const clientUser = (i: number): Target => {
  const r = i % 10;
  const pool = r < 5 ? byRole('village') : r < 8 ? byRole('township') : byRole('county');
  return pool[i % pool.length] as Target;
};
const samples = new Map<string, { ms: number[]; errors: number; role: Role; scenario: Scenario }>();
const errorsSeen = new Map<string, number>();
log(`load: ${CLIENTS} clients for ${SECONDS} s on 127.0.0.1:${port}`);
const started = performance.now();
const deadline = started + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, i) => {
    const user = clientUser(i);
    let k = i;
    while (performance.now() < deadline) {
      const scenario = SCENARIOS[k++ % SCENARIOS.length] as Scenario;
      const path = pathFor(scenario, user);
      if (!path) continue;
      const key = `${user.role} ${scenario}`;
      let s = samples.get(key);
      if (!s) {
        s = { ms: [], errors: 0, role: user.role, scenario };
        samples.set(key, s);
      }
      const t0 = performance.now();
      try {
        const status = await get(port, path, user.cookie);
        s.ms.push(performance.now() - t0);
        if (status !== 200) {
          s.errors++;
          errorsSeen.set(`${key} ${status}`, (errorsSeen.get(`${key} ${status}`) ?? 0) + 1);
        }
      } catch (err) {
        s.errors++;
        s.ms.push(performance.now() - t0);
        const m = `${key} ${(err as Error).message}`;
        errorsSeen.set(m, (errorsSeen.get(m) ?? 0) + 1);
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
agent.destroy();

let total = 0;
let errors = 0;
let pass = true;
for (const [key, s] of [...samples.entries()].sort()) {
  const sorted = [...s.ms].sort((a, b) => a - b);
  const target = targetOf(s.role);
  const p99 = quantile(sorted, 0.99);
  const ok = s.errors === 0 && p99 < target;
  pass &&= ok;
  total += sorted.length;
  errors += s.errors;
  process.stdout.write(
    `${JSON.stringify({
      scenario: key,
      role: s.role,
      requests: sorted.length,
      rps: round(sorted.length / elapsed),
      errors: s.errors,
      p50: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      p99: round(p99),
      max: round(sorted[sorted.length - 1] ?? 0),
      targetP99: target,
      pass: ok,
    })}\n`,
  );
}
if (errorsSeen.size > 0) log(`errors: ${JSON.stringify(Object.fromEntries(errorsSeen))}`);
await app.close();
await ctx.close();
if (!values.reuse && !values.keep) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
process.stdout.write(
  `${JSON.stringify({
    bench: 'load',
    database: 'postgres',
    households: Number(householdsNow.n),
    persons: Number(persons.n),
    clients: CLIENTS,
    seconds: round(elapsed),
    requests: total,
    rps: round(total / elapsed),
    errors,
    pass,
    machine: { nproc: os.availableParallelism(), memoryGiB: round(os.totalmem() / 2 ** 30), load1: os.loadavg()[0] },
    kept: values.reuse ?? (values.keep ? dbName : undefined),
  })}\n`,
);

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePrivacyViolations } from '../src/domain/procedures/index.ts';
import { type HistoryResult, loadDemoHistory } from '../src/modules/demo/demo-history.ts';
import { loadDemoRegionalRisks } from '../src/modules/demo/demo-regional-risk.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { expectedFigures, readRawTables } from './support/expected-figures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const TODAY = '2026-11-20';

/**
 * The demo county's twelve months (issue 13 point 8), driven through the real services on a small population: every
 * category, clue channel and state, cases at several steps, measures, eliminations; the report's figures equal an
 * independent count, the trend has months, and no public notice carries a figure.
 */
describe(`the demo county's history on ${ENGINE} (issue 13 point 8)`, () => {
  let t: TestApp;
  let county: string;
  let result: HistoryResult;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date(`${TODAY}T02:00:00Z`) });
    // On PostgreSQL the generator writes over its own connection: to this file's database, not the server's default.
    let config = t.ctx.config;
    if (config.databaseUrl) {
      const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.ctx.database.db);
      const url = new URL(config.databaseUrl);
      url.pathname = `/${rows[0]?.db}`;
      config = { ...config, databaseUrl: url.toString() };
    }
    await generatePopulation({ ...t.ctx, config }, { county: '621124', households: 400, seed: 7, year: 2026 });
    result = await loadDemoHistory(t.ctx, { share: 0.12 });
    county = await t.login('county');
  }, 600_000);
  afterAll(() => t.close());

  const db = () => t.ctx.database.db;
  const get = async (url: string) => {
    const res = await t.request(county, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('includes households of all three categories, eliminates some and brings some back', async () => {
    expect(result.outcomes.included, JSON.stringify(result.outcomes)).toBeGreaterThan(10);
    const rows = await db()
      .selectFrom('households')
      .select(['category', 'monitoring_status as status', (e) => e.fn.countAll<number>().as('n')])
      .where('monitoring_status', '<>', 'none')
      .groupBy(['category', 'monitoring_status'])
      .execute();
    const n = (status: string, category?: string) =>
      rows
        .filter((r) => r.status === status && (!category || r.category === category))
        .reduce((s, r) => s + Number(r.n), 0);
    for (const c of ['unstable', 'marginal', 'sudden']) expect(n('monitored', c), c).toBeGreaterThan(0);
    expect(n('eliminated')).toBeGreaterThan(0);
    const risks = await sql<{ r: string }>`
      SELECT DISTINCT unnest(risk_types) AS r FROM households WHERE monitoring_status <> 'none'`.execute(db());
    expect(risks.rows.length).toBeGreaterThanOrEqual(4);
  });

  it('has clues of every channel and state, some overdue', async () => {
    const rows = await db().selectFrom('clues').select(['channel', 'status', 'due_on as due']).execute();
    for (const ch of ['self_declaration', 'cadre_screening', 'department', 'social'])
      expect(
        rows.some((r) => r.channel === ch),
        ch,
      ).toBe(true);
    for (const st of ['open', 'verifying', 'closed'])
      expect(
        rows.some((r) => r.status === st),
        st,
      ).toBe(true);
    expect(rows.some((r) => r.status !== 'closed' && String(r.due) < TODAY)).toBe(true);
  });

  it('imports department files over its months through the feed import, whose screening raises clues', async () => {
    const imports = await db()
      .selectFrom('feed_imports')
      .select(['department', 'period', 'status', 'started_at as startedAt', 'hits', 'clues'])
      .execute();
    expect(imports.length).toBeGreaterThanOrEqual(24);
    expect(imports.every((i) => i.status === 'loaded')).toBe(true);
    // every row of the demo's files is valid and matched a person, and no story stopped at its department file
    const rows = await db()
      .selectFrom('feed_imports')
      .select((e) => [e.fn.sum<number>('rows_bad').as('bad'), e.fn.sum<number>('rows_good').as('good')])
      .executeTakeFirstOrThrow();
    expect(Number(rows.bad)).toBe(0);
    expect(Number(rows.good)).toBeGreaterThan(100);
    expect(result.outcomes['refused:ERROR'], JSON.stringify(result.outcomes)).toBeUndefined();
    expect(new Set(imports.map((i) => i.period)).size).toBeGreaterThanOrEqual(11);
    // each file on its own day of the history, not at load time
    expect(new Set(imports.map((i) => new Date(i.startedAt).toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(
      11,
    );
    for (const d of ['medical_insurance', 'hr_social_security'])
      expect(
        imports.some((i) => i.department === d),
        d,
      ).toBe(true);
    expect(imports.reduce((n, i) => n + Number(i.hits), 0)).toBeGreaterThan(0);
    // department-channel clues raised by a screening rule over an imported record
    const raised = await db()
      .selectFrom('clues')
      .select(['source_ref as ref'])
      .where('channel', '=', 'department')
      .where('source_kind', '=', 'rule')
      .execute();
    expect(raised.some((c) => /^medical_insurance:MED-/.test(String(c.ref)))).toBe(true);
    expect(imports.reduce((n, i) => n + Number(i.clues), 0)).toBeGreaterThan(0);
    const page = await get('/api/feed-imports?pageSize=50');
    expect(page.total).toBe(imports.length);
  });

  it('has cases at several steps, finished ones of both kinds, measures and responsible persons', async () => {
    const cases = await db().selectFrom('cases').select(['kind', 'outcome', 'current_step as step']).execute();
    const steps = new Set(cases.filter((c) => !c.outcome).map((c) => c.step));
    expect(steps.size, [...steps].join()).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.kind === 'inclusion' && c.outcome === 'completed')).toBe(true);
    expect(cases.some((c) => c.kind === 'elimination' && c.outcome === 'completed')).toBe(true);
    const measures = await db().selectFrom('measures').select(['status']).execute();
    expect(measures.length).toBeGreaterThan(0);
    expect(new Set(measures.map((m) => m.status)).size).toBeGreaterThanOrEqual(2);
    const responsible = await db().selectFrom('responsible_assignments').select('id').execute();
    expect(responsible.length).toBeGreaterThan(0);
  });

  it("gives the month's report figures equal to an independent count, and a trend with months", async () => {
    const raw = await readRawTables(t);
    for (const period of ['2026-10', '2026-Q3', '2026', 'cumulative']) {
      const r = await get(`/api/reports/figures?region=621124&period=${period}`);
      const { byStep: _, ...cases } = r.figures.cases;
      expect({ ...r.figures, cases }, period).toEqual(expectedFigures(raw, '621124', r.period));
    }
    const month = await get('/api/reports/figures?region=621124&period=2026-11');
    expect(month.figures.monitored.total.households).toBeGreaterThan(0);
    for (const c of ['unstable', 'marginal', 'sudden'])
      expect(month.figures.monitored[c].households, c).toBeGreaterThan(0);
    const dash = await get('/api/reports/dashboard?region=621124');
    const trend = JSON.stringify(dash.trend);
    expect(dash.trend, trend).toBeTruthy();
    expect(trend).toMatch(/[1-9]/);
  });

  it('records two regional risk events whose exposed households get clues (SPEC §11)', async () => {
    const exposed = await loadDemoRegionalRisks(t.ctx, t.services, { township: t.township, village: t.village });
    expect(exposed.frost + exposed.work, JSON.stringify(exposed)).toBeGreaterThan(0);
    const events = await get('/api/regional-risks');
    const titles = (events.items ?? events).map((e: { title: string }) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['持续低温冻害致马铃薯减产', '外出务工人员返乡增多']));
    const clues = await db()
      .selectFrom('clues')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('source_kind', '=', 'regional_event')
      .executeTakeFirstOrThrow();
    expect(Number(clues.n)).toBeGreaterThan(0);
  });

  it('writes no amount, ID number or phone into any public notice', async () => {
    const rows = await db().selectFrom('notifications').select(['text']).execute();
    const phones = await db()
      .selectFrom('households')
      .select('responsible_phone')
      .where('responsible_phone', 'is not', null)
      .execute();
    const allowed = ['12317', ...phones.map((p) => p.responsible_phone as string)];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(noticePrivacyViolations(r.text, allowed), r.text).toEqual([]);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { caseDriver } from './support/case-driver.ts';
import { expectedFigures, readRawTables } from './support/expected-figures.ts';
import { addClue, addMeasure, assignResponsible, householdOf, writeHistory } from './support/report-fixtures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const TODAY = '2026-06-15';
const PERIODS = [
  '2026-06',
  '2026-05',
  '2026-04',
  '2026-03',
  '2026-Q2',
  '2026-Q1',
  '2026',
  '2025',
  '2025-11',
  'cumulative',
];

/**
 * Every figure of SPEC §12, for regions from the county down to a village and periods from a month to the whole
 * record, equals the same figure recomputed independently from the raw tables (test/support/expected-figures.ts),
 * to the person.
 */
describe(`figures on ${ENGINE} (SPEC §12)`, () => {
  let t: TestApp;
  let county: string;
  let users: { village: string; township: string; county: string };
  let v1: string;
  let v2: string;
  let v3: string;
  let t2: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: new Date(`${TODAY}T02:00:00Z`) });
    users = { village: await t.login('village'), township: await t.login('township'), county: await t.login('county') };
    county = users.county;
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children.map((v) => v.code);
    const townships = (await t.services.regions.children(SYSTEM_ACTOR, '621124')).children.map((v) => v.code);
    t2 = townships[1] as string;
    [v1, v2] = [t.village, villages[1] as string];
    v3 = (await t.services.regions.children(SYSTEM_ACTOR, t2)).children[0]?.code as string;

    // Histories (a fixture of completed procedures): inclusions, eliminations, a return, a reversal.
    ids.h1 = await householdOf(t, v1, 3);
    await writeHistory(t, ids.h1, [{ kind: 'included', on: '2026-01-10', category: 'unstable', risks: ['income'] }]);
    ids.h2 = await householdOf(t, v1, 4);
    await writeHistory(t, ids.h2, [
      { kind: 'included', on: '2026-02-03', category: 'marginal', risks: ['medical', 'income'] },
      { kind: 'eliminated', on: '2026-05-20' },
    ]);
    ids.h3 = await householdOf(t, v2, 2);
    await writeHistory(t, ids.h3, [
      { kind: 'included', on: '2025-11-05', category: 'sudden', risks: ['other'] },
      { kind: 'eliminated', on: '2026-03-10' },
      { kind: 'returned', on: '2026-06-02', category: 'sudden', risks: ['medical'] },
    ]);
    ids.h4 = await householdOf(t, v3, 5);
    await writeHistory(t, ids.h4, [{ kind: 'included', on: '2026-03-31', category: 'marginal', risks: ['education'] }]);
    ids.h5 = await householdOf(t, v3, 3);
    await writeHistory(t, ids.h5, [{ kind: 'included', on: '2026-04-05', category: 'unstable', voided: true }]);
    ids.h6 = await householdOf(t, v3, 5);
    await writeHistory(t, ids.h6, [
      { kind: 'included', on: '2026-06-01', category: 'unstable', risks: ['housing', 'income'], persons: 4 },
    ]);
    await sql`UPDATE households SET backstop = 'dibao' WHERE id = ${ids.h6}::uuid`.execute(t.ctx.database.db);
    ids.h7 = await householdOf(t, v1, 2);

    await addMeasure(t, ids.h1, '2026-01-20T10:00:00+08:00');
    await addMeasure(t, ids.h4, '2026-04-30T23:30:00+08:00');
    await addMeasure(t, ids.h6, '2026-06-03T09:00:00+08:00', 'cancelled');
    await assignResponsible(t, ids.h1, '2026-01-15');
    await assignResponsible(t, ids.h6, '2026-06-10');
    await assignResponsible(t, ids.h4, '2026-05-01');

    const clue = (
      householdId: string | null,
      region: string,
      channel: Parameters<typeof addClue>[1]['channel'],
      received: string,
      due: string,
      closedAt?: string,
    ) => addClue(t, { householdId, region, channel, received, due, closedAt });
    await clue(ids.h1, v1, 'cadre_screening', '2026-01-03', '2026-01-10', '2026-01-08T16:00:00+08:00');
    await clue(ids.h7, v1, 'self_declaration', '2026-05-25', '2026-06-05');
    await clue(ids.h7, v1, 'department', '2026-05-28', '2026-06-20');
    await clue(ids.h3, v2, 'department', '2026-05-30', '2026-06-08', '2026-05-31T23:30:00+08:00');
    await clue(ids.h3, v2, 'social', '2026-04-01', '2026-04-10', '2026-06-01T00:10:00+08:00');
    await clue(null, v3, 'department', '2026-06-02', '2026-06-09');
    await clue(ids.h4, v3, 'cadre_screening', '2025-12-20', '2026-01-05', '2026-03-20T12:00:00+08:00');
    await clue(ids.h6, v3, 'self_declaration', '2026-06-14', '2026-06-30');

    const risk = await t.request(county, {
      method: 'POST',
      url: '/api/regional-risks',
      payload: { regionCode: v3, eventType: 'natural_disaster', title: '冰雹灾害', startedOn: '2026-06-05' },
    });
    expect(risk.statusCode, risk.body).toBe(201);
  });
  afterAll(() => t.close());

  const get = async (url: string, cookie = county) => {
    const res = await t.request(cookie, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('records status changes of real procedures and voids them when the last step is reversed (SPEC §8.1, §8.3)', async () => {
    const d = caseDriver(t, users);
    const choose = (code: string, kind: string) =>
      t.request(county, {
        method: 'PUT',
        url: '/api/procedure-templates/choice',
        payload: { regionCode: '621124', kind, code },
      });
    expect((await choose('wafang-inclusion', 'inclusion')).statusCode).toBe(200);
    d.setDay('2026-05-06');
    const poor = async () => {
      const id = await householdOf(t, v1, 3);
      const r = await t.request(users.village, {
        method: 'POST',
        url: `/api/households/${id}/incomes`,
        payload: { year: 2025, wage: 6000, transfer: 1000 },
      });
      expect(r.statusCode, r.body).toBe(201);
      return id;
    };
    const start = async (householdId: string) => {
      const r = await t.request(users.village, {
        method: 'POST',
        url: '/api/cases',
        payload: { householdId, kind: 'inclusion' },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    let c1: { finishedOn: string; outcome: string };
    try {
      ids.p1 = await poor();
      c1 = await d.driveToEnd(await start(ids.p1));
      expect(c1.outcome).toBe('completed');
      ids.p2 = await poor();
      const c2 = await d.driveToEnd(await start(ids.p2));
      const reversed = await d.act(c2.id, { type: 'reverse', note: '县级确定有误，撤回重新审核' }, users.county);
      expect(reversed.statusCode, reversed.body).toBe(200);
    } finally {
      t.setNow(`${TODAY}T02:00:00Z`);
    }

    const { rows } = await sql<{
      household_id: string;
      kind: string;
      effective_on: string;
      persons: number;
      voided: boolean;
    }>`
      SELECT household_id, kind, effective_on::text AS effective_on, persons, voided_at IS NOT NULL AS voided
      FROM household_status_events WHERE household_id IN (${ids.p1}::uuid, ${ids.p2}::uuid) ORDER BY id`.execute(
      t.ctx.database.db,
    );
    expect(rows).toEqual([
      { household_id: ids.p1, kind: 'included', effective_on: c1.finishedOn, persons: 3, voided: false },
      { household_id: ids.p2, kind: 'included', effective_on: expect.any(String), persons: 3, voided: true },
    ]);
    expect((await get(`/api/households/${ids.p2}`)).monitoringStatus).toBe('none');
  });

  it('equals the figures recomputed from the raw tables, for every region level and period, to the person (SPEC §12)', async () => {
    const raw = await readRawTables(t);
    for (const region of ['621124', t.township, t2, v1, v2, v3]) {
      for (const period of PERIODS) {
        const r = await get(`/api/reports/figures?region=${region}&period=${period}`);
        const { byStep: _, ...cases } = r.figures.cases;
        expect({ ...r.figures, cases }, `${region} ${period}`).toEqual(expectedFigures(raw, region, r.period));
        for (const child of r.children) {
          const { byStep: __, ...childCases } = child.figures.cases;
          expect({ ...child.figures, cases: childCases }, `${child.code} ${period}`).toEqual(
            expectedFigures(raw, child.code, r.period),
          );
        }
      }
    }
  });

  it('gives the households behind each figure, totalling the figure (SPEC §12 drill-down)', async () => {
    for (const period of ['2026-06', '2026-Q1', 'cumulative']) {
      const r = await get(`/api/reports/figures?region=621124&period=${period}`);
      const f = r.figures;
      const checks: [string, { households: number; persons: number }][] = [
        ['monitored.total', f.monitored.total],
        ['monitored.unstable', f.monitored.unstable],
        ['eliminatedStock.total', f.eliminatedStock.total],
        ['everIncluded.total', f.everIncluded.total],
        ['included.total', f.included.total],
        ['returned.total', f.returned.total],
        ['eliminated.marginal', f.eliminated.marginal],
        ['riskTypes.income', f.riskTypes.income],
        ['backstop.dibao', f.backstop.dibao],
        ['measuresCoverage', f.measuresCoverage],
        [
          'coverage.noResponsible',
          {
            households: f.monitored.total.households - f.responsibleCoverage.households,
            persons: f.monitored.total.persons - f.responsibleCoverage.persons,
          },
        ],
      ];
      for (const [figure, value] of checks) {
        const list = await get(
          `/api/reports/figures/households?region=621124&period=${period}&figure=${figure}&pageSize=200`,
        );
        expect({ households: list.total, persons: list.persons }, `${period} ${figure}`).toEqual({
          households: value.households,
          persons: value.persons,
        });
        expect(list.items).toHaveLength(value.households);
      }
      const overdue = await get(
        `/api/reports/figures/households?region=621124&period=${period}&figure=clues.overdue.total`,
      );
      expect(overdue.total).toBe(f.clues.overdue.total.households);
    }
  });

  it('writes the figures as the offices do: "纳入监测X户Y人，其中…" (SPEC §12, §16)', async () => {
    const r = await get('/api/reports/figures?region=621124&period=2026');
    const inc = r.figures.included;
    expect(r.text.included).toBe(
      `纳入监测${inc.total.households}户${inc.total.persons}人，其中` +
        [
          ['脱贫不稳定户', inc.unstable],
          ['边缘易致贫户', inc.marginal],
          ['突发严重困难户', inc.sudden],
        ]
          .filter(([, v]) => (v as { households: number }).households > 0)
          .map(([n, v]) => `${n}${(v as { households: number }).households}户${(v as { persons: number }).persons}人`)
          .join('、'),
    );
    expect(r.text.everIncluded).toMatch(/^累计纳入防止返贫监测对象\d+户\d+人，已标注风险消除\d+户\d+人/);
  });

  it('keeps users inside their scope and refuses unknown periods and figures (SPEC §3)', async () => {
    const village = users.village;
    const own = await t.request(village, { method: 'GET', url: `/api/reports/figures?period=2026-06` });
    expect(own.statusCode).toBe(200);
    expect(own.json().region.code).toBe(t.village);
    const other = await t.request(village, { method: 'GET', url: `/api/reports/figures?region=${v3}&period=2026-06` });
    expect(other.statusCode).toBe(403);
    const list = await t.request(village, {
      method: 'GET',
      url: `/api/reports/figures/households?region=${v3}&period=2026-06&figure=monitored.total`,
    });
    expect(list.statusCode).toBe(403);
    const future = await t.request(county, { method: 'GET', url: '/api/reports/figures?period=2027-01' });
    expect(future.json().code).toBe('REPORT_PERIOD_INVALID');
    const unknown = await t.request(county, {
      method: 'GET',
      url: '/api/reports/figures/households?period=2026-06&figure=monitored.nothing',
    });
    expect(unknown.json().code).toBe('REPORT_FIGURE_UNKNOWN');
    const department = await t.login('department');
    expect(
      (await t.request(department, { method: 'GET', url: '/api/reports/figures?period=2026-06' })).statusCode,
    ).toBe(403);
  });
});

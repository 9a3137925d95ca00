import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { childBoundaries } from '../src/modules/reports/map-boundaries.ts';
import { addClue, addMeasure, householdOf, writeHistory } from './support/report-fixtures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const TODAY = '2026-06-15';

/** The three reports, monthly snapshots and the dashboard (SPEC §12), over HTTP on a real database. */
describe(`reports and snapshots on ${ENGINE} (SPEC §12)`, () => {
  let t: TestApp;
  let county: string;
  let v2: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: new Date(`${TODAY}T02:00:00Z`) });
    county = await t.login('county');
    v2 = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children[1]?.code as string;
    ids.a = await householdOf(t, t.village, 3);
    await writeHistory(t, ids.a, [{ kind: 'included', on: '2026-04-12', category: 'unstable', risks: ['income'] }]);
    ids.b = await householdOf(t, t.village, 4);
    await writeHistory(t, ids.b, [{ kind: 'included', on: '2026-05-08', category: 'marginal', risks: ['medical'] }]);
    ids.c = await householdOf(t, v2, 2);
    await writeHistory(t, ids.c, [
      { kind: 'included', on: '2026-01-20', category: 'sudden', risks: ['other'] },
      { kind: 'eliminated', on: '2026-05-25' },
    ]);
    await addMeasure(t, ids.a, '2026-04-20T10:00:00+08:00');
    await addClue(t, {
      householdId: ids.b,
      region: t.village,
      channel: 'department',
      received: '2026-05-02',
      due: '2026-05-09',
    });
    await addClue(t, {
      householdId: ids.a,
      region: t.village,
      channel: 'cadre_screening',
      received: '2026-04-03',
      due: '2026-04-10',
      closedAt: '2026-04-09T10:00:00+08:00',
    });
  });
  afterAll(() => t.close());

  const get = async (url: string, cookie = county) => {
    const res = await t.request(cookie, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('freezes a month so that its report keeps the same numbers after a later correction, shown as a difference (SPEC §12)', async () => {
    const before = await get('/api/reports/monthly?region=621124&period=2026-05');
    expect(before.source).toBe('live');
    const frozen = await t.request(county, {
      method: 'POST',
      url: '/api/reports/snapshots',
      payload: { region: '621124', month: '2026-05' },
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
    expect(frozen.json().regions).toBeGreaterThan(3);

    // A correction after the freeze: household b's inclusion in May turns out to have been reversed.
    await sql`UPDATE household_status_events SET voided_at = now(), voided_reason = '撤销办结' WHERE household_id = ${ids.b}::uuid`.execute(
      t.ctx.database.db,
    );
    await sql`UPDATE households SET monitoring_status = 'none', category = NULL, risk_types = '{}', included_on = NULL WHERE id = ${ids.b}::uuid`.execute(
      t.ctx.database.db,
    );
    const after = await get('/api/reports/monthly?region=621124&period=2026-05');
    expect(after.source).toBe('snapshot');
    expect(after.figures).toEqual(before.figures);
    expect(after.tables).toEqual(before.tables);
    const included = after.differences.find((d: { key: string }) => d.key === 'included.total');
    expect(included).toMatchObject({
      name: '新纳入监测',
      frozen: { households: 1, persons: 4 },
      now: { households: 0, persons: 0 },
    });
    const compare = await get('/api/reports/snapshots/compare?region=621124&month=2026-05');
    expect(compare.differences.map((d: { key: string }) => d.key)).toContain('included.marginal');

    // A township's report of the same month reads the county's frozen rows too.
    const township = await get(`/api/reports/monthly?region=${t.township}&period=2026-05`);
    expect(township.source).toBe('snapshot');
    expect(township.figures.find((f: { key: string }) => f.key === 'included.total')).toMatchObject({
      households: 1,
      persons: 4,
    });

    const again = await t.request(county, {
      method: 'POST',
      url: '/api/reports/snapshots',
      payload: { region: '621124', month: '2026-05' },
    });
    expect(again.json().code).toBe('SNAPSHOT_REASON_REQUIRED');
    const refrozen = await t.request(county, {
      method: 'POST',
      url: '/api/reports/snapshots',
      payload: { region: '621124', month: '2026-05', reason: '5月识别纳入一户撤销办结，重新冻结' },
    });
    expect(refrozen.statusCode, refrozen.body).toBe(201);
    const third = await get('/api/reports/monthly?region=621124&period=2026-05');
    expect(third.differences).toEqual([]);
    expect(third.figures.find((f: { key: string }) => f.key === 'included.total')).toMatchObject({
      households: 0,
      persons: 0,
    });
    const runs = await get('/api/reports/snapshots');
    expect(runs.items.map((r: { reason: string | null }) => r.reason)).toEqual([
      '5月识别纳入一户撤销办结，重新冻结',
      null,
    ]);
    const audit = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.snapshot'`.execute(t.ctx.database.db);
    expect(audit.rows[0]?.n).toBe(2);
    const township2 = await t.login('township');
    expect(
      (await t.request(township2, { method: 'POST', url: '/api/reports/snapshots', payload: { month: '2026-05' } }))
        .statusCode,
    ).toBe(403);
  });

  it('月调度: the month by subordinate region with a 合计 row equal to the region, the §8.2 deadlines (SPEC §8.2, §12)', async () => {
    const r = await get('/api/reports/monthly?region=621124&period=2026-06');
    expect(r.title).toBe('临洮县2026年6月防止返贫监测帮扶工作月调度表');
    expect(r.unit).toBe('填报单位：临洮县');
    expect(r.date).toBe('填报日期：2026年6月15日');
    const monitoring = r.tables[0];
    expect(monitoring.columns.slice(0, 2)).toEqual([
      { title: '户', group: '监测对象' },
      { title: '人', group: '监测对象' },
    ]);
    const total = monitoring.rows.at(-1);
    const m = r.figures.find((f: { key: string }) => f.key === 'monitored.total');
    expect(total).toMatchObject({ label: '合计', total: true });
    expect(total.cells.slice(0, 2)).toEqual([m.households, m.persons]);
    const sum = monitoring.rows
      .slice(0, -1)
      .reduce((s: number, row: { cells: number[] }) => s + (row.cells[0] as number), 0);
    expect(sum).toBe(m.households);
    expect(r.cycle.skipped).toBe(false);
    expect(r.cycle.steps.map((s: { due: string }) => s.due)).toEqual([
      '2026-06-03',
      '2026-06-05',
      '2026-06-08',
      '2026-06-12',
      '2026-06-17',
      '2026-06-19',
      '2026-06-23',
      '2026-06-27',
    ]);
    expect(r.summary[0]).toMatch(/^监测对象\d+户\d+人/);
  });

  it('季分析: by category and risk type, monthly trend equal to each month, a 季通报 draft with the numbers (SPEC §12)', async () => {
    const r = await get('/api/reports/quarterly?region=621124&period=2026-Q2');
    expect(r.title).toBe('临洮县2026年第二季度防止返贫监测帮扶工作季度分析');
    expect(r.trend.map((p: { month: string }) => p.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    for (const p of r.trend) {
      const month = await get(`/api/reports/figures?region=621124&period=${p.month}`);
      expect(p.included, p.month).toEqual(month.figures.included.total);
      expect(p.eliminated, p.month).toEqual(month.figures.eliminated.total);
      expect(p.monitored, p.month).toEqual(month.figures.monitored.total);
      expect(p.cluesReceived, p.month).toBe(month.figures.clues.received.total.count);
    }
    const inc = r.figures.find((f: { key: string }) => f.key === 'included.total');
    expect(r.bulletin).toContain(`新纳入监测对象${inc.households}户${inc.persons}人`);
    expect(r.bulletin).toContain('临洮县防止返贫动态监测和帮扶工作2026年第二季度通报');
    expect(r.tables.map((x: { title: string }) => x.title)).toContain('三、按风险类型分析');
  });

  it('年动态: visits, member changes, incomes and reviews of the year by region (SPEC §12)', async () => {
    const r = await get('/api/reports/annual?region=621124&period=2026');
    const dyn = r.tables[0];
    expect(dyn.title).toBe('一、年度全面排查和动态调整');
    const total = dyn.rows.at(-1);
    const registered = await sql<{ h: number; p: number }>`
      SELECT count(DISTINCT h.id)::int AS h, count(p.id)::int AS p FROM households h
      LEFT JOIN persons p ON p.household_id = h.id AND p.status = 'normal' WHERE h.region_code LIKE '621124%'`.execute(
      t.ctx.database.db,
    );
    expect(total.cells.slice(0, 2)).toEqual([registered.rows[0]?.h, registered.rows[0]?.p]);
    expect(total.cells[2]).toBe(1); // household a: one cadre visit in 2026
  });

  it("exports a report to Excel in the offices' layout and to CSV, audited (SPEC §12, §17)", async () => {
    const res = await t.request(county, {
      method: 'GET',
      url: '/api/reports/monthly?region=621124&period=2026-06&format=xlsx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('临洮县2026年6月防止返贫监测帮扶工作月调度表.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('临洮县2026年6月防止返贫监测帮扶工作月调度表');
    expect(String(ws.getCell('A2').value)).toBe('填报单位：临洮县');
    const merges = (ws as unknown as { _merges: Record<string, unknown> })._merges;
    expect(Object.keys(merges)).toContain('A1');
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && row.getCell(2).value === '监测对象') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    expect(ws.getRow(headerRow + 1).getCell(2).value).toBe('户');
    const csv = await t.request(county, {
      method: 'GET',
      url: '/api/reports/quarterly?region=621124&period=2026-Q2&format=csv',
    });
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('临洮县2026年第二季度防止返贫监测帮扶工作季度分析');
    const audit = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export'`.execute(t.ctx.database.db);
    expect(audit.rows[0]?.n).toBe(2);
  });

  it('answers the dashboard in one call: cards, 12 months of trend, ranking of subordinate regions (issue #13)', async () => {
    const d = await get('/api/reports/dashboard');
    expect(d.period.key).toBe('2026-06');
    expect(d.trend).toHaveLength(12);
    expect(d.trend.at(-1).monitored).toEqual(d.figures.monitored.total);
    expect(d.ranking.length).toBeGreaterThan(5);
    expect(d.ranking[0]).toMatchObject({
      overdue: expect.any(Number),
      measuresCoverage: expect.toBeOneOf([null, expect.any(Number)]),
    });
    const map = await get('/api/reports/map');
    expect(map.kind).toBe('grid');
  });

  it('draws prefecture and county boundaries from the bundled map data, counties coded as the registry codes them', async () => {
    const prefecture = await childBoundaries('6211');
    expect(prefecture.kind).toBe('geo');
    if (prefecture.kind === 'geo') {
      const codes = prefecture.geojson.features.map((f) => f.properties.code);
      expect(codes).toContain('621124');
      expect(codes.every((c) => typeof c === 'string' && c.startsWith('6211'))).toBe(true);
    }
    const province = await childBoundaries('62');
    expect(province.kind === 'geo' && province.geojson.features.some((f) => f.properties.code === '6211')).toBe(true);
  });
});

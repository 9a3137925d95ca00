import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** The household list exported to Excel with the filters on screen (SPEC §12, §17; issue 13 point 4). */
describe(`household list export on ${ENGINE}`, () => {
  let t: TestApp;
  let monitored: { id: string; code: string };
  let plainCode: string;
  let headId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    const county = await t.login('county');
    monitored = await monitoredHouseholdFixture(t, county, { riskTypes: ['medical'], includedOn: '2026-10-01' });
    const payload = householdPayload(t.village);
    headId = payload.members[0]?.idNumber as string;
    plainCode = (await t.services.registry.create(SYSTEM_ACTOR, payload)).code;
  });
  afterAll(() => t.close());

  async function sheet(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  }

  it('exports the filtered list with the office layout, masked IDs and a 合计 row, and audits it', async () => {
    const village = await t.login('village');
    const res = await t.request(village, { method: 'GET', url: '/api/households/export.xlsx?status=monitored' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheet(res.rawPayload);
    expect(rows[0]?.[0]).toBe('农户档案');
    expect(rows[1]?.[0]).toContain('填报单位：');
    expect(rows[2]?.[0]).toBe('筛选条件：监测状态 monitored');
    expect(rows[3]).toEqual(expect.arrayContaining(['户编号', '户主身份证号', '监测状态', '风险类型']));
    const data = rows.slice(4, -1);
    const list = (
      await t.request(village, { method: 'GET', url: '/api/households?status=monitored&pageSize=200' })
    ).json();
    expect(data.map((r) => r[0]).sort()).toEqual(list.items.map((h: { code: string }) => h.code).sort());
    const row = data.find((r) => r[0] === monitored.code);
    expect(row?.[7]).toBe('监测对象');
    expect(row?.[9]).toBe('医疗');
    expect(row?.[3]).toMatch(/^\d{6}\*+\d[\dX]$/);
    expect(data.map((r) => r[0])).not.toContain(plainCode);
    expect(rows.at(-1)?.[0]).toBe(`合计：${list.total}户${list.persons}人`);

    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'household.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ status: 'monitored', rows: list.total });
  });

  it('writes full ID numbers only for a role that may reveal them, audited as a reveal', async () => {
    const village = await t.login('village');
    const refused = await t.request(village, {
      method: 'GET',
      url: `/api/households/export.xlsx?unmasked=true&region=${t.village}`,
    });
    expect(refused.statusCode).toBe(403);
    const county = await t.login('county');
    const res = await t.request(county, {
      method: 'GET',
      url: `/api/households/export.xlsx?unmasked=true&region=${t.village}`,
    });
    expect(res.statusCode).toBe(200);
    const rows = await sheet(res.rawPayload);
    expect(rows.find((r) => r[0] === plainCode)?.[3]).toBe(headId);
    const reveal = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'person.reveal_id')
      .where('username', '=', 'county')
      .execute();
    expect(reveal.some((r) => (r.after as { export?: boolean }).export === true)).toBe(true);
  });

  it('refuses a bad filter by name and leaves other regions out', async () => {
    const village = await t.login('village');
    const bad = await t.request(village, { method: 'GET', url: '/api/households/export.xlsx?status=rich' });
    expect(bad.statusCode).toBe(400);
    const outside = await t.request(village, { method: 'GET', url: '/api/households/export.xlsx?region=6201' });
    expect(outside.statusCode).toBe(200);
    const rows = await sheet(outside.rawPayload);
    expect(rows.slice(4, -1)).toEqual([]);
  });
});

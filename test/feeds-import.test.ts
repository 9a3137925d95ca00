import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, type KnownHousehold, knownHousehold, multipart } from './feeds-fixtures.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const HEADER = [
  '姓名',
  '身份证号',
  '就诊医院',
  '疾病名称',
  '入院日期',
  '出院日期',
  '医疗总费用',
  '个人自付',
  '结算日期',
];

describe(`department feed import over HTTP on ${ENGINE} (SPEC §10)`, () => {
  let t: TestApp;
  let dept: string;
  let hh: KnownHousehold;
  const stranger = makeIdNumber('19660606', 'female');
  const count = async (table: string) =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom(table as never)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('department'); // 县医保局数据员 (medical_insurance, county 621124)
    hh = await knownHousehold(t, t.village, [{ year: 2025, wage: 30000 }]);
  });
  afterAll(() => t.close());

  const settlements = () =>
    csv([
      ['临洮县2026年10月住院结算'],
      HEADER,
      [hh.head.name, hh.head.idNumber, '县医院', '肺炎', '2026-10-01', '2026-10-08', '30000', '9000', '2026-10-09'],
      [
        hh.spouse.name,
        hh.spouse.idNumber,
        '县医院',
        '骨折',
        '2026-10-02',
        '2026-10-09',
        '20000',
        '7000.5',
        '2026-10-10',
      ],
      ['孙不在', stranger, '省医院', '肿瘤', '2026-09-01', '2026-09-30', '90000', '25000', '2026-10-02'],
      ['', '', '', '', '', '', '', '', ''],
      ['坏行', '621124198001011234', '县医院', '感冒', '2026-10-05', '2026-10-03', '100', '-5', '2026-10-06'],
    ]);

  const upload = (cookie: string, department: string, content: string, query = 'period=2026-10') =>
    t.request(cookie, {
      method: 'POST',
      url: `/api/feeds/${department}/imports?${query}`,
      ...multipart('结算.csv', content),
    });

  it('lists all 18 department feeds (17 of 博尔塔拉 §七 and staffing) with their columns', async () => {
    const res = await t.request(dept, { method: 'GET', url: '/api/feeds' });
    expect(res.statusCode).toBe(200);
    const feeds = res.json();
    expect(feeds).toHaveLength(18);
    const mi = feeds.find((f: { department: string }) => f.department === 'medical_insurance');
    expect(mi.records.map((r: { kind: string }) => r.kind)).toContain('settlement');
  });

  it('serves the published template of a feed as .xlsx and .csv', async () => {
    const x = await t.request(dept, { method: 'GET', url: '/api/feeds/medical_insurance/settlement/template.xlsx' });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const c = await t.request(dept, { method: 'GET', url: '/api/feeds/medical_insurance/settlement/template.csv' });
    expect(c.body).toContain('身份证号');
    expect(c.headers['content-disposition']).toContain("filename*=UTF-8''");
  });

  it('keeps every good row, reports every bad row with its number and reason, and screens at once', async () => {
    const res = await upload(dept, 'medical_insurance', settlements());
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ status: 'loaded', recordKind: 'settlement', rowsGood: 3, rowsBad: 1, rowsNew: 3 });
    const report = await t.request(dept, { method: 'GET', url: `/api/feed-imports/${s.id}/errors.csv` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('行号');
    expect(report.body).toMatch(/^7,/m);
    expect(report.body).toContain('不能为负数');
    const xlsx = await t.request(dept, { method: 'GET', url: `/api/feed-imports/${s.id}/errors.xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // 16,000.50 out of pocket ≥ 50% of 30,000 net income → one medical clue for the household (SPEC §10 default)
    const clues = (await t.request(dept, { method: 'GET', url: `/api/clues?householdId=${hh.id}` })).json();
    expect(clues.items).toHaveLength(1);
    expect(clues.items[0]).toMatchObject({
      channel: 'department',
      sourceKind: 'rule',
      sourceRef: 'medical_insurance:MED-OOP-12M',
      riskTypes: ['medical'],
    });
    // the stranger's 25,000 is a hit on nobody in the registry: a data-quality item, not a lost record
    const dq = (await t.request(dept, { method: 'GET', url: '/api/data-quality' })).json();
    expect(dq.items).toHaveLength(1);
    expect(dq.items[0]).toMatchObject({ name: '孙不在', department: 'medical_insurance', rowNumber: 5 });
    expect(dq.items[0].idNumberMasked).toMatch(/^\d{6}\*{10}\d[\dX]$/);
  });

  it('stores the keyed hash, the masked and the encrypted ID number, never the plain one (SPEC §17)', async () => {
    const rows = await t.ctx.database.db.selectFrom('feed_records').selectAll().execute();
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(JSON.stringify(r)).not.toContain(hh.head.idNumber);
    const errors = await t.ctx.database.db.selectFrom('feed_import_errors').selectAll().execute();
    expect(JSON.stringify(errors)).not.toContain('621124198001011234');
  });

  it('loading the same file again changes nothing (SPEC §10 idempotent)', async () => {
    const before = {
      records: await count('feed_records'),
      clues: await count('clues'),
      dq: await count('data_quality_items'),
    };
    const again = await upload(dept, 'medical_insurance', settlements());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyLoaded: true, rowsGood: 3 });
    // the same rows in another period's file are the same facts: nothing new either
    const other = await upload(dept, 'medical_insurance', settlements(), 'period=2026-11');
    expect(other.json()).toMatchObject({ rowsGood: 3, rowsNew: 0, duplicates: 3 });
    const after = {
      records: await count('feed_records'),
      clues: await count('clues'),
      dq: await count('data_quality_items'),
    };
    expect(after).toEqual(before);
  });

  it('lets a department import only its own department within its region; county may import any', async () => {
    const other = await upload(dept, 'housing', 'x');
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FEED_OTHER_DEPARTMENT');
    const outside = await upload(dept, 'medical_insurance', settlements(), 'period=2026-10&region=620102');
    expect(outside.statusCode).toBe(403);
    const village = await upload(await t.login('village'), 'medical_insurance', settlements());
    expect(village.statusCode).toBe(403);
    const county = await t.login('county');
    const appraisal = csv([
      ['户主姓名', '户主身份证号', '鉴定日期', '鉴定等级'],
      [hh.head.name, hh.head.idNumber, '2026-10-20', 'D级'],
    ]);
    const ok = await upload(county, 'housing', appraisal);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ recordKind: 'safety_appraisal', rowsNew: 1, hits: 1, clues: 1 });
    const list = (await t.request(dept, { method: 'GET', url: '/api/feed-imports' })).json();
    expect(list.items.every((i: { department: string }) => i.department === 'medical_insurance')).toBe(true);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('feed.import');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

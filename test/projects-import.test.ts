import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

function multipart(name: string, content: Buffer) {
  const boundary = '----sxprojects';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const TYPES = ['产业发展', '基础设施', '乡村建设', '就业帮扶'];

/**
 * A county's library as offices keep it: a merged title, a two-line header with units, a column-number row, one
 * sheet per township, a 合计 row; places written as township, township/village or code.
 */
async function libraryWorkbook(townships: { code: string; name: string; villages: string[] }[], perSheet: number) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填写说明').addRow(['金额单位：万元；建设地点填写乡镇或“乡镇/村”']);
  let n = 0;
  for (const t of townships) {
    const ws = wb.addWorksheet(t.name);
    ws.addRow([`临洮县2026年巩固拓展脱贫攻坚成果和乡村振兴项目库（${t.name}）`]);
    ws.mergeCells(1, 1, 1, 10);
    ws.addRow([
      '序号',
      '项目\n名称',
      '建设地点',
      '项目类型',
      '中央衔接资金\n（万元）',
      '省级衔接资金（万元）',
      '县级衔接资金（万元）',
      '其他资金（万元）',
      '项目负责人',
      '建设内容',
    ]);
    ws.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 0; i < perSheet; i++) {
      n += 1;
      const village = t.villages[i % t.villages.length] as string;
      const place = i % 3 === 0 ? t.name : i % 3 === 1 ? `${t.name}/${village}` : village;
      ws.addRow([
        i + 1,
        `${t.name}第${i + 1}号项目`,
        place,
        TYPES[i % TYPES.length],
        i === 0 ? '120' : (10 + (i % 7)).toFixed(2),
        '5.5',
        '',
        i % 2 ? '1.2' : '',
        `负责人${n}`,
        '建设内容略',
      ]);
    }
    ws.addRow(['', '合计', '', '', '9999', '', '', '', '', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`importing a county's project library from Excel on ${ENGINE} (SPEC §13, issue 15 point 7)`, () => {
  let t: TestApp;
  let officer: string;
  let townships: { code: string; name: string; villages: string[] }[];

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-07-20T10:00:00+08:00') });
    // the county project officer keeps the library (docs/decisions/0036)
    officer = await t.login('project');
    const regions = await t.ctx.database.db
      .selectFrom('regions')
      .select(['code', 'name', 'level', 'parent_code'])
      .where('code', 'like', '621124%')
      .orderBy('code')
      .execute();
    // Villages whose names are unique in the county, so a bare village name finds its place.
    const count = new Map<string, number>();
    for (const r of regions) count.set(r.name, (count.get(r.name) ?? 0) + 1);
    townships = regions
      .filter((r) => r.level === 4)
      .map((r) => ({
        code: r.code,
        name: r.name,
        villages: regions.filter((v) => v.parent_code === r.code && count.get(v.name) === 1).map((v) => v.name),
      }))
      .filter((r) => r.villages.length > 0)
      .slice(0, 2);
  });
  afterAll(() => t.close());

  const upload = (content: Buffer) =>
    t.request(officer, { method: 'POST', url: '/api/projects/import?year=2026', ...multipart('项目库.xlsx', content) });

  it('imports 300 projects from sheets per township, passing over title, column numbers and 合计, and again skips them all', async () => {
    const res = await upload(await libraryWorkbook(townships, 150));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 300, skipped: 0, problems: [] });
    const list = (await t.request(officer, { method: 'GET', url: '/api/projects?year=2026' })).json();
    expect(list).toHaveLength(300);
    const first = list.find((p: { name: string }) => p.name === `${townships[0]?.name}第1号项目`);
    // 120 + 5.5 万元 of the fund: a key project (≥ 100万元); amounts in 万元 become yuan exactly.
    expect(first).toMatchObject({
      regionCode: townships[0]?.code,
      linkageYuan: 1_255_000,
      keyProject: true,
      taskForce: '（待明确）',
    });
    const second = list.find((p: { name: string }) => p.name === `${townships[0]?.name}第2号项目`);
    expect(second.regionCode).toHaveLength(12);
    expect(second.totalYuan).toBe(11 * 10_000 + 55_000 + 12_000);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'project.import')
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBe(300);

    const again = await upload(await libraryWorkbook(townships, 150));
    expect(again.json()).toEqual({ imported: 0, skipped: 300, problems: [] });
  }, 240_000);

  it('reports each bad row with its sheet, row and column and imports the good ones (SPEC §13)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('补充项目');
    ws.addRow(['项目名称', '建设地点', '项目类型', '中央衔接资金（万元）', '项目负责人']);
    ws.addRow(['好项目', townships[0]?.name, '产业发展', '8', '张三']);
    ws.addRow(['地点不对', '不存在镇', '产业发展', '8', '张三']);
    ws.addRow(['金额不对', townships[0]?.name, '产业发展', '十万', '张三']);
    ws.addRow(['类型不对', townships[0]?.name, '招商引资', '8', '张三']);
    ws.addRow(['没有负责人', townships[0]?.name, '产业发展', '8', '']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      imported: 1,
      skipped: 0,
      problems: [
        { sheet: '补充项目', row: 3, column: '建设地点', message: '“不存在镇”不是本县的乡镇、村或区划代码' },
        { sheet: '补充项目', row: 4, column: '中央衔接资金（万元）', message: '金额“十万”无法识别' },
        { sheet: '补充项目', row: 5, column: '项目类型', message: '项目类型“招商引资”不在本地区的项目类型目录中' },
        { sheet: '补充项目', row: 6, column: '项目负责人', message: '缺少项目负责人' },
      ],
    });
    const none = new ExcelJS.Workbook();
    none.addWorksheet('Sheet1').addRow(['姓名', '身份证号']);
    const refused = await upload(Buffer.from(await none.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('未找到项目库表头');
    const township = await t.login('township');
    const forbidden = await t.request(township, {
      method: 'POST',
      url: '/api/projects/import',
      ...multipart('项目库.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
    });
    expect(forbidden.statusCode).toBe(403);
    // the county bureau reads the library but imports nothing: refused before the file is read
    const byCounty = await t.request(await t.login('county'), {
      method: 'POST',
      url: '/api/projects/import',
      ...multipart('项目库.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
    });
    expect(byCounty.statusCode).toBe(403);
    expect(byCounty.json().code).toBe('AUTH_FORBIDDEN');
  });
});

import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_NUMBER_ID_MESSAGE } from '../src/modules/feeds/cell-normalize.ts';
import { SETTLEMENT_HEADERS } from '../src/modules/feeds/feed-test-files.ts';
import { multipart } from './feeds-fixtures.ts';
import { makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const run = promisify(execFile);
const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const IDS = Array.from({ length: 5 }, (_, i) => makeIdNumber(`19${60 + i}0315`, i % 2 ? 'female' : 'male'));

/** 住院结算 the way a county office sends it: merged title, notes, blank lines, shuffled and extra columns. */
async function messyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填写说明').addRow(['每月5日前报送']);
  const ws = wb.addWorksheet('10月');
  ws.addRow(['临洮县2026年10月医保住院结算数据']);
  ws.mergeCells('A1:J1');
  ws.addRow(['填报单位：县医疗保障局', null, null, null, null, null, null, null, '单位：元']);
  ws.addRow([]);
  ws.addRow([
    '序号',
    '个人自付',
    '公民身份号码',
    '姓名',
    '入院日期',
    '出院日期',
    '医疗机构名称',
    '疾病名称',
    '医疗总费用',
    '结算日期',
    '备注',
  ]);
  const d = (day: number) => new Date(Date.UTC(2026, 9, day));
  ws.addRow([1, 3000, IDS[0], '张一', d(1), d(8), '县医院', '肺炎', 12000, d(9), '']); // 5 good
  ws.addRow([
    2,
    '2,000元',
    ` ${wide(IDS[1] as string)} `,
    ' 李 二 ',
    '2026/10/2',
    '20261009',
    '县医院',
    '骨折',
    '８０００',
    '2026年10月10日',
  ]); // 6 good
  ws.addRow([]); // 7 blank
  ws.addRow([3, 100, Number(IDS[2]), '王三', d(3), d(4), '县医院', '感冒', 500, d(5)]); // 8 bad: ID as a number
  ws.addRow([4, 100, IDS[3], '赵四', d(6), d(2), '县医院', '胃炎', 500, d(7)]); // 9 bad: discharge before admission
  ws.addRow([5, 200, IDS[4], '钱五', d(6), d(7), '县医院', '胃炎', 900, d(8), '复查']); // 10 good
  ws.addRow(['合计', 5400, null, null, null, null, null, null, 21400]); // 11 totals: skipped
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 饮水问题台账 exported from Chinese Excel: GBK, title line, blank lines, columns in another order, CRLF. */
function messyGbkCsv(village: string): Buffer {
  const text = [
    '临洮县2026年10月农村饮水安全问题台账,,,,',
    '',
    '序号,问题类型,村代码,村名,发生日期,影响户数',
    `1,水量不足,${village},红旗村,2026/10/3,35`,
    '',
    `2,水质,${wide(village)},红旗村,2026年10月5日,1`,
    `3,水量,6211241,红旗村,2026-10-08,3`,
    `4,水量,620102001001,外县村,2026-10-09,3`,
  ].join('\r\n');
  return iconv.encode(text, 'gbk');
}

/**
 * 参保信息 split by township on five sheets (written by ExcelJS, whose workbook.xml comes last in the zip): two
 * township sheets with their own titles and column orders, a notes sheet, and a settlement sheet that belongs in
 * another import.
 */
async function townshipXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填写说明').addRow(['按乡镇分表填报']);
  const a = wb.addWorksheet('洮阳镇');
  a.addRow(['洮阳镇参保信息']);
  a.mergeCells('A1:E1');
  a.addRow(['姓名', '身份证号码', '参保险种', '参保状态', '参保年度']); // 2
  a.addRow(['张一', IDS[0], '居民医保', '未参保', 2026]); // 3
  a.addRow(['李二', IDS[1], '居民医保', '已参保', '二〇二六']); // 4 bad: year
  const b = wb.addWorksheet('八里铺镇');
  b.addRow(['参保年度', '身份证号码', '姓名', '参保状态', '参保险种']); // 1
  b.addRow([2026, IDS[2], '王三', '中断', '居民医保']); // 2
  b.addRow([2026, IDS[3], '赵四', '已参保', '职工医保']); // 3
  const c = wb.addWorksheet('住院结算');
  c.addRow(SETTLEMENT_HEADERS);
  c.addRow(['钱五', IDS[4], '2026-10-01', '2026-10-03', '县医院', '肺炎', 3000, 900, '2026-10-04']);
  wb.addWorksheet('审核').addRow(['县医保局审核']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`messy department files end to end on ${ENGINE} (SPEC §10)`, () => {
  let t: TestApp;
  let county: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-messy-'));
  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (department: string, name: string, body: Buffer) =>
    t.request(county, {
      method: 'POST',
      url: `/api/feeds/${department}/imports?period=2026-10`,
      ...multipart(name, body),
    });

  it('over HTTP: every good row of a messy workbook arrives and every bad row is reported', async () => {
    const res = await upload('medical_insurance', '10月结算.xlsx', await messyXlsx());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recordKind: 'settlement', rowsGood: 3, rowsBad: 2, rowsNew: 3 });
    const rows = await t.ctx.database.db
      .selectFrom('feed_records')
      .select(['row_number', 'data'])
      .orderBy('row_number')
      .execute();
    expect(rows.map((r) => r.row_number)).toEqual([5, 6, 10]);
    expect(rows[1]?.data).toMatchObject({
      name: '李二',
      outOfPocket: 200000,
      totalCost: 800000,
      admissionDate: '2026-10-02',
    });
    const report = (await t.request(county, { method: 'GET', url: `/api/feed-imports/${res.json().id}/errors.csv` }))
      .body;
    expect(report).toContain(`8,身份证号,${EXCEL_NUMBER_ID_MESSAGE}`);
    expect(report).toMatch(/^9,出院日期,/m);
  });

  it('over HTTP: every sheet of a workbook split by township arrives; the report names the sheet of each row', async () => {
    const body = await townshipXlsx();
    const res = await upload('medical_insurance', '分乡镇参保.xlsx', body);
    expect(res.statusCode, res.body).toBe(201);
    // The settlement sheet is reported as a sheet, not counted as a bad row.
    expect(res.json()).toMatchObject({ recordKind: 'insured', rowsGood: 3, rowsBad: 1, rowsNew: 3 });
    expect(res.json().sheets).toEqual([
      { name: '洮阳镇', read: true, rowsGood: 1, rowsBad: 1 },
      { name: '八里铺镇', read: true, rowsGood: 2, rowsBad: 0 },
      {
        name: '住院结算',
        read: false,
        rowsGood: 0,
        rowsBad: 0,
        reason: '工作表“住院结算”是“住院结算”数据，与本次导入的“参保信息”不是同一类，未导入：请单独导入该工作表',
      },
    ]);
    const rows = await t.ctx.database.db
      .selectFrom('feed_records')
      .select(['sheet_no', 'row_number'])
      .where('import_id', '=', res.json().id)
      .orderBy('sheet_no')
      .orderBy('row_number')
      .execute();
    expect(rows.map((r) => [r.sheet_no, r.row_number])).toEqual([
      [2, 3],
      [3, 2],
      [3, 3],
    ]);
    const report = (await t.request(county, { method: 'GET', url: `/api/feed-imports/${res.json().id}/errors.csv` }))
      .body;
    expect(report).toMatch(/^\uFEFF?工作表,行号,列,错误原因,姓名,身份证号码,参保险种,参保状态,参保年度/);
    expect(report).toMatch(/^洮阳镇,4,参保年度,/m);
    expect(report).toMatch(/^住院结算,1,表头,工作表“住院结算”是“住院结算”数据/m);
    const again = await upload('medical_insurance', '分乡镇参保.xlsx', body);
    expect(again.json()).toMatchObject({ alreadyLoaded: true, rowsNew: 3, sheets: res.json().sheets });
  });

  it('over HTTP: a GBK CSV with a title line and blank lines; rows outside the region are refused', async () => {
    const res = await upload('water', '饮水.csv', messyGbkCsv(t.village));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recordKind: 'water_failure', rowsGood: 2, rowsBad: 2 });
    expect(res.json().header).toMatchObject({ encoding: 'gbk', headerRowNumbers: [3] });
    const report = (await t.request(county, { method: 'GET', url: `/api/feed-imports/${res.json().id}/errors.csv` }))
      .body;
    expect(report).toMatch(/^7,行政区划代码,区划代码应为6位/m);
    expect(report).toMatch(/^8,行政区划代码,区划代码 620102001001 不在本次导入的区域/m);
  });

  it('over the CLI: the same files, counts and the error report file', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: path.join(dir, 'data') };
    let drop = async () => {};
    if (ENGINE === 'postgres') {
      const name = `sx_messy_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(process.env.DATABASE_URL as string);
      u.pathname = `/${name}`;
      env.DATABASE_URL = u.toString();
      env.SHOUXIAN_DATA_KEY = crypto.randomBytes(32).toString('hex');
      drop = async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else env.DATABASE_URL = '';
    try {
      const cli = (...args: string[]) => run(process.execPath, [path.resolve('bin/shouxian.js'), ...args], { env });
      await cli('regions', 'load', '--county', '621124');
      const xlsx = path.join(dir, '结算.xlsx');
      fs.writeFileSync(xlsx, await messyXlsx());
      const errors = path.join(dir, 'errors.csv');
      const args = ['import', '--department', 'medical_insurance', '--region', '621124', '--period', '2026-10'];
      const r = await cli(...args, '--errors', errors, xlsx);
      expect(r.stdout).toContain('正确 3 行');
      expect(r.stdout).toContain('错误 2 行');
      expect(JSON.parse(r.stdout.trim().split('\n').pop() as string)).toMatchObject({ rowsGood: 3, rowsBad: 2 });
      expect(fs.readFileSync(errors, 'utf8')).toContain(EXCEL_NUMBER_ID_MESSAGE);
      const gbk = path.join(dir, '饮水.csv');
      fs.writeFileSync(gbk, messyGbkCsv(t.village));
      const w = await cli('import', '--department', 'water', '--region', '621124', '--period', '2026-10', gbk);
      expect(w.stdout).toContain('正确 2 行');
      const again = await cli(...args, xlsx);
      expect(again.stdout).toContain('已导入过');
    } finally {
      await drop();
    }
  }, 180_000);
});

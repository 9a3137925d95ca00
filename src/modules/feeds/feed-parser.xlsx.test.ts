import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCEL_NUMBER_ID_MESSAGE } from './cell-normalize.ts';
import { buildFeedTemplateXlsx } from './feed-template.ts';
import { collect, errorsOf, TODAY, tempDir, validId, writeWorkbook } from './feed-test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ID_A = validId('19800101', 11);
const ID_B = validId('19751231', 22);
const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A settlement sheet the way a county office really sends it: see the row comments for what each row tests. */
async function messySettlementFile(path: string): Promise<void> {
  await writeWorkbook(path, (wb) => {
    const notes = wb.addWorksheet('填写说明');
    notes.addRow(['本表由县医保局每月5日前报送']);
    const ws = wb.addWorksheet('10月');
    ws.addRow(['临洮县2026年10月医保住院结算数据']); // 1: merged title
    ws.mergeCells('A1:L1');
    ws.addRow(['填报单位：临洮县医疗保障局', null, null, null, null, null, null, null, null, null, '单位：元']); // 2
    ws.addRow([]); // 3: blank
    // 4–5: two-level header with merged cells, columns shuffled, an unknown 备注 column
    ws.addRow([
      '序号',
      '公民身份号码',
      '姓名',
      '住院时间',
      null,
      '住院天数',
      '医疗费用（元）',
      null,
      '医疗机构名称',
      '疾病名称',
      '结算日期',
      '备注',
    ]);
    ws.addRow([null, null, null, '入院', '出院', null, '总费用', '个人自付', null, null, null, null]);
    for (const range of ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:F5', 'G4:H4', 'I4:I5', 'J4:J5', 'K4:K5', 'L4:L5']) {
      ws.mergeCells(range);
    }
    const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
    const r6 = ws.addRow([
      1,
      ID_A,
      '张三',
      d(2026, 10, 3),
      d(2026, 10, 10),
      7,
      12345.6,
      '3,000元',
      '县人民医院',
      '肺炎',
      '2026年10月12日',
      '',
    ]);
    r6.getCell(4).numFmt = 'yyyy-mm-dd';
    r6.getCell(5).numFmt = 'yyyy/m/d';
    // 7: full-width digits and stray spaces everywhere
    ws.addRow([
      2,
      `  ${wide(ID_B)} `,
      ' 李 四 ',
      '2026/10/3',
      '20261010',
      '７',
      '１２，３４５.００',
      ' ２０００ ',
      '  县人民医院 ',
      '糖尿病',
      '2026-10-12',
      '复查',
    ]);
    ws.addRow([]); // 8: blank line in the middle
    ws.addRow([
      3,
      Number('621124198001010071'),
      '王五',
      '2026-10-01',
      '2026-10-05',
      4,
      800,
      100,
      '乡卫生院',
      '骨折',
      '2026-10-06',
    ]); // 9
    ws.addRow([4, '6.21124E+17', '赵六', '2026-13-01', '2026-10-05', 4, 800, 100, '乡卫生院', '骨折', '2026-10-06']); // 10
    ws.addRow([
      5,
      validId('19900505', 33),
      '孙七',
      '2026-10-01',
      '2026-10-05',
      4,
      800,
      -500,
      '乡卫生院',
      '骨折',
      '2026-10-06',
    ]); // 11
    ws.addRow([
      6,
      validId('19900505', 44),
      '  ',
      '2026-10-01',
      '2026-10-05',
      4,
      800,
      100,
      '乡卫生院',
      '骨折',
      '2026-10-06',
    ]); // 12
    ws.addRow(['合计', null, null, null, null, 11, 14145.6, 5000]); // 13: totals row
  });
}

describe('parseFeedFile on a messy .xlsx (SPEC §10)', async () => {
  const path = tmp.file('settlement.xlsx');
  await messySettlementFile(path);
  const result = await collect({ path, fileName: '医保10月.xlsx', department: 'medical_insurance', today: TODAY });

  it('finds the header under the title on the data sheet and recognises the record kind', () => {
    expect(result.header).toMatchObject({ recordKind: 'settlement', sheetName: '10月', headerRowNumbers: [4, 5] });
    expect(result.header?.ignoredColumns).toEqual(['序号', '备注']);
  });

  it('delivers every good row with normalised values and its real row number', () => {
    expect(result.good.map((r) => r.rowNumber)).toEqual([6, 7]);
    expect(result.good[0]?.values).toEqual({
      name: '张三',
      idNumber: ID_A,
      hospital: '县人民医院',
      disease: '肺炎',
      admissionDate: '2026-10-03',
      dischargeDate: '2026-10-10',
      stayDays: 7,
      totalCost: 1_234_560,
      basicInsurancePaid: null,
      criticalIllnessPaid: null,
      assistancePaid: null,
      outOfPocket: 300_000,
      settlementDate: '2026-10-12',
    });
    expect(result.good[1]?.values).toMatchObject({
      name: '李四',
      idNumber: ID_B,
      hospital: '县人民医院',
      admissionDate: '2026-10-03',
      stayDays: 7,
      totalCost: 1_234_500,
      outOfPocket: 200_000,
    });
    expect(result.good[0]?.rowHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports every bad row with its row number and reason; blank and totals rows are skipped', () => {
    expect(result.bad.map((r) => r.rowNumber)).toEqual([9, 10, 11, 12]);
    expect(errorsOf(result.bad, 9)).toEqual({ 身份证号: EXCEL_NUMBER_ID_MESSAGE });
    expect(errorsOf(result.bad, 10)).toEqual({
      身份证号: EXCEL_NUMBER_ID_MESSAGE,
      入院日期: expect.stringContaining('日期格式错误：“2026-13-01”'),
    });
    expect(errorsOf(result.bad, 11)).toEqual({ 个人自付: '不能为负数：“-500”' });
    expect(errorsOf(result.bad, 12)).toEqual({ 姓名: '必填项为空' });
    expect(result.bad[0]?.original).toMatchObject({ 姓名: '王五', '医疗费用（元）-个人自付': '100' });
  });
});

describe('file-level checks', () => {
  it('refuses a file missing a required column, naming it in Chinese', async () => {
    const path = tmp.file('missing.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['姓名', '就诊医院', '疾病名称', '入院日期', '出院日期', '医疗总费用', '个人自付', '结算日期']);
      ws.addRow(['张三', '县医院', '肺炎', '2026-10-01', '2026-10-02', 100, 10, '2026-10-03']);
    });
    const run = collect({ path, fileName: 'missing.xlsx', department: 'medical_insurance', recordKind: 'settlement' });
    await expect(run).rejects.toMatchObject({
      code: 'FEED_MISSING_COLUMNS',
      message: expect.stringContaining('文件缺少必填列：身份证号'),
    });
  });

  it('asks for the record kind when the header fits two kinds, and reads it once given', async () => {
    const path = tmp.file('health.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['姓名', '身份证号', '病种', '确诊日期']);
      ws.addRow(['张三', ID_A, '高血压', '2025-01-01']);
    });
    await expect(collect({ path, fileName: 'health.xlsx', department: 'health' })).rejects.toMatchObject({
      code: 'FEED_RECORD_KIND_AMBIGUOUS',
    });
    const ok = await collect({
      path,
      fileName: 'health.xlsx',
      department: 'health',
      recordKind: 'chronic_disease',
      today: TODAY,
    });
    expect(ok.good[0]?.values).toMatchObject({ disease: 'hypertension', diagnosisDate: '2025-01-01' });
  });

  it('scales a 万元 column and picks the kind from the header', async () => {
    const path = tmp.file('market.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow([
        '统一社会信用代码',
        '企业名称',
        '类型',
        '成立日期',
        '注册资本（万元）',
        '法定代表人',
        '法定代表人身份证号',
      ]);
      ws.addRow(['93621124MA00000000', '临洮县某种植专业合作社', '农民专业合作社', '2024-03-01', 50, '张三', ID_A]);
    });
    const r = await collect({ path, fileName: 'market.xlsx', department: 'market_supervision', today: TODAY });
    expect(r.header?.recordKind).toBe('business_entity');
    expect(r.good[0]?.values).toMatchObject({ registeredCapital: 50_000_000, name: '张三', idNumber: ID_A });
  });

  it('refuses .xls, unknown departments and sheets without a header', async () => {
    await expect(collect({ path: '/nonexistent.xls', fileName: 'a.xls', department: 'water' })).rejects.toMatchObject({
      code: 'FEED_UNSUPPORTED_FORMAT',
      message: expect.stringContaining('.xlsx'),
    });
    await expect(collect({ path: '/x.xlsx', fileName: 'a.xlsx', department: 'police' })).rejects.toMatchObject({
      code: 'FEED_UNKNOWN_DEPARTMENT',
    });
    const path = tmp.file('noheader.xlsx');
    await writeWorkbook(path, (wb) => wb.addWorksheet('Sheet1').addRow(['只有说明，没有数据']));
    await expect(collect({ path, fileName: 'noheader.xlsx', department: 'water' })).rejects.toMatchObject({
      code: 'FEED_HEADER_NOT_FOUND',
    });
  });
});

describe('unreadable files', () => {
  it('turns a broken or renamed .xlsx into a Chinese error and lets a missing file fail as such', async () => {
    const broken = tmp.file('broken.xlsx');
    writeFileSync(broken, 'not a zip archive, perhaps an old .xls renamed'.repeat(50));
    await expect(collect({ path: broken, fileName: 'broken.xlsx', department: 'water' })).rejects.toMatchObject({
      code: 'FEED_UNREADABLE_FILE',
      message: expect.stringContaining('不是有效的 .xlsx 文件'),
    });
    await expect(
      collect({ path: tmp.file('none.xlsx'), fileName: 'none.xlsx', department: 'water' }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('template round trip (SPEC §10 published template)', () => {
  it('a filled-in template imports cleanly, with the same hash whatever the column order', async () => {
    const template = await buildFeedTemplateXlsx('public_security', 'vehicle');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    ws.getRow(3).values = ['张三', ID_A, '甘J12345', '小型普通客车', '2026-05-01', '2026-05-08'];
    ws.getRow(3).commit();
    const path = tmp.file('vehicle.xlsx');
    await wb.xlsx.writeFile(path);
    const a = await collect({ path, fileName: 'vehicle.xlsx', department: 'public_security', today: TODAY });
    expect(a.header?.headerRowNumbers).toEqual([2]);
    expect(a.bad).toEqual([]);
    expect(a.good[0]?.values).toEqual({
      name: '张三',
      idNumber: ID_A,
      plateNumber: '甘J12345',
      vehicleType: '小型普通客车',
      purchaseDate: '2026-05-01',
      registrationDate: '2026-05-08',
    });

    const shuffled = tmp.file('vehicle-shuffled.xlsx');
    await writeWorkbook(shuffled, (w) => {
      const s = w.addWorksheet('车辆');
      s.addRow(['上牌时间', '车型', '车主姓名', '购车日期', '车牌号', '身份证号码']);
      s.addRow(['2026年5月8日', ' 小型普通客车', '张 三', '20260501', '甘J12345', ID_A]);
    });
    const b = await collect({ path: shuffled, fileName: 'v.xlsx', department: 'public_security', today: TODAY });
    expect(b.good[0]?.rowHash).toBe(a.good[0]?.rowHash);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCEL_NUMBER_ID_MESSAGE } from './cell-normalize.ts';
import { reportLayout, writeErrorReportCsv } from './error-report.ts';
import { collect, SETTLEMENT_HEADERS, TODAY, tempDir, validId, writeWorkbook } from './feed-test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ID = Array.from({ length: 6 }, (_, i) => validId('19700101', i + 1));
const INSURED = ['姓名', '身份证号码', '参保险种', '参保状态', '参保年度'];

/**
 * 参保信息 split by township, the way a county office often sends it: a notes sheet, two township sheets with their own
 * titles and column orders, a settlement sheet that belongs in another import, a township sheet without 参保状态, and a
 * closing notes sheet.
 */
async function townshipWorkbook(path: string): Promise<void> {
  await writeWorkbook(path, (wb: ExcelJS.Workbook) => {
    wb.addWorksheet('填写说明').addRow(['按乡镇分表填报，每月5日前报送']);
    const a = wb.addWorksheet('洮阳镇');
    a.addRow(['洮阳镇2026年参保信息']); // 1
    a.mergeCells('A1:E1');
    a.addRow(['姓名', '身份证号码', '参保险种', '参保状态', '参保年度']); // 2
    a.addRow(['张一', ID[0], '居民医保', '已参保', 2026]); // 3 good
    a.addRow(['李二', ID[1], '居民医保', '不知道', 2026]); // 4 bad: status
    a.addRow(['王三', ID[2], '职工医保', '未参保', 2026]); // 5 good
    const b = wb.addWorksheet('八里铺镇');
    b.addRow(['身份证号码', '参保年度', '姓名', '参保状态', '参保险种', '备注']); // 1: no title, shuffled
    b.addRow([ID[3], 2026, '赵四', '中断', '居民医保', '']); // 2 good
    b.addRow([]); // 3 blank
    b.addRow([Number(ID[4]), 2026, '钱五', '已参保', '居民医保', '']); // 4 bad: ID turned into a number
    b.addRow([ID[5], 2026, '孙六', '已参保', '大病保险', '新参保']); // 5 good
    const c = wb.addWorksheet('住院结算');
    c.addRow(['临洮县住院结算']);
    c.addRow(SETTLEMENT_HEADERS); // 2
    c.addRow(['周七', ID[0], '2026-10-01', '2026-10-05', '县医院', '肺炎', 5000, 1000, '2026-10-06']);
    const d = wb.addWorksheet('新添镇');
    d.addRow(['姓名', '身份证号码', '参保险种', '参保年度']); // 1: 参保状态 missing
    d.addRow(['吴八', ID[1], '居民医保', 2026]);
    wb.addWorksheet('汇总说明').addRow(['以上数据经县医保局审核']);
  });
}

describe('a workbook with several sheets (SPEC §10: every good row arrives)', () => {
  it('reads every sheet of the import’s kind, each with its own header, and reports the sheets left out', async () => {
    const path = tmp.file('分乡镇参保.xlsx');
    await townshipWorkbook(path);
    const r = await collect({ path, fileName: '分乡镇参保.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.header?.recordKind).toBe('insured');
    expect(r.good.map((g) => [g.sheetNo, g.rowNumber, g.values.name])).toEqual([
      [2, 3, '张一'],
      [2, 5, '王三'],
      [3, 2, '赵四'],
      [3, 5, '孙六'],
    ]);
    expect(r.good[2]?.values).toMatchObject({ status: 'suspended', insuranceType: 'resident_basic', year: 2026 });
    // Only data rows are bad rows; a sheet left out is reported as a sheet.
    expect(r.bad.map((b) => [b.sheetNo, b.rowNumber])).toEqual([
      [2, 4],
      [3, 4],
    ]);
    expect(r.bad[1]?.errors).toEqual([{ column: '身份证号', message: EXCEL_NUMBER_ID_MESSAGE }]);
    expect(r.sheets.map((s) => [s.sheetNo, s.sheetName, s.read, s.headerRowNumbers, s.reason])).toEqual([
      [2, '洮阳镇', true, [2], undefined],
      [3, '八里铺镇', true, [1], undefined],
      [
        4,
        '住院结算',
        false,
        [2],
        '工作表“住院结算”是“住院结算”数据，与本次导入的“参保信息”不是同一类，未导入：请单独导入该工作表',
      ],
      [5, '新添镇', false, [1], '工作表“新添镇”缺少必填列：参保状态，该工作表未导入'],
    ]);
  });

  it('gives the same row hash to the same row on whichever sheet and in whichever column order', async () => {
    const path = tmp.file('两表.xlsx');
    await writeWorkbook(path, (wb) => {
      wb.addWorksheet('一').addRows([
        ['姓名', '身份证号码', '参保险种', '参保状态', '参保年度'],
        ['张一', ID[0], '居民医保', '已参保', 2026],
      ]);
      wb.addWorksheet('二').addRows([
        ['参保年度', '参保状态', '参保险种', '身份证号码', '姓名'],
        [2026, '已参保', '居民医保', ID[0], '张一'],
      ]);
    });
    const r = await collect({ path, fileName: '两表.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.good).toHaveLength(2);
    expect(r.good[0]?.rowHash).toBe(r.good[1]?.rowHash);
  });

  it('puts the sheet in the error report when the file had several, and the headers of every sheet read', async () => {
    const path = tmp.file('分乡镇参保2.xlsx');
    await townshipWorkbook(path);
    const r = await collect({ path, fileName: '分乡镇参保2.xlsx', department: 'medical_insurance', today: TODAY });
    const layout = reportLayout({ sourceHeaders: r.header?.sourceHeaders, sheets: r.sheets });
    expect(layout.sourceHeaders).toEqual(['姓名', '身份证号码', '参保险种', '参保状态', '参保年度', '备注']);
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk, _e, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeErrorReportCsv(r.bad, out, layout);
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('工作表,行号,列,错误原因,姓名,身份证号码,参保险种,参保状态,参保年度,备注');
    expect(lines.slice(1, 3)).toEqual([
      '住院结算,2,表头,工作表“住院结算”是“住院结算”数据，与本次导入的“参保信息”不是同一类，未导入：请单独导入该工作表',
      '新添镇,1,表头,工作表“新添镇”缺少必填列：参保状态，该工作表未导入',
    ]);
    expect(lines[3]).toMatch(/^洮阳镇,4,参保状态,.*,李二,/);
    expect(lines[4]).toMatch(/^八里铺镇,4,身份证号,/);
    // A single-sheet file keeps the plain layout.
    expect(reportLayout({ sourceHeaders: ['姓名'], sheets: [r.sheets[0]] }).sheetNames?.size).toBe(1);
  });

  it('looks past a summary sheet that has only some of the columns to the detail sheet after it', async () => {
    const path = tmp.file('汇总加明细.xlsx');
    await writeWorkbook(path, (wb) => {
      wb.addWorksheet('汇总').addRows([
        ['乡镇', '住院人次', '医疗总费用', '个人自付'],
        ['洮阳镇', 2, 8000, 2000],
      ]);
      wb.addWorksheet('明细').addRows([
        SETTLEMENT_HEADERS,
        ['张一', ID[0], '2026-10-01', '2026-10-05', '县医院', '肺炎', 5000, 1000, '2026-10-06'],
      ]);
    });
    const r = await collect({ path, fileName: '汇总加明细.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.header?.recordKind).toBe('settlement');
    expect(r.good.map((g) => [g.sheetNo, g.rowNumber])).toEqual([[2, 2]]);
    expect(r.bad).toEqual([]);
    expect(r.sheets.map((s) => [s.sheetName, s.read])).toEqual([
      ['汇总', false],
      ['明细', true],
    ]);
    // With no detail sheet the file is refused, naming the sheet.
    const only = tmp.file('只有汇总.xlsx');
    await writeWorkbook(only, (wb) => {
      wb.addWorksheet('汇总').addRows([['乡镇', '住院人次', '医疗总费用', '个人自付']]);
    });
    await expect(
      collect({ path: only, fileName: '只有汇总.xlsx', department: 'medical_insurance', recordKind: 'settlement' }),
    ).rejects.toMatchObject({ code: 'FEED_MISSING_COLUMNS', message: expect.stringContaining('工作表“汇总”') });
  });

  it('passes over a hidden sheet and says so', async () => {
    const path = tmp.file('隐藏.xlsx');
    await writeWorkbook(path, (wb) => {
      wb.addWorksheet('本期').addRows([INSURED, ['张一', ID[0], '居民医保', '已参保', 2026]]);
      const old = wb.addWorksheet('旧数据', { state: 'hidden' });
      old.addRows([INSURED, ['张一', ID[0], '居民医保', '未参保', 2025]]);
    });
    const r = await collect({ path, fileName: '隐藏.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.good.map((g) => g.values.year)).toEqual([2026]);
    expect(r.sheets[1]).toMatchObject({ sheetName: '旧数据', read: false, reason: expect.stringContaining('已隐藏') });
  });

  it('gives a cell merged down over several data rows to each of them, and skips 栏次, section and 本页合计 rows', async () => {
    const path = tmp.file('合并单元格.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('住院');
      ws.addRow(SETTLEMENT_HEADERS); // 1
      ws.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9]); // 2: 栏次
      ws.addRow(['一、洮阳镇']); // 3: section title
      ws.addRow(['张一', ID[0], '2026-10-01', '2026-10-05', '县医院', '肺炎', 5000, 1000, '2026-10-06']); // 4
      ws.addRow([null, null, '2026-10-10', '2026-10-12', '县医院', '肺炎', 3000, 800, '2026-10-13']); // 5
      ws.mergeCells('A4:A5');
      ws.mergeCells('B4:B5');
      ws.addRow(['本页合计', null, null, null, null, null, 8000, 1800]); // 6
      ws.addRow(['李二', null, '2026-10-01', '2026-10-05', '县医院', '骨折', 5000, 1000, '2026-10-06']); // 7 bad
    });
    const r = await collect({ path, fileName: '合并单元格.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.good.map((g) => [g.rowNumber, g.values.name, g.values.admissionDate])).toEqual([
      [4, '张一', '2026-10-01'],
      [5, '张一', '2026-10-10'],
    ]);
    expect(r.good[1]?.values.idNumber).toBe(ID[0]);
    expect(r.bad.map((b) => [b.rowNumber, b.errors.map((e) => e.column)])).toEqual([[7, ['身份证号']]]);
  });

  it('reads a workbook of several sheets with inline strings and no shared-strings part (openpyxl, streaming writers)', async () => {
    const path = tmp.file('inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    for (let n = 1; n <= 4; n++) {
      const ws = wb.addWorksheet(`第${n}组`);
      ws.addRow(INSURED).commit();
      ws.addRow([`户主${n}`, ID[n], '居民医保', '已参保', 2026]).commit();
      ws.commit();
    }
    await wb.commit();
    for (let k = 0; k < 5; k++) {
      const r = await collect({ path, fileName: 'inline.xlsx', department: 'medical_insurance', today: TODAY });
      expect(r.good.map((g) => g.values.name)).toEqual(['户主1', '户主2', '户主3', '户主4']);
    }
  });

  it('reads formula cells by their results; a result the reader cannot see is named, and formula-only rows are blank', async () => {
    const path = tmp.file('公式.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('住院');
      ws.addRow(SETTLEMENT_HEADERS);
      ws.addRow([
        '张一',
        ID[0],
        '2026-10-01',
        '2026-10-05',
        '县医院',
        '肺炎',
        5000,
        { formula: 'G2*0.2', result: 1000 },
        '2026-10-06',
      ]);
      ws.addRow([
        '李二',
        ID[1],
        '2026-10-01',
        '2026-10-05',
        '县医院',
        '肺炎',
        5000,
        { formula: 'G3-G3', result: 0 },
        '2026-10-06',
      ]);
      ws.addRow([null, null, null, null, null, null, null, { formula: 'IF(G4="","",G4*0.2)', result: '' }, null]);
    });
    const r = await collect({ path, fileName: '公式.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.good.map((g) => [g.rowNumber, g.values.outOfPocket])).toEqual([[2, 100000]]);
    expect(r.bad.map((b) => [b.rowNumber, b.errors])).toEqual([
      [
        3,
        [
          {
            column: '个人自付',
            message:
              '公式单元格没有可读取的结果（结果为0、错误值或未计算），请在Excel中把该列“选择性粘贴为数值”后重新导出',
          },
        ],
      ],
    ]);
    expect(r.bad[0]?.original.个人自付).toBe('');
  });

  it('skips a two-level header repeated further down, a 甲乙丙 栏次 row and the signatures under the form', async () => {
    const path = tmp.file('表尾.xlsx');
    const upper = ['姓名', '身份证号码', '住院时间', null, '医疗机构名称', '疾病名称', '医疗费用', null, '结算日期'];
    const lower = [null, null, '入院日期', '出院日期', null, null, '医疗总费用', '个人自付', null];
    const stay = (name: string, id: string | undefined) => [
      name,
      id,
      '2026-10-01',
      '2026-10-05',
      '县医院',
      '肺炎',
      5000,
      1000,
      '2026-10-06',
    ];
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('住院');
      ws.addRow(upper); // 1
      ws.addRow(lower); // 2
      for (const range of ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:F2', 'G1:H1', 'I1:I2']) ws.mergeCells(range);
      ws.addRow(['甲', '乙', 1, 2, 3, 4, 5, 6, 7]); // 3: 栏次
      ws.addRow(stay('张一', ID[0])); // 4
      ws.addRow(upper); // 5: the header again (page 2)
      ws.addRow(lower); // 6
      ws.addRow(stay('李二', ID[1])); // 7
      ws.addRow(['制表人：王五', null, null, '审核人：赵六']); // 8
      ws.addRow(['填报日期：2026年10月31日']); // 9
    });
    const r = await collect({ path, fileName: '表尾.xlsx', department: 'medical_insurance', today: TODAY });
    expect(r.good.map((g) => g.rowNumber)).toEqual([4, 7]);
    expect(r.bad).toEqual([]);
  });
});

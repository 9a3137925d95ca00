import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeErrorReportCsv, writeErrorReportXlsx } from './error-report.ts';
import { type FeedHeaderInfo, parseFeedFile } from './feed-parser.ts';
import { TODAY, tempDir, validId } from './feed-test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ID = validId('19800101', 11);
const csv = [
  '姓名,身份证号码,存款余额（元）,统计日期,备注',
  `张三,${ID},"52,000.00",2026-10-31,`,
  '李四,621124198001010000,-3,2026-10-31,核实中',
  `王五,${ID},1000,2026-10-32,`,
].join('\n');

describe('error report (SPEC §10: every bad row with its row number and reason)', () => {
  const input = tmp.file('deposits.csv');
  const write = async (format: 'csv' | 'xlsx') => {
    writeFileSync(input, csv);
    let header: FeedHeaderInfo | undefined;
    const rows = parseFeedFile({
      path: input,
      fileName: 'deposits.csv',
      department: 'central_bank',
      recordKind: 'deposit',
      today: TODAY,
      onHeader: (h) => {
        header = h;
      },
    });
    const out = tmp.file(`report.${format}`);
    const stream = createWriteStream(out);
    const summary =
      format === 'csv' ? await writeErrorReportCsv(rows, stream) : await writeErrorReportXlsx(rows, stream);
    expect(header?.sourceHeaders).toEqual(['姓名', '身份证号码', '存款余额（元）', '统计日期', '备注']);
    return { out, summary };
  };

  it('csv: one line per problem with 行号, 列, 错误原因 and the original values', async () => {
    const { out, summary } = await write('csv');
    expect(summary).toEqual({ badRows: 2, errors: 3 });
    const text = readFileSync(out);
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parse(text.subarray(3).toString('utf8')) as string[][];
    expect(lines[0]).toEqual(['行号', '列', '错误原因', '姓名', '身份证号码', '存款余额（元）', '统计日期', '备注']);
    expect(lines.slice(1).map((l) => l.slice(0, 2))).toEqual([
      ['3', '身份证号'],
      ['3', '存款金额'],
      ['4', '统计日期'],
    ]);
    expect(lines[2]?.[2]).toBe('不能为负数：“-3”');
    expect(lines[1]?.slice(3)).toEqual(['李四', '621124198001010000', '-3', '2026-10-31', '核实中']);
  });

  it('xlsx: the same report as a workbook, ID numbers kept as text', async () => {
    const { out, summary } = await write('xlsx');
    expect(summary).toEqual({ badRows: 2, errors: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('错误报告');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '行号',
      '列',
      '错误原因',
      '姓名',
      '身份证号码',
      '存款余额（元）',
      '统计日期',
      '备注',
    ]);
    expect(ws?.getRow(2).values).toEqual([
      undefined,
      3,
      '身份证号',
      '身份证号被Excel转换为数字，末尾数字已丢失，请将该列设置为文本格式后重新导出',
      '李四',
      '621124198001010000',
      '-3',
      '2026-10-31',
      '核实中',
    ]);
    expect(ws?.rowCount).toBe(4);
  });
});

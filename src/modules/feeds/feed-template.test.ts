import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FEEDS, findFeedRecord } from '../../domain/feeds/index.ts';
import { buildFeedTemplateCsv, buildFeedTemplateXlsx, templateFileName } from './feed-template.ts';

const load = async (buffer: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
};

describe('feed templates (SPEC §10: published template in .xlsx and CSV)', () => {
  it('xlsx: title row, Chinese header row, text-formatted ID column and a 填写说明 sheet', async () => {
    const wb = await load(await buildFeedTemplateXlsx('medical_insurance', 'settlement'));
    const record = findFeedRecord('medical_insurance', 'settlement');
    const [data, notes] = wb.worksheets;
    expect(data?.name).toBe('住院结算');
    expect(data?.getCell('A1').value).toBe('医疗保障局住院结算数据');
    expect(data?.getRow(2).values).toEqual([undefined, ...(record?.columns.map((c) => c.header) ?? [])]);
    const idIndex = (record?.columns.findIndex((c) => c.key === 'idNumber') ?? -1) + 1;
    expect(data?.getCell(3, idIndex).numFmt).toBe('@');
    expect(notes?.name).toBe('填写说明');
    expect(notes?.getRow(1).values).toEqual([undefined, '列名', '是否必填', '类型', '允许取值', '说明']);
    const idNote = notes?.getRow(1 + idIndex).values as unknown[];
    expect(idNote.slice(1, 3)).toEqual(['身份证号', '必填']);
  });

  it('xlsx: enum columns list their labels and offer a drop-down', async () => {
    const wb = await load(await buildFeedTemplateXlsx('disabled_federation', 'disability_certificate'));
    const data = wb.worksheets[0];
    const notes = wb.getWorksheet('填写说明');
    const record = findFeedRecord('disabled_federation', 'disability_certificate');
    const levelIndex = (record?.columns.findIndex((c) => c.key === 'level') ?? -1) + 1;
    expect(notes?.getCell(1 + levelIndex, 4).value).toBe('一级、二级、三级、四级');
    expect(data?.getCell(3, levelIndex).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"一级,二级,三级,四级"'],
    });
  });

  it('csv: UTF-8 with BOM and the header only', () => {
    const buf = buildFeedTemplateCsv('public_security', 'vehicle');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(buf.subarray(3).toString('utf8')) as string[][];
    expect(rows).toEqual([['姓名', '身份证号', '号牌号码', '车辆类型', '购买日期', '上牌日期']]);
  });

  it('builds a template for every record kind of every department, with a readable file name', async () => {
    for (const feed of Object.values(FEEDS)) {
      for (const record of feed.records) {
        expect((await buildFeedTemplateXlsx(feed.department, record.kind)).length).toBeGreaterThan(1000);
        expect(buildFeedTemplateCsv(feed.department, record.kind).length).toBeGreaterThan(3);
      }
    }
    expect(templateFileName('water', 'water_failure', 'xlsx')).toBe('水利局-饮水安全问题-模板.xlsx');
    expect(() => templateFileName('water', 'flood', 'csv')).toThrow(/没有“flood”类数据/);
  });
});

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type FeedColumn, type FeedDefinition, type FeedRecord, findFeed } from '../../domain/feeds/index.ts';
import { unknownDepartment, unknownRecordKind } from './feed-errors.ts';

/**
 * The published template of a department feed (SPEC §10: "each department's feed has a published template (columns,
 * types, required fields) in Excel (.xlsx) and CSV"). Everything comes from the feed definition, so the template and
 * the importer cannot disagree.
 */

const TYPE_LABELS: Record<FeedColumn['type'], string> = {
  id_number: '身份证号（18位，文本格式）',
  string: '文本',
  date: '日期（如 2026-10-03）',
  yuan: '金额（元，最多两位小数）',
  integer: '整数',
  decimal: '数字',
  enum: '选项',
  boolean: '是/否',
  region_code: '区划代码（村12位）',
};

/** Rows below the header that carry cell formats and drop-down lists. */
const FORMATTED_ROWS = 500;

function resolve(department: string, kind: string): { feed: FeedDefinition; record: FeedRecord } {
  const feed = findFeed(department);
  if (!feed) throw unknownDepartment(department);
  const record = feed.records.find((r) => r.kind === kind);
  if (!record) throw unknownRecordKind(department, kind, feed.records);
  return { feed, record };
}

/** '医疗保障局-住院结算-模板.xlsx' */
export function templateFileName(department: string, kind: string, format: 'xlsx' | 'csv'): string {
  const { feed, record } = resolve(department, kind);
  return `${feed.name}-${record.name}-模板.${format}`;
}

function allowedValues(column: FeedColumn): string {
  if (column.type === 'enum') return [...new Set(Object.keys(column.enum ?? {}))].join('、');
  if (column.type === 'boolean') return '是、否';
  if (column.type === 'yuan') return column.min === undefined || column.min >= 0 ? '不小于0' : '可为负数';
  if (column.type === 'integer' || column.type === 'decimal') {
    return `${column.min === undefined || column.min >= 0 ? `不小于${column.min ?? 0}` : '可为负数'}${column.unit ? `，单位：${column.unit}` : ''}`;
  }
  return '';
}

function numFmt(column: FeedColumn): string | undefined {
  if (column.type === 'id_number' || column.type === 'region_code') return '@';
  if (column.type === 'date') return 'yyyy-mm-dd';
  if (column.type === 'yuan') return '0.00';
  return undefined;
}

function dropDown(column: FeedColumn): string[] | undefined {
  if (column.type === 'boolean') return ['是', '否'];
  if (column.type !== 'enum') return undefined;
  // The first label of each code keeps the list short; Excel caps an inline list at 255 characters.
  const labels = [...new Map(Object.entries(column.enum ?? {}).map(([l, c]) => [c, l])).values()];
  return labels.join(',').length < 250 ? labels : undefined;
}

function addDataSheet(wb: ExcelJS.Workbook, feed: FeedDefinition, record: FeedRecord): void {
  const ws = wb.addWorksheet(record.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  const width = record.columns.length;
  ws.addRow([`${feed.name}${record.name}数据`]);
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(record.columns.map((c) => c.header));
  record.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: column.required ? { argb: 'FFC00000' } : undefined };
    cell.note = `${column.required ? '必填' : '选填'}；${TYPE_LABELS[column.type]}。${column.description}`;
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, column.header.length * 2 + 4, column.type === 'id_number' ? 22 : 0);
    const fmt = numFmt(column);
    const list = dropDown(column);
    for (let r = 3; r < 3 + FORMATTED_ROWS; r++) {
      const cell = ws.getCell(r, i + 1);
      if (fmt) cell.numFmt = fmt;
      if (list) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`] };
    }
  });
}

function addInstructions(wb: ExcelJS.Workbook, feed: FeedDefinition, record: FeedRecord): void {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [
    { header: '列名', width: 18 },
    { header: '是否必填', width: 10 },
    { header: '类型', width: 26 },
    { header: '允许取值', width: 40 },
    { header: '说明', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of record.columns) {
    ws.addRow([c.header, c.required ? '必填' : '选填', TYPE_LABELS[c.type], allowedValues(c), c.description]);
  }
  ws.addRow([]);
  const notes = [
    `本模板用于${feed.name}向乡村振兴部门推送“${record.name}”数据。标题行可以修改，表头名称请勿修改；列的顺序可以调整，多余的列会被忽略。`,
    '身份证号列必须为文本格式：若Excel显示为 6.21124E+17 或末尾变成000，说明数字已丢失，请设置为文本后重新填写。',
    '日期可填 2026-10-03、2026/10/3、2026年10月3日 或 20261003；金额单位为元，可带千分位逗号。',
    '选项列可填中文名称（如下拉列表所示）或对应代码；是/否列填“是”或“否”。',
    '上传后，有问题的行会逐行列出行号和原因，其余行正常导入；同一文件重复上传不会重复导入。',
  ];
  for (const n of notes) ws.addRow([n]);
}

/** The .xlsx template: title row, header row (required columns in red, a note on each), and a '填写说明' sheet. */
export async function buildFeedTemplateXlsx(department: string, kind: string): Promise<Buffer> {
  const { feed, record } = resolve(department, kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = '守线';
  addDataSheet(wb, feed, record);
  addInstructions(wb, feed, record);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The .csv template: UTF-8 with BOM (so that Excel opens it correctly) and the header row only. */
export function buildFeedTemplateCsv(department: string, kind: string): Buffer {
  const { record } = resolve(department, kind);
  const line = stringify([record.columns.map((c) => c.header)], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line, 'utf8')]);
}

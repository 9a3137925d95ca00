import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CATEGORY_NAMES, RISK_TYPE_NAMES } from '../../domain/assistance/household-facts.ts';

/** 监测状态 as the offices write it. */
const STATUS_NAMES: Readonly<Record<string, string>> = {
  none: '未纳入',
  monitored: '监测对象',
  eliminated: '风险消除',
};

export interface ExportHouseholdRow {
  code: string;
  village: string;
  address: string;
  headName: string | null;
  headId: string | null;
  memberCount: number;
  liftedOut: boolean;
  monitoringStatus: string;
  category: string | null;
  riskTypes: readonly string[];
  responsiblePerson: string | null;
}

const COLUMNS: { header: string; width: number; value: (r: ExportHouseholdRow) => string | number }[] = [
  { header: '户编号', width: 20, value: (r) => r.code },
  { header: '所在村（社区）', width: 22, value: (r) => r.village },
  { header: '户主', width: 10, value: (r) => r.headName ?? '' },
  { header: '户主身份证号', width: 22, value: (r) => r.headId ?? '' },
  { header: '家庭人口', width: 9, value: (r) => r.memberCount },
  { header: '住址', width: 28, value: (r) => r.address },
  { header: '脱贫户', width: 8, value: (r) => (r.liftedOut ? '是' : '否') },
  { header: '监测状态', width: 12, value: (r) => STATUS_NAMES[r.monitoringStatus] ?? r.monitoringStatus },
  {
    header: '监测类别',
    width: 16,
    value: (r) => (r.category ? (CATEGORY_NAMES[r.category as keyof typeof CATEGORY_NAMES] ?? r.category) : ''),
  },
  {
    header: '风险类型',
    width: 18,
    value: (r) => r.riskTypes.map((t) => RISK_TYPE_NAMES[t as keyof typeof RISK_TYPE_NAMES] ?? t).join('、'),
  },
  { header: '帮扶责任人', width: 12, value: (r) => r.responsiblePerson ?? '' },
];

/**
 * 农户档案 export (SPEC §12 "ledgers export to Excel"): the office layout — a title row, 填报单位/日期, the filters
 * applied, Chinese headers — streamed row by row with ExcelJS's streaming writer, so a county's list never sits in
 * memory. Every cell is text or a number: nothing a spreadsheet would run as a formula.
 */
export async function writeHouseholdWorkbook(
  out: Writable,
  meta: { unit: string; date: string; filters: string },
  pages: AsyncIterable<ExportHouseholdRow[]>,
): Promise<{ rows: number; persons: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('农户档案', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = COLUMNS.length;
  const title = ws.addRow(['农户档案']);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(1, 1, 1, last);
  title.commit();
  ws.addRow([`填报单位：${meta.unit}`, '', '', '', '', '', '', `填报日期：${meta.date}`]).commit();
  ws.addRow([`筛选条件：${meta.filters}`]).commit();
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  let rows = 0;
  let persons = 0;
  for await (const page of pages) {
    for (const r of page) {
      ws.addRow(COLUMNS.map((c) => c.value(r))).commit();
      rows++;
      persons += r.memberCount;
    }
  }
  ws.addRow([`合计：${rows}户${persons}人`]).commit();
  ws.commit();
  await wb.commit();
  return { rows, persons };
}

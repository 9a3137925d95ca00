import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, LedgerSheet } from './ledger.ts';

export interface WorkbookMeta {
  /** 填报单位: the names of the user's region, top down. */
  unit: string;
  /** 导出日期 (China date). */
  date: string;
  /** 筛选条件 in Chinese, '全部' when none. */
  filters: string;
}

export interface Written {
  rows: number;
  persons: number;
}

/** A text cell that starts like a formula is written as text with a leading apostrophe (CSV/Excel injection). */
const safe = (v: Cell | null | undefined): Cell => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
};

/**
 * Writes a ledger workbook in the offices' layout (SPEC §12; like the reports' Excel in report-files.ts): per sheet a
 * title row merged across, 填报单位 and 导出日期, the filters applied, bold Chinese headers, the rows, and a 合计 row —
 * "X户Y人" when rows are households. Streamed with ExcelJS's streaming writer: each row is committed as it is
 * written, so a million-row ledger never sits in memory. `progress` is called after every page with the rows so far.
 */
export async function writeLedgerWorkbook(
  out: Writable,
  meta: WorkbookMeta,
  // biome-ignore lint/suspicious/noExplicitAny: sheets of different row types
  sheets: readonly LedgerSheet<any>[],
  progress?: (rows: number) => Promise<void> | void,
): Promise<Written> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let rows = 0;
  let persons = 0;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 4 }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const last = Math.max(sheet.columns.length, 2);
    const title = ws.addRow([sheet.title]);
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center' };
    ws.mergeCells(1, 1, 1, last);
    title.commit();
    const unitRow: Cell[] = Array.from({ length: last }, () => '');
    unitRow[0] = `填报单位：${meta.unit}`;
    unitRow[last - 1] = `导出日期：${meta.date}`;
    ws.addRow(unitRow).commit();
    ws.addRow([`筛选条件：${meta.filters}`]).commit();
    const head = ws.addRow(sheet.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    let sheetRows = 0;
    let sheetPersons = 0;
    for await (const page of sheet.pages) {
      for (const r of page) {
        ws.addRow(sheet.columns.map((c) => safe(c.value(r)))).commit();
        sheetRows++;
        if (sheet.persons) sheetPersons += sheet.persons(r);
      }
      rows += page.length;
      await progress?.(rows);
    }
    ws.addRow([sheet.persons ? `合计：${sheetRows}户${sheetPersons}人` : `合计：${sheetRows}条`]).commit();
    ws.commit();
    if (sheet.persons) persons += sheetPersons;
  }
  await wb.commit();
  return { rows, persons };
}

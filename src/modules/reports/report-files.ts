import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Cell, ReportTable } from '../../domain/reports/report-tables.ts';
import { csvCell } from '../../shared/csv-cell.ts';
import type { Report } from './reports.service.ts';

/**
 * The three reports as files (SPEC §12): Excel in the offices' layout — title row merged across, 填报单位 and 填报日期,
 * each table under its own title with merged group headers over 户/人 — written with ExcelJS's streaming writer;
 * and CSV (UTF-8 with BOM so that Excel opens it in Chinese) with the same rows.
 */
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function extraTables(r: Report): ReportTable[] {
  const out: ReportTable[] = [];
  if (r.cycle && !r.cycle.skipped) {
    out.push({
      title: '本月工作时限（常态化监测）',
      rowHeader: '步骤',
      columns: [{ title: '办理层级' }, { title: '截止日期' }],
      rows: r.cycle.steps.map((s) => ({ label: s.stepName, cells: [s.level, s.due] })),
    });
    out.push({
      title: '逾期事项（按层级）',
      rowHeader: '层级',
      columns: [
        { title: '乡镇' },
        { title: '村' },
        { title: '户编号' },
        { title: '户主' },
        { title: '程序' },
        { title: '步骤' },
        { title: '截止日期' },
        { title: '逾期天数' },
        { title: '情形' },
      ],
      rows: r.cycle.late.map((l) => ({
        label: l.levelName,
        cells: [
          l.townshipName,
          l.villageName,
          l.householdCode,
          l.headName,
          l.procedure,
          l.stepName,
          l.due,
          l.daysLate,
          l.kind === 'overdue' ? '逾期未办' : '逾期办结',
        ],
      })),
    });
  } else if (r.cycle?.message) {
    out.push({
      title: '本月工作时限（常态化监测）',
      rowHeader: '说明',
      columns: [],
      rows: [{ label: r.cycle.message, cells: [] }],
    });
  }
  if (r.differences.length) {
    out.push({
      title: '冻结后的更正（冻结数与现数的差异）',
      rowHeader: '指标',
      columns: [{ title: '冻结数' }, { title: '现数' }],
      rows: r.differences.map((d) => ({ label: d.name, cells: [figureText(d.frozen), figureText(d.now)] })),
    });
  }
  return out;
}

function figureText(f: { households?: number; persons?: number; count?: number; share?: number | null }): string {
  if (f.share !== undefined && f.households === undefined)
    return f.share === null ? '—' : `${(f.share * 100).toFixed(2)}%`;
  if (f.persons !== undefined) return `${f.households}户${f.persons}人`;
  if (f.households !== undefined) return `${f.count}条/${f.households}户`;
  return String(f.count ?? '');
}

export function allTables(r: Report): ReportTable[] {
  return [...r.tables, ...extraTables(r)];
}

const widthOf = (t: ReportTable) => 1 + t.columns.length;

/** Excel workbook of a report, streamed to `out`. */
export async function writeReportXlsx(r: Report, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(r.kind === 'monthly' ? '月调度' : r.kind === 'quarterly' ? '季分析' : '年动态', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const tables = allTables(r);
  const width = Math.max(...tables.map(widthOf), 6);
  ws.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 22 : 11 }));
  // The streaming writer merges only rows not yet committed: rows wait in `pending` until their merges are set.
  let n = 0;
  const pending: ExcelJS.Row[] = [];
  const commit = () => {
    for (const row of pending.splice(0)) row.commit();
  };
  const add = (values: Cell[], style?: (row: ExcelJS.Row) => void) => {
    commit();
    n += 1;
    const row = ws.getRow(n);
    row.values = values as ExcelJS.CellValue[];
    style?.(row);
    pending.push(row);
    return n;
  };
  const merge = (row: number, from: number, to: number) => {
    if (to > from) ws.mergeCells(row, from, row, to);
  };
  const title = add([r.title], (row) => {
    row.font = { bold: true, size: 16 };
    row.alignment = { horizontal: 'center' };
    row.height = 28;
  });
  merge(title, 1, width);
  const meta = add([r.unit, ...Array(Math.max(0, width - 2)).fill(null), r.date]);
  merge(meta, 1, Math.floor(width / 2));
  const source =
    r.source === 'snapshot' && r.snapshot
      ? `数据口径：${r.snapshot.asOf}冻结数（月末冻结，之后的更正见文末）`
      : `数据口径：截至${r.period.asOf}的实时数据`;
  merge(add([source]), 1, width);
  for (const line of r.summary)
    merge(
      add([line], (row) => (row.alignment = { wrapText: true })),
      1,
      width,
    );
  for (const t of tables) {
    add([]);
    merge(
      add([t.title], (row) => (row.font = { bold: true, size: 12 })),
      1,
      width,
    );
    const hasGroups = t.columns.some((c) => c.group);
    const headerStyle = (row: ExcelJS.Row) => {
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col <= widthOf(t)) {
          c.border = BORDER;
          c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
        }
      });
    };
    if (hasGroups) {
      const upper = add([t.rowHeader, ...t.columns.map((c) => c.group ?? c.title)], headerStyle);
      const upperRow = pending.splice(0);
      const lower = add([null, ...t.columns.map((c) => (c.group ? c.title : null))], headerStyle);
      pending.unshift(...upperRow);
      ws.mergeCells(upper, 1, lower, 1);
      let i = 0;
      while (i < t.columns.length) {
        const c = t.columns[i];
        let j = i;
        if (c?.group) while (t.columns[j + 1]?.group === c.group) j++;
        if (c && !c.group) ws.mergeCells(upper, i + 2, lower, i + 2);
        else merge(upper, i + 2, j + 2);
        i = j + 1;
      }
    } else {
      add([t.rowHeader, ...t.columns.map((c) => c.title)], headerStyle);
    }
    for (const row of t.rows) {
      add([row.label, ...row.cells], (x) => {
        if (row.total) x.font = { bold: true };
        x.eachCell({ includeEmpty: true }, (c, col) => {
          if (col <= widthOf(t)) c.border = BORDER;
        });
      });
    }
    if (t.note)
      merge(
        add([`注：${t.note}`], (row) => (row.font = { italic: true, size: 9 })),
        1,
        width,
      );
  }
  ws.commit();
  if (r.bulletin) {
    const b = wb.addWorksheet('季通报（稿）');
    b.columns = [{ width: 110 }];
    for (const p of r.bulletin.split('\n\n')) {
      const row = b.addRow([p]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    b.commit();
  }
  await wb.commit();
}

/** CSV of a report: one block per table (title line, header line(s), rows), UTF-8 with BOM. */
export async function writeReportCsv(r: Report, out: Writable): Promise<void> {
  const s = stringify({ bom: true });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  s.pipe(out);
  const write = async (line: Cell[]) => {
    if (!s.write(line.map((c) => (c === null ? '' : csvCell(c))))) await once(s, 'drain');
  };
  await write([r.title]);
  await write([r.unit, r.date]);
  for (const line of r.summary) await write([line]);
  for (const t of allTables(r)) {
    await write([]);
    await write([t.title]);
    await write([t.rowHeader, ...t.columns.map((c) => (c.group ? `${c.group}（${c.title}）` : c.title))]);
    for (const row of t.rows) await write([row.label, ...row.cells]);
  }
  s.end();
  await finished;
}

export function reportFileName(r: Report, format: 'xlsx' | 'csv'): string {
  return `${r.title}.${format}`;
}

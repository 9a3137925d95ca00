import ExcelJS from 'exceljs';
import type { FundLevel } from '../../domain/projects/index.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Reading the project library sheets counties keep (项目库台账, SPEC §13, issue 15 point 7) with the tolerance of the
 * department imports (docs/importing.md): the header is searched in the top rows of every worksheet (a merged title
 * above it, line breaks and spaces inside it, units such as （万元） in it), sheets split by township are all read,
 * blank rows, 合计/小计 rows and column-number rows are passed over, and every bad row is reported with its sheet,
 * row and column — the good rows are not held back by the bad ones.
 */
export interface SheetProject {
  sheet: string;
  row: number;
  name: string;
  place: string;
  year: number | null;
  type: string;
  /** Fen per level, of the fund (衔接资金 under any of its names) and of other funds. */
  linkageFen: Partial<Record<FundLevel, number>>;
  otherFen: number;
  taskForce: string;
  manager: string;
  phone: string;
  description: string;
}

export interface SheetProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

type Column =
  | { key: 'name' | 'place' | 'year' | 'type' | 'taskForce' | 'manager' | 'phone' | 'description' | 'other' }
  | { key: 'fund'; level: FundLevel };

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]/g, '');

const LEVEL_WORDS: [FundLevel, RegExp][] = [
  ['central', /^中央/],
  ['provincial', /^省/],
  ['city', /^(市|州)/],
  ['county', /^(县|区|县区)/],
];

/** Which column a header names; the fund columns by level and any of the fund's names (衔接, 帮扶, the setting). */
function columnOf(raw: string, fundName: string): Column | undefined {
  const h = norm(raw);
  if (!h) return undefined;
  if (/^项目名称$|^项目$/.test(h)) return { key: 'name' };
  if (/建设地点|实施地点|项目地点|所在乡镇|乡镇村|区划代码/.test(h)) return { key: 'place' };
  if (/^(年度|实施年度|项目年度|计划年度)$/.test(h)) return { key: 'year' };
  if (/项目类型|项目类别/.test(h)) return { key: 'type' };
  if (/专班/.test(h)) return { key: 'taskForce' };
  if (/负责人/.test(h)) return { key: 'manager' };
  if (/电话|手机/.test(h)) return { key: 'phone' };
  if (/建设内容|建设规模|项目内容/.test(h)) return { key: 'description' };
  if (/其他资金|自筹|整合资金|其他/.test(h) && /资金|自筹/.test(h)) return { key: 'other' };
  if (/资金/.test(h) && (h.includes('衔接') || h.includes('帮扶') || h.includes(norm(fundName)))) {
    for (const [level, re] of LEVEL_WORDS) if (re.test(h)) return { key: 'fund', level };
  }
  return undefined;
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
};

/** '12.5' 万元 → fen without floating point: the decimal string is shifted by the unit's digits. */
export function amountFen(raw: string, wan: boolean): number | null {
  const s = raw.replace(/[,，\s元]/g, '').replace(/万$/, '');
  if (s === '' || s === '-' || s === '—') return 0;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const digits = wan ? 6 : 2;
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  return Number(m[1]) * 10 ** digits + Number(frac.slice(0, digits) || '0');
}

/** Every project row of every worksheet with a project header, and every problem row by row. */
export async function readProjectSheets(
  content: Buffer,
  fundName: string,
): Promise<{ rows: SheetProject[]; problems: SheetProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('PROJECT_INVALID', '无法读取该文件，请上传 .xlsx 格式的项目库台账', { field: 'file' });
  }
  const rows: SheetProject[] = [];
  const problems: SheetProblem[] = [];
  let headerSeen = false;
  for (const ws of wb.worksheets) {
    let header: { row: number; columns: Map<number, Column & { label: string; wan: boolean }> } | undefined;
    for (let r = 1; r <= Math.min(ws.rowCount, 30) && !header; r++) {
      const cols = new Map<number, Column & { label: string; wan: boolean }>();
      ws.getRow(r).eachCell((cell, c) => {
        const raw = text(cell.value);
        const col = columnOf(raw, fundName);
        if (col) cols.set(c, { ...col, label: raw.replace(/\s+/g, ''), wan: /万元/.test(raw) });
      });
      const keys = new Set([...cols.values()].map((c) => c.key));
      if (keys.has('name') && keys.has('place') && keys.has('fund')) header = { row: r, columns: cols };
    }
    if (!header) continue;
    headerSeen = true;
    const wanDefault = [...header.columns.values()].some((c) => c.wan);
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const cells = new Map<string, { raw: string; col: Column & { label: string; wan: boolean } }>();
      const funds: Partial<Record<FundLevel, number>> = {};
      let otherFen = 0;
      const rowProblems: SheetProblem[] = [];
      const values = [...header.columns.entries()].map(([c, col]) => ({
        col,
        raw: text(ws.getRow(r).getCell(c).value),
      }));
      if (values.every((v) => v.raw === '')) continue;
      const nameCell = values.find((v) => v.col.key === 'name')?.raw ?? '';
      if (
        /^(合计|小计|总计)/.test(nameCell.replace(/\s/g, '')) ||
        values.every((v) => v.raw === '' || /^\d{1,2}$/.test(v.raw))
      ) {
        continue;
      }
      for (const v of values) {
        if (v.col.key === 'fund' || v.col.key === 'other') {
          const fen = amountFen(v.raw, v.col.wan || (wanDefault && !/元/.test(v.col.label)));
          if (fen === null) {
            rowProblems.push({ sheet: ws.name, row: r, column: v.col.label, message: `金额“${v.raw}”无法识别` });
            continue;
          }
          const col = v.col;
          if (col.key === 'fund') funds[col.level] = (funds[col.level] ?? 0) + fen;
          else otherFen += fen;
        } else cells.set(v.col.key, v);
      }
      const get = (k: string) => cells.get(k)?.raw ?? '';
      const yearText = get('year').replace(/年$/, '');
      const year = yearText ? Number(yearText) : null;
      if (yearText && !(Number.isInteger(year) && (year as number) >= 2000 && (year as number) <= 2100)) {
        rowProblems.push({
          sheet: ws.name,
          row: r,
          column: cells.get('year')?.col.label ?? '年度',
          message: `年度“${yearText}”无效`,
        });
      }
      if (!get('name')) rowProblems.push({ sheet: ws.name, row: r, column: '项目名称', message: '缺少项目名称' });
      if (!get('place'))
        rowProblems.push({
          sheet: ws.name,
          row: r,
          column: cells.get('place')?.col.label ?? '建设地点',
          message: '缺少建设地点',
        });
      if (rowProblems.length) {
        problems.push(...rowProblems);
        continue;
      }
      rows.push({
        sheet: ws.name,
        row: r,
        name: get('name'),
        place: get('place'),
        year,
        type: get('type'),
        linkageFen: funds,
        otherFen,
        taskForce: get('taskForce'),
        manager: get('manager'),
        phone: get('phone'),
        description: get('description'),
      });
    }
  }
  if (!headerSeen) {
    throw new AppError('PROJECT_INVALID', '未找到项目库表头：须有“项目名称”“建设地点”和按级次的资金列', {
      field: 'file',
    });
  }
  return { rows, problems };
}

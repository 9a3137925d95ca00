import type { FeedColumn } from '../../domain/feeds/index.ts';
import { normalizeIdNumber, parseIdNumber } from '../../domain/id-number.ts';
import type { RawCell } from './sheet-source.ts';
import { parseDecimal, parseFeedDate, parseYuanToFen } from './value-parse.ts';

/**
 * Turning one cell into one normalised value of its column type, or a Chinese reason why not (SPEC §10: "reports every
 * bad row with its row number and reason"). Pure; `today` is passed in for ID birth-date checks.
 */

/** A normalised value: strings, integer fen for yuan, numbers, booleans, 'YYYY-MM-DD' dates, enum codes. */
export type FeedValue = string | number | boolean | null;

/** A normalised value, or the Chinese reason a cell was refused. */
export type CellResult = { ok: true; value: FeedValue } | { ok: false; message: string };

/** The message for ID numbers that Excel stored as numbers (15 significant digits; SPEC §10 bad rows). */
export const EXCEL_NUMBER_ID_MESSAGE = '身份证号被Excel转换为数字，末尾数字已丢失，请将该列设置为文本格式后重新导出';

/** Display text of a raw cell, as a person would read it back from the file. */
export function cellText(raw: RawCell | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number')
    return Number.isInteger(raw) && Math.abs(raw) >= 1e21 ? raw.toExponential() : String(raw);
  return String(raw);
}

const NEEDS_CLEANING = /[\s\u3000\u00a0\u200b-\u200d\ufeff\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
const VISIBLE = /[^\s\u3000\u00a0\u200b-\u200d\ufeff]/;

/**
 * Full-width digits and letters to half-width, odd spaces (ideographic, no-break, tabs, line breaks) to one space,
 * zero-width characters removed, trimmed; a space between two Chinese characters is a typing slip and goes.
 */
export function cleanText(text: string): string {
  // Most cells need nothing: skip the regex chain (it dominates the cost of a million-row file).
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '');
}

/** True for cells holding nothing visible (spaces, zero-width characters). */
export function isBlankCell(raw: RawCell | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  return !VISIBLE.test(typeof raw === 'string' ? raw : cellText(raw));
}

const ok = (value: FeedValue): CellResult => ({ ok: true, value });
const fail = (message: string): CellResult => ({ ok: false, message });

function normalizeId(raw: RawCell, today: Date): CellResult {
  if (typeof raw === 'number') return fail(EXCEL_NUMBER_ID_MESSAGE);
  const text = normalizeIdNumber(cleanText(cellText(raw)));
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return fail(EXCEL_NUMBER_ID_MESSAGE);
  const parsed = parseIdNumber(text, today);
  if (parsed.ok) return ok(parsed.value.idNumber);
  // Excel keeps 15 significant digits: '621124199001011234' comes back as '621124199001011000'.
  if (/^\d+000$/.test(text) && text.length !== 15) return fail(EXCEL_NUMBER_ID_MESSAGE);
  return fail(parsed.error.message);
}

const BOOLEANS: Record<string, boolean> = {
  是: true,
  否: false,
  有: true,
  无: false,
  已: true,
  未: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  '√': true,
  '×': false,
  '✓': true,
  '✗': false,
};

function enumLookup(column: FeedColumn, text: string): string | undefined {
  const options = column.enum ?? {};
  const key = text.replace(/\s/g, '').toLowerCase();
  for (const [label, code] of Object.entries(options)) {
    if (label.replace(/\s/g, '').toLowerCase() === key || code.toLowerCase() === key) return code;
  }
  return undefined;
}

function checkMin(column: FeedColumn, value: number, text: string, scale = 1): CellResult {
  const min = column.min ?? 0;
  if (value >= min * scale) return ok(value);
  return fail(min === 0 ? `不能为负数：“${text}”` : `不能小于${min}：“${text}”`);
}

function stripUnit(column: FeedColumn, text: string): string {
  const units = [column.unit, '平方米', '㎡', 'm²', 'm2', '亩', '天', '人', '户', '个', '次'].filter(
    Boolean,
  ) as string[];
  const t = text.replace(/[,，]/g, '');
  for (const u of units) if (t.endsWith(u)) return t.slice(0, -u.length).trim();
  return t;
}

/**
 * One cell of one column. Blank cells are null (or an error when the column is required); the caller adds the column
 * name to the message.
 */
export function normalizeCell(
  column: FeedColumn,
  raw: RawCell | undefined,
  options: { today: Date; multiplier?: number },
): CellResult {
  const cell = raw ?? null;
  if (isBlankCell(cell)) return column.required ? fail('必填项为空') : ok(null);
  const text = cleanText(cellText(cell));
  switch (column.type) {
    case 'id_number':
      return normalizeId(cell, options.today);
    case 'string':
      return ok(text);
    case 'date': {
      const date = parseFeedDate(cell);
      return date ? ok(date) : fail(`日期格式错误：“${text}”，应为如 2026-10-03、2026/10/3、2026年10月3日 或 20261003`);
    }
    case 'yuan': {
      const fen = parseYuanToFen(cell, options.multiplier ?? 1);
      if (fen === undefined) return fail(`金额格式错误：“${text}”，应为数字，如 1234.56`);
      return checkMin(column, fen, text, 100);
    }
    case 'integer': {
      const t = stripUnit(column, text);
      if (typeof cell === 'number' ? !Number.isInteger(cell) : !/^[-+]?\d+$/.test(t))
        return fail(`应为整数：“${text}”`);
      return checkMin(column, typeof cell === 'number' ? cell : Number(t), text);
    }
    case 'decimal': {
      const n = typeof cell === 'number' ? cell : parseDecimal(stripUnit(column, text));
      if (n === undefined || !Number.isFinite(n)) return fail(`应为数字：“${text}”`);
      return checkMin(column, n, text);
    }
    case 'enum': {
      const code = enumLookup(column, text);
      if (code !== undefined) return ok(code);
      const allowed = [...new Set(Object.keys(column.enum ?? {}))].join('、');
      return fail(`“${text}”不是允许的取值，可填：${allowed}`);
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return ok(cell);
      const b = BOOLEANS[text.toLowerCase()];
      return b === undefined ? fail(`应填“是”或“否”：“${text}”`) : ok(b);
    }
    case 'region_code': {
      const t = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : text.replace(/\s/g, '');
      return /^(\d{6}|\d{9}|\d{12})$/.test(t)
        ? ok(t)
        : fail(`区划代码应为6位（县）、9位（乡镇）或12位（村）数字：“${text}”`);
    }
  }
}

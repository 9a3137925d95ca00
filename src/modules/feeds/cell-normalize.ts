import type { FeedColumn } from '../../domain/feeds/index.ts';
import { normalizeIdNumber, parseIdNumber } from '../../domain/id-number.ts';
import type { RawCell } from './sheet-source.ts';
import { type DateFault, dateFault, parseDecimal, parseFeedDate, parseYuanToFen, toHalfWidth } from './value-parse.ts';

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
  if (raw === null || raw === undefined || raw === FORMULA_NO_VALUE) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number')
    return Number.isInteger(raw) && Math.abs(raw) >= 1e21 ? raw.toExponential() : String(raw);
  return String(raw);
}

const NEEDS_CLEANING =
  /[\s\u3000\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|^="/;

/** Zero-width and bidi marks: invisible, but copies from Windows or web pages wrap text in them (U+202D…U+202C). */
const INVISIBLE_MARKS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Excel's ="…" trick to keep digits as text in a CSV export: a formula whose value is the string ("" is one quote). */
const FORMULA_STRING = /^="((?:[^"]|"")*)"$/s;

function unwrapFormulaString(text: string): string {
  const m = FORMULA_STRING.exec(text);
  return m ? (m[1] as string).replace(/""/g, '"') : text;
}

/**
 * The text a person sees: invisible marks removed, a ="…" wrapper unwrapped, full-width digits and letters to
 * half-width, odd spaces (ideographic, no-break, tabs, line breaks) to one space, trimmed; a space between two Chinese
 * characters is a typing slip and goes.
 */
export function cleanText(text: string): string {
  // Most cells need nothing: skip the regex chain (it dominates the cost of a million-row file).
  if (!NEEDS_CLEANING.test(text)) return text;
  return unwrapFormulaString(text.replace(INVISIBLE_MARKS, '').trim())
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '');
}

/** True for cells holding nothing visible (spaces, invisible marks, an empty ="" ). */
export function isBlankCell(raw: RawCell | undefined): boolean {
  if (raw === null || raw === undefined || raw === FORMULA_NO_VALUE) return true;
  return cleanText(cellText(raw)) === '';
}

/** Error values Excel writes in place of a formula's result; the cell's real value is unknown. */
const EXCEL_ERROR = /^#(?:N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
/**
 * What the .xlsx reader hands on for a formula cell whose result it cannot read: the streaming reader drops a result
 * of 0, '' or an error value (#N/A) alike, and files written by programs may hold no result at all. Blank for the
 * row checks (templates carry formulas down empty rows); a required column says what to do about it.
 */
export const FORMULA_NO_VALUE = '\u0000formula-without-value';

const DATE_MESSAGES: Record<DateFault, (text: string) => string> = {
  format: (text) => `日期格式错误：“${text}”，应为如 2026-10-03、2026/10/3、2026年10月3日 或 20261003`,
  no_such_day: (text) => `日期不存在：“${text}”，请核对月份和日（如9月只有30日，2月只有28或29日）`,
  year_range: (text) => `日期年份超出范围：“${text}”，年份应在1900至2100之间`,
};

const ok = (value: FeedValue): CellResult => ({ ok: true, value });
const fail = (message: string): CellResult => ({ ok: false, message });

/**
 * `text` is the cleaned display text of `raw`. Excel keeps 15 significant digits, so a number cell of up to 15 digits
 * lost nothing and is read like its text (a 15-digit one then gets the legacy-ID message); a longer one lost its end.
 */
function normalizeId(raw: RawCell, text: string, today: Date): CellResult {
  const isNumber = typeof raw === 'number';
  if (isNumber && !(Number.isInteger(raw) && raw >= 0 && raw < 1e15)) return fail(EXCEL_NUMBER_ID_MESSAGE);
  const id = normalizeIdNumber(text);
  if (/^\d(\.\d+)?e\+?\d+$/i.test(id)) return fail(EXCEL_NUMBER_ID_MESSAGE);
  const parsed = parseIdNumber(id, today);
  if (parsed.ok) return ok(parsed.value.idNumber);
  // A text cell that was a number once: '621124199001011234' comes back as '621124199001011000'.
  if (!isNumber && /^\d+000$/.test(id) && id.length !== 15) return fail(EXCEL_NUMBER_ID_MESSAGE);
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
  if (cell === FORMULA_NO_VALUE) {
    return column.required
      ? fail('公式单元格没有可读取的结果（结果为0、错误值或未计算），请在Excel中把该列“选择性粘贴为数值”后重新导出')
      : ok(null);
  }
  if (isBlankCell(cell)) return column.required ? fail('必填项为空') : ok(null);
  const text = cleanText(cellText(cell));
  // Checked before any type: '#N/A' is neither text to keep nor a blank to skip.
  if (typeof cell === 'string' && EXCEL_ERROR.test(text)) {
    return fail(`单元格为Excel错误值“${text}”（公式出错），请在Excel中修正后重新导出`);
  }
  // Parsers read a text cell's cleaned text, so a ="…" wrapper or invisible marks do not hide a date or an amount.
  const value = typeof cell === 'string' ? text : cell;
  switch (column.type) {
    case 'id_number':
      return normalizeId(cell, text, options.today);
    case 'string':
      return ok(text);
    case 'date': {
      const date = parseFeedDate(value);
      return date ? ok(date) : fail(DATE_MESSAGES[dateFault(value) ?? 'format'](text));
    }
    case 'yuan': {
      const fen = parseYuanToFen(value, options.multiplier ?? 1);
      if (fen === undefined) return fail(`金额格式错误：“${text}”，应为数字，如 1234.56`);
      return checkMin(column, fen, text, 100);
    }
    case 'integer': {
      const t = stripUnit(column, toHalfWidth(text));
      if (typeof cell === 'number' ? !Number.isInteger(cell) : !/^[-+]?\d+$/.test(t))
        return fail(`应为整数：“${text}”`);
      return checkMin(column, typeof cell === 'number' ? cell : Number(t), text);
    }
    case 'decimal': {
      const n = typeof cell === 'number' ? cell : parseDecimal(stripUnit(column, toHalfWidth(text)));
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

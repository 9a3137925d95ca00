import type { RawCell } from './sheet-source.ts';

/**
 * Dates and amounts as departments actually write them (SPEC §10): Excel dates and serial numbers, '2026-10-03',
 * '2026/10/3', '2026年10月3日', '20261003'; '1,234.50元', '¥1234.5', '3.5万'. Amounts become integer fen by decimal
 * string arithmetic, never by floating-point multiplication (STYLE: money never in floating point).
 */

const pad = (n: number) => String(n).padStart(2, '0');

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Full-width ASCII (Ａ１（）：．－／) to half-width, and the ideographic space to a space: Chinese input methods type
 * '１２３４．５０', '－100' and '２０２６－１０－０５', which should read as the numbers and dates they look like.
 */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Why a cell is not a date, so the message can say what to fix: a day the calendar lacks ('2026-9-31'), a year outside
 * 1900–2100 ('1899-12-31'), or no date format at all.
 */
export type DateFault = 'no_such_day' | 'year_range' | 'format';

type DateRead = { ok: true; date: string } | { ok: false; fault: DateFault };

const FORMAT: DateRead = { ok: false, fault: 'format' };

function isoDate(y: number, m: number, d: number): DateRead {
  // Month 13 or day 32 is a misread layout rather than a missing day.
  if (m < 1 || m > 12 || d < 1 || d > 31) return FORMAT;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    return { ok: false, fault: 'no_such_day' };
  }
  if (y < 1900 || y > 2100) return { ok: false, fault: 'year_range' };
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/** Excel's 1900 date system: serial 1 is 1900-01-01; counting from 1899-12-30 absorbs its phantom 1900-02-29. */
function fromSerial(serial: number): DateRead {
  if (serial < 61 || serial > 73050) return FORMAT;
  const dt = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

function readDate(raw: RawCell): DateRead {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return FORMAT;
    return isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') {
    if (/^\d{8}$/.test(String(raw))) return readDate(String(raw));
    return fromSerial(raw);
  }
  const text = toHalfWidth(String(raw ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
    text,
  );
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}$/.test(text)) return fromSerial(Number(text));
  return FORMAT;
}

/** 'YYYY-MM-DD', or undefined when the cell is not a real date. */
export function parseFeedDate(raw: RawCell): string | undefined {
  const read = readDate(raw);
  return read.ok ? read.date : undefined;
}

/** Why parseFeedDate refused the cell; undefined when it is a date. */
export function dateFault(raw: RawCell): DateFault | undefined {
  const read = readDate(raw);
  return read.ok ? undefined : read.fault;
}

/**
 * A plain decimal string shifted left by `shift` places and rounded half away from zero to an integer:
 * ('12.345', 2) → 1235. Exact for any length of input that fits a safe integer.
 */
export function scaleDecimal(text: string, shift: number): number | undefined {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = (m[3] ?? '').padEnd(shift + 1, '0');
  const digits = `${m[2]}${frac.slice(0, shift)}`;
  let value = Number(digits || '0');
  if (Number(frac[shift]) >= 5) value += 1;
  if (!Number.isSafeInteger(value)) return undefined;
  return m[1] === '-' && value !== 0 ? -value : value;
}

/** A number from a cleaned string ('1234.5', '-3'), or undefined. */
export function parseDecimal(text: string): number | undefined {
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/** Yuan to integer fen; `multiplier` is 10000 when the header said 万元. */
export function parseYuanToFen(raw: RawCell, multiplier = 1): number | undefined {
  const shift = 2 + Math.round(Math.log10(multiplier));
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || Math.abs(raw) >= 1e13) return undefined;
    // toFixed(6) hides binary noise such as 0.1 + 0.2 before the decimal shift.
    return scaleDecimal(raw.toFixed(6), shift);
  }
  let text = toHalfWidth(String(raw ?? ''))
    .replace(/[\s,，]/g, '')
    .replace(/^(rmb|cny)/i, '')
    .replace(/^[¥￥]/, '')
    .replace(/(人民币)?元$/, '');
  let extra = 0;
  if (text.endsWith('万')) {
    text = text.slice(0, -1);
    extra = 4;
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return scaleDecimal(text, shift + extra);
}

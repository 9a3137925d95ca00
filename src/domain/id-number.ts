/**
 * 公民身份号码 validation (GB 11643-1999), SPEC §4.2: 17 digits + a check character 0-9/X computed with
 * ISO 7064 MOD 11-2; birth date (positions 7–14) and sex (position 17: odd = male) are derived from it.
 * Pure: `today` is passed in so that "born in the future" is testable.
 */
export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  idNumber: string;
  regionPrefix: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

export type IdNumberError =
  | { code: 'REGISTRY_ID_LEGACY_15'; message: string }
  | { code: 'REGISTRY_ID_FORMAT'; message: string }
  | { code: 'REGISTRY_ID_BIRTHDATE'; message: string }
  | { code: 'REGISTRY_ID_CHECKSUM'; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Zero-width and bidi marks: invisible, but a copy from Windows or a web page wraps numbers in them (U+202D…U+202C). */
const INVISIBLE_MARKS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Full-width digits and X, spaces, a lower-case x and invisible marks are normalised, and a leading apostrophe goes
 * (typed in Excel to keep the digits as text; '‘’＇' when typed with a Chinese input method); nothing else is guessed —
 * the check character still has to match.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(INVISIBLE_MARKS, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ＸｘＸ]/g, 'X')
    .replace(/\s+/g, '')
    .replace(/^['‘’＇]/, '')
    .replace(/x$/, 'X');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function parseIdNumber(
  raw: string,
  today: Date = new Date(),
): { ok: true; value: IdNumberInfo } | { ok: false; error: IdNumberError } {
  const id = normalizeIdNumber(String(raw ?? ''));
  if (/^\d{15}$/.test(id)) {
    return {
      ok: false,
      error: { code: 'REGISTRY_ID_LEGACY_15', message: '不接受15位旧身份证号，请使用18位公民身份号码' },
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      error: { code: 'REGISTRY_ID_FORMAT', message: '身份证号格式错误：应为17位数字加1位校验码（0-9或X）' },
    };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const todayIso = today.toISOString().slice(0, 10);
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1880 || !isRealDate(y, m, d) || birthDate > todayIso) {
    return { ok: false, error: { code: 'REGISTRY_ID_BIRTHDATE', message: `身份证号中的出生日期无效：${birthDate}` } };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, error: { code: 'REGISTRY_ID_CHECKSUM', message: '身份证号校验位错误' } };
  }
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { idNumber: id, regionPrefix: id.slice(0, 6), birthDate, sex } };
}

/**
 * Masking for screens, exports and the stored masked column (SPEC §17; docs/decisions/0014-masks-that-hide.md):
 * keep the first 6 (the area of registration) and the last 2 characters. Digits 7–14 (the birth date) and 15–16 of
 * the sequence stay hidden, so a mask together with an age leaves thousands of candidate numbers, not a handful.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 8)}${id.slice(-2)}`;
}

/** The birth date (YYYY-MM-DD) held in an 18-digit ID number; only for roles that may see the number itself. */
export function birthDateOfId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Age in whole years on `on` (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Quick client-side check of a 公民身份号码 (GB 11643: 17 digits + check character, ISO 7064 MOD 11-2) so that a
 * typo is caught while typing. The server validates again and is the authority (src/domain/id-number.ts).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/[xＸｘ]$/, 'X');
}

/** A Chinese message for what is wrong, or undefined when the number looks valid. */
export function idNumberProblem(raw: string): string | undefined {
  const id = normalizeIdNumber(raw);
  if (/^\d{15}$/.test(id)) return '不接受15位旧身份证号，请填写18位身份证号';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位：17位数字加1位校验码（数字或X）';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  if (CHECK_CHARS[sum % 11] !== id[17]) return '身份证号校验码不正确，请核对';
  return undefined;
}

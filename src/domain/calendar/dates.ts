/**
 * Plain 'YYYY-MM-DD' date arithmetic for the working-day calendar (SPEC §8.1). Dates are civil dates in China;
 * all arithmetic is done in UTC so that no local time zone or daylight saving can shift a day.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value);
}

function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `n` calendar days after `date` (negative `n` goes back). */
export function shiftDate(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Number of days in a month given as 'YYYY-MM'. */
export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 'YYYY-MM' of the month after `month`. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function isIsoMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The civil date in China (UTC+8, no daylight saving) of a timestamp. A bare 'YYYY-MM-DD' is taken as already
 * local; a timestamp with 'Z' or an offset is converted; a timestamp without an offset is taken as local time.
 * Deadlines and publicity periods (SPEC §8.1) are compared on this date, never on the UTC date.
 */
export function chinaDate(at: string): string {
  if (isRealDate(at)) return at;
  if (/^\d{4}-\d{2}-\d{2}T[^Z+-]*$/.test(at) && isRealDate(at.slice(0, 10))) return at.slice(0, 10);
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${at}`);
  return fromUtcMs(ms + CHINA_OFFSET_MS);
}

/**
 * Today's civil date in China (UTC+8) at `now`. Deadlines, receipt dates and "overdue" are counted on it: between
 * 00:00 and 08:00 Beijing time the UTC date is still yesterday.
 */
export function chinaToday(now: Date = new Date()): string {
  return fromUtcMs(now.getTime() + CHINA_OFFSET_MS);
}

/** 2026-10-09 → 2026年10月9日, the way dates are written on notices. */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

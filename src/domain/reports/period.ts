import { daysInMonth, isIsoDate, shiftDate } from '../calendar/dates.ts';

/**
 * Report periods (SPEC §12): a month (月调度), a quarter (季分析), a year (年动态) or everything up to today (累计).
 * Flows ("新纳入", "风险消除") count what happened from `start` to `end`; stock figures ("监测对象", "已标注风险消除")
 * are taken on `asOf`, the period's last day or today when the period is still running.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'cumulative';

export interface Period {
  kind: PeriodKind;
  /** As written in requests: 2026-03, 2026-Q1, 2026, cumulative. */
  key: string;
  /** First day; null for cumulative (from the beginning of the records). */
  start: string | null;
  end: string;
  /** min(end, today): the day stock figures are taken on. */
  asOf: string;
  /** The period is still running (asOf is today): stock figures are the current ones. */
  current: boolean;
  /** Months the period covers ('YYYY-MM'), for trends; empty for cumulative. */
  months: string[];
  /** 2026年3月 · 2026年第一季度 · 2026年 · 累计（截至2026年3月15日）. */
  label: string;
}

export class PeriodError extends Error {}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

function monthsBetween(first: string, count: number): string[] {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const k = m - 1 + i;
    return `${y + Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
  });
}

const cn = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function shapeOf(k: string): { kind: PeriodKind; months: string[]; label: string } {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(k);
  if (month) return { kind: 'month', months: [k], label: `${Number(month[1])}年${Number(month[2])}月` };
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(k);
  if (quarter) {
    const q = Number(quarter[2]);
    return {
      kind: 'quarter',
      months: monthsBetween(`${quarter[1]}-${pad((q - 1) * 3 + 1)}`, 3),
      label: `${Number(quarter[1])}年第${QUARTER_NAMES[q - 1]}季度`,
    };
  }
  const year = /^(\d{4})$/.exec(k);
  if (year) return { kind: 'year', months: monthsBetween(`${year[1]}-01`, 12), label: `${Number(year[1])}年` };
  throw new PeriodError(`期间格式应为 YYYY-MM、YYYY-Qn、YYYY 或 cumulative：${k}`);
}

/** Parses a period key against today's China date; a period that has not begun is refused. */
export function parsePeriod(key: string, today: string): Period {
  if (!isIsoDate(today)) throw new PeriodError(`today is not a date: ${today}`);
  const k = key.trim();
  if (k === 'cumulative') {
    const label = `累计（截至${cn(today)}）`;
    return { kind: 'cumulative', key: k, start: null, end: today, asOf: today, current: true, months: [], label };
  }
  const { kind, months, label } = shapeOf(k);
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const start = `${first}-01`;
  const end = `${last}-${pad(daysInMonth(last))}`;
  if (start > today) throw new PeriodError(`期间尚未开始：${label}`);
  const asOf = end < today ? end : today;
  const normalised = kind === 'quarter' ? k.toUpperCase() : k;
  return { kind, key: normalised, start, end, asOf, current: asOf === today, months, label };
}

/** The twelve months ending with `month` (for trend lines). */
export function lastTwelveMonths(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = m === 12 ? `${y}-01` : `${y - 1}-${pad(m + 1)}`;
  return monthsBetween(first, 12);
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  return shiftDate(`${month}-01`, -1).slice(0, 7);
}

/** The China-time instants that bound a period's days, for timestamp columns (closed_at): [from, to). */
export function instantBounds(start: string | null, end: string): { from: string | null; to: string } {
  return { from: start ? `${start}T00:00:00+08:00` : null, to: `${shiftDate(end, 1)}T00:00:00+08:00` };
}

import { isIsoDate, isWeekend, weekday, yearOf } from './dates.ts';
import type { OfficialCalendar } from './official-calendar.ts';

/** One problem in an uploaded calendar: the field it is about and a Chinese message naming it. */
export interface CalendarIssue {
  field: string;
  message: string;
}

export type CalendarValidation = { ok: true; value: OfficialCalendar } | { ok: false; errors: CalendarIssue[] };

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * Validates an official calendar an administrator loads for a year `chinese-days` does not cover (SPEC §8.1):
 * JSON shape, every date real and inside `year`, no duplicates, no date both a holiday and a make-up workday,
 * make-up workdays on Saturday or Sunday only (a weekday is a working day anyway — listing it is a typo).
 * All problems are reported at once; messages are Chinese and name the field (`holidays[3]` …).
 * `expectedYear` is the year the admin chose on screen; the file must agree with it.
 */
export function validateOfficialCalendar(input: unknown, expectedYear?: number): CalendarValidation {
  const errors: CalendarIssue[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ field: '(根)', message: '日历数据应为JSON对象，包含 year、holidays、workdays、source 字段' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const known = new Set(['year', 'holidays', 'workdays', 'source', 'publishedAt']);
  for (const key of Object.keys(raw)) if (!known.has(key)) add(key, `未知字段“${key}”`);

  const year = raw.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (!yearOk) add('year', 'year（年份）应为2000至2100之间的整数');
  else if (expectedYear !== undefined && year !== expectedYear) {
    add('year', `year（年份）为${year}，与所选年份${expectedYear}不一致`);
  }

  const holidays = dateList(raw.holidays, 'holidays', '节假日', yearOk ? (year as number) : undefined, add);
  const workdays = dateList(raw.workdays, 'workdays', '调休上班日', yearOk ? (year as number) : undefined, add);
  if (holidays && workdays) {
    const holidaySet = new Set(holidays);
    workdays.forEach((d, i) => {
      if (holidaySet.has(d)) add(`workdays[${i}]`, `日期${d}同时出现在 holidays（节假日）和 workdays（调休上班日）中`);
      else if (isIsoDate(d) && !isWeekend(d)) {
        add(`workdays[${i}]`, `日期${d}是${WEEKDAY_NAMES[weekday(d)]}，本来就是工作日；调休上班日应为周六或周日`);
      }
    });
  }

  if (typeof raw.source !== 'string' || raw.source.trim() === '') {
    add('source', 'source（数据来源）不能为空，请填写国务院办公厅通知文号或来源');
  }
  if (raw.publishedAt !== undefined && !isIsoDate(raw.publishedAt)) {
    add('publishedAt', 'publishedAt（发布日期）应为YYYY-MM-DD格式的有效日期');
  }
  if (errors.length > 0 || !holidays || !workdays) return { ok: false, errors };

  const value: OfficialCalendar = {
    year: year as number,
    holidays: [...holidays].sort(),
    workdays: [...workdays].sort(),
    source: (raw.source as string).trim(),
  };
  if (typeof raw.publishedAt === 'string') value.publishedAt = raw.publishedAt;
  return { ok: true, value };
}

function dateList(
  value: unknown,
  field: string,
  label: string,
  year: number | undefined,
  add: (field: string, message: string) => void,
): string[] | undefined {
  if (!Array.isArray(value)) {
    add(field, `${field}（${label}）应为日期数组，例如 ["2027-01-01"]`);
    return undefined;
  }
  const seen = new Set<string>();
  value.forEach((d, i) => {
    const f = `${field}[${i}]`;
    if (!isIsoDate(d)) add(f, `${f}（${label}）“${String(d)}”不是有效日期，应为YYYY-MM-DD格式`);
    else if (year !== undefined && yearOf(d) !== year)
      add(f, `${f}（${label}）${d}不在${year}年内（跨年的放假或调休日期请录入到其所在年份的日历）`);
    else if (seen.has(d)) add(f, `${f}（${label}）${d}重复`);
    seen.add(String(d));
  });
  return value.filter((d): d is string => typeof d === 'string');
}

import { shiftDate } from './dates.ts';
import { type CalendarList, workingDayOrEstimate } from './official-calendar.ts';

/**
 * Working-day arithmetic over official calendars (SPEC §8.1). Two conventions are used, and they differ on
 * purpose:
 *
 * - A **deadline** "within N working days of D" (安徽: household check within 2 working days) does not count day D
 *   itself — the period starts the next day, as periods do in Chinese law (民法典 第二百零一条: 开始的当日不计入).
 *   `addWorkingDays(D, N)` is that deadline; `workingDaysBetween(D, addWorkingDays(D, N)) === N`.
 * - A **publicity** "公示5个工作日 starting on S" counts S as its first day when S is a working day (the notice is
 *   posted that morning and is readable all day); when S is not a working day the first counted day is the next
 *   working day. The period ends at the end of its N-th counted day and objections are accepted through that end
 *   date. "公示期不少于5天" (博尔塔拉) is the calendar-day variant: S is day 1, the period ends on S + N − 1.
 *
 * A period that reaches a year with no official calendar still gets an estimated end (Monday–Friday working) but is
 * flagged `uncertain` with the missing years; callers decide whether an estimate is acceptable.
 */
export interface DateAnswer {
  end: string;
  uncertain: boolean;
  /** Years with no official calendar that the computation crossed (empty when `uncertain` is false). */
  missingYears: number[];
}

export interface CountAnswer {
  days: number;
  uncertain: boolean;
  missingYears: number[];
}

export type DayUnit = 'working' | 'calendar';

/** Longest period we walk day by day (ten years): protects against a runaway `n`. */
const MAX_STEPS = 3_660 * 2;

function answer(end: string, missing: Set<number>): DateAnswer {
  const missingYears = [...missing].sort((a, b) => a - b);
  return { end, uncertain: missingYears.length > 0, missingYears };
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_STEPS) throw new RangeError(`day count must be an integer: ${n}`);
}

/**
 * The date `n` working days after `start`, not counting `start` itself (deadline convention, SPEC §8.1).
 * `n = 0` returns `start`; a negative `n` counts back (the date `|n|` working days before `start`).
 */
export function addWorkingDays(start: string, n: number, calendars: CalendarList): DateAnswer {
  assertCount(n);
  const missing = new Set<number>();
  const dir = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let date = start;
  while (left > 0) {
    date = shiftDate(date, dir);
    if (workingDayOrEstimate(date, calendars, missing)) left--;
  }
  return answer(date, missing);
}

/** The date `n` calendar days after `start` (calendar days need no official calendar). */
export function addCalendarDays(start: string, n: number): string {
  assertCount(n);
  return shiftDate(start, n);
}

/**
 * Working days in the half-open range (from, to]: the inverse of `addWorkingDays`. Negative when `to` is before
 * `from` (then it counts (to, from]). Used for "how many working days late" and the overall 20-day limit (安徽).
 */
export function workingDaysBetween(from: string, to: string, calendars: CalendarList): CountAnswer {
  const missing = new Set<number>();
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  let date = lo;
  let guard = 0;
  while (date < hi) {
    date = shiftDate(date, 1);
    if (workingDayOrEstimate(date, calendars, missing)) days++;
    if (++guard > MAX_STEPS) throw new RangeError('range too long');
  }
  const missingYears = [...missing].sort((a, b) => a - b);
  return { days: sign * days, uncertain: missingYears.length > 0, missingYears };
}

/** A publicity (公示) period, SPEC §8.1. Objections are accepted from `start` through `end` inclusive. */
export interface PublicityPeriod extends DateAnswer {
  /** The day the notice is posted. */
  start: string;
  /** The first day that counts towards `days` (= `start` unless `start` is not a working day). */
  firstCountedDay: string;
  days: number;
  unit: DayUnit;
}

/**
 * The publicity period of `days` working or calendar days posted on `start` (SPEC §8.1; convention in the module
 * comment above: a working start day counts as day 1).
 */
export function publicityPeriod(start: string, days: number, unit: DayUnit, calendars: CalendarList): PublicityPeriod {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`publicity days must be a positive integer: ${days}`);
  if (unit === 'calendar') {
    return {
      start,
      firstCountedDay: start,
      days,
      unit,
      end: shiftDate(start, days - 1),
      uncertain: false,
      missingYears: [],
    };
  }
  const missing = new Set<number>();
  const first = workingDayOrEstimate(start, calendars, missing) ? start : addWorkingDays(start, 1, calendars).end;
  const rest = addWorkingDays(first, days - 1, calendars);
  for (const y of rest.missingYears) missing.add(y);
  if (first !== start) for (const y of addWorkingDays(start, 1, calendars).missingYears) missing.add(y);
  return { start, firstCountedDay: first, days, unit, ...answer(rest.end, missing) };
}

export type PublicityPhase = 'not_started' | 'running' | 'ended';

/** Where `date` falls relative to a publicity period: 'ended' only from the day after `end` (SPEC §8.1). */
export function publicityPhase(period: Pick<PublicityPeriod, 'start' | 'end'>, date: string): PublicityPhase {
  if (date < period.start) return 'not_started';
  return date <= period.end ? 'running' : 'ended';
}

/**
 * The latest day a publicity of `days` may be posted so that it ends on or before `deadline` (会泽: village review
 * and 5 working days of publicity done by the 17th). Used to warn the village in time.
 */
export function latestPublicityStart(
  deadline: string,
  days: number,
  unit: DayUnit,
  calendars: CalendarList,
): DateAnswer {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`publicity days must be a positive integer: ${days}`);
  if (unit === 'calendar') return { end: shiftDate(deadline, -(days - 1)), uncertain: false, missingYears: [] };
  const missing = new Set<number>();
  let last = deadline;
  let guard = 0;
  while (!workingDayOrEstimate(last, calendars, missing)) {
    last = shiftDate(last, -1);
    if (++guard > MAX_STEPS) throw new RangeError('no working day found');
  }
  const back = addWorkingDays(last, -(days - 1), calendars);
  for (const y of back.missingYears) missing.add(y);
  return answer(back.end, missing);
}

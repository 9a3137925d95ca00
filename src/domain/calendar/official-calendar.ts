import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isWeekend, yearOf } from './dates.ts';

/**
 * One year of the official working calendar (国务院办公厅 holiday notice), SPEC §8.1: publicity of N working days
 * counts days as they officially are — public holidays off, 调休 make-up days on weekends worked.
 * `holidays` lists every day off for a holiday, including weekend days inside a holiday block; `workdays` lists only
 * the weekend days that are worked. Any other date is a working day on Monday–Friday and off on Saturday–Sunday.
 */
export interface OfficialCalendar {
  year: number;
  holidays: string[];
  workdays: string[];
  /** Where the data comes from: 'chinese-days@1.5.7', the number of the State Council notice, an admin's upload … */
  source: string;
  /** Date the notice was published, when known. */
  publishedAt?: string;
}

/** Calendars are passed around as a plain list, one per year; later entries for the same year win. */
export type CalendarList = readonly OfficialCalendar[];

/** The `chinese-days` version the default calendars were built from (kept in step with package.json). */
export const CHINESE_DAYS_SOURCE = 'chinese-days@1.5.7';

type ChineseDaysData = { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * The calendars shipped with the `chinese-days` package: one per year it covers (2004–2026 in 1.5.7).
 * Years after the last shipped one have no calendar until an administrator loads the official notice
 * (see `validateOfficialCalendar`); periods reaching them are flagged uncertain, never guessed silently.
 */
export function defaultCalendars(): OfficialCalendar[] {
  const data = chineseDays as ChineseDaysData;
  const byYear = new Map<number, OfficialCalendar>();
  const get = (year: number): OfficialCalendar => {
    let cal = byYear.get(year);
    if (!cal) {
      cal = { year, holidays: [], workdays: [], source: CHINESE_DAYS_SOURCE };
      byYear.set(year, cal);
    }
    return cal;
  };
  for (const date of Object.keys(data.holidays)) get(yearOf(date)).holidays.push(date);
  for (const date of Object.keys(data.workdays)) get(yearOf(date)).workdays.push(date);
  return [...byYear.values()]
    .map((c) => ({ ...c, holidays: c.holidays.sort(), workdays: c.workdays.sort() }))
    .sort((a, b) => a.year - b.year);
}

/** Years covered by a list of calendars, ascending. */
export function calendarYears(calendars: CalendarList): number[] {
  return [...new Set(calendars.map((c) => c.year))].sort((a, b) => a - b);
}

/**
 * Replace or add one year's calendar; the result is a new list (SPEC §3: an admin-loaded calendar for a new year
 * completes the shipped ones).
 */
export function withCalendar(calendars: CalendarList, calendar: OfficialCalendar): OfficialCalendar[] {
  return [...calendars.filter((c) => c.year !== calendar.year), calendar].sort((a, b) => a.year - b.year);
}

interface YearIndex {
  holidays: Set<string>;
  workdays: Set<string>;
}

// Memoised per list object: the lists are immutable values, so this is a cache, not state.
const indexCache = new WeakMap<CalendarList, Map<number, YearIndex>>();

function indexOf(calendars: CalendarList): Map<number, YearIndex> {
  let idx = indexCache.get(calendars);
  if (!idx) {
    idx = new Map();
    for (const c of calendars) idx.set(c.year, { holidays: new Set(c.holidays), workdays: new Set(c.workdays) });
    indexCache.set(calendars, idx);
  }
  return idx;
}

/** Whether `calendars` has an official calendar for the year of `date`. */
export function hasCalendarFor(date: string, calendars: CalendarList): boolean {
  return indexOf(calendars).has(yearOf(date));
}

/**
 * Is `date` an official working day (SPEC §8.1)? `undefined` when its year has no calendar: the answer is unknown,
 * and callers must not treat it as "no".
 */
export function isWorkingDay(date: string, calendars: CalendarList): boolean | undefined {
  const year = indexOf(calendars).get(yearOf(date));
  if (!year) return undefined;
  if (year.workdays.has(date)) return true;
  if (year.holidays.has(date)) return false;
  return !isWeekend(date);
}

/**
 * Working-day answer used inside period arithmetic: for a year without a calendar it falls back to "Monday–Friday"
 * and reports the year as missing, so the caller gets an estimate plus the flag.
 */
export function workingDayOrEstimate(date: string, calendars: CalendarList, missing: Set<number>): boolean {
  const known = isWorkingDay(date, calendars);
  if (known !== undefined) return known;
  missing.add(yearOf(date));
  return !isWeekend(date);
}

/**
 * Years an administrator should load now (issue 10 point 6): the current year, and from November the next one (the
 * State Council publishes the next year's arrangement in October–December). Work never waits for them — dates in
 * such a year are estimated (weekends only) and say so — but the alert stays until the year is loaded.
 */
export function calendarYearsToLoad(calendars: CalendarList, today: string): number[] {
  const year = yearOf(today);
  const wanted = Number(today.slice(5, 7)) >= 11 ? [year, year + 1] : [year];
  const have = new Set(calendarYears(calendars));
  return wanted.filter((y) => !have.has(y));
}

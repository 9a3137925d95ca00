import { daysInMonth, isIsoMonth, nextMonth, shiftDate } from '../calendar/dates.ts';
import { type CalendarList, isWorkingDay } from '../calendar/official-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { ProcedureTemplate, StepDeadline, StepLevel } from './types.ts';

/**
 * What to do when a day-of-month deadline (会泽 "3号前" …) falls on a day off. The documents are silent, so the
 * default keeps the calendar day; a county may configure moving it (SPEC §8.2).
 */
export type DayOfMonthRule = 'keep' | 'previous_working_day' | 'next_working_day';

export interface StepDue {
  stepIndex: number;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  /** Last day to complete the step (inclusive); null when neither the step nor any later step has a deadline. */
  due: string | null;
  /** True when `due` comes from the step's own rule, false when inherited from a later step's deadline. */
  own: boolean;
  /** Chinese description of the rule: "每月17日前", "上一步骤完成后2个工作日内" … */
  basis: string;
  /** The due date falls on a day that is not a working day (kept as the documents write it). */
  onDayOff: boolean;
  uncertain: boolean;
  missingYears: number[];
}

export interface DeadlineOptions {
  /** Round month 'YYYY-MM' for day-of-month rules; default: see `roundMonthFor`. */
  cycleMonth?: string;
  /** Actual completion dates by step index: "from previous" rules count from these when known. */
  completedOn?: readonly (string | undefined)[];
  dayOfMonthRule?: DayOfMonthRule;
}

export function describeDeadline(d: StepDeadline): string {
  switch (d.kind) {
    case 'day_of_month':
      return `每月${d.day}日前`;
    case 'working_days_from_previous':
      return `上一步骤完成后${d.days}个工作日内`;
    case 'working_days_from_start':
      return `启动后${d.days}个工作日内`;
    case 'calendar_days_from_previous':
      return `上一步骤完成后${d.days}日内`;
  }
}

/**
 * The round a case started on `startDate` belongs to (SPEC §8.2): its own month if it started by the first
 * day-of-month deadline (会泽: collect by the 3rd), otherwise the next month's round.
 */
export function roundMonthFor(template: ProcedureTemplate, startDate: string): string {
  const first = template.steps.find((s) => s.deadline?.kind === 'day_of_month')?.deadline as
    | { day: number }
    | undefined;
  const month = startDate.slice(0, 7);
  if (!first) return month;
  return Number(startDate.slice(8, 10)) <= first.day ? month : nextMonth(month);
}

/** `day` of `month`, clamped to the month's last day (a 31 in February is the 28th/29th). */
export function dayInMonth(month: string, day: number): string {
  return `${month}-${String(Math.min(day, daysInMonth(month))).padStart(2, '0')}`;
}

function moveOffDay(date: string, rule: DayOfMonthRule, calendars: CalendarList): string {
  if (rule === 'keep') return date;
  const dir = rule === 'previous_working_day' ? -1 : 1;
  let d = date;
  for (let i = 0; i < 31 && isWorkingDay(d, calendars) === false; i++) d = shiftDate(d, dir);
  return d;
}

/**
 * Due dates of every step of `template` for a case started on `startDate` (SPEC §8.1, §8.2). Rules "from the
 * previous step" count from the previous step's actual completion when `completedOn` has it, else from its due
 * date. A step without its own deadline is due by the earliest later deadline (it must be done before them).
 */
export function computeDeadlines(
  template: ProcedureTemplate,
  startDate: string,
  calendars: CalendarList,
  options: DeadlineOptions = {},
): StepDue[] {
  const month = options.cycleMonth ?? roundMonthFor(template, startDate);
  if (!isIsoMonth(month)) throw new RangeError(`cycleMonth must be YYYY-MM: ${month}`);
  const rule = options.dayOfMonthRule ?? 'keep';
  const out: StepDue[] = [];
  let anchor = startDate; // where "from previous" rules count from
  template.steps.forEach((step, i) => {
    const d = step.deadline;
    let due: string | null = null;
    let missingYears: number[] = [];
    if (d?.kind === 'day_of_month') due = moveOffDay(dayInMonth(month, d.day), rule, calendars);
    else if (d?.kind === 'calendar_days_from_previous') due = shiftDate(anchor, d.days);
    else if (d) {
      const r = addWorkingDays(d.kind === 'working_days_from_start' ? startDate : anchor, d.days, calendars);
      due = r.end;
      missingYears = r.missingYears;
    }
    const known = due ? isWorkingDay(due, calendars) : true;
    if (due && known === undefined) missingYears = [...new Set([...missingYears, Number(due.slice(0, 4))])];
    out.push({
      stepIndex: i,
      stepCode: step.code,
      stepName: step.name,
      level: step.level,
      due,
      own: d !== undefined,
      basis: d ? describeDeadline(d) : '随后续步骤时限',
      onDayOff: known === false,
      uncertain: missingYears.length > 0,
      missingYears,
    });
    anchor = options.completedOn?.[i] ?? due ?? anchor;
  });
  // A step without its own rule inherits the earliest later deadline.
  let laterMin: StepDue | undefined;
  for (let i = out.length - 1; i >= 0; i--) {
    const s = out[i] as StepDue;
    if (!s.own && laterMin) {
      Object.assign(s, {
        due: laterMin.due,
        onDayOff: laterMin.onDayOff,
        uncertain: laterMin.uncertain,
        missingYears: laterMin.missingYears,
      });
    }
    if (s.due && (!laterMin?.due || s.due <= laterMin.due)) laterMin = s;
  }
  return out;
}

import { isIsoMonth } from '../calendar/dates.ts';
import type { CalendarList } from '../calendar/official-calendar.ts';
import { type DayUnit, latestPublicityStart } from '../calendar/working-days.ts';
import { computeDeadlines, type DayOfMonthRule } from '../procedures/deadlines.ts';
import type { ProcedureTemplate, StepLevel } from '../procedures/types.ts';

/**
 * The monthly routine round (会泽 常态化监测, SPEC §8.2): without a concentrated screening (集中排查) that month, one
 * round runs with day-of-month deadlines for each step; in a month with a concentrated screening the round is
 * skipped (会泽: "集中大排查当月不再重复开展常态化监测").
 */
export interface MonthlyCycleInput {
  month: string;
  template: ProcedureTemplate;
  concentratedScreening: boolean;
  calendars: CalendarList;
  /** The documents are silent on deadlines falling on a day off: 'keep' (default) keeps the calendar day. */
  dayOfMonthRule?: DayOfMonthRule;
}

export interface CycleStep {
  stepIndex: number;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  /** Last day of the step (inclusive); late from the next day. */
  due: string;
  /** `due` is a holiday or weekend; kept as the document writes it unless `dayOfMonthRule` moves it. */
  onDayOff: boolean;
  /**
   * For a publicity step: the latest day the notice can be posted so the publicity ends by `due`, and whether that
   * leaves room after the previous step's deadline (会泽: 5 working days between the 12th and the 17th often do not fit).
   */
  publicity?: { days: number; unit: DayUnit; latestStart: string; fitsAfterPreviousStep: boolean; uncertain: boolean };
}

export interface MonthlyCycle {
  skipped: false;
  month: string;
  templateCode: string;
  templateVersion: number;
  steps: CycleStep[];
  /** Some date could only be estimated: a year has no official calendar. */
  uncertain: boolean;
  missingYears: number[];
}

export interface SkippedCycle {
  skipped: true;
  month: string;
  reason: 'concentrated_screening' | 'template_not_monthly';
  /** Chinese explanation for the screen. */
  message: string;
}

export type MonthlyCycleResult = MonthlyCycle | SkippedCycle;

/** The month's step deadlines (SPEC §8.2), or why there is no routine round this month. */
export function monthlyCycle(input: MonthlyCycleInput): MonthlyCycleResult {
  const { month, template, calendars } = input;
  if (!isIsoMonth(month)) throw new RangeError(`month must be YYYY-MM: ${month}`);
  if (input.concentratedScreening) {
    return {
      skipped: true,
      month,
      reason: 'concentrated_screening',
      message: `${month}开展集中排查，当月不再重复开展常态化监测`,
    };
  }
  if (!template.steps.some((s) => s.deadline?.kind === 'day_of_month')) {
    return {
      skipped: true,
      month,
      reason: 'template_not_monthly',
      message: `程序模板“${template.name}”未按每月时间节点设定时限，不适用按月常态化监测`,
    };
  }
  const dues = computeDeadlines(template, `${month}-01`, calendars, {
    cycleMonth: month,
    ...(input.dayOfMonthRule ? { dayOfMonthRule: input.dayOfMonthRule } : {}),
  });
  const missing = new Set<number>(dues.flatMap((d) => d.missingYears));
  const steps: CycleStep[] = [];
  dues.forEach((d, i) => {
    if (!d.due) return;
    const step: CycleStep = {
      stepIndex: d.stepIndex,
      stepCode: d.stepCode,
      stepName: d.stepName,
      level: d.level,
      due: d.due,
      onDayOff: d.onDayOff,
    };
    const pub = template.steps[i]?.publicity;
    if (pub) {
      const latest = latestPublicityStart(d.due, pub.days, pub.unit, calendars);
      for (const y of latest.missingYears) missing.add(y);
      const prevDue = dues.slice(0, i).findLast((p) => p.due)?.due;
      step.publicity = {
        days: pub.days,
        unit: pub.unit,
        latestStart: latest.end,
        fitsAfterPreviousStep: prevDue === undefined || prevDue === null || latest.end >= prevDue,
        uncertain: latest.uncertain,
      };
    }
    steps.push(step);
  });
  const missingYears = [...missing].sort((a, b) => a - b);
  return {
    skipped: false,
    month,
    templateCode: template.code,
    templateVersion: template.version,
    steps,
    uncertain: missingYears.length > 0,
    missingYears,
  };
}

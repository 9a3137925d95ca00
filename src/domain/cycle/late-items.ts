import { daysBetween } from '../calendar/dates.ts';
import type { ActorLevel, StepLevel } from '../procedures/types.ts';
import type { MonthlyCycleResult } from './monthly-cycle.ts';

/**
 * Late work in a monthly round (SPEC §8.2): what is late at each level, each late item visible to its own level and
 * one level up (village → township, township → county, county → prefecture; a department's items go to the county,
 * which runs the comparison).
 */
export interface CycleItem {
  /** The caller's id: a case, a village's batch … */
  id: string;
  /** The step this item is about. */
  stepCode: string;
  /** When the step was done for this item; absent while still open. */
  completedOn?: string;
  /** Passed through for the caller's scope filter (usually the village code). */
  regionCode?: string;
}

export type LateKind = 'overdue' | 'completed_late';

export interface LateItem {
  id: string;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  due: string;
  kind: LateKind;
  /** Calendar days past `due` (to today when open, to completion when done late). */
  daysLate: number;
  /** Levels that must see the item: its own and the one above (SPEC §8.2). */
  visibleTo: ActorLevel[];
  regionCode?: string;
}

export interface LateReport {
  items: LateItem[];
  byLevel: Record<StepLevel, LateItem[]>;
  /** Items whose step code is not in the round (wrong template or a step without deadline). */
  unknownSteps: string[];
}

export const VISIBLE_TO: Readonly<Record<StepLevel, ActorLevel[]>> = {
  village: ['village', 'township'],
  township: ['township', 'county'],
  county: ['county', 'prefecture'],
  department: ['department', 'county'],
};

/**
 * Classifies the items of a round on `today` (SPEC §8.2). A deadline is inclusive ("3号前完成": done on the 3rd is
 * on time); an open item is late from the next day; a done item is late when completed after its due date.
 */
export function lateItems(cycle: MonthlyCycleResult, items: readonly CycleItem[], today: string): LateReport {
  const byLevel: Record<StepLevel, LateItem[]> = { village: [], township: [], county: [], department: [] };
  const report: LateReport = { items: [], byLevel, unknownSteps: [] };
  if (cycle.skipped) return report;
  const steps = new Map(cycle.steps.map((s) => [s.stepCode, s]));
  for (const item of items) {
    const step = steps.get(item.stepCode);
    if (!step) {
      if (!report.unknownSteps.includes(item.stepCode)) report.unknownSteps.push(item.stepCode);
      continue;
    }
    const end = item.completedOn ?? today;
    if (end <= step.due) continue;
    const late: LateItem = {
      id: item.id,
      stepCode: step.stepCode,
      stepName: step.stepName,
      level: step.level,
      due: step.due,
      kind: item.completedOn ? 'completed_late' : 'overdue',
      daysLate: daysBetween(step.due, end),
      visibleTo: [...VISIBLE_TO[step.level]],
      ...(item.regionCode ? { regionCode: item.regionCode } : {}),
    };
    report.items.push(late);
    byLevel[step.level].push(late);
  }
  return report;
}

/** The late items a user of `level` must see: their own level's and those of the level below (SPEC §8.2). */
export function lateItemsVisibleTo(report: LateReport, level: ActorLevel): LateItem[] {
  return report.items.filter((i) => i.visibleTo.includes(level));
}

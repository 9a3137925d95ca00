import type { CaseDetail, StepDeadline, StepLevel } from '../api/cases';
import type { Role } from '../api/types';

/**
 * The procedure level a user acts at, mirroring the server (src/modules/cases/case-levels.ts): admins act as the
 * county, supervisors only oversee. The server decides; the app only hides buttons a level could not use.
 */
const LEVEL_OF_ROLE: Record<Role, string> = {
  village: 'village',
  township: 'township',
  county: 'county',
  admin: 'county',
  department: 'department',
  supervisor: 'prefecture',
  // no monitoring work (三员分立)
  security_admin: 'province',
  audit_admin: 'province',
  // keeps the fund library, acts on no procedure step (docs/decisions/0036)
  project_officer: 'province',
};

export const levelOfRole = (role: Role): string => LEVEL_OF_ROLE[role];

const ORDER = ['village', 'township', 'county'];

/** Which actions a user of `role` could take on the case as it stands (src/domain/procedures/case-machine.ts). */
export function caseAbilities(c: CaseDetail, role: Role) {
  const level = levelOfRole(role);
  const finished = c.outcome !== null;
  const act = c.canAct && !finished && level === c.step.level;
  const lastDone = c.state.completed.at(-1);
  const lastDoneLevel = lastDone ? c.state.template.steps[lastDone.stepIndex]?.level : undefined;
  const answerLevels = ORDER.slice(Math.max(0, ORDER.indexOf(c.step.level)));
  return {
    level,
    /** Upload, meeting, publicity, complete, return, reject. */
    act,
    /** Close with a result: the step's level or the county. */
    close: c.canAct && !finished && (level === c.step.level || level === 'county'),
    /** Undo the last completed step: the level of that step, never after a rejection or closure. */
    reverse:
      c.canAct &&
      lastDoneLevel === level &&
      (c.outcome === null || c.outcome === 'completed') &&
      c.state.completed.length > 0,
    recordObjection: c.canAct && !finished && ORDER.includes(level),
    answerObjection: c.canAct && !finished && answerLevels.includes(level),
  };
}

export type CaseAbilities = ReturnType<typeof caseAbilities>;

/** The deadline rule in words, as the server describes it (src/domain/procedures/deadlines.ts). */
export function describeDeadline(d: StepDeadline | undefined): string {
  if (!d) return '未规定时限';
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

export const levelColour: Record<StepLevel, string> = {
  village: 'green',
  township: 'blue',
  county: 'purple',
  department: 'orange',
};

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Today as YYYY-MM-DD in China (UTC+8), the date the server judges deadlines on. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

import type { DayUnit } from '../calendar/working-days.ts';

/**
 * Procedure templates as data (SPEC §8.1, §8.3). A county picks a shipped template or adapts one
 * (`validateTemplate`); every case keeps a snapshot of the template and version it started with.
 */

/** The level that acts on a step (SPEC §8.1). Prefecture and province only oversee; they never act. */
export type StepLevel = 'village' | 'township' | 'county' | 'department';

/** A user's level; supervisors (`prefecture`, `province`) can read but never act on a step. */
export type ActorLevel = StepLevel | 'prefecture' | 'province';

export type RecordKind = 'form' | 'document' | 'minutes' | 'photo' | 'notice' | 'list' | 'system';

/** Something a step must leave on file (SPEC §8.1: documents, meeting minutes, photos). */
export interface RecordRequirement {
  code: string;
  /** Chinese name shown to users: 《授权承诺书》, 评议会议记录 … */
  name: string;
  kind: RecordKind;
  /** Optional records are listed for the user but do not block completion. */
  required: boolean;
  /**
   * Other record codes that satisfy this requirement instead, e.g. a household that refuses consent to
   * elimination: the survey record of the refusal stands in for the consent form (SPEC §8.3).
   */
  alternatives?: string[];
}

/**
 * When a step is due (SPEC §8.1, §8.2):
 * - `day_of_month`: by that day of the round's month (会泽: 3/5/8/12/17/19/23/27);
 * - `working_days_from_previous`: N working days after the previous step was completed (start day not counted);
 * - `working_days_from_start`: N working days after the case started (安徽: whole procedure within 20);
 * - `calendar_days_from_previous`: N calendar days after the previous step.
 */
export type StepDeadline =
  | { kind: 'day_of_month'; day: number }
  | { kind: 'working_days_from_previous'; days: number }
  | { kind: 'working_days_from_start'; days: number }
  | { kind: 'calendar_days_from_previous'; days: number };

/** 三告知 (SPEC §8.1, 枣庄): which step's completion produces which notice to the household. */
export type NotificationKind = 'acceptance' | 'identification' | 'exit';

export interface StepDef {
  code: string;
  /** Chinese step name as the document writes it. */
  name: string;
  level: StepLevel;
  /** What the step is for, in Chinese, quoted or condensed from the source document. */
  description?: string;
  records: RecordRequirement[];
  /**
   * The step's own deadline. Absent when the source document gives none; such a step is then due by the next
   * step's deadline (it must be done before the next one can be), or has no deadline at all.
   */
  deadline?: StepDeadline;
  publicity?: PublicityDef;
  notification?: NotificationKind;
  /** The village review meeting (民主评议): attendance and votes are recorded (SPEC §8.1). */
  meeting?: true;
}

/** A step's publicity (公示, SPEC §8.1). */
export interface PublicityDef {
  days: number;
  unit: DayUnit;
  /**
   * Where an objection found true (异议属实) sends the case: the code of a village step at or before this one
   * (会泽: back to 实地入户调查). Absent: this step itself — review and publicise again.
   */
  upheldReturnsTo?: string;
}

export type ProcedureKind = 'inclusion' | 'elimination';

export interface ProcedureTemplate {
  code: string;
  name: string;
  kind: ProcedureKind;
  version: number;
  /** Which document the template comes from, or that it is an adaptation. */
  source?: string;
  /** Numbers the source documents do not fix and the template chose as defaults (SPEC: "default"). */
  defaults?: string[];
  steps: StepDef[];
  /**
   * Set on a case's snapshot when the region's single-level publicity rule was applied at its start (issue 10
   * point 3, `applyPublicityLevels`): publicity in the village only, for `days` working days.
   */
  publicityLevels?: { mode: 'village_only'; days: number };
}

export const LEVEL_NAMES: Readonly<Record<ActorLevel, string>> = {
  village: '村级',
  township: '乡镇',
  county: '县级',
  department: '行业部门',
  prefecture: '州（市）级',
  province: '省级',
};

import { RECORDS as R } from '../records.ts';
import type { ProcedureTemplate } from '../types.ts';

/**
 * The shape of a working-day template (SPEC §8.1: "within N working days of the previous step or of the start").
 * Only the two numbers come from SPEC (安徽 2 and 20, 甘肃 5 and 15); the step list is the common national sequence
 * and is marked as a default. Steps without their own deadline are due by the overall limit.
 */
export function workingDaysVariant(opts: {
  code: string;
  name: string;
  checkDays: number;
  totalDays: number;
  source: string;
}): ProcedureTemplate {
  return {
    code: opts.code,
    name: opts.name,
    kind: 'inclusion',
    version: 1,
    source: opts.source,
    defaults: ['步骤划分为示例（SPEC只给出入户核实和全程时限）', '村级公示5个工作日'],
    steps: [
      {
        code: 'accept',
        name: '受理申请',
        level: 'village',
        records: [R.application, R.authorization],
        notification: 'acceptance',
      },
      {
        code: 'household_check',
        name: '入户核实',
        level: 'village',
        records: [R.surveyForm, R.surveyPhotos],
        deadline: { kind: 'working_days_from_previous', days: opts.checkDays },
      },
      {
        code: 'village_review',
        name: '村级评议公示',
        level: 'village',
        records: [R.reviewMinutes, R.committeeDecision, R.publicityNotice, R.publicityPhotos, R.objectionHandling],
        publicity: { days: 5, unit: 'working' },
        meeting: true,
      },
      {
        code: 'township_review',
        name: '乡镇审核',
        level: 'township',
        records: [R.spotCheck, R.measures],
      },
      {
        code: 'county_confirm',
        name: '县级确定',
        level: 'county',
        records: [R.countyApproval, R.systemEntry],
        deadline: { kind: 'working_days_from_start', days: opts.totalDays },
        notification: 'identification',
      },
    ],
  };
}

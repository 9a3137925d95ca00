import { RECORD_CODES_OF_PUBLICITY } from './records.ts';
import type { ProcedureTemplate, StepDef } from './types.ts';

/**
 * Which publicity a region's cases hold (issue 10 point 3; region setting `publicity.levels`):
 * - `template`: every publicity the template names, at the levels it names them (the seeds' documents: the village
 *   publicises, some add a township or county publicity or announcement);
 * - `village_only`: the counties' rule since 2024 — publicity happens once, in the village, for at least `days`
 *   working days (never fewer than 5); the township and county steps hold none.
 */
export type PublicityLevels = { mode: 'template' } | { mode: 'village_only'; days: number };

/** The 2024 rule's minimum: "在村内公示，公示期不少于5个工作日". A setting below it is refused. */
export const MIN_SINGLE_LEVEL_DAYS = 5;

export const PUBLICITY_LEVEL_MODES = ['template', 'village_only'] as const;

/** Reads the setting's stored value; anything else than village-only is the template's own publicity. */
export function publicityLevelsOf(value: unknown): PublicityLevels {
  const v = (value ?? {}) as { mode?: unknown; villageDays?: unknown };
  if (v.mode !== 'village_only') return { mode: 'template' };
  const days = typeof v.villageDays === 'number' && Number.isInteger(v.villageDays) ? v.villageDays : 0;
  return { mode: 'village_only', days: Math.max(MIN_SINGLE_LEVEL_DAYS, days) };
}

/** A step above the village whose only purpose is publicity: every record it asks for is a publicity record. */
const publicityOnly = (s: StepDef) =>
  !s.notification && !s.meeting && s.records.every((r) => RECORD_CODES_OF_PUBLICITY.has(r.code));

/**
 * The template a case opens on under a region's publicity rule. `template` changes nothing. `village_only`:
 * - each village publicity lasts the longer of the template's length and `days`, counted in working days (a
 *   template's "不少于5天" in calendar days becomes 5 working days — the rule's unit, never shorter);
 * - a township or county step that exists only for publicity (a 乡镇公示, a 县级公告 step) is skipped — left out of
 *   the case's snapshot, so the machine, the deadlines and the notices never see it;
 * - any other step above the village keeps its work but loses its publicity and its publicity records (公示材料,
 *   公示照片, 县市公告): nothing is posted beyond the village.
 * The result records the rule it applied (`publicityLevels`), so a case's file says which rule it ran under; a
 * running case keeps its snapshot when the setting changes later (SPEC §8.1).
 */
export function applyPublicityLevels(template: ProcedureTemplate, rule: PublicityLevels): ProcedureTemplate {
  if (rule.mode !== 'village_only') return template;
  const days = Math.max(MIN_SINGLE_LEVEL_DAYS, rule.days);
  const steps: StepDef[] = [];
  for (const s of template.steps) {
    if (s.level === 'village') {
      if (!s.publicity) steps.push(s);
      else {
        const longer = Math.max(days, s.publicity.days);
        steps.push({ ...s, publicity: { ...s.publicity, days: longer, unit: 'working' } });
      }
      continue;
    }
    const holdsPublicity = !!s.publicity || s.records.some((r) => RECORD_CODES_OF_PUBLICITY.has(r.code));
    if (!holdsPublicity) {
      steps.push(s);
      continue;
    }
    if (publicityOnly(s)) continue;
    const { publicity: _dropped, ...rest } = s;
    steps.push({ ...rest, records: s.records.filter((r) => !RECORD_CODES_OF_PUBLICITY.has(r.code)) });
  }
  return { ...template, steps, publicityLevels: { mode: 'village_only', days } };
}

/** The steps a rule skips, by code (for the settings page and the case file: "乡镇公示（按单级公示规定不再进行）"). */
export function skippedSteps(template: ProcedureTemplate, rule: PublicityLevels): StepDef[] {
  const kept = new Set(applyPublicityLevels(template, rule).steps.map((s) => s.code));
  return template.steps.filter((s) => !kept.has(s.code));
}

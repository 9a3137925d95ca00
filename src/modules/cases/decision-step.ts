import type { Transaction, Updateable } from 'kysely';
import type { CasesTable, DB } from '../../db/schema.ts';
import type { AssessmentResult } from '../../domain/assessment/index.ts';
import { CATEGORY_LABELS } from '../../domain/procedures/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { ActionInput } from './act-on-case.ts';

interface CaseForDecision {
  kind: 'inclusion' | 'elimination';
  householdId: string;
  assessment: unknown;
}

const summary = (r: AssessmentResult) =>
  r.reasons
    .filter((x) => !/below_threshold|unknown|not_applicable|\.none$/.test(x.rule))
    .map((x) => x.text)
    .slice(0, 4)
    .join('；');

/**
 * The decision steps (SPEC §7, §8.3): when the county confirms an inclusion (认定) or the final elimination step is
 * completed (退出), the household is assessed with the rules of SPEC §7.3 on its registry figures and newest survey,
 * and the decision must agree — every decision names its rules and figures.
 * - inclusion: `include` proceeds with the suggested category (or another one with a recorded reason);
 *   `county_review` (an exclusion situation with a major family event) proceeds only as the county leading group's
 *   decision (`decision: 'leading_group_approved'` with the written explanation); `no_risk` and `exclude` cannot be
 *   confirmed — the case is rejected instead, with the reasons.
 * - elimination: `eliminate` or `exclude` proceed; `keep_monitoring` (no labour capacity: never marked eliminated
 *   after backstop) and `continue` (weak stability: keep assisting) refuse.
 */
export async function decideAtDecisionStep(
  trx: Transaction<DB>,
  assessments: Pick<HouseholdAssessmentService, 'assess'>,
  actor: Actor,
  c: CaseForDecision,
  notification: 'identification' | 'exit',
  input: ActionInput,
): Promise<Updateable<CasesTable>> {
  const latest = await trx
    .selectFrom('household_incomes')
    .select((e) => e.fn.max('year').as('year'))
    .where('household_id', '=', c.householdId)
    .executeTakeFirst();
  // The year given at the step, else the year the case was opened for (an effectiveness review's year: the review
  // and elimination read the same picture, SPEC §7.4), else the newest year with income figures.
  const caseYear = (c.assessment as { year?: unknown } | null)?.year;
  const year =
    input.assessmentYear ??
    (typeof caseYear === 'number' ? caseYear : undefined) ??
    (latest?.year as number | undefined);
  if (!year) throw new AppError('ASSESS_INCOME_MISSING', '该户尚未录入收支，无法研判', { field: 'income' });
  const mode = c.kind === 'inclusion' ? 'identification' : 'elimination';
  const { result, conflicts } = await assessments.assess(actor, c.householdId, { year, mode }, trx);
  // Conflicts between sources are shown, never silently resolved: the cadre confirms or explains them (核实说明)
  // before the decision step completes, and the explanation is kept with the case (SPEC §7.4).
  const note = input.verificationNote?.trim();
  if (conflicts.length > 0 && !note) {
    throw new AppError(
      'CASE_CONFLICTS_UNEXPLAINED',
      `家庭情况中有${conflicts.length}处数据不一致，须核实并填写核实说明后才能完成本步骤：${conflicts
        .map((x) => x.text)
        .join('；')}`,
      { field: 'verificationNote', conflicts },
    );
  }
  const verification =
    conflicts.length > 0
      ? { note, by: actor.username, conflicts: conflicts.map((x) => ({ key: x.key, text: x.text, used: x.used })) }
      : null;
  const stored = { ...(c.assessment as object), year, result, reasonText: summary(result), verification };
  const base = { assessment: JSON.stringify(stored) };

  if (c.kind === 'elimination' || notification === 'exit') {
    if (result.decision === 'keep_monitoring') {
      throw new AppError(
        'CASE_KEEP_MONITORING',
        `该户无劳动能力，落实兜底保障后不标注风险消除，继续监测：${summary(result)}`,
        { assessment: result },
      );
    }
    if (result.decision === 'continue') {
      throw new AppError('CASE_RISK_NOT_STABLE', `风险尚未稳定消除，应继续帮扶：${summary(result)}`, {
        assessment: result,
      });
    }
    return base;
  }

  if (result.decision === 'no_risk' || result.decision === 'exclude') {
    const why =
      result.decision === 'exclude' ? `属于不纳入情形（第${result.exclusions.join('、')}类）` : '未发现返贫致贫风险';
    throw new AppError(
      'CASE_NOT_ELIGIBLE',
      `研判结果为${why}，不能确定纳入；如不纳入，请作出“不予认定”决定并说明理由：${summary(result)}`,
      { assessment: result },
    );
  }
  if (result.decision === 'county_review' && (input.decision !== 'leading_group_approved' || !input.note?.trim())) {
    throw new AppError(
      'CASE_LEADING_GROUP_REQUIRED',
      `该户属于第${result.exclusions.join('、')}类不纳入情形但有重大家庭变故，须经县级领导小组调查后决定，并填写向社会的书面说明（decision=leading_group_approved）`,
      { assessment: result },
    );
  }
  const suggested = result.category ?? 'marginal';
  const category = input.category ?? suggested;
  if (category !== suggested && !input.categoryReason?.trim()) {
    throw new AppError(
      'CASE_CATEGORY_REASON',
      `建议类别为${CATEGORY_LABELS[suggested]}，改为${CATEGORY_LABELS[category]}须说明理由`,
      { field: 'categoryReason' },
    );
  }
  return {
    ...base,
    category,
    category_reason: category !== suggested ? input.categoryReason : null,
    risk_types: result.riskTypes,
  };
}

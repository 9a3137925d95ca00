import type { AssessmentResult, Reason } from '../assessment/index.ts';
import type { HouseholdPicture, Provenance } from './picture.types.ts';

export type SourcedReason = Reason & { sources: Provenance[] };
export type SourcedResult = Omit<AssessmentResult, 'reasons'> & { reasons: SourcedReason[] };

/** The picture fact a reason rests on: the field it names, else by the rule's area. */
const RISK_FACTS: Record<string, string> = {
  'risk.education.dropout_recorded': 'risks.dropout',
  'risk.housing.dangerous': 'risks.housingAppraisal',
  'risk.industry.loss': 'risks.industryLoss',
  'risk.medical.unaffordable': 'risks.medicalUnaffordable',
  'risk.other.labor_loss': 'risks.laborLoss',
  'risk.water.unsafe': 'risks.waterUnsafe',
};

function factKey(reason: Reason): string | null {
  const field = reason.figures.field;
  if (typeof field === 'string') return field.replace(/^households\[\d+\]\./, '');
  const risk = RISK_FACTS[reason.rule];
  if (risk) return risk;
  if (reason.rule.startsWith('risk.medical')) return 'rigidExpenditure.medical';
  if (reason.rule.startsWith('income.')) return 'income';
  if (reason.rule.startsWith('risk.income_drop')) return 'previousIncome';
  return null;
}

/**
 * Every reason names where its facts came from (SPEC §7.1, §7.4; issue 9): "属于第3类情形…（依据：公安局2026年10月车辆
 * 登记：成员张某购买小型普通客车（2026-06-10））". Reasons whose facts came from a department or a survey say so in
 * the text; all carry their sources for the exchange format and the 研判 panel.
 */
export function attachProvenance(result: AssessmentResult, picture: HouseholdPicture): SourcedResult {
  const byKey = new Map(picture.facts.map((f) => [f.key, f.sources]));
  return {
    ...result,
    reasons: result.reasons.map((r) => {
      const key = factKey(r);
      const sources = (key ? byKey.get(key) : undefined) ?? [];
      const cited = sources.filter((s) => s.kind !== 'registry' || r.rule.startsWith('income.'));
      const text = cited.length > 0 ? `${r.text}（依据：${cited.map((s) => s.text).join('；')}）` : r.text;
      return { ...r, text, sources };
    }),
  };
}

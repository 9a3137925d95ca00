import type { EffectivenessReview } from './effectiveness-review.ts';
import { RISK_TYPE_NAMES, type RiskType } from './household-facts.ts';

/** The elimination rules' verdict on the household picture of the reviewed year (SPEC §7.3, §7.4). */
export interface EliminationVerdictFacts {
  decision: 'eliminate' | 'continue' | 'keep_monitoring' | 'exclude';
  riskTypes: readonly string[];
  reasons: readonly { rule: string; text: string }[];
}

const WHY = /^(elimination\.(previous_year_below_line|risk_remaining|no_labor|backstop_)|risk\.|income\.below_line)/;
const NOT_WHY = /below_threshold|unknown|not_applicable|\.none$|outside_compulsory/;

/**
 * The review opens an elimination case only when the elimination rules say `eliminate` (or `exclude`: wrongly
 * included, corrected through the same procedure) on the same picture, year and line (SPEC §8.3; issue 9 point 7).
 * Otherwise the review's outcome follows the rules and says which risk remains, instead of opening a case that passes
 * publicity and county confirmation and fails at its last step. Pure.
 */
export function gateOnEliminationRules(
  review: EffectivenessReview,
  verdict: EliminationVerdictFacts | null,
  year: number,
): EffectivenessReview {
  if (review.outcome !== 'start_elimination') return review;
  if (verdict === null) {
    return {
      ...review,
      outcome: 'continue_assistance',
      reasons: [
        ...review.reasons,
        {
          rule: 'elimination.rules_unavailable',
          text: `该户没有${year}年收支数据，风险消除规则无法研判，暂不启动风险消除程序`,
        },
      ],
      followUps: [`录入${year}年家庭收支后再评议是否消除风险`, ...review.followUps.slice(1)],
    };
  }
  if (verdict.decision === 'eliminate' || verdict.decision === 'exclude') {
    const text =
      verdict.decision === 'eliminate'
        ? `按${year}年家庭情况，风险消除规则研判结果为“风险消除”`
        : `按${year}年家庭情况属于不纳入情形，应按程序纠正`;
    return { ...review, reasons: [...review.reasons, { rule: `elimination.rules_${verdict.decision}`, text }] };
  }
  const remaining = verdict.riskTypes.filter((r): r is RiskType => r in RISK_TYPE_NAMES);
  const why = verdict.reasons.filter((r) => WHY.test(r.rule) && !NOT_WHY.test(r.rule)).map((r) => r.text);
  const head =
    verdict.decision === 'keep_monitoring'
      ? `按${year}年家庭情况，风险消除规则研判结果为“继续监测”（无劳动能力）`
      : `按${year}年家庭情况，风险消除规则研判结果为“继续帮扶”${
          remaining.length > 0 ? `，仍存在${remaining.map((r) => RISK_TYPE_NAMES[r]).join('、')}风险` : ''
        }`;
  return {
    ...review,
    outcome: verdict.decision === 'keep_monitoring' ? 'keep_monitoring' : 'continue_assistance',
    reasons: [
      ...review.reasons,
      { rule: `elimination.rules_${verdict.decision}`, text: why.length > 0 ? `${head}：${why.join('；')}` : head },
    ],
    followUps: [
      remaining.length > 0
        ? `继续精准帮扶，消除${remaining.map((r) => RISK_TYPE_NAMES[r]).join('、')}风险`
        : '继续帮扶，待风险消除规则研判为“风险消除”后再启动程序',
      ...review.followUps.slice(1),
    ],
    findings: {
      ...review.findings,
      risksRemaining: [...new Set([...review.findings.risksRemaining, ...remaining])],
    },
  };
}

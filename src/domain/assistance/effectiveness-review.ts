import {
  HOUSEHOLD_LABOUR_NAMES,
  type HouseholdLabour,
  householdLabour,
  type MemberFacts,
  RISK_TYPE_NAMES,
  RISK_TYPES,
  type RiskType,
} from './household-facts.ts';
import { type MeasureStatus, riskGaps } from './risk-colour.ts';

/**
 * 帮扶成效评议 (SPEC §9; 会泽 §四(二)): at least once a year the village reviews each monitored household — were the
 * measures targeted and effective, is each risk point gone, is income stable, is rigid expenditure under control,
 * are 两不愁三保障 and safe drinking water secured, how is the family's motivation — and the outcome feeds risk
 * elimination (SPEC §8.3). Pure: the village records the judgements, this function draws the conclusion.
 */

export type ReviewOutcome = 'start_elimination' | 'continue_assistance' | 'keep_monitoring';

export interface ReviewedMeasure {
  readonly subtype: string;
  /** Chinese name used in findings; the code when absent. */
  readonly name?: string;
  readonly status: MeasureStatus;
  readonly answersRisks: readonly RiskType[];
  /** Reviewers' judgement; when absent, targeted means it answers one of the household's risk types. */
  readonly targeted?: boolean;
  /** Reviewers' judgement of its effect; null when too early to tell. */
  readonly effective: boolean | null;
}

export interface RiskPointReview {
  readonly risk: RiskType;
  /** 风险点已消除. */
  readonly gone: boolean;
  readonly evidence?: string;
}

export interface EffectivenessReviewInput {
  /** Risk types the household was monitored for. */
  readonly riskTypes: readonly RiskType[];
  readonly members: readonly MemberFacts[];
  readonly measures: readonly ReviewedMeasure[];
  /** One entry per risk type; a risk type without an entry counts as not gone (未评议). */
  readonly riskPoints: readonly RiskPointReview[];
  /** Per-capita net income and the line, in yuan, for the reviewed year and (when known) the previous one. */
  readonly income: {
    readonly perCapita: number;
    readonly line: number;
    readonly previousPerCapita?: number | null;
    readonly previousLine?: number | null;
  };
  /** 家庭收入稳定性: income sources judged durable (stable job, industry that keeps paying). */
  readonly incomeStable: boolean;
  readonly rigidExpenditureControllable: boolean;
  /** 两不愁三保障及饮水安全 secured. */
  readonly basicNeedsSecured: boolean;
  /** 家庭成员内生动力不足. */
  readonly weakMotivation: boolean;
  /** Backstop and other social-security measures in place (for households without labour). */
  readonly backstopInPlace: boolean;
}

export interface ReviewReason {
  readonly rule: string;
  readonly text: string;
}

export interface EffectivenessReview {
  readonly outcome: ReviewOutcome;
  readonly reasons: ReviewReason[];
  /** What to do next, in Chinese (继续帮扶的方向). */
  readonly followUps: string[];
  readonly findings: {
    readonly labour: HouseholdLabour;
    readonly risksGone: RiskType[];
    readonly risksRemaining: RiskType[];
    /** Remaining risks no answering measure meets. */
    readonly risksWithoutMeasure: RiskType[];
    readonly untargetedMeasures: string[];
    readonly ineffectiveMeasures: string[];
    readonly notYetJudged: string[];
    readonly incomeAboveLine: boolean;
  };
}

const riskNames = (rs: readonly RiskType[]) => rs.map((r) => RISK_TYPE_NAMES[r]).join('、');

/**
 * Evaluates one household's yearly effectiveness review (SPEC §9, §8.3; 会泽 §四(二)):
 * - no normal member with labour capacity → `keep_monitoring` (not eliminated after backstop; tracked long-term);
 * - every risk point gone, income at or above the line this year and last, income stable, rigid expenditure under
 *   control, 两不愁三保障 and water secured → `start_elimination` (the elimination procedure, with consent, follows);
 * - otherwise → `continue_assistance`, naming each condition not met.
 * Untargeted or ineffective measures are findings with follow-ups; they do not by themselves block elimination,
 * because §8.3 conditions concern the household's risk, not the measures.
 */
export function reviewEffectiveness(input: EffectivenessReviewInput): EffectivenessReview {
  const labour = householdLabour(input.members);
  const open = RISK_TYPES.filter((r) => input.riskTypes.includes(r));
  const gone = open.filter((r) => input.riskPoints.some((p) => p.risk === r && p.gone));
  const remaining = open.filter((r) => !gone.includes(r));
  const withoutMeasure = riskGaps(remaining, input.measures);
  const label = (m: ReviewedMeasure) => m.name ?? m.subtype;
  const live = input.measures.filter((m) => m.status !== 'cancelled');
  const untargeted = live
    .filter((m) => !(m.targeted ?? (m.answersRisks.length === 0 || m.answersRisks.some((r) => open.includes(r)))))
    .map(label);
  const ineffective = live.filter((m) => m.effective === false).map(label);
  const notYetJudged = live.filter((m) => m.effective === null).map(label);
  const { perCapita, line, previousPerCapita, previousLine } = input.income;
  const previousKnown = previousPerCapita !== undefined && previousPerCapita !== null;
  const incomeAboveLine = perCapita >= line && (!previousKnown || previousPerCapita >= (previousLine ?? line));

  const reasons: ReviewReason[] = [];
  const followUps: string[] = [];
  const why = (rule: string, text: string) => reasons.push({ rule, text });

  if (untargeted.length > 0) followUps.push(`调整针对性不强的措施：${untargeted.join('、')}`);
  if (ineffective.length > 0) followUps.push(`调整或加强成效不明显的措施：${ineffective.join('、')}`);
  if (withoutMeasure.length > 0) followUps.push(`为${riskNames(withoutMeasure)}风险补充针对性帮扶措施`);
  if (input.weakMotivation) followUps.push('家庭成员内生动力不足，持续扶志扶智');

  const findings = {
    labour,
    risksGone: gone,
    risksRemaining: remaining,
    risksWithoutMeasure: withoutMeasure,
    untargetedMeasures: untargeted,
    ineffectiveMeasures: ineffective,
    notYetJudged,
    incomeAboveLine,
  };

  if (labour === 'none') {
    why('labour.none', '家庭无劳动能力：落实社会保障措施后暂不标注风险消除，长期跟踪监测');
    if (!input.backstopInPlace) followUps.unshift('尽快落实低保、特困供养等兜底保障措施');
    else followUps.unshift('持续落实社会保障措施，长期跟踪监测');
    return { outcome: 'keep_monitoring', reasons, followUps, findings };
  }

  const incomeText = previousKnown
    ? `人均纯收入${perCapita}元（监测线${line}元），上年${previousPerCapita}元（监测线${previousLine ?? line}元）`
    : `人均纯收入${perCapita}元（监测线${line}元）`;
  const blockers: ReviewReason[] = [];
  const blockerFollowUps: string[] = [];
  const block = (rule: string, text: string, followUp: string) => {
    blockers.push({ rule, text });
    blockerFollowUps.push(followUp);
  };
  if (remaining.length > 0) {
    const unreviewed = remaining.filter((r) => !input.riskPoints.some((p) => p.risk === r));
    const note = unreviewed.length > 0 ? `（其中${riskNames(unreviewed)}风险未评议）` : '';
    block(
      'risk.remaining',
      `${riskNames(remaining)}风险点尚未消除${note}`,
      `继续精准帮扶，消除${riskNames(remaining)}风险点`,
    );
  }
  if (!incomeAboveLine)
    block('income.below_line', `${incomeText}，未稳定达到监测线`, '促进增收，使人均纯收入稳定超过监测线');
  if (!input.incomeStable) block('income.unstable', '家庭收入不稳定，风险消除稳定性较弱', '促进稳定增收');
  if (!input.rigidExpenditureControllable)
    block('expenditure.uncontrollable', '刚性支出不可控，风险消除稳定性较弱', '减轻家庭刚性支出负担');
  if (!input.basicNeedsSecured)
    block(
      'basic_needs.not_secured',
      '“两不愁三保障”及饮水安全尚未全部保障',
      '补齐“两不愁三保障”及饮水安全短板，保障基本生活',
    );

  if (blockers.length > 0) {
    reasons.push(...blockers);
    followUps.unshift(...blockerFollowUps);
    return { outcome: 'continue_assistance', reasons, followUps, findings };
  }
  why('risk.all_gone', open.length > 0 ? `${riskNames(gone)}风险点均已消除` : '无未消除的风险点');
  why('income.stable_above_line', `${incomeText}，收入稳定`);
  why('basic_needs.secured', '“两不愁三保障”及饮水安全有保障，刚性支出可控');
  if (labour === 'partial') why('labour.partial', `家庭${HOUSEHOLD_LABOUR_NAMES.partial}，仍可按程序消除风险`);
  followUps.unshift('征得农户知情同意后，按“怎么进、怎么出”履行风险消除程序；不同意的记录调查情况和理由');
  return { outcome: 'start_elimination', reasons, followUps, findings };
}

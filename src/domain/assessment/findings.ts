import { type Fen, toYuan } from '../money.ts';
import type { AssessmentResult, CheckedHousehold, Reason } from './assessment.types.ts';
import { type ExclusionFindings, findExclusions } from './exclusions.ts';
import { type HouseholdFigures, householdFigures } from './income-figures.ts';
import { memberNotCounted } from './reasons.ts';
import { findRiskTypes, type RiskFindings } from './risk-types.ts';
import type { ResolvedThresholds } from './thresholds.ts';

/** What a decision needs besides the household: the assessed year, its monitoring line and the thresholds. */
export interface AssessmentContext {
  year: number;
  /** 监测线 of the household's region for `year`, in fen. */
  line: Fen;
  thresholds: ResolvedThresholds;
}

/** The facts both modes decide on (SPEC §7.3): member count, exclusions, risk types, each with its reasons. */
export interface HouseholdFindings {
  figures: HouseholdFigures;
  memberReasons: Reason[];
  exclusions: ExclusionFindings;
  risks: RiskFindings;
}

export function findHouseholdFacts(h: CheckedHousehold, ctx: AssessmentContext): HouseholdFindings {
  const figures = householdFigures(h);
  const memberReasons = h.members
    .filter((m) => m.status !== 'normal')
    .map((m) => memberNotCounted(m, `households[${h.index}].members[${m.index}].status`, figures.members));
  return {
    figures,
    memberReasons,
    exclusions: findExclusions(h),
    risks: findRiskTypes(h, figures, ctx.line, ctx.thresholds, ctx.year),
  };
}

/** Builds a result in the key order of the format's Output example. */
export function toResult(
  h: CheckedHousehold,
  ctx: AssessmentContext,
  f: HouseholdFindings,
  decision: AssessmentResult['decision'],
  category: AssessmentResult['category'],
  reasons: Reason[],
): AssessmentResult {
  return {
    id: h.id,
    members: f.figures.members,
    netIncome: toYuan(f.figures.netIncome),
    perCapitaNetIncome: toYuan(f.figures.perCapita),
    monitoringLine: toYuan(ctx.line),
    decision,
    category,
    riskTypes: f.risks.types,
    exclusions: f.exclusions.items,
    reasons,
  };
}

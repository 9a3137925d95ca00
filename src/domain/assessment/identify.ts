import type { AssessmentResult, Category, CheckedHousehold } from './assessment.types.ts';
import { type AssessmentContext, findHouseholdFacts, type HouseholdFindings, toResult } from './findings.ts';
import { decisionReasons } from './reasons.ts';

/**
 * Suggested category (SPEC §5.1, §7.3 step 4): a 脱贫户 → unstable; else the medical-cost, income-fall or
 * disaster/accident rule fired, or a sudden event is recorded → sudden; else marginal. Officials may override.
 */
export function suggestCategory(h: CheckedHousehold, f: HouseholdFindings): Category {
  if (h.liftedOutOfPoverty) return 'unstable';
  return f.risks.suddenTriggers.length > 0 ? 'sudden' : 'marginal';
}

/**
 * Identification (识别纳入), SPEC §7.1–§7.3: exclusions first (→ `exclude`, or `county_review` when a major family
 * event is recorded: only the county leading group may include such a household); then any risk type → `include`
 * (income below the line needs no other reason), none → `no_risk`. Every decision carries its reasons: uncounted
 * members, exclusions with their data, the income comparison and each risk rule, and the suggested category.
 */
export function identifyHousehold(h: CheckedHousehold, ctx: AssessmentContext): AssessmentResult {
  const f = findHouseholdFacts(h, ctx);
  const reasons = [...f.memberReasons, ...f.exclusions.reasons];

  if (f.exclusions.items.length > 0) {
    if (h.majorFamilyEvent) {
      const category = suggestCategory(h, f);
      reasons.push(
        decisionReasons.countyReview(),
        ...f.risks.reasons,
        decisionReasons.category(category, f.risks.suddenTriggers),
      );
      return toResult(h, ctx, f, 'county_review', category, reasons);
    }
    reasons.push(...f.risks.reasons);
    return toResult(h, ctx, f, 'exclude', null, reasons);
  }

  reasons.push(...f.risks.reasons);
  if (f.risks.types.length === 0) return toResult(h, ctx, f, 'no_risk', null, reasons);

  if (!f.risks.types.includes('income')) reasons.push(decisionReasons.includeByRisk(f.risks.types));
  const category = suggestCategory(h, f);
  reasons.push(decisionReasons.category(category, f.risks.suddenTriggers));
  return toResult(h, ctx, f, 'include', category, reasons);
}

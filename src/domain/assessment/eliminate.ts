import type { AssessmentResult, CheckedHousehold } from './assessment.types.ts';
import { type AssessmentContext, findHouseholdFacts, toResult } from './findings.ts';
import { eliminationReasons } from './reasons.ts';

/**
 * Risk elimination (风险消除) for a monitored household, SPEC §7.3 "Elimination mode" and §8.3:
 * 1. exclusion facts → `exclude` (it should not have been included; corrected through the same procedure);
 * 2. no counted member with full or partial labour capacity → `keep_monitoring` (not eliminated after backstop);
 * 3. per-capita net income ≥ the line this year and, when known, the previous year, and no risk type of
 *    identification step 2 → `eliminate`;
 * 4. otherwise → `continue`.
 * A refusal of consent is recorded as a reason and does not block (会泽 四(三)). The previous year's per-capita figure
 * uses this year's member count and line: the file carries neither for the previous year.
 */
export function eliminateHousehold(h: CheckedHousehold, ctx: AssessmentContext): AssessmentResult {
  const f = findHouseholdFacts(h, ctx);
  const reasons = [...f.memberReasons, ...f.exclusions.reasons];
  const consent = h.consentToElimination === false ? [eliminationReasons.consentRefused()] : [];

  if (f.exclusions.items.length > 0) {
    reasons.push(eliminationReasons.wronglyIncluded(h.majorFamilyEvent), ...f.risks.reasons);
    return toResult(h, ctx, f, 'exclude', null, reasons);
  }

  reasons.push(...f.risks.reasons);
  const hasLabor = h.members.some((m) => m.status === 'normal' && (m.labor === 'full' || m.labor === 'partial'));
  if (!hasLabor) {
    reasons.push(eliminationReasons.noLabor(f.figures.members), eliminationReasons.backstop(h.backstop), ...consent);
    return toResult(h, ctx, f, 'keep_monitoring', null, reasons);
  }

  const previous = f.figures.previousPerCapita;
  const previousBelow = previous !== null && previous < ctx.line;
  if (f.risks.types.length === 0 && !previousBelow) {
    reasons.push(eliminationReasons.conditionsMet(f.figures.perCapita, previous, ctx.line));
    reasons.push(...(h.consentToElimination === null ? [eliminationReasons.consentNotRecorded()] : consent));
    return toResult(h, ctx, f, 'eliminate', null, reasons);
  }

  if (previousBelow) reasons.push(eliminationReasons.previousYearBelowLine(previous, ctx.line));
  if (f.risks.types.length > 0) reasons.push(eliminationReasons.riskRemaining(f.risks.types));
  reasons.push(...consent);
  return toResult(h, ctx, f, 'continue', null, reasons);
}

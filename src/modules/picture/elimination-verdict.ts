import { divideFen, sumFen, toFen, toYuan } from '../../domain/money.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { EliminationCheck } from '../assistance/elimination-check.ts';

/**
 * The elimination rules on the household picture, for the effectiveness review (SPEC §7.3, §7.4, §8.3): the same
 * `evaluate` the elimination case's decision step runs, so the review and elimination agree on year, line and facts.
 * Not audited here: the review that asks records its own audit entry with the figures used.
 */
export const eliminationCheckOn =
  (assessments: Pick<HouseholdAssessmentService, 'evaluate'>): EliminationCheck =>
  async (actor, householdId, year) => {
    const { picture, result, errors, line } = await assessments.evaluate(actor, householdId, {
      year,
      mode: 'elimination',
    });
    if (!result || errors.length > 0 || line === null || !picture.input) return null;
    const prev = picture.input.previousIncome;
    const previousPerCapita =
      prev && result.members > 0
        ? toYuan(
            divideFen(
              sumFen(toFen(prev.wage), toFen(prev.businessNet), toFen(prev.property), toFen(prev.transfer)),
              result.members,
            ),
          )
        : null;
    return {
      decision: result.decision as 'eliminate' | 'continue' | 'keep_monitoring' | 'exclude',
      perCapita: result.perCapitaNetIncome,
      previousPerCapita,
      line,
      riskTypes: result.riskTypes,
      reasons: result.reasons.map((r) => ({ rule: r.rule, text: r.text })),
    };
  };

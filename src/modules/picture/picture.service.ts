import type { AssessmentMode } from '../../domain/assessment/index.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';

interface Deps {
  assessments: Pick<HouseholdAssessmentService, 'evaluate'>;
  audit: Pick<AuditRepository, 'append'>;
}

/**
 * 家庭情况 (SPEC §7.4): the household picture of a year with the rules' current outcome on it — what the 研判 panel
 * shows and the early warning of a running procedure (issue 9 point 5). The mode follows the household: a monitored
 * household is read with the elimination rules, any other with the identification rules. A read of the household
 * file: scope-checked and audited.
 */
export const pictureService = ({ assessments, audit }: Deps) => ({
  async get(actor: Actor, householdId: string, opts: { year: number; mode?: AssessmentMode }) {
    requirePermission(actor, 'registry.read');
    const probe = await assessments.evaluate(actor, householdId, {
      year: opts.year,
      mode: opts.mode ?? 'identification',
    });
    const mode = opts.mode ?? (probe.household.monitoringStatus === 'monitored' ? 'elimination' : 'identification');
    const { household, picture, result, errors, line } =
      mode === (opts.mode ?? 'identification')
        ? probe
        : await assessments.evaluate(actor, householdId, { year: opts.year, mode });
    await audit.append(actor, {
      action: AuditActions.householdPictureRead,
      entity: 'household',
      entityId: householdId,
      householdId,
      regionCode: household.regionCode,
      after: { year: opts.year, mode, decision: result?.decision ?? null, conflicts: picture.conflicts.length },
    });
    const { input: _input, ...shown } = picture;
    return {
      ...shown,
      mode,
      monitoringLine: line,
      assessment: result,
      /** Why there is no outcome: the year has no income figures, or the data are incomplete. */
      problems: picture.input ? errors.map((e) => e.message) : [`该户尚未录入${opts.year}年收支，无法研判`],
    };
  },
});

export type PictureService = ReturnType<typeof pictureService>;

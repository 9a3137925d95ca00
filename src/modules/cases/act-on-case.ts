import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CasesTable, DB } from '../../db/schema.ts';
import { EXCLUSION_SITUATIONS } from '../../domain/assessment/exclusions.ts';
import { chinaDate } from '../../domain/calendar/index.ts';
import { applyAction, type CaseAction, currentStep, refusalReason } from '../../domain/procedures/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { caseActionAudit } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import type { CalendarsService } from './calendars.service.ts';
import { applyCaseEffects } from './case-effects.ts';
import { procedureActor } from './case-levels.ts';
import type { CasesRepository } from './cases.repository.ts';
import { currentDue } from './cases.service.ts';
import { decideAtDecisionStep } from './decision-step.ts';

export interface ActionInput {
  type: CaseAction['type'];
  note?: string;
  decision?: string;
  attachments?: { recordCode: string; fileId: string }[];
  meeting?: {
    date: string;
    attendees: string[];
    votesFor: number;
    votesAgainst: number;
    abstentions?: number;
    chair?: string;
    resolution?: string;
  };
  startDate?: string;
  receivedOn?: string;
  from?: string;
  objectionSeq?: number;
  toStepCode?: string;
  /** At the county decision: a category other than the suggested one, with the reason (SPEC §5.1). */
  category?: 'unstable' | 'marginal' | 'sudden';
  categoryReason?: string;
  /** Year whose income figures the decision assesses; default the latest year on file. */
  assessmentYear?: number;
  /** 核实说明: the cadre's explanation of the household picture's conflicts (SPEC §7.4), required at a decision step
   * whose picture has any. */
  verificationNote?: string;
}

interface Deps {
  db: Kysely<DB>;
  casesRepo: CasesRepository;
  calendars: Pick<CalendarsService, 'list'>;
  assessments: Pick<HouseholdAssessmentService, 'assess'>;
  audit: Pick<AuditRepository, 'append'>;
  settings: Pick<RegionSettings, 'get'>;
  now?: () => Date;
}

/**
 * What the registry's figures say about the household now, for notices only: the category and risk types a
 * publicity proposes, or the decisive reason of a refusal. Undefined when no income is on file.
 */
async function quietAssessment(
  trx: Transaction<DB>,
  assessments: Pick<HouseholdAssessmentService, 'assess'>,
  actor: Actor,
  householdId: string,
) {
  const latest = await trx
    .selectFrom('household_incomes')
    .select((e) => e.fn.max('year').as('year'))
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  const year = latest?.year as number | undefined;
  if (!year) return undefined;
  return (await assessments.assess(actor, householdId, { year, mode: 'identification' }, trx)).result;
}

/**
 * One action on a case by a user of the step's level inside scope (SPEC §8.1): recorded with who, when, decision,
 * note and attachments in the append-only case_actions; the case state, deadlines, notifications and — when the
 * procedure completes — the household's status follow in the same transaction.
 */
export const actOnCase =
  ({ db, casesRepo, calendars, assessments, audit, settings, now = () => new Date() }: Deps) =>
  async (actor: Actor, caseId: string, input: ActionInput) =>
    db.transaction().execute(async (trx: Transaction<DB>) => {
      const c = await casesRepo.lock(actor, caseId, trx);
      if (!c) throw notFound('程序事项');
      if (input.attachments?.length) {
        const ids = input.attachments.map((a) => a.fileId);
        const found = await trx
          .selectFrom('case_files')
          .select('id')
          .where('case_id', '=', caseId)
          .where('id', 'in', ids)
          .execute();
        const missing = ids.filter((id) => !found.some((f) => f.id === id));
        if (missing.length)
          throw new AppError('CASE_FILE_UNKNOWN', '附件不属于本事项，请先上传', {
            field: 'attachments',
            fileIds: missing,
          });
      }
      const at = now().toISOString();
      const step = currentStep(c.state);
      const patch: Updateable<CasesTable> = {};
      if (input.type === 'complete_step' && step.notification && step.notification !== 'acceptance') {
        Object.assign(patch, await decideAtDecisionStep(trx, assessments, actor, c, step.notification, input));
      }
      let refusal: string | undefined;
      if (c.kind === 'inclusion' && input.type === 'reject' && step.notification === 'identification') {
        const r = await quietAssessment(trx, assessments, actor, c.householdId);
        refusal = r && refusalReason(r.decision, r.exclusions, EXCLUSION_SITUATIONS);
      }
      if (c.kind === 'inclusion' && input.type === 'start_publicity' && !c.category) {
        // The publicity names the category and risk types the village proposes (SPEC §8.1); the county decides.
        const r = await quietAssessment(trx, assessments, actor, c.householdId);
        if (r?.decision === 'include' || r?.decision === 'county_review') {
          const proposed = { category: r.category ?? 'marginal', riskTypes: r.riskTypes };
          patch.assessment = JSON.stringify({ ...((c.assessment as object) ?? {}), proposed });
        }
      }
      const action = { ...input, actor: procedureActor(actor), at } as unknown as CaseAction;
      const result = applyAction(c.state, action, { inScope: true, calendars: await calendars.list(trx) });
      if (!result.ok) {
        // The status of each state-machine code is in the registry (ErrorCodes): 409 for a case in the wrong state.
        throw new AppError(result.error.code, result.error.message, result.error.details ?? {});
      }
      const state = result.state;
      const recorded = state.history[state.history.length - 1];
      if (recorded) {
        await casesRepo.insertAction(
          {
            case_id: caseId,
            region_code: c.regionCode,
            seq: recorded.seq,
            type: recorded.type,
            step_code: recorded.stepCode,
            user_id: actor.userId,
            username: actor.username,
            role: actor.role,
            at,
            decision: input.decision ?? null,
            note: input.note ?? null,
            attachments: JSON.stringify(input.attachments ?? []),
            meeting: input.meeting ? JSON.stringify(input.meeting) : null,
          },
          trx,
        );
      }
      const next = currentStep(state);
      const on = chinaDate(at);
      const merged = {
        ...c,
        ...(patch.category !== undefined ? { category: patch.category } : {}),
        ...(patch.risk_types ? { riskTypes: patch.risk_types } : {}),
        ...(patch.assessment ? { assessment: JSON.parse(patch.assessment) } : {}),
        ...(refusal ? { refusalReason: refusal } : {}),
      };
      await casesRepo.update(
        caseId,
        {
          ...patch,
          state: JSON.stringify(state),
          status: state.status,
          current_step: state.result ? null : next.code,
          current_level: state.result ? null : next.level,
          current_due: await currentDue(state, calendars, trx),
          outcome: state.result?.outcome ?? null,
          finished_on: state.result ? on : null,
        },
        trx,
      );
      await applyCaseEffects(trx, audit, settings, actor, merged, c.state, state, result.effects, on);
      await audit.append(
        actor,
        {
          action: caseActionAudit(input.type),
          entity: 'case',
          entityId: caseId,
          householdId: c.householdId,
          regionCode: c.regionCode,
          before: { step: step.code, status: c.status },
          after: {
            step: state.result ? null : next.code,
            status: state.status,
            decision: input.decision ?? null,
            note: input.note ?? null,
          },
        },
        trx,
      );
      return {
        id: caseId,
        status: state.status,
        outcome: state.result?.outcome ?? null,
        currentStep: state.result ? null : next.code,
        effects: result.effects,
        // The objection just recorded, with its number in the case (issue 10), for the answer to refer to.
        ...(input.type === 'record_objection'
          ? { objection: state.current.objections.find((o) => o.seq === recorded?.seq) ?? null }
          : {}),
      };
    });

import type { Transaction } from 'kysely';
import type { Category, DB, HouseholdUpdate, MonitoringStatus } from '../../db/schema.ts';
import {
  type CaseEffect,
  type CaseState,
  issuingBody,
  notificationText,
  type StepDef,
} from '../../domain/procedures/index.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import { closeCluesAnsweredByCase, reopenCluesMergedIntoCase } from '../clues/clue-lifecycle.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { noticeFacts } from './notice-facts.ts';
import { recordStatusEvent, voidStatusEvent } from './record-status-event.ts';

export interface CaseRow {
  id: string;
  kind: 'inclusion' | 'elimination';
  householdId: string;
  regionCode: string;
  category: Category | null;
  categoryReason: string | null;
  riskTypes: string[];
  assessment: unknown;
  clueId: string | null;
  /** A refusal's decisive reason in plain words from the fixed list (`refusalReason`), set by act-on-case. */
  refusalReason?: string;
}

interface Assessment {
  prior?: {
    status: MonitoringStatus;
    category: Category | null;
    riskTypes: string[];
    includedOn: string | null;
    eliminatedOn: string | null;
  };
}

/**
 * Carries out what an action's effects ask for (SPEC §8.1, §8.3): the three notifications (三告知) are written and
 * revoked on reversal; a completed procedure changes the household's monitoring status — the only way it changes
 * (issue: status changes happen only through completed procedures) — and the change is audited.
 */
export async function applyCaseEffects(
  trx: Transaction<DB>,
  audit: Pick<AuditRepository, 'append'>,
  settings: Pick<RegionSettings, 'get'>,
  actor: Actor,
  c: CaseRow,
  before: CaseState,
  after: CaseState,
  effects: CaseEffect[],
  on: string,
) {
  const assessment = (c.assessment ?? {}) as Assessment;
  for (const e of effects) {
    if (e.type === 'notification') {
      // One of each (issue 10): a case that returns to an earlier step does not tell the household twice.
      const issued = await trx
        .selectFrom('notifications')
        .select('id')
        .where('case_id', '=', c.id)
        .where('kind', '=', e.kind)
        .where('outcome', '=', e.outcome)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (issued) continue;
      const facts = await noticeFacts(trx, settings, c);
      const steps = after.template.steps;
      const step = steps.find((s) => s.code === e.stepCode) as StepDef;
      const issuer = issuingBody(step.level, facts, facts.issuers);
      const text = notificationText(e.kind, {
        headName: facts.headName,
        issuer,
        date: on,
        contact: facts.objection.phone ?? facts.objection.hotline,
        identified: e.outcome === 'identified' ? true : e.outcome === 'not_identified' ? false : undefined,
        category: c.category,
        riskTypes: facts.riskTypes,
        refusal:
          e.outcome === 'not_identified'
            ? {
                stepsDone: [...new Set(before.completed.map((x) => (steps[x.stepIndex] as StepDef).name))],
                step: step.name,
                decidedBy: issuer,
                ...(c.refusalReason ? { reason: c.refusalReason } : {}),
              }
            : undefined,
        responsiblePerson: facts.responsiblePerson,
        wording: facts.wording,
      });
      await trx
        .insertInto('notifications')
        .values({
          case_id: c.id,
          household_id: c.householdId,
          region_code: c.regionCode,
          kind: e.kind,
          outcome: e.outcome,
          text,
          issued_on: on,
        })
        .execute();
      await audit.append(
        actor,
        {
          action: AuditActions.notificationIssue,
          entity: 'case',
          entityId: c.id,
          householdId: c.householdId,
          regionCode: c.regionCode,
          after: { kind: e.kind, outcome: e.outcome },
        },
        trx,
      );
    } else if (e.type === 'reversed' && e.revokesNotification) {
      const last = await trx
        .selectFrom('notifications')
        .select('id')
        .where('case_id', '=', c.id)
        .where('kind', '=', e.revokesNotification)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last)
        await trx.updateTable('notifications').set({ revoked_at: new Date() }).where('id', '=', last.id).execute();
    }
    if (e.type === 'case_finished') {
      await closeCluesAnsweredByCase(trx, audit, actor, { ...c, outcome: e.outcome }, on);
    }
    if (e.type === 'case_finished' && e.outcome === 'completed') {
      const patch: HouseholdUpdate =
        c.kind === 'inclusion'
          ? {
              monitoring_status: 'monitored',
              category: c.category,
              risk_types: c.riskTypes,
              included_on: on,
              eliminated_on: null,
            }
          : { monitoring_status: 'eliminated', eliminated_on: on };
      await trx.updateTable('households').set(patch).where('id', '=', c.householdId).execute();
      await recordStatusEvent(trx, {
        householdId: c.householdId,
        caseId: c.id,
        priorStatus: assessment.prior?.status,
        on,
      });
      await audit.append(
        actor,
        {
          action: AuditActions.householdStatus,
          entity: 'household',
          entityId: c.householdId,
          householdId: c.householdId,
          regionCode: c.regionCode,
          before: assessment.prior,
          after: patch,
        },
        trx,
      );
    }
  }
  // A reversal that reopens a concluded case reopens the clues it had closed as 并入程序 (issue 10 point 5).
  if (before.result && !after.result) await reopenCluesMergedIntoCase(trx, audit, actor, c);
  // A reversal that reopens a completed case puts the household back as it was before the procedure.
  if (before.result?.outcome === 'completed' && !after.result && assessment.prior) {
    const p = assessment.prior;
    await trx
      .updateTable('households')
      .set({
        monitoring_status: p.status,
        category: p.category,
        risk_types: p.riskTypes,
        included_on: p.includedOn,
        eliminated_on: p.eliminatedOn,
      })
      .where('id', '=', c.householdId)
      .execute();
    await voidStatusEvent(trx, c.id, '撤销办结');
    await audit.append(
      actor,
      {
        action: AuditActions.householdStatus,
        entity: 'household',
        entityId: c.householdId,
        householdId: c.householdId,
        regionCode: c.regionCode,
        after: { reverted: p },
      },
      trx,
    );
  }
}

import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CaseEffect, type CaseState, notificationText } from '../../domain/procedures/index.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import { recordStatusEvent, voidStatusEvent } from './record-status-event.ts';

export interface CaseRow {
  id: string;
  kind: 'inclusion' | 'elimination';
  householdId: string;
  regionCode: string;
  category: string | null;
  categoryReason: string | null;
  riskTypes: string[];
  assessment: unknown;
  clueId: string | null;
}

interface Assessment {
  reasonText?: string;
  prior?: {
    status: string;
    category: string | null;
    riskTypes: string[];
    includedOn: string | null;
    eliminatedOn: string | null;
  };
}

async function noticeContext(trx: Transaction<DB>, c: CaseRow) {
  const row = await trx
    .selectFrom('households as h')
    .leftJoin('persons as p', 'p.id', 'h.head_person_id')
    .innerJoin('regions as v', 'v.code', 'h.region_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .leftJoin('regions as k', 'k.code', 't.parent_code')
    .select([
      'p.name as headName',
      'v.name as village',
      't.name as township',
      'k.name as county',
      'h.responsible_person as rp',
      'h.responsible_phone as rpPhone',
    ])
    .where('h.id', '=', c.householdId)
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Carries out what an action's effects ask for (SPEC §8.1, §8.3): the three notifications (三告知) are written and
 * revoked on reversal; a completed procedure changes the household's monitoring status — the only way it changes
 * (issue: status changes happen only through completed procedures) — and the change is audited.
 */
export async function applyCaseEffects(
  trx: Transaction<DB>,
  audit: Pick<AuditRepository, 'append'>,
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
      const ctx = await noticeContext(trx, c);
      const text = notificationText(e.kind, {
        headName: ctx.headName ?? '（户主）',
        village: ctx.village,
        township: ctx.township ?? undefined,
        county: ctx.county ?? undefined,
        issuer: e.kind === 'acceptance' ? `${ctx.village}村民委员会` : `${ctx.county ?? ''}乡村振兴局`,
        date: on,
        identified: e.outcome === 'identified' ? true : e.outcome === 'not_identified' ? false : undefined,
        category: c.category ?? undefined,
        reason: e.reason ?? assessment.reasonText,
        responsiblePerson: ctx.rp ? { name: ctx.rp, phone: ctx.rpPhone ?? undefined } : undefined,
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
    } else if (e.type === 'case_finished' && e.outcome === 'completed') {
      const patch =
        c.kind === 'inclusion'
          ? {
              monitoring_status: 'monitored' as const,
              category: c.category as never,
              risk_types: c.riskTypes,
              included_on: on,
              eliminated_on: null,
            }
          : { monitoring_status: 'eliminated' as const, eliminated_on: on };
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
  // A reversal that reopens a completed case puts the household back as it was before the procedure.
  if (before.result?.outcome === 'completed' && !after.result && assessment.prior) {
    const p = assessment.prior;
    await trx
      .updateTable('households')
      .set({
        monitoring_status: p.status as never,
        category: p.category as never,
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

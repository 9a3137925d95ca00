import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { enabledSubtype } from '../../domain/assistance/measure-catalogue.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import { requireAssistanceWrite, requireBackstopDecision, requireBackstopRead } from './assistance.policy.ts';
import type { BackstopKind, ProposalStatus } from './assistance.tables.ts';
import type { BackstopRepository } from './backstop.repository.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { riskTypesOf } from './household-facts.ts';
import type { MeasuresRepository } from './measures.repository.ts';

export const BACKSTOP_NAMES: Record<BackstopKind, string> = { dibao: '农村低保', tekun: '特困人员救助供养' };

export interface BackstopDecisionInput {
  decision: 'approved' | 'rejected';
  /** What civil affairs granted, when it differs from the proposal (e.g. 低保 instead of 特困). */
  grantedKind?: BackstopKind;
  decidedOn: string;
  note?: string;
}

interface Deps {
  db: Kysely<DB>;
  backstopRepo: BackstopRepository;
  measuresRepo: Pick<MeasuresRepository, 'byHousehold' | 'insert'>;
  registryRepo: Pick<RegistryRepository, 'lockHousehold' | 'updateHousehold'>;
  catalogue: Pick<CatalogueService, 'effective'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

/**
 * Backstop linkage with civil affairs (SPEC §9; 枣庄 两项机制衔接): a monitored household without labour or stable
 * income is proposed for 低保 or 特困; civil affairs decides under its own rules and the decision is recorded. An
 * approval sets the household's backstop and records the backstop measure, so the risk it answers is met.
 */
export const backstopService = ({ db, backstopRepo, measuresRepo, registryRepo, catalogue, audit, now }: Deps) => {
  const today = () => chinaToday((now ?? (() => new Date()))());

  return {
    async propose(actor: Actor, householdId: string, input: { kind: BackstopKind; reason: string }) {
      requireAssistanceWrite(actor);
      if (!input.reason?.trim()) throw new AppError('VALIDATION', '请写明提请兜底保障的理由', { field: 'reason' });
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        if (household.monitoringStatus !== 'monitored') {
          throw new AppError('ASSISTANCE_NOT_MONITORED', '只为监测对象提请兜底保障', {});
        }
        if (household.backstop === 'tekun' || household.backstop === input.kind) {
          throw new AppError('BACKSTOP_IN_PLACE', `该户已享受${BACKSTOP_NAMES[household.backstop]}`, {});
        }
        const row = { householdId, regionCode: household.regionCode, kind: input.kind, reason: input.reason.trim() };
        const id = await backstopRepo.insert({ ...row, by: actor.username }, trx).catch((err: { code?: string }) => {
          if (err.code === '23505') {
            throw new AppError('BACKSTOP_PROPOSAL_OPEN', '该户已有待民政部门认定的兜底保障提请', {});
          }
          throw err;
        });
        await audit.append(
          actor,
          {
            action: AuditActions.backstopPropose,
            entity: 'backstop_proposal',
            entityId: id,
            householdId,
            regionCode: household.regionCode,
            after: row,
          },
          trx,
        );
        return { id, status: 'proposed' as const, ...row };
      });
    },

    async decide(actor: Actor, proposalId: string, input: BackstopDecisionInput) {
      requireBackstopDecision(actor);
      if (input.decision === 'rejected' && !input.note?.trim()) {
        throw new AppError('VALIDATION', '不予认定须写明理由', { field: 'note' });
      }
      if (input.decidedOn > today()) throw new AppError('VALIDATION', '认定日期不能晚于今天', { field: 'decidedOn' });
      return db.transaction().execute(async (trx) => {
        const proposal = await backstopRepo.lock(actor, proposalId, trx);
        if (!proposal) throw notFound('兜底保障提请');
        if (proposal.status !== 'proposed') {
          throw new AppError('BACKSTOP_DECIDED', '该提请已有认定结果', { status: proposal.status });
        }
        const household = await registryRepo.lockHousehold(actor, proposal.householdId, trx);
        if (!household) throw notFound('农户');
        const granted = input.decision === 'approved' ? (input.grantedKind ?? proposal.kind) : null;
        let measureId: string | null = null;
        if (granted) {
          await registryRepo.updateHousehold(household.id, { backstop: granted }, trx);
          const active = (await measuresRepo.byHousehold(household.id, trx)).find(
            (m) => m.subtype === granted && m.status !== 'cancelled' && m.status !== 'completed',
          );
          measureId = active?.id ?? null;
          const entry = enabledSubtype(await catalogue.effective(household.regionCode, trx), granted);
          if (!active && entry) {
            const risks = riskTypesOf(household.riskTypes);
            measureId = await measuresRepo.insert(
              {
                household_id: household.id,
                region_code: household.regionCode,
                type: entry.type,
                subtype: entry.code,
                name: entry.name,
                line_of_defence: entry.lineOfDefence,
                answers_risks: entry.answersRisks.filter((r) => risks.includes(r)),
                content: entry.content,
                department: entry.department,
                start_on: input.decidedOn,
                status: 'in_progress',
                origin: 'backstop',
                suggestion_reason: proposal.reason,
                created_by: actor.username,
                responsible_person: null,
                planned_end_on: null,
                fund_source: null,
                result: null,
                finished_on: null,
                suggestion_rule: null,
              },
              trx,
            );
          }
        }
        const patch = {
          status: (granted ? 'approved' : 'rejected') as ProposalStatus,
          granted_kind: granted,
          decided_on: input.decidedOn,
          decision_note: input.note?.trim() || null,
          decided_by_name: actor.username,
          decided_via: 'decision' as const,
          measure_id: measureId,
        };
        await backstopRepo.update(proposalId, patch, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.backstopDecide,
            entity: 'backstop_proposal',
            entityId: proposalId,
            householdId: household.id,
            regionCode: household.regionCode,
            before: { status: proposal.status, backstop: household.backstop },
            after: patch,
          },
          trx,
        );
        return {
          ...proposal,
          ...{
            status: patch.status,
            grantedKind: granted,
            decidedOn: input.decidedOn,
            decisionNote: patch.decision_note,
            decidedBy: actor.username,
            decidedVia: 'decision',
            measureId,
          },
        };
      });
    },

    async list(actor: Actor, filter: { region?: string; status?: ProposalStatus; householdId?: string }) {
      requireBackstopRead(actor);
      return { items: await backstopRepo.list(actor, filter) };
    },
  };
};

export type BackstopService = ReturnType<typeof backstopService>;

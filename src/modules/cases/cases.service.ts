import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaDate, hasCalendarFor } from '../../domain/calendar/index.ts';
import {
  type CaseAction,
  type CaseState,
  computeDeadlines,
  currentStep,
  missingRecords,
  openCase,
  type ProcedureKind,
  roundMonthFor,
} from '../../domain/procedures/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, inScope, requirePermission } from '../auth/actor.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { CalendarsService } from './calendars.service.ts';
import type { CaseFilter, CasesRepository } from './cases.repository.ts';
import type { TemplatesService } from './templates.service.ts';

export interface CasesDeps {
  db: Kysely<DB>;
  casesRepo: CasesRepository;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'lockHousehold'>;
  templates: Pick<TemplatesService, 'resolve'>;
  calendars: Pick<CalendarsService, 'list'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

type Q = Kysely<DB> | Transaction<DB>;

/** Due date of the current step, from the template's deadline rules (SPEC §8.1, §8.2). */
export async function currentDue(state: CaseState, calendars: Pick<CalendarsService, 'list'>, q?: Q) {
  if (state.result) return null;
  const completedOn = state.template.steps.map((_, i) => state.completed.find((c) => c.stepIndex === i)?.completedOn);
  const dues = computeDeadlines(state.template, state.startedOn, await calendars.list(q), { completedOn });
  return dues[state.current.stepIndex]?.due ?? null;
}

/**
 * Starting, reading and listing procedures (SPEC §8.1 inclusion, §8.3 elimination). Acting on a case is in
 * act-on-case.ts. A household has at most one running procedure.
 */
export const casesService = ({
  db,
  casesRepo,
  registryRepo,
  templates,
  calendars,
  audit,
  now = () => new Date(),
}: CasesDeps) => ({
  async start(
    actor: Actor,
    input: {
      householdId: string;
      kind: ProcedureKind;
      clueId?: string | null;
      startedOn?: string;
      /** The year the decision step assesses (the effectiveness review's year); else the newest income year. */
      assessmentYear?: number;
    },
    trx?: Transaction<DB>,
  ) {
    requirePermission(actor, 'registry.write');
    const run = async (q: Transaction<DB>) => {
      const h = await registryRepo.lockHousehold(actor, input.householdId, q);
      if (!h) throw notFound('农户');
      if (input.kind === 'inclusion' && h.monitoringStatus === 'monitored') {
        throw new AppError('CASE_ALREADY_MONITORED', '该户已是监测对象，无需再启动识别程序', { field: 'householdId' });
      }
      if (input.kind === 'elimination' && h.monitoringStatus !== 'monitored') {
        throw new AppError('CASE_NOT_MONITORED', '只有监测对象才能启动风险消除程序', { field: 'householdId' });
      }
      const open = await casesRepo.openFor(h.id, q);
      if (open)
        throw new AppError('CASE_ALREADY_OPEN', '该户已有正在办理的程序，请在原程序中继续办理', { caseId: open.id });
      const startedOn = input.startedOn ?? chinaDate(now().toISOString());
      const template = await templates.resolve(h.regionCode, input.kind, q);
      const state = openCase(template, startedOn);
      const due = await currentDue(state, calendars, q);
      const step = currentStep(state);
      const prior = {
        status: h.monitoringStatus,
        category: h.category,
        riskTypes: h.riskTypes,
        includedOn: h.includedOn,
        eliminatedOn: h.eliminatedOn,
      };
      const id = await casesRepo.insert(
        {
          region_code: h.regionCode,
          household_id: h.id,
          kind: input.kind,
          template_code: template.code,
          template_version: template.version,
          state: JSON.stringify(state),
          status: state.status,
          current_step: step.code,
          current_level: step.level,
          current_due: due,
          round_month: template.steps.some((s) => s.deadline?.kind === 'day_of_month')
            ? roundMonthFor(template, startedOn)
            : null,
          started_on: startedOn,
          finished_on: null,
          outcome: null,
          clue_id: input.clueId ?? null,
          assessment: JSON.stringify(input.assessmentYear ? { prior, year: input.assessmentYear } : { prior }),
          category: input.kind === 'elimination' ? h.category : null,
          category_reason: null,
          risk_types: input.kind === 'elimination' ? h.riskTypes : [],
          created_by: actor.username,
          created_at: now(),
          updated_at: now(),
        },
        q,
      );
      await audit.append(
        actor,
        {
          action: AuditActions.caseStart,
          entity: 'case',
          entityId: id,
          householdId: h.id,
          regionCode: h.regionCode,
          after: { kind: input.kind, template: `${template.code}@${template.version}`, clueId: input.clueId ?? null },
        },
        q,
      );
      return { id, templateCode: template.code, templateVersion: template.version, currentStep: step.code, due };
    };
    return trx ? run(trx) : db.transaction().execute(run);
  },

  async get(actor: Actor, id: string) {
    requirePermission(actor, 'registry.read');
    const c = await casesRepo.find(actor, id);
    if (!c) throw notFound('程序事项');
    const [actions, notifications, files, household] = await Promise.all([
      casesRepo.actions(id),
      db
        .selectFrom('notifications')
        .select(['id', 'kind', 'outcome', 'text', 'issued_on as issuedOn', 'revoked_at as revokedAt'])
        .where('case_id', '=', id)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('case_files')
        .select(['id', 'name', 'mime', 'size', 'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt'])
        .where('case_id', '=', id)
        .orderBy('uploaded_at')
        .execute(),
      db
        .selectFrom('households as h')
        .leftJoin('persons as p', 'p.id', 'h.head_person_id')
        .innerJoin('regions as v', 'v.code', 'h.region_code')
        .select(['h.code', 'p.name as headName', 'v.name as villageName', 'h.monitoring_status as monitoringStatus'])
        .select((eb) =>
          eb
            .selectFrom('household_incomes as i')
            .whereRef('i.household_id', '=', 'h.id')
            .select((e) => e.fn.max('i.year').as('y'))
            .as('latestIncomeYear'),
        )
        .where('h.id', '=', c.householdId)
        .executeTakeFirst(),
    ]);
    const step = currentStep(c.state);
    const completedOn = c.state.template.steps.map(
      (_, i) => c.state.completed.find((x) => x.stepIndex === i)?.completedOn,
    );
    const deadlines = computeDeadlines(c.state.template, c.state.startedOn, await calendars.list(), { completedOn });
    const today = chinaDate(now().toISOString());
    return {
      ...c,
      household: household ?? null,
      overdue: !c.outcome && !!c.currentDue && c.currentDue < today,
      step: {
        ...step,
        index: c.state.current.stepIndex,
        missingRecords: missingRecords(step, c.state.current.attachments),
      },
      // Every computed date says whether it is only an estimate (no official calendar for its year, issue 10).
      publicity: c.state.current.publicity
        ? { ...c.state.current.publicity, estimated: c.state.current.publicity.uncertain }
        : null,
      objections: c.state.current.objections,
      deadlines: deadlines.map((d) => ({ ...d, estimated: d.uncertain })),
      actions,
      notifications,
      files,
      canAct: inScope(actor, c.regionCode),
    };
  },

  async list(actor: Actor, f: Omit<CaseFilter, 'overdueOn'> & { overdue?: boolean }) {
    requirePermission(actor, 'registry.read');
    const { overdue, ...rest } = f;
    const today = chinaDate(now().toISOString());
    const r = await casesRepo.list(actor, { ...rest, overdueOn: overdue ? today : undefined });
    const cals = await calendars.list();
    const items = r.items.map((c) => ({
      ...c,
      dueEstimated: c.currentDue !== null && !hasCalendarFor(c.currentDue, cals),
    }));
    await audit.append(actor, {
      action: AuditActions.caseList,
      entity: 'case',
      regionCode: actor.regionCode,
      after: { ...f, total: r.total },
    });
    return { ...r, items, page: f.page, pageSize: f.pageSize, today };
  },
});

export type CasesService = ReturnType<typeof casesService>;
export type { CaseAction };

import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import { isDepartment, requireDepartmentFieldsOnly, requireMeasureAccess } from './assistance.policy.ts';
import type { MeasureStatus, MeasuresTable } from './assistance.tables.ts';
import { checkMeasure, checkStatusChange, type MeasureFields, moneyText, presentMeasure } from './measure-input.ts';
import type { MeasuresRepository } from './measures.repository.ts';

interface Deps {
  db: Kysely<DB>;
  measuresRepo: Pick<MeasuresRepository, 'find' | 'lock' | 'update' | 'insertProgress' | 'progressOf' | 'byDepartment'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

export interface MeasurePatch extends MeasureFields {
  /** Optimistic lock: the version the user edited. */
  version?: number;
}

const COLUMN: Record<keyof MeasureFields, keyof MeasuresTable> = {
  content: 'content',
  department: 'department',
  responsiblePerson: 'responsible_person',
  startOn: 'start_on',
  plannedEndOn: 'planned_end_on',
  amount: 'amount',
  fundSource: 'fund_source',
  status: 'status',
  result: 'result',
  finishedOn: 'finished_on',
};

/** A measure's life after it is recorded (SPEC §9): changes, progress notes, status and result; all audited. */
export const measuresService = ({ db, measuresRepo, audit, now = () => new Date() }: Deps) => {
  const today = () => chinaToday(now());

  return {
    async get(actor: Actor, id: string) {
      const measure = await measuresRepo.find(actor, id);
      if (!measure) throw notFound('帮扶措施');
      requireMeasureAccess(actor, measure, false);
      const progress = await measuresRepo.progressOf([id]);
      return { ...presentMeasure(measure), progress };
    },

    /** Measures a department delivers (its own for department users; any department for regional readers). */
    async list(actor: Actor, filter: { department?: string; status?: MeasureStatus }) {
      const department = isDepartment(actor) ? (actor.department as string) : filter.department;
      if (!department) throw new AppError('VALIDATION', '请指定责任部门', { field: 'department' });
      requireMeasureAccess(actor, { regionCode: actor.regionCode, department }, false);
      const rows = await measuresRepo.byDepartment(actor, department, filter.status);
      return { items: rows.map((r) => ({ ...presentMeasure(r), householdCode: r.householdCode })) };
    },

    async update(actor: Actor, id: string, patch: MeasurePatch) {
      const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
      requireDepartmentFieldsOnly(actor, fields);
      return db.transaction().execute(async (trx) => {
        const before = await measuresRepo.lock(actor, id, trx);
        if (!before) throw notFound('帮扶措施');
        requireMeasureAccess(actor, before, true);
        if (patch.version !== undefined && patch.version !== before.version) {
          throw new AppError('CONFLICT', '该措施已被他人修改，请刷新后重试', { version: before.version });
        }
        if (before.status === 'completed' || before.status === 'cancelled') {
          throw new AppError('MEASURE_FINISHED', '措施已完成或取消，不能再修改；如需继续帮扶请新增措施', {});
        }
        checkStatusChange(before.status, patch.status);
        const status = patch.status ?? before.status;
        const finishing = status !== before.status && (status === 'completed' || status === 'cancelled');
        const merged = {
          department: patch.department ?? before.department,
          content: patch.content ?? before.content,
          startOn: patch.startOn !== undefined ? patch.startOn : before.startOn,
          plannedEndOn: patch.plannedEndOn !== undefined ? patch.plannedEndOn : before.plannedEndOn,
          status,
          result: patch.result !== undefined ? patch.result : before.result,
        };
        checkMeasure(merged);
        const changes: Updateable<MeasuresTable> = {};
        for (const [key, column] of Object.entries(COLUMN) as [keyof MeasureFields, keyof MeasuresTable][]) {
          const value = patch[key];
          if (value === undefined) continue;
          (changes as Record<string, unknown>)[column] = key === 'amount' ? moneyText(value as number | null) : value;
        }
        if (finishing && !patch.finishedOn) changes.finished_on = today();
        await measuresRepo.update(id, changes, trx);
        const after = await measuresRepo.lock(actor, id, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.measureUpdate,
            entity: 'measure',
            entityId: id,
            householdId: before.householdId,
            regionCode: before.regionCode,
            before,
            after,
          },
          trx,
        );
        return presentMeasure(after as NonNullable<typeof after>);
      });
    },

    /** A progress note (进展), optionally moving the status on; completing needs the result (SPEC §9). */
    async addProgress(
      actor: Actor,
      id: string,
      input: { note: string; notedOn?: string; status?: MeasureStatus; result?: string },
    ) {
      if (!input.note?.trim()) throw new AppError('VALIDATION', '请填写进展情况', { field: 'note' });
      return db.transaction().execute(async (trx) => {
        const before = await measuresRepo.lock(actor, id, trx);
        if (!before) throw notFound('帮扶措施');
        requireMeasureAccess(actor, before, true);
        if (before.status === 'completed' || before.status === 'cancelled') {
          throw new AppError('MEASURE_FINISHED', '措施已完成或取消，不能再记录进展', {});
        }
        checkStatusChange(before.status, input.status);
        const status = input.status ?? before.status;
        const result = input.result ?? before.result;
        checkMeasure({ ...before, status, result });
        const notedOn = input.notedOn ?? today();
        if (notedOn > today()) throw new AppError('VALIDATION', '进展日期不能晚于今天', { field: 'notedOn' });
        if (status !== before.status || result !== before.result) {
          const finishing = status === 'completed' || status === 'cancelled';
          await measuresRepo.update(id, { status, result, ...(finishing ? { finished_on: notedOn } : {}) }, trx);
        }
        const saved = await measuresRepo.insertProgress(
          {
            measureId: id,
            regionCode: before.regionCode,
            notedOn,
            note: input.note.trim(),
            statusAfter: status,
            by: actor.username,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.measureProgress,
            entity: 'measure',
            entityId: id,
            householdId: before.householdId,
            regionCode: before.regionCode,
            before: { status: before.status, result: before.result },
            after: { notedOn, note: input.note.trim(), status, result },
          },
          trx,
        );
        return { id: saved.id, measureId: id, notedOn, status, result };
      });
    },
  };
};

export type MeasuresService = ReturnType<typeof measuresService>;

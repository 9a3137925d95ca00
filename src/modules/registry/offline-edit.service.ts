import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import type { OfflineEditRepository } from './offline-edit.repository.ts';
import { personPatchColumns } from './person-input.ts';
import type { RegistryRepository } from './registry.repository.ts';

interface Deps {
  db: Kysely<DB>;
  registryRepo: Pick<RegistryRepository, 'lockHousehold' | 'members' | 'updateHousehold' | 'updatePerson'>;
  editRepo: OfflineEditRepository;
  audit: Pick<AuditRepository, 'append'>;
}

type Check = (v: unknown) => boolean;
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const text =
  (max: number, nullable: boolean): Check =>
  (v) =>
    (nullable && v === null) || (typeof v === 'string' && v.length <= max);
const int =
  (min: number, max: number): Check =>
  (v) =>
    v === null || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);

/**
 * What a village cadre may change at the household's door without signal (ADR 0042): the facts that change between
 * visits. ID numbers, names, relations, the head, incomes and the monitoring status are not here: they need the
 * procedures and checks of the online forms.
 */
export const OFFLINE_FIELDS = {
  household: { address: text(200, false) },
  person: {
    phone: text(20, true),
    health: oneOf('healthy', 'chronic', 'serious', 'disabled'),
    disabilityLevel: int(1, 4),
    labor: oneOf('full', 'partial', 'none', 'not_working_age'),
    employment: oneOf('local', 'outside', 'public_welfare', 'none', null),
    employmentMonths: int(0, 12),
  },
} as const satisfies Record<string, Record<string, Check>>;

export interface OfflineChange {
  /** The member changed; absent for a field of the household itself. */
  personId?: string;
  field: string;
  /** The value the phone downloaded (what the cadre changed from). */
  base: unknown;
  /** The cadre's value. */
  value: unknown;
}

export interface OfflineEditInput {
  clientId: string;
  /** The household's version the phone downloaded (or, resolving a conflict, the version the conflict showed). */
  baseVersion: number;
  changes: OfflineChange[];
}

export interface EditConflict {
  personId: string | null;
  memberName: string | null;
  field: string;
  base: unknown;
  mine: unknown;
  server: unknown;
  /** Who made the server's value and when (from the audit log); null when the log does not say. */
  changedBy: string | null;
  changedAt: string | null;
}

export interface OfflineEditResult {
  householdId: string;
  clientId: string;
  /** The household's version after this edit: a resolve screen resubmits against it. */
  version: number;
  applied: { personId: string | null; field: string; value: unknown }[];
  conflicts: EditConflict[];
}

/** The fields' Chinese names, for messages and the audit log. */
export const OFFLINE_FIELD_NAMES: Record<string, string> = {
  address: '住址',
  phone: '联系电话',
  health: '健康状况',
  disabilityLevel: '残疾等级',
  labor: '劳动能力',
  employment: '务工就业',
  employmentMonths: '务工月数',
};

/** An empty text and nothing are the same value (forms save either). */
const plain = (v: unknown) => (v === '' || v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));
const scalar = (v: unknown) =>
  v === null || (typeof v === 'string' && v.length <= 200) || (typeof v === 'number' && Number.isInteger(v));
/** Health and disability level are one fact (a disabled member has a level): they apply or wait together. */
const LINKED: Record<string, string> = { health: 'disabilityLevel', disabilityLevel: 'health' };

/**
 * Offline edits (issue 14 point 3, ADR 0042). An edit is applied once per phone id; a field is written when the
 * household is still at the version the phone had, or when the field still holds the value the phone had (a change
 * meanwhile elsewhere in the file does not block it). A field changed meanwhile on the server to another value is
 * never overwritten: it comes back as a conflict with both values and who changed it, for the cadre to resolve.
 */
export const offlineEditService = ({ db, registryRepo, editRepo, audit }: Deps) => {
  function validate(input: OfflineEditInput) {
    const seen = new Set<string>();
    for (const [i, c] of input.changes.entries()) {
      const fields: Record<string, Check> = c.personId ? OFFLINE_FIELDS.person : OFFLINE_FIELDS.household;
      const check = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined;
      if (!check) {
        throw new AppError('OFFLINE_EDIT_FIELD', '修改中有不能离线修改的项目', {
          field: `changes[${i}].field`,
          name: c.field,
        });
      }
      if (!scalar(c.base)) {
        throw new AppError('OFFLINE_EDIT_FIELD', `${OFFLINE_FIELD_NAMES[c.field]}的原值不符合要求`, {
          field: `changes[${i}].base`,
          name: c.field,
        });
      }
      if (!check(c.value)) {
        throw new AppError('OFFLINE_EDIT_FIELD', `${OFFLINE_FIELD_NAMES[c.field]}的取值不符合要求`, {
          field: `changes[${i}].value`,
          name: c.field,
        });
      }
      const key = `${c.personId ?? ''}:${c.field}`;
      if (seen.has(key)) {
        throw new AppError('OFFLINE_EDIT_FIELD', `${OFFLINE_FIELD_NAMES[c.field]}在一次修改中出现了两次`, {
          field: `changes[${i}].field`,
          name: c.field,
        });
      }
      seen.add(key);
    }
  }

  return {
    /** The phone's download (ADR 0042): the actor's households, a page at a time, with the facts it may change. */
    async pack(actor: Actor, after: string | undefined, pageSize: number) {
      requirePermission(actor, 'registry.read');
      const items = await editRepo.pack(actor, after, pageSize);
      await audit.append(actor, {
        action: AuditActions.householdOfflinePack,
        entity: 'household',
        regionCode: actor.regionCode,
        after: { total: items.length },
      });
      const last = items.length === pageSize ? items[items.length - 1]?.code : undefined;
      return { items, nextCursor: last ?? null };
    },

    async apply(
      actor: Actor,
      householdId: string,
      input: OfflineEditInput,
    ): Promise<OfflineEditResult & { repeated: boolean }> {
      requirePermission(actor, 'registry.write');
      validate(input);
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        const kept = await editRepo.claim(input.clientId, actor.username, householdId, trx);
        if (kept) {
          if (kept.username !== actor.username || kept.householdId !== householdId)
            throw new AppError('EDIT_ID_REUSED', '该修改编号已用于另一户的修改，请重新填写后同步', {
              field: 'clientId',
            });
          return { ...(kept.response as unknown as OfflineEditResult), repeated: true };
        }
        const members = await registryRepo.members(householdId, trx);
        const unchangedFile = household.version === input.baseVersion;
        const current = (c: OfflineChange) => {
          if (!c.personId) return (household as unknown as Record<string, unknown>)[c.field];
          return (members.find((m) => m.id === c.personId) as unknown as Record<string, unknown> | undefined)?.[
            c.field
          ];
        };
        for (const [i, c] of input.changes.entries()) {
          if (c.personId && !members.some((m) => m.id === c.personId))
            throw new AppError('OFFLINE_EDIT_FIELD', '该成员不在此户中', { field: `changes[${i}].personId` });
        }
        const writes: OfflineChange[] = [];
        const waits: OfflineChange[] = [];
        for (const c of input.changes) {
          const now = current(c);
          if (same(now, c.value)) continue; // the server already holds the cadre's value
          (unchangedFile || same(now, c.base) ? writes : waits).push(c);
        }
        // a member's health and disability level wait together when one of them meets a change
        for (const w of [...waits]) {
          const partner = LINKED[w.field];
          const i = writes.findIndex((c) => c.personId === w.personId && c.field === partner);
          if (i >= 0) waits.push(...writes.splice(i, 1));
        }
        const byPerson = new Map<string | null, OfflineChange[]>();
        for (const c of writes) byPerson.set(c.personId ?? null, [...(byPerson.get(c.personId ?? null) ?? []), c]);
        for (const [personId, changes] of byPerson) {
          const values = Object.fromEntries(changes.map((c) => [c.field, c.value]));
          const before = Object.fromEntries(changes.map((c) => [c.field, current(c) ?? null]));
          if (personId) {
            const m = members.find((x) => x.id === personId);
            const health = (values.health ?? m?.health) as string;
            const level = 'disabilityLevel' in values ? values.disabilityLevel : m?.disabilityLevel;
            if ((health === 'disabled') !== (level != null)) {
              throw new AppError('VALIDATION', '残疾人须填写残疾等级（1–4级），非残疾人不填', {
                field: 'disabilityLevel',
              });
            }
            await registryRepo.updatePerson(personId, personPatchColumns(values), trx);
          } else if ('address' in values) {
            await registryRepo.updateHousehold(householdId, { address: values.address as string }, trx);
          }
          await audit.append(
            actor,
            {
              action: AuditActions.householdOfflineEdit,
              entity: personId ? 'person' : 'household',
              entityId: personId ?? householdId,
              householdId,
              regionCode: household.regionCode,
              before,
              after: values,
            },
            trx,
          );
        }
        const householdWritten = byPerson.has(null);
        // one version step for the whole edit (members' changes move the household's version too)
        if (byPerson.size > 0 && !householdWritten) await registryRepo.updateHousehold(householdId, {}, trx);
        const conflicts: EditConflict[] = [];
        for (const c of waits) {
          const member = c.personId ? members.find((m) => m.id === c.personId) : undefined;
          const last = await editRepo.lastChange(
            c.personId ? 'person' : 'household',
            c.personId ?? householdId,
            c.field,
            trx,
          );
          conflicts.push({
            personId: c.personId ?? null,
            memberName: member?.name ?? null,
            field: c.field,
            base: c.base ?? null,
            mine: c.value,
            server: current(c) ?? null,
            changedBy: last?.by ?? null,
            changedAt: last?.at ?? null,
          });
        }
        if (conflicts.length > 0) {
          await audit.append(
            actor,
            {
              action: AuditActions.householdOfflineEdit,
              entity: 'household',
              entityId: householdId,
              householdId,
              regionCode: household.regionCode,
              after: {
                conflicts: conflicts.map((c) =>
                  [c.memberName, OFFLINE_FIELD_NAMES[c.field]].filter(Boolean).join('：'),
                ),
              },
            },
            trx,
          );
        }
        const result: OfflineEditResult = {
          householdId,
          clientId: input.clientId,
          version: household.version + (byPerson.size > 0 ? 1 : 0),
          applied: writes.map((c) => ({ personId: c.personId ?? null, field: c.field, value: c.value })),
          conflicts,
        };
        await editRepo.keepAnswer(input.clientId, result, trx);
        return { ...result, repeated: false };
      });
    },
  };
};

export type OfflineEditService = ReturnType<typeof offlineEditService>;

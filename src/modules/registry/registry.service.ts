import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { countedMembers, familyNetIncome, perCapitaNetIncome } from '../../domain/household-income.ts';
import { ageOn } from '../../domain/id-number.ts';
import { toYuan } from '../../domain/money.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, can, inScope, requirePermission, requireScope } from '../auth/actor.ts';
import { linkDeclarationsOf } from '../clues/clue-lifecycle.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { type PersonInput, type PersonPatch, personPatchColumns, personRow, protectIdNumber } from './person-input.ts';
import type { HouseholdFilter, RegistryRepository } from './registry.repository.ts';

interface Deps {
  db: Kysely<DB>;
  registryRepo: RegistryRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'path'>;
  audit: Pick<AuditRepository, 'append' | 'list'>;
  cipher: PiiCipher;
  now?: () => Date;
}

export interface NewHouseholdInput {
  regionCode: string;
  code?: string;
  address?: string;
  liftedOut?: boolean;
  liftedOutYear?: number | null;
  members: PersonInput[];
}

export interface HouseholdPatch {
  address?: string;
  liftedOut?: boolean;
  liftedOutYear?: number | null;
  headPersonId?: string;
  version?: number;
}

export interface IncomeInput {
  year: number;
  survey?: string;
  surveyedOn?: string | null;
  wage?: number;
  businessGross?: number;
  businessCost?: number;
  property?: number;
  transfer?: number;
  medicalExpense?: number;
  educationExpense?: number;
  disasterLoss?: number;
  accidentExpense?: number;
}

type Member = Awaited<ReturnType<RegistryRepository['members']>>[number];

/**
 * The responsible person (帮扶责任人) is assigned by the assistance module, which keeps its history and the deadline
 * (SPEC §9); a household edit that carries it is refused, naming the field and the endpoint, rather than ignored.
 */
function refuseMovedFields(householdId: string, patch: object) {
  const field = ['responsiblePerson', 'responsiblePhone'].find((k) => k in patch);
  if (!field) return;
  const endpoint = `PUT /api/households/${householdId}/responsible`;
  throw new AppError(
    'REGISTRY_FIELD_MOVED',
    `字段 ${field}（帮扶责任人）不能在修改农户信息中填写：请在农户的“帮扶”页指定帮扶责任人（${endpoint}），以记录变更历史和落实期限`,
    { field, endpoint },
  );
}

/** Registry use cases (SPEC §4): one household file (一户一档), members, incomes; every change audited. */
export const registryService = ({ db, registryRepo, regionsRepo, audit, cipher, now = () => new Date() }: Deps) => {
  const today = () => chinaToday(now());

  /**
   * A member as shown: the ID number masked and only the age unless the number is revealed (SPEC §17: the birth date
   * is digits 7–14 of the number, so it is shown only with the number, in an audited reveal); the ciphertext and the
   * birth year never leave the service.
   */
  const presentMember = (m: Member, reveal: boolean) => {
    const { idNumberEnc, idNumberMasked, birthDate, birthYear, ...rest } = m;
    const shown = {
      ...rest,
      idNumber: reveal ? cipher.decrypt(idNumberEnc) : idNumberMasked,
      age: ageOn(birthDate, today()),
    };
    return reveal ? { ...shown, birthDate } : shown;
  };

  const presentIncome = (i: Awaited<ReturnType<RegistryRepository['incomes']>>[number]) => {
    const net = familyNetIncome(i);
    const perCapita = perCapitaNetIncome(net, i.memberCount);
    const num = (v: string) => Number(v);
    return {
      ...i,
      wage: num(i.wage),
      businessGross: num(i.businessGross),
      businessCost: num(i.businessCost),
      property: num(i.property),
      transfer: num(i.transfer),
      medicalExpense: num(i.medicalExpense),
      educationExpense: num(i.educationExpense),
      disasterLoss: num(i.disasterLoss),
      accidentExpense: num(i.accidentExpense),
      businessNet: toYuan(Number(i.businessGross) * 100 - Number(i.businessCost) * 100),
      netIncome: toYuan(net),
      perCapitaNetIncome: perCapita === null ? null : toYuan(perCapita),
    };
  };

  const laborSummary = (members: Member[]) => {
    const normal = members.filter((m) => m.status === 'normal');
    if (normal.some((m) => m.labor === 'full')) return 'has';
    if (normal.some((m) => m.labor === 'partial')) return 'partial';
    return 'none';
  };

  /**
   * One person, one household, nationwide (SPEC §4.2). The household holding the number is named only when it lies
   * inside the actor's scope: a village user must not learn another village's household code from a 409 (issue 11
   * point 5); outside it the answer says only that the person is registered elsewhere.
   */
  async function assertIdFree(
    actor: Actor,
    hash: string,
    field: string,
    q?: Parameters<RegistryRepository['findPersonByHash']>[1],
  ) {
    const holder = await registryRepo.findPersonByHash(hash, q);
    if (!holder) return;
    if (!inScope(actor, holder.regionCode)) {
      throw new AppError(
        'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD',
        '该身份证号已登记在您管辖范围以外的一户中，一人只能属于一户；请联系上级核实',
        { field },
      );
    }
    throw new AppError(
      'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD',
      `该身份证号已登记在户 ${holder.householdCode} 中，一人只能属于一户`,
      { field, householdCode: holder.householdCode },
    );
  }

  return {
    async create(actor: Actor, input: NewHouseholdInput) {
      requirePermission(actor, 'registry.write');
      const village = await regionsRepo.findByCode(input.regionCode);
      if (!village)
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'regionCode' });
      if (village.level !== 5)
        throw new AppError('REGION_NOT_VILLAGE', '农户必须登记到村（12位区划代码）', { field: 'regionCode' });
      requireScope(actor, village.code);
      const heads = input.members.filter((m) => m.relation === 'head').length;
      if (heads !== 1) {
        throw new AppError(
          'REGISTRY_NO_HEAD',
          heads === 0 ? '必须有且只有一名户主（relation=head）' : '一户只能有一名户主',
          {
            field: 'members',
          },
        );
      }
      const seen = new Set<string>();
      for (const [i, m] of input.members.entries()) {
        const { columns } = protectIdNumber(cipher, m.idNumber, `members[${i}].idNumber`, now());
        if (seen.has(columns.id_number_hash)) {
          throw new AppError('REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', '同一身份证号在本户中重复出现', {
            field: `members[${i}].idNumber`,
          });
        }
        seen.add(columns.id_number_hash);
        await assertIdFree(actor, columns.id_number_hash, `members[${i}].idNumber`);
      }
      return db.transaction().execute(async (trx) => {
        const code = input.code ?? (await registryRepo.nextHouseholdCode(village.code, trx));
        const id = await registryRepo
          .insertHousehold(
            {
              region_code: village.code,
              code,
              address: input.address ?? '',
              lifted_out: input.liftedOut ?? false,
              lifted_out_year: input.liftedOutYear ?? null,
            },
            trx,
          )
          .catch((err: { code?: string; constraint?: string }) => {
            if (err.code === '23505')
              throw new AppError('REGISTRY_DUPLICATE_CODE', `户编号已存在：${code}`, { field: 'code' });
            throw err;
          });
        const rows = input.members.map((m, i) =>
          personRow(cipher, m, { householdId: id, regionCode: village.code, field: `members[${i}]`, today: now() }),
        );
        const persons = await registryRepo.insertPersons(rows, trx);
        const head = persons.find((p) => p.relation === 'head');
        await registryRepo.updateHousehold(id, { head_person_id: head?.id ?? null, version: 1 }, trx);
        // A member who declared before being registered: the open clue is linked now, in this transaction.
        await linkDeclarationsOf(
          trx,
          audit,
          actor,
          persons.map((p) => p.id),
        );
        await audit.append(
          actor,
          {
            action: AuditActions.householdCreate,
            entity: 'household',
            entityId: id,
            householdId: id,
            regionCode: village.code,
            after: {
              code,
              members: rows.map((r) => ({ name: r.name, idNumber: r.id_number_masked, relation: r.relation })),
            },
          },
          trx,
        );
        return { id, code };
      });
    },

    /** One household file; every read is audited (SPEC §17). `reveal` shows full ID numbers to roles allowed to. */
    async get(actor: Actor, id: string, opts: { reveal?: boolean } = {}) {
      requirePermission(actor, 'registry.read');
      if (opts.reveal) requirePermission(actor, 'pii.reveal');
      const household = await registryRepo.findHousehold(actor, id);
      if (!household) throw notFound('农户');
      const [members, incomes] = await Promise.all([registryRepo.members(id), registryRepo.incomes(id)]);
      await audit.append(actor, {
        action: opts.reveal ? AuditActions.personRevealId : AuditActions.householdRead,
        entity: 'household',
        entityId: id,
        householdId: id,
        regionCode: household.regionCode,
        after: opts.reveal ? { revealed: members.map((m) => m.id) } : undefined,
      });
      return {
        ...household,
        memberCount: countedMembers(members),
        laborSummary: laborSummary(members),
        members: members.map((m) => presentMember(m, !!opts.reveal)),
        incomes: incomes.map(presentIncome),
      };
    },

    async list(actor: Actor, filter: Omit<HouseholdFilter, 'idHash'> & { idNumber?: string }) {
      requirePermission(actor, 'registry.read');
      const { idNumber, ...rest } = filter;
      const idHash = idNumber ? protectIdNumber(cipher, idNumber, 'idNumber', now()).columns.id_number_hash : undefined;
      const result = await registryRepo.list(actor, { ...rest, idHash });
      // Who searched whom (issue 11 point 4); the ID number searched for is never stored, only that there was one.
      await audit.append(actor, {
        action: AuditActions.householdList,
        entity: 'household',
        regionCode: actor.regionCode,
        after: { ...rest, byIdNumber: idNumber !== undefined, total: result.total },
      });
      return { ...result, page: filter.page, pageSize: filter.pageSize };
    },

    async update(actor: Actor, id: string, patch: HouseholdPatch) {
      requirePermission(actor, 'registry.write');
      refuseMovedFields(id, patch);
      return db.transaction().execute(async (trx) => {
        const before = await registryRepo.lockHousehold(actor, id, trx);
        if (!before) throw notFound('农户');
        if (patch.version !== undefined && patch.version !== before.version) {
          throw new AppError('CONFLICT', '该户信息已被他人修改，请刷新后重试', { version: before.version });
        }
        if (patch.headPersonId && patch.headPersonId !== before.headPersonId) {
          const members = await registryRepo.members(id, trx);
          const newHead = members.find((m) => m.id === patch.headPersonId);
          if (newHead?.status !== 'normal') {
            throw new AppError('REGISTRY_NO_HEAD', '新户主必须是本户在册的正常成员', { field: 'headPersonId' });
          }
          if (before.headPersonId) await registryRepo.updatePerson(before.headPersonId, { relation: 'other' }, trx);
          await registryRepo.updatePerson(newHead.id, { relation: 'head' }, trx);
        }
        const changes = {
          address: patch.address,
          lifted_out: patch.liftedOut,
          lifted_out_year: patch.liftedOutYear,
          head_person_id: patch.headPersonId,
        };
        await registryRepo.updateHousehold(id, changes, trx);
        const after = await registryRepo.lockHousehold(actor, id, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.householdUpdate,
            entity: 'household',
            entityId: id,
            householdId: id,
            regionCode: before.regionCode,
            before,
            after,
          },
          trx,
        );
        return after;
      });
    },

    async addMember(actor: Actor, householdId: string, input: PersonInput) {
      requirePermission(actor, 'registry.write');
      if (input.relation === 'head') {
        throw new AppError('REGISTRY_NO_HEAD', '每户只能有一名户主；更换户主请修改户信息中的户主', {
          field: 'relation',
        });
      }
      const { columns } = protectIdNumber(cipher, input.idNumber, 'idNumber', now());
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        await assertIdFree(actor, columns.id_number_hash, 'idNumber', trx);
        const row = personRow(cipher, input, {
          householdId,
          regionCode: household.regionCode,
          field: 'member',
          today: now(),
        });
        const [created] = await registryRepo.insertPersons([row], trx);
        await registryRepo.updateHousehold(householdId, {}, trx);
        if (created) await linkDeclarationsOf(trx, audit, actor, [created.id]);
        await audit.append(
          actor,
          {
            action: AuditActions.personCreate,
            entity: 'person',
            entityId: created?.id,
            householdId,
            regionCode: household.regionCode,
            after: { name: row.name, idNumber: row.id_number_masked, relation: row.relation },
          },
          trx,
        );
        return { id: created?.id as string };
      });
    },

    async updateMember(actor: Actor, personId: string, patch: PersonPatch) {
      requirePermission(actor, 'registry.write');
      return db.transaction().execute(async (trx) => {
        const before = await registryRepo.findPerson(actor, personId, trx);
        if (!before) throw notFound('人员');
        await registryRepo.lockHousehold(actor, before.householdId, trx);
        if (patch.birthDate && patch.birthDate !== before.birthDate) {
          throw new AppError('REGISTRY_ID_MISMATCH', `出生日期须与身份证号一致（${before.birthDate}）`, {
            field: 'birthDate',
          });
        }
        if (patch.sex && patch.sex !== before.sex) {
          throw new AppError('REGISTRY_ID_MISMATCH', '性别须与身份证号第17位一致', { field: 'sex' });
        }
        if (patch.relation && (patch.relation === 'head') !== (before.relation === 'head')) {
          throw new AppError('REGISTRY_NO_HEAD', '更换户主请修改户信息中的户主（headPersonId）', { field: 'relation' });
        }
        const health = patch.health ?? before.health;
        const level = patch.disabilityLevel !== undefined ? patch.disabilityLevel : before.disabilityLevel;
        if ((health === 'disabled') !== (level != null)) {
          throw new AppError('VALIDATION', '残疾人须填写残疾等级（1–4级），非残疾人不填', { field: 'disabilityLevel' });
        }
        await registryRepo.updatePerson(personId, personPatchColumns(patch), trx);
        await registryRepo.updateHousehold(before.householdId, {}, trx);
        const after = await registryRepo.findPerson(actor, personId, trx);
        // The audit log is read by other roles: it keeps neither the ciphertext nor the birth date (SPEC §17).
        const strip = (p: typeof before) => {
          const { idNumberEnc, birthDate, ...rest } = p;
          return rest;
        };
        await audit.append(
          actor,
          {
            action: AuditActions.personUpdate,
            entity: 'person',
            entityId: personId,
            householdId: before.householdId,
            regionCode: before.regionCode,
            before: strip(before),
            after: after && strip(after),
          },
          trx,
        );
        return presentMember(after as Member, false);
      });
    },

    /** Income and expenditure of a year and survey (SPEC §4.3); re-recording a survey keeps the old figures in the audit log. */
    async recordIncome(actor: Actor, householdId: string, input: IncomeInput) {
      requirePermission(actor, 'registry.write');
      const thisYear = now().getUTCFullYear();
      if (!Number.isInteger(input.year) || input.year < 2013 || input.year > thisYear) {
        throw new AppError('REGISTRY_INCOME_INVALID', `年度无效：${input.year}`, { field: 'year' });
      }
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        const members = await registryRepo.members(householdId, trx);
        const survey = input.survey ?? 'annual';
        const before = await registryRepo.findIncome(householdId, input.year, survey, trx);
        const saved = await registryRepo.upsertIncome(
          {
            household_id: householdId,
            region_code: household.regionCode,
            year: input.year,
            survey,
            surveyed_on: input.surveyedOn ?? null,
            wage: input.wage ?? 0,
            business_gross: input.businessGross ?? 0,
            business_cost: input.businessCost ?? 0,
            property: input.property ?? 0,
            transfer: input.transfer ?? 0,
            medical_expense: input.medicalExpense ?? 0,
            education_expense: input.educationExpense ?? 0,
            disaster_loss: input.disasterLoss ?? 0,
            accident_expense: input.accidentExpense ?? 0,
            member_count: countedMembers(members),
            recorded_by: actor.userId,
          },
          trx,
        );
        const presented = presentIncome(saved);
        await audit.append(
          actor,
          {
            action: AuditActions.incomeRecord,
            entity: 'income',
            entityId: saved.id,
            householdId,
            regionCode: household.regionCode,
            before: before ? presentIncome(before) : undefined,
            after: presented,
          },
          trx,
        );
        return presented;
      });
    },

    /** The household's change history, from the audit log (SPEC §4.1 "the whole history of every change"). */
    async history(actor: Actor, householdId: string, page = 1, pageSize = 100) {
      requirePermission(actor, 'registry.read');
      const household = await registryRepo.findHousehold(actor, householdId);
      if (!household) throw notFound('农户');
      const history = await audit.list(actor, { householdId, page, pageSize });
      // Recorded against the household as entity, not as household_id, so that reading a history does not become
      // part of the history it reads.
      await audit.append(actor, {
        action: AuditActions.householdHistoryRead,
        entity: 'household',
        entityId: householdId,
        regionCode: household.regionCode,
      });
      return history;
    },

    canReveal: (actor: Actor) => can(actor, 'pii.reveal'),
  };
};

export type RegistryService = ReturnType<typeof registryService>;

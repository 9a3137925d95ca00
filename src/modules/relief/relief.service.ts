import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isDepartmentCode } from '../../domain/assistance/measure-catalogue.ts';
import { chinaToday, daysInMonth } from '../../domain/calendar/dates.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { maskIdNumber } from '../../domain/id-number.ts';
import { checkReliefPhoto } from '../../domain/relief/relief-photos.ts';
import {
  applyReliefAction,
  mayHandle,
  RELIEF_ACTION_LABELS,
  RELIEF_CHANNEL_LABELS,
  RELIEF_ESCALATION_LABELS,
  RELIEF_OUTCOME_LABELS,
  RELIEF_STATUS_LABELS,
  type ReliefAction,
  type ReliefChannel,
  type ReliefEscalation,
  type ReliefStatus,
  reliefEscalation,
} from '../../domain/relief/relief-request.ts';
import {
  DEFAULT_RELIEF_ITEMS,
  departmentName,
  type ReliefItem,
  validateReliefCatalogue,
} from '../../domain/relief/service-items.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { maskPhone, normalizePhone, trackingCode } from '../../shared/public-applicant.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, can, inScope, requirePermission, requireScope, SYSTEM_ACTOR } from '../auth/actor.ts';
import type { CalendarsService } from '../cases/calendars.service.ts';
import type { CluesService } from '../clues/clues.service.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { protectIdNumber } from '../registry/person-input.ts';
import { ancestry, type RegionSettings } from '../settings/region-settings.ts';
import type { ReliefFilter, ReliefRepository } from './relief.repository.ts';

/** Region settings key holding a county's service catalogue (SPEC §14; 云南 lists 15–16 items). */
export const RELIEF_CATALOGUE_KEY = 'relief.catalogue';

export interface ReliefApplication {
  channel: 'self' | 'proxy';
  applicantName: string;
  idNumber: string;
  phone: string;
  villageCode: string;
  itemCode: string;
  description: string;
  /** 他人代举: who applies, how related, and their phone. */
  proxy?: { name: string; relation: string; phone: string };
}

/** 政府托举: a cadre files an application for a household (or a person not yet registered) from the staff app. */
export interface GovernmentFiling {
  /** A registered person: name, ID number and village are taken from the registry (the cadre need not see the ID). */
  personId?: string;
  applicantName?: string;
  idNumber?: string;
  phone: string;
  villageCode?: string;
  itemCode: string;
  description: string;
}

/** An application with every applicant field present (a citizen's, or a filing completed from the registry). */
type Application = Required<Omit<GovernmentFiling, 'personId'>>;

interface Deps {
  db: Kysely<DB>;
  reliefRepo: ReliefRepository;
  cipher: PiiCipher;
  clues: Pick<CluesService, 'record'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get' | 'set' | 'newest' | 'history'>;
  calendars: Pick<CalendarsService, 'list'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
  /** Bytes a photo may have (Config.uploads.reliefPhotoBytes). */
  maxPhotoBytes?: number;
}

/** The citizen actor: no account; recorded as `citizen` in the audit log. */
const CITIZEN: Actor = { ...SYSTEM_ACTOR, username: 'citizen' };

const countyOf = (code: string) => code.slice(0, 6);
/** Steps that are not staff actions (those come from the action's own type). */
const STEP = { submit: 'submit', confirm: 'confirm', rate: 'rate' } as const;

function checkPhone(raw: string, field: string): string {
  const phone = normalizePhone(raw);
  if (!/^1\d{10}$/.test(phone)) throw new AppError('VALIDATION', '请填写11位手机号码', { field });
  return phone;
}

function text(value: string, field: string, label: string, max: number): string {
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) throw new AppError('VALIDATION', `请填写${label}`, { field });
  if (v.length > max) throw new AppError('VALIDATION', `${label}不能超过${max}字`, { field });
  return v;
}

/**
 * 政府救助平台 (SPEC §14): "线上受理、县级办理、省州监管". Applications come from the citizen (群众举手), from someone
 * on their behalf (他人代举) or from a cadre (政府托举); each goes to the responsible department's inbox in the
 * applicant's county with a working-day time limit, is accepted or referred, answered, urged when late, rated by
 * the applicant — and is also a monitoring clue on the household (SPEC §6 channel 1).
 */
export const reliefService = ({
  db,
  reliefRepo,
  cipher,
  clues,
  regionsRepo,
  settings,
  calendars,
  audit,
  now = () => new Date(),
  maxPhotoBytes,
}: Deps) => {
  const today = () => chinaToday(now());
  /** Each step is dated on the service's clock, as the dates of the application are. */
  const addStep = (row: Parameters<ReliefRepository['addStep']>[0], q: Parameters<ReliefRepository['addStep']>[1]) =>
    reliefRepo.addStep({ ...row, at: now() }, q);

  /** The catalogue in force for a region: the nearest level that set one, else the fourteen default items. */
  async function catalogue(regionCode: string): Promise<readonly ReliefItem[]> {
    const rows = await settings.newest({ keys: [RELIEF_CATALOGUE_KEY], codes: ancestry(regionCode) });
    const nearest = rows.sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
    return (nearest?.value as { items?: ReliefItem[] } | undefined)?.items ?? DEFAULT_RELIEF_ITEMS;
  }

  const presentItem = (i: ReliefItem) => ({
    code: i.code,
    name: i.name,
    department: i.department,
    departmentName: departmentName(i.department),
    limitDays: i.limitDays,
    materials: [...i.materials],
    needsRegistryMatch: i.needsRegistryMatch,
    enabled: i.enabled,
  });

  /** The limits of the county that handles an application in `regionCode` (县级办理: one county, one rule). */
  async function limits(regionCode: string) {
    return (
      await settings.get<{
        escalateAfterDays: number;
        perPhonePerDay: number;
        perIdPerDay: number;
        photosPerRequest: number;
      }>('relief.limits', countyOf(regionCode))
    ).value;
  }

  /** The abuse guard of the public side (no captcha): per phone and per ID number and day. */
  async function checkQuota(regionCode: string, phoneHash: string, idHash: string) {
    const quota = await limits(regionCode);
    const since = new Date(now().getTime() - 86_400_000);
    if ((await reliefRepo.countSince('phone_hash', phoneHash, since)) >= quota.perPhonePerDay) {
      throw new AppError('RELIEF_QUOTA_EXCEEDED', `同一手机号每天最多提交${quota.perPhonePerDay}件申请，请明天再试`, {
        field: 'phone',
      });
    }
    if ((await reliefRepo.countSince('id_number_hash', idHash, since)) >= quota.perIdPerDay) {
      throw new AppError('RELIEF_QUOTA_EXCEEDED', `同一身份证号每天最多提交${quota.perIdPerDay}件申请，请明天再试`, {
        field: 'idNumber',
      });
    }
  }

  async function submitAny(
    actor: Actor,
    input: Application,
    channel: ReliefChannel,
    proxy: ReliefApplication['proxy'] | undefined,
  ) {
    const applicantName = text(input.applicantName, 'applicantName', '申请人姓名', 30);
    const description = text(input.description, 'description', '困难情况', 2000);
    const phone = checkPhone(input.phone, 'phone');
    const village = await regionsRepo.findByCode(input.villageCode);
    if (village?.level !== 5) throw new AppError('REGION_UNKNOWN', '请选择所在的村（社区）', { field: 'villageCode' });
    if (actor !== CITIZEN) requireScope(actor, village.code);
    const item = (await catalogue(village.code)).find((i) => i.code === input.itemCode && i.enabled);
    if (!item) throw new AppError('RELIEF_ITEM_UNKNOWN', '请选择服务事项', { field: 'itemCode' });
    const proxyRow = proxy
      ? {
          proxy_name: text(proxy.name, 'proxy.name', '代举人姓名', 30),
          proxy_relation: text(proxy.relation, 'proxy.relation', '与申请人关系', 20),
          proxy_phone_hash: cipher.hash(`phone:${checkPhone(proxy.phone, 'proxy.phone')}`),
        }
      : {};
    const { columns } = protectIdNumber(cipher, input.idNumber, 'idNumber', now());
    const phoneHash = cipher.hash(`phone:${phone}`);
    if (actor === CITIZEN) await checkQuota(village.code, phoneHash, columns.id_number_hash);
    const receivedOn = chinaToday(now());
    const due = addWorkingDays(receivedOn, item.limitDays, await calendars.list());
    const person = await reliefRepo.findPersonByIdHash(columns.id_number_hash);
    const code = trackingCode('JZ');
    const { photosPerRequest } = await limits(village.code);
    const channelName = RELIEF_CHANNEL_LABELS[channel];
    return db.transaction().execute(async (trx) => {
      // Every application is also a monitoring clue on the household (SPEC §14, §6 channel 1); a person not yet in
      // the registry gives a clue on the village that stays linkable, as declarations do.
      const clue = await clues.record(
        actor === CITIZEN ? CITIZEN : actor,
        {
          channel: 'self_declaration',
          sourceKind: 'relief_platform',
          sourceRef: code,
          householdId: person?.householdId ?? null,
          personId: person?.id ?? null,
          regionCode: person?.regionCode ?? village.code,
          finding: `${applicantName}通过政府救助平台（${channelName}）申请${item.name}：${description}`,
          facts: { trackingCode: code, item: item.code },
          riskTypes: [...item.riskTypes],
          receivedOn,
        },
        trx,
      );
      const { id } = await reliefRepo.insert(
        {
          tracking_code: code,
          region_code: village.code,
          county_code: countyOf(village.code),
          item_code: item.code,
          item_name: item.name,
          department: item.department,
          channel,
          applicant_name: applicantName,
          id_number_enc: columns.id_number_enc,
          id_number_hash: columns.id_number_hash,
          phone_enc: cipher.encrypt(phone),
          phone_hash: phoneHash,
          ...proxyRow,
          confirmed_at: channel === 'proxy' ? null : now(),
          filed_by: channel === 'government' ? actor.username : null,
          description,
          received_on: receivedOn,
          due_on: due.end,
          due_estimated: due.uncertain,
          household_id: person?.householdId ?? null,
          person_id: person?.id ?? null,
          clue_id: clue.id,
        },
        trx,
      );
      await addStep(
        {
          request_id: id,
          action: STEP.submit,
          actor: actor.username,
          actor_name: channel === 'government' ? '村（社区）代为申请' : proxy ? '他人代为申请' : '申请人本人',
          to_department: item.department,
          note: null,
        },
        trx,
      );
      await audit.append(
        actor,
        {
          action: AuditActions.reliefSubmit,
          entity: 'relief_request',
          entityId: id,
          regionCode: village.code,
          householdId: person?.householdId ?? null,
          after: { trackingCode: code, item: item.code, channel, department: item.department, dueOn: due.end },
        },
        trx,
      );
      return {
        trackingCode: code,
        itemName: item.name,
        departmentName: departmentName(item.department),
        dueOn: due.end,
        dueEstimated: due.uncertain,
        photosAllowed: photosPerRequest,
        message: `申请已提交，查询码 ${code}。${departmentName(item.department)}将在${item.limitDays}个工作日内（${due.end}前）办理答复，请凭查询码和手机号查看办理进度。`,
      };
    });
  }

  /** Finds an application by tracking code and the applicant's phone; a wrong pair answers as "not found". */
  async function byCodeAndPhone(code: string, phone: string) {
    const r = await reliefRepo.findByTrackingCode(code.trim().toUpperCase());
    if (!r || r.phoneHash !== cipher.hash(`phone:${normalizePhone(phone)}`)) {
      throw new AppError('NOT_FOUND', '查询码或手机号不正确');
    }
    return r;
  }

  function present<
    T extends {
      status: ReliefStatus;
      department: string;
      channel: ReliefChannel;
      receivedOn: string;
      dueOn: string;
      outcome: string | null;
    },
  >(r: T, escalateAfterDays: number, asOf = today()) {
    const escalation: ReliefEscalation = reliefEscalation(r, asOf, escalateAfterDays);
    return {
      ...r,
      statusName: RELIEF_STATUS_LABELS[r.status],
      channelName: RELIEF_CHANNEL_LABELS[r.channel],
      departmentName: departmentName(r.department),
      outcomeName: r.outcome ? RELIEF_OUTCOME_LABELS[r.outcome as keyof typeof RELIEF_OUTCOME_LABELS] : null,
      overdue: escalation !== 'none',
      escalation,
      escalationName: RELIEF_ESCALATION_LABELS[escalation],
    };
  }

  async function presentSteps(requestId: string) {
    return (await reliefRepo.steps(requestId)).map((s) => ({
      seq: s.seq,
      action: s.action,
      actionName: RELIEF_ACTION_LABELS[s.action],
      actorName: s.actorName,
      fromDepartmentName: s.fromDepartment ? departmentName(s.fromDepartment) : null,
      toDepartmentName: s.toDepartment ? departmentName(s.toDepartment) : null,
      note: s.note,
      at: s.at,
    }));
  }

  /** A department user sees its own department's applications only; everyone sees only their region. */
  function canSee(actor: Actor, r: { regionCode: string; department: string }) {
    if (!inScope(actor, r.regionCode)) return false;
    return actor.role !== 'department' || actor.department === r.department;
  }

  /** Stores one checked photo as the application's next, audited in the same transaction. */
  async function storePhoto(
    actor: Actor,
    r: { id: string; regionCode: string; householdId: string | null },
    content: Buffer,
    uploadedBy: string,
  ) {
    const checked = checkReliefPhoto(content, maxPhotoBytes);
    if (!checked.ok) throw new AppError(checked.code, checked.message, { field: 'photo' });
    const max = (await limits(r.regionCode)).photosPerRequest;
    return db.transaction().execute(async (trx) => {
      const row = {
        requestId: r.id,
        regionCode: r.regionCode,
        mime: checked.mime,
        size: checked.size,
        sha256: checked.sha256,
      };
      const stored = await reliefRepo.addPhoto(row, checked.content, uploadedBy, max, trx);
      if ('full' in stored) {
        throw new AppError('RELIEF_PHOTOS_FULL', `每件申请最多附${max}张照片`, { field: 'photo' });
      }
      if (!stored.duplicate) {
        await audit.append(
          actor,
          {
            action: AuditActions.reliefPhotoAdd,
            entity: 'relief_request',
            entityId: r.id,
            regionCode: r.regionCode,
            householdId: r.householdId,
            after: {
              photoId: stored.id,
              seq: stored.seq,
              mime: checked.mime,
              size: checked.size,
              sha256: checked.sha256,
            },
          },
          trx,
        );
      }
      return { id: stored.id, seq: stored.seq, size: checked.size, mime: checked.mime };
    });
  }

  return {
    catalogue,

    /** The applicant adds a photo to their application (凭查询码和手机号), until it is answered. */
    async addPublicPhoto(code: string, phone: string, content: Buffer) {
      const r = await byCodeAndPhone(code, phone);
      if (r.status === 'replied') throw new AppError('RELIEF_ALREADY_DONE', '申请已办结，不能再补充照片');
      return storePhoto(CITIZEN, r, content, 'citizen');
    },

    /** A cadre or the handling department adds a photo (政府托举 evidence, a visit's picture). */
    async addPhoto(actor: Actor, id: string, content: Buffer) {
      const r = await reliefRepo.findById(id);
      if (!r || !canSee(actor, r)) throw notFound('救助申请');
      if (!mayHandle(actor, r) && !can(actor, 'registry.write')) {
        throw new AppError('AUTH_FORBIDDEN', '您没有为该申请补充照片的权限');
      }
      if (r.status === 'replied') throw new AppError('RELIEF_ALREADY_DONE', '申请已办结，不能再补充照片');
      return storePhoto(actor, r, content, actor.username);
    },

    /** One photo's bytes for whoever may see the application; each view is audited. */
    async photo(actor: Actor, id: string, photoId: string) {
      const r = await reliefRepo.findById(id);
      if (!r || !canSee(actor, r)) throw notFound('救助申请');
      const p = await reliefRepo.photo(id, photoId);
      if (!p) throw notFound('照片');
      await audit.append(actor, {
        action: AuditActions.reliefPhotoRead,
        entity: 'relief_request',
        entityId: r.id,
        regionCode: r.regionCode,
        householdId: r.householdId,
        after: { photoId: p.id },
      });
      return p;
    },

    async publicCatalogue(villageCode: string) {
      const village = await regionsRepo.findByCode(villageCode);
      if (village?.level !== 5) throw new AppError('REGION_UNKNOWN', '请选择所在的村（社区）', { field: 'village' });
      return (await catalogue(villageCode)).filter((i) => i.enabled).map(presentItem);
    },

    async getCatalogue(actor: Actor, regionCode: string) {
      if (!inScope(actor, regionCode) && !actor.regionCode.startsWith(regionCode)) requireScope(actor, regionCode);
      const items = (await catalogue(regionCode)).map((i) => ({ ...presentItem(i), riskTypes: [...i.riskTypes] }));
      return { regionCode, items };
    },

    /** A county replaces its catalogue (kept with history as a region setting, audited there). */
    async setCatalogue(actor: Actor, regionCode: string, items: ReliefItem[]) {
      requirePermission(actor, 'settings.write');
      requireScope(actor, regionCode);
      const issues = validateReliefCatalogue(items);
      if (issues.length) {
        throw new AppError('RELIEF_CATALOGUE_INVALID', issues.map((i) => i.message).join('；'), { errors: issues });
      }
      const clean = items.map((i) => ({ ...i, name: i.name.trim(), materials: i.materials.map((m) => m.trim()) }));
      await db
        .transaction()
        .execute((trx) => settings.set(actor, RELIEF_CATALOGUE_KEY, regionCode, { items: clean }, trx));
      return { regionCode, items: clean.map((i) => ({ ...presentItem(i), riskTypes: [...i.riskTypes] })) };
    },

    /** 群众举手 / 他人代举: the public side, no account. */
    apply(input: ReliefApplication) {
      if (input.channel === 'proxy' && !input.proxy) {
        throw new AppError('VALIDATION', '他人代举须填写代举人姓名、关系和电话', { field: 'proxy' });
      }
      return submitAny(CITIZEN, input, input.channel, input.channel === 'proxy' ? input.proxy : undefined);
    },

    /** 政府托举: a village, township or county user files for a household in scope. */
    async file(actor: Actor, input: GovernmentFiling) {
      requirePermission(actor, 'registry.write');
      if (input.personId) {
        const person = await reliefRepo.findPersonForFiling(input.personId);
        if (!person || !inScope(actor, person.regionCode)) throw notFound('成员');
        return submitAny(
          actor,
          {
            ...input,
            applicantName: person.name,
            idNumber: cipher.decrypt(person.idNumberEnc),
            villageCode: person.regionCode,
          },
          'government',
          undefined,
        );
      }
      const missing = (['applicantName', 'idNumber', 'villageCode'] as const).find((f) => !input[f]?.trim());
      if (missing) {
        const names = { applicantName: '申请人姓名', idNumber: '身份证号', villageCode: '所在村（社区）' };
        throw new AppError('VALIDATION', `请填写${names[missing]}，或从农户档案中选择成员`, { field: missing });
      }
      return submitAny(actor, input as Application, 'government', undefined);
    },

    /** The applicant's status page: every step, the result, whether they may rate or must confirm. */
    async publicStatus(code: string, phone: string) {
      const r = await byCodeAndPhone(code, phone);
      const { escalateAfterDays } = await limits(r.regionCode);
      const p = present(r, escalateAfterDays);
      return {
        trackingCode: r.trackingCode,
        itemName: r.itemName,
        village: r.village,
        departmentName: p.departmentName,
        status: r.status,
        statusName: p.statusName,
        receivedOn: r.receivedOn,
        dueOn: r.dueOn,
        dueEstimated: r.dueEstimated,
        overdue: p.overdue,
        outcomeName: p.outcomeName,
        resultNote: r.resultNote,
        rating: r.rating,
        needsConfirmation: r.channel === 'proxy' && !r.confirmedAt,
        canRate: r.status === 'replied' && r.rating === null,
        photoCount: (await reliefRepo.photos(r.id)).length,
        photosAllowed: r.status === 'replied' ? 0 : (await limits(r.regionCode)).photosPerRequest,
        steps: await presentSteps(r.id),
      };
    },

    /** The applicant confirms an application made on their behalf (他人代举). */
    async confirm(code: string, phone: string) {
      const r = await byCodeAndPhone(code, phone);
      if (r.channel !== 'proxy' || r.confirmedAt) throw new AppError('RELIEF_ALREADY_DONE', '该申请无需再确认');
      await db.transaction().execute(async (trx) => {
        await reliefRepo.update(r.id, { confirmed_at: now() }, trx);
        await addStep({ request_id: r.id, action: STEP.confirm, actor: 'citizen', actor_name: '申请人本人' }, trx);
        await audit.append(
          CITIZEN,
          { action: AuditActions.reliefConfirm, entity: 'relief_request', entityId: r.id, regionCode: r.regionCode },
          trx,
        );
      });
      return { trackingCode: r.trackingCode, confirmed: true };
    },

    /** The applicant rates the handling (满意度), once, after the reply. */
    async rate(code: string, phone: string, rating: number, note?: string) {
      const r = await byCodeAndPhone(code, phone);
      if (r.status !== 'replied') throw new AppError('RELIEF_NOT_REPLIED', '办结后才能评价');
      if (r.rating !== null) throw new AppError('RELIEF_ALREADY_DONE', '您已评价过，谢谢');
      const clean = note?.trim() ? text(note, 'note', '评价意见', 500) : null;
      await db.transaction().execute(async (trx) => {
        await reliefRepo.update(r.id, { rating, rating_note: clean, rated_at: now() }, trx);
        await addStep(
          {
            request_id: r.id,
            action: STEP.rate,
            actor: 'citizen',
            actor_name: '申请人本人',
            note: `${rating}星${clean ? `：${clean}` : ''}`,
          },
          trx,
        );
        await audit.append(
          CITIZEN,
          {
            action: AuditActions.reliefRate,
            entity: 'relief_request',
            entityId: r.id,
            regionCode: r.regionCode,
            after: { rating },
          },
          trx,
        );
      });
      return { trackingCode: r.trackingCode, rating };
    },

    /** The inbox: a department its own applications; county, township, village and supervisors their region's. */
    async list(actor: Actor, filter: ReliefFilter) {
      const department = actor.role === 'department' ? (actor.department ?? '-') : filter.department;
      const { rows, total } = await reliefRepo.list(actor, { ...filter, department });
      const { escalateAfterDays } = await limits(actor.regionCode);
      return {
        total,
        page: filter.page,
        pageSize: filter.pageSize,
        items: rows.map((r) => present(r, escalateAfterDays)),
      };
    },

    /** One application with its steps; the phone is shown to whoever may handle it. The read is audited. */
    async detail(actor: Actor, id: string) {
      const r = await reliefRepo.findById(id);
      if (!r || !canSee(actor, r)) throw notFound('救助申请');
      const { escalateAfterDays } = await limits(r.regionCode);
      const handler = mayHandle(actor, r);
      await audit.append(actor, {
        action: AuditActions.reliefRead,
        entity: 'relief_request',
        entityId: r.id,
        regionCode: r.regionCode,
        householdId: r.householdId,
      });
      const { idNumberEnc, idNumberHash: _h, phoneEnc, ...rest } = r;
      const phone = cipher.decrypt(phoneEnc);
      return {
        ...present(rest, escalateAfterDays),
        idNumber: maskIdNumber(cipher.decrypt(idNumberEnc)),
        phone: handler ? phone : maskPhone(phone),
        inRegistry: r.personId !== null,
        mayHandle: handler,
        steps: await presentSteps(r.id),
        photos: (await reliefRepo.photos(r.id)).map((p) => ({ id: p.id, seq: p.seq, size: p.size, mime: p.mime })),
      };
    },

    /** accept / refer / reply / urge, each a step, audited in the same transaction. */
    async act(actor: Actor, id: string, action: ReliefAction) {
      return db.transaction().execute(async (trx) => {
        const row = await reliefRepo.findForUpdate(id, trx);
        if (!row || !canSee(actor, { regionCode: row.region_code, department: row.department })) {
          throw notFound('救助申请');
        }
        const result = applyReliefAction({ status: row.status, department: row.department }, action, actor);
        if (!result.ok) {
          throw new AppError(result.code, result.message, result.field ? { field: result.field } : {});
        }
        if (action.type === 'refer' && !isDepartmentCode(action.department)) {
          throw new AppError('VALIDATION', '请选择转办的部门', { field: 'department' });
        }
        const at = now();
        const patch =
          action.type === 'reply'
            ? {
                status: result.state.status,
                outcome: action.outcome,
                result_note: action.note.trim(),
                replied_at: at,
                replied_on: chinaToday(at),
              }
            : action.type === 'urge'
              ? { urged_count: row.urged_count + 1 }
              : { status: result.state.status, department: result.state.department };
        await reliefRepo.update(row.id, patch, trx);
        const note =
          action.type === 'refer'
            ? action.reason.trim()
            : action.type === 'accept'
              ? action.note?.trim() || null
              : action.note.trim();
        await addStep(
          {
            request_id: row.id,
            action: action.type,
            actor: actor.username,
            actor_name:
              actor.role === 'department' && actor.department
                ? departmentName(actor.department)
                : actor.role === 'supervisor'
                  ? '上级监管部门'
                  : '县防返贫工作领导小组办公室',
            from_department: action.type === 'refer' ? row.department : null,
            to_department: action.type === 'refer' ? action.department : null,
            note,
          },
          trx,
        );
        const auditAction = {
          accept: AuditActions.reliefAccept,
          refer: AuditActions.reliefRefer,
          reply: AuditActions.reliefReply,
          urge: AuditActions.reliefUrge,
        }[action.type];
        await audit.append(
          actor,
          {
            action: auditAction,
            entity: 'relief_request',
            entityId: row.id,
            regionCode: row.region_code,
            householdId: row.household_id,
            before: { status: row.status, department: row.department },
            after: { ...result.state, note },
          },
          trx,
        );
        return { id: row.id, status: result.state.status, department: result.state.department };
      });
    },

    /**
     * Late applications on `asOf`: the county sees every overdue one of its county; a supervisor above the county
     * sees those escalated to it (SPEC §14 省州监管).
     */
    async overdue(actor: Actor, asOf: string = today()) {
      const department = actor.role === 'department' ? (actor.department ?? '-') : undefined;
      const rows = await reliefRepo.overdue(actor, asOf, department);
      const aboveCounty = actor.regionCode.length < 6;
      // One settings read per county, not per application.
      const byCounty = new Map<string, number>();
      for (const county of new Set(rows.map((r) => countyOf(r.regionCode)))) {
        byCounty.set(county, (await limits(county)).escalateAfterDays);
      }
      const items = rows
        .map((r) => present(r, byCounty.get(countyOf(r.regionCode)) ?? 0, asOf))
        .filter((r) => r.escalation !== 'none' && (!aboveCounty || r.escalation === 'prefecture'));
      return { asOf, total: items.length, items };
    },

    /** Applications in a household file. */
    async forHousehold(actor: Actor, householdId: string, regionCode: string) {
      requireScope(actor, regionCode);
      const { escalateAfterDays } = await limits(regionCode);
      return (await reliefRepo.forHousehold(householdId)).map((r) => present(r, escalateAfterDays));
    },

    /** Figures by item and department for a region and month (SPEC §14: feed the reports). */
    async figures(actor: Actor, region: string, month: string) {
      requireScope(actor, region);
      const from = `${month}-01`;
      const to = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
      const rows = await reliefRepo.figures(actor, region, from, to, today());
      const items = rows.map((r) => ({
        itemCode: r.itemCode,
        itemName: r.itemName,
        departmentName: departmentName(r.department),
        received: Number(r.received),
        replied: Number(r.replied),
        inTime: Number(r.inTime),
        overdue: Number(r.overdue),
        rated: Number(r.rated),
        satisfied: Number(r.satisfied),
      }));
      const sum = (k: 'received' | 'replied' | 'inTime' | 'overdue' | 'rated' | 'satisfied') =>
        items.reduce((s, i) => s + i[k], 0);
      return {
        region,
        month,
        totals: {
          received: sum('received'),
          replied: sum('replied'),
          inTime: sum('inTime'),
          overdue: sum('overdue'),
          rated: sum('rated'),
          satisfied: sum('satisfied'),
        },
        items,
      };
    },
  };
};

export type ReliefService = ReturnType<typeof reliefService>;

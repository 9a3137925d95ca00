import { type Kysely, sql, type Transaction } from 'kysely';
import type { ClueChannel, ClueResult, DB } from '../../db/schema.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import type { VisitFindings } from '../../domain/picture/index.ts';
import { checkReliefPhoto, MAX_RELIEF_PHOTO_BYTES } from '../../domain/relief/relief-photos.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, inScope, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { linkDeclarationsOf } from './clue-lifecycle.ts';
import type { ClueFilter, CluesRepository } from './clues.repository.ts';
import { clueFactKey } from './fact-key.ts';

export const CHANNEL_LABELS: Record<ClueChannel, string> = {
  self_declaration: '农户自主申报',
  cadre_screening: '基层干部排查',
  department: '部门筛查预警',
  social: '社会信息补充',
};

export const RESULT_LABELS: Record<ClueResult, string> = {
  no_risk: '核实无风险',
  start_identification: '启动识别程序',
  start_elimination: '启动风险消除程序',
  household_change: '家庭成员或户信息变更',
  merged_into_case: '并入程序',
};

export interface NewClue {
  channel: ClueChannel;
  sourceKind: string;
  sourceRef?: string;
  householdId?: string | null;
  personId?: string | null;
  regionCode?: string;
  finding: string;
  facts?: Record<string, unknown>;
  riskTypes?: string[];
  severity?: 'low' | 'normal' | 'high';
  receivedOn?: string;
  assigneeName?: string | null;
}

interface Deps {
  db: Kysely<DB>;
  cluesRepo: CluesRepository;
  registryRepo: Pick<RegistryRepository, 'findHousehold'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
  /** Bytes a visit photo may have (Config.uploads.reliefPhotoBytes: one cap for every photo taken on a phone). */
  maxPhotoBytes?: number;
}

/** Where the cadre stood when recording a visit (the phone's position, only when the cadre allowed it). */
export interface VisitLocation {
  latitude: number;
  longitude: number;
  /** metres */
  accuracy?: number;
}

const MAX_FACTS_CHARS = 16_000;

/**
 * The clue ledger (监测预警信息台账, SPEC §6): every signal from the four channels enters one ledger, is verified and
 * closed one by one with a result and a person (办理一条销号一条); the same facts for the same household are merged.
 */
export const cluesService = ({
  db,
  cluesRepo,
  registryRepo,
  regionsRepo,
  settings,
  audit,
  now = () => new Date(),
  maxPhotoBytes = MAX_RELIEF_PHOTO_BYTES,
}: Deps) => {
  const today = () => chinaToday(now());

  return {
    /** Records a clue inside a transaction of the caller's (imports, screening, declarations) or its own. */
    async record(actor: Actor, input: NewClue, trx?: Transaction<DB>): Promise<{ id: string; merged: boolean }> {
      // All reads go through the caller's transaction: PGlite has a single connection, and a read outside an open
      // transaction would wait for it forever.
      const write = async (q: Transaction<DB>) => {
        let regionCode = input.regionCode;
        if (input.householdId) {
          const household = await registryRepo.findHousehold(actor, input.householdId, q);
          if (!household) throw notFound('农户');
          regionCode = household.regionCode;
        }
        if (!regionCode) throw new AppError('VALIDATION', '线索必须关联农户或区划', { field: 'householdId' });
        const region = await regionsRepo.findByCode(regionCode, q);
        if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${regionCode}`, { field: 'regionCode' });
        requireScope(actor, regionCode);
        if (!input.finding.trim()) throw new AppError('VALIDATION', '请填写发现的情况', { field: 'finding' });
        const receivedOn = input.receivedOn ?? today();
        const { value } = await settings.get<{ days: number }>('clues.dueDays', regionCode, q);
        const facts = input.facts ?? {};
        // The facts identify the clue (fact_key) and are shown with it: a few fields, never megabytes (issue 11).
        if (JSON.stringify(facts).length > MAX_FACTS_CHARS) {
          throw new AppError('VALIDATION', '线索的事实内容过长（应少于 16000 个字符）', { field: 'facts' });
        }
        const sourceRef = input.sourceRef ?? '';
        const saved = await cluesRepo.insertOrMerge(
          {
            region_code: regionCode,
            channel: input.channel,
            source_kind: input.sourceKind,
            source_ref: sourceRef,
            household_id: input.householdId ?? null,
            person_id: input.personId ?? null,
            finding: input.finding.trim(),
            facts: JSON.stringify(facts),
            fact_key: clueFactKey(
              input.householdId ?? input.personId ?? regionCode,
              input.sourceKind,
              sourceRef,
              facts,
            ),
            risk_types: input.riskTypes ?? [],
            severity: input.severity ?? 'normal',
            received_on: receivedOn,
            due_on: shiftDate(receivedOn, value.days),
            assignee_name: input.assigneeName ?? null,
            assignee_id: null,
            result: null,
            result_note: null,
            closed_by: null,
            closed_by_name: null,
            closed_at: null,
            case_id: null,
            created_by: actor.username,
            created_at: now(),
            last_seen_at: now(),
          },
          q,
        );
        await audit.append(
          actor,
          {
            action: saved.merged ? AuditActions.clueMerge : AuditActions.clueCreate,
            entity: 'clue',
            entityId: saved.id,
            regionCode,
            householdId: input.householdId ?? null,
            after: {
              channel: input.channel,
              sourceKind: input.sourceKind,
              sourceRef,
              finding: input.finding,
              riskTypes: input.riskTypes,
            },
          },
          q,
        );
        return saved;
      };
      return trx ? write(trx) : db.transaction().execute(write);
    },

    /**
     * A clue registered by a user (POST /api/clues): only a writing role, inside its scope (issue 11 point 5 — the
     * read-only supervisor and a department user were given 201 and a `merged` flag telling them a household exists).
     * Imports, declarations and relief call `record` with their own checks.
     */
    create(actor: Actor, input: NewClue) {
      requirePermission(actor, 'registry.write');
      return this.record(actor, input);
    },

    /**
     * A cadre's screening visit (SPEC §6 channel 2). When the household has open clues, the visit is their on-site
     * verification (issue 10): it is recorded on them — and closes them as 核实无风险 when no risk was found —
     * instead of opening a clue beside them. A visit that finds no risk is also kept as a closed screening record;
     * a visit that finds a risk on a household without open clues opens one.
     */
    async recordVisit(
      actor: Actor,
      input: {
        householdId: string;
        visitedOn?: string;
        finding: string;
        riskTypes?: string[];
        noRisk?: boolean;
        /** Structured findings (risk facts, expenses, events) that enter the household picture (SPEC §7.4). */
        findings?: VisitFindings;
        /** The id the phone gave a visit recorded offline (issue 14 point 3): a repeat upload answers the first. */
        clientId?: string;
        location?: VisitLocation;
      },
    ) {
      requirePermission(actor, 'registry.write');
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.findHousehold(actor, input.householdId, trx);
        if (!household) throw notFound('农户');
        requireScope(actor, household.regionCode);
        if (!input.clientId) return this.saveVisit(actor, input, household, trx);
        const kept = await cluesRepo.claimVisit(input.clientId, actor.username, input.householdId, trx);
        if (kept) {
          if (kept.username !== actor.username || kept.householdId !== input.householdId)
            throw new AppError('VISIT_ID_REUSED', '该走访编号已用于另一条走访记录，请重新填写后上传', {
              field: 'clientId',
            });
          return { ...(kept.response as Awaited<ReturnType<typeof this.saveVisit>>), repeated: true };
        }
        const saved = await this.saveVisit(actor, input, household, trx);
        await cluesRepo.keepVisitAnswer(input.clientId, saved, trx);
        return { ...saved, repeated: false };
      });
    },

    /** recordVisit's work inside its transaction, once per visit. */
    async saveVisit(
      actor: Actor,
      input: {
        householdId: string;
        visitedOn?: string;
        finding: string;
        riskTypes?: string[];
        noRisk?: boolean;
        findings?: VisitFindings;
        location?: VisitLocation;
      },
      household: { regionCode: string },
      trx: Transaction<DB>,
    ) {
      {
        const visitedOn = input.visitedOn ?? today();
        const open = await trx
          .selectFrom('clues')
          .select(['id', 'facts', 'risk_types as riskTypes'])
          .where('household_id', '=', input.householdId)
          .where('status', '<>', 'closed')
          .orderBy('received_on')
          .execute();
        const visit = {
          visitedOn,
          by: actor.username,
          finding: input.finding,
          riskTypes: input.riskTypes ?? [],
          ...(input.findings ? { findings: input.findings } : {}),
          ...(input.location ? { location: input.location } : {}),
        };
        for (const c of open) {
          const facts = (c.facts ?? {}) as { visits?: unknown[] };
          await cluesRepo.update(
            c.id,
            {
              status: 'verifying',
              facts: JSON.stringify({ ...facts, visits: [...(facts.visits ?? []), visit] }),
              risk_types: [...new Set([...c.riskTypes, ...(input.riskTypes ?? [])])],
              assignee_name: actor.username,
            },
            trx,
          );
          await audit.append(
            actor,
            {
              action: AuditActions.clueVerify,
              entity: 'clue',
              entityId: c.id,
              regionCode: household.regionCode,
              householdId: input.householdId,
              after: visit,
            },
            trx,
          );
          if (input.noRisk) await this.close(actor, c.id, { result: 'no_risk', note: input.finding }, trx);
        }
        const verified = open.map((c) => c.id);
        const [firstOpen] = verified;
        if (firstOpen && !input.noRisk) return { id: firstOpen, merged: true, verified };
        const saved = await this.record(
          actor,
          {
            channel: 'cadre_screening',
            sourceKind: 'visit',
            sourceRef: actor.username,
            householdId: input.householdId,
            finding: input.finding,
            facts: {
              visitedOn,
              riskTypes: input.riskTypes ?? [],
              ...(input.findings ? { findings: input.findings } : {}),
              ...(input.location ? { location: input.location } : {}),
            },
            riskTypes: input.riskTypes,
            receivedOn: input.visitedOn,
          },
          trx,
        );
        if (input.noRisk) await this.close(actor, saved.id, { result: 'no_risk', note: input.finding }, trx);
        return { ...saved, verified };
      }
    },

    /** What the visit form needs to know offline: how many photos a visit may carry, and how large each. */
    async visitRules(actor: Actor) {
      requirePermission(actor, 'registry.write');
      const { perVisit } = (await settings.get<{ perVisit: number }>('clues.visitPhotos', actor.regionCode)).value;
      return { photosPerVisit: perVisit, photoMaxBytes: maxPhotoBytes };
    },

    /**
     * A photo of a visit already uploaded (issue 14 point 3), as its evidence: JPEG or PNG by content, metadata
     * removed, within the size cap and the region's count per visit. Only the cadre who recorded the visit adds to it,
     * while the household is in their scope. The phone's id for the photo makes a retried upload answer the first.
     */
    async addVisitPhoto(actor: Actor, visitClientId: string, photoId: string, content: Buffer) {
      requirePermission(actor, 'registry.write');
      const checked = checkReliefPhoto(content, maxPhotoBytes);
      if (!checked.ok) throw new AppError(checked.code, checked.message, { field: 'photo' });
      return db.transaction().execute(async (trx) => {
        const visit = await cluesRepo.lockVisit(visitClientId, trx);
        if (!visit || visit.username !== actor.username)
          throw new AppError('VISIT_NOT_FOUND', '找不到这次走访记录，请先上传走访', { field: 'clientId' });
        const household = await registryRepo.findHousehold(actor, visit.householdId, trx);
        if (!household) throw notFound('农户');
        requireScope(actor, household.regionCode);
        const kept = await cluesRepo.visitPhotoOwner(photoId, trx);
        if (kept) {
          if (kept.visitClientId !== visitClientId)
            throw new AppError('PHOTO_ID_REUSED', '该照片编号已用于另一次走访，请重新选择照片后上传', {
              field: 'photoId',
            });
          return { id: kept.id, size: kept.size, mime: kept.mime, repeated: true };
        }
        const { perVisit } = (await settings.get<{ perVisit: number }>('clues.visitPhotos', household.regionCode, trx))
          .value;
        if ((await cluesRepo.countVisitPhotos(visitClientId, trx)) >= perVisit)
          throw new AppError('VISIT_PHOTOS_FULL', `每次走访最多附${perVisit}张照片`, { field: 'photo' });
        const answer = (visit.response ?? {}) as { id?: string; verified?: string[] };
        const clueIds = [...new Set([...(answer.verified ?? []), ...(answer.id ? [answer.id] : [])])];
        await cluesRepo.addVisitPhoto(
          {
            id: photoId,
            visit_client_id: visitClientId,
            household_id: visit.householdId,
            region_code: household.regionCode,
            clue_ids: clueIds,
            mime: checked.mime,
            size: checked.size,
            sha256: checked.sha256,
            content: checked.content,
            uploaded_by: actor.username,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.clueVisitPhoto,
            entity: 'clue',
            entityId: clueIds[0] ?? null,
            regionCode: household.regionCode,
            householdId: visit.householdId,
            after: { photoId, visitClientId, mime: checked.mime, size: checked.size, sha256: checked.sha256 },
          },
          trx,
        );
        return { id: photoId, size: checked.size, mime: checked.mime, repeated: false };
      });
    },

    /** The photos of the visits recorded on a clue, for whoever may see the clue. */
    async visitPhotos(actor: Actor, clueId: string) {
      const clue = await this.get(actor, clueId);
      if (!clue.householdId) return [];
      return cluesRepo.visitPhotosOfClue(clueId, clue.householdId);
    },

    /** One photo's bytes, for whoever may see the clue; each view is audited (personal data at a door). */
    async visitPhoto(actor: Actor, clueId: string, photoId: string) {
      const clue = await this.get(actor, clueId);
      const photo = await cluesRepo.visitPhoto(clueId, photoId);
      if (!photo) throw notFound('照片');
      await audit.append(actor, {
        action: AuditActions.clueVisitPhotoRead,
        entity: 'clue',
        entityId: clueId,
        regionCode: clue.regionCode,
        householdId: clue.householdId,
        after: { photoId },
      });
      return photo;
    },

    /** Links the open declaration clues of registered persons, in the caller's transaction (clue-lifecycle.ts). */
    linkDeclarants(actor: Actor, personIds: readonly string[], trx: Transaction<DB>) {
      return linkDeclarationsOf(trx, audit, actor, personIds);
    },

    /**
     * A repeat declaration by the same person merges into the open clue (issue 10): one clue, counted, with the
     * union of the hardships declared; audited as a merge.
     */
    async mergeRepeat(actor: Actor, clueId: string, riskTypes: string[], trx: Transaction<DB>) {
      const row = await trx
        .updateTable('clues')
        .set({
          merged_count: sql`merged_count + 1`,
          last_seen_at: now(),
          risk_types: sql`ARRAY(SELECT DISTINCT unnest(risk_types || ${sql.val(riskTypes)}::text[]))`,
        })
        .where('id', '=', clueId)
        .returning(['region_code as regionCode', 'household_id as householdId'])
        .executeTakeFirstOrThrow();
      await audit.append(
        actor,
        {
          action: AuditActions.clueMerge,
          entity: 'clue',
          entityId: clueId,
          regionCode: row.regionCode,
          householdId: row.householdId,
          after: { channel: 'self_declaration', riskTypes },
        },
        trx,
      );
    },

    async list(actor: Actor, filter: Omit<ClueFilter, 'overdueOn'> & { overdue?: boolean }) {
      if (actor.role !== 'department') requirePermission(actor, 'registry.read');
      const { overdue, ...rest } = filter;
      const r = await cluesRepo.list(actor, { ...rest, overdueOn: overdue ? today() : undefined });
      await audit.append(actor, {
        action: AuditActions.clueList,
        entity: 'clue',
        regionCode: actor.regionCode,
        after: { ...filter, total: r.total },
      });
      return { ...r, page: filter.page, pageSize: filter.pageSize, today: today() };
    },

    async get(actor: Actor, id: string) {
      const clue = await cluesRepo.find(actor, id);
      if (!clue || (actor.role === 'department' && !clue.sourceRef.startsWith(actor.department ?? '\u0000')))
        throw notFound('线索');
      return { ...clue, overdue: clue.status !== 'closed' && clue.dueOn < today() };
    },

    /** Overdue clues per region one level below the actor's scope, for the levels above (SPEC §6, §8.2). */
    async overdueSummary(actor: Actor) {
      requirePermission(actor, 'registry.read');
      const childLength = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 }[actor.regionCode.length] ?? 12;
      const rows = await cluesRepo.overdueByRegion(actor, today(), childLength);
      return rows.map((r) => ({ regionCode: r.regionCode, count: Number(r.count) }));
    },

    async assign(actor: Actor, id: string, assigneeName: string) {
      requirePermission(actor, 'registry.write');
      return db.transaction().execute(async (trx) => {
        const clue = await cluesRepo.lock(actor, id, trx);
        if (!clue) throw notFound('线索');
        if (clue.status === 'closed') throw new AppError('CLUE_CLOSED', '线索已销号，不能再分派');
        await cluesRepo.update(id, { assignee_name: assigneeName, status: 'verifying' }, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.clueAssign,
            entity: 'clue',
            entityId: id,
            regionCode: clue.regionCode,
            householdId: clue.householdId,
            before: { assignee: clue.assigneeName },
            after: { assignee: assigneeName },
          },
          trx,
        );
      });
    },

    /** Closes a clue with a result and a person (对账销号): nothing is closed without both. */
    async close(
      actor: Actor,
      id: string,
      input: { result: ClueResult; note: string; caseId?: string },
      trx?: Transaction<DB>,
    ) {
      requirePermission(actor, 'registry.write');
      if (!RESULT_LABELS[input.result])
        throw new AppError('VALIDATION', `处理结果无效：${input.result}`, { field: 'result' });
      if (!input.note?.trim()) throw new AppError('VALIDATION', '销号必须写明核实情况和理由', { field: 'note' });
      const write = async (q: Transaction<DB>) => {
        const clue = await cluesRepo.lock(actor, id, q);
        if (!clue) throw notFound('线索');
        if (!inScope(actor, clue.regionCode)) throw notFound('线索');
        if (clue.status === 'closed') throw new AppError('CLUE_CLOSED', '线索已销号');
        await cluesRepo.update(
          id,
          {
            status: 'closed',
            result: input.result,
            result_note: input.note.trim(),
            closed_by: actor.userId,
            closed_by_name: actor.username,
            closed_at: now(),
            case_id: input.caseId ?? null,
          },
          q,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.clueClose,
            entity: 'clue',
            entityId: id,
            regionCode: clue.regionCode,
            householdId: clue.householdId,
            before: { status: clue.status },
            after: { result: input.result, note: input.note },
          },
          q,
        );
      };
      if (trx) await write(trx);
      else await db.transaction().execute(write);
    },
  };
};

export type CluesService = ReturnType<typeof cluesService>;

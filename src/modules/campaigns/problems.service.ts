import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import {
  escalation,
  isLevelAbove,
  nextProblemState,
  PROBLEM_ACTIONS,
  type ProblemAction,
  type ProblemActionType,
  type ProblemStatus,
} from '../../domain/campaigns/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, inScope, requireScope, SYSTEM_ACTOR } from '../auth/actor.ts';
import { checkCaseFile } from '../cases/case-files.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireCampaignWork } from './campaigns.policy.ts';
import type { ProblemActionInput, ProblemInput, ProblemQuery, ProblemView } from './campaigns.schema.ts';
import type { CampaignRow, CampaignsService } from './campaigns.service.ts';
import type { ProblemsRepository } from './problems.repository.ts';

interface Deps {
  db: Kysely<DB>;
  repo: ProblemsRepository;
  campaigns: Pick<CampaignsService, 'load'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
}

export interface SpotCheckSettings {
  minRatio: number;
  householdsPerVillage: number;
  rectifyDays: number;
  escalateEveryDays: number;
}

type Row = NonNullable<Awaited<ReturnType<ProblemsRepository['find']>>>;

function present(r: Row): ProblemView {
  const { campaignAreas, ...rest } = r;
  const area = (campaignAreas as { key: string; name: string }[]).find((a) => a.key === r.areaKey);
  return {
    ...rest,
    areaName: area?.name ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
    files: Number(r.files),
  } as ProblemView;
}

/**
 * 问题清单 (SPEC §15): problems found by self-check, inspection, spot check, audit or public feedback, each with its
 * region (and household or project), area, owner, deadline, measures and evidence, tracked 整改中 → 已整改待验收 →
 * 已销号 with the sign-off of the level above; past their deadline they become 逾期 and rise level by level.
 */
export const problemsService = ({ db, repo, campaigns, settings, audit, now }: Deps) => {
  const today = () => chinaToday(now());

  /** Inserts a problem and its first history row; the caller holds the transaction and checks permission. */
  async function insert(
    actor: Actor,
    campaign: CampaignRow,
    input: ProblemInput & { spotCheckId?: string },
    trx: Transaction<DB>,
  ): Promise<string> {
    let regionCode = input.regionCode;
    if (input.householdId) {
      const h = await trx
        .selectFrom('households')
        .select(['region_code'])
        .where('id', '=', input.householdId)
        .executeTakeFirst();
      if (!h || !inScope(actor, h.region_code)) throw notFound('农户');
      if (regionCode && regionCode !== h.region_code) {
        throw new AppError('VALIDATION', '所选农户不在所填的村', { field: 'householdId' });
      }
      regionCode = h.region_code;
    }
    if (!regionCode)
      throw new AppError('VALIDATION', '请选择问题所在的村（或乡镇、县）或农户', { field: 'regionCode' });
    requireScope(actor, regionCode);
    const region = await trx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst();
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${regionCode}`, { field: 'regionCode' });
    if (!regionCode.startsWith(campaign.region_code)) {
      throw new AppError('CAMPAIGN_INVALID', '问题所在区划不在本次专项行动范围内', { field: 'regionCode' });
    }
    if (input.areaKey && !campaign.areas.some((a) => a.key === input.areaKey)) {
      throw new AppError('CAMPAIGN_INVALID', '本次专项行动没有该任务领域', { field: 'areaKey' });
    }
    const cfg = (await settings.get<SpotCheckSettings>('campaigns.spotCheck', regionCode, trx)).value;
    const deadline = input.deadline ?? shiftDate(today(), cfg.rectifyDays);
    if (deadline < today()) {
      throw new AppError('PROBLEM_DEADLINE_INVALID', '整改时限不能早于今天', { field: 'deadline' });
    }
    const { id } = await trx
      .insertInto('problems')
      .values({
        campaign_id: campaign.id,
        region_code: regionCode,
        household_id: input.householdId ?? null,
        project: input.project?.trim() || null,
        area_key: input.areaKey ?? null,
        source: input.source,
        description: input.description.trim(),
        severity: input.severity ?? 'normal',
        owner: input.owner.trim(),
        deadline,
        measures: input.measures?.trim() ?? '',
        spot_check_id: input.spotCheckId ?? null,
        created_by: actor.username,
        user_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('problem_actions')
      .values({
        problem_id: id,
        type: 'create',
        from_status: null,
        to_status: 'rectifying',
        note: input.description.trim(),
        deadline,
        region_code: regionCode,
        by_username: actor.username,
        user_id: actor.userId,
      })
      .execute();
    await audit.append(
      actor,
      {
        action: AuditActions.problemCreate,
        entity: 'problem',
        entityId: id,
        regionCode,
        householdId: input.householdId ?? null,
        after: { campaignId: campaign.id, source: input.source, areaKey: input.areaKey ?? null, deadline },
      },
      trx,
    );
    return id;
  }

  /** Marks open problems past their deadline 逾期 and raises them a level every `escalateEveryDays` (idempotent). */
  async function escalateOverdue(regionCode = ''): Promise<number> {
    const day = today();
    return db.transaction().execute(async (trx) => {
      const rows = await repo.pastDeadline(day, regionCode, trx);
      const every = new Map<string, number>();
      let changed = 0;
      for (const r of rows) {
        const county = r.regionCode.slice(0, 6);
        if (!every.has(county)) {
          every.set(
            county,
            (await settings.get<SpotCheckSettings>('campaigns.spotCheck', r.regionCode, trx)).value.escalateEveryDays,
          );
        }
        const e = escalation(
          { status: r.status, regionCode: r.regionCode, deadline: r.deadline },
          day,
          every.get(county) ?? 7,
        );
        if (!e || (r.status === 'overdue' && r.escalatedTo === e.escalatedTo)) continue;
        changed++;
        await trx
          .updateTable('problems')
          .set({
            status: 'overdue',
            escalated_to: e.escalatedTo,
            escalation_levels: e.levels,
            version: sql`version + 1`,
          })
          .where('id', '=', r.id)
          .execute();
        const note = `逾期${e.daysOverdue}天，已上升至${e.levelName}督办`;
        await trx
          .insertInto('problem_actions')
          .values({
            problem_id: r.id,
            type: 'escalate',
            from_status: r.status,
            to_status: 'overdue',
            note,
            deadline: r.deadline,
            region_code: r.regionCode,
            by_username: SYSTEM_ACTOR.username,
            user_id: null,
          })
          .execute();
        await audit.append(
          SYSTEM_ACTOR,
          {
            action: AuditActions.problemEscalate,
            entity: 'problem',
            entityId: r.id,
            regionCode: r.regionCode,
            before: { status: r.status, escalatedTo: r.escalatedTo },
            after: { status: 'overdue', escalatedTo: e.escalatedTo, daysOverdue: e.daysOverdue },
          },
          trx,
        );
      }
      return changed;
    });
  }

  function allowedActions(actor: Actor, p: { status: ProblemStatus; regionCode: string }): ProblemActionType[] {
    if (!['village', 'township', 'county', 'supervisor', 'admin'].includes(actor.role)) return [];
    const above = isLevelAbove(actor.regionCode, p.regionCode);
    return PROBLEM_ACTIONS.filter((a) => {
      if (a === 'submit') return p.status === 'rectifying' || p.status === 'overdue';
      if (a === 'extend') return above && (p.status === 'rectifying' || p.status === 'overdue');
      return above && p.status === 'submitted';
    });
  }

  async function find(actor: Actor, id: string) {
    const row = await repo.find(actor, id);
    if (!row) throw notFound('问题');
    return row;
  }

  return {
    insert,
    escalateOverdue,

    async create(actor: Actor, input: ProblemInput): Promise<ProblemView> {
      requireCampaignWork(actor, '登记问题');
      const campaign = await campaigns.load(actor, input.campaignId);
      const id = await db.transaction().execute((trx) => insert(actor, campaign, input, trx));
      return present(await find(actor, id));
    },

    async list(actor: Actor, q: ProblemQuery) {
      await escalateOverdue(actor.regionCode);
      const { items, total } = await repo.list(actor, q, q.page, q.pageSize);
      return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      await escalateOverdue(actor.regionCode);
      const problem = present(await find(actor, id));
      const [actions, files] = await Promise.all([repo.actions(id), repo.files(id)]);
      return {
        problem,
        actions: actions.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
        fileList: files.map((f) => ({ ...f, uploadedAt: new Date(f.uploadedAt).toISOString() })),
        allowed: allowedActions(actor, problem),
      };
    },

    /** One step of a problem (POST /api/problems/:id/actions), checked by the domain's status machine. */
    async act(actor: Actor, id: string, input: ProblemActionInput): Promise<ProblemView> {
      requireCampaignWork(actor, '办理问题整改');
      await escalateOverdue(actor.regionCode);
      const day = today();
      await db.transaction().execute(async (trx) => {
        const p = await repo.lock(actor, id, trx);
        if (!p) throw notFound('问题');
        if (input.version !== undefined && input.version !== p.version) {
          throw new AppError('CONFLICT', '该问题已被他人办理，请刷新后重试');
        }
        const files = await trx
          .selectFrom('problem_files')
          .select(sql<number>`count(*)`.as('n'))
          .where('problem_id', '=', id)
          .executeTakeFirstOrThrow();
        const action: ProblemAction =
          input.type === 'submit'
            ? { type: 'submit', measures: input.measures ?? p.measures, evidenceCount: Number(files.n) }
            : input.type === 'accept'
              ? { type: 'accept', note: input.note ?? '' }
              : input.type === 'reject'
                ? { type: 'reject', reason: input.reason ?? input.note ?? '' }
                : { type: 'extend', deadline: input.deadline ?? '', reason: input.reason ?? input.note ?? '' };
        if (action.type === 'extend' && !input.deadline) {
          throw new AppError('PROBLEM_DEADLINE_INVALID', '请填写新的整改时限', { field: 'deadline' });
        }
        const out = nextProblemState(
          { status: p.status, regionCode: p.region_code, deadline: p.deadline },
          action,
          actor.regionCode,
          day,
        );
        if (!out.ok) throw new AppError(out.code, out.message, { status: p.status });
        await trx
          .updateTable('problems')
          .set({
            status: out.status,
            deadline: out.deadline,
            measures: action.type === 'submit' ? action.measures.trim() : p.measures,
            closed_on: out.status === 'closed' ? day : null,
            ...(out.status === 'rectifying' ? { escalated_to: null, escalation_levels: 0 } : {}),
            version: sql`version + 1`,
          })
          .where('id', '=', id)
          .execute();
        const note =
          action.type === 'submit' ? action.measures : action.type === 'accept' ? (action.note ?? '') : action.reason;
        await trx
          .insertInto('problem_actions')
          .values({
            problem_id: id,
            type: input.type,
            from_status: p.status,
            to_status: out.status,
            note: note.trim(),
            deadline: out.deadline,
            region_code: p.region_code,
            by_username: actor.username,
            user_id: actor.userId,
          })
          .execute();
        await audit.append(
          actor,
          {
            action: AuditActions.problemAction,
            entity: 'problem',
            entityId: id,
            regionCode: p.region_code,
            householdId: p.household_id,
            before: { status: p.status, deadline: p.deadline },
            after: { type: input.type, status: out.status, deadline: out.deadline },
          },
          trx,
        );
      });
      return present(await find(actor, id));
    },

    /** Evidence of rectification (整改佐证): PDF, pictures, Word or Excel, checked by content. */
    async uploadFile(actor: Actor, id: string, name: string, content: Buffer) {
      requireCampaignWork(actor, '上传整改佐证材料');
      const checked = checkCaseFile(name, content);
      return db.transaction().execute(async (trx) => {
        const p = await repo.lock(actor, id, trx);
        if (!p) throw notFound('问题');
        if (p.status === 'closed') throw new AppError('PROBLEM_WRONG_STATUS', '问题已销号，不能再上传材料');
        const { id: fileId } = await trx
          .insertInto('problem_files')
          .values({ problem_id: id, region_code: p.region_code, ...checked, content, uploaded_by: actor.username })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.append(
          actor,
          {
            action: AuditActions.problemFileUpload,
            entity: 'problem_file',
            entityId: fileId,
            regionCode: p.region_code,
            householdId: p.household_id,
            after: { problemId: id, name: checked.name, size: checked.size, sha256: checked.sha256 },
          },
          trx,
        );
        return { id: fileId, name: checked.name, size: checked.size };
      });
    },

    async readFile(actor: Actor, id: string, fileId: string) {
      const p = await find(actor, id);
      return db.transaction().execute(async (trx) => {
        const f = await repo.file(id, fileId, trx);
        if (!f) throw notFound('材料');
        await audit.append(
          actor,
          {
            action: AuditActions.problemFileRead,
            entity: 'problem_file',
            entityId: fileId,
            regionCode: p.regionCode,
            householdId: p.householdId,
          },
          trx,
        );
        return f;
      });
    },
  };
};

export type ProblemsService = ReturnType<typeof problemsService>;

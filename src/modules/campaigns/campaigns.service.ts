import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { type TaskArea, WAFANG_TASK_AREAS } from '../../domain/campaigns/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireScope } from '../auth/actor.ts';
import { requireCampaignLead } from './campaigns.policy.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { CampaignInput, CampaignView } from './campaigns.schema.ts';

interface Deps {
  db: Kysely<DB>;
  repo: CampaignsRepository;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
}

const invalid = (message: string, field: string) => new AppError('CAMPAIGN_INVALID', message, { field });

/** Task areas as a campaign keeps them: keys unique, names and item titles trimmed and present. */
export function checkAreas(areas: readonly TaskArea[]): TaskArea[] {
  const areaKeys = new Set<string>();
  const itemKeys = new Set<string>();
  return areas.map((a, i) => {
    const name = a.name.trim();
    if (!name) throw invalid(`第${i + 1}个任务领域缺少名称`, `areas.${i}.name`);
    if (areaKeys.has(a.key)) throw invalid(`任务领域“${name}”的编号与其他领域重复`, `areas.${i}.key`);
    areaKeys.add(a.key);
    return {
      key: a.key,
      name,
      responsibleUnits: a.responsibleUnits.map((u) => u.trim()).filter(Boolean),
      items: a.items.map((it, j) => {
        const title = it.title.trim();
        if (!title) throw invalid(`任务领域“${name}”第${j + 1}项检查内容为空`, `areas.${i}.items.${j}.title`);
        if (itemKeys.has(it.key)) throw invalid(`检查项“${title}”的编号与其他检查项重复`, `areas.${i}.items.${j}.key`);
        itemKeys.add(it.key);
        return { key: it.key, title, howToCheck: it.howToCheck.trim() };
      }),
    };
  });
}

export type CampaignRow = NonNullable<Awaited<ReturnType<CampaignsRepository['findCampaign']>>>;

/**
 * Campaigns (专项行动, SPEC §15): a name, the regions it covers, a period and task areas with their checklists —
 * 瓦房's areas as the default template, editable afterwards.
 */
export const campaignsService = ({ db, repo, audit, now }: Deps) => {
  async function view(actor: Actor, rows: CampaignRow[]): Promise<CampaignView[]> {
    const names = await repo.regionNames(rows.flatMap((r) => [r.region_code, ...r.scope_codes]));
    const counts = new Map(
      (
        await repo.problemCounts(
          actor,
          rows.map((r) => r.id),
        )
      ).map((c) => [c.campaignId, c]),
    );
    return rows.map((r) => {
      const c = counts.get(r.id);
      return {
        id: r.id,
        number: r.number,
        name: r.name,
        regionCode: r.region_code,
        regionName: names.get(r.region_code) ?? r.region_code,
        scope: r.scope_codes.map((code) => ({ code, name: names.get(code) ?? code })),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        areas: r.areas,
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
        version: r.version,
        problems: {
          total: Number(c?.total ?? 0),
          open: Number(c?.open ?? 0),
          overdue: Number(c?.overdue ?? 0),
          closed: Number(c?.closed ?? 0),
        },
      };
    });
  }

  async function load(actor: Actor, id: string): Promise<CampaignRow> {
    const row = await repo.findCampaign(actor, id);
    if (!row) throw notFound('专项行动');
    return row;
  }

  return {
    load,

    template(): TaskArea[] {
      return structuredClone(WAFANG_TASK_AREAS) as TaskArea[];
    },

    async create(actor: Actor, input: CampaignInput): Promise<CampaignView> {
      requireCampaignLead(actor, '发起专项行动');
      requireScope(actor, input.regionCode);
      if (input.endsOn < input.startsOn) throw invalid('结束日期不能早于开始日期', 'endsOn');
      const scopeCodes = [...new Set(input.scopeCodes ?? [input.regionCode])];
      const names = await repo.regionNames([input.regionCode, ...scopeCodes]);
      if (!names.has(input.regionCode)) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`);
      for (const code of scopeCodes) {
        if (!names.has(code)) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${code}`, { field: 'scopeCodes' });
        if (!code.startsWith(input.regionCode)) {
          throw invalid(`行动范围内的${names.get(code)}不在${names.get(input.regionCode)}之内`, 'scopeCodes');
        }
      }
      const areas = checkAreas(input.areas ?? WAFANG_TASK_AREAS);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertCampaign(
          {
            regionCode: input.regionCode,
            name: input.name.trim(),
            scopeCodes,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            areas,
            createdBy: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.campaignCreate,
            entity: 'campaign',
            entityId: id,
            regionCode: input.regionCode,
            after: {
              name: input.name,
              scopeCodes,
              startsOn: input.startsOn,
              endsOn: input.endsOn,
              areas: areas.length,
            },
          },
          trx,
        );
        return id;
      });
      return (await view(actor, [await load(actor, id)]))[0] as CampaignView;
    },

    async list(actor: Actor) {
      return view(actor, await repo.listCampaigns(actor));
    },

    async get(actor: Actor, id: string) {
      return (await view(actor, [await load(actor, id)]))[0] as CampaignView;
    },

    /** Edits the task areas and checklists; the keys of areas that problems already use stay valid. */
    async updateAreas(actor: Actor, id: string, areas: TaskArea[], version: number) {
      requireCampaignLead(actor, '修改任务领域和检查清单');
      const row = await load(actor, id);
      requireScope(actor, row.region_code);
      const checked = checkAreas(areas);
      await db.transaction().execute(async (trx) => {
        const updated = await repo.updateAreas(id, checked, version, trx);
        if (!updated) throw new AppError('CONFLICT', '专项行动已被他人修改，请刷新后重试');
        await audit.append(
          actor,
          {
            action: AuditActions.campaignUpdate,
            entity: 'campaign',
            entityId: id,
            regionCode: row.region_code,
            before: { areas: row.areas.map((a) => a.name) },
            after: { areas: checked.map((a) => a.name), at: chinaToday(now()) },
          },
          trx,
        );
      });
      return this.get(actor, id);
    },
  };
};

export type CampaignsService = ReturnType<typeof campaignsService>;

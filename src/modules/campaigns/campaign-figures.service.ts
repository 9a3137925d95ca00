import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday, daysBetween } from '../../domain/calendar/index.ts';
import {
  PROBLEM_SOURCE_LABELS,
  PROBLEM_SOURCES,
  PROBLEM_STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
  percent,
} from '../../domain/campaigns/index.ts';
import { notFound } from '../../shared/app-error.ts';
import { type Actor, regionPrefix, requireScope, scopeFilter } from '../auth/actor.ts';
import { campaignVisibleTo } from './campaigns.policy.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { FiguresView, ReportView } from './campaigns.schema.ts';
import type { CampaignRow, CampaignsService } from './campaigns.service.ts';
import type { ProblemsService } from './problems.service.ts';

interface Deps {
  db: Kysely<DB>;
  repo: CampaignsRepository;
  campaigns: Pick<CampaignsService, 'load'>;
  problems: Pick<ProblemsService, 'escalateOverdue'>;
  now: () => Date;
}

const like = (code: string) => `${code.replace(/[%_\\]/g, '')}%`;
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };
const childOf = (code: string) => CHILD_LENGTH[code.length] ?? 12;

export interface Counts {
  found: number;
  open: number;
  submitted: number;
  closed: number;
  overdue: number;
}
const zero = (): Counts => ({ found: 0, open: 0, submitted: 0, closed: 0, overdue: 0 });
function add(c: Counts, status: ProblemStatus, n: number) {
  c.found += n;
  if (status === 'closed') c.closed += n;
  else {
    c.open += n;
    if (status === 'submitted') c.submitted += n;
    if (status === 'overdue') c.overdue += n;
  }
}

/**
 * Figures of a campaign (SPEC §15): problems found / rectified / overdue by task area, source and region, spot-check
 * coverage, the 问题清零 board per region, and the campaign report. Counting is SQL grouped by area, source, child
 * region and status; the few grouped rows are folded here.
 */
export const campaignFiguresService = ({ db, repo, campaigns, problems, now }: Deps) => {
  /** The region a reader looks at: the given one, else the narrower of their scope and the campaign's region. */
  function regionFor(actor: Actor, campaign: CampaignRow, regionCode?: string) {
    const region =
      regionCode ?? (actor.regionCode.length > campaign.region_code.length ? actor.regionCode : campaign.region_code);
    requireScope(actor, region);
    if (!campaignVisibleTo({ ...actor, regionCode: campaign.region_code }, region)) throw notFound('区划');
    return region;
  }

  async function grouped(actor: Actor, region: string, campaignId?: string) {
    const n = childOf(region);
    let q = db
      .selectFrom('problems')
      .select([
        'area_key as areaKey',
        'source',
        'status',
        sql<string>`substr(region_code, 1, ${sql.lit(n)})`.as('child'),
        sql<number>`count(*)`.as('n'),
        sql<number>`count(*) filter (where status = 'overdue' and escalated_to is not null)`.as('escalated'),
      ])
      .where(scopeFilter(actor))
      .where(regionPrefix('region_code', region));
    if (campaignId) q = q.where('campaign_id', '=', campaignId);
    return q.groupBy(['area_key', 'source', 'status', sql`substr(region_code, 1, ${sql.lit(n)})`]).execute();
  }

  async function figures(actor: Actor, campaignId: string, regionCode?: string): Promise<FiguresView> {
    const campaign = await campaigns.load(actor, campaignId);
    const region = regionFor(actor, campaign, regionCode);
    await problems.escalateOverdue(region);
    const rows = await grouped(actor, region, campaignId);
    const totals = zero();
    const byArea = new Map(campaign.areas.map((a) => [a.key, { key: a.key, name: a.name, ...zero() }]));
    const bySource = new Map(
      PROBLEM_SOURCES.map((s) => [s as string, { key: s as string, name: PROBLEM_SOURCE_LABELS[s], ...zero() }]),
    );
    const n = childOf(region);
    const children = region.length === 12 ? [{ code: region, name: '' }] : await childRegions(region);
    const names = await repo.regionNames([region, ...children.map((c) => c.code)]);
    const villages = await repo.villagesIn(region, campaign.scope_codes);
    const sampled = await db
      .selectFrom('spot_check_units as u')
      .innerJoin('spot_checks as s', 's.id', 'u.spot_check_id')
      .select('u.unit_id as code')
      .distinct()
      .where('s.campaign_id', '=', campaignId)
      .where('u.unit_type', '=', 'village')
      .where('u.unit_id', 'like', like(region))
      .execute();
    const checked = await db
      .selectFrom('spot_check_findings as f')
      .innerJoin('spot_checks as s', 's.id', 'f.spot_check_id')
      .select('f.region_code as code')
      .distinct()
      .where('s.campaign_id', '=', campaignId)
      .where('s.kind', '=', 'spot_check')
      .where(regionPrefix('f.region_code', region))
      .execute();
    const byRegion = new Map(
      children.map((c) => [
        c.code,
        {
          code: c.code,
          name: names.get(c.code) ?? c.code,
          ...zero(),
          villages: villages.filter((v) => v.code.startsWith(c.code)).length,
          sampledVillages: sampled.filter((v) => v.code.startsWith(c.code)).length,
          checkedVillages: checked.filter((v) => v.code.startsWith(c.code)).length,
        },
      ]),
    );
    for (const r of rows) {
      const k = Number(r.n);
      add(totals, r.status, k);
      if (r.areaKey) {
        const a = byArea.get(r.areaKey) ?? { key: r.areaKey, name: '（已删除的领域）', ...zero() };
        add(a, r.status, k);
        byArea.set(r.areaKey, a);
      }
      const s = bySource.get(r.source);
      if (s) add(s, r.status, k);
      const c = byRegion.get(r.child);
      if (c) add(c, r.status, k);
    }
    const townships = new Set(villages.map((v) => v.code.slice(0, 9)));
    return {
      campaignId,
      regionCode: region,
      regionName: names.get(region) ?? region,
      totals,
      byArea: [...byArea.values()],
      bySource: [...bySource.values()],
      byRegion: n === region.length ? [] : [...byRegion.values()],
      coverage: {
        villages: villages.length,
        sampledVillages: sampled.length,
        checkedVillages: checked.length,
        townships: townships.size,
        townshipsSampled: new Set(sampled.map((v) => v.code.slice(0, 9))).size,
      },
    };
  }

  function childRegions(region: string) {
    return db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where(region === '' ? sql<boolean>`level = 1` : sql<boolean>`parent_code = ${region}`)
      .orderBy('code')
      .execute();
  }

  return {
    figures,

    /** 问题清零 board: per region below the reader's (or the chosen) region, open / overdue / closed, and cleared. */
    async board(actor: Actor, regionCode?: string, campaignId?: string) {
      const region = regionCode ?? actor.regionCode;
      requireScope(actor, region);
      if (campaignId) await campaigns.load(actor, campaignId);
      await problems.escalateOverdue(region);
      const rows = await grouped(actor, region, campaignId);
      const children = region.length === 12 ? [{ code: region, name: '' }] : await childRegions(region);
      const names = await repo.regionNames([region, ...children.map((c) => c.code)]);
      const board = new Map(
        children.map((c) => [c.code, { code: c.code, name: names.get(c.code) ?? c.code, ...zero(), escalated: 0 }]),
      );
      for (const r of rows) {
        const b = board.get(r.child);
        if (!b) continue;
        add(b, r.status, Number(r.n));
        b.escalated += Number(r.escalated);
      }
      const out = [...board.values()].map((b) => ({ ...b, cleared: b.open === 0 }));
      return {
        regionCode: region,
        regionName: names.get(region) ?? (region === '' ? '全国' : region),
        rows: out,
        cleared: out.every((b) => b.cleared),
      };
    },

    /** Rows of the Excel export: every problem of the campaign in the reader's scope. */
    async problemRows(actor: Actor, campaignId: string) {
      await campaigns.load(actor, campaignId);
      return db
        .selectFrom('problems as p')
        .innerJoin('regions as v', 'v.code', 'p.region_code')
        .leftJoin('regions as t', (j) => j.on(sql<boolean>`t.code = substr(p.region_code, 1, 9)`))
        .leftJoin('regions as e', 'e.code', 'p.escalated_to')
        .leftJoin('households as h', 'h.id', 'p.household_id')
        .select([
          'p.number',
          't.name as townshipName',
          'v.name as regionName',
          'h.code as householdCode',
          'p.project',
          'p.area_key as areaKey',
          'p.source',
          'p.description',
          'p.severity',
          'p.owner',
          'p.deadline',
          'p.measures',
          'p.status',
          'e.name as escalatedToName',
          'p.closed_on as closedOn',
        ])
        .where('p.campaign_id', '=', campaignId)
        .where(scopeFilter(actor, 'p.region_code'))
        .orderBy('p.region_code')
        .orderBy('p.number')
        .execute();
    },

    /** The campaign report (专项行动情况报告) as titled sections of Chinese text, for the page and for print. */
    async report(actor: Actor, campaignId: string, regionCode?: string): Promise<ReportView> {
      const campaign = await campaigns.load(actor, campaignId);
      const f = await figures(actor, campaignId, regionCode);
      const today = chinaToday(now());
      const t = f.totals;
      const items = campaign.areas.reduce((n, a) => n + a.items.length, 0);
      const sources = f.bySource
        .filter((s) => s.found > 0)
        .map((s) => `${s.name}${s.found}个`)
        .join('、');
      const overdue = await db
        .selectFrom('problems as p')
        .innerJoin('regions as r', 'r.code', 'p.region_code')
        .leftJoin('regions as e', 'e.code', 'p.escalated_to')
        .select(['p.number', 'r.name as regionName', 'p.description', 'p.deadline', 'e.name as escalatedToName'])
        .where('p.campaign_id', '=', campaignId)
        .where('p.status', '=', 'overdue')
        .where(scopeFilter(actor, 'p.region_code'))
        .where(regionPrefix('p.region_code', f.regionCode))
        .orderBy('p.deadline')
        .limit(30)
        .execute();
      const c = f.coverage;
      const notCleared = f.byRegion.filter((r) => r.open > 0);
      return {
        title: `${f.regionName}${campaign.name}情况报告`,
        sections: [
          {
            heading: '一、总体情况',
            paragraphs: [
              `${campaign.name}于${campaign.starts_on}至${campaign.ends_on}开展，覆盖${f.regionName}，围绕${campaign.areas.length}个方面${items}项检查内容开展大排查、大整改。截至${today}：`,
            ],
          },
          {
            heading: '二、问题排查整改',
            paragraphs: [
              t.found === 0
                ? '尚未登记问题。'
                : `共发现问题${t.found}个，已整改销号${t.closed}个（${percent(t.closed / t.found)}），已整改待验收${t.submitted}个，整改中${t.open - t.submitted - t.overdue}个，逾期${t.overdue}个。${sources ? `按来源：${sources}。` : ''}`,
              ...f.byArea
                .filter((a) => a.found > 0)
                .map((a) => `${a.name}：发现${a.found}个，销号${a.closed}个，逾期${a.overdue}个。`),
            ],
          },
          {
            heading: '三、抽查情况',
            paragraphs: [
              c.sampledVillages === 0
                ? '尚未开展抽查。'
                : `抽中村${c.sampledVillages}个，占${c.villages}个村的${percent(c.sampledVillages / Math.max(1, c.villages))}，覆盖乡镇${c.townshipsSampled}个（共${c.townships}个）；已实地检查${c.checkedVillages}个村，抽查发现问题${f.bySource.find((s) => s.key === 'spot_check')?.found ?? 0}个。`,
            ],
          },
          {
            heading: '四、逾期问题',
            paragraphs: overdue.length
              ? overdue.map(
                  (o) =>
                    `问题${o.number}（${o.regionName}）：${o.description}，整改时限${o.deadline}，已逾期${daysBetween(o.deadline, today)}天${o.escalatedToName ? `，上升至${o.escalatedToName}督办` : ''}。`,
                )
              : ['无逾期问题。'],
          },
          {
            heading: '五、问题清零',
            paragraphs: [
              t.open === 0
                ? `${f.regionName}问题已全部清零。`
                : `尚未清零：${notCleared.map((r) => `${r.name}${r.open}个`).join('、') || `${f.regionName}${t.open}个`}。`,
            ],
          },
        ],
      };
    },
  };
};

export type CampaignFiguresService = ReturnType<typeof campaignFiguresService>;
export const statusLabel = (s: ProblemStatus) => PROBLEM_STATUS_LABELS[s];
export const sourceLabel = (s: ProblemSource) => PROBLEM_SOURCE_LABELS[s];

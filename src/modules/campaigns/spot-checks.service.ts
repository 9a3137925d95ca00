import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pickN, ratioProblem, type SampleUnit, stratifiedSample } from '../../domain/campaigns/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, regionPrefix, requireScope } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { campaignVisible, requireCampaignLead, requireCampaignWork } from './campaigns.policy.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { FindingInput, RecheckInput, SpotCheckInput, SpotCheckView } from './campaigns.schema.ts';
import type { CampaignRow, CampaignsService } from './campaigns.service.ts';
import type { SpotCheckKind, SpotCheckUnitType } from './campaigns.tables.ts';
import type { ProblemsService, SpotCheckSettings } from './problems.service.ts';

interface Deps {
  db: Kysely<DB>;
  repo: CampaignsRepository;
  campaigns: Pick<CampaignsService, 'load'>;
  problems: Pick<ProblemsService, 'insert'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
}

const township = (code: string) => code.slice(0, 9);

interface DrawnUnit {
  type: SpotCheckUnitType;
  id: string;
  regionCode: string;
}

/**
 * Spot checks (抽查) and 回头看 (SPEC §15): villages in a campaign's region drawn at a stated ratio — not below the
 * minimum in force there (`campaigns.spotCheck`, which a lower level may only raise) — stratified by township so each
 * is covered, from a recorded seed: the same campaign, region, ratio and seed returns the same frozen sample. Within
 * each drawn village a set number of households is drawn the same way. Checkers record a finding per checklist item;
 * a finding of a problem becomes a problem of the campaign.
 */
export const spotChecksService = ({ db, repo, campaigns, problems, settings, audit }: Deps) => {
  async function minimum(regionCode: string) {
    return (await settings.get<SpotCheckSettings>('campaigns.spotCheck', regionCode)).value;
  }

  async function checkRegion(actor: Actor, campaign: CampaignRow, regionCode: string) {
    requireScope(actor, regionCode);
    if (!regionCode.startsWith(campaign.region_code) && !campaign.region_code.startsWith(regionCode)) {
      throw new AppError('CAMPAIGN_INVALID', '抽查区划不在本次专项行动范围内', { field: 'regionCode' });
    }
    const names = await repo.regionNames([regionCode]);
    if (!names.has(regionCode)) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${regionCode}`);
  }

  async function existing(campaignId: string, kind: SpotCheckKind, regionCode: string, ratio: number, seed: string) {
    return db
      .selectFrom('spot_checks')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('kind', '=', kind)
      .where('region_code', '=', regionCode)
      .where('ratio', '=', String(ratio))
      .where('seed', '=', seed)
      .executeTakeFirst();
  }

  async function store(
    actor: Actor,
    campaign: CampaignRow,
    head: {
      kind: SpotCheckKind;
      regionCode: string;
      ratio: number;
      minRatio: number;
      seed: string;
      perVillage: number;
    },
    strata: { stratum: string; size: number; sampled: number }[],
    units: (DrawnUnit & { stratum: string })[],
  ) {
    return db.transaction().execute(async (trx: Transaction<DB>) => {
      const { id } = await trx
        .insertInto('spot_checks')
        .values({
          campaign_id: campaign.id,
          kind: head.kind,
          region_code: head.regionCode,
          ratio: head.ratio,
          min_ratio: head.minRatio,
          seed: head.seed,
          households_per_village: head.perVillage,
          strata: JSON.stringify(strata),
          created_by: actor.username,
          user_id: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < units.length; i += 1000) {
        await trx
          .insertInto('spot_check_units')
          .values(
            units.slice(i, i + 1000).map((u) => ({
              spot_check_id: id,
              unit_type: u.type,
              unit_id: u.id,
              region_code: u.regionCode,
              stratum: u.stratum,
            })),
          )
          .execute();
      }
      await audit.append(
        actor,
        {
          action: AuditActions.spotCheckDraw,
          entity: 'spot_check',
          entityId: id,
          regionCode: head.regionCode,
          after: {
            campaignId: campaign.id,
            kind: head.kind,
            ratio: head.ratio,
            minRatio: head.minRatio,
            seed: head.seed,
            units: units.map((u) => `${u.type}:${u.id}`),
          },
        },
        trx,
      );
      return id;
    });
  }

  async function view(actor: Actor, id: string, isExisting: boolean): Promise<SpotCheckView> {
    const s = await db
      .selectFrom('spot_checks as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .selectAll('s')
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!s) throw notFound('抽查');
    await campaigns.load(actor, s.campaign_id);
    const units = await db
      .selectFrom('spot_check_units as u')
      .leftJoin('households as h', (j) => j.on(sql<boolean>`u.unit_type = 'household' and h.id::text = u.unit_id`))
      .select([
        'u.unit_type as type',
        'u.unit_id as unitId',
        'u.region_code as regionCode',
        'u.stratum',
        'h.code as householdCode',
      ])
      .where('u.spot_check_id', '=', id)
      .orderBy('u.region_code')
      .orderBy('u.unit_id')
      .execute();
    const findings = await db
      .selectFrom('spot_check_findings')
      .select(['unit_id as unitId', 'result'])
      .where('spot_check_id', '=', id)
      .execute();
    const problemRows = units.some((u) => u.type === 'problem')
      ? await db
          .selectFrom('problems')
          .select(['id', 'number', 'description'])
          .where(
            'id',
            'in',
            units.filter((u) => u.type === 'problem').map((u) => u.unitId),
          )
          .execute()
      : [];
    const problemById = new Map(problemRows.map((p) => [p.id, p]));
    const names = await repo.regionNames([
      s.region_code,
      ...units.flatMap((u) => [u.regionCode, u.stratum]),
      ...s.strata.map((x) => x.stratum),
    ]);
    const checked = (unitId: string) => findings.filter((f) => f.unitId === unitId).length;
    const found = (unitId: string) => findings.filter((f) => f.unitId === unitId && f.result === 'problem').length;
    const ref = (u: (typeof units)[number]) => ({
      unitId: u.unitId,
      regionCode: u.regionCode,
      villageName: names.get(u.regionCode) ?? u.regionCode,
      townshipCode: township(u.regionCode),
      townshipName: names.get(township(u.regionCode)) ?? township(u.regionCode),
    });
    return {
      id: s.id,
      number: s.number,
      campaignId: s.campaign_id,
      kind: s.kind,
      regionCode: s.region_code,
      regionName: names.get(s.region_code) ?? s.region_code,
      ratio: Number(s.ratio),
      minRatio: Number(s.min_ratio),
      seed: s.seed,
      householdsPerVillage: s.households_per_village,
      strata: s.strata.map((x) => ({ ...x, name: names.get(x.stratum) ?? x.stratum })),
      villages: units
        .filter((u) => u.type === 'village')
        .map((u) => ({ ...ref(u), checkedItems: checked(u.unitId), problemsFound: found(u.unitId) })),
      households: units
        .filter((u) => u.type === 'household')
        .map((u) => ({ ...ref(u), householdCode: u.householdCode ?? '', checkedItems: checked(u.unitId) })),
      problems: units
        .filter((u) => u.type === 'problem')
        .map((u) => ({
          ...ref(u),
          problemNumber: problemById.get(u.unitId)?.number ?? 0,
          description: problemById.get(u.unitId)?.description ?? '',
          checkedItems: checked(u.unitId),
        })),
      createdBy: s.created_by,
      createdAt: s.created_at.toISOString(),
      existing: isExisting,
    };
  }

  function refuseRatio(ratio: number, min: number) {
    const problem = ratioProblem(ratio, min);
    if (problem) {
      const code = ratio > 0 && ratio <= 1 ? 'SPOT_CHECK_RATIO_BELOW_MINIMUM' : 'VALIDATION';
      throw new AppError(code, problem, { field: 'ratio', minimum: min });
    }
  }

  return {
    /** POST /api/campaigns/:id/spot-checks: draws (or returns the frozen draw of) villages and their households. */
    async draw(actor: Actor, campaignId: string, input: SpotCheckInput): Promise<SpotCheckView> {
      requireCampaignLead(actor, '抽取抽查名单');
      const campaign = await campaigns.load(actor, campaignId);
      await checkRegion(actor, campaign, input.regionCode);
      const cfg = await minimum(input.regionCode);
      refuseRatio(input.ratio, cfg.minRatio);
      const seed = input.seed.trim();
      const found = await existing(campaign.id, 'spot_check', input.regionCode, input.ratio, seed);
      if (found) return view(actor, found.id, true);
      const villages = await repo.villagesIn(input.regionCode, campaign.scope_codes);
      if (!villages.length)
        throw new AppError('SPOT_CHECK_NO_UNITS', '该范围内没有可抽取的村', { field: 'regionCode' });
      const sample = stratifiedSample(
        villages.map((v) => ({ id: v.code, stratum: township(v.code) })),
        input.ratio,
        seed,
      );
      const perVillage = Math.max(input.householdsPerVillage ?? cfg.householdsPerVillage, cfg.householdsPerVillage);
      const households = await repo.householdsOf(sample.ids);
      const units: (DrawnUnit & { stratum: string })[] = sample.ids.map((v) => ({
        type: 'village' as const,
        id: v,
        regionCode: v,
        stratum: township(v),
      }));
      for (const v of sample.ids) {
        const ids = pickN(
          households.filter((h) => h.regionCode === v).map((h) => h.id),
          perVillage,
          `${seed}\u0000${v}`,
        );
        for (const id of ids) units.push({ type: 'household', id, regionCode: v, stratum: township(v) });
      }
      const id = await store(
        actor,
        campaign,
        {
          kind: 'spot_check',
          regionCode: input.regionCode,
          ratio: input.ratio,
          minRatio: cfg.minRatio,
          seed,
          perVillage,
        },
        sample.strata.map((s) => ({ stratum: s.stratum, size: s.size, sampled: s.sampled.length })),
        units,
      );
      return view(actor, id, false);
    },

    /** 回头看: households whose risk was eliminated, or problems already closed, drawn the same way. */
    async recheck(actor: Actor, campaignId: string, input: RecheckInput): Promise<SpotCheckView> {
      requireCampaignLead(actor, '开展回头看抽查');
      const campaign = await campaigns.load(actor, campaignId);
      await checkRegion(actor, campaign, input.regionCode);
      const cfg = await minimum(input.regionCode);
      refuseRatio(input.ratio, cfg.minRatio);
      const seed = input.seed.trim();
      const kind: SpotCheckKind = input.target === 'households' ? 'recheck_households' : 'recheck_problems';
      const found = await existing(campaign.id, kind, input.regionCode, input.ratio, seed);
      if (found) return view(actor, found.id, true);
      const pool: (SampleUnit & { regionCode: string })[] =
        input.target === 'households'
          ? (await repo.eliminatedHouseholds(input.regionCode, campaign.scope_codes)).map((h) => ({
              id: h.id,
              stratum: township(h.regionCode),
              regionCode: h.regionCode,
            }))
          : (await repo.closedProblems(campaign.id, input.regionCode)).map((p) => ({
              id: p.id,
              stratum: township(p.regionCode),
              regionCode: p.regionCode,
            }));
      if (!pool.length) {
        throw new AppError(
          'SPOT_CHECK_NO_UNITS',
          input.target === 'households' ? '该范围内没有已消除风险的户' : '该范围内本次行动还没有已销号的问题',
          { field: 'target' },
        );
      }
      const sample = stratifiedSample(pool, input.ratio, seed);
      const regionOf = new Map(pool.map((u) => [u.id, u.regionCode]));
      const type: SpotCheckUnitType = input.target === 'households' ? 'household' : 'problem';
      const id = await store(
        actor,
        campaign,
        { kind, regionCode: input.regionCode, ratio: input.ratio, minRatio: cfg.minRatio, seed, perVillage: 0 },
        sample.strata.map((s) => ({ stratum: s.stratum, size: s.size, sampled: s.sampled.length })),
        sample.ids.map((u) => ({
          type,
          id: u,
          regionCode: regionOf.get(u) ?? '',
          stratum: township(regionOf.get(u) ?? ''),
        })),
      );
      return view(actor, id, false);
    },

    async get(actor: Actor, id: string) {
      return view(actor, id, false);
    },

    async list(actor: Actor, campaignId: string) {
      await campaigns.load(actor, campaignId);
      const rows = await db
        .selectFrom('spot_checks as s')
        .select([
          's.id',
          's.number',
          's.kind',
          's.region_code as regionCode',
          's.ratio',
          's.seed',
          's.created_by as createdBy',
          's.created_at as createdAt',
          (eb) =>
            eb
              .selectFrom('spot_check_units as u')
              .whereRef('u.spot_check_id', '=', 's.id')
              .where('u.unit_type', '<>', 'household')
              .select((e) => e.fn.countAll<number>().as('n'))
              .as('units'),
          (eb) =>
            eb
              .selectFrom('spot_check_findings as f')
              .whereRef('f.spot_check_id', '=', 's.id')
              .select((e) => e.fn.countAll<number>().as('n'))
              .as('findings'),
        ])
        .where('s.campaign_id', '=', campaignId)
        .where(campaignVisible(actor, 's.region_code'))
        .orderBy('s.number', 'desc')
        .execute();
      const names = await repo.regionNames(rows.map((r) => r.regionCode));
      return rows.map((r) => ({
        ...r,
        ratio: Number(r.ratio),
        units: Number(r.units ?? 0),
        findings: Number(r.findings ?? 0),
        regionName: names.get(r.regionCode) ?? r.regionCode,
        createdAt: new Date(r.createdAt).toISOString(),
      }));
    },

    /** A checker's finding on one checklist item for a drawn unit; a problem finding becomes a problem. */
    async recordFinding(actor: Actor, spotCheckId: string, input: FindingInput) {
      requireCampaignWork(actor, '记录抽查结果');
      const s = await db.selectFrom('spot_checks').selectAll().where('id', '=', spotCheckId).executeTakeFirst();
      if (!s) throw notFound('抽查');
      const campaign = await campaigns.load(actor, s.campaign_id);
      const unit = await db
        .selectFrom('spot_check_units')
        .selectAll()
        .where('spot_check_id', '=', spotCheckId)
        .where('unit_id', '=', input.unitId)
        .executeTakeFirst();
      if (!unit)
        throw new AppError('SPOT_CHECK_NOT_SAMPLED', '该村（户、问题）不在本次抽中的名单内', { field: 'unitId' });
      requireScope(actor, unit.region_code);
      const area = campaign.areas.find((a) => a.key === input.areaKey);
      const item = area?.items.find((i) => i.key === input.itemKey);
      if (!area || !item) throw new AppError('CAMPAIGN_INVALID', '本次专项行动没有该检查项', { field: 'itemKey' });
      if (input.result === 'problem' && !input.note?.trim()) {
        throw new AppError('VALIDATION', '发现问题时请描述问题', { field: 'note' });
      }
      return db.transaction().execute(async (trx) => {
        const householdId = unit.unit_type === 'household' ? unit.unit_id : null;
        const problemId =
          input.result === 'problem'
            ? await problems.insert(
                actor,
                campaign,
                {
                  campaignId: campaign.id,
                  regionCode: unit.region_code,
                  ...(householdId ? { householdId } : {}),
                  areaKey: area.key,
                  source: 'spot_check',
                  description: `【${item.title}】${input.note?.trim() ?? ''}`,
                  severity: input.severity ?? 'normal',
                  owner: input.owner ?? area.responsibleUnits[0] ?? '所在村',
                  ...(input.deadline ? { deadline: input.deadline } : {}),
                  spotCheckId,
                },
                trx,
              )
            : null;
        const { id } = await trx
          .insertInto('spot_check_findings')
          .values({
            spot_check_id: spotCheckId,
            region_code: unit.region_code,
            household_id: householdId,
            unit_id: unit.unit_id,
            area_key: area.key,
            item_key: item.key,
            result: input.result,
            note: input.note?.trim() ?? '',
            problem_id: problemId,
            checked_by: actor.username,
            user_id: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.append(
          actor,
          {
            action: AuditActions.spotCheckFinding,
            entity: 'spot_check_finding',
            entityId: id,
            regionCode: unit.region_code,
            householdId,
            after: { spotCheckId, itemKey: item.key, result: input.result, problemId },
          },
          trx,
        );
        const number = problemId
          ? (await trx.selectFrom('problems').select('number').where('id', '=', problemId).executeTakeFirstOrThrow())
              .number
          : null;
        return {
          id,
          unitId: unit.unit_id,
          regionCode: unit.region_code,
          areaKey: area.key,
          itemKey: item.key,
          result: input.result,
          note: input.note?.trim() ?? '',
          problemId,
          problemNumber: number,
          checkedBy: actor.username,
          checkedAt: new Date().toISOString(),
        };
      });
    },

    async findings(actor: Actor, spotCheckId: string) {
      await view(actor, spotCheckId, false);
      const rows = await db
        .selectFrom('spot_check_findings as f')
        .leftJoin('problems as p', 'p.id', 'f.problem_id')
        .select([
          'f.id',
          'f.unit_id as unitId',
          'f.region_code as regionCode',
          'f.area_key as areaKey',
          'f.item_key as itemKey',
          'f.result',
          'f.note',
          'f.problem_id as problemId',
          'p.number as problemNumber',
          'f.checked_by as checkedBy',
          'f.checked_at as checkedAt',
        ])
        .where('f.spot_check_id', '=', spotCheckId)
        .where(regionPrefix('f.region_code', actor.regionCode))
        .orderBy('f.checked_at')
        .execute();
      return rows.map((r) => ({ ...r, checkedAt: new Date(r.checkedAt).toISOString() }));
    },
  };
};

export type SpotChecksService = ReturnType<typeof spotChecksService>;

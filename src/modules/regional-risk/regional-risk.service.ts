import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireCountyWork, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { type AnomalyParams, rateAnomalies } from './rate-anomalies.ts';
import type { Exposure, RegionalRiskRepository } from './regional-risk.repository.ts';
import type { RegionalEventType } from './regional-risk.tables.ts';

interface Deps {
  db: Kysely<DB>;
  riskRepo: RegionalRiskRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

export interface RecordEventInput {
  regionCode: string;
  eventType: RegionalEventType;
  title: string;
  description?: string;
  product?: string;
  industry?: string;
  startedOn: string;
  endedOn?: string;
  exposure?: Exposure;
  riskTypes?: string[];
}

/** 区域性风险类型 (SPEC §11) and the risk types their clues carry unless the county says otherwise (SPEC §5.2). */
export const EVENT_TYPES: Record<RegionalEventType, { name: string; riskTypes: string[] }> = {
  natural_disaster: { name: '自然灾害', riskTypes: ['other', 'housing'] },
  epidemic: { name: '疫情', riskTypes: ['medical', 'industry_employment'] },
  price_fall: { name: '主要农产品价格持续大幅下跌', riskTypes: ['industry_employment'] },
  unemployment: { name: '农村劳动力失业明显增加', riskTypes: ['industry_employment'] },
  industry_failure: { name: '乡村产业项目失败', riskTypes: ['industry_employment'] },
  relocation_site: { name: '易地搬迁集中安置点风险', riskTypes: ['industry_employment'] },
};

const EMPLOYMENT = { local: '县内务工', outside: '外出务工', public_welfare: '公益性岗位', none: '无就业' } as const;

function exposureReason(region: string, e: Exposure): string {
  const parts = [`${region}区域内农户`];
  if (e.employment?.length) {
    parts.push(`有${e.employment.map((x) => EMPLOYMENT[x as keyof typeof EMPLOYMENT] ?? x).join('或')}成员`);
  }
  if (e.businessIncome) parts.push('有生产经营性收入');
  if (e.product) parts.push(`种养${e.product}`);
  if (e.monitoringStatus?.length) parts.push(`监测状态为${e.monitoringStatus.join('、')}`);
  if (e.liftedOut !== undefined) parts.push(e.liftedOut ? '脱贫户' : '非脱贫户');
  return parts.join('，');
}

/**
 * 区域性、规模性返贫风险 (SPEC §11): the county records an event for a region (and a product or industry); the
 * households exposed to it are found set-based and each gets a clue; rate anomalies warn per village and township.
 */
export const regionalRiskService = ({ db, riskRepo, regionsRepo, settings, audit, now = () => new Date() }: Deps) => ({
  async record(actor: Actor, input: RecordEventInput) {
    requireCountyWork(actor, '登记区域性风险');
    requireScope(actor, input.regionCode);
    const region = await regionsRepo.findByCode(input.regionCode);
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'regionCode' });
    const type = EVENT_TYPES[input.eventType];
    if (!type) throw new AppError('VALIDATION', `未知的风险类型：${input.eventType}`, { field: 'eventType' });
    if (input.endedOn && input.endedOn < input.startedOn) {
      throw new AppError('VALIDATION', '结束日期不能早于开始日期', { field: 'endedOn' });
    }
    const exposure: Exposure = { ...input.exposure, product: input.exposure?.product ?? input.product };
    const riskTypes = input.riskTypes?.length ? input.riskTypes : type.riskTypes;
    const receivedOn = chinaToday(now());
    const due = await settings.get<{ days: number }>('clues.dueDays', input.regionCode);
    return db.transaction().execute(async (trx) => {
      const id = await riskRepo.insertEvent(
        {
          regionCode: input.regionCode,
          eventType: input.eventType,
          title: input.title,
          description: input.description ?? '',
          product: input.product ?? null,
          industry: input.industry ?? null,
          startedOn: input.startedOn,
          endedOn: input.endedOn ?? null,
          exposure,
          riskTypes,
        },
        actor,
        trx,
      );
      const exposed = await riskRepo.insertExposed(
        id,
        input.regionCode,
        exposure,
        exposureReason(region.name, exposure),
        trx,
      );
      const finding = `区域性风险（${type.name}）：${input.title}`;
      const clues = await riskRepo.raiseClues(
        id,
        { finding, riskTypes, receivedOn, dueOn: shiftDate(receivedOn, due.value.days), actor },
        trx,
      );
      const counts = { exposed, created: clues.created, merged: clues.merged };
      await riskRepo.setCounts(id, counts, trx);
      await audit.append(
        actor,
        {
          action: AuditActions.regionalRiskRecord,
          entity: 'regional_risk_event',
          entityId: id,
          regionCode: input.regionCode,
          after: { ...input, exposure, riskTypes, ...counts },
        },
        trx,
      );
      return {
        id,
        regionCode: input.regionCode,
        eventType: input.eventType,
        riskTypes,
        householdsExposed: exposed,
        cluesCreated: clues.created,
        cluesMerged: clues.merged,
      };
    });
  },

  list(actor: Actor, limit = 50) {
    requirePermission(actor, 'registry.read');
    return riskRepo.events(actor, limit);
  },

  households(actor: Actor, eventId: string, page = 1, pageSize = 50) {
    requirePermission(actor, 'registry.read');
    return riskRepo.exposed(actor, eventId, page, pageSize);
  },

  /** Villages and townships whose new clues or inclusions in `month` rise above their usual level (SPEC §11). */
  async anomalies(actor: Actor, month: string) {
    requirePermission(actor, 'registry.read');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new AppError('VALIDATION', `月份应为 YYYY-MM：${month}`, { field: 'month' });
    }
    const { value: params } = await settings.get<AnomalyParams>('risk.anomaly', actor.regionCode);
    const scope = actor.regionCode;
    const [villages, townships] = await Promise.all([
      rateAnomalies(db, { scope, month, codeLength: 12, params }),
      rateAnomalies(db, { scope, month, codeLength: 9, params }),
    ]);
    return {
      month,
      params,
      villages: villages.filter((r) => r.clueAnomaly || r.inclusionAnomaly),
      townships: townships.filter((r) => r.clueAnomaly || r.inclusionAnomaly),
      checked: { villages: villages.length, townships: townships.length },
    };
  },
});

export type RegionalRiskService = ReturnType<typeof regionalRiskService>;

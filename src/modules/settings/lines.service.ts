import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { toFen, toYuan } from '../../domain/money.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { LinesRepository } from './lines.repository.ts';

interface Deps {
  db: Kysely<DB>;
  linesRepo: LinesRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'path'>;
  audit: Pick<AuditRepository, 'append'>;
}

export interface EffectiveLine {
  regionCode: string;
  year: number;
  amount: number;
  /** Region whose line is in force (the strictest of the region and its ancestors). */
  sourceRegionCode: string;
  chain: { regionCode: string; amount: number }[];
}

/**
 * Monitoring lines per region and year (SPEC §3, §4.4): set at province, prefecture or county level, inherited
 * downward; a lower level may tighten (raise) but never loosen the line of the level above. The line in force for
 * a region is the highest among its own and its ancestors' lines, so a later raise above stays effective.
 */
export const linesService = ({ db, linesRepo, regionsRepo, audit }: Deps) => ({
  /** `q`: the caller's transaction, if any (PGlite has one connection: reads inside a transaction must use it). */
  async effective(regionCode: string, year: number, q?: Transaction<DB>): Promise<EffectiveLine | undefined> {
    const chainCodes = (await regionsRepo.path(regionCode, q)).map((r) => r.code);
    const rows = await linesRepo.current(chainCodes, year, q);
    if (rows.length === 0) return undefined;
    const chain = rows
      .map((r) => ({ regionCode: r.regionCode, amount: Number(r.amount) }))
      .sort((a, b) => a.regionCode.length - b.regionCode.length);
    const top = chain.reduce((a, b) => (toFen(b.amount) > toFen(a.amount) ? b : a));
    return { regionCode, year, amount: top.amount, sourceRegionCode: top.regionCode, chain };
  },

  async set(actor: Actor, input: { regionCode: string; year: number; amount: number; basis?: string }) {
    requirePermission(actor, 'lines.write');
    const region = await regionsRepo.findByCode(input.regionCode);
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'regionCode' });
    requireScope(actor, region.code);
    if (region.level > 3) {
      throw new AppError('VALIDATION', '监测线由省、州市或县级设定，乡镇和村不单独设定', { field: 'regionCode' });
    }
    if (!Number.isInteger(input.year) || input.year < 2020 || input.year > 2100) {
      throw new AppError('VALIDATION', `年度无效：${input.year}`, { field: 'year' });
    }
    if (!(input.amount > 0) || toFen(input.amount) !== Math.round(input.amount * 100)) {
      throw new AppError('VALIDATION', '监测线须为正数，最多两位小数（元/人·年）', { field: 'amount' });
    }
    const parentPath = (await regionsRepo.path(region.code)).filter((r) => r.code !== region.code).map((r) => r.code);
    const parentRows = await linesRepo.current(parentPath, input.year);
    const strictest = parentRows.reduce<{ regionCode: string; amount: number } | undefined>((best, r) => {
      const amount = Number(r.amount);
      return !best || amount > best.amount ? { regionCode: r.regionCode, amount } : best;
    }, undefined);
    if (strictest && toFen(input.amount) < toFen(strictest.amount)) {
      throw new AppError(
        'LINE_BELOW_PARENT',
        `监测线${input.amount}元低于上级（${strictest.regionCode}）设定的${strictest.amount}元：下级只能从严，不能放宽`,
        { field: 'amount', parent: strictest },
      );
    }
    return db.transaction().execute(async (trx) => {
      const saved = await linesRepo.insert(
        {
          regionCode: region.code,
          year: input.year,
          amount: input.amount,
          basis: input.basis ?? '',
          setBy: actor.userId,
        },
        trx,
      );
      await audit.append(
        actor,
        {
          action: AuditActions.lineSet,
          entity: 'monitoring_line',
          entityId: String(saved.id),
          regionCode: region.code,
          after: { year: input.year, amount: toYuan(toFen(input.amount)), basis: input.basis ?? '' },
        },
        trx,
      );
      return { id: saved.id, regionCode: region.code, year: input.year, amount: input.amount, setAt: saved.setAt };
    });
  },

  history: (regionCode: string) => linesRepo.history(regionCode),
});

export type LinesService = ReturnType<typeof linesService>;

import type { Kysely } from 'kysely';
import { analyzeTables } from '../../db/analyze.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, inScope, requirePermission } from '../auth/actor.ts';
import { levelOfCode, readCountyLevels, readUpperLevels } from './division-source.ts';
import type { RegionsRepository } from './regions.repository.ts';

interface Deps {
  db: Kysely<DB>;
  regionsRepo: RegionsRepository;
  audit: Pick<AuditRepository, 'append'>;
}

/** Administrative regions from the real national codes (SPEC §3). */
export const regionsService = ({ db, regionsRepo, audit }: Deps) => ({
  /** Provinces, prefectures and counties of the whole country; loaded once so any county can be named. */
  async ensureUpperLevels(): Promise<number> {
    if ((await regionsRepo.roots()).length > 0) return 0;
    const rows = await readUpperLevels();
    await db.transaction().execute((trx) => regionsRepo.upsert(rows, trx));
    return rows.length;
  },

  /** Townships and villages of one county (`shouxian regions load --county 621124`); idempotent. */
  async loadCounty(actor: Actor, countyCode: string): Promise<{ county: string; townships: number; villages: number }> {
    requirePermission(actor, 'settings.write');
    if (!/^\d{6}$/.test(countyCode)) {
      throw new AppError('VALIDATION', `县级区划代码应为6位数字：${countyCode}`, { field: 'county' });
    }
    await this.ensureUpperLevels();
    const county = await regionsRepo.findByCode(countyCode);
    if (county?.level !== 3) {
      throw new AppError('REGION_UNKNOWN', `未知的县级区划代码：${countyCode}`, { field: 'county' });
    }
    if (!inScope(actor, countyCode)) throw new AppError('REGION_OUT_OF_SCOPE', '该县不在您的管辖范围内');
    const rows = await readCountyLevels(countyCode);
    if (rows.length === 0) {
      throw new AppError('REGION_UNKNOWN', `区划数据中没有 ${county.name}（${countyCode}）的乡镇和村`, {
        field: 'county',
      });
    }
    const townships = rows.filter((r) => r.level === 4).length;
    const villages = rows.length - townships;
    await db.transaction().execute(async (trx) => {
      await regionsRepo.upsert(rows, trx);
      await audit.append(
        actor,
        {
          action: AuditActions.regionsLoad,
          entity: 'region',
          entityId: countyCode,
          regionCode: countyCode,
          after: { townships, villages },
        },
        trx,
      );
    });
    // The scope and tree queries are planned on the county's villages at once (issue 18 point 1).
    await analyzeTables(db, ['regions']);
    return { county: `${county.name}（${countyCode}）`, townships, villages };
  },

  async get(code: string) {
    const region = await regionsRepo.findByCode(code);
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${code}`, { code });
    return region;
  },

  /**
   * Children of a region for the tree. Inside the actor's scope: all children; above it: only the branch that
   * leads to the actor's scope, so a village user can see the path to their village and nothing beside it.
   */
  async children(actor: Actor, code: string) {
    if (!levelOfCode(code)) throw new AppError('REGION_UNKNOWN', `区划代码格式错误：${code}`, { code });
    const region = await this.get(code);
    const children = await regionsRepo.children(code);
    if (inScope(actor, code)) return { region, children };
    if (actor.regionCode.startsWith(code)) {
      return { region, children: children.filter((c) => actor.regionCode.startsWith(c.code)) };
    }
    throw new AppError('REGION_OUT_OF_SCOPE', '该区划不在您的管辖范围内', { code });
  },

  path: (code: string) => regionsRepo.path(code),
});

export type RegionsService = ReturnType<typeof regionsService>;

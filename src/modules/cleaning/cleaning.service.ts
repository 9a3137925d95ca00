import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireCountyWork, requirePermission, requireScope } from '../auth/actor.ts';
import { checkIdNumbers } from './check-id-numbers.ts';
import type { CleaningRepository, ProblemFilter } from './cleaning.repository.ts';
import { CLEANING_RULES } from './cleaning-rules.ts';

interface Deps {
  db: Kysely<DB>;
  cleaningRepo: CleaningRepository;
  audit: Pick<AuditRepository, 'append'>;
  cipher: PiiCipher;
  now?: () => Date;
}

/** Names of every cleaning rule, the ID checks included, for lists and the CLI. */
export const CLEANING_RULE_NAMES: Record<string, string> = {
  ID_INVALID: '身份证号无效（校验位、格式或出生日期）',
  ID_MISMATCH: '出生日期或性别与身份证号不符',
  ...Object.fromEntries(CLEANING_RULES.map((r) => [r.code, r.name])),
};

/**
 * 数据清洗 (SPEC §17; 会泽 step 8 数据录入和清洗): rules over the registry of a region list the problems to fix, with
 * the record and the reason. A run replaces its region's list; the audit log keeps who ran it and the counts.
 */
export const cleaningService = ({ db, cleaningRepo, audit, cipher, now = () => new Date() }: Deps) => ({
  async run(actor: Actor, opts: { region?: string; year?: number } = {}) {
    requireCountyWork(actor, '运行数据清洗');
    const region = opts.region ?? actor.regionCode;
    requireScope(actor, region);
    const year = opts.year ?? now().getUTCFullYear() - 1;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new AppError('VALIDATION', `年度无效：${opts.year}`, { field: 'year' });
    }
    return db.transaction().execute(async (trx) => {
      const runId = await cleaningRepo.startRun({ region, year, by: actor.username }, trx);
      await cleaningRepo.clear(region, trx);
      const byRule: Record<string, number> = {};
      const ids = await checkIdNumbers(trx, { runId, scope: region, cipher, today: now() });
      byRule.ID_CHECKS = ids;
      for (const rule of CLEANING_RULES) byRule[rule.code] = await cleaningRepo.apply(rule, runId, region, year, trx);
      const problems = Object.values(byRule).reduce((a, b) => a + b, 0);
      await cleaningRepo.finishRun(runId, problems, trx);
      await audit.append(
        actor,
        {
          action: AuditActions.cleaningRun,
          entity: 'cleaning_run',
          entityId: runId,
          regionCode: region,
          after: { year, byRule },
        },
        trx,
      );
      return { runId, region, year, problems, byRule };
    });
  },

  /** The problems of a region (default: the actor's scope) with the record and the reason, and counts per rule. */
  async problems(actor: Actor, filter: ProblemFilter) {
    requirePermission(actor, 'registry.read');
    const region = filter.region ?? actor.regionCode;
    requireScope(actor, region);
    const [list, lastRun] = await Promise.all([
      cleaningRepo.list(actor, { ...filter, region }),
      cleaningRepo.lastRun(actor, region),
    ]);
    return {
      ...list,
      byRule: list.byRule.map((r) => ({ ...r, name: CLEANING_RULE_NAMES[r.ruleCode] ?? r.ruleCode })),
      page: filter.page,
      pageSize: filter.pageSize,
      lastRun: lastRun ?? null,
    };
  },
});

export type CleaningService = ReturnType<typeof cleaningService>;

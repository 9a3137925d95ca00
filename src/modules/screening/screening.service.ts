import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireCountyWork, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { validateRule } from './compile-rule.ts';
import { effectiveSettings } from './regional-thresholds.ts';
import type { ScreeningRule } from './rule-types.ts';
import { type RunTotals, runRules } from './run-rules.ts';
import type { QualityFilter, ScreeningRepository } from './screening.repository.ts';

interface Deps {
  db: Kysely<DB>;
  screeningRepo: ScreeningRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
  /** Rules a routine run screens at once, each in its own transaction (1 on PGlite: one connection). */
  workers?: number;
}

/** One committed import batch to screen at once (SPEC §10 "over each new record as it arrives"). */
export interface BatchToScreen {
  importId: string;
  batchNo: number;
  department: string;
  recordKind: string;
  region: string;
  period: string;
}

export type RunSummary = Omit<RunTotals, 'perRule'> & { runId: string | null; region: string; asOf: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The last day of a 'YYYY-MM' period. */
const periodEnd = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return isoDay(new Date(Date.UTC(y, m, 0)));
};

/**
 * Department data screening (SPEC §10): the rules run over the whole registry of a region (on demand or on schedule)
 * and over each newly imported batch inside the batch's transaction; hits become clues in the ledger.
 */
export const screeningService = ({
  db,
  screeningRepo,
  regionsRepo,
  settings,
  audit,
  now = () => new Date(),
  workers = 1,
}: Deps) => {
  async function screen(
    trx: Transaction<DB>,
    actor: Actor,
    opts: { region: string; asOf: string; trigger: 'manual' | 'schedule' | 'import'; batch?: BatchToScreen },
  ) {
    const all = await screeningRepo.rules(trx);
    const rules = opts.batch
      ? all.filter((r) => r.department === opts.batch?.department && r.recordKind === opts.batch.recordKind)
      : all;
    const empty = { rules: 0, hits: 0, cluesCreated: 0, cluesMerged: 0, qualityItems: 0, perRule: [] };
    if (rules.length === 0) return { runId: null, totals: empty as RunTotals };
    const runId = await screeningRepo.startRun(
      {
        region: opts.region,
        trigger: opts.trigger,
        importId: opts.batch?.importId,
        asOf: opts.asOf,
        by: actor.username,
      },
      trx,
    );
    const receivedOn = chinaToday(now());
    const due = await settings.get<{ days: number }>('clues.dueDays', opts.region, trx);
    const totals = await runRules(trx, {
      rules,
      settings: await screeningRepo.settings(opts.region, trx),
      scope: {
        region: opts.region,
        batch: opts.batch && { importId: opts.batch.importId, batchNo: opts.batch.batchNo },
      },
      asOf: opts.asOf,
      apply: { runId, actor, receivedOn, dueOn: shiftDate(receivedOn, due.value.days) },
    });
    await screeningRepo.finishRun(runId, totals, trx);
    return { runId, totals };
  }

  /**
   * A routine run over a region: the run is recorded first, then every rule runs in its own transaction, `workers`
   * rules at a time (on PostgreSQL each on its own connection, so a run uses the server's cores), and the totals and
   * the audit row are written last. A rule's hits, clues and data-quality items commit together; if the process
   * stops midway, the rules already done stay done and the next run finds only what is still new (hits are kept
   * once per rule and facts), so re-running completes it.
   */
  async function routine(actor: Actor, opts: { region: string; asOf: string; trigger: 'manual' | 'schedule' }) {
    const prepared = await db.transaction().execute(async (trx) => {
      await screeningRepo.analyze(trx);
      const rules = await screeningRepo.rules(trx);
      const runId = await screeningRepo.startRun(
        { region: opts.region, trigger: opts.trigger, asOf: opts.asOf, by: actor.username },
        trx,
      );
      const due = await settings.get<{ days: number }>('clues.dueDays', opts.region, trx);
      return { rules, runId, dueDays: due.value.days, ruleSettings: await screeningRepo.settings(opts.region, trx) };
    });
    const { rules, runId } = prepared;
    const receivedOn = chinaToday(now());
    const apply = { runId, actor, receivedOn, dueOn: shiftDate(receivedOn, prepared.dueDays) };
    const results: RunTotals[] = [];
    let next = 0;
    let failure: unknown;
    const lane = async () => {
      while (failure === undefined && next < rules.length) {
        const i = next++;
        const rule = rules[i] as ScreeningRule;
        try {
          results[i] = await db.transaction().execute((trx) =>
            runRules(trx, {
              rules: [rule],
              settings: prepared.ruleSettings,
              scope: { region: opts.region },
              asOf: opts.asOf,
              apply,
            }),
          );
        } catch (err) {
          failure ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, rules.length)) }, lane));
    if (failure !== undefined) throw failure;
    const totals: RunTotals = { rules: 0, hits: 0, cluesCreated: 0, cluesMerged: 0, qualityItems: 0, perRule: [] };
    for (const r of results) {
      if (!r) continue;
      totals.rules += r.rules;
      totals.hits += r.hits;
      totals.cluesCreated += r.cluesCreated;
      totals.cluesMerged += r.cluesMerged;
      totals.qualityItems += r.qualityItems;
      totals.perRule.push(...r.perRule);
    }
    const { perRule, ...counts } = totals;
    await db.transaction().execute(async (trx) => {
      await screeningRepo.resolveFoundPersons(opts.region, trx);
      await screeningRepo.finishRun(runId, totals, trx);
      await audit.append(
        actor,
        {
          action: AuditActions.screeningRun,
          entity: 'screening_run',
          entityId: runId,
          regionCode: opts.region,
          after: counts,
        },
        trx,
      );
    });
    return { runId, totals: { ...counts, perRule } };
  }

  return {
    /** A routine run over the registry of a region (default: the actor's scope), as of a day (default: today). */
    async run(
      actor: Actor,
      opts: { region?: string; asOf?: string; trigger?: 'manual' | 'schedule' } = {},
    ): Promise<RunSummary & { perRule: RunTotals['perRule'] }> {
      requireCountyWork(actor, '运行部门数据筛查');
      const region = opts.region ?? actor.regionCode;
      requireScope(actor, region);
      if (region && !(await regionsRepo.findByCode(region))) {
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${region}`, { field: 'region' });
      }
      const asOf = opts.asOf ?? chinaToday(now());
      const { runId, totals } = await routine(actor, { region, asOf, trigger: opts.trigger ?? 'manual' });
      const { perRule, ...counts } = totals;
      return { runId, region, asOf, ...counts, perRule };
    },

    /** Real-time screening of one import batch, inside the batch's transaction (called by the importer). */
    async screenBatch(trx: Transaction<DB>, actor: Actor, batch: BatchToScreen): Promise<RunSummary> {
      const asOf = periodEnd(batch.period);
      const { runId, totals } = await screen(trx, actor, { region: batch.region, asOf, trigger: 'import', batch });
      const { perRule: _, ...counts } = totals;
      return { runId, region: batch.region, asOf, ...counts };
    },

    /** The rules with the thresholds in force for a region (default: the actor's scope). */
    async rules(actor: Actor, region?: string) {
      const scope = region ?? actor.regionCode;
      requireScope(actor, scope);
      const [rules, regional] = await Promise.all([screeningRepo.rules(), screeningRepo.settings(scope)]);
      return rules
        .filter((r) => actor.role !== 'department' || r.department === actor.department)
        .map((r) => {
          const e = effectiveSettings(
            { thresholds: r.thresholds, enabled: r.enabled },
            scope,
            regional.get(r.code) ?? [],
          );
          return {
            ...r,
            defaults: r.thresholds,
            thresholds: e.base.thresholds,
            enabled: e.base.enabled,
            region: scope,
          };
        });
    },

    /** Sets a region's thresholds and on/off for one rule; earlier settings stay as history (SPEC §3). */
    async setRule(
      actor: Actor,
      code: string,
      input: { regionCode: string; thresholds?: Record<string, number>; enabled?: boolean },
    ) {
      requirePermission(actor, 'settings.write');
      requireScope(actor, input.regionCode);
      if (!(await regionsRepo.findByCode(input.regionCode))) {
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'regionCode' });
      }
      const rule = (await screeningRepo.rules()).find((r) => r.code === code);
      if (!rule) throw notFound('筛查规则');
      const thresholds = input.thresholds ?? {};
      for (const [name, value] of Object.entries(thresholds)) {
        if (!(name in rule.thresholds)) {
          throw new AppError('SCREENING_RULE_INVALID', `规则 ${code} 没有阈值 ${name}`, { field: name });
        }
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw new AppError('SCREENING_RULE_INVALID', `阈值 ${name} 应为非负数`, { field: name });
        }
      }
      validateRule({ ...rule, thresholds: { ...rule.thresholds, ...thresholds } });
      await db.transaction().execute(async (trx) => {
        const row = { ruleCode: code, regionCode: input.regionCode, thresholds, enabled: input.enabled ?? true };
        await screeningRepo.addSetting(row, actor, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.screeningRuleSet,
            entity: 'screening_rule',
            entityId: code,
            regionCode: input.regionCode,
            after: row,
          },
          trx,
        );
      });
      return (await this.rules(actor, input.regionCode)).find((r) => r.code === code);
    },

    runs(actor: Actor, limit = 50) {
      requirePermission(actor, 'registry.read');
      return screeningRepo.runs(actor, limit);
    },

    householdHits(actor: Actor, householdId: string) {
      requirePermission(actor, 'registry.read');
      return screeningRepo.householdHits(actor, householdId);
    },

    /** The settings history of one rule around a region (default: the actor's scope), newest first (SPEC §3). */
    async ruleSettings(actor: Actor, code: string, region?: string) {
      const scope = region ?? actor.regionCode;
      requireScope(actor, scope);
      const rule = (await screeningRepo.rules()).find((r) => r.code === code);
      if (!rule || (actor.role === 'department' && rule.department !== actor.department)) throw notFound('筛查规则');
      return { code, defaults: rule.thresholds, items: await screeningRepo.ruleSettingsHistory(code, scope) };
    },

    /**
     * Marks a data-quality item handled with what was done (SPEC §10: a record without a person is a problem to fix,
     * not a lost record). The department of the record or a registry keeper of its region may resolve it.
     */
    async resolveQualityItem(actor: Actor, id: number, resolution: string) {
      if (actor.role !== 'department') requirePermission(actor, 'registry.write');
      const note = resolution.trim();
      if (!note) throw new AppError('VALIDATION', '请填写处理情况', { field: 'resolution' });
      return db.transaction().execute(async (trx) => {
        const item = await screeningRepo.findQualityItem(actor, id, trx);
        if (!item || (actor.role === 'department' && item.department !== actor.department)) {
          throw notFound('数据质量问题');
        }
        if (item.resolved_at) {
          throw new AppError('DATA_QUALITY_RESOLVED', '该数据质量问题已处理', { field: 'id' });
        }
        await screeningRepo.resolveQualityItem(id, actor.username, note, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.dataQualityResolve,
            entity: 'data_quality_item',
            entityId: String(id),
            regionCode: item.region_code,
            after: { resolution: note },
          },
          trx,
        );
        return { id, resolvedBy: actor.username, resolution: note };
      });
    },

    /** Data-quality items (SPEC §10): department hits on persons not found in the registry. */
    async qualityItems(actor: Actor, filter: QualityFilter) {
      if (actor.role !== 'department') requirePermission(actor, 'registry.read');
      const r = await screeningRepo.qualityItems(actor, filter);
      return { ...r, page: filter.page, pageSize: filter.pageSize };
    },
  };
};

export type ScreeningService = ReturnType<typeof screeningService>;

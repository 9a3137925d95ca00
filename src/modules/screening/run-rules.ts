import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type ApplyContext, type ApplyResult, applyRule } from './apply-hits.ts';
import { compileRule } from './compile-rule.ts';
import { effectiveSettings, type RegionSetting } from './regional-thresholds.ts';
import type { ScreeningRule } from './rule-types.ts';
import type { ScreenScope } from './screen-scope.ts';

export interface RunTotals extends ApplyResult {
  rules: number;
  /** Per rule: hits, and the milliseconds its statement took (for `shouxian screen` and the benchmark). */
  perRule: { code: string; hits: number; ms: number }[];
}

/**
 * Runs the given rules over one scope inside the caller's transaction, one set-based statement per rule (SPEC §10).
 * Rules switched off everywhere in the scope are skipped.
 */
export async function runRules(
  trx: Transaction<DB>,
  input: {
    rules: ScreeningRule[];
    settings: Map<string, RegionSetting[]>;
    scope: ScreenScope;
    asOf: string;
    apply: ApplyContext;
  },
): Promise<RunTotals> {
  const totals: RunTotals = { rules: 0, hits: 0, cluesCreated: 0, cluesMerged: 0, qualityItems: 0, perRule: [] };
  if (!input.scope.batch) {
    // Analytic statements over the whole region: room for hash joins and sorts in memory (PostgreSQL's 4 MB default
    // spills them to disk; a 10M-person province sorts a few million narrow rows per rule), and no JIT compilation
    // (it costs more than it saves here). At most SHOUXIAN_SCREEN_WORKERS rules run at once, so memory stays bounded.
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
  }
  for (const rule of input.rules) {
    const settings = effectiveSettings(
      { thresholds: rule.thresholds, enabled: rule.enabled },
      input.scope.region,
      input.settings.get(rule.code) ?? [],
    );
    if (!settings.base.enabled && !settings.inside.some((s) => s.enabled)) continue;
    const started = performance.now();
    const compiled = compileRule({ rule, settings, scope: input.scope, asOf: input.asOf });
    const r = await applyRule(trx, rule, compiled, input.apply, { staged: !input.scope.batch });
    totals.rules++;
    totals.hits += r.hits;
    totals.cluesCreated += r.cluesCreated;
    totals.cluesMerged += r.cluesMerged;
    totals.qualityItems += r.qualityItems;
    totals.perRule.push({ code: rule.code, hits: r.hits, ms: Math.round(performance.now() - started) });
  }
  return totals;
}

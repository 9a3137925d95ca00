import { type QueryExecutorProvider, sql } from 'kysely';

/**
 * Bulk loads leave the database ready (issue 18 point 1): after a load the planner must know the new sizes at once,
 * not when autovacuum next wakes. Without it a village list planned on empty-table statistics seq-scans a million
 * persons (measured: p99 9 s at 20 users straight after `generate`). ANALYZE samples a bounded number of rows per
 * table, so it costs a second or two even at a million rows, and it may run inside a transaction.
 */
export const REGISTRY_TABLES = ['households', 'persons', 'household_incomes', 'region_household_totals'] as const;

/** Rows a feed import must add before it analyses the feed tables (small imports leave it to autovacuum). */
export const FEED_ANALYZE_ROWS = 10_000;

/** `ANALYZE` the given tables, or the whole database when none are named. */
export async function analyzeTables(
  target: { exec(script: string): Promise<void> } | QueryExecutorProvider,
  tables?: readonly string[],
): Promise<void> {
  if (tables && tables.length === 0) return;
  const list = tables ? ` ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')}` : '';
  if ('exec' in target) await target.exec(`ANALYZE${list}`);
  else await sql.raw(`ANALYZE${list}`).execute(target);
}

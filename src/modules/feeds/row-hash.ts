import { createHash } from 'node:crypto';
import type { FeedRecord } from '../../domain/feeds/index.ts';
import type { FeedValue } from './cell-normalize.ts';

/**
 * A stable identity for one normalised row (SPEC §10: "loading the same file twice changes nothing"): sha256 over the
 * department, the record kind and the values in the definition's column order, so that column order, spacing and
 * number formats in the file do not change it. Row numbers and file names are deliberately not part of it.
 */
export function feedRowHash(department: string, record: FeedRecord, values: Record<string, FeedValue>): string {
  const payload = JSON.stringify([department, record.kind, ...record.columns.map((c) => values[c.key] ?? null)]);
  return createHash('sha256').update(payload).digest('hex');
}

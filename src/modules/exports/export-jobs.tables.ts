import type * as G from '../../db/schema.generated.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Background exports (migration 0120), typed from the migrated schema (src/db/schema.generated.ts).
 * 'expired': done, and its file removed after the retention (exports.retentionDays). 'cancelled': stopped by the
 * user who started it (migration 0190); its partial file is removed.
 */
export type ExportJobStatus = G.ExportJobsStatus;
export type ExportJobsTable = DB['export_jobs'];

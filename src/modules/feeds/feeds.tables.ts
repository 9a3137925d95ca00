import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the department-feed tables of migration 0004 (SPEC §10), declared here by module augmentation so
 * that src/db/schema.ts stays with the registry's tables.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type FeedImportStatus = 'loading' | 'loaded' | 'failed';

export interface FeedImportsTable {
  id: Generated<string>;
  department: string;
  record_kind: string | null;
  region_code: string;
  period: string;
  file_name: string;
  file_sha256: string;
  status: Generated<FeedImportStatus>;
  batch_size: number;
  batches: Generated<number>;
  rows_good: Generated<number>;
  rows_bad: Generated<number>;
  rows_new: Generated<number>;
  hits: Generated<number>;
  clues: Generated<number>;
  header: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  imported_by: string;
  user_id: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface FeedImportBatchesTable {
  import_id: string;
  batch_no: number;
  first_row: number;
  last_row: number;
  rows_good: number;
  rows_bad: number;
  rows_new: number;
  committed_at: Timestamp;
}

export interface FeedImportErrorsTable {
  import_id: string;
  batch_no: number;
  /** The worksheet's position in the workbook (1 for CSV), migration 0012. */
  sheet_no: Generated<number>;
  row_number: number;
  errors: Json;
  original_enc: string;
}

export interface FeedRecordsTable {
  id: Generated<number>;
  import_id: string;
  batch_no: number;
  /** The worksheet's position in the workbook (1 for CSV), migration 0012. */
  sheet_no: Generated<number>;
  row_number: number;
  department: string;
  record_kind: string;
  region_code: string;
  period: string;
  row_hash: Buffer;
  id_number_hash: string | null;
  id_number_masked: string | null;
  id_number_enc: string | null;
  subject_region: string | null;
  data: Json;
  /** The person with this ID hash and their household (migration 0006), kept by the importer and triggers on persons. */
  person_id: string | null;
  household_id: string | null;
  created_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface DB {
    feed_imports: FeedImportsTable;
    feed_import_batches: FeedImportBatchesTable;
    feed_import_errors: FeedImportErrorsTable;
    feed_records: FeedRecordsTable;
  }
}

import { api, toQueryString } from './client';
import type { Page } from './types';

/** Shapes of the department feed API (src/modules/feeds, SPEC §10). */
export type FeedColumnType =
  | 'id_number'
  | 'string'
  | 'date'
  | 'yuan'
  | 'integer'
  | 'decimal'
  | 'enum'
  | 'boolean'
  | 'region_code';

export interface FeedColumn {
  key: string;
  header: string;
  type: FeedColumnType;
  required: boolean;
  description: string;
  /** For enum columns: the Chinese values a cell may hold. */
  options?: string[];
}

export interface FeedRecordKind {
  kind: string;
  name: string;
  matchBy: 'id_number' | 'region_code' | 'none';
  signal: string;
  columns: FeedColumn[];
}

/** One department's published feed: its record kinds and their columns (what the template holds). */
export interface FeedDefinition {
  department: string;
  name: string;
  source: string;
  records: FeedRecordKind[];
}

export type FeedImportStatus = 'loading' | 'loaded' | 'failed';

export interface FeedImport {
  id: string;
  department: string;
  recordKind: string;
  regionCode: string;
  period: string;
  fileName: string;
  status: FeedImportStatus;
  batchSize: number;
  batches: number;
  rowsGood: number;
  rowsBad: number;
  rowsNew: number;
  hits: number;
  clues: number;
  error: string | null;
  importedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

/** What an upload answers: the import, how many good rows were already known, and the bad-row report's addresses. */
/** One worksheet of an uploaded workbook: read with its rows, or left out with the reason. */
export interface ImportSheet {
  name: string;
  read: boolean;
  rowsGood: number;
  rowsBad: number;
  reason?: string;
}

export interface ImportSummary extends FeedImport {
  duplicates: number;
  sheets: ImportSheet[];
  alreadyLoaded: boolean;
  resumedBatches: number;
  errorsCsv: string;
  errorsXlsx: string;
}

export interface UploadTarget {
  department: string;
  /** Default (server): the user's scope. */
  region?: string;
  /** 'YYYY-MM'. */
  period: string;
  /** Needed only when the header fits several record kinds. */
  kind?: string;
}

export interface ImportQuery {
  department?: string;
  region?: string;
  page?: number;
  pageSize?: number;
}

export const feedsApi = {
  list: () => api.get<FeedDefinition[]>('/api/feeds'),
  templateUrl: (department: string, kind: string, format: 'xlsx' | 'csv') =>
    `/api/feeds/${department}/${kind}/template.${format}`,
  /** multipart/form-data with the field `file`; department, region, period and kind go in the address. */
  upload: (target: UploadTarget, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const query = toQueryString({ region: target.region, period: target.period, kind: target.kind });
    return api.upload<ImportSummary>(`/api/feeds/${target.department}/imports${query}`, form);
  },
  imports: (q: ImportQuery) => api.get<Page<FeedImport>>('/api/feed-imports', { ...q }),
  errorsUrl: (id: string, format: 'csv' | 'xlsx') => `/api/feed-imports/${id}/errors.${format}`,
};

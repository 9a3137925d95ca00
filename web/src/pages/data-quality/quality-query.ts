import { toQueryString } from '../../api/client';
import type { QualityQuery } from '../../api/screening';

/** The data-quality list's filters live in the address; `open` (unresolved only) is on unless `open=false`. */
export function readQualityQuery(search: URLSearchParams): QualityQuery {
  const num = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    region: search.get('region') || undefined,
    department: search.get('department') || undefined,
    open: search.get('open') !== 'false',
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

export function qualityListUrl(q: QualityQuery): string {
  const { open, ...rest } = q;
  return `/data-quality${toQueryString({ ...rest, open: open ? undefined : 'false' })}`;
}

/** The server lists every item unless asked for the open ones. */
export const toApiQuery = (q: QualityQuery): QualityQuery => ({ ...q, open: q.open || undefined });

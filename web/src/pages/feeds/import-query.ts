import { toQueryString } from '../../api/client';
import type { ImportQuery } from '../../api/feeds';

/** The import history's filters live in the address, so a filtered list can be bookmarked. */
export function readImportQuery(search: URLSearchParams): ImportQuery {
  const num = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    department: search.get('department') || undefined,
    region: search.get('region') || undefined,
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

export const importListUrl = (q: ImportQuery) => `/feeds/imports${toQueryString({ ...q })}`;

import { toQueryString } from '../../api/client';
import type { HouseholdQuery } from '../../api/households';

/** The household list's filters live in the address, so that "back" from a household file returns to the same page. */
export function readListQuery(search: URLSearchParams): HouseholdQuery {
  const str = (k: string) => search.get(k) || undefined;
  const num = (k: string, d: number) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : d;
  };
  const lifted = search.get('liftedOut');
  return {
    region: str('region'),
    status: str('status'),
    category: str('category'),
    liftedOut: lifted === 'true' ? true : lifted === 'false' ? false : undefined,
    name: str('name'),
    idNumber: str('idNumber'),
    page: num('page', 1),
    pageSize: num('pageSize', 20),
    after: str('after'),
  };
}

export function listUrl(q: HouseholdQuery): string {
  const clean = { ...q, page: q.page === 1 ? undefined : q.page, pageSize: q.pageSize === 20 ? undefined : q.pageSize };
  return `/households${toQueryString(clean)}`;
}

/** The same filters as an Excel download of the whole filtered list (every page; the server audits it). */
export function exportUrl(q: HouseholdQuery): string {
  const { page: _page, pageSize: _size, after: _after, ...filters } = q;
  return `/api/households/export.xlsx${toQueryString(filters)}`;
}

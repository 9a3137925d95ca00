import type { ProblemQuery } from '../../api/cleaning';
import { toQueryString } from '../../api/client';

/** The cleaning list's filters live in the address. */
export function readProblemQuery(search: URLSearchParams): ProblemQuery {
  const num = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    region: search.get('region') || undefined,
    rule: search.get('rule') || undefined,
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

export const problemListUrl = (q: ProblemQuery) => `/cleaning${toQueryString({ ...q })}`;

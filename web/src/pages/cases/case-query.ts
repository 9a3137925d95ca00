import type { CaseQuery, ProcedureKind, StepLevel } from '../../api/cases';
import { toQueryString } from '../../api/client';

/** The case list's filters live in the address (bookmarks, back button). */
export function readCaseQuery(search: URLSearchParams): CaseQuery {
  const kind = search.get('kind');
  const level = search.get('level');
  const open = search.get('open');
  const num = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    kind: kind === 'inclusion' || kind === 'elimination' ? (kind as ProcedureKind) : undefined,
    level: ['village', 'township', 'county', 'department'].includes(level ?? '') ? (level as StepLevel) : undefined,
    open: open === 'false' ? false : open === 'all' ? undefined : true,
    overdue: search.get('overdue') === 'true' ? true : undefined,
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

export function caseListUrl(q: CaseQuery): string {
  const { open, ...rest } = q;
  return `/cases${toQueryString({ ...rest, open: open === undefined ? 'all' : open ? undefined : 'false' })}`;
}

import { toQueryString } from '../../api/client';
import type { ClueChannel, ClueQuery } from '../../api/clues';

const STATUSES = ['open', 'verifying', 'closed', 'unclosed'] as const;
const CHANNELS = ['self_declaration', 'cadre_screening', 'department', 'social'] as const;

/** The ledger's filters live in the address, so a filtered list can be bookmarked and the back button works. */
export function readClueQuery(search: URLSearchParams): ClueQuery {
  const status = search.get('status');
  const channel = search.get('channel');
  const num = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    status: STATUSES.find((s) => s === status) ?? (search.has('status') ? undefined : 'unclosed'),
    channel: CHANNELS.find((c) => c === channel) as ClueChannel | undefined,
    overdue: search.get('overdue') === 'true' ? true : undefined,
    region: search.get('region') || undefined,
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

/** `status` defaults to 未销号 (unclosed); `status=` (empty) in the address means every status. */
export function clueListUrl(q: ClueQuery): string {
  const { status, ...rest } = q;
  const qs = toQueryString(rest).replace(/^\?/, '');
  return `/clues?status=${status ?? ''}${qs ? `&${qs}` : ''}`;
}

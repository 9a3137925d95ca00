import { useEffect, useState } from 'react';
import { type HouseholdQuery, householdsApi } from '../../api/households';

export interface Count {
  households: number;
  /** Persons in those households; null when it could not be counted cheaply. */
  persons: number | null;
}

/** Above this many households the persons are not summed page by page in the browser. */
const SUM_IN_BROWSER_UP_TO = 1000;
const PAGE = 200;

/**
 * "X户Y人" for a filter (SPEC §16). Households come from the list total. Persons come from the list's `persons` when
 * the server sends it; until then they are summed from the rows' member counts for small sets only.
 */
export async function countHouseholds(q: HouseholdQuery): Promise<Count> {
  const first = await householdsApi.list({ ...q, page: 1, pageSize: PAGE });
  if (typeof first.persons === 'number') return { households: first.total, persons: first.persons };
  if (first.total > SUM_IN_BROWSER_UP_TO) return { households: first.total, persons: null };
  let persons = first.items.reduce((s, h) => s + h.memberCount, 0);
  const pages = Math.ceil(first.total / PAGE);
  const rest = await Promise.all(
    Array.from({ length: pages - 1 }, (_, i) => householdsApi.list({ ...q, page: i + 2, pageSize: PAGE })),
  );
  for (const p of rest) persons += p.items.reduce((s, h) => s + h.memberCount, 0);
  return { households: first.total, persons };
}

/** Counts for several named filters at once; `undefined` while loading. */
export function useHouseholdCounts<K extends string>(queries: Record<K, HouseholdQuery>, enabled: boolean) {
  const [counts, setCounts] = useState<Record<K, Count>>();
  const [error, setError] = useState<string>();
  const key = JSON.stringify(queries);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const entries = Object.entries(JSON.parse(key) as Record<K, HouseholdQuery>) as [K, HouseholdQuery][];
    Promise.all(entries.map(async ([k, q]) => [k, await countHouseholds(q)] as const))
      .then((list) => live && setCounts(Object.fromEntries(list) as Record<K, Count>))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return { counts, error };
}

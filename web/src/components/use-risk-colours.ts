import { useEffect, useState } from 'react';
import { assistanceApi } from '../api/assistance';
import type { RiskColourInfo } from '../domain/risk-colour';

/**
 * The 三色 of the households a list shows (SPEC §16), asked for in one call per page — the same rule the server
 * applies in the household file. Roles that may not read assistance simply get no colours.
 */
export function useRiskColours(
  householdIds: readonly string[],
  /** Asked again when this changes (the household file after an edit). */
  refresh?: unknown,
): Record<string, RiskColourInfo> | undefined {
  const key = householdIds.join(',');
  const [colours, setColours] = useState<Record<string, RiskColourInfo>>();
  useEffect(() => {
    let live = true;
    void refresh;
    setColours(undefined);
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setColours({});
      return;
    }
    const pages: string[][] = [];
    for (let i = 0; i < ids.length; i += 200) pages.push(ids.slice(i, i + 200));
    Promise.all(pages.map((p) => assistanceApi.colours(p))).then(
      (answers) => live && setColours(Object.assign({}, ...answers)),
      () => live && setColours({}),
    );
    return () => {
      live = false;
    };
  }, [key, refresh]);
  return colours;
}

import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { HouseholdFile } from '../../api/types';

/**
 * One household file. `reveal()` fetches it again with full ID numbers (county, admin; the server audits it as
 * 查看完整身份证号); `reload()` keeps the current masking choice.
 */
export function useHousehold(id: string) {
  const [file, setFile] = useState<HouseholdFile>();
  const [error, setError] = useState<string>();
  /** The household is not there for this user: unknown, or outside the user's region (the server does not say which). */
  const [missing, setMissing] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (unmasked: boolean) => {
      setLoading(true);
      try {
        const f = await householdsApi.get(id, unmasked);
        setFile(f);
        setRevealed(unmasked);
        setError(undefined);
        setMissing(false);
      } catch (e) {
        setError(errorMessage(e));
        setMissing(e instanceof ApiError && e.status === 404);
        throw e;
      } finally {
        setLoading(false);
      }
    },
    [id],
  );

  useEffect(() => {
    load(false).catch(() => undefined);
  }, [load]);

  return {
    file,
    error,
    missing,
    loading,
    revealed,
    reload: () => load(revealed),
    reveal: () => load(true),
    hide: () => load(false),
  };
}

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { HouseholdFile } from '../../api/types';

/**
 * One household file. `reveal()` fetches it again with full ID numbers (county, admin; the server audits it as
 * 查看完整身份证号); `reload()` keeps the current masking choice.
 */
export function useHousehold(id: string) {
  const [file, setFile] = useState<HouseholdFile>();
  const [error, setError] = useState<string>();
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
      } catch (e) {
        setError(errorMessage(e));
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
    loading,
    revealed,
    reload: () => load(revealed),
    reveal: () => load(true),
    hide: () => load(false),
  };
}

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';

/** Loads with `load` whenever `deps` change or `reload()` is called; keeps the error as a Chinese message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the loader depends on.
  useEffect(() => {
    let live = true;
    void tick;
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

export const LEADS = ['county', 'township', 'supervisor', 'admin'];
export const WORKERS = ['village', 'township', 'county', 'supervisor', 'admin'];
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

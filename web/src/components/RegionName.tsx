import { useEffect, useState } from 'react';
import { regionsApi } from '../api/regions';

const cache = new Map<string, Promise<string>>();

/** The name of a region code, fetched once per code and remembered for the session. */
export function regionName(code: string): Promise<string> {
  let p = cache.get(code);
  if (!p) {
    p = regionsApi.get(code).then(
      (r) => r.name,
      () => code,
    );
    cache.set(code, p);
  }
  return p;
}

/** Renders a region's name (the code until it is known; the code in a tooltip). */
export function RegionName({ code }: { code: string | null | undefined }) {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let live = true;
    if (code) void regionName(code).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [code]);
  if (!code) return <span>—</span>;
  return <span title={code}>{name ?? code}</span>;
}

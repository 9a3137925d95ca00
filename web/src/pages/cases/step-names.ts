import { useEffect, useState } from 'react';
import { proceduresApi } from '../../api/procedures';

const cache = new Map<string, Promise<Map<string, string>>>();

/**
 * Step names by `template code/step code`, from the templates of the user's region (the case list carries codes
 * only). Fetched once per region and session; an unknown code is shown as it is.
 */
export function useStepNames(region: string): (templateCode: string, stepCode: string | null) => string {
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    let live = true;
    let names = cache.get(region);
    if (!names) {
      names = proceduresApi.templates(region).then(
        (t) => {
          const m = new Map<string, string>();
          for (const tpl of [...t.shipped, t.inUse.inclusion, t.inUse.elimination])
            for (const s of tpl.steps) m.set(`${tpl.code}/${s.code}`, s.name);
          return m;
        },
        () => new Map<string, string>(),
      );
      cache.set(region, names);
    }
    void names.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, [region]);
  return (tpl, step) => (step ? (names?.get(`${tpl}/${step}`) ?? step) : '—');
}

import { useEffect, useState } from 'react';
import { assistanceApi, type CatalogueEntry } from '../../api/assistance';
import { errorMessage } from '../../api/client';

const cache = new Map<string, Promise<CatalogueEntry[]>>();

/** Forgets the cached catalogues after a region's catalogue changed. */
export function forgetCatalogues(): void {
  cache.clear();
}

/** The measure catalogue in force for a region (its own and inherited configuration), fetched once per region. */
export function useCatalogue(region: string | undefined): { entries?: CatalogueEntry[]; error?: string } {
  const [state, setState] = useState<{ region?: string; entries?: CatalogueEntry[]; error?: string }>({});
  useEffect(() => {
    if (!region) return;
    let live = true;
    let p = cache.get(region);
    if (!p) {
      p = assistanceApi.catalogue(region).then((c) => c.catalogue);
      p.catch(() => cache.delete(region));
      cache.set(region, p);
    }
    p.then(
      (entries) => live && setState({ region, entries }),
      (e) => live && setState({ region, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [region]);
  return state.region === region ? { entries: state.entries, error: state.error } : {};
}

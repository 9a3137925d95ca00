import type { CatalogueEntry, CatalogueOverride, CatalogueRename, NewSubtype } from '../../../api/assistance';

/**
 * A region's override is stored whole (PUT replaces it; every version stays in the history). These build the next
 * version from the current one for one change at a time; the server checks the result against the levels above and
 * below (SPEC §3: a lower level may not re-enable what a higher one disabled, nor disable statutory guarantees).
 */
export function normalise(o: CatalogueOverride | undefined): Required<CatalogueOverride> {
  return { disable: [...(o?.disable ?? [])], add: [...(o?.add ?? [])], rename: [...(o?.rename ?? [])] };
}

export const disable = (o: CatalogueOverride, code: string): CatalogueOverride => {
  const n = normalise(o);
  return { ...n, disable: [...n.disable.filter((c) => c !== code), code] };
};

export const enable = (o: CatalogueOverride, code: string): CatalogueOverride => {
  const n = normalise(o);
  return { ...n, disable: n.disable.filter((c) => c !== code) };
};

export const addSubtype = (o: CatalogueOverride, s: NewSubtype): CatalogueOverride => {
  const n = normalise(o);
  return { ...n, add: [...n.add.filter((a) => a.code !== s.code), s] };
};

export const removeSubtype = (o: CatalogueOverride, code: string): CatalogueOverride => {
  const n = normalise(o);
  return { ...n, add: n.add.filter((a) => a.code !== code), rename: n.rename.filter((r) => r.code !== code) };
};

/**
 * Changes the name, content or department of an entry: in place for a sub-type this region added, else as a rename
 * of what it inherits; a field equal to the inherited value is not stored.
 */
export function renameEntry(
  o: CatalogueOverride,
  region: string,
  entry: CatalogueEntry,
  change: Required<Omit<CatalogueRename, 'code'>>,
): CatalogueOverride {
  const n = normalise(o);
  const own = n.add.find((a) => a.code === entry.code);
  if (own && addedHere(entry, region)) {
    return { ...n, add: n.add.map((a) => (a.code === entry.code ? { ...a, ...change } : a)) };
  }
  const previous = n.rename.find((r) => r.code === entry.code) ?? { code: entry.code };
  const next: CatalogueRename = { code: entry.code };
  for (const k of ['name', 'content', 'department'] as const) {
    const value = change[k].trim();
    if (value !== entry[k] || previous[k] !== undefined) next[k] = value;
  }
  const rest = n.rename.filter((r) => r.code !== entry.code);
  return { ...n, rename: Object.keys(next).length > 1 ? [...rest, next] : rest };
}

/**
 * The catalogue rules name regions by GB/T 2260 codes (`620000`); the app uses significant prefixes (`62`). Turns a
 * code from the catalogue (`source`, `disabledBy`) back into the app's form.
 */
export function significantCode(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether this region itself added the entry (its own additions are edited or removed, not disabled). */
export const addedHere = (e: CatalogueEntry, region: string) => significantCode(e.source) === region;

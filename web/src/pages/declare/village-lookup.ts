import { declarationsApi } from '../../api/declarations';
import type { Region } from '../../api/types';

export const VILLAGE_CODE = /^\d{12}$/;

export interface VillageInfo {
  code: string;
  name: string;
  township?: string;
}

/** A village's name and its township's, from the public division list; undefined when the code is not a village. */
export async function lookupVillage(code: string): Promise<VillageInfo | undefined> {
  if (!VILLAGE_CODE.test(code)) return undefined;
  try {
    const { region } = await declarationsApi.regionChildren(code);
    if (region.level !== 5) return undefined;
    const township = region.parentCode
      ? await declarationsApi.regionChildren(region.parentCode).then(
          (r) => r.region.name,
          () => undefined,
        )
      : undefined;
    return { code, name: region.name, township };
  } catch {
    return undefined;
  }
}

export async function childrenOf(code: string): Promise<Region[]> {
  return (await declarationsApi.regionChildren(code)).children;
}

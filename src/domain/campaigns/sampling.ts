import { seededRandom, shuffled } from './prng.ts';

/**
 * Stratified random sampling for spot checks and 回头看 (SPEC §15; 瓦房 "市里开展抽查，比例不低于30%"). Units (villages,
 * households, problems) are grouped by stratum (the township), and each stratum gives ceil(ratio × size) units, at
 * least one, so every township is covered. Units are sorted by id before shuffling and each stratum has its own
 * stream (`seed` + stratum), so the sample depends only on the seed, the ratio and the set of units — not on the order
 * rows came from the database, nor on the other strata.
 */
export interface SampleUnit {
  id: string;
  stratum: string;
}

export interface Stratum {
  stratum: string;
  size: number;
  sampled: string[];
}

export interface Sample {
  seed: string;
  ratio: number;
  strata: Stratum[];
  /** Every sampled id, stratum by stratum, each stratum's ids sorted. */
  ids: string[];
}

/** How many of `size` units a stratum gives at `ratio`: at least one, never more than there are. */
export function stratumQuota(size: number, ratio: number): number {
  if (size <= 0) return 0;
  // Rounded to 1e-9 first so that 0.3 × 10 is 3, not 3.0000000000000004 → 4.
  return Math.min(size, Math.max(1, Math.ceil(Math.round(ratio * size * 1e9) / 1e9)));
}

export function stratifiedSample(units: readonly SampleUnit[], ratio: number, seed: string): Sample {
  const byStratum = new Map<string, string[]>();
  for (const u of units) {
    const list = byStratum.get(u.stratum) ?? [];
    list.push(u.id);
    byStratum.set(u.stratum, list);
  }
  const strata = [...byStratum.keys()].sort().map((stratum) => {
    const ids = [...new Set(byStratum.get(stratum) ?? [])].sort();
    const random = seededRandom(`${seed}\u0000${stratum}`);
    const sampled = shuffled(ids, random).slice(0, stratumQuota(ids.length, ratio)).sort();
    return { stratum, size: ids.length, sampled };
  });
  return { seed, ratio, strata, ids: strata.flatMap((s) => s.sampled) };
}

/** Why a requested ratio cannot be used, in Chinese, or null. `minimum` is the region's setting in force. */
export function ratioProblem(ratio: number, minimum: number): string | null {
  if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) return '抽查比例应为大于0、不超过1的小数（0.3即30%）';
  if (ratio + 1e-9 < minimum) {
    return `抽查比例${percent(ratio)}低于规定的最低比例${percent(minimum)}`;
  }
  return null;
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** `n` of `ids` drawn with `seed` (households within a sampled village), sorted; all of them when there are fewer. */
export function pickN(ids: readonly string[], n: number, seed: string): string[] {
  const sorted = [...new Set(ids)].sort();
  return shuffled(sorted, seededRandom(seed)).slice(0, Math.max(0, n)).sort();
}

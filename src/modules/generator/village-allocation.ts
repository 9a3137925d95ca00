import type { VillageRef } from './household-factory.ts';
import type { Prng } from './prng.ts';

/**
 * How many households each village gets (SPEC §18: a county has 200–400 villages of uneven size). Villages are
 * weighted 0.5–1.5 at random, urban communities (社区) 0.4; counts by largest remainder, capped so that a village's
 * 4-digit household sequence (code = village code + 0001…9999) never overflows.
 */
export const MAX_SEQ = 9999;

export interface VillageQuota {
  village: VillageRef;
  /** First sequence number to issue (after those already used). */
  firstSeq: number;
  count: number;
}

export function allocateHouseholds(
  rng: Prng,
  villages: readonly VillageRef[],
  total: number,
  lastSeq: ReadonlyMap<string, number>,
): VillageQuota[] {
  const weights = villages.map((v) => (v.label.endsWith('社区') ? 0.4 : 0.5 + rng.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) {
    const i = (byRemainder[k % byRemainder.length] as readonly [number, number])[1];
    counts[i] = (counts[i] as number) + 1;
  }
  // Spill what does not fit under a village's remaining sequence numbers to villages with room, in code order.
  const room = villages.map((v) => MAX_SEQ - (lastSeq.get(v.code) ?? 0));
  let spill = 0;
  counts.forEach((c, i) => {
    const over = c - (room[i] as number);
    if (over > 0) {
      counts[i] = room[i] as number;
      spill += over;
    }
  });
  for (let i = 0; spill > 0 && i < villages.length; i++) {
    const extra = Math.min(spill, (room[i] as number) - (counts[i] as number));
    counts[i] = (counts[i] as number) + extra;
    spill -= extra;
  }
  if (spill > 0) throw new RangeError(`too many households for ${villages.length} villages`);
  return villages.map((village, i) => ({
    village,
    firstSeq: (lastSeq.get(village.code) ?? 0) + 1,
    count: counts[i] as number,
  }));
}

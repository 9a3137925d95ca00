import { describe, expect, it } from 'vitest';
import { pickN, ratioProblem, stratifiedSample, stratumQuota } from './sampling.ts';

/** 3 townships of 10, 7 and 1 villages. */
const villages = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `621124100${String(i + 1).padStart(3, '0')}`, stratum: '621124100' })),
  ...Array.from({ length: 7 }, (_, i) => ({ id: `621124101${String(i + 1).padStart(3, '0')}`, stratum: '621124101' })),
  { id: '621124102001', stratum: '621124102' },
];

describe('stratified spot-check sampling (SPEC §15)', () => {
  it('the same seed gives the same sample, whatever order the villages come in', () => {
    const a = stratifiedSample(villages, 0.3, '2026-10-17 市抽查');
    const b = stratifiedSample([...villages].reverse(), 0.3, '2026-10-17 市抽查');
    expect(b).toEqual(a);
    expect(a.ids.length).toBeGreaterThan(0);
  });

  it('a different seed draws differently', () => {
    const seeds = ['a', 'b', 'c', 'd', 'e'].map((s) => stratifiedSample(villages, 0.3, s).ids.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('covers every township with at least ratio × size villages, rounded up', () => {
    const s = stratifiedSample(villages, 0.3, 'x');
    expect(s.strata.map((t) => [t.stratum, t.size, t.sampled.length])).toEqual([
      ['621124100', 10, 3],
      ['621124101', 7, 3],
      ['621124102', 1, 1],
    ]);
    for (const t of s.strata) {
      for (const id of t.sampled) expect(id.startsWith(t.stratum)).toBe(true);
      expect(new Set(t.sampled).size).toBe(t.sampled.length);
    }
    expect(s.ids.length / villages.length).toBeGreaterThanOrEqual(0.3);
  });

  it('a stratum sample does not change when another township is added', () => {
    const before = stratifiedSample(villages, 0.5, 'k').strata[0];
    const after = stratifiedSample([...villages, { id: '621124103001', stratum: '621124103' }], 0.5, 'k').strata[0];
    expect(after).toEqual(before);
  });

  it('quota: at least one, never more than the stratum, 0.3 × 10 is exactly 3', () => {
    expect(stratumQuota(10, 0.3)).toBe(3);
    expect(stratumQuota(1, 0.01)).toBe(1);
    expect(stratumQuota(4, 1)).toBe(4);
    expect(stratumQuota(0, 0.5)).toBe(0);
  });

  it('refuses a ratio below the minimum in force, in Chinese', () => {
    expect(ratioProblem(0.2, 0.3)).toBe('抽查比例20%低于规定的最低比例30%');
    expect(ratioProblem(0.3, 0.3)).toBeNull();
    expect(ratioProblem(1.5, 0.3)).toContain('不超过1');
  });

  it('draws households within a village reproducibly: n of them, the same for the same seed', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `h${i}`);
    const a = pickN(ids, 5, 's\u0000621124100001');
    expect(a).toHaveLength(5);
    expect(pickN([...ids].reverse(), 5, 's\u0000621124100001')).toEqual(a);
    expect(pickN(ids.slice(0, 3), 5, 'x')).toEqual(['h0', 'h1', 'h2']);
  });
});

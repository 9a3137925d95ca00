import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../domain/id-number.ts';
import { type GeneratedHousehold, makeHousehold, villageLabel } from './household-factory.ts';
import { IdAllocator } from './id-allocator.ts';
import { perCapitaNet } from './income-model.ts';
import { Prng, RowIds } from './prng.ts';

const YEAR = 2026;
const COUNTY = '621124';
const NEIGHBOURS = ['621125', '621126'];
const VILLAGES = [
  { code: '621124100202', label: '旭东村' },
  { code: '621124100203', label: '洮丰村' },
];

function generate(seed: number, n: number): GeneratedHousehold[] {
  const rng = new Prng(seed);
  const ids = new IdAllocator([COUNTY, ...NEIGHBOURS], `${YEAR - 1}-12-31`);
  const ctx = { year: YEAR, county: COUNTY, neighbours: NEIGHBOURS, ids, rowIds: new RowIds(rng) };
  return Array.from({ length: n }, (_, i) =>
    makeHousehold(rng, ctx, VILLAGES[i % 2] as (typeof VILLAGES)[0], (i >> 1) + 1),
  );
}

// One population shared by the statistical tests: large enough for stable shares, fast to build (~0.2 s).
const population = generate(20261123, 12_000);
const persons = population.flatMap((h) => h.members);

describe('synthetic households (SPEC §4, §18)', () => {
  it('is deterministic: the same seed gives the same households, members and ID numbers', () => {
    expect(generate(42, 300)).toEqual(generate(42, 300));
    expect(generate(43, 50).map((h) => h.members[0]?.idNumber)).not.toEqual(
      generate(42, 50).map((h) => h.members[0]?.idNumber),
    );
  });

  it('issues only valid, unique ID numbers agreeing with birth date and sex (SPEC §4.2, GB 11643)', () => {
    const today = new Date(`${YEAR}-01-01T00:00:00Z`);
    const bad = persons.filter((p) => {
      const parsed = parseIdNumber(p.idNumber, today);
      return (
        !parsed.ok ||
        parsed.value.birthDate !== p.birthDate ||
        parsed.value.sex !== p.sex ||
        ![COUNTY, ...NEIGHBOURS].includes(parsed.value.regionPrefix)
      );
    });
    expect(bad).toEqual([]);
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    const fromNeighbours = persons.filter((p) => !p.idNumber.startsWith(COUNTY));
    expect(fromNeighbours.length).toBeGreaterThan(0);
    const marriedIn = new Set(['spouse', 'child_in_law', 'parent', 'grandparent']);
    expect(fromNeighbours.filter((p) => !marriedIn.has(p.relation))).toEqual([]);
  });

  it('has exactly one head per household, first, and plausible relations and ages (SPEC §17 data cleaning)', () => {
    const problems: string[] = [];
    for (const h of population) {
      const head = h.members[0];
      const where = `${h.code} ${h.familyType}`;
      if (head?.relation !== 'head' || h.headPersonId !== head.id) problems.push(`${where}: head not first`);
      if (!head) continue;
      if (h.members.filter((m) => m.relation === 'head').length !== 1) problems.push(`${where}: heads`);
      const spouses = h.members.filter((m) => m.relation === 'spouse');
      if (spouses.length > 1 || spouses.some((s) => s.sex === head.sex)) problems.push(`${where}: spouse`);
      const spouse = spouses[0];
      const inLaws = h.members.filter((m) => m.relation === 'child_in_law');
      for (const m of h.members) {
        const bad =
          (m.relation === 'child' && (m.age > head.age - 14 || (spouse !== undefined && m.age > spouse.age - 14))) ||
          (m.relation === 'parent' && m.age < head.age + 15) ||
          (m.relation === 'grandparent' && m.age <= head.age + 30) ||
          (m.relation === 'grandchild' && inLaws.some((p) => m.age > p.age - 15));
        if (bad) problems.push(`${where}: ${m.relation} aged ${m.age}, head ${head.age}`);
      }
      if (!/^62112410020[23]\d{4}$/.test(h.code) || h.code.slice(0, 12) !== h.regionCode)
        problems.push(`${where}: code`);
    }
    expect(problems).toEqual([]);
    expect(new Set(population.map((h) => h.code)).size).toBe(population.length);
  });

  it('keeps attributes consistent with age, health and relation', () => {
    const married = new Set(['head', 'spouse', 'child_in_law', 'parent', 'grandparent']);
    const inconsistent = persons.filter(
      (p) =>
        (p.age < 16 && p.labor !== 'not_working_age') ||
        (p.age >= 6 && p.age <= 12 && p.education !== 'compulsory') ||
        (p.health === 'disabled') !== (p.disabilityLevel !== null) ||
        (p.disabilityLevel !== null && p.disabilityCategory === null) ||
        (married.has(p.relation) && p.age >= 16 && p.education !== null) ||
        (p.employmentMonths !== null && (p.employmentMonths < 0 || p.employmentMonths > 12)),
    );
    expect(inconsistent).toEqual([]);
    const share = (f: (p: (typeof persons)[number]) => boolean) => persons.filter(f).length / persons.length;
    expect(share((p) => p.health === 'chronic')).toBeGreaterThan(0.07);
    expect(share((p) => p.health === 'chronic')).toBeLessThan(0.13);
    expect(share((p) => p.health === 'disabled')).toBeGreaterThan(0.02);
    expect(share((p) => p.health === 'disabled')).toBeLessThan(0.04);
    expect(share((p) => p.status !== 'normal')).toBeLessThan(0.02);
    const lifted = population.filter((h) => h.liftedOut);
    expect(lifted.length / population.length).toBeGreaterThan(0.22);
    expect(lifted.length / population.length).toBeLessThan(0.28);
    expect(lifted.filter((h) => !h.liftedOutYear || h.liftedOutYear < 2014 || h.liftedOutYear > 2020)).toEqual([]);
    expect(persons.length / population.length).toBeGreaterThan(2.6);
    expect(persons.length / population.length).toBeLessThan(3.3);
  });

  it('puts 2–6% of households below 7,500 yuan per capita, with a median of 14–18k (SPEC §4.3, §4.4)', () => {
    const perCapita = population.map((h) => perCapitaNet(h.incomes[1]) ?? 0).sort((a, b) => a - b);
    const below = perCapita.filter((v) => v < 7500).length / perCapita.length;
    expect(below).toBeGreaterThanOrEqual(0.02);
    expect(below).toBeLessThanOrEqual(0.06);
    const median = perCapita[perCapita.length >> 1] as number;
    expect(median).toBeGreaterThan(14_000);
    expect(median).toBeLessThan(18_000);
    for (const h of population) {
      const [previous, current] = h.incomes;
      expect(previous.year).toBe(YEAR - 1);
      expect(current.year).toBe(YEAR);
      expect(current.memberCount).toBe(h.members.filter((m) => m.status === 'normal').length);
      for (const v of [
        current.wage,
        current.businessGross,
        current.businessCost,
        current.transfer,
        previous.businessCost,
      ]) {
        expect(v).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('shortens village committee names for addresses', () => {
    expect(villageLabel('龚家掌村民委员会', 'x')).toBe('龚家掌村');
    expect(villageLabel('城中社区居民委员会', 'x')).toBe('城中社区');
    expect(villageLabel(null, '621124100202')).toBe('621124100202');
    expect(population[80]?.address).toBe('旭东村2组1号');
    expect(population[81]?.address).toBe('洮丰村2组1号');
  });
});

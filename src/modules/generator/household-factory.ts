import type { Sex } from '../../domain/id-number.ts';
import { type FamilyType, familyMembers, type Relation } from './family-structure.ts';
import { dayOf, type IdAllocator } from './id-allocator.ts';
import { type HouseholdIncome, householdIncome, type IncomeYear } from './income-model.ts';
import { personName, randomSurname } from './names.ts';
import { type PersonAttributes, personAttributes } from './person-attributes.ts';
import { type Prng, type RowIds, WeightedTable } from './prng.ts';

/**
 * One synthetic household of a village with its members and two years of income (SPEC §4.1–4.3, §18). Pure apart
 * from the shared PRNG stream and ID allocator it is given: the same stream yields the same household.
 */
export interface GeneratedPerson extends PersonAttributes {
  id: string;
  name: string;
  /** Plain 18-character number; encrypted, hashed and masked only when written. */
  idNumber: string;
  birthDate: string;
  sex: Sex;
  relation: Relation;
  /** Whole years at the end of the year before the generated year. */
  age: number;
}

export interface GeneratedHousehold {
  id: string;
  /** Village code + 4-digit sequence within the village. */
  code: string;
  regionCode: string;
  address: string;
  familyType: FamilyType;
  headPersonId: string;
  liftedOut: boolean;
  liftedOutYear: number | null;
  laborSummary: 'has' | 'partial' | 'none';
  backstop: HouseholdIncome['backstop'];
  members: GeneratedPerson[];
  /** Previous year first, then the generated year. */
  incomes: [GeneratedIncome, GeneratedIncome];
}

export interface GeneratedIncome extends IncomeYear {
  id: string;
}

export interface FactoryContext {
  /** The generated (current) year; ages are taken at the end of the year before. */
  year: number;
  /** The county's code: the ID prefix of people born there. */
  county: string;
  /** Neighbouring counties' codes: some spouses married in from there. */
  neighbours: readonly string[];
  ids: IdAllocator;
  /** Ids of the generated rows (households, persons, incomes). */
  rowIds: RowIds;
}

export interface VillageRef {
  code: string;
  /** Short name for addresses, e.g. 龚家掌村; the code when unknown. */
  label: string;
}

const LIFTED_OUT_YEAR = new WeightedTable([
  [2014, 6],
  [2015, 10],
  [2016, 14],
  [2017, 18],
  [2018, 22],
  [2019, 20],
  [2020, 10],
]);
const HOUSES_PER_GROUP = 40; // 村民小组 of about forty households

/** 龚家掌村民委员会 → 龚家掌村, 城中社区居民委员会 → 城中社区. */
export function villageLabel(name: string | null | undefined, code: string): string {
  if (!name) return code;
  return (
    name
      .replace(/村民委员会$/, '村')
      .replace(/居民委员会$/, '')
      .replace(/委员会$/, '') || code
  );
}

export function householdCode(villageCode: string, seq: number): string {
  return `${villageCode}${String(seq).padStart(4, '0')}`;
}

export function makeHousehold(rng: Prng, ctx: FactoryContext, village: VillageRef, seq: number): GeneratedHousehold {
  const { type, members: skeletons } = familyMembers(rng, ctx.year);
  const liftedOut = rng.chance(0.25);
  const familySurname = randomSurname(rng);
  const headSurname = skeletons[0]?.sex === 'male' ? familySurname : randomSurname(rng);
  const refDay = dayOf(`${ctx.year - 1}-12-31`);
  const householdId = ctx.rowIds.next();
  const members: GeneratedPerson[] = skeletons.map((s, i) => {
    const prefix = s.marriedIn && ctx.neighbours.length > 0 && rng.chance(0.15) ? rng.pick(ctx.neighbours) : ctx.county;
    const day = refDay - Math.floor(s.age * 365.2425) - rng.int(0, 364);
    const { idNumber, birthDate } = ctx.ids.allocate(prefix, day, s.sex);
    const surname = s.surname === 'family' ? familySurname : s.surname === 'head' ? headSurname : undefined;
    return {
      id: ctx.rowIds.next(),
      name: personName(rng, s.sex, Number(birthDate.slice(0, 4)), surname),
      idNumber,
      birthDate,
      sex: s.sex,
      relation: s.relation,
      age: s.age,
      ...personAttributes(rng, s.age, { isHead: i === 0, mayStudy: s.mayStudy, liftedOut }),
    };
  });
  const living = members.filter((p) => p.status === 'normal');
  const income = householdIncome(rng, living, { year: ctx.year, liftedOut });
  const labor = living.some((p) => p.labor === 'full')
    ? 'has'
    : living.some((p) => p.labor === 'partial')
      ? 'partial'
      : 'none';
  const group = Math.floor((seq - 1) / HOUSES_PER_GROUP) + 1;
  const number = ((seq - 1) % HOUSES_PER_GROUP) + 1;
  return {
    id: householdId,
    code: householdCode(village.code, seq),
    regionCode: village.code,
    address: `${village.label}${group}组${number}号`,
    familyType: type,
    headPersonId: (members[0] as GeneratedPerson).id,
    liftedOut,
    liftedOutYear: liftedOut ? LIFTED_OUT_YEAR.sample(rng) : null,
    laborSummary: labor,
    backstop: income.backstop,
    members,
    incomes: [
      { id: ctx.rowIds.next(), ...income.previous },
      { id: ctx.rowIds.next(), ...income.current },
    ],
  };
}

import type { Sex } from '../../domain/id-number.ts';
import { type Prng, WeightedTable } from './prng.ts';

/**
 * Who lives in a synthetic rural household (SPEC §4.1–4.2, §18): the head, spouse, children, the head's parents or
 * grandparents, a married son with his wife and children, now and then a sibling. Only relations, sexes and ages
 * are decided here; names, ID numbers and the other attributes follow in household-factory.ts.
 */
export type Relation =
  | 'head'
  | 'spouse'
  | 'child'
  | 'child_in_law'
  | 'grandchild'
  | 'parent'
  | 'grandparent'
  | 'sibling'
  | 'other';

/** Whose surname a member carries: the household's patrilineal line, the head's own, or their own (in-married). */
export type SurnameSource = 'family' | 'head' | 'own';

export interface MemberSkeleton {
  relation: Relation;
  sex: Sex;
  /** Whole years at the end of the year before the generated year. */
  age: number;
  surname: SurnameSource;
  /** Married into the household (spouse, daughter-in-law): some were born in a neighbouring county. */
  marriedIn: boolean;
  /** May be in school: unmarried children, grandchildren, siblings, others — never a head, spouse or parent. */
  mayStudy: boolean;
}

export type FamilyType =
  | 'single_elderly'
  | 'elderly_couple'
  | 'single_adult'
  | 'couple_only'
  | 'nuclear'
  | 'three_generations'
  | 'with_grandchildren'
  | 'single_parent';

const FAMILY_TYPES = new WeightedTable<FamilyType>([
  ['single_elderly', 12],
  ['elderly_couple', 16],
  ['single_adult', 6],
  ['couple_only', 10],
  ['nuclear', 30],
  ['three_generations', 12],
  ['with_grandchildren', 11],
  ['single_parent', 3],
]);

const CHILDREN_BY_COHORT = {
  before1965: new WeightedTable([
    [1, 10],
    [2, 35],
    [3, 35],
    [4, 20],
  ]),
  before1985: new WeightedTable([
    [1, 30],
    [2, 55],
    [3, 15],
  ]),
  later: new WeightedTable([
    [1, 40],
    [2, 50],
    [3, 10],
  ]),
} as const;

const other = (s: Sex): Sex => (s === 'male' ? 'female' : 'male');

const STUDENT_RELATIONS: ReadonlySet<Relation> = new Set(['child', 'grandchild', 'sibling', 'other']);

function member(relation: Relation, sex: Sex, age: number, surname: SurnameSource, marriedIn = false): MemberSkeleton {
  return {
    relation,
    sex,
    age: Math.max(0, Math.round(age)),
    surname,
    marriedIn,
    mayStudy: STUDENT_RELATIONS.has(relation),
  };
}

/** The wife's age from the husband's: usually two years younger, sometimes older. */
function spouseAge(rng: Prng, husbandAge: number, min: number): number {
  return Math.max(min, husbandAge - rng.normalInt(2, 2.5, -4, 9));
}

/**
 * Children born to a mother now aged `motherAge` (birth year from `year`), as ages; adult children have mostly
 * married out (daughters) or split off (sons) and are not in the household any more.
 */
function childrenOf(rng: Prng, motherAge: number, year: number, keepAdults: number): { sex: Sex; age: number }[] {
  const motherBirth = year - 1 - motherAge;
  const table =
    motherBirth < 1965
      ? CHILDREN_BY_COHORT.before1965
      : motherBirth < 1985
        ? CHILDREN_BY_COHORT.before1985
        : CHILDREN_BY_COHORT.later;
  const count = table.sample(rng);
  const out: { sex: Sex; age: number }[] = [];
  let ageAtBirth = rng.normalInt(24, 3, 18, 36);
  for (let i = 0; i < count && ageAtBirth <= 45; i++) {
    const age = motherAge - ageAtBirth;
    if (age < 0) break;
    const sex: Sex = rng.chance(0.52) ? 'male' : 'female';
    const leftHome = age >= 23 && rng.chance(sex === 'female' ? 0.9 : 1 - keepAdults);
    if (!leftHome) out.push({ sex, age });
    ageAtBirth += rng.normalInt(3, 1.5, 1, 8);
  }
  return out;
}

/** One household's members; the head comes first. `year` is the generated (current) year. */
export function familyMembers(rng: Prng, year: number): { type: FamilyType; members: MemberSkeleton[] } {
  const type = FAMILY_TYPES.sample(rng);
  const m: MemberSkeleton[] = [];
  const couple = (headAge: number, minSpouse: number) => {
    m.push(member('head', 'male', headAge, 'head'));
    const wife = spouseAge(rng, headAge, minSpouse);
    m.push(member('spouse', 'female', wife, 'own', true));
    return wife;
  };
  const addChildren = (motherAge: number, keepAdults: number) => {
    for (const c of childrenOf(rng, motherAge, year, keepAdults)) m.push(member('child', c.sex, c.age, 'family'));
  };
  switch (type) {
    case 'single_elderly': {
      const sex: Sex = rng.chance(0.55) ? 'female' : 'male';
      m.push(member('head', sex, rng.normalInt(74, 7, 60, 98), 'head'));
      break;
    }
    case 'elderly_couple':
      couple(rng.normalInt(70, 7, 58, 95), 55);
      break;
    case 'single_adult': {
      const sex: Sex = rng.chance(0.8) ? 'male' : 'female';
      const age = rng.normalInt(48, 11, 22, 64);
      m.push(member('head', sex, age, 'head'));
      if (rng.chance(0.12)) m.push(member('sibling', 'male', age + rng.int(-8, 8), 'head'));
      break;
    }
    case 'couple_only':
      couple(rng.normalInt(50, 9, 22, 64), 20);
      break;
    case 'nuclear': {
      const wife = couple(rng.normalInt(42, 8, 24, 62), 20);
      addChildren(wife, 0.5);
      if (rng.chance(0.03)) m.push(member('sibling', 'male', (m[0]?.age ?? 40) + rng.int(-10, 10), 'head'));
      break;
    }
    case 'three_generations': {
      const headAge = rng.normalInt(38, 7, 22, 56);
      const wife = couple(headAge, 20);
      addChildren(wife, 0.6);
      const fatherAge = Math.min(100, headAge + rng.normalInt(27, 4, 19, 42));
      const motherAge = Math.min(100, spouseAge(rng, fatherAge, headAge + 17));
      const both = rng.chance(0.55);
      if (both || rng.chance(0.35)) m.push(member('parent', 'male', fatherAge, 'head'));
      if (both || m[m.length - 1]?.relation !== 'parent') m.push(member('parent', 'female', motherAge, 'own', true));
      if (headAge <= 34 && rng.chance(0.25)) {
        m.push(member('grandparent', 'female', Math.min(102, motherAge + rng.normalInt(25, 3, 19, 35)), 'own', true));
      }
      if (rng.chance(0.01)) m.push(member('other', rng.chance(0.5) ? 'male' : 'female', rng.int(5, 20), 'own'));
      break;
    }
    case 'with_grandchildren': {
      const headAge = rng.normalInt(62, 7, 46, 88);
      const widowed = rng.chance(0.18);
      const headSex: Sex = widowed && rng.chance(0.6) ? 'female' : 'male';
      let motherAge: number;
      if (widowed) {
        m.push(member('head', headSex, headAge, 'head'));
        motherAge = headSex === 'female' ? headAge : spouseAge(rng, headAge, 36);
      } else {
        motherAge = couple(headAge, 36);
      }
      const sonAge = Math.max(18, motherAge - rng.normalInt(25, 3, 18, 40));
      m.push({ ...member('child', 'male', sonAge, 'family'), mayStudy: false }); // the married son
      const dil = spouseAge(rng, sonAge, 18);
      m.push(member('child_in_law', 'female', dil, 'own', true));
      for (const c of childrenOf(rng, dil, year, 0.7)) m.push(member('grandchild', c.sex, c.age, 'family'));
      if (rng.chance(0.25)) {
        const younger = Math.max(0, sonAge - rng.normalInt(4, 2, 1, 10));
        if (younger <= 30) m.push(member('child', rng.chance(0.5) ? 'male' : 'female', younger, 'family'));
      }
      break;
    }
    case 'single_parent': {
      const sex: Sex = rng.chance(0.55) ? 'male' : 'female';
      const age = rng.normalInt(42, 8, 25, 60);
      m.push(member('head', sex, age, 'head'));
      const kids = childrenOf(rng, sex === 'female' ? age : age - rng.int(0, 6), year, 0.5);
      for (const c of kids.length ? kids : [{ sex: other(sex), age: Math.max(0, age - 26) }]) {
        m.push(member('child', c.sex, c.age, 'family'));
      }
      break;
    }
  }
  return { type, members: m };
}

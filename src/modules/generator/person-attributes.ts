import { type Prng, WeightedTable } from './prng.ts';

/**
 * Health, labour capacity, schooling, work, insurance and status of one synthetic person (SPEC §4.2), drawn so
 * that they agree with each other and with age: chronic illness ~10% (rising with age), serious illness ~2%,
 * disability ~3% with category and level 1–4; no labour capacity expected of children or the very old.
 */
export type PersonStatus = 'normal' | 'deceased' | 'imprisoned' | 'missing' | 'not_sharing';
export type Health = 'healthy' | 'chronic' | 'serious' | 'disabled';
export type Labor = 'full' | 'partial' | 'none' | 'not_working_age';
export type Education = 'preschool' | 'compulsory' | 'high_school' | 'vocational' | 'university' | 'dropout';
export type Employment = 'local' | 'outside' | 'public_welfare' | 'none';

/** Disability categories of the disability certificate (残疾人证), stored as these codes. */
export const DISABILITY_CATEGORIES = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
} as const;

export interface PersonAttributes {
  status: PersonStatus;
  health: Health;
  disabilityCategory: keyof typeof DISABILITY_CATEGORIES | null;
  disabilityLevel: 1 | 2 | 3 | 4 | null;
  labor: Labor;
  education: Education | null;
  employment: Employment | null;
  employmentMonths: number | null;
  insuredMedical: boolean;
  insuredPension: boolean;
  publicServant: boolean;
  paidVillageCadre: boolean;
  phone: string | null;
}

const DISABILITY_CATEGORY = new WeightedTable<keyof typeof DISABILITY_CATEGORIES>([
  ['physical', 45],
  ['visual', 15],
  ['hearing', 14],
  ['intellectual', 8],
  ['mental', 9],
  ['speech', 3],
  ['multiple', 6],
]);
const DISABILITY_LEVEL = new WeightedTable<1 | 2 | 3 | 4>([
  [1, 12],
  [2, 20],
  [3, 30],
  [4, 38],
]);
const PHONE_PREFIXES = ['133', '135', '138', '139', '151', '152', '157', '177', '180', '181', '189', '199'];

function health(rng: Prng, age: number): Pick<PersonAttributes, 'health' | 'disabilityCategory' | 'disabilityLevel'> {
  const x = rng.next();
  const disabled = age < 18 ? 0.01 : age < 60 ? 0.028 : 0.05;
  const serious = age < 40 ? 0.006 : age < 60 ? 0.02 : 0.04;
  const chronic = age < 30 ? 0.02 : age < 50 ? 0.07 : age < 65 ? 0.15 : 0.25;
  if (x < disabled) {
    return {
      health: 'disabled',
      disabilityCategory: DISABILITY_CATEGORY.sample(rng),
      disabilityLevel: DISABILITY_LEVEL.sample(rng),
    };
  }
  if (x < disabled + serious) return { health: 'serious', disabilityCategory: null, disabilityLevel: null };
  if (x < disabled + serious + chronic) return { health: 'chronic', disabilityCategory: null, disabilityLevel: null };
  return { health: 'healthy', disabilityCategory: null, disabilityLevel: null };
}

function education(rng: Prng, age: number): Education | null {
  if (age >= 3 && age <= 5) return rng.chance(0.85) ? 'preschool' : null;
  if (age >= 6 && age <= 15) return age >= 13 && rng.chance(0.004) ? 'dropout' : 'compulsory';
  if (age >= 16 && age <= 18) {
    const x = rng.next();
    return x < 0.55 ? 'high_school' : x < 0.85 ? 'vocational' : x < 0.86 ? 'dropout' : null;
  }
  if (age >= 19 && age <= 22) {
    const x = rng.next();
    return x < 0.35 ? 'university' : x < 0.45 ? 'vocational' : null;
  }
  return null;
}

function labor(rng: Prng, age: number, h: Health, level: number | null, inSchool: boolean): Labor {
  // Children, pupils and students count as 无劳动力（未成年/在校生）, recorded as not of working age.
  if (age < 16 || inSchool) return 'not_working_age';
  if (h === 'disabled') return (level ?? 4) <= 2 ? 'none' : rng.chance(0.6) ? 'partial' : 'full';
  if (h === 'serious') return rng.chance(0.6) ? 'none' : 'partial';
  if (age > 65) return rng.chance(0.8) ? 'not_working_age' : rng.chance(0.7) ? 'partial' : 'none';
  if (h === 'chronic') return rng.chance(0.4) ? 'partial' : 'full';
  if (age >= 60) return rng.chance(0.3) ? 'partial' : 'full';
  return 'full';
}

function employment(
  rng: Prng,
  age: number,
  lab: Labor,
  liftedOut: boolean,
): Pick<PersonAttributes, 'employment' | 'employmentMonths'> {
  if (lab === 'not_working_age' || age > 65) return { employment: null, employmentMonths: null };
  if (lab === 'none') return { employment: 'none', employmentMonths: 0 };
  const x = rng.next();
  const welfare = liftedOut || lab === 'partial' ? 0.08 : 0.02;
  const outside = lab === 'partial' || age > 55 ? 0.12 : 0.45;
  if (x < welfare) return { employment: 'public_welfare', employmentMonths: rng.int(6, 12) };
  if (x < welfare + outside) return { employment: 'outside', employmentMonths: rng.normalInt(9, 2.5, 2, 12) };
  if (x < welfare + outside + 0.28) return { employment: 'local', employmentMonths: rng.normalInt(7, 3, 1, 12) };
  return { employment: 'none', employmentMonths: 0 };
}

function status(rng: Prng, age: number, isHead: boolean): PersonStatus {
  if (isHead) return 'normal';
  const x = rng.next();
  if (x < (age >= 70 ? 0.012 : 0.001)) return 'deceased';
  if (age >= 18 && age < 60) {
    if (x < 0.015) return 'not_sharing';
    if (x < 0.017) return 'missing';
    if (x < 0.018) return 'imprisoned';
  }
  return 'normal';
}

/**
 * Attributes of one member aged `age`; `mayStudy` is false for heads, spouses and parents (no married student);
 * `liftedOut` households get public-welfare jobs more often.
 */
export function personAttributes(
  rng: Prng,
  age: number,
  member: { isHead: boolean; mayStudy: boolean; liftedOut: boolean },
): PersonAttributes {
  const { isHead, liftedOut } = member;
  const h = health(rng, age);
  const edu = member.mayStudy || age < 16 ? education(rng, age) : null;
  const inSchool = edu !== null && edu !== 'dropout';
  const lab = labor(rng, age, h.health, h.disabilityLevel, inSchool);
  const st = status(rng, age, isHead);
  const emp = st === 'deceased' ? { employment: null, employmentMonths: null } : employment(rng, age, lab, liftedOut);
  const adult = age >= 18;
  return {
    status: st,
    ...h,
    labor: lab,
    education: edu,
    ...emp,
    insuredMedical: rng.chance(0.985),
    insuredPension: age >= 16 && !inSchool && rng.chance(age >= 60 ? 0.97 : 0.86),
    publicServant: adult && age < 60 && rng.chance(0.003),
    paidVillageCadre: age >= 28 && age < 62 && rng.chance(0.006),
    phone:
      adult && st === 'normal' && rng.chance(0.85)
        ? `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
        : null,
  };
}

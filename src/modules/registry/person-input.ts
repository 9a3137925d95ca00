import type { NewPerson, PersonsTable } from '../../db/schema.ts';
import { maskIdNumber, parseIdNumber } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';

/** A household member as the API receives it (SPEC §4.2); the word lists are the database's checks. */
export interface PersonInput {
  name: string;
  idNumber: string;
  relation: PersonsTable['relation'];
  birthDate?: string;
  sex?: PersonsTable['sex'];
  status?: NonNullable<NewPerson['status']>;
  health?: NonNullable<NewPerson['health']>;
  disabilityCategory?: string | null;
  disabilityLevel?: number | null;
  labor?: NonNullable<NewPerson['labor']>;
  education?: PersonsTable['education'];
  employment?: PersonsTable['employment'];
  employmentMonths?: number | null;
  insuredMedical?: boolean;
  insuredPension?: boolean;
  publicServant?: boolean;
  paidVillageCadre?: boolean;
  phone?: string | null;
}

export type PersonPatch = Partial<Omit<PersonInput, 'idNumber'>>;

/**
 * Validates the ID number (GB 11643: format, birth date, checksum; 15-digit numbers refused), checks that a given
 * birth date and sex agree with it, and returns the storable form: ciphertext, keyed hash and masked number.
 * `field` prefixes error details, e.g. `members[2].idNumber`.
 */
export function protectIdNumber(cipher: PiiCipher, raw: string, field: string, today = new Date()) {
  const parsed = parseIdNumber(raw, today);
  if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, { field });
  const id = parsed.value.idNumber;
  return {
    info: parsed.value,
    columns: { id_number_enc: cipher.encrypt(id), id_number_hash: cipher.hash(id), id_number_masked: maskIdNumber(id) },
  };
}

export function personRow(
  cipher: PiiCipher,
  input: PersonInput,
  ctx: { householdId: string; regionCode: string; field: string; today?: Date },
): NewPerson {
  const { info, columns } = protectIdNumber(cipher, input.idNumber, `${ctx.field}.idNumber`, ctx.today);
  if (input.birthDate && input.birthDate !== info.birthDate) {
    throw new AppError('REGISTRY_ID_MISMATCH', `出生日期（${input.birthDate}）与身份证号不符（${info.birthDate}）`, {
      field: `${ctx.field}.birthDate`,
    });
  }
  if (input.sex && input.sex !== info.sex) {
    throw new AppError('REGISTRY_ID_MISMATCH', '性别与身份证号第17位不符', { field: `${ctx.field}.sex` });
  }
  const health = input.health ?? 'healthy';
  if ((health === 'disabled') !== (input.disabilityLevel != null)) {
    throw new AppError('VALIDATION', '残疾人须填写残疾等级（1–4级），非残疾人不填', {
      field: `${ctx.field}.disabilityLevel`,
    });
  }
  return {
    household_id: ctx.householdId,
    region_code: ctx.regionCode,
    name: input.name.trim(),
    ...columns,
    birth_year: Number(info.birthDate.slice(0, 4)),
    sex: info.sex,
    relation: input.relation,
    status: input.status ?? 'normal',
    health,
    disability_category: input.disabilityCategory ?? null,
    disability_level: input.disabilityLevel ?? null,
    labor: input.labor ?? 'full',
    education: input.education ?? null,
    employment: input.employment ?? null,
    employment_months: input.employmentMonths ?? null,
    insured_medical: input.insuredMedical ?? true,
    insured_pension: input.insuredPension ?? false,
    public_servant: input.publicServant ?? false,
    paid_village_cadre: input.paidVillageCadre ?? false,
    phone: input.phone ?? null,
  };
}

/** Column names for a person patch; undefined fields are left alone. */
export function personPatchColumns(p: PersonPatch): Record<string, unknown> {
  const map: Record<keyof PersonPatch, string> = {
    name: 'name',
    relation: 'relation',
    birthDate: 'birth_date',
    sex: 'sex',
    status: 'status',
    health: 'health',
    disabilityCategory: 'disability_category',
    disabilityLevel: 'disability_level',
    labor: 'labor',
    education: 'education',
    employment: 'employment',
    employmentMonths: 'employment_months',
    insuredMedical: 'insured_medical',
    insuredPension: 'insured_pension',
    publicServant: 'public_servant',
    paidVillageCadre: 'paid_village_cadre',
    phone: 'phone',
  };
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(map)) {
    const v = p[k as keyof PersonPatch];
    if (v !== undefined && k !== 'birthDate' && k !== 'sex') out[col] = v;
  }
  return out;
}

import { parseIdNumber } from '../id-number.ts';
import type { Fen } from '../money.ts';
import {
  BACKSTOPS,
  type CheckedHousehold,
  type CheckedMember,
  EDUCATION_STATES,
  type FieldError,
  HEALTH_STATES,
  HOUSING_APPRAISALS,
  type IncomeFen,
  LABOR_CAPACITIES,
  MEMBER_STATUSES,
  RELATIONS,
  SUDDEN_EVENTS,
} from './assessment.types.ts';
import { type FieldChecks, fieldChecks } from './field-checks.ts';

const HOUSEHOLD_KEYS = [
  'id',
  'regionCode',
  'liftedOutOfPoverty',
  'members',
  'closeRelativePublicServant',
  'income',
  'previousIncome',
  'rigidExpenditure',
  'risks',
  'suddenEvent',
  'exclusions',
  'majorFamilyEvent',
  'backstop',
  'consentToElimination',
] as const;
const MEMBER_KEYS = [
  'idNumber',
  'name',
  'relation',
  'status',
  'labor',
  'health',
  'disabilityLevel',
  'education',
  'publicServant',
  'paidVillageCadre',
] as const;
const INCOME_KEYS = ['wage', 'businessNet', 'property', 'transfer'] as const;
const EXPENDITURE_KEYS = ['medical', 'education', 'disaster', 'accident'] as const;
const RISK_KEYS = [
  'dropout',
  'medicalUnaffordable',
  'housingAppraisal',
  'waterUnsafe',
  'industryLoss',
  'laborLoss',
] as const;
export const EXCLUSION_KEYS = [
  'consumerCar',
  'urbanProperty',
  'registeredCompany',
  'largeScaleOperator',
  'deliberateSplit',
  'emptyRegistration',
  'creditDefaulter',
] as const;

export type HouseholdValidation =
  | { ok: true; household: CheckedHousehold }
  | { ok: false; id: string | null; errors: FieldError[] };

/** 村级12位区划代码 (SPEC §3: a household belongs to one village). */
const VILLAGE_CODE = /^\d{12}$/;

/**
 * Validates one household of an assessment file (formats/assessment.md "Invalid input", SPEC §4.2, §4.3, §17):
 * ID numbers (GB 11643 format, birth date, checksum), exactly one head, at least one counted (`normal`) member,
 * non-negative wage/property/transfer/expenditure (`businessNet` may be negative), known enum values, required
 * fields present, no unknown fields. Every problem is reported with its field path; nothing is guessed.
 *
 * Absent optional facts mean "not recorded": flags false, enums null, expenditures 0, `previousIncome` unknown.
 * `asOf` bounds birth dates read from ID numbers (pass the end of the assessed year; no clock is read here).
 */
export function validateHousehold(raw: unknown, index: number, asOf: Date): HouseholdValidation {
  const errors: FieldError[] = [];
  const c = fieldChecks(errors);
  const path = `households[${index}]`;
  const rawId = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
  const reportedId = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : null;

  const h = c.object(raw, path, HOUSEHOLD_KEYS);
  if (!h) return { ok: false, id: reportedId, errors };

  const id = c.string(h, 'id', path, { required: true });
  const regionCode = c.string(h, 'regionCode', path, {
    required: false,
    pattern: VILLAGE_CODE,
    hint: '应为12位村级区划代码',
  });
  const liftedOutOfPoverty = c.boolean(h, 'liftedOutOfPoverty', path, true);
  const members = checkMembers(c, h.members, `${path}.members`, asOf);
  const income = checkIncome(c, h.income, `${path}.income`, true);
  const previousIncome = checkIncome(c, h.previousIncome, `${path}.previousIncome`, false);

  const re = c.object(h.rigidExpenditure, `${path}.rigidExpenditure`, EXPENDITURE_KEYS, false) ?? {};
  const expenditure = (key: (typeof EXPENDITURE_KEYS)[number]) =>
    c.money(re, key, `${path}.rigidExpenditure`, { required: false, allowNegative: false }) ?? (0 as Fen);
  const rigidExpenditure = {
    medical: expenditure('medical'),
    education: expenditure('education'),
    disaster: expenditure('disaster'),
    accident: expenditure('accident'),
  };

  const rp = `${path}.risks`;
  const r = c.object(h.risks, rp, RISK_KEYS, false) ?? {};
  const risks = {
    dropout: c.boolean(r, 'dropout', rp) ?? false,
    medicalUnaffordable: c.boolean(r, 'medicalUnaffordable', rp) ?? false,
    housingAppraisal:
      c.enumOf(r, 'housingAppraisal', rp, HOUSING_APPRAISALS, { required: false, nullable: true }) ?? null,
    waterUnsafe: c.boolean(r, 'waterUnsafe', rp) ?? false,
    industryLoss: c.boolean(r, 'industryLoss', rp) ?? false,
    laborLoss: c.boolean(r, 'laborLoss', rp) ?? false,
  };

  const ep = `${path}.exclusions`;
  const e = c.object(h.exclusions, ep, EXCLUSION_KEYS, false) ?? {};
  const exclusions = Object.fromEntries(
    EXCLUSION_KEYS.map((k) => [k, c.boolean(e, k, ep) ?? false]),
  ) as CheckedHousehold['exclusions'];

  const household: Omit<CheckedHousehold, 'members' | 'income'> = {
    id: id ?? '',
    index,
    regionCode: regionCode ?? null,
    liftedOutOfPoverty: liftedOutOfPoverty ?? false,
    closeRelativePublicServant: c.boolean(h, 'closeRelativePublicServant', path) ?? false,
    previousIncome: previousIncome ?? null,
    rigidExpenditure,
    risks,
    suddenEvent: c.enumOf(h, 'suddenEvent', path, SUDDEN_EVENTS, { required: false, nullable: true }) ?? null,
    exclusions,
    majorFamilyEvent: c.boolean(h, 'majorFamilyEvent', path) ?? false,
    backstop: c.enumOf(h, 'backstop', path, BACKSTOPS, { required: false, nullable: true }) ?? null,
    consentToElimination: c.boolean(h, 'consentToElimination', path) ?? null,
  };

  if (errors.length > 0 || !members || !income) return { ok: false, id: reportedId, errors };
  return { ok: true, household: { ...household, members, income } };
}

function checkIncome(c: FieldChecks, raw: unknown, path: string, required: boolean): IncomeFen | undefined {
  const o = c.object(raw, path, INCOME_KEYS, required);
  if (!o) return undefined;
  const wage = c.money(o, 'wage', path, { required: true, allowNegative: false });
  // 生产经营性净收入 = gross − costs: a loss is a real negative figure (formats/assessment.md).
  const businessNet = c.money(o, 'businessNet', path, { required: true, allowNegative: true });
  const property = c.money(o, 'property', path, { required: true, allowNegative: false });
  const transfer = c.money(o, 'transfer', path, { required: true, allowNegative: false });
  if (wage === undefined || businessNet === undefined || property === undefined || transfer === undefined)
    return undefined;
  return { wage, businessNet, property, transfer };
}

function checkMembers(c: FieldChecks, raw: unknown, path: string, asOf: Date): CheckedMember[] | undefined {
  if (raw === undefined || raw === null) return c.fail(path, 'ASSESS_REQUIRED', `缺少必填字段：${path}`);
  if (!Array.isArray(raw)) return c.fail(path, 'ASSESS_TYPE', `${path} 应为数组`);
  if (raw.length === 0) return c.fail(path, 'ASSESS_REQUIRED', `${path} 至少需要一名成员`);

  const members: (CheckedMember | undefined)[] = raw.map((item, i) => checkMember(c, item, i, `${path}[${i}]`, asOf));
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (!m) return;
    const first = seen.get(m.idNumber);
    if (first !== undefined) {
      c.fail(
        `${path}[${i}].idNumber`,
        'ASSESS_DUPLICATE_ID_NUMBER',
        `${path}[${i}].idNumber 与 ${path}[${first}] 的身份证号重复`,
      );
    } else seen.set(m.idNumber, i);
  });
  if (members.some((m) => !m)) return undefined;
  const valid = members as CheckedMember[];

  const heads = valid.filter((m) => m.relation === 'head').length;
  if (heads === 0) return c.fail(path, 'REGISTRY_NO_HEAD', `${path} 中没有户主（relation 为 head 的成员）`);
  if (heads > 1) return c.fail(path, 'ASSESS_MULTIPLE_HEADS', `${path} 中有${heads}名户主，一户只能有一名户主`);
  // Decision: with no counted member there is no per-capita income, so no rule can be applied honestly.
  if (!valid.some((m) => m.status === 'normal')) {
    return c.fail(
      path,
      'ASSESS_NO_COUNTED_MEMBER',
      `${path} 中没有正常状态的成员（死亡、服刑、失踪及不共享收支人员不计入家庭人口），无法计算人均纯收入`,
    );
  }
  return valid;
}

function checkMember(c: FieldChecks, raw: unknown, i: number, path: string, asOf: Date): CheckedMember | undefined {
  const m = c.object(raw, path, MEMBER_KEYS);
  if (!m) return undefined;
  const start = c.count();

  let id: { idNumber: string; birthDate: string } | undefined;
  const rawId = m.idNumber;
  if (rawId === undefined || rawId === null) {
    c.fail(`${path}.idNumber`, 'ASSESS_REQUIRED', `缺少必填字段：${path}.idNumber`);
  } else if (typeof rawId !== 'string') {
    c.fail(`${path}.idNumber`, 'ASSESS_TYPE', `${path}.idNumber 应为字符串`);
  } else {
    const parsed = parseIdNumber(rawId, asOf);
    if (parsed.ok) id = parsed.value;
    else c.fail(`${path}.idNumber`, parsed.error.code, `${path}.idNumber：${parsed.error.message}`);
  }
  const name = m.name;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    c.fail(`${path}.name`, 'ASSESS_TYPE', `${path}.name 应为字符串`);
  }
  const relation = c.enumOf(m, 'relation', path, RELATIONS, { required: true, nullable: false });
  const status = c.enumOf(m, 'status', path, MEMBER_STATUSES, { required: true, nullable: false });
  const labor = c.enumOf(m, 'labor', path, LABOR_CAPACITIES, { required: true, nullable: false });
  const health = c.enumOf(m, 'health', path, HEALTH_STATES, { required: false, nullable: true }) ?? null;
  const education = c.enumOf(m, 'education', path, EDUCATION_STATES, { required: false, nullable: true }) ?? null;
  const disabilityLevel = c.integer(m, 'disabilityLevel', path, 1, 4) ?? null;
  const publicServant = c.boolean(m, 'publicServant', path) ?? false;
  const paidVillageCadre = c.boolean(m, 'paidVillageCadre', path) ?? false;
  if (health === 'disabled' && (m.disabilityLevel === undefined || m.disabilityLevel === null)) {
    c.fail(`${path}.disabilityLevel`, 'ASSESS_REQUIRED', `${path} 为残疾人，须填写残疾等级 disabilityLevel（1–4）`);
  }
  if (health !== 'disabled' && disabilityLevel !== null) {
    c.fail(`${path}.disabilityLevel`, 'ASSESS_INCONSISTENT', `${path} 的健康状况不是 disabled，不应填写残疾等级`);
  }
  if (c.count() > start || !id || !relation || !status || !labor) return undefined;
  return {
    index: i,
    idNumber: id.idNumber,
    name: typeof name === 'string' ? name.trim() : '',
    birthDate: id.birthDate,
    relation,
    status,
    labor,
    health,
    disabilityLevel,
    education,
    publicServant,
    paidVillageCadre,
  };
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { file, household, idNumber, member } from './assessment.fixtures.ts';
import type { FieldError } from './assessment.types.ts';
import { assessFile, DEFAULT_THRESHOLDS } from './index.ts';

/** Assesses [a valid household, `bad`] and returns the errors of `bad`, checking the valid one was still assessed. */
function errorsOf(bad: unknown): FieldError[] {
  const out = assessFile(file([household({ id: 'OK' }), bad]), 'identification');
  expect(out.results.map((r) => r.id)).toEqual(['OK']);
  expect(out.errors).toHaveLength(1);
  expect(out.errors[0]?.index).toBe(1);
  return out.errors[0]?.errors ?? [];
}
const codes = (errors: FieldError[]) => errors.map((e) => [e.field, e.code]);

function topLevelError(input: unknown, mode = 'identification'): AppError {
  try {
    assessFile(input, mode as 'identification');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('per-household validation (formats/assessment.md "Invalid input")', () => {
  it('reports a bad ID checksum with the field path and still assesses the other households (SPEC §4.2)', () => {
    const bad = household({ id: 'BAD', members: [member({ idNumber: '621124198001010017' })] });
    const out = assessFile(file([household({ id: 'OK' }), bad]), 'identification');
    expect(out.results.map((r) => r.id)).toEqual(['OK']);
    expect(out.errors).toEqual([
      {
        id: 'BAD',
        index: 1,
        errors: [
          {
            field: 'households[1].members[0].idNumber',
            code: 'REGISTRY_ID_CHECKSUM',
            message: 'households[1].members[0].idNumber：身份证号校验位错误',
          },
        ],
      },
    ]);
  });

  it.each([
    ['62112419800101001', 'REGISTRY_ID_FORMAT'],
    ['621124800101001', 'REGISTRY_ID_LEGACY_15'],
    [idNumber('20300101', 5), 'REGISTRY_ID_BIRTHDATE'],
  ])('rejects the ID number %s with %s (SPEC §4.2)', (id, code) => {
    expect(codes(errorsOf(household({ members: [member({ idNumber: id })] })))).toEqual([
      ['households[1].members[0].idNumber', code],
    ]);
  });

  it('rejects a household with no head (SPEC §17)', () => {
    const errors = errorsOf(household({ members: [member({ relation: 'spouse' })] }));
    expect(codes(errors)).toEqual([['households[1].members', 'REGISTRY_NO_HEAD']]);
    expect(errors[0]?.message).toContain('没有户主');
  });

  it('rejects a household with two heads', () => {
    expect(codes(errorsOf(household({ members: [member(), member()] })))).toEqual([
      ['households[1].members', 'ASSESS_MULTIPLE_HEADS'],
    ]);
  });

  it('rejects a household with no counted member: no per-capita income exists (SPEC §7.2 item 9)', () => {
    const errors = errorsOf(household({ members: [member({ status: 'deceased' })] }));
    expect(codes(errors)).toEqual([['households[1].members', 'ASSESS_NO_COUNTED_MEMBER']]);
  });

  it.each([
    ['income', 'wage'],
    ['income', 'property'],
    ['income', 'transfer'],
    ['previousIncome', 'wage'],
    ['rigidExpenditure', 'medical'],
    ['rigidExpenditure', 'education'],
    ['rigidExpenditure', 'disaster'],
    ['rigidExpenditure', 'accident'],
  ])('rejects a negative %s.%s (formats/assessment.md)', (group, key) => {
    const h = household({ previousIncome: { wage: 1, businessNet: 0, property: 0, transfer: 0 } }) as unknown as Record<
      string,
      Record<string, number>
    >;
    (h[group] as Record<string, number>)[key] = -1;
    expect(codes(errorsOf(h))).toEqual([[`households[1].${group}.${key}`, 'ASSESS_NEGATIVE_AMOUNT']]);
  });

  it('accepts a negative businessNet, a loss (formats/assessment.md)', () => {
    const out = assessFile(file([household({ income: { businessNet: -5000 } })]), 'identification');
    expect(out.errors).toEqual([]);
    expect(out.results[0]?.netIncome).toBe(8500);
  });

  it.each([
    ['relation', 'members[0].relation', { members: [member({ relation: 'boss' as never })] }],
    ['status', 'members[0].status', { members: [member({ status: 'dead' as never })] }],
    ['labor', 'members[0].labor', { members: [member({ labor: 'strong' as never })] }],
    ['health', 'members[0].health', { members: [member({ health: 'sick' as never })] }],
    ['education', 'members[0].education', { members: [member({ education: 'college' as never })] }],
    ['housingAppraisal', 'risks.housingAppraisal', { risks: { housingAppraisal: 'E' as never } }],
    ['suddenEvent', 'suddenEvent', { suddenEvent: 'war' as never }],
    ['backstop', 'backstop', { backstop: 'welfare' as never }],
  ])('rejects an unknown %s value', (_name, field, over) => {
    const errors = errorsOf(household(over));
    expect(codes(errors)).toEqual([[`households[1].${field}`, 'ASSESS_ENUM']]);
    expect(errors[0]?.message).toContain('可选');
  });

  it('rejects missing required fields, naming each', () => {
    const h = household() as unknown as Record<string, unknown>;
    delete h.id;
    delete h.liftedOutOfPoverty;
    h.income = { wage: 1, businessNet: 0, property: 0 };
    h.members = [{ idNumber: idNumber('19800101', 7), status: 'normal', labor: 'full' }];
    const out = assessFile(file([h]), 'identification');
    expect(out.errors[0]?.id).toBeNull();
    expect(codes(out.errors[0]?.errors ?? [])).toEqual([
      ['households[0].id', 'ASSESS_REQUIRED'],
      ['households[0].liftedOutOfPoverty', 'ASSESS_REQUIRED'],
      ['households[0].members[0].relation', 'ASSESS_REQUIRED'],
      ['households[0].income.transfer', 'ASSESS_REQUIRED'],
    ]);
  });

  it('rejects an unknown field instead of ignoring a mistyped fact', () => {
    const h = household() as unknown as Record<string, Record<string, unknown>>;
    (h.exclusions as Record<string, unknown>).consumerCars = true;
    expect(codes(errorsOf(h))).toEqual([['households[1].exclusions.consumerCars', 'ASSESS_UNKNOWN_FIELD']]);
  });

  it('rejects amounts given as strings or with more than two decimals, and a flag that is not a boolean', () => {
    const h = household({
      income: { wage: '12000' as never, transfer: 1.005 },
      risks: { waterUnsafe: 'yes' as never },
    });
    expect(codes(errorsOf(h))).toEqual([
      ['households[1].income.wage', 'ASSESS_TYPE'],
      ['households[1].income.transfer', 'ASSESS_AMOUNT_INVALID'],
      ['households[1].risks.waterUnsafe', 'ASSESS_TYPE'],
    ]);
  });

  it('requires a disability level for a disabled member and refuses one otherwise (SPEC §4.2)', () => {
    expect(codes(errorsOf(household({ members: [member({ health: 'disabled' })] })))).toEqual([
      ['households[1].members[0].disabilityLevel', 'ASSESS_REQUIRED'],
    ]);
    expect(codes(errorsOf(household({ members: [member({ disabilityLevel: 2 })] })))).toEqual([
      ['households[1].members[0].disabilityLevel', 'ASSESS_INCONSISTENT'],
    ]);
  });

  it('rejects a household that is not an object', () => {
    expect(codes(errorsOf('H-9'))).toEqual([['households[1]', 'ASSESS_TYPE']]);
  });

  it('rejects a duplicate household id and a person in two households (SPEC §4.2)', () => {
    const shared = idNumber('19750505', 9);
    const out = assessFile(
      file([
        household({ id: 'A', members: [member({ idNumber: shared })] }),
        household({ id: 'A', members: [member()] }),
        household({ id: 'C', members: [member({ idNumber: shared })] }),
      ]),
      'identification',
    );
    expect(out.results.map((r) => r.id)).toEqual(['A']);
    expect(out.errors.map((e) => codes(e.errors))).toEqual([
      [['households[1].id', 'ASSESS_DUPLICATE_HOUSEHOLD_ID']],
      [['households[2].members[0].idNumber', 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD']],
    ]);
  });

  it('rejects the same ID number twice in one household', () => {
    const id = idNumber('19900101', 11);
    const errors = errorsOf(
      household({ members: [member({ idNumber: id }), member({ idNumber: id, relation: 'spouse' })] }),
    );
    expect(codes(errors)).toEqual([['households[1].members[1].idNumber', 'ASSESS_DUPLICATE_ID_NUMBER']]);
  });

  it('treats absent optional facts as not recorded', () => {
    const out = assessFile(
      file([
        {
          id: 'MIN',
          liftedOutOfPoverty: false,
          members: [{ idNumber: idNumber('19800101', 12), relation: 'head', status: 'normal', labor: 'full' }],
          income: { wage: 8000, businessNet: 0, property: 0, transfer: 0 },
        },
      ]),
      'identification',
    );
    expect(out.errors).toEqual([]);
    expect(out.results[0]).toMatchObject({ decision: 'no_risk', exclusions: [], riskTypes: [] });
  });
});

describe('file-level validation (formats/assessment.md)', () => {
  it.each([
    ['not an object', [1, 2], undefined],
    ['no year', { households: [] }, 'year'],
    ['households not an array', { year: 2026, households: {} }, 'households'],
    ['a negative line', { year: 2026, monitoringLine: -1, households: [] }, 'monitoringLine'],
    [
      'a share above 1',
      { year: 2026, thresholds: { incomeDropShare: 1.5 }, households: [] },
      'thresholds.incomeDropShare',
    ],
    [
      'an unknown threshold',
      { year: 2026, thresholds: { medicalShare: 0.5 }, households: [] },
      'thresholds.medicalShare',
    ],
    ['an unknown top-level field', { year: 2026, households: [], mode: 'x' }, 'mode'],
  ])('refuses a file with %s as a whole (AppError VALIDATION naming the field)', (_name, input, field) => {
    const err = topLevelError(input);
    expect(err.code).toBe('VALIDATION');
    if (field) expect((err.details.fields as FieldError[]).map((f) => f.field)).toContain(field);
  });

  it('refuses an unknown mode', () => {
    expect(topLevelError(file([]), 'audit').details.fields).toEqual([
      expect.objectContaining({ field: 'mode', code: 'ASSESS_ENUM' }),
    ]);
  });

  it('exports the SPEC §10 defaults as one data object', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      medicalShareOfIncome: 0.5,
      medicalAmount: 20000,
      incomeDropShare: 0.5,
      disasterAmount: 10000,
      compulsoryEducationAgeFrom: 6,
      compulsoryEducationAgeTo: 16,
    });
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });

  it('returns an empty result for an empty household list', () => {
    expect(assessFile(file([]), 'elimination')).toEqual({ year: 2026, results: [], errors: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { idNumber } from '../assessment/assessment.fixtures.ts';
import { assessFile } from '../assessment/index.ts';
import { attachProvenance, buildPicture, chooseIncome } from './index.ts';
import type { DepartmentRecordInput, DepartmentRuleInput, IncomeRowInput, PictureInput } from './picture.types.ts';

const CAR_RULE: DepartmentRuleInput = {
  code: 'PS-CAR',
  department: 'public_security',
  recordKind: 'vehicle',
  signal: 'exclusion',
  severity: 'normal',
  exclusionItem: 3,
  riskType: null,
  condition: {
    all: [
      { field: 'vehicleType', op: 'contains_any', value: ['客车', '轿车', '越野', 'SUV', '乘用车'] },
      { field: 'vehicleType', op: 'contains_none', value: ['货车', '三轮', '专项作业', '挂车', '农用'] },
    ],
  },
  thresholds: {},
};
const COMPANY_RULE: DepartmentRuleInput = {
  code: 'MS-COMPANY',
  department: 'market_supervision',
  recordKind: 'business_entity',
  signal: 'exclusion',
  severity: 'normal',
  exclusionItem: 5,
  riskType: null,
  condition: {
    all: [
      { field: 'status', op: 'contains_none', value: ['注销', '吊销', '撤销'] },
      { field: 'entityType', op: 'contains_none', value: ['个体', '合作社'] },
    ],
  },
  thresholds: {},
};

const income = (o: Partial<IncomeRowInput> = {}): IncomeRowInput => ({
  year: 2026,
  survey: 'annual',
  surveyedOn: null,
  recordedAt: '2026-01-10T00:00:00Z',
  wage: 20000,
  businessNet: 0,
  property: 0,
  transfer: 1000,
  medical: 2382,
  education: 0,
  disaster: 0,
  accident: 0,
  ...o,
});

let ids = 0;
const rec = (o: Partial<DepartmentRecordInput> & Pick<DepartmentRecordInput, 'department' | 'recordKind' | 'data'>) =>
  ({ id: String(++ids), importId: 'imp-1', period: '2026-10', row: 3, personId: 'p1', ...o }) as DepartmentRecordInput;

const base = (o: Partial<PictureInput> = {}): PictureInput => ({
  year: 2026,
  household: {
    id: 'h1',
    code: 'H-1',
    regionCode: '621124001001',
    liftedOut: false,
    backstop: null,
    monitoringStatus: 'none',
  },
  members: [
    {
      personId: 'p1',
      idNumber: idNumber('19700101', 1),
      name: '张大山',
      relation: 'head',
      status: 'normal',
      labor: 'full',
      health: 'healthy',
      disabilityLevel: null,
      education: null,
      publicServant: false,
      paidVillageCadre: false,
    },
    {
      personId: 'p2',
      idNumber: idNumber('19720202', 2),
      name: '李春花',
      relation: 'spouse',
      status: 'normal',
      labor: 'full',
      health: 'healthy',
      disabilityLevel: null,
      education: null,
      publicServant: false,
      paidVillageCadre: false,
    },
  ],
  incomes: [income()],
  survey: null,
  records: [],
  rules: [CAR_RULE, COMPANY_RULE],
  ...o,
});

const car = (vehicleType: string, purchaseDate = '2026-06-10', o: Partial<DepartmentRecordInput> = {}) =>
  rec({
    department: 'public_security',
    recordKind: 'vehicle',
    data: { name: '张大山', vehicleType, purchaseDate },
    ...o,
  });

describe('household picture (SPEC §7.4)', () => {
  it('takes the newest figure of the year: a December survey over an earlier annual row (SPEC §7.4)', () => {
    const rows = [
      income({ survey: 'annual', wage: 1 }),
      income({ survey: '6月调查', surveyedOn: '2026-06-01', wage: 2 }),
      income({ survey: '12月调查', surveyedOn: '2026-12-05', wage: 3 }),
    ];
    expect(chooseIncome(rows, 2026)?.wage).toBe(3);
    expect(chooseIncome([income({ wage: 1 })], 2026)?.wage).toBe(1);
    // An annual figure entered after the survey is the newer figure.
    const later = income({ survey: 'annual', recordedAt: '2026-12-20T08:00:00Z', wage: 4 });
    expect(chooseIncome([...rows, later], 2026)?.wage).toBe(4);
    // Same day: the survey first.
    const sameDay = income({ survey: 'annual', recordedAt: '2026-12-05T08:00:00Z', wage: 5 });
    expect(chooseIncome([...rows, sameDay], 2026)?.wage).toBe(3);
    // A survey without a date is dated by its entry: the annual figure entered after it is newer.
    const undated = income({ survey: '集中排查', surveyedOn: null, recordedAt: '2026-03-01T08:00:00Z', wage: 6 });
    const annual = income({ survey: 'annual', recordedAt: '2026-03-01T09:00:00Z', wage: 7 });
    expect(chooseIncome([undated, annual], 2026)?.wage).toBe(7);
    const p = buildPicture(base({ incomes: rows }));
    expect(p.income?.source.text).toBe('2026年收支调查“12月调查”（2026-12-05）');
    expect(p.input?.income.wage).toBe(3);
  });

  it('makes a 公安 consumer car exclusion 3 and names the department and record (SPEC §7.2 item 3)', () => {
    const p = buildPicture(base({ records: [car('小型普通客车')] }));
    expect(p.input?.exclusions?.consumerCar).toBe(true);
    expect(p.records[0]).toMatchObject({ outcome: 'exclusion', rule: 'PS-CAR', exclusionItem: 3 });
    const out = assessFile({ year: 2026, monitoringLine: 7500, households: [p.input as never] }, 'identification');
    expect(out.errors).toEqual([]);
    const result = attachProvenance(out.results[0] as never, p);
    expect(result.decision).toBe('exclude');
    expect(result.exclusions).toEqual([3]);
    expect(result.reasons.find((r) => r.rule === 'exclusion.consumer_car')?.text).toContain(
      '公安局2026年10月车辆登记：成员张某购买小型普通客车（2026-06-10）',
    );
  });

  it('names a truck "not an exclusion" and an unknown vehicle type "to verify", never a silent default', () => {
    const p = buildPicture(base({ records: [car('轻型普通货车'), car('其他')] }));
    expect(p.records.map((r) => r.outcome)).toEqual(['not_exclusion', 'unknown_type']);
    expect(p.input?.exclusions?.consumerCar).toBeUndefined();
  });

  it('does not use a car bought after the assessed year (outside the window)', () => {
    const p = buildPicture(base({ records: [car('小型轿车', '2027-02-01')] }));
    expect(p.records[0]?.outcome).toBe('outside_window');
    expect(p.input?.exclusions?.consumerCar).toBeUndefined();
  });

  it('marks a survey that says "no car" against 公安 as a conflict; the department prevails (SPEC §7.4)', () => {
    const survey = {
      id: 's1',
      kind: 'identification' as const,
      surveyedOn: '2026-11-02',
      recordedBy: 'village',
      facts: { exclusions: { consumerCar: false } },
    };
    const p = buildPicture(base({ survey, records: [car('小型普通客车')] }));
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]).toMatchObject({ key: 'exclusions.consumerCar', used: true, precedence: 'authority' });
    expect(p.input?.exclusions?.consumerCar).toBe(true);
  });

  it('sums 医保 self-pay over the window and uses it over the registry figure, as a conflict (SPEC §7.3 medical)', () => {
    const settle = (outOfPocket: number | undefined, settlementDate: string, personId = 'p1') =>
      rec({
        department: 'medical_insurance',
        recordKind: 'settlement',
        personId,
        data: { name: 'x', hospital: '县医院', outOfPocket, settlementDate },
      });
    const p = buildPicture(
      base({
        records: [
          settle(2000000, '2026-03-01'),
          settle(1000000, '2026-09-01', 'p2'),
          settle(500000, '2025-12-20'),
          settle(undefined, '2026-05-01'),
        ],
      }),
    );
    expect(p.records.map((r) => r.outcome)).toEqual([
      'medical_counted',
      'medical_counted',
      'outside_window',
      'missing_amount',
    ]);
    expect(p.input?.rigidExpenditure?.medical).toBe(30000);
    expect(p.conflicts[0]).toMatchObject({ key: 'rigidExpenditure.medical', used: 30000 });
    const out = assessFile({ year: 2026, monitoringLine: 7500, households: [p.input as never] }, 'identification');
    expect(out.errors).toEqual([]);
    const result = attachProvenance(out.results[0] as never, p);
    expect(result.riskTypes).toContain('medical');
    expect(result.reasons.find((r) => r.rule.startsWith('risk.medical'))?.text).toContain(
      '医疗保障局2026年10月住院结算',
    );
  });

  it('does not count a member 公安 deregistered as dead, and flags later records of that person (SPEC §7.2 item 9)', () => {
    const p = buildPicture(
      base({
        records: [
          rec({
            department: 'public_security',
            recordKind: 'register_change',
            personId: 'p2',
            data: { changeType: 'death', changeDate: '2026-04-01' },
          }),
          rec({
            department: 'medical_insurance',
            recordKind: 'settlement',
            personId: 'p2',
            data: { outOfPocket: 100000, settlementDate: '2026-08-01' },
          }),
        ],
      }),
    );
    expect(p.input?.members[1]?.status).toBe('deceased');
    expect(p.records.map((r) => r.outcome)).toEqual(['death', 'member_not_counted']);
    expect(p.conflicts.map((c) => c.key)).toEqual(['members[1].status', `records.${p.records[1]?.recordId}`]);
  });

  it('keeps a record of a person no longer in the household out of the rules, by name', () => {
    const p = buildPicture(base({ records: [car('小型轿车', '2026-01-01', { personId: 'gone' })] }));
    expect(p.records[0]?.outcome).toBe('person_not_member');
    expect(p.input?.exclusions?.consumerCar).toBeUndefined();
  });

  it('clears a deregistered company and an individual business by the rule’s own tests (SPEC §7.2 item 5)', () => {
    const entity = (entityType: string, status: string) =>
      rec({
        department: 'market_supervision',
        recordKind: 'business_entity',
        data: { entityName: '某公司', entityType, status },
      });
    const p = buildPicture(base({ records: [entity('有限责任公司', '注销'), entity('个体工商户', '存续')] }));
    expect(p.records.map((r) => r.outcome)).toEqual(['not_exclusion', 'not_exclusion']);
    const q = buildPicture(base({ records: [entity('有限责任公司', '存续')] }));
    expect(q.input?.exclusions?.registeredCompany).toBe(true);
  });

  it('takes 低保 from 民政 over the registry, as a conflict (SPEC §7.4)', () => {
    const p = buildPicture(
      base({
        records: [
          rec({
            department: 'civil_affairs',
            recordKind: 'social_assistance',
            data: { assistanceType: 'dibao', status: 'active', startDate: '2026-02-01' },
          }),
        ],
      }),
    );
    expect(p.input?.backstop).toBe('dibao');
    expect(p.conflicts[0]).toMatchObject({ key: 'backstop', used: 'dibao' });
  });

  it('has no input for a year without income, and says so (no silent zero)', () => {
    expect(buildPicture(base({ incomes: [] })).input).toBeNull();
  });

  it('takes visit findings as facts: a newer visit over the survey, its medical figure over an older one (issue 9)', () => {
    const survey = {
      id: 's1',
      kind: 'identification' as const,
      surveyedOn: '2026-05-01',
      recordedBy: 'village',
      facts: { risks: { housingAppraisal: 'B' as const } },
    };
    const visit = {
      clueId: 'c1',
      visitedOn: '2026-08-01',
      visitor: 'village',
      findings: { risks: { housingAppraisal: 'D' as const }, medicalExpense: 26000 },
    };
    const p = buildPicture(base({ survey, visits: [visit, { ...visit, clueId: 'c0', visitedOn: '2025-08-01' }] }));
    expect(p.input?.risks?.housingAppraisal).toBe('D');
    expect(p.input?.rigidExpenditure?.medical).toBe(26000);
    expect(p.conflicts.map((c) => [c.key, c.precedence, c.used])).toEqual([
      ['risks.housingAppraisal', 'newer', 'D'],
      ['rigidExpenditure.medical', 'newer', 26000],
    ]);
    const out = assessFile({ year: 2026, monitoringLine: 7500, households: [p.input as never] }, 'identification');
    const result = attachProvenance(out.results[0] as never, p);
    expect(result.riskTypes).toEqual(['medical', 'housing']);
    expect(result.reasons.find((r) => r.rule === 'risk.housing.dangerous')?.text).toContain('2026-08-01入户排查');
  });

  describe('人社 wages and pensions, staffing and large-scale operators (issue 9 points 1–2; SPEC §7.2, §7.4)', () => {
    const STAFF_RULE: DepartmentRuleInput = {
      code: 'STF-PUBLIC-SERVANT',
      department: 'staffing',
      recordKind: 'public_servant',
      signal: 'exclusion',
      severity: 'normal',
      exclusionItem: 1,
      riskType: null,
      condition: {
        all: [
          {
            field: 'staffType',
            op: 'in',
            value: ['civil_servant', 'quasi_civil_servant', 'public_institution', 'government_worker'],
          },
          { field: 'status', op: 'not_in', value: ['left'] },
        ],
      },
      thresholds: {},
    };
    const LARGE_RULE: DepartmentRuleInput = {
      code: 'AGR-LARGE-SCALE',
      department: 'agriculture',
      recordKind: 'large_scale_operator',
      signal: 'exclusion',
      severity: 'normal',
      exclusionItem: 6,
      riskType: null,
      condition: { all: [{ field: 'status', op: 'contains_none', value: ['注销', '停业', '退出', '吊销'] }] },
      thresholds: {},
    };
    const job = (
      lastMonthWage: number | undefined,
      o: Record<string, unknown> = {},
      r: Partial<DepartmentRecordInput> = {},
    ) =>
      rec({
        department: 'hr_social_security',
        recordKind: 'employment',
        data: { employer: '某电子厂', workPlace: '广东省东莞市', workStartDate: '2026-03-01', lastMonthWage, ...o },
        ...r,
      });
    const pension = (status: string, monthlyPension: number | undefined, statusDate = '2025-06-01') =>
      rec({
        department: 'hr_social_security',
        recordKind: 'pension',
        personId: 'p2',
        data: { insuranceType: 'resident', status, monthlyPension, statusDate },
      });

    it('values a job at last month’s wage times the months worked in the year; the newer figure prevails', () => {
      // 3,500 yuan a month from March: 10 months = 35,000; the annual row (entered 2026-01-10) said 20,000.
      const p = buildPicture(base({ records: [job(350000)] }));
      expect(p.records[0]).toMatchObject({ outcome: 'income_counted', amount: 35000 });
      expect(p.records[0]?.text).toContain(
        '人力资源和社会保障局2026年10月务工就业信息：成员张某在某电子厂务工，上月工资3500元',
      );
      expect(p.input?.income.wage).toBe(35000);
      expect(p.conflicts[0]).toMatchObject({ key: 'income.wage', used: 35000, precedence: 'newer' });
      expect(p.conflicts[0]?.text).toContain('以较新的人社数据为准');
      const wage = p.facts.find((f) => f.key === 'income.wage');
      expect(wage?.sources.map((s) => s.kind)).toEqual(['department']);
      expect(wage?.sources[0]).toMatchObject({
        department: 'hr_social_security',
        recordKind: 'employment',
        period: '2026-10',
        importId: 'imp-1',
        row: 3,
      });
      // A survey after the 人社 period is the newer figure: it stays, the conflict is still shown.
      const later = income({ survey: '12月调查', surveyedOn: '2026-12-05', wage: 18000 });
      const q = buildPicture(base({ incomes: [later], records: [job(350000)] }));
      expect(q.input?.income.wage).toBe(18000);
      expect(q.conflicts[0]).toMatchObject({ key: 'income.wage', used: 18000 });
      expect(q.conflicts[0]?.text).toContain('以较新的收支记录为准');
    });

    it('counts a job reported every month once, a returnee to the end date, and names every other record', () => {
      const records = [
        job(300000, {}, { period: '2026-08' }),
        job(320000, { workEndDate: '2026-09-15' }, { period: '2026-09' }),
        job(undefined, { employer: '某建筑公司', workStartDate: '2026-10-01' }, { personId: 'p2' }),
        job(400000, { employer: '旧单位', workStartDate: '2024-01-01', workEndDate: '2025-11-30' }),
      ];
      const p = buildPicture(base({ records }));
      expect(p.records.map((r) => r.outcome)).toEqual([
        'superseded',
        'income_counted',
        'missing_amount',
        'outside_window',
      ]);
      expect(p.records[1]?.amount).toBe(3200 * 7); // March to September
      expect(p.input?.income.wage).toBe(22400);
    });

    it('adds a 人社 pension only when it exceeds the transfer figure, and ignores a pension not received', () => {
      // 200 yuan a month all year = 2,400 > the 1,000 of transfer income: a conflict, the newer 人社 figure is used.
      const p = buildPicture(base({ records: [pension('receiving', 20000)] }));
      expect(p.records[0]).toMatchObject({ outcome: 'income_counted', amount: 2400 });
      expect(p.input?.income.transfer).toBe(2400);
      expect(p.conflicts.map((c) => c.key)).toEqual(['income.transfer']);
      const within = buildPicture(
        base({ incomes: [income({ transfer: 5000 })], records: [pension('receiving', 20000)] }),
      );
      expect(within.conflicts).toEqual([]);
      expect(within.input?.income.transfer).toBe(5000);
      expect(within.facts.find((f) => f.key === 'income.transfer')?.sources).toHaveLength(2);
      const q = buildPicture(base({ records: [pension('paying', undefined), pension('receiving', undefined)] }));
      expect(q.records.map((r) => r.outcome)).toEqual(['superseded', 'missing_amount']);
    });

    it('makes a 财政供养人员 record exclusion 1 with a reason naming the department and record (SPEC §7.2 item 1)', () => {
      const servant = (status: string) =>
        rec({
          department: 'staffing',
          recordKind: 'public_servant',
          personId: 'p2',
          data: { employer: '县教育局', staffType: 'public_institution', status, startDate: '2020-09-01' },
        });
      const p = buildPicture(base({ rules: [STAFF_RULE], records: [servant('serving')] }));
      expect(p.records[0]).toMatchObject({ outcome: 'exclusion', rule: 'STF-PUBLIC-SERVANT', exclusionItem: 1 });
      expect(p.input?.members[1]?.publicServant).toBe(true);
      expect(p.conflicts[0]).toMatchObject({ key: 'members[1].publicServant', used: true, precedence: 'authority' });
      const out = assessFile({ year: 2026, monitoringLine: 7500, households: [p.input as never] }, 'identification');
      const result = attachProvenance(out.results[0] as never, p);
      expect(result.decision).toBe('exclude');
      expect(result.exclusions).toEqual([1]);
      const reason = result.reasons.find((r) => r.rule.startsWith('exclusion.'));
      expect(reason?.text).toContain('组织人社财政部门2026年10月财政供养人员信息：成员李某为财政供养人员（县教育局）');
      const left = buildPicture(base({ rules: [STAFF_RULE], records: [servant('left')] }));
      expect(left.records[0]?.outcome).toBe('not_exclusion');
      expect(left.input?.members[1]?.publicServant).toBe(false);
    });

    it('makes a 规模经营主体 record exclusion 6 unless it stopped operating (SPEC §7.2 item 6)', () => {
      const operator = (status: string | undefined) =>
        rec({
          department: 'agriculture',
          recordKind: 'large_scale_operator',
          data: {
            operatorType: '养殖大户',
            entityName: '大山养殖场',
            employees: 6,
            status,
            registrationDate: '2025-03-01',
          },
        });
      const p = buildPicture(base({ rules: [LARGE_RULE], records: [operator(undefined)] }));
      expect(p.input?.exclusions?.largeScaleOperator).toBe(true);
      const out = assessFile({ year: 2026, monitoringLine: 7500, households: [p.input as never] }, 'identification');
      const result = attachProvenance(out.results[0] as never, p);
      expect(result.exclusions).toEqual([6]);
      expect(result.reasons.find((r) => r.rule.startsWith('exclusion.'))?.text).toContain(
        '农业农村局2026年10月规模经营主体信息：成员张某为规模经营主体（大山养殖场，雇工6人）',
      );
      const stopped = buildPicture(base({ rules: [LARGE_RULE], records: [operator('已注销')] }));
      expect(stopped.records[0]?.outcome).toBe('not_exclusion');
    });
  });
});

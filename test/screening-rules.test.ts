import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { cluesOf, importRows, type KnownHousehold, knownHousehold } from './feeds-fixtures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

type Row = Record<string, string | number>;
type Case = {
  rule: string;
  department: string;
  kind: string;
  row: (h: KnownHousehold) => Row;
  riskTypes: string[];
  severity?: string;
};

const head = (h: KnownHousehold) => ({ name: h.head.name, idNumber: h.head.idNumber });
const child = (h: KnownHousehold) => ({ name: h.child.name, idNumber: h.child.idNumber });

/** One record per SPEC §10 signal, as the department would send it. */
const CASES: Case[] = [
  {
    rule: 'EMG-LOSS',
    department: 'emergency',
    kind: 'household_loss',
    row: (h) => ({ ...head(h), propertyLoss: '12000' }),
    riskTypes: ['other'],
    severity: 'high',
  },
  {
    rule: 'PS-ACCIDENT',
    department: 'public_security',
    kind: 'traffic_accident',
    row: (h) => ({ ...head(h), injury: '重伤' }),
    riskTypes: ['other'],
  },
  {
    rule: 'PS-DEATH',
    department: 'public_security',
    kind: 'register_change',
    row: (h) => ({ ...head(h), changeType: '死亡' }),
    riskTypes: [],
  },
  { rule: 'EDU-DROPOUT', department: 'education', kind: 'dropout', row: (h) => child(h), riskTypes: ['education'] },
  {
    rule: 'EDU-STATUS',
    department: 'education',
    kind: 'student',
    row: (h) => ({ ...child(h), status: '辍学' }),
    riskTypes: ['education'],
  },
  {
    rule: 'HOU-APPRAISAL',
    department: 'housing',
    kind: 'safety_appraisal',
    row: (h) => ({ ...head(h), grade: 'C级' }),
    riskTypes: ['housing'],
  },
  {
    rule: 'HOU-DAMAGE',
    department: 'housing',
    kind: 'house_damage',
    row: (h) => ({ ...head(h), damageLevel: '倒塌' }),
    riskTypes: ['housing'],
  },
  {
    rule: 'WAT-FAILURE',
    department: 'water',
    kind: 'water_failure',
    row: (h) => ({ ...head(h), regionCode: h.regionCode, indicator: '水质' }),
    riskTypes: ['water'],
  },
  {
    rule: 'AGR-CROP-LOSS',
    department: 'agriculture',
    kind: 'crop_loss',
    row: (h) => ({ ...head(h), lossAmount: '5000' }),
    riskTypes: ['industry_employment'],
  },
  {
    rule: 'HR-WORK-ENDED',
    department: 'hr_social_security',
    kind: 'employment',
    row: (h) => ({ ...head(h), workStartDate: '2026-03-01', workEndDate: '2026-09-30' }),
    riskTypes: ['industry_employment'],
  },
  {
    rule: 'HEA-SERIOUS-NEW',
    department: 'health',
    kind: 'serious_disease',
    row: (h) => ({ ...head(h), disease: '肺癌' }),
    riskTypes: ['medical'],
  },
  {
    rule: 'DPF-SEVERE-NEW',
    department: 'disabled_federation',
    kind: 'disability_certificate',
    row: (h) => ({ ...head(h), category: '肢体', level: '一级' }),
    riskTypes: ['other'],
  },
  {
    rule: 'CA-BACKSTOP-NEW',
    department: 'civil_affairs',
    kind: 'social_assistance',
    row: (h) => ({ ...head(h), assistanceType: '低保', status: '新增' }),
    riskTypes: [],
  },
  {
    rule: 'MED-OOP-12M',
    department: 'medical_insurance',
    kind: 'settlement',
    row: (h) => ({ ...head(h), outOfPocket: '21000', settlementDate: '2026-10-05' }),
    riskTypes: ['medical'],
    severity: 'high',
  },
];

describe(`screening rules on ${ENGINE} (SPEC §10)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const monitor = (id: string) =>
    sql`UPDATE households SET monitoring_status = 'monitored', category = 'marginal', risk_types = '{income}',
      included_on = '2026-01-10' WHERE id = ${id}::uuid`.execute(t.ctx.database.db);

  it.each(CASES)('$rule: a $department record raises a clue with its risk type (SPEC §10 table)', async (c) => {
    const h = await knownHousehold(t, t.village);
    const s = await importRows(t, c.department, c.kind, [c.row(h)]);
    expect(s).toMatchObject({ rowsBad: 0, rowsNew: 1, hits: 1, clues: 1 });
    const [clue, ...more] = await cluesOf(t, h.id);
    expect(more).toHaveLength(0);
    expect(clue).toMatchObject({
      channel: 'department',
      sourceRef: `${c.department}:${c.rule}`,
      riskTypes: c.riskTypes,
    });
    if (c.severity) expect(clue?.severity).toBe(c.severity);
  });

  it('raises nothing for records below the thresholds (loss 9,999 yuan, appraisal B, minor injury)', async () => {
    const h = await knownHousehold(t, t.village);
    await importRows(t, 'emergency', 'household_loss', [{ ...head(h), propertyLoss: '9999.99' }]);
    await importRows(t, 'housing', 'safety_appraisal', [{ ...head(h), grade: 'B级' }]);
    await importRows(t, 'public_security', 'traffic_accident', [{ ...head(h), injury: '轻伤' }]);
    expect(await cluesOf(t, h.id)).toHaveLength(0);
  });

  it('the staffing and 规模经营主体 feeds raise exclusion hits for items 1, 2 and 6 (SPEC §7.2, §10)', async () => {
    const monitored = await knownHousehold(t, t.village);
    const plain = await knownHousehold(t, t.village);
    await monitor(monitored.id);
    const servant = await importRows(t, 'staffing', 'public_servant', [
      { ...head(monitored), employer: '县自然资源局', staffType: '公务员', status: '在职' },
      { ...head(plain), employer: '县医院', staffType: '编外聘用人员', status: '在职' },
    ]);
    expect(servant).toMatchObject({ rowsBad: 0, hits: 1, clues: 1 });
    expect((await cluesOf(t, monitored.id)).map((c) => c.sourceRef)).toEqual(['staffing:STF-PUBLIC-SERVANT']);
    const cadre = await importRows(t, 'staffing', 'village_cadre', [
      { regionName: '某村', ...head(plain), position: '村委会主任', monthlySalary: '3000' },
    ]);
    const operator = await importRows(t, 'agriculture', 'large_scale_operator', [
      { regionName: '某村', ...head(plain), operatorType: '种植大户', scale: '流转土地300亩', employees: '5' },
    ]);
    expect([cadre.hits, operator.hits]).toEqual([1, 1]);
    expect(await cluesOf(t, plain.id)).toHaveLength(0);
    const hits = (
      await t.request(await t.login('county'), {
        method: 'GET',
        url: `/api/screening/hits?householdId=${plain.id}`,
      })
    ).json();
    expect(JSON.stringify(hits)).toContain('STF-VILLAGE-CADRE');
    expect(JSON.stringify(hits)).toContain('AGR-LARGE-SCALE');
  });

  it('exclusion signals raise a review clue only on monitored households; otherwise the hit is kept as evidence (SPEC §7.2)', async () => {
    const monitored = await knownHousehold(t, t.village);
    const plain = await knownHousehold(t, t.village);
    await monitor(monitored.id);
    const s = await importRows(t, 'public_security', 'vehicle', [
      { ...head(monitored), vehicleType: '小型普通客车', registrationDate: '2026-09-01' },
      { ...head(plain), vehicleType: '小型轿车', registrationDate: '2026-09-02' },
      {
        name: monitored.spouse.name,
        idNumber: monitored.spouse.idNumber,
        vehicleType: '轻型货车',
        registrationDate: '2026-09-03',
      },
    ]);
    expect(s).toMatchObject({ hits: 2, clues: 1 });
    expect((await cluesOf(t, monitored.id)).map((c) => c.sourceRef)).toEqual(['public_security:PS-CAR']);
    expect(await cluesOf(t, plain.id)).toHaveLength(0);
    const county = await t.login('county');
    const hits = (
      await t.request(county, { method: 'GET', url: `/api/screening/hits?householdId=${plain.id}` })
    ).json();
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ruleCode: 'PS-CAR', signal: 'exclusion', exclusionItem: 3, clueKey: null });
  });

  it('flags deposits of 50,000 yuan per capita on a monitored household (SPEC §10 default)', async () => {
    const h = await knownHousehold(t, t.village);
    await monitor(h.id);
    await importRows(t, 'central_bank', 'deposit', [
      { ...head(h), balance: '100000', asOfDate: '2026-09-30' },
      { name: h.spouse.name, idNumber: h.spouse.idNumber, balance: '49999', asOfDate: '2026-09-30' },
    ]);
    expect(await cluesOf(t, h.id)).toHaveLength(0); // 149,999 / 3 members < 50,000
    await importRows(t, 'central_bank', 'deposit', [{ ...child(h), balance: '1', asOfDate: '2026-09-30' }]);
    const [clue] = await cluesOf(t, h.id);
    expect(clue).toMatchObject({ sourceRef: 'central_bank:PBC-DEPOSIT' });
    expect(clue?.finding).toContain('人均50000.00元');
  });

  it('compares wages year on year: a fall of half or more is a risk, 40% is not (SPEC §10 default)', async () => {
    const a = await knownHousehold(t, t.village);
    const b = await knownHousehold(t, t.village);
    const job = { workStartDate: '2025-03-01' };
    await importRows(
      t,
      'hr_social_security',
      'employment',
      [
        { ...head(a), ...job, lastMonthWage: '5000' },
        { ...head(b), ...job, lastMonthWage: '5000' },
      ],
      { period: '2025-10' },
    );
    await importRows(
      t,
      'hr_social_security',
      'employment',
      [
        { ...head(a), ...job, lastMonthWage: '2500' },
        { ...head(b), ...job, lastMonthWage: '3000' },
      ],
      { period: '2026-10' },
    );
    expect((await cluesOf(t, a.id)).map((c) => c.sourceRef)).toEqual(['hr_social_security:HR-WAGE-DROP']);
    expect(await cluesOf(t, b.id)).toHaveLength(0);
  });

  it('a village-wide water failure reaches every household of the village', async () => {
    const villages = await t.services.regions.children(SYSTEM_ACTOR, t.township);
    const other = villages.children.find((v) => v.code !== t.village)?.code as string;
    const a = await knownHousehold(t, other);
    const b = await knownHousehold(t, other);
    const s = await importRows(t, 'water', 'water_failure', [{ regionCode: other, indicator: '水量' }], {
      village: other,
    });
    expect(s.hits).toBe(2);
    for (const h of [a, b]) expect((await cluesOf(t, h.id)).map((c) => c.riskTypes)).toEqual([['water']]);
  });

  it('public opinion becomes a social-information clue on its region', async () => {
    await importRows(t, 'cyberspace', 'public_opinion', [
      { title: '某村农户因病致贫求助', summary: '户主住院费用高', regionCode: t.village },
    ]);
    const r = await sql<{ channel: string; region_code: string }>`SELECT channel, region_code FROM clues
      WHERE source_ref = 'cyberspace:CYB-OPINION'`.execute(t.ctx.database.db);
    expect(r.rows).toEqual([{ channel: 'social', region_code: t.village }]);
  });

  it('an open clue covers further hits of the same household and rule: merged, not repeated (SPEC §6)', async () => {
    const h = await knownHousehold(t, t.village);
    await importRows(t, 'agriculture', 'crop_loss', [{ ...head(h), lossAmount: '3000', product: '马铃薯' }]);
    await importRows(t, 'agriculture', 'crop_loss', [{ ...head(h), lossAmount: '4000', product: '中药材' }], {
      period: '2026-11',
    });
    const clues = await cluesOf(t, h.id);
    expect(clues).toHaveLength(1);
    expect(clues[0]?.mergedCount).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { assessStoredHousehold } from '../src/modules/picture/assess-stored.cli.ts';
import { loadDemoPicture } from '../src/modules/picture/demo-picture.ts';
import { feedCsv, knownHousehold, multipart } from './feeds-fixtures.ts';
import { caseDriver } from './support/case-driver.ts';
import { makeIdNumber } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 9, replayed through the API: department data reach the decision through one household picture
 * (SPEC §7.4), with provenance in every reason and conflicts shown.
 */
describe(`household picture on ${ENGINE} (SPEC §7.4, §7.2, §7.3)`, () => {
  let t: TestApp;
  let county: string;
  let village: string;
  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
    village = await t.login('village');
  });
  afterAll(() => t.close());

  const upload = async (
    department: string,
    kind: string,
    rows: Record<string, string | number>[],
    period = '2026-10',
  ) => {
    const body = multipart(`${kind}-${Math.random()}.csv`, feedCsv(department, kind, rows, t.village));
    const res = await t.request(county, {
      method: 'POST',
      url: `/api/feeds/${department}/imports?period=${period}&kind=${kind}&region=621124`,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rowsBad).toBe(0);
    return res.json();
  };
  const income = async (id: string, payload: object) => {
    const res = await t.request(village, { method: 'POST', url: `/api/households/${id}/incomes`, payload });
    expect(res.statusCode, res.body).toBe(201);
  };
  const assess = async (id: string, year = 2026, mode = 'identification') => {
    const res = await t.request(village, {
      method: 'POST',
      url: `/api/households/${id}/assess?year=${year}&mode=${mode}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('excludes with item 3 after a 公安 vehicle import, the reason naming 公安 and the record (SPEC §7.2 item 3)', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 6000, medicalExpense: 2382 });
    expect((await assess(h.id)).result.decision).toBe('include');
    const survey = await t.request(village, {
      method: 'POST',
      url: `/api/households/${h.id}/surveys`,
      payload: { kind: 'identification', surveyedOn: '2026-11-02', facts: { exclusions: { consumerCar: false } } },
    });
    expect(survey.statusCode, survey.body).toBe(201);
    await upload('public_security', 'vehicle', [
      { name: h.head.name, idNumber: h.head.idNumber, vehicleType: '小型普通客车', purchaseDate: '2026-06-10' },
    ]);
    const body = await assess(h.id);
    expect(body.result.decision).toBe('exclude');
    expect(body.result.exclusions).toEqual([3]);
    const reason = body.result.reasons.find((r: { rule: string }) => r.rule === 'exclusion.consumer_car');
    expect(reason.text).toContain(
      `公安局2026年10月车辆登记：成员${h.head.name.slice(0, 1)}某购买小型普通客车（2026-06-10）`,
    );
    expect(reason.sources[0]).toMatchObject({
      kind: 'department',
      department: 'public_security',
      recordKind: 'vehicle',
      row: 2,
    });
    expect(body.conflicts).toEqual([
      expect.objectContaining({ key: 'exclusions.consumerCar', used: true, precedence: 'authority' }),
    ]);

    const picture = await t.request(village, { method: 'GET', url: `/api/households/${h.id}/picture?year=2026` });
    expect(picture.statusCode, picture.body).toBe(200);
    const p = picture.json();
    expect(p).toMatchObject({ year: 2026, mode: 'identification', window: { from: '2026-01-01', to: '2026-12-31' } });
    expect(p.assessment.decision).toBe('exclude');
    expect(p.records).toEqual([expect.objectContaining({ outcome: 'exclusion', rule: 'PS-CAR', exclusionItem: 3 })]);
    expect(p.conflicts).toHaveLength(1);
    expect(p.input).toBeUndefined();
    const auditor = await t.login('auditor');
    const audit = (await t.request(auditor, { method: 'GET', url: `/api/audit?action=household.picture_read` })).json();
    expect(audit.total).toBeGreaterThanOrEqual(1);
  });

  it('uses the 医保 settlements’ self-pay over the registry figure, with its source (SPEC §7.3 medical, §7.4)', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 90000, medicalExpense: 2382 });
    expect((await assess(h.id)).result.decision).toBe('no_risk');
    await upload('medical_insurance', 'settlement', [
      {
        name: h.spouse.name,
        idNumber: h.spouse.idNumber,
        hospital: '县人民医院',
        disease: '肺炎',
        admissionDate: '2026-05-01',
        dischargeDate: '2026-05-20',
        totalCost: '80000',
        outOfPocket: '30000',
        settlementDate: '2026-05-21',
      },
    ]);
    const body = await assess(h.id);
    expect(body.result.decision).toBe('include');
    expect(body.result.riskTypes).toEqual(['medical']);
    const reason = body.result.reasons.find((r: { rule: string }) => r.rule === 'risk.medical.amount');
    expect(reason.figures.medical).toBe(30000);
    expect(reason.text).toContain(
      `医疗保障局2026年10月住院结算：成员${h.spouse.name.slice(0, 1)}某住院结算个人自付30000元`,
    );
    expect(body.conflicts[0]).toMatchObject({ key: 'rigidExpenditure.medical', used: 30000 });
  });

  it('takes 人社 wages and pensions into the income, the newer figure over an older survey (issue 9 point 1)', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, survey: '6月调查', surveyedOn: '2026-06-01', wage: 6000, transfer: 500 });
    expect((await assess(h.id)).result.riskTypes).toEqual(['income']);
    await upload('hr_social_security', 'employment', [
      {
        name: h.head.name,
        idNumber: h.head.idNumber,
        employer: '某电子厂',
        workPlace: '广东省东莞市',
        workStartDate: '2026-01-05',
        lastMonthWage: '5000',
      },
    ]);
    await upload('hr_social_security', 'pension', [
      {
        name: h.spouse.name,
        idNumber: h.spouse.idNumber,
        insuranceType: '城乡居民基本养老保险',
        status: '待遇领取',
        monthlyPension: '150',
        statusDate: '2025-03-01',
      },
    ]);
    const body = await assess(h.id);
    // 5,000 × 12 months and 150 × 12 months, reported for October: newer than the June survey.
    expect(body.result.decision).toBe('no_risk');
    expect(body.conflicts.map((c: { key: string; used: number }) => [c.key, c.used])).toEqual([
      ['income.wage', 60000],
      ['income.transfer', 1800],
    ]);
    const p = (await t.request(village, { method: 'GET', url: `/api/households/${h.id}/picture?year=2026` })).json();
    const wage = p.facts.find((f: { key: string }) => f.key === 'income.wage');
    expect(wage.value).toBe(60000);
    expect(wage.sources[0]).toMatchObject({
      kind: 'department',
      department: 'hr_social_security',
      departmentName: '人力资源和社会保障局',
      recordKind: 'employment',
      period: '2026-10',
      row: 2,
    });
    expect(wage.sources[0].importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.records.map((r: { outcome: string }) => r.outcome)).toEqual(['income_counted', 'income_counted']);
    const net = p.facts.find((f: { key: string }) => f.key === 'income');
    expect(net.value).toBe(61800);
    expect(net.sources.map((s: { kind: string }) => s.kind)).toEqual(['registry', 'department', 'department']);
  });

  it('excludes a household whose member is a 财政供养人员 (item 1) or a 规模经营主体 (item 6), naming the record', async () => {
    const a = await knownHousehold(t, t.village);
    await income(a.id, { year: 2026, wage: 6000 });
    await upload('staffing', 'public_servant', [
      {
        name: a.spouse.name,
        idNumber: a.spouse.idNumber,
        employer: '县第一中学',
        staffType: '事业单位工作人员',
        status: '在职',
        startDate: '2012-09-01',
      },
    ]);
    const body = await assess(a.id);
    expect(body.result).toMatchObject({ decision: 'exclude', exclusions: [1] });
    const reason = body.result.reasons.find((r: { rule: string }) => r.rule.startsWith('exclusion.'));
    expect(reason.text).toContain(
      `组织人社财政部门2026年10月财政供养人员信息：成员${a.spouse.name.slice(0, 1)}某为财政供养人员（县第一中学）（2012-09-01）`,
    );
    expect(reason.sources[0]).toMatchObject({ department: 'staffing', recordKind: 'public_servant', row: 2 });
    expect(body.conflicts[0]).toMatchObject({ key: 'members[1].publicServant', precedence: 'authority' });

    const b = await knownHousehold(t, t.village);
    await income(b.id, { year: 2026, wage: 6000 });
    await upload('agriculture', 'large_scale_operator', [
      {
        regionName: '临洮县',
        name: b.head.name,
        idNumber: b.head.idNumber,
        operatorType: '养殖大户',
        entityName: '兴旺养殖场',
        employees: 4,
        registrationDate: '2024-05-01',
        status: '正常经营',
      },
    ]);
    const second = await assess(b.id);
    expect(second.result).toMatchObject({ decision: 'exclude', exclusions: [6] });
    const r6 = second.result.reasons.find((r: { rule: string }) => r.rule.startsWith('exclusion.'));
    expect(r6.text).toContain('农业农村局2026年10月规模经营主体信息');
    // Screening raises the same signal as a hit (the rule is data, read by both).
    const hits = await t.request(county, { method: 'GET', url: `/api/screening/hits?householdId=${b.id}` });
    expect(hits.statusCode, hits.body).toBe(200);
  });

  it('names each bad record in the picture: unknown vehicle type, outside the window, not counted, departments disagreeing', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 6000 });
    await upload('public_security', 'vehicle', [
      { name: h.head.name, idNumber: h.head.idNumber, vehicleType: '其他', purchaseDate: '2026-03-01' },
      { name: h.head.name, idNumber: h.head.idNumber, vehicleType: '小型轿车', purchaseDate: '2027-01-05' },
    ]);
    await upload('public_security', 'register_change', [
      { name: h.spouse.name, idNumber: h.spouse.idNumber, changeType: '死亡', changeDate: '2026-04-01' },
    ]);
    await upload('medical_insurance', 'settlement', [
      {
        name: h.spouse.name,
        idNumber: h.spouse.idNumber,
        hospital: '县人民医院',
        admissionDate: '2026-07-01',
        dischargeDate: '2026-07-10',
        totalCost: '9000',
        outOfPocket: '3000',
        settlementDate: '2026-07-11',
      },
      {
        name: h.head.name,
        idNumber: h.head.idNumber,
        hospital: '县人民医院',
        admissionDate: '2025-11-01',
        dischargeDate: '2025-11-10',
        totalCost: '9000',
        outOfPocket: '4000',
        settlementDate: '2025-11-11',
      },
    ]);
    // A settlement without 个人自付 never reaches the picture as a silent zero: the importer names the row.
    const bad = await t.request(county, {
      method: 'POST',
      url: '/api/feeds/medical_insurance/imports?period=2026-10&kind=settlement&region=621124',
      ...multipart(
        'no-oop.csv',
        feedCsv('medical_insurance', 'settlement', [
          { name: h.head.name, idNumber: h.head.idNumber, outOfPocket: '', settlementDate: '2026-08-01' },
        ]).replace(/,0,/g, ',,'),
      ),
    });
    expect(bad.statusCode, bad.body).toBe(201);
    expect(bad.json()).toMatchObject({ rowsGood: 0, rowsBad: 1 });
    const p = (await t.request(village, { method: 'GET', url: `/api/households/${h.id}/picture?year=2026` })).json();
    const outcomes = p.records
      .map((r: { recordName: string; outcome: string }) => `${r.recordName}:${r.outcome}`)
      .sort();
    expect(outcomes).toEqual(
      [
        '车辆登记:unknown_type',
        '车辆登记:outside_window',
        '户籍变动:death',
        '住院结算:member_not_counted',
        '住院结算:outside_window',
      ].sort(),
    );
    expect(p.conflicts.map((c: { label: string }) => c.label)).toEqual(['家庭成员状态', '部门数据相互矛盾']);
    expect(p.conflicts[1].text).toContain('晚于死亡日期');
    expect(p.assessment.exclusions).toEqual([]);
  });

  describe('review, elimination and the panel agree on one picture (SPEC §7.4, §8.3; issue 9 point 7)', () => {
    const judgement = {
      measuresTargeted: true,
      measuresEffective: true,
      riskPointsGone: ['income'],
      incomeStable: true,
      rigidExpenditureControllable: true,
      basicNeedsSecured: true,
    };
    let reviewId: string;
    const monitored = async () => {
      const head = { name: '钱大山', idNumber: makeIdNumber('19750312', 'male'), relation: 'head', labor: 'full' };
      const spouse = {
        name: '孙小花',
        idNumber: makeIdNumber('19780605', 'female'),
        relation: 'spouse',
        labor: 'full',
      };
      const h = await monitoredHouseholdFixture(t, county, { members: [head, spouse], includedOn: '2025-06-01' });
      for (const year of [2025, 2026]) await income(h.id, { year, wage: 40000, transfer: 2000 });
      return { ...h, head, spouse };
    };
    const review = async (householdId: string) => {
      if (!reviewId) {
        const round = await t.request(village, {
          method: 'POST',
          url: '/api/assistance/reviews',
          payload: {
            villageCode: t.village,
            year: 2026,
            meeting: { date: '2026-12-01', attendees: ['王书记'], minutes: '逐户评议帮扶成效' },
          },
        });
        expect(round.statusCode, round.body).toBe(201);
        reviewId = round.json().id;
      }
      const res = await t.request(village, {
        method: 'POST',
        url: `/api/assistance/reviews/${reviewId}/households/${householdId}`,
        payload: judgement,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const panel = async (id: string) =>
      (await t.request(village, { method: 'GET', url: `/api/households/${id}/picture?year=2026` })).json();

    it('opens no elimination case while the 医保 self-pay keeps a medical risk, and says which risk remains', async () => {
      const h = await monitored();
      await upload('medical_insurance', 'settlement', [
        {
          name: h.spouse.name,
          idNumber: h.spouse.idNumber,
          hospital: '县人民医院',
          disease: '肺炎',
          admissionDate: '2026-03-01',
          dischargeDate: '2026-03-20',
          totalCost: '60000',
          outOfPocket: '25000',
          settlementDate: '2026-03-21',
        },
      ]);
      const r = await review(h.id);
      expect(r.outcome).toBe('continue_assistance');
      expect(r.caseId).toBeNull();
      const why = r.reasons.find((x: { rule: string }) => x.rule === 'elimination.rules_continue');
      expect(why.text).toContain('仍存在医疗风险');
      expect(why.text).toContain('医疗保障局2026年10月住院结算');
      expect(r.risksRemainingNames).toContain('医疗');
      const p = await panel(h.id);
      expect(p.mode).toBe('elimination');
      expect(p.assessment.decision).toBe('continue');
      expect((await assess(h.id, 2026, 'elimination')).result.decision).toBe('continue');
    });

    it('opens the elimination case when the rules say eliminate, and its decision step assesses the review year', async () => {
      const h = await monitored();
      const r = await review(h.id);
      expect(r.outcome).toBe('start_elimination');
      expect(r.caseId).toBeTruthy();
      expect(r.reasons.map((x: { rule: string }) => x.rule)).toContain('elimination.rules_eliminate');
      expect((await panel(h.id)).assessment.decision).toBe('eliminate');
      const c = await t.ctx.database.db
        .selectFrom('cases')
        .select('assessment')
        .where('id', '=', r.caseId)
        .executeTakeFirstOrThrow();
      expect(c.assessment).toMatchObject({ year: 2026 });
    });
  });

  it('requires a 核实说明 for the picture’s conflicts before the county decision completes, and keeps it (SPEC §7.4)', async () => {
    const users = { village, township: await t.login('township'), county };
    const d = caseDriver(t, users);
    const chosen = await t.request(county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind: 'inclusion', code: 'wafang-inclusion' },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 90000, medicalExpense: 2382 });
    await upload('medical_insurance', 'settlement', [
      {
        name: h.head.name,
        idNumber: h.head.idNumber,
        hospital: '县人民医院',
        disease: '骨折',
        admissionDate: '2026-07-01',
        dischargeDate: '2026-07-15',
        totalCost: '70000',
        outOfPocket: '28000',
        settlementDate: '2026-07-16',
      },
    ]);
    const started = await t.request(village, {
      method: 'POST',
      url: '/api/cases',
      payload: { householdId: h.id, kind: 'inclusion' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;
    await d.completeStep(id);
    await d.completeStep(id);
    expect((await d.get(id)).step.code).toBe('county_confirm');
    const refused = await d.act(id, { type: 'complete_step', note: '县级确定', assessmentYear: 2026 }, county);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'CASE_CONFLICTS_UNEXPLAINED',
      details: { field: 'verificationNote' },
    });
    expect(refused.json().message).toContain('以医保结算为准');
    await d.completeStep(id, {
      assessmentYear: 2026,
      verificationNote: '经核实，住院自付以医保结算为准，户内登记漏报',
    });
    const c = await t.ctx.database.db
      .selectFrom('cases')
      .select('assessment')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(c.assessment).toMatchObject({
      year: 2026,
      result: { decision: 'include', riskTypes: ['medical'] },
      verification: {
        note: '经核实，住院自付以医保结算为准，户内登记漏报',
        conflicts: [expect.objectContaining({ key: 'rigidExpenditure.medical', used: 28000 })],
      },
    });
  });

  it('`shouxian assess --household CODE --year Y` prints the exchange format with provenance (formats/assessment.md)', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 6000 });
    await upload('natural_resources', 'property_registration', [
      {
        name: h.spouse.name,
        idNumber: h.spouse.idNumber,
        propertyType: '商品住房',
        area: '98.5',
        registrationDate: '2026-04-02',
        address: '县城幸福小区3栋',
      },
    ]);
    const { code } = await t.ctx.database.db
      .selectFrom('households')
      .select('code')
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    const deps = { db: t.ctx.database.db, assessments: t.services.assessments };
    const run = await assessStoredHousehold(deps, { household: code, year: '2026' });
    expect(run.exitCode, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      year: 2026,
      errors: [],
      results: [{ id: code, decision: 'exclude', exclusions: [4] }],
    });
    const reason = out.results[0].reasons.find((r: { rule: string }) => r.rule === 'exclusion.urban_property');
    expect(reason.text).toContain(
      `自然资源局2026年10月城镇商品住房登记：成员${h.spouse.name.slice(0, 1)}某登记商品住房98.5平方米（2026-04-02）`,
    );
    expect(reason.sources[0]).toMatchObject({ kind: 'department', department: 'natural_resources' });
    expect((await assessStoredHousehold(deps, { household: 'NO-SUCH', year: 2026 })).exitCode).toBe(2);
    expect((await assessStoredHousehold(deps, { household: code, year: 2026, mode: 'x' })).exitCode).toBe(2);
    const missing = await assessStoredHousehold(deps, { household: code, year: 2024 });
    expect(missing).toMatchObject({ exitCode: 1, stderr: '该户尚未录入2024年收支，无法研判\n' });
  });

  it('takes a visit’s structured findings into the picture, cited in the reason (issue 9 point 6)', async () => {
    const h = await knownHousehold(t, t.village);
    await income(h.id, { year: 2026, wage: 90000 });
    const visit = await t.request(village, {
      method: 'POST',
      url: '/api/clues/visits',
      payload: {
        householdId: h.id,
        visitedOn: '2026-09-15',
        finding: '房屋墙体开裂，经鉴定为D级危房',
        riskTypes: ['housing'],
        findings: { risks: { housingAppraisal: 'D' }, medicalExpense: 1200 },
      },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const body = await assess(h.id);
    expect(body.result.riskTypes).toEqual(['housing']);
    const reason = body.result.reasons.find((r: { rule: string }) => r.rule === 'risk.housing.dangerous');
    expect(reason.text).toContain('2026-09-15入户排查（排查人村干部（演示））');
    expect(reason.sources[0]).toMatchObject({ kind: 'visit', visitedOn: '2026-09-15' });
  });

  it('gives the demo a household excluded by 公安 data with a conflict, and one with a 医保 medical risk', async () => {
    const villages = await t.services.regions.children(SYSTEM_ACTOR, t.township);
    const quiet = villages.children.at(-1)?.code as string;
    const a = await knownHousehold(t, quiet, [{ year: 2026, wage: 6000 }]);
    const b = await knownHousehold(t, quiet, [{ year: 2026, wage: 90000 }]);
    const ids = await loadDemoPicture(t.ctx, t.services, quiet);
    expect(ids && [ids.car, ids.patient].sort()).toEqual([a.id, b.id].sort());
    const panel = async (id: string) =>
      (await t.request(county, { method: 'GET', url: `/api/households/${id}/picture?year=2026` })).json();
    const car = await panel(ids?.car as string);
    expect(car.conflicts.map((c: { key: string }) => c.key)).toContain('exclusions.consumerCar');
    expect(car.assessment.exclusions).toEqual([3]);
    const patient = await panel(ids?.patient as string);
    expect(patient.facts.find((f: { key: string }) => f.key === 'rigidExpenditure.medical').value).toBe(30000);
  });

  it('keeps another village’s household out of reach (SPEC §3 scope)', async () => {
    const villages = await t.services.regions.children(SYSTEM_ACTOR, t.township);
    const other = villages.children.find((v) => v.code !== t.village)?.code as string;
    const h = await knownHousehold(t, other);
    const res = await t.request(village, { method: 'GET', url: `/api/households/${h.id}/picture?year=2026` });
    expect(res.statusCode).toBe(404);
  });
});

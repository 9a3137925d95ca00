import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { caseDriver } from './support/case-driver.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Assistance over HTTP with the users of each level (SPEC §9): a household included through the real procedure gets
 * a suggested plan, a 帮扶责任人 and measures, progress is recorded, and the yearly effectiveness review starts the
 * elimination procedure (SPEC §8.3); the gap lists; scope and role refusals.
 */
describe(`assistance on ${ENGINE} (SPEC §9)`, () => {
  let t: TestApp;
  let users: { village: string; township: string; county: string };
  let d: ReturnType<typeof caseDriver>;

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.request(cookie, { method, url, ...(payload ? { payload } : {}) });

  /**
   * Inclusion by the real procedure (SPEC §8.1, 瓦房 short form): a household with 2025 income below the line. Starts
   * on 2026-11-02; the procedure's publicity moves the day on.
   */
  async function includeByProcedure(): Promise<string> {
    d.setDay('2026-11-02');
    const choice = await req(users.county, 'PUT', '/api/procedure-templates/choice', {
      regionCode: '621124',
      kind: 'inclusion',
      code: 'wafang-inclusion',
    });
    expect(choice.statusCode, choice.body).toBe(200);
    const { id } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const income = await req(users.village, 'POST', `/api/households/${id}/incomes`, {
      year: 2025,
      survey: '2025年集中排查',
      wage: 9000,
      businessGross: 3000,
      businessCost: 1000,
      transfer: 1200,
    });
    expect(income.statusCode, income.body).toBe(201);
    const started = await req(users.village, 'POST', '/api/cases', { householdId: id, kind: 'inclusion' });
    expect(started.statusCode, started.body).toBe(201);
    expect((await d.driveToEnd(started.json().id)).outcome).toBe('completed');
    return id;
  }

  /** A monitored household of the demo village with an income risk, included today (a fixture, not the procedure). */
  async function monitoredToday(): Promise<string> {
    return (await monitoredHouseholdFixture(t, users.county, { riskTypes: ['income'], includedOn: d.today() })).id;
  }

  /** A village user of a neighbouring village (created once). */
  let otherVillage: string | undefined;
  async function otherVillageUser(): Promise<string> {
    if (otherVillage) return otherVillage;
    const other = await t.ctx.database.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', '<>', t.village)
      .where('code', 'like', '621124%')
      .executeTakeFirstOrThrow();
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'othervillage',
      password: 'Demo@2026',
      demo: true,
      role: 'village',
      displayName: '邻村',
      regionCode: other.code,
      department: null,
    });
    otherVillage = await t.login('othervillage');
    return otherVillage;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    users = { village: await t.login('village'), township: await t.login('township'), county: await t.login('county') };
    d = caseDriver(t, users);
  });
  afterAll(() => t.close());

  it('suggests one targeted measure for a single risk, saying why, and applies nothing (SPEC §9)', async () => {
    const included = await includeByProcedure();
    const h = (await req(users.county, 'GET', `/api/households/${included}`)).json();
    expect(h.monitoringStatus).toBe('monitored');
    expect(h.riskTypes).toEqual(['income']);
    const res = await req(users.village, 'GET', `/api/households/${included}/plan-suggestion`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.facts.labour).toBe('has');
    expect(s.measures).toHaveLength(1);
    expect(s.measures[0]).toMatchObject({
      subtype: 'job_placement',
      lineOfDefence: 'development',
      answersRisks: ['income'],
    });
    expect(s.measures[0].reason).toContain('收入风险');
    expect(s.notes).toContain('风险单一，实施单项措施，防止陷入福利陷阱');
    const summary = (await req(users.village, 'GET', `/api/households/${included}/assistance`)).json();
    expect(summary.measures).toEqual([]);
    expect(summary.riskColour.colour).toBe('red');
  });

  it('records an accepted suggestion and a changed one with money and its source (SPEC §9)', async () => {
    d.setDay('2026-11-02');
    const included = await monitoredToday();
    const [s] = (await req(users.village, 'GET', `/api/households/${included}/plan-suggestion`)).json().measures;
    const res = await req(users.village, 'POST', `/api/households/${included}/measures`, {
      subtype: s.subtype,
      suggestionRule: s.rule,
      suggestionReason: s.reason,
      responsiblePerson: '县人社局王某',
      startOn: '2026-11-02',
      plannedEndOn: '2026-12-31',
      amount: 1200.5,
      fundSource: '衔接资金',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      origin: 'accepted',
      status: 'planned',
      amount: 1200.5,
      department: 'hr_social_security',
    });
    const changed = await req(users.village, 'POST', `/api/households/${included}/measures`, {
      subtype: 'skills_training',
      suggestionRule: 'income.labour_idle',
      content: '参加县人社局组织的电焊工培训',
    });
    expect(changed.json()).toMatchObject({ origin: 'changed', content: '参加县人社局组织的电焊工培训' });
    const unknown = await req(users.village, 'POST', `/api/households/${included}/measures`, { subtype: 'lottery' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('ASSISTANCE_SUBTYPE_UNKNOWN');
    const badMoney = await req(users.village, 'POST', `/api/households/${included}/measures`, {
      subtype: 'microcredit',
      amount: 10.123,
    });
    expect(badMoney.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'amount' } });
  });

  it('refuses measures for a household that is not monitored', async () => {
    const { id } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const res = await req(users.village, 'POST', `/api/households/${id}/measures`, { subtype: 'job_placement' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ASSISTANCE_NOT_MONITORED');
  });

  it('assigns a 帮扶责任人 within the configured days of inclusion (SPEC §9)', async () => {
    d.setDay('2026-11-02');
    const included = await monitoredToday();
    const bad = await req(users.village, 'PUT', `/api/households/${included}/responsible`, {
      name: '李干部',
      phone: '1234567',
      unit: '县乡村振兴局',
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'phone' } });
    const res = await req(users.village, 'PUT', `/api/households/${included}/responsible`, {
      name: '李干部',
      phone: '13800001234',
      unit: '县乡村振兴局',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '李干部', onTime: true });
    const h = (await req(users.county, 'GET', `/api/households/${included}`)).json();
    expect(h).toMatchObject({ responsiblePerson: '李干部', responsiblePhone: '13800001234' });
  });

  it('refuses the responsible person in a household edit and points to the assignment (SPEC §9)', async () => {
    d.setDay('2026-11-02');
    const included = await monitoredToday();
    const assigned = await req(users.village, 'PUT', `/api/households/${included}/responsible`, {
      name: '李干部',
      phone: '13800001234',
      unit: '县乡村振兴局',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const before = (await req(users.county, 'GET', `/api/households/${included}`)).json();
    for (const payload of [{ responsiblePerson: '张某' }, { address: '新地址', responsiblePhone: '13800009999' }]) {
      const res = await req(users.village, 'PATCH', `/api/households/${included}`, payload);
      expect(res.statusCode, res.body).toBe(400);
      const field = Object.keys(payload).find((k) => k.startsWith('responsible'));
      expect(res.json()).toMatchObject({
        code: 'REGISTRY_FIELD_MOVED',
        details: { field, endpoint: `PUT /api/households/${included}/responsible` },
      });
      expect(res.json().message).toContain(field);
      expect(res.json().message).toContain(`/api/households/${included}/responsible`);
    }
    const after = (await req(users.county, 'GET', `/api/households/${included}`)).json();
    expect(after).toMatchObject({
      address: before.address,
      responsiblePerson: '李干部',
      responsiblePhone: '13800001234',
      version: before.version,
    });
    const history = (await req(users.village, 'GET', `/api/households/${included}/assistance`)).json();
    expect(history.responsible.history).toHaveLength(1);
  });

  it('records progress, and completes a measure only with its result (SPEC §9)', async () => {
    d.setDay('2026-11-02');
    const included = await monitoredToday();
    const created = await req(users.village, 'POST', `/api/households/${included}/measures`, {
      subtype: 'job_placement',
      responsiblePerson: '县人社局王某',
      startOn: '2026-11-02',
      plannedEndOn: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json() as { id: string };
    const started = await req(users.village, 'POST', `/api/measures/${job.id}/progress`, {
      note: '已对接县内务工岗位，户主到岗',
      status: 'in_progress',
    });
    expect(started.statusCode, started.body).toBe(201);
    const noResult = await req(users.village, 'POST', `/api/measures/${job.id}/progress`, {
      note: '务工稳定',
      status: 'completed',
    });
    expect(noResult.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'result' } });
    const done = await req(users.village, 'POST', `/api/measures/${job.id}/progress`, {
      note: '务工稳定',
      status: 'completed',
      result: '户主在县工业园区务工，月工资3500元',
    });
    expect(done.statusCode, done.body).toBe(201);
    const m = (await req(users.village, 'GET', `/api/measures/${job.id}`)).json();
    expect(m).toMatchObject({ status: 'completed', result: '户主在县工业园区务工，月工资3500元' });
    expect(m.progress.map((p: { statusAfter: string }) => p.statusAfter)).toEqual(['in_progress', 'completed']);
    const again = await req(users.village, 'PATCH', `/api/measures/${job.id}`, { content: '改' });
    expect(again.json().code).toBe('MEASURE_FINISHED');
    const audit = (await req(await t.login('auditor'), 'GET', `/api/audit?entityId=${job.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['measure.create', 'measure.progress']),
    );
  });

  it('suggests a combined plan for several risks, development before protective (SPEC §9)', async () => {
    d.setDay('2026-11-02');
    const h = await monitoredHouseholdFixture(t, users.county, {
      riskTypes: ['income', 'housing', 'medical'],
      includedOn: '2026-10-20',
    });
    const s = (await req(users.township, 'GET', `/api/households/${h.id}/plan-suggestion`)).json();
    const lines = s.measures.map((m: { lineOfDefence: string }) => m.lineOfDefence);
    expect(lines[0]).toBe('development');
    expect(lines.slice(1)).toEqual(['protective', 'protective']);
    expect(s.measures.flatMap((m: { answersRisks: string[] }) => m.answersRisks).sort()).toEqual([
      'housing',
      'income',
      'medical',
    ]);
    for (const m of s.measures) expect(m.reason.length).toBeGreaterThan(5);
    expect(s.notes).toContain('风险复杂多样，因户施策落实综合性帮扶措施');
  });

  it('lists households without a responsible person past the deadline, and risks no measure answers (SPEC §9, §16)', async () => {
    d.setDay('2026-11-02');
    const late = await monitoredHouseholdFixture(t, users.county, {
      riskTypes: ['income', 'water'],
      includedOn: '2026-09-01',
    });
    const fresh = await monitoredHouseholdFixture(t, users.county, { riskTypes: ['income'], includedOn: '2026-10-30' });
    // Included long ago, but with a responsible person and a measure answering its one risk: on neither list.
    const answered = (
      await monitoredHouseholdFixture(t, users.county, { riskTypes: ['income'], includedOn: '2026-09-01' })
    ).id;
    const put = await req(users.village, 'PUT', `/api/households/${answered}/responsible`, {
      name: '李干部',
      phone: '13800001234',
      unit: '县乡村振兴局',
    });
    expect(put.statusCode, put.body).toBe(200);
    const measure = await req(users.village, 'POST', `/api/households/${answered}/measures`, {
      subtype: 'job_placement',
    });
    expect(measure.statusCode, measure.body).toBe(201);
    for (const cookie of [users.village, users.township, users.county]) {
      const g = (await req(cookie, 'GET', '/api/assistance/gaps')).json();
      const ids = g.withoutResponsible.items.map((i: { householdId: string }) => i.householdId);
      expect(ids).toContain(late.id);
      expect(ids).not.toContain(fresh.id);
      expect(ids).not.toContain(answered);
      const row = g.withoutResponsible.items.find((i: { householdId: string }) => i.householdId === late.id);
      expect(row).toMatchObject({ includedOn: '2026-09-01', dueOn: '2026-09-16', daysOverdue: 47 });
      const risky = g.unansweredRisks.items.find((i: { householdId: string }) => i.householdId === late.id);
      expect(risky.gaps).toEqual(['income', 'water']);
      expect(g.unansweredRisks.items.map((i: { householdId: string }) => i.householdId)).not.toContain(answered);
    }
    await req(users.village, 'POST', `/api/households/${late.id}/measures`, { subtype: 'water_safety_project' });
    const after = (await req(users.county, 'GET', '/api/assistance/gaps?region=621124')).json();
    expect(after.unansweredRisks.items.find((i: { householdId: string }) => i.householdId === late.id).gaps).toEqual([
      'income',
    ]);
  });

  it('runs the yearly review; its outcome starts the elimination procedure (SPEC §9, §8.3)', async () => {
    const included = await includeByProcedure();
    const job = await req(users.village, 'POST', `/api/households/${included}/measures`, { subtype: 'job_placement' });
    expect(job.statusCode, job.body).toBe(201);
    d.setDay('2026-12-20');
    for (const year of [2025, 2026]) {
      const r = await req(users.village, 'POST', `/api/households/${included}/incomes`, {
        year,
        wage: 36000,
        transfer: 2000,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const round = await req(users.village, 'POST', '/api/assistance/reviews', {
      villageCode: t.village,
      year: 2026,
      meeting: { date: '2026-12-18', attendees: ['王书记', '李主任', '驻村工作队张某'], minutes: '逐户评议帮扶成效' },
    });
    expect(round.statusCode, round.body).toBe(201);
    const reviewId = round.json().id;
    const judgement = {
      measuresTargeted: true,
      measuresEffective: true,
      riskPointsGone: ['income'],
      incomeStable: true,
      rigidExpenditureControllable: true,
      basicNeedsSecured: true,
    };
    const res = await req(
      users.village,
      'POST',
      `/api/assistance/reviews/${reviewId}/households/${included}`,
      judgement,
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.outcome).toBe('start_elimination');
    expect(r.caseId).toBeTruthy();
    const c = (await req(users.county, 'GET', `/api/cases/${r.caseId}`)).json();
    expect(c).toMatchObject({ kind: 'elimination', householdId: included, clueId: r.clueId });
    const clue = (await req(users.village, 'GET', `/api/clues/${r.clueId}`)).json();
    expect(clue).toMatchObject({ status: 'closed', result: 'start_elimination', caseId: r.caseId });
    const dup = await req(
      users.village,
      'POST',
      `/api/assistance/reviews/${reviewId}/households/${included}`,
      judgement,
    );
    expect(dup.json().code).toBe('REVIEW_DUPLICATE');
    const got = (await req(users.township, 'GET', `/api/assistance/reviews/${reviewId}`)).json();
    expect(got).toMatchObject({ year: 2026, meetingDate: '2026-12-18', minutes: '逐户评议帮扶成效' });
    expect(got.households[0]).toMatchObject({ householdId: included, outcome: 'start_elimination', caseId: r.caseId });
  });

  it('keeps a household without labour monitored, whatever its income (SPEC §8.3)', async () => {
    d.setDay('2026-12-20');
    const elderly = [
      { name: '刘大爷', idNumber: makeIdNumber('19400101', 'male'), relation: 'head', labor: 'none' },
      { name: '刘大娘', idNumber: makeIdNumber('19420303', 'female'), relation: 'spouse', labor: 'none' },
    ];
    const h = await monitoredHouseholdFixture(t, users.county, { members: elderly, includedOn: '2026-06-01' });
    const round = await req(users.village, 'POST', '/api/assistance/reviews', {
      villageCode: t.village,
      year: 2026,
      meeting: { date: '2026-12-19', attendees: ['王书记'], minutes: '补充评议' },
    });
    const res = await req(users.village, 'POST', `/api/assistance/reviews/${round.json().id}/households/${h.id}`, {
      measuresTargeted: true,
      measuresEffective: true,
      riskPointsGone: ['income'],
      incomeStable: true,
      rigidExpenditureControllable: true,
      basicNeedsSecured: true,
      perCapitaIncome: 12000,
      previousPerCapitaIncome: 11000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'keep_monitoring', caseId: null, clueId: null });
  });

  it('refuses a village user of another village (404) and a supervisor who writes (403) (SPEC §3)', async () => {
    d.setDay('2026-12-20');
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    const other = await monitoredHouseholdFixture(t, users.county, {
      regionCode: villages[1]?.code as string,
      includedOn: '2026-10-01',
    });
    for (const [method, url, body] of [
      ['GET', `/api/households/${other.id}/plan-suggestion`],
      ['GET', `/api/households/${other.id}/assistance`],
      ['POST', `/api/households/${other.id}/measures`, { subtype: 'job_placement' }],
      ['PUT', `/api/households/${other.id}/responsible`, { name: '某', phone: '13800001111', unit: '某单位' }],
    ] as const) {
      const res = await req(users.village, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await req(users.township, 'GET', `/api/households/${other.id}/plan-suggestion`)).statusCode).toBe(200);
    const supervisor = await t.login('supervisor');
    expect((await req(supervisor, 'GET', `/api/households/${other.id}/assistance`)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', `/api/households/${other.id}/measures`, { subtype: 'job_placement' }],
      ['PUT', `/api/households/${other.id}/responsible`, { name: '某', phone: '13800001111', unit: '某单位' }],
      [
        'POST',
        '/api/assistance/reviews',
        { villageCode: t.village, year: 2026, meeting: { date: '2026-12-01', attendees: ['某'], minutes: '某' } },
      ],
    ] as const) {
      const res = await req(supervisor, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('AUTH_FORBIDDEN');
    }
  });

  it('shows a department user the measures it delivers only, and lets it record their delivery (SPEC §1)', async () => {
    d.setDay('2026-12-20');
    const h = await monitoredHouseholdFixture(t, users.county, {
      riskTypes: ['medical', 'income'],
      includedOn: '2026-12-01',
    });
    const med = (
      await req(users.village, 'POST', `/api/households/${h.id}/measures`, { subtype: 'medical_assistance' })
    ).json();
    const work = (
      await req(users.village, 'POST', `/api/households/${h.id}/measures`, { subtype: 'job_placement' })
    ).json();
    const dept = await t.login('department'); // 医保局 (medical_insurance)
    const list = (await req(dept, 'GET', '/api/measures')).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(med.id);
    expect(list.items.every((m: { department: string }) => m.department === 'medical_insurance')).toBe(true);
    expect((await req(dept, 'GET', `/api/measures/${work.id}`)).statusCode).toBe(404);
    const progress = await req(dept, 'POST', `/api/measures/${med.id}/progress`, {
      note: '一站式结算医疗救助2300元',
      status: 'completed',
      result: '已落实医疗救助',
    });
    expect(progress.statusCode, progress.body).toBe(201);
    const edit = await req(dept, 'PATCH', `/api/measures/${work.id}`, { status: 'cancelled', result: 'x' });
    expect(edit.statusCode).toBe(404);
    const content = await req(dept, 'PATCH', `/api/measures/${med.id}`, { content: '改写' });
    expect(content.statusCode).toBe(403);
  });

  it('takes the 特困 ages from the region settings, with history (SPEC §3, §9)', async () => {
    d.setDay('2026-12-20');
    const h = await monitoredHouseholdFixture(t, users.county, {
      members: [
        { name: '马五十七', idNumber: makeIdNumber('19690301', 'male'), relation: 'head', labor: 'none' },
        { name: '马五十八', idNumber: makeIdNumber('19680505', 'female'), relation: 'spouse', labor: 'none' },
      ],
      riskTypes: ['income'],
      includedOn: '2026-10-01',
    });
    const kind = async () => {
      const res = await req(users.village, 'GET', `/api/households/${h.id}/plan-suggestion`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().backstopProposal?.kind;
    };
    expect(await kind()).toBe('dibao'); // 57 and 58: not 老年人 at the default 60
    try {
      await t.services.settings.set(SYSTEM_ACTOR, 'assistance.tekunAges', t.village, { elderlyAge: 55 });
      expect(await kind()).toBe('tekun');
      await t.services.settings.set(SYSTEM_ACTOR, 'assistance.tekunAges', t.village, { elderlyAge: 30 });
      const bad = await req(users.village, 'GET', `/api/households/${h.id}/plan-suggestion`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'SETTING_INVALID' });
      expect(bad.json().message).toContain('elderlyAge');
    } finally {
      await t.services.settings.set(SYSTEM_ACTOR, 'assistance.tekunAges', t.village, {});
    }
    expect(await kind()).toBe('dibao');
    const history = await t.services.settings.history('assistance.tekunAges', t.village);
    expect(history.map((r) => r.value)).toEqual([{}, { elderlyAge: 30 }, { elderlyAge: 55 }]);
  });

  it('takes the compulsory-education age range from the region, in assessment and in the plan alike (SPEC §3, §7.3, §9)', async () => {
    // 17 on 1 September 2025 and 18 on the day of the suggestion: outside the default 6–16.
    d.setDay('2026-12-20');
    const h = await monitoredHouseholdFixture(t, users.county, {
      members: [
        { name: '杨大山', idNumber: makeIdNumber('19750312', 'male'), relation: 'head', labor: 'full' },
        {
          name: '杨小山',
          idNumber: makeIdNumber('20080601', 'male'),
          relation: 'child',
          labor: 'none',
          education: 'dropout',
        },
      ],
      riskTypes: ['education'],
      includedOn: '2026-10-01',
    });
    const income = await req(users.village, 'POST', `/api/households/${h.id}/incomes`, { year: 2025, wage: 60000 });
    expect(income.statusCode, income.body).toBe(201);
    const assessed = async () => {
      const res = await req(users.village, 'POST', `/api/households/${h.id}/assess?year=2025`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result.riskTypes;
    };
    const education = async () =>
      (await req(users.village, 'GET', `/api/households/${h.id}/plan-suggestion`))
        .json()
        .measures.map((m: { subtype: string }) => m.subtype);
    expect(await assessed()).toEqual([]);
    expect(await education()).toEqual(['yulu']); // past compulsory age: vocational education
    try {
      await t.services.settings.set(SYSTEM_ACTOR, 'assessment.thresholds', t.village, { compulsoryEducationAgeTo: 18 });
      expect(await assessed()).toEqual(['education']);
      expect(await education()).toEqual(['dropout_return']);
    } finally {
      await t.services.settings.set(SYSTEM_ACTOR, 'assessment.thresholds', t.village, {});
    }
    expect(await assessed()).toEqual([]);
  });

  it('gives a list the same 三色 as each household file, and leaves out households outside the region (SPEC §16)', async () => {
    d.setDay('2026-11-02');
    const unanswered = await monitoredHouseholdFixture(t, users.county, {
      riskTypes: ['water'],
      includedOn: '2026-10-30',
    });
    const plain = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village))).id;
    const answered = await monitoredToday();
    const measure = await req(users.village, 'POST', `/api/households/${answered}/measures`, {
      subtype: 'job_placement',
    });
    expect(measure.statusCode, measure.body).toBe(201);
    const ids = [answered, unanswered.id, plain];
    const res = await req(users.village, 'GET', `/api/households/risk-colours?ids=${ids.join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    const colours = res.json();
    for (const id of ids) {
      const file = (await req(users.village, 'GET', `/api/households/${id}/assistance`)).json();
      expect(colours[id], id).toEqual(file.riskColour);
    }
    expect(colours[unanswered.id]).toEqual({ colour: 'red', reason: '饮水风险尚未落实帮扶措施' });
    expect(colours[plain]).toEqual({ colour: 'green', reason: '无未消除的风险' });

    // Another village's user gets nothing about these households; a malformed list is refused by name.
    const stranger = await req(await otherVillageUser(), 'GET', `/api/households/risk-colours?ids=${ids.join(',')}`);
    expect(stranger.json()).toEqual({});
    const bad = await req(users.village, 'GET', '/api/households/risk-colours?ids=1;2');
    expect(bad.statusCode).toBe(400);
  });

  it('prints 明白卡 for a household and for a village, with policies for its risks and no personal numbers (SPEC §16)', async () => {
    d.setDay('2026-11-02');
    const h = await monitoredHouseholdFixture(t, users.county, {
      riskTypes: ['medical'],
      category: 'sudden',
      includedOn: '2026-10-20',
    });
    const put = await req(users.village, 'PUT', `/api/households/${h.id}/responsible`, {
      name: '王帮扶',
      unit: '县农业农村局',
      phone: '13912345678',
    });
    expect(put.statusCode, put.body).toBe(200);
    const one = await req(users.village, 'GET', `/api/assistance/cards?household=${h.id}`);
    expect(one.statusCode, one.body).toBe(200);
    const card = one.json();
    expect(card).toMatchObject({ hotline: '12317', title: '防止返贫监测帮扶明白卡' });
    expect(card.cards).toHaveLength(1);
    expect(card.cards[0]).toMatchObject({
      householdCode: h.code,
      headName: '张建国',
      monitored: true,
      categoryName: '突发严重困难户',
      riskNames: ['医疗'],
      responsible: { name: '王帮扶', unit: '县农业农村局', phone: '13912345678' },
    });
    expect(card.cards[0].members.map((m: { name: string }) => m.name)).toEqual(['张建国', '李秀英', '张小明']);
    expect(card.cards[0].policies.length).toBeGreaterThan(0);
    // Nothing that identifies a member or tells their income or health is on the card (SPEC §17).
    expect(one.body).not.toMatch(/\d{17}[\dX]|\d{6}\*+/);
    expect(one.body).not.toMatch(/income|health|idNumber/i);

    const batch = await req(users.village, 'GET', `/api/assistance/cards?village=${t.village}`);
    expect(batch.statusCode, batch.body).toBe(200);
    const codes = batch.json().cards.map((c: { householdCode: string }) => c.householdCode);
    expect(codes).toContain(h.code);
    expect(batch.json().cards.every((c: { monitored: boolean }) => c.monitored)).toBe(true);

    const printed = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['household_id'])
      .where('action', '=', 'household.card_print')
      .execute();
    expect(printed.map((r) => r.household_id)).toContain(h.id);
    const stranger = await req(await otherVillageUser(), 'GET', `/api/assistance/cards?household=${h.id}`);
    expect(stranger.statusCode).toBe(404);
    const none = await req(users.village, 'GET', '/api/assistance/cards');
    expect(none.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'village' } });
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    d.setDay('2026-11-02');
    const h = await monitoredToday();
    expect(
      (await req(users.village, 'POST', `/api/households/${h}/measures`, { subtype: 'job_placement' })).statusCode,
    ).toBe(201);
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('measure.create');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

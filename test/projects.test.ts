import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(name: string, content: Buffer) {
  const boundary = '----sxprojectfiling';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A project entry as the county project officer files it; `over` changes fields. */
const entry = (over: Record<string, unknown> = {}) => ({
  name: '洮阳镇高原夏菜产业园建设项目',
  regionCode: '621124',
  year: 2026,
  type: '产业发展',
  funds: [
    { level: 'central', source: 'linkage', amountYuan: 800_000 },
    { level: 'provincial', source: 'linkage', amountYuan: 200_000 },
    { level: 'county', source: 'other', amountYuan: 150_000.5 },
  ],
  taskForce: '洮阳镇产业项目专班',
  manager: '王建军',
  ...over,
});

const PLAN = {
  months: [
    { month: '2026-03', milestones: ['approval'], paymentShare: 0 },
    { month: '2026-04', milestones: ['tendering'], paymentShare: 0 },
    { month: '2026-05', milestones: ['construction'], paymentShare: 0.3 },
    { month: '2026-06', milestones: ['payment'], paymentShare: 0.6 },
    { month: '2026-07', milestones: ['final_accounts', 'audit_acceptance'], paymentShare: 1 },
  ],
};

describe(`assistance-fund projects on ${ENGINE} (SPEC §13)`, () => {
  let t: TestApp;
  let officer: string;
  let county: string;
  let township: string;
  let village: string;
  let keyId: string;
  let smallId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-07-20T10:00:00+08:00') });
    // the county project officer keeps the library (docs/decisions/0036); the county bureau and below read it
    [officer, county, township, village] = [
      await t.login('project'),
      await t.login('county'),
      await t.login('township'),
      await t.login('village'),
    ];
  });
  afterAll(() => t.close());

  const post = (cookie: string, url: string, payload: object) => t.request(cookie, { method: 'POST', url, payload });
  const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });
  const field = (res: { json(): { details?: { field?: string; fields?: unknown } } }) => res.json().details?.field;

  async function approve(id: string, keyResponsible?: object) {
    let version = (await get(officer, `/api/projects/${id}`)).json().project.version;
    for (const to of ['reviewing', 'approved', 'implementing'] as const) {
      const res = await post(officer, `/api/projects/${id}/status`, {
        to,
        version,
        ...(to === 'reviewing' ? { publicityFrom: '2026-02-01', publicityTo: '2026-02-10' } : {}),
        ...(to === 'approved' && keyResponsible ? { keyResponsible } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
  }

  it('enters a project with funds by level and source; ≥ 1,000,000 yuan of 衔接资金 makes it a key project (SPEC §13)', async () => {
    const res = await post(officer, '/api/projects', entry());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    keyId = p.id;
    expect(p).toMatchObject({
      status: 'proposed',
      linkageYuan: 1_000_000,
      totalYuan: 1_150_000.5,
      keyProject: true,
      fundName: '衔接资金',
      regionName: '临洮县',
      warning: null,
    });
    const small = await post(
      officer,
      '/api/projects',
      entry({
        name: '村道硬化项目',
        type: '基础设施',
        regionCode: t.village,
        funds: [{ level: 'county', source: 'linkage', amountYuan: 300_000 }],
      }),
    );
    expect(small.statusCode, small.body).toBe(201);
    smallId = small.json().id;
    expect(small.json().keyProject).toBe(false);
  });

  it('refuses a bad entry naming the field: type outside the catalogue, fen fractions, no funds, other roles (SPEC §13)', async () => {
    const badType = await post(officer, '/api/projects', entry({ type: '招商引资' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ code: 'PROJECT_INVALID', details: { field: 'type' } });
    const badAmount = await post(
      officer,
      '/api/projects',
      entry({ funds: [{ level: 'central', source: 'linkage', amountYuan: 10.005 }] }),
    );
    expect(field(badAmount)).toBe('funds.0.amountYuan');
    const zero = await post(
      officer,
      '/api/projects',
      entry({ funds: [{ level: 'central', source: 'linkage', amountYuan: 0 }] }),
    );
    expect(field(zero)).toBe('funds');
    expect((await post(officer, '/api/projects', entry({ funds: [] }))).statusCode).toBe(400);
    expect((await post(village, '/api/projects', entry())).statusCode).toBe(403);
    expect((await post(township, '/api/projects', entry())).statusCode).toBe(403);
    expect((await post(officer, '/api/projects', entry({ regionCode: '620102' }))).statusCode).toBe(403);
  });

  it('only the county project officer writes the library; the county, admin, township and village read (issue 15)', async () => {
    const admin = await t.login('admin');
    const v = (await get(officer, `/api/projects/${smallId}`)).json().project.version;
    const writes: [string, object][] = [
      ['/api/projects', entry({ name: '不应入库的项目' })],
      [`/api/projects/${smallId}/status`, { to: 'withdrawn', version: v, note: '调整出库' }],
      [`/api/projects/${smallId}/plan`, PLAN],
      [`/api/projects/${smallId}/progress`, { month: '2026-06', milestones: [], worksShare: 0, paidYuan: 0 }],
      [`/api/projects/${smallId}/beneficiaries`, { householdId: smallId, way: 'job', amountYuan: 1 }],
      [`/api/projects/${smallId}/filings/pre/submit`, {}],
    ];
    for (const [who, cookie] of Object.entries({ county, admin, township, village })) {
      for (const [url, body] of writes) {
        const res = await post(cookie, url, body);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().code).toBe('AUTH_FORBIDDEN');
        expect(res.json().message).toMatch(/^您的角色（.+）无权执行此操作，衔接资金项目由县级项目管理员办理$/);
      }
      const read = await get(cookie, `/api/projects/${smallId}`);
      expect(read.statusCode, who).toBe(200);
      expect(read.json()).toMatchObject({ canEdit: false, nextStatuses: [] });
    }
    const mine = (await get(officer, `/api/projects/${smallId}`)).json();
    expect(mine.canEdit).toBe(true);
    expect(mine.nextStatuses.length).toBeGreaterThan(0);
    expect((await get(officer, `/api/projects/${smallId}`)).json().project.version).toBe(v);
  });

  it('keeps the project officer to the fund library and its own county (issue 15, docs/decisions/0036)', async () => {
    // the household list answers (to pick a beneficiary); files, cases, clues, reports and registry writes do not
    expect((await get(officer, '/api/households?name=张')).statusCode).toBe(200);
    for (const url of ['/api/cases', '/api/clues', '/api/reports/dashboard', '/api/audit', '/api/users']) {
      const res = await get(officer, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN', message: '您的角色（项目管理员）无权执行此操作' });
    }
    const h = await post(officer, '/api/households', householdPayload(t.village));
    expect(h.statusCode).toBe(403);
    // an officer of another county sees none of this county's projects and files nothing here
    await t.ctx.database.db
      .insertInto('regions')
      .values({ code: '621125', name: '邻县（测试）', level: 3, parent_code: '621100' })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'neighbour',
      password: 'Demo@2026',
      demo: true,
      role: 'project_officer',
      displayName: '邻县项目管理员',
      regionCode: '621125',
      department: null,
    });
    const neighbour = await t.login('neighbour');
    expect((await get(neighbour, '/api/projects?year=2026')).json()).toEqual([]);
    expect((await get(neighbour, `/api/projects/${keyId}`)).statusCode).toBe(404);
    const elsewhere = await post(neighbour, '/api/projects', entry({ regionCode: '621124' }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('review needs publicity, a key project needs its city, district and town responsible persons, exit a reason (SPEC §13)', async () => {
    const v = (await get(officer, `/api/projects/${keyId}`)).json().project.version;
    const noPublicity = await post(officer, `/api/projects/${keyId}/status`, { to: 'reviewing', version: v });
    expect(field(noPublicity)).toBe('publicityFrom');
    const skip = await post(officer, `/api/projects/${keyId}/status`, { to: 'implementing', version: v });
    expect(skip.statusCode).toBe(409);
    const reviewing = await post(officer, `/api/projects/${keyId}/status`, {
      to: 'reviewing',
      version: v,
      publicityFrom: '2026-02-01',
      publicityTo: '2026-02-10',
    });
    expect(reviewing.statusCode, reviewing.body).toBe(200);
    const noResponsible = await post(officer, `/api/projects/${keyId}/status`, {
      to: 'approved',
      version: reviewing.json().version,
      keyResponsible: { city: '市乡村振兴局 刘副局长' },
    });
    expect(field(noResponsible)).toBe('keyResponsible.district');
    const approved = await post(officer, `/api/projects/${keyId}/status`, {
      to: 'approved',
      version: reviewing.json().version,
      keyResponsible: { city: '市乡村振兴局 刘副局长', district: '县政府 张副县长', town: '洮阳镇 李镇长' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().keyResponsible).toEqual({
      city: '市乡村振兴局 刘副局长',
      district: '县政府 张副县长',
      town: '洮阳镇 李镇长',
    });
    const stale = await post(officer, `/api/projects/${keyId}/status`, { to: 'implementing', version: v });
    expect(stale.statusCode).toBe(409);

    const gone = await post(
      officer,
      '/api/projects',
      entry({ name: '规模过大的冷库项目', funds: [{ level: 'county', source: 'other', amountYuan: 10 }] }),
    );
    const gv = gone.json().version;
    expect(field(await post(officer, `/api/projects/${gone.json().id}/status`, { to: 'withdrawn', version: gv }))).toBe(
      'note',
    );
    const out = await post(officer, `/api/projects/${gone.json().id}/status`, {
      to: 'withdrawn',
      version: gv,
      note: '论证认为与巩固成果结合不紧密，调出项目库',
    });
    expect(out.json()).toMatchObject({ status: 'withdrawn', exitReason: '论证认为与巩固成果结合不紧密，调出项目库' });
    const d = (await get(officer, `/api/projects/${gone.json().id}`)).json();
    expect(d.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['proposed', 'withdrawn']);
    expect(d.nextStatuses).toEqual([]);
  });

  it('takes a monthly plan of the six milestones and refuses a decreasing payment share (SPEC §13)', async () => {
    const bad = await post(officer, `/api/projects/${keyId}/plan`, {
      months: [
        { month: '2026-05', milestones: [], paymentShare: 0.5 },
        { month: '2026-06', milestones: [], paymentShare: 0.4 },
      ],
    });
    expect(bad.json()).toMatchObject({ code: 'PROJECT_INVALID', details: { field: 'months.1.paymentShare' } });
    const badMilestone = await post(officer, `/api/projects/${keyId}/plan`, {
      months: [{ month: '2026-05', milestones: ['groundbreaking'], paymentShare: 0.5 }],
    });
    expect(badMilestone.statusCode).toBe(400);
    const res = await post(officer, `/api/projects/${keyId}/plan`, PLAN);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plan).toEqual(PLAN.months);
  });

  it('gives blue, yellow, red and blue again from the monthly progress reports, by the 枣庄 rules (SPEC §13)', async () => {
    await approve(smallId);
    await post(officer, `/api/projects/${smallId}/plan`, {
      months: [{ month: '2026-06', milestones: ['approval'], paymentShare: 0 }],
    });
    const total = 1_150_000.5;
    const report = (month: string, milestones: string[], paid: number) =>
      post(officer, `/api/projects/${keyId}/progress`, { month, milestones, worksShare: paid / total, paidYuan: paid });
    const colours = async (month: string) => {
      const w = await get(officer, `/api/projects/warnings?region=621124&month=${month}`);
      expect(w.statusCode, w.body).toBe(200);
      return Object.fromEntries(
        w.json().projects.map((p: { id: string; colour: string; reason: string }) => [p.id, p]),
      ) as Record<string, { colour: string; reason: string; missedMonths: number }>;
    };
    expect((await report('2026-03', ['approval'], 0)).statusCode).toBe(200);
    expect((await report('2026-04', ['tendering'], 0)).statusCode).toBe(200);
    expect((await colours('2026-04'))[keyId]).toMatchObject({ colour: 'blue', reason: '达到当月进度要求' });
    expect((await colours('2026-05'))[keyId]).toMatchObject({
      colour: 'yellow',
      reason: '未达到当月进度要求：未完成施工监理，资金支付落后计划30个百分点',
    });
    expect((await colours('2026-06'))[keyId]).toMatchObject({ colour: 'red', missedMonths: 2 });
    // The small project planned approval in June and never started.
    expect((await colours('2026-06'))[smallId]).toMatchObject({
      colour: 'yellow',
      reason: '计划月份未开工：未完成审批',
    });
    // July: everything done and paid — back to blue.
    const july = await report('2026-07', ['construction', 'payment', 'final_accounts', 'audit_acceptance'], total);
    expect(july.statusCode, july.body).toBe(200);
    expect((await colours('2026-07'))[keyId]).toMatchObject({
      colour: 'blue',
      reason: '达到当月进度要求，由红牌转为蓝牌',
    });
    const d = (await get(officer, `/api/projects/${keyId}?month=2026-07`)).json();
    expect(d.history.map((w: { colour: string }) => w.colour)).toEqual(['blue', 'blue', 'yellow', 'red', 'blue']);
    // The list filters by this month's colour.
    const red = (await get(officer, '/api/projects?year=2026&colour=red&month=2026-06')).json();
    expect(red.map((p: { id: string }) => p.id)).toEqual([keyId]);
  });

  it('refuses progress for a future month, above the investment or below an earlier month, naming the field (SPEC §13)', async () => {
    const future = await post(officer, `/api/projects/${keyId}/progress`, {
      month: '2026-08',
      milestones: [],
      worksShare: 1,
      paidYuan: 1,
    });
    expect(field(future)).toBe('month');
    const tooMuch = await post(officer, `/api/projects/${keyId}/progress`, {
      month: '2026-07',
      milestones: [],
      worksShare: 1,
      paidYuan: 2_000_000,
    });
    expect(field(tooMuch)).toBe('paidYuan');
    const backwards = await post(officer, `/api/projects/${keyId}/progress`, {
      month: '2026-05',
      milestones: [],
      worksShare: 0.5,
      paidYuan: 10,
    });
    expect(backwards.statusCode).toBe(200);
    const below = await post(officer, `/api/projects/${keyId}/progress`, {
      month: '2026-06',
      milestones: [],
      worksShare: 0.5,
      paidYuan: 5,
    });
    expect(field(below)).toBe('paidYuan');
    expect(
      (
        await post(township, `/api/projects/${keyId}/progress`, {
          month: '2026-07',
          milestones: [],
          worksShare: 1,
          paidYuan: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps the fund name and the warning variant as region settings (SPEC §3, §13)', async () => {
    const bad = await t.request(county, {
      method: 'PUT',
      url: '/api/projects/rules',
      payload: { regionCode: '621124', value: { warning: { toleratedPoints: 20, redAbovePoints: 10 } } },
    });
    expect(bad.json()).toMatchObject({
      code: 'PROJECT_RULES_INVALID',
      details: { field: 'value.warning.redAbovePoints' },
    });
    const res = await t.request(county, {
      method: 'PUT',
      url: '/api/projects/rules',
      payload: {
        regionCode: '621124',
        value: {
          fundName: '常态化帮扶资金',
          warning: { toleratedPoints: 10, redAfterMissedMonths: 3, redAbovePoints: 30 },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ setAt: '621124', value: { fundName: '常态化帮扶资金' } });
    const w = (await get(officer, '/api/projects/warnings?region=621124&month=2026-06')).json();
    // 60 points behind in June: more than 30 → red at once under this variant.
    expect(w.projects.find((p: { id: string }) => p.id === keyId)).toMatchObject({
      colour: 'red',
      reason: '未完成施工监理、报账拨款，资金支付落后计划60个百分点（超过30个百分点）',
    });
    expect((await get(officer, `/api/projects/${keyId}`)).json().project.fundName).toBe('常态化帮扶资金');
    expect(
      (
        await t.request(township, {
          method: 'PUT',
          url: '/api/projects/rules',
          payload: { regionCode: t.township, value: {} },
        })
      ).statusCode,
    ).toBe(403);
    await t.request(county, {
      method: 'PUT',
      url: '/api/projects/rules',
      payload: { regionCode: '621124', value: {} },
    });
  });

  it('the month’s bulletin matches the project list, by colour, region and manager, and exports to Excel (SPEC §13)', async () => {
    const b = (await get(officer, '/api/projects/bulletin?region=621124&month=2026-06')).json();
    expect(b.counts).toEqual({ blue: 0, yellow: 1, red: 1, total: 2 });
    for (const colour of ['blue', 'yellow', 'red'] as const) {
      const list = (await get(officer, `/api/projects?region=621124&colour=${colour}&month=2026-06`)).json();
      expect(list.map((p: { id: string }) => p.id).sort()).toEqual(
        b.projects
          .filter((p: { colour: string }) => p.colour === colour)
          .map((p: { id: string }) => p.id)
          .sort(),
      );
    }
    expect(b.projects.map((p: { colour: string }) => p.colour)).toEqual(['red', 'yellow']);
    expect(b.byManager).toEqual([{ manager: '王建军', blue: 0, yellow: 1, red: 1, total: 2 }]);
    expect(b.byRegion.map((r: { total: number }) => r.total).reduce((a: number, c: number) => a + c, 0)).toBe(2);
    const x = await get(officer, '/api/projects/bulletin/export?region=621124&month=2026-06');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]?.getCell('A1').value)).toBe('临洮县2026年6月衔接资金项目“红黄蓝”预警通报');
    expect(wb.worksheets[0]?.getRow(3).getCell(8).value).toBe('红牌');
  });

  it('links beneficiary households from the registry, counts X户Y人 with monitored ones, shows them in the household file (SPEC §13)', async () => {
    const h = await post(village, '/api/households', householdPayload(t.village));
    expect(h.statusCode, h.body).toBe(201);
    const householdId = h.json().id;
    const add = await post(officer, `/api/projects/${keyId}/beneficiaries`, {
      householdId,
      way: 'job',
      amountYuan: 12_000,
    });
    expect(add.statusCode, add.body).toBe(201);
    await post(officer, `/api/projects/${keyId}/beneficiaries`, { householdId, way: 'dividend', amountYuan: 800.5 });
    const again = await post(officer, `/api/projects/${keyId}/beneficiaries`, {
      householdId,
      way: 'job',
      amountYuan: 1,
    });
    expect(again.statusCode).toBe(409);
    const d = (await get(officer, `/api/projects/${keyId}`)).json();
    expect(d.benefit).toEqual({
      households: 1,
      persons: 3,
      monitoredHouseholds: 0,
      monitoredPersons: 0,
      amountYuan: 12_800.5,
    });
    expect(d.beneficiaries).toHaveLength(2);
    const unknown = await post(officer, `/api/projects/${keyId}/beneficiaries`, {
      householdId: '00000000-0000-4000-8000-000000000000',
      way: 'job',
      amountYuan: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(field(unknown)).toBe('householdId');
    const benefits = (await get(village, `/api/households/${householdId}/project-benefits`)).json();
    expect(benefits.map((b: { way: string }) => b.way).sort()).toEqual(['dividend', 'job']);
    expect(benefits[0].projectName).toBe('洮阳镇高原夏菜产业园建设项目');
    // A household outside the reader's scope is not found.
    const other = await t.ctx.database.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', 'like', '621124%')
      .where('code', 'not like', `${t.township}%`)
      .executeTakeFirstOrThrow();
    const far = await post(county, '/api/households', householdPayload(other.code));
    expect(far.statusCode, far.body).toBe(201);
    expect((await get(township, `/api/households/${far.json().id}/project-benefits`)).statusCode).toBe(404);
  });

  it('双报备: the project officer files a complete checklist, the city supervisor returns or approves it (SPEC §13)', async () => {
    const upload = (id: string, kind: string, item: string, who = officer) =>
      t.request(who, {
        method: 'POST',
        url: `/api/projects/${id}/filings/${kind}/files?item=${item}`,
        ...multipart(`${item}.png`, PNG),
      });
    const fresh = (await post(officer, '/api/projects', entry({ name: '报备测试项目' }))).json();
    const incomplete = await upload(fresh.id, 'pre', 'library');
    expect(incomplete.statusCode, incomplete.body).toBe(200);
    const refused = await post(officer, `/api/projects/${fresh.id}/filings/pre/submit`, {});
    expect(refused.json()).toMatchObject({ code: 'PROJECT_FILING_INCOMPLETE', details: { field: 'items.plan' } });
    expect((await upload(fresh.id, 'pre', 'plan', township)).statusCode).toBe(403);
    await upload(fresh.id, 'pre', 'plan');
    const submitted = await post(officer, `/api/projects/${fresh.id}/filings/pre/submit`, {
      note: '2026年度项目库及实施方案',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()[0].filing).toMatchObject({ status: 'submitted', submittedBy: 'project' });
    // Only the city's supervisor reviews; a return needs the reason.
    expect(
      (await post(officer, `/api/projects/${fresh.id}/filings/pre/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const supervisor = await t.login('supervisor');
    const noReason = await post(supervisor, `/api/projects/${fresh.id}/filings/pre/decision`, { decision: 'return' });
    expect(field(noReason)).toBe('note');
    const returned = await post(supervisor, `/api/projects/${fresh.id}/filings/pre/decision`, {
      decision: 'return',
      note: '联农带农机制不健全，请补充利益联结方式',
    });
    expect(returned.json()[0].filing).toMatchObject({
      status: 'returned',
      decisionNote: '联农带农机制不健全，请补充利益联结方式',
    });
    await post(officer, `/api/projects/${fresh.id}/filings/pre/submit`, { note: '已补充' });
    const approved = await post(supervisor, `/api/projects/${fresh.id}/filings/pre/decision`, { decision: 'approve' });
    expect(approved.json()[0].filing).toMatchObject({ status: 'approved', reviewedBy: 'supervisor' });

    // After acceptance: five documents, and only once the project is accepted.
    expect((await post(officer, `/api/projects/${keyId}/filings/post/submit`, {})).statusCode).toBe(409);
    const v = (await get(officer, `/api/projects/${keyId}`)).json().project.version;
    const started = await post(officer, `/api/projects/${keyId}/status`, { to: 'implementing', version: v });
    expect(started.statusCode, started.body).toBe(200);
    const accepted = await post(officer, `/api/projects/${keyId}/status`, {
      to: 'accepted',
      version: started.json().version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const post1 = await post(officer, `/api/projects/${keyId}/filings/post/submit`, {});
    expect(post1.json().message).toBe(
      '报备材料不齐：缺少验收报告、决算审计报告、资金报账凭证、运营合同协议、资产移交协议',
    );
    for (const item of [
      'acceptance_report',
      'audit_report',
      'payment_vouchers',
      'operating_contracts',
      'asset_transfer',
    ]) {
      expect((await upload(keyId, 'post', item)).statusCode).toBe(200);
    }
    expect((await post(officer, `/api/projects/${keyId}/filings/post/submit`, {})).statusCode).toBe(200);
    const list = (await get(supervisor, `/api/projects/${keyId}/filings`)).json();
    expect(list[1].items.every((i: { files: unknown[] }) => i.files.length === 1)).toBe(true);
    expect(list[1].filing.status).toBe('submitted');
  });

  it('writes an audit row for every change, all of known actions (SPEC §13, §17)', async () => {
    const rows = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', 'in', ['project', 'project_bulletin', 'project_filing'])
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'project.create',
      'project.status',
      'project.plan',
      'project.progress',
      'project.beneficiary',
      'project.bulletin_export',
    ]) {
      expect(actions).toContain(a);
    }
    expect(rows.filter((r) => r.action === 'project.progress').length).toBe(4);
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

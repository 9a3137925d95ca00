import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** The asset register of assistance-fund projects (SPEC §13 item 6) over HTTP, by the county's two officers. */
describe(`project assets on ${ENGINE} (SPEC §13)`, () => {
  let t: TestApp;
  let officer: string;
  let second: string;
  let county: string;
  let village: string;
  let supervisor: string;
  let projectId: string;
  let assetId: string;

  const post = (cookie: string, url: string, payload: object) => t.request(cookie, { method: 'POST', url, payload });
  const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });

  async function moveTo(to: string, extra: object = {}) {
    const v = (await get(officer, `/api/projects/${projectId}`)).json().project.version;
    const res = await post(officer, `/api/projects/${projectId}/status`, { to, version: v, ...extra });
    expect(res.statusCode, res.body).toBe(200);
  }

  const asset = (over: Record<string, unknown> = {}) => ({
    name: '当归初加工车间',
    kind: 'operating',
    valueYuan: 680_000,
    regionCode: t.village,
    location: '车间位于村委会东侧200米',
    ownerKind: 'collective',
    ownerName: '村股份经济合作社',
    caretaker: '村委会主任 张建国',
    registeredOn: '2026-07-10',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-07-20T10:00:00+08:00') });
    // two project officers (docs/decisions/0036): the one who asks never approves
    [officer, second, county, village, supervisor] = [
      await t.login('project'),
      await t.login('project2'),
      await t.login('county'),
      await t.login('village'),
      await t.login('supervisor'),
    ];
    const created = await post(officer, '/api/projects', {
      name: '中药材初加工及仓储车间项目',
      regionCode: t.township,
      year: 2026,
      type: '产业发展',
      funds: [{ level: 'central', source: 'linkage', amountYuan: 700_000 }],
      taskForce: '中药材产业项目专班',
      manager: '李红梅',
    });
    expect(created.statusCode, created.body).toBe(201);
    projectId = created.json().id;
  });
  afterAll(() => t.close());

  it('registers assets only once the project is accepted, within its county, with a clear error per field', async () => {
    const early = await post(officer, `/api/projects/${projectId}/assets`, asset());
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'PROJECT_WRONG_STATUS' });
    expect(early.json().message).toContain('验收后才能登记资产');

    await moveTo('reviewing', { publicityFrom: '2026-02-01', publicityTo: '2026-02-10' });
    await moveTo('approved');
    await moveTo('implementing');
    await moveTo('accepted', { on: '2026-07-05' });

    const elsewhere = await post(officer, `/api/projects/${projectId}/assets`, asset({ regionCode: '621125' }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().details.field).toBe('regionCode');
    const blank = await post(officer, `/api/projects/${projectId}/assets`, asset({ caretaker: '   ' }));
    expect(blank.json().details.field).toBe('caretaker');
    const cents = await post(officer, `/api/projects/${projectId}/assets`, asset({ valueYuan: 1.234 }));
    expect(cents.json().details.field).toBe('valueYuan');
    const future = await post(officer, `/api/projects/${projectId}/assets`, asset({ registeredOn: '2026-08-01' }));
    expect(future.json().details.field).toBe('registeredOn');
    const byVillage = await post(village, `/api/projects/${projectId}/assets`, asset());
    expect(byVillage.statusCode).toBe(403);

    const res = await post(officer, `/api/projects/${projectId}/assets`, asset());
    expect(res.statusCode, res.body).toBe(201);
    assetId = res.json().id;
    expect(res.json()).toMatchObject({
      projectId,
      kind: 'operating',
      valueYuan: 680_000,
      ownerKind: 'collective',
      status: 'in_use',
      incomes: [],
      changes: [],
    });
    const road = await post(
      officer,
      `/api/projects/${projectId}/assets`,
      asset({
        name: '车间进场道路',
        kind: 'public',
        valueYuan: 20_000.5,
        ownerKind: 'state',
        ownerName: '县交通运输局',
      }),
    );
    expect(road.statusCode, road.body).toBe(201);
  });

  it('records a year’s income and its distribution, never more than the income, a second report replacing the first', async () => {
    const over = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2026,
      incomeYuan: 48_000,
      distribution: [
        { purpose: 'household_dividend', amountYuan: 30_000 },
        { purpose: 'collective', amountYuan: 20_000 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'PROJECT_INVALID', details: { field: 'distribution' } });
    expect(over.json().message).toBe('分配合计50000.00元，超过当年收益48000.00元');
    const twice = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2026,
      incomeYuan: 48_000,
      distribution: [
        { purpose: 'collective', amountYuan: 1_000 },
        { purpose: 'collective', amountYuan: 2_000 },
      ],
    });
    expect(twice.json().details.field).toBe('distribution.1');
    const later = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2027,
      incomeYuan: 1,
      distribution: [],
    });
    expect(later.json().details.field).toBe('year');

    const first = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2026,
      incomeYuan: 40_000,
      distribution: [{ purpose: 'household_dividend', amountYuan: 24_000 }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const res = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2026,
      incomeYuan: 48_000,
      distribution: [
        { purpose: 'household_dividend', amountYuan: 28_800 },
        { purpose: 'public_jobs', amountYuan: 9_600 },
        { purpose: 'collective', amountYuan: 4_800 },
      ],
      note: '按4:1:0.5比例分配',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().incomes).toEqual([
      expect.objectContaining({
        year: 2026,
        incomeYuan: 48_000,
        undistributedYuan: 4_800,
        distribution: [
          { purpose: 'household_dividend', amountYuan: 28_800 },
          { purpose: 'public_jobs', amountYuan: 9_600 },
          { purpose: 'collective', amountYuan: 4_800 },
        ],
      }),
    ]);
  });

  it('changes the owner only when another officer approves, never the requester; one open request at a time', async () => {
    const missing = await post(officer, `/api/project-assets/${assetId}/changes`, {
      kind: 'transfer',
      reason: '移交乡镇统一运营',
    });
    expect(missing.json().details.field).toBe('newOwnerKind');
    const asked = await post(officer, `/api/project-assets/${assetId}/changes`, {
      kind: 'transfer',
      reason: '车间移交乡镇农业服务公司统一运营',
      newOwnerKind: 'state',
      newOwnerName: '洮阳镇农业综合服务公司',
      newCaretaker: '公司经理 刘海',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const [change] = asked.json().changes;
    expect(change).toMatchObject({ status: 'pending', canDecide: false, requestedBy: 'project' });
    expect(asked.json().ownerName).toBe('村股份经济合作社');

    const again = await post(officer, `/api/project-assets/${assetId}/changes`, { kind: 'write_off', reason: '损毁' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ASSET_CHANGE_OPEN');

    const self = await post(officer, `/api/project-asset-changes/${change.id}/decision`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('ASSET_SELF_APPROVAL');
    const byVillage = await post(village, `/api/project-asset-changes/${change.id}/decision`, { approve: true });
    expect(byVillage.statusCode).toBe(403);
    // the county bureau reads the register but decides nothing: the fund library is the project officer's
    const byCounty = await post(county, `/api/project-asset-changes/${change.id}/decision`, { approve: true });
    expect(byCounty.statusCode).toBe(403);
    expect(byCounty.json()).toMatchObject({
      code: 'AUTH_FORBIDDEN',
      message: '您的角色（县级）无权执行此操作，衔接资金项目由县级项目管理员办理',
    });
    const bySupervisor = await post(supervisor, `/api/project-asset-changes/${change.id}/decision`, {
      approve: true,
    });
    expect(bySupervisor.statusCode).toBe(403);

    const seen = (await get(second, `/api/projects/${projectId}/assets`)).json();
    expect(seen.find((a: { id: string }) => a.id === assetId).changes[0].canDecide).toBe(true);
    const ok = await post(second, `/api/project-asset-changes/${change.id}/decision`, {
      approve: true,
      note: '经县项目领导小组研究同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      ownerKind: 'state',
      ownerName: '洮阳镇农业综合服务公司',
      caretaker: '公司经理 刘海',
      status: 'in_use',
    });
    expect(ok.json().changes[0]).toMatchObject({ status: 'approved', decidedBy: 'project2' });
    const twice = await post(second, `/api/project-asset-changes/${change.id}/decision`, { approve: false });
    expect(twice.statusCode).toBe(409);
  });

  it('writes an asset off on approval; a refusal needs a reason; a written-off asset takes no more income', async () => {
    const asked = await post(second, `/api/project-assets/${assetId}/changes`, {
      kind: 'write_off',
      reason: '2026年7月洪水冲毁，经鉴定无修复价值',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const change = asked.json().changes.find((c: { status: string }) => c.status === 'pending');
    const noReason = await post(officer, `/api/project-asset-changes/${change.id}/decision`, { approve: false });
    expect(noReason.json().details.field).toBe('note');
    const refused = await post(officer, `/api/project-asset-changes/${change.id}/decision`, {
      approve: false,
      note: '请补充鉴定报告',
    });
    expect(refused.json().status).toBe('in_use');

    const retry = await post(second, `/api/project-assets/${assetId}/changes`, {
      kind: 'write_off',
      reason: '洪水冲毁，已附第三方鉴定报告',
    });
    const pending = retry.json().changes.find((c: { status: string }) => c.status === 'pending');
    const done = await post(officer, `/api/project-asset-changes/${pending.id}/decision`, { approve: true });
    expect(done.json().status).toBe('written_off');
    const income = await post(officer, `/api/project-assets/${assetId}/incomes`, {
      year: 2026,
      incomeYuan: 1,
      distribution: [],
    });
    expect(income.statusCode).toBe(409);
  });

  it('shows the register with totals to the county, the village where an asset stands, and no one outside', async () => {
    const reg = (await get(county, '/api/project-assets?region=621124')).json();
    expect(reg.totals).toMatchObject({ count: 2, valueYuan: 700_000.5, pendingChanges: 0 });
    expect(reg.totals.byKind).toContainEqual({ kind: 'public', count: 1, valueYuan: 20_000.5 });
    const inUse = (await get(county, '/api/project-assets?status=in_use')).json();
    expect(inUse.assets.map((a: { name: string }) => a.name)).toEqual(['车间进场道路']);

    const byVillage = await get(village, `/api/projects/${projectId}/assets`);
    expect(byVillage.statusCode, byVillage.body).toBe(200);
    expect(byVillage.json()).toHaveLength(2);
    expect(byVillage.json()[0].changes.every((c: { canDecide: boolean }) => !c.canDecide)).toBe(true);
    const byCounty = await post(county, `/api/projects/${projectId}/assets`, asset({ name: '县级不应登记的资产' }));
    expect(byCounty.statusCode).toBe(403);
    expect(byCounty.json().code).toBe('AUTH_FORBIDDEN');
    const civil = await get(await t.login('civil'), '/api/project-assets');
    expect(civil.statusCode).toBe(403);
  });

  it('counts a monitored household’s benefit as an assistance measure in the same transaction (SPEC §13 item 5)', async () => {
    const { id: monitored } = await monitoredHouseholdFixture(t, county, {
      riskTypes: ['income'],
      includedOn: '2026-05-01',
    });
    const plain = (await post(county, '/api/households', householdPayload(t.village))).json().id as string;
    const refused = await post(officer, `/api/projects/${projectId}/beneficiaries`, {
      householdId: plain,
      way: 'job',
      amountYuan: 9_600,
      countAsMeasure: true,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.field).toBe('countAsMeasure');
    // Nothing half-written: the refused household is not a beneficiary either.
    const detail = (await get(officer, `/api/projects/${projectId}`)).json();
    expect(detail.beneficiaries.map((b: { householdId: string }) => b.householdId)).not.toContain(plain);

    const res = await post(officer, `/api/projects/${projectId}/beneficiaries`, {
      householdId: monitored,
      way: 'dividend',
      amountYuan: 600,
      countAsMeasure: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json().beneficiaries.find((b: { householdId: string }) => b.householdId === monitored);
    expect(row.measureId).toEqual(expect.any(String));
    const assistance = (await get(county, `/api/households/${monitored}/assistance`)).json();
    const measure = assistance.measures.find((m: { id: string }) => m.id === row.measureId);
    expect(measure).toMatchObject({ subtype: 'benefit_linkage', amount: 600, fundSource: '衔接资金' });
    expect(measure.content).toBe(
      '参与衔接资金项目“中药材初加工及仓储车间项目”（中药材产业项目专班），资产收益分红，年受益600元',
    );
  });

  it('audits every change with listed actions', async () => {
    const rows = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'project_asset')
      .execute();
    const count = (a: string) => rows.filter((r) => r.action === a).length;
    expect(count('project.asset')).toBe(2);
    expect(count('project.asset_income')).toBe(2);
    expect(count('project.asset_change')).toBe(3);
    expect(count('project.asset_decision')).toBe(3);
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

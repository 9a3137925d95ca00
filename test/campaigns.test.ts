import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday, shiftDate } from '../src/domain/calendar/index.ts';
import { stratumQuota } from '../src/domain/campaigns/index.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(name: string, content: Buffer) {
  const boundary = '----sxcampaign';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`special campaigns and spot checks on ${ENGINE} (SPEC §15)`, () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let village: string;
  let campaignId: string;
  let villagesByTownship: Map<string, string[]>;
  const today = () => chinaToday(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    [county, township, village] = [await t.login('county'), await t.login('township'), await t.login('village')];
    const rows = await t.ctx.database.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', 'like', '621124%')
      .execute();
    villagesByTownship = new Map();
    for (const { code } of rows) {
      const list = villagesByTownship.get(code.slice(0, 9)) ?? [];
      list.push(code);
      villagesByTownship.set(code.slice(0, 9), list);
    }
  });
  afterAll(() => t.close());

  const post = (cookie: string, url: string, payload: object) => t.request(cookie, { method: 'POST', url, payload });
  const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });

  it('a county starts a campaign with 瓦房 task areas and checklists by default (SPEC §15)', async () => {
    const res = await post(county, '/api/campaigns', {
      name: '2026年巩固脱贫成果“大提升”专项行动',
      regionCode: '621124',
      startsOn: today(),
      endsOn: shiftDate(today(), 45),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    campaignId = c.id;
    expect(c.areas.map((a: { name: string }) => a.name)).toEqual([
      '持续增加脱贫群众收入',
      '“三保障”和饮水安全保障',
      '防止返贫动态监测和帮扶',
      '产业帮扶',
      '脱贫人口稳岗就业',
      '乡村建设',
      '乡村治理',
      '部门主体责任',
    ]);
    expect(c.areas[1].items[3]).toMatchObject({ title: '住房安全动态监测，C级D级危房改造' });
    expect(c.regionName).toBe('临洮县');
    // The village works in its county's campaign.
    expect((await get(village, '/api/campaigns')).json().map((x: { id: string }) => x.id)).toContain(campaignId);
    // A village cannot start one.
    expect(
      (await post(village, '/api/campaigns', { name: 'x', regionCode: t.village, startsOn: today(), endsOn: today() }))
        .statusCode,
    ).toBe(403);
  });

  it('checklists are editable; a stale version is refused', async () => {
    const c = (await get(county, `/api/campaigns/${campaignId}`)).json();
    const areas = structuredClone(c.areas);
    areas[0].items.push({ key: 'income-3', title: '消费帮扶', howToCheck: '查看消费帮扶台账' });
    const res = await t.request(county, {
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/areas`,
      payload: { areas, version: c.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().areas[0].items).toHaveLength(3);
    const stale = await t.request(county, {
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/areas`,
      payload: { areas, version: c.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('a ratio below the minimum (30% by default) is refused with a Chinese error', async () => {
    const res = await post(county, `/api/campaigns/${campaignId}/spot-checks`, {
      ratio: 0.2,
      seed: '试',
      regionCode: '621124',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SPOT_CHECK_RATIO_BELOW_MINIMUM',
      message: '抽查比例20%低于规定的最低比例30%',
    });
  });

  it('draws ≥ 30% of villages in every township; the same seed returns the same frozen sample, audited', async () => {
    const body = { ratio: 0.3, seed: '2026-10-17 市抽查', regionCode: '621124' };
    const first = await post(county, `/api/campaigns/${campaignId}/spot-checks`, body);
    expect(first.statusCode, first.body).toBe(201);
    const s = first.json();
    expect(s.existing).toBe(false);
    expect(s.strata.map((x: { stratum: string }) => x.stratum).sort()).toEqual([...villagesByTownship.keys()].sort());
    for (const [code, list] of villagesByTownship) {
      const drawn = s.villages.filter((v: { townshipCode: string }) => v.townshipCode === code);
      expect(drawn.length).toBe(stratumQuota(list.length, 0.3));
      expect(drawn.length / list.length).toBeGreaterThanOrEqual(0.3);
    }
    const again = await post(county, `/api/campaigns/${campaignId}/spot-checks`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().existing).toBe(true);
    expect(again.json().villages.map((v: { unitId: string }) => v.unitId)).toEqual(
      s.villages.map((v: { unitId: string }) => v.unitId),
    );
    const other = await post(county, `/api/campaigns/${campaignId}/spot-checks`, { ...body, seed: '另一个种子' });
    expect(other.statusCode).toBe(201);
    expect(other.json().villages.map((v: { unitId: string }) => v.unitId)).not.toEqual(
      s.villages.map((v: { unitId: string }) => v.unitId),
    );
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'spot_check.draw')
      .where('entity_id', '=', s.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).toContain(s.villages[0].unitId);
    // Frozen: the database refuses to change a drawn sample.
    await expect(
      sql`UPDATE spot_check_units SET unit_id = 'x' WHERE spot_check_id = ${s.id}::uuid`.execute(t.ctx.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('draws households within sampled villages, at least the set number per village', async () => {
    const v = t.village;
    for (let i = 0; i < 4; i++) {
      const res = await post(county, '/api/households', householdPayload(v, { address: `测试村${i}号` }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const body = { ratio: 1, seed: '入户', regionCode: v.slice(0, 9), householdsPerVillage: 2 };
    const s = (await post(county, `/api/campaigns/${campaignId}/spot-checks`, body)).json();
    const inVillage = s.households.filter((h: { regionCode: string }) => h.regionCode === v);
    // Never fewer households per village than the setting (5): all 4 of the village are drawn.
    expect(s.householdsPerVillage).toBe(5);
    expect(inVillage).toHaveLength(4);
    expect(s.villages).toHaveLength(villagesByTownship.get(v.slice(0, 9))?.length ?? 0);
  });

  it('a county may raise the minimum, never below the province; then 30% is refused there', async () => {
    const put = (cookie: string, regionCode: string, minRatio: number) =>
      t.request(cookie, {
        method: 'PUT',
        url: '/api/settings/campaigns.spotCheck',
        payload: { regionCode, value: { minRatio } },
      });
    // The province raises the minimum to 35% (the demo has no province user: set as the system).
    await t.services.settings.set(SYSTEM_ACTOR, 'campaigns.spotCheck', '62', { minRatio: 0.35 });
    const looser = await put(county, '621124', 0.3);
    expect(looser.statusCode).toBe(400);
    expect(looser.json().code).toBe('SETTING_LOOSER_THAN_PARENT');
    const res = await post(county, `/api/campaigns/${campaignId}/spot-checks`, {
      ratio: 0.3,
      seed: '新',
      regionCode: '621124',
    });
    expect(res.json()).toMatchObject({
      code: 'SPOT_CHECK_RATIO_BELOW_MINIMUM',
      message: '抽查比例30%低于规定的最低比例35%',
    });
    expect((await put(county, '621124', 0.4)).statusCode).toBe(200);
    const raised = await post(county, `/api/campaigns/${campaignId}/spot-checks`, {
      ratio: 0.35,
      seed: '新',
      regionCode: '621124',
    });
    expect(raised.json().message).toBe('抽查比例35%低于规定的最低比例40%');
    await t.services.settings.set(SYSTEM_ACTOR, 'campaigns.spotCheck', '62', { minRatio: 0.3 });
    await t.services.settings.set(SYSTEM_ACTOR, 'campaigns.spotCheck', '621124', { minRatio: 0.3 });
  });

  it('findings per checklist item; a problem finding becomes a problem; unsampled villages are refused', async () => {
    const s = (
      await post(county, `/api/campaigns/${campaignId}/spot-checks`, {
        ratio: 0.3,
        seed: '2026-10-17 市抽查',
        regionCode: '621124',
      })
    ).json();
    const drawn = s.villages[0].unitId as string;
    const ok = await post(county, `/api/spot-checks/${s.id}/findings`, {
      unitId: drawn,
      areaKey: 'guarantees',
      itemKey: 'guarantees-5',
      result: 'ok',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await post(county, `/api/spot-checks/${s.id}/findings`, {
      unitId: drawn,
      areaKey: 'monitoring',
      itemKey: 'monitoring-3',
      result: 'problem',
      note: '2户纳入程序缺少民主评议记录',
      owner: '村民委员会',
    });
    expect(bad.statusCode, bad.body).toBe(201);
    const p = (await get(county, `/api/problems/${bad.json().problemId}`)).json().problem;
    expect(p).toMatchObject({
      source: 'spot_check',
      regionCode: drawn,
      areaName: '防止返贫动态监测和帮扶',
      status: 'rectifying',
    });
    expect(p.description).toContain('民主评议');
    const all = [...villagesByTownship.values()].flat();
    const notDrawn = all.find((v) => !s.villages.some((x: { unitId: string }) => x.unitId === v));
    const refused = await post(county, `/api/spot-checks/${s.id}/findings`, {
      unitId: notDrawn as string,
      areaKey: 'monitoring',
      itemKey: 'monitoring-3',
      result: 'ok',
    });
    expect(refused.json().code).toBe('SPOT_CHECK_NOT_SAMPLED');
    const f = (await get(county, `/api/campaigns/${campaignId}/figures`)).json();
    expect(f.coverage.checkedVillages).toBe(1);
    expect(f.coverage.townshipsSampled).toBe(f.coverage.townships);
    expect(f.bySource.find((x: { key: string }) => x.key === 'spot_check').found).toBe(1);
  });

  it('rectification needs evidence; only the level above signs off; then the village is cleared (问题清零)', async () => {
    const created = await post(village, '/api/problems', {
      campaignId,
      regionCode: t.village,
      areaKey: 'guarantees',
      source: 'self_check',
      description: '1户饮水季节性缺水',
      owner: '村民委员会',
      deadline: shiftDate(today(), 10),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const noEvidence = await post(village, `/api/problems/${id}/actions`, { type: 'submit', measures: '已接通自来水' });
    expect(noEvidence.json()).toMatchObject({ code: 'PROBLEM_EVIDENCE_MISSING', message: '请先上传整改佐证材料' });
    const up = await t.request(village, {
      method: 'POST',
      url: `/api/problems/${id}/files`,
      ...multipart('整改照片.png', PNG),
    });
    expect(up.statusCode, up.body).toBe(201);
    const submitted = await post(village, `/api/problems/${id}/actions`, { type: 'submit', measures: '已接通自来水' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', measures: '已接通自来水' });
    const self = await post(village, `/api/problems/${id}/actions`, { type: 'accept' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('PROBLEM_LEVEL_ABOVE');
    const detail = (await get(township, `/api/problems/${id}`)).json();
    expect(detail.allowed).toEqual(['accept', 'reject']);
    const back = await post(township, `/api/problems/${id}/actions`, { type: 'reject', reason: '照片不清晰' });
    expect(back.json().status).toBe('rectifying');
    await post(village, `/api/problems/${id}/actions`, { type: 'submit', measures: '已接通自来水，补拍照片' });
    const accepted = await post(township, `/api/problems/${id}/actions`, { type: 'accept', note: '现场核实' });
    expect(accepted.json()).toMatchObject({ status: 'closed', closedOn: today() });
    const history = (await get(village, `/api/problems/${id}`)).json().actions.map((a: { type: string }) => a.type);
    expect(history).toEqual(['create', 'submit', 'reject', 'submit', 'accept']);
    const board = (await get(township, `/api/problem-board?campaignId=${campaignId}`)).json();
    const row = board.rows.find((r: { code: string }) => r.code === t.village);
    expect(row).toMatchObject({ found: 1, closed: 1, open: 0, cleared: true });
  });

  it('overdue problems become 逾期 and rise a level every 7 days (SPEC §15)', async () => {
    const created = await post(village, '/api/problems', {
      campaignId,
      regionCode: t.village,
      areaKey: 'income',
      source: 'public_feedback',
      description: '群众反映产业奖补未到户',
      owner: '村民委员会',
      deadline: today(),
    });
    const id = created.json().id;
    t.setNow(`${shiftDate(today(), 2)}T10:00:00+08:00`);
    try {
      const p1 = (await get(county, `/api/problems/${id}`)).json().problem;
      expect(p1).toMatchObject({ status: 'overdue', escalatedTo: t.township, escalationLevels: 1 });
      t.setNow(`${shiftDate(today(), 9)}T10:00:00+08:00`);
      const p2 = (await get(county, `/api/problems/${id}`)).json();
      expect(p2.problem).toMatchObject({
        status: 'overdue',
        escalatedTo: '621124',
        escalatedToName: '临洮县',
        escalationLevels: 2,
      });
      expect(
        p2.actions.filter((a: { type: string }) => a.type === 'escalate').map((a: { note: string }) => a.note),
      ).toEqual(['逾期2天，已上升至乡镇督办', '逾期9天，已上升至县级督办']);
      const board = (await get(county, `/api/problem-board?campaignId=${campaignId}`)).json();
      const row = board.rows.find((r: { code: string }) => r.code === t.township);
      expect(row.overdue).toBe(1);
      expect(row.escalated).toBe(1);
      expect(row.cleared).toBe(false);
      const report = (await get(county, `/api/campaigns/${campaignId}/report`)).json();
      expect(report.sections[3].paragraphs[0]).toContain('上升至临洮县督办');
      // The level above extends the deadline; the problem is 整改中 again.
      const ext = await post(township, `/api/problems/${id}/actions`, {
        type: 'extend',
        deadline: shiftDate(today(), 20),
        reason: '资金拨付需走程序',
      });
      expect(ext.json()).toMatchObject({ status: 'rectifying', escalatedTo: null });
    } finally {
      t.setNow(undefined);
    }
  });

  it('回头看 draws closed problems the same way; exports Excel; readers see only their region', async () => {
    const r = await post(county, `/api/campaigns/${campaignId}/rechecks`, {
      target: 'problems',
      ratio: 0.5,
      seed: '回头看',
      regionCode: '621124',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().problems).toHaveLength(1);
    expect(r.json().kind).toBe('recheck_problems');
    const none = await post(county, `/api/campaigns/${campaignId}/rechecks`, {
      target: 'households',
      ratio: 0.5,
      seed: '回头看',
      regionCode: '621124',
    });
    expect(none.json().code).toBe('SPOT_CHECK_NO_UNITS');

    const x = await get(county, `/api/campaigns/${campaignId}/export`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '按任务领域', '按来源', '按区划', '情况报告']);
    expect(wb.getWorksheet('问题清单')?.rowCount).toBe(2 + 3);

    // Another township's village sees none of these problems.
    const otherTownship = [...villagesByTownship.keys()].find((k) => k !== t.township) as string;
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'othervillage',
      password: 'Demo@2026',
      demo: true,
      role: 'village',
      displayName: '其他村',
      regionCode: villagesByTownship.get(otherTownship)?.[0] as string,
      department: null,
    });
    const other = await t.login('othervillage');
    expect((await get(other, `/api/problems?campaignId=${campaignId}`)).json().total).toBe(0);
    const mine = (await get(county, `/api/problems?campaignId=${campaignId}`)).json();
    expect((await get(other, `/api/problems/${mine.items[0].id}`)).statusCode).toBe(404);
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

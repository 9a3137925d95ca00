import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../src/domain/assistance/default-catalogue.ts';
import { matchBackstopRecipients } from '../src/modules/assistance/match-backstop-recipients.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import type { PersonInput } from '../src/modules/registry/person-input.ts';
import { feedCsv, importRows, multipart } from './feeds-fixtures.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { makeIdNumber } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * The measure catalogue per region, the backstop linkage with civil affairs, the village publicity list and the
 * rates reports use (SPEC §9, §12, §3).
 */
describe(`assistance catalogue, backstop and publicity on ${ENGINE} (SPEC §9)`, () => {
  let t: TestApp;
  let village: string;
  let county: string;
  const elderly = (): PersonInput[] => [
    { name: '刘大爷', idNumber: makeIdNumber('19400101', 'male'), relation: 'head', labor: 'none' },
    { name: '刘大娘', idNumber: makeIdNumber('19420303', 'female'), relation: 'spouse', labor: 'none' },
  ];
  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.request(cookie, { method, url, ...(payload ? { payload } : {}) });
  const headHash = async (householdId: string) =>
    (
      await t.ctx.database.db
        .selectFrom('persons')
        .select('id_number_hash')
        .where('household_id', '=', householdId)
        .where('relation', '=', 'head')
        .executeTakeFirstOrThrow()
    ).id_number_hash;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    village = await t.login('village');
    county = await t.login('county');
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'minzheng',
      password: 'Demo@2026',
      demo: true,
      role: 'department',
      displayName: '县民政局（测试）',
      regionCode: '621124',
      department: 'civil_affairs',
    });
  });
  afterAll(() => t.close());

  it('configures the catalogue per region with history; a lower level inherits it (SPEC §3, §9)', async () => {
    const before = (await req(village, 'GET', '/api/assistance/catalogue')).json();
    expect(before.catalogue.filter((e: { enabled: boolean }) => e.enabled)).toHaveLength(DEFAULT_CATALOGUE.length);
    const res = await req(county, 'PUT', '/api/assistance/catalogue', {
      regionCode: '621124',
      disable: ['consumption_support'],
      rename: [{ code: 'yulu', content: '本县雨露计划每生每年3000元' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await req(village, 'GET', '/api/assistance/catalogue')).json();
    expect(after.catalogue.find((e: { code: string }) => e.code === 'consumption_support')).toMatchObject({
      enabled: false,
      disabledBy: '621124',
    });
    expect(after.catalogue.find((e: { code: string }) => e.code === 'yulu').content).toBe('本县雨露计划每生每年3000元');
    const history = (await req(county, 'GET', '/api/assistance/catalogue/history?region=621124')).json();
    expect(history).toHaveLength(1);
    const h = await monitoredHouseholdFixture(t, county, { riskTypes: ['income'], includedOn: '2026-10-01' });
    const disabled = await req(village, 'POST', `/api/households/${h.id}/measures`, { subtype: 'consumption_support' });
    expect(disabled.json().code).toBe('ASSISTANCE_SUBTYPE_UNKNOWN');
  });

  it('names every problem of an invalid catalogue and stores nothing; township users cannot configure it', async () => {
    const res = await req(county, 'PUT', '/api/assistance/catalogue', {
      regionCode: '621124',
      disable: ['dibao', 'water_safety_project', 'tap_water_connection'],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('ASSISTANCE_CATALOGUE_INVALID');
    const messages = body.details.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toContain('法定保障措施，不得停用');
    expect(messages).toContain('没有任何启用的措施能应对「饮水」风险');
    expect((await req(county, 'GET', '/api/assistance/catalogue/history?region=621124')).json()).toHaveLength(1);
    const township = await req(await t.login('township'), 'PUT', '/api/assistance/catalogue', {
      regionCode: t.township,
      disable: ['microcredit'],
    });
    expect(township.statusCode).toBe(403);
  });

  it('proposes 特困 to civil affairs; civil affairs decides, and the backstop measure is recorded (SPEC §9)', async () => {
    const h = await monitoredHouseholdFixture(t, county, {
      members: elderly(),
      riskTypes: ['income'],
      includedOn: '2026-10-01',
    });
    const s = (await req(village, 'GET', `/api/households/${h.id}/plan-suggestion`)).json();
    expect(s.backstopProposal.kind).toBe('tekun');
    const res = await req(village, 'POST', `/api/households/${h.id}/backstop-proposals`, {
      kind: s.backstopProposal.kind,
      reason: s.backstopProposal.reason,
    });
    expect(res.statusCode, res.body).toBe(201);
    const again = await req(village, 'POST', `/api/households/${h.id}/backstop-proposals`, {
      kind: 'dibao',
      reason: '重复',
    });
    expect(again.json().code).toBe('BACKSTOP_PROPOSAL_OPEN');
    const decision = { decision: 'approved', decidedOn: '2026-11-01', note: '经核查符合特困供养条件' };
    const byVillage = await req(village, 'POST', `/api/backstop-proposals/${res.json().id}/decision`, decision);
    expect(byVillage.statusCode).toBe(403);
    const minzheng = await t.login('minzheng');
    const listed = (await req(minzheng, 'GET', '/api/backstop-proposals?status=proposed')).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(res.json().id);
    // The demo county's own civil-affairs officer (README) sees the proposal too.
    const civil = (await req(await t.login('civil'), 'GET', '/api/backstop-proposals?status=proposed')).json();
    expect(civil.items.map((p: { id: string }) => p.id)).toContain(res.json().id);
    const decided = await req(minzheng, 'POST', `/api/backstop-proposals/${res.json().id}/decision`, decision);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', grantedKind: 'tekun', decidedVia: 'decision' });
    const summary = (await req(village, 'GET', `/api/households/${h.id}/assistance`)).json();
    expect(summary.backstop).toBe('tekun');
    expect(summary.measures).toMatchObject([{ subtype: 'tekun', status: 'in_progress', origin: 'backstop' }]);
    expect(summary.unansweredRisks).toEqual([]);
    const twice = await req(minzheng, 'POST', `/api/backstop-proposals/${res.json().id}/decision`, decision);
    expect(twice.json().code).toBe('BACKSTOP_DECIDED');
  });

  it('matches civil-affairs recipients to monitored households in one set-based pass (SPEC §9, §10)', async () => {
    const proposed = await monitoredHouseholdFixture(t, county, { members: elderly(), includedOn: '2026-10-01' });
    await req(village, 'POST', `/api/households/${proposed.id}/backstop-proposals`, {
      kind: 'dibao',
      reason: '无劳动能力',
    });
    const plain = await monitoredHouseholdFixture(t, county, {
      riskTypes: ['income', 'housing'],
      includedOn: '2026-10-01',
    });
    const notMonitored = (await t.services.registry.create(SYSTEM_ACTOR, { regionCode: t.village, members: elderly() }))
      .id;
    const recipients = [
      { idNumberHash: await headHash(proposed.id), kind: 'dibao' as const, startDate: '2026-10-15' },
      { idNumberHash: await headHash(plain.id), kind: 'dibao' as const, startDate: '2026-10-20' },
      { idNumberHash: await headHash(notMonitored), kind: 'tekun' as const, startDate: '2026-10-20' },
      { idNumberHash: 'not-in-registry', kind: 'dibao' as const, startDate: '2026-10-20' },
    ];
    const r = await matchBackstopRecipients(t.ctx.database.db, { regionPrefix: '621124', recipients });
    expect(r).toMatchObject({ matched: 2, backstopSet: 2, proposalsApproved: 1, measuresCreated: 2 });
    expect(r.notMonitored).toEqual([{ householdId: notMonitored, regionCode: t.village, kind: 'tekun' }]);
    const p = (await req(village, 'GET', `/api/households/${proposed.id}/assistance`)).json();
    expect(p.backstop).toBe('dibao');
    expect(p.backstopProposals[0]).toMatchObject({
      status: 'approved',
      decidedVia: 'feed_match',
      grantedKind: 'dibao',
    });
    expect(p.backstopProposals[0].measureId).toBe(p.measures[0].id);
    const q = (await req(village, 'GET', `/api/households/${plain.id}/assistance`)).json();
    expect(q.measures[0]).toMatchObject({ subtype: 'dibao', answersRisks: ['income'], startOn: '2026-10-20' });
    expect(q.unansweredRisks).toEqual(['housing']);
    const audit = (
      await req(await t.login('auditor'), 'GET', `/api/audit?householdId=${plain.id}&action=backstop.match`)
    ).json();
    expect(audit.items).toHaveLength(1);
    const repeat = await matchBackstopRecipients(t.ctx.database.db, { regionPrefix: '621124', recipients });
    expect(repeat).toMatchObject({ matched: 2, backstopSet: 0, proposalsApproved: 0, measuresCreated: 0 });
  });

  it('reads recipients from the stored civil-affairs feed, ignoring ones a later period ended', async () => {
    const active = await monitoredHouseholdFixture(t, county, { members: elderly(), includedOn: '2026-10-01' });
    const ended = await monitoredHouseholdFixture(t, county, { members: elderly(), includedOn: '2026-10-01' });
    const db = t.ctx.database.db;
    const imp = await sql<{ id: string }>`
      insert into feed_imports (department, region_code, period, file_name, file_sha256, batch_size, imported_by)
      values ('civil_affairs', '621124', '2026-10', '民政10月.xlsx', 'abc', 500, 'test') returning id`.execute(db);
    const importId = imp.rows[0]?.id as string;
    const rows: [string, string, string, string][] = [
      [await headHash(active.id), '2026-09', 'tekun', 'active'],
      [await headHash(ended.id), '2026-09', 'dibao', 'active'],
      [await headHash(ended.id), '2026-10', 'dibao', 'ended'],
    ];
    for (const [i, [hash, period, kind, status]] of rows.entries()) {
      const data = JSON.stringify({ assistanceType: kind, status, startDate: '2026-09-01' });
      await sql`
        insert into feed_records (import_id, batch_no, row_number, department, record_kind, region_code, period,
                                  row_hash, id_number_hash, data)
        values (${importId}::uuid, 1, ${i + 2}, 'civil_affairs', 'social_assistance', '621124', ${period},
                decode(md5(${`${i}${hash}`}), 'hex'), ${hash}, ${data}::jsonb)`.execute(db);
    }
    const r = await matchBackstopRecipients(db, { regionPrefix: t.village });
    expect(r.backstopSet).toBe(1);
    const [a, e] = await Promise.all(
      [active.id, ended.id].map(async (id) => (await req(village, 'GET', `/api/households/${id}/assistance`)).json()),
    );
    expect(a.backstop).toBe('tekun');
    expect(e.backstop).toBeNull();
  });

  it('matches the recipients of an imported civil-affairs file to backstop proposals and measures (SPEC §9, §10)', async () => {
    const members = elderly();
    const proposed = await monitoredHouseholdFixture(t, county, { members, includedOn: '2026-10-01' });
    const proposal = await req(village, 'POST', `/api/households/${proposed.id}/backstop-proposals`, {
      kind: 'tekun',
      reason: '无劳动能力、无生活来源',
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const minzheng = await t.login('minzheng');
    const head = members[0] as { name: string; idNumber: string };
    const file = feedCsv('civil_affairs', 'social_assistance', [
      { name: head.name, idNumber: head.idNumber, assistanceType: '特困供养', status: '新增', startDate: '2026-11-01' },
    ]);
    const res = await t.request(minzheng, {
      method: 'POST',
      url: '/api/feeds/civil_affairs/imports?period=2026-11&kind=social_assistance',
      ...multipart('民政11月.csv', file),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recordKind: 'social_assistance', rowsNew: 1 });

    const after = (await req(village, 'GET', `/api/households/${proposed.id}/assistance`)).json();
    expect(after.backstop).toBe('tekun');
    expect(after.backstopProposals[0]).toMatchObject({
      id: proposal.json().id,
      status: 'approved',
      decidedVia: 'feed_match',
      grantedKind: 'tekun',
    });
    expect(after.measures).toMatchObject([{ subtype: 'tekun', origin: 'backstop', startOn: '2026-11-01' }]);
    const audit = (
      await req(await t.login('auditor'), 'GET', `/api/audit?householdId=${proposed.id}&action=backstop.match`)
    ).json();
    expect(audit.items).toMatchObject([{ username: 'minzheng' }]);
  });

  it('does not match backstop when another department imports a file', async () => {
    const members = elderly();
    const h = await monitoredHouseholdFixture(t, county, { members, includedOn: '2026-10-01' });
    const head = members[0] as { name: string; idNumber: string };
    await importRows(t, 'medical_insurance', 'settlement', [{ name: head.name, idNumber: head.idNumber }]);
    const after = (await req(village, 'GET', `/api/households/${h.id}/assistance`)).json();
    expect(after.backstop).toBeNull();
    expect(after.measures).toEqual([]);
  });

  it('prints the village publicity list with names and never an ID number (SPEC §9, §17)', async () => {
    const h = await monitoredHouseholdFixture(t, county, { riskTypes: ['water'], includedOn: '2026-10-01' });
    await req(village, 'POST', `/api/households/${h.id}/measures`, {
      subtype: 'water_safety_project',
      amount: 8000,
      fundSource: '衔接资金',
      plannedEndOn: '2026-12-31',
    });
    await req(village, 'PUT', `/api/households/${h.id}/responsible`, {
      name: '王干部',
      phone: '13900001111',
      unit: '县水务局',
    });
    const json = await req(village, 'GET', `/api/assistance/publicity?village=${t.village}`);
    expect(json.statusCode, json.body).toBe(200);
    const item = json.json().households.find((x: { householdCode: string }) => x.householdCode === h.code);
    expect(item).toMatchObject({
      headName: '张建国',
      riskNames: ['饮水'],
      responsible: { name: '王干部', unit: '县水务局' },
    });
    expect(item.measures[0]).toMatchObject({ name: '安全饮水提升工程', amount: 8000, fundSource: '衔接资金' });
    const html = await req(village, 'GET', `/api/assistance/publicity.html?village=${t.village}`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('监测对象帮扶措施公示');
    expect(html.body).toContain('安全饮水提升工程');
    expect(html.body).not.toMatch(/\d{17}[\dX]|\d{6}\*+\d{3}[\dX]/);
    expect(html.body).not.toMatch(/<script|https?:\/\//);
    for (const body of [json.body]) expect(body).not.toMatch(/idNumber|\d{17}[\dX]/);
    const other = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children[1]?.code as string;
    expect((await req(village, 'GET', `/api/assistance/publicity?village=${other}`)).statusCode).toBe(404);
  });

  it('gives rates per region as households and persons (SPEC §12)', async () => {
    const res = await req(county, 'GET', '/api/assistance/rates');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.region).toBe('621124');
    expect(r.total.households).toBeGreaterThanOrEqual(7);
    expect(r.total.persons).toBeGreaterThan(r.total.households);
    expect(r.total.withResponsible).toBe(1);
    expect(r.total.responsibleRate).toBeCloseTo((100 * 1) / r.total.households, 1);
    expect(r.regions[0]).toMatchObject({ regionCode: t.township, regionName: expect.any(String) });
    const townshipView = (await req(await t.login('township'), 'GET', '/api/assistance/rates?region=621124')).json();
    expect(townshipView.region).toBe(t.township);
    expect(townshipView.regions[0].regionCode).toBe(t.village);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('backstop.propose');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { caseDriver } from './support/case-driver.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`self-declaration and notifications on ${ENGINE} (SPEC §6 channel 1, §8.1 三告知)`, () => {
  let t: TestApp;
  let payload: ReturnType<typeof householdPayload>;
  let householdId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    payload = householdPayload(t.village);
    householdId = (await t.services.registry.create(SYSTEM_ACTOR, payload)).id;
  });
  afterAll(() => t.close());

  const declare = (body: object, cookie?: string) =>
    t.request(cookie, { method: 'POST', url: '/api/declarations', payload: body });
  const base = () => ({
    name: '李秀英',
    idNumber: payload.members[1]?.idNumber,
    phone: '138 0000 1234',
    villageCode: t.village,
    hardship: ['medical'],
    description: '丈夫住院，自付医药费四万多元',
  });

  it('accepts a declaration without an account and puts it in the ledger linked to the household', async () => {
    const res = await declare(base());
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    const clues = (
      await t.request(await t.login('village'), { method: 'GET', url: `/api/clues?householdId=${householdId}` })
    ).json();
    expect(clues.items[0]).toMatchObject({ channel: 'self_declaration', status: 'open', riskTypes: ['medical'] });
    expect(clues.items[0].finding).not.toContain(payload.members[1]?.idNumber);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const bad = await declare({ ...base(), idNumber: '110105194912310021' });
    expect(bad.json()).toMatchObject({ code: 'REGISTRY_ID_CHECKSUM', details: { field: 'idNumber' } });
    expect((await declare({ ...base(), phone: '12345' })).json().details.field).toBe('phone');
    expect((await declare({ ...base(), villageCode: '621124100000' })).json().details.field).toBe('villageCode');
  });

  it('shows the status with code and phone only; the acceptance notice appears once the case accepts it', async () => {
    t.setNow('2026-11-03T02:00:00Z');
    const { trackingCode } = (
      await declare({ ...base(), hardship: ['medical', 'income'], description: '再次申报' })
    ).json();
    const wrong = await t.request(undefined, {
      method: 'GET',
      url: `/api/declarations/status?code=${trackingCode}&phone=13900000000`,
    });
    expect(wrong.statusCode).toBe(404);
    const first = (
      await t.request(undefined, {
        method: 'GET',
        url: `/api/declarations/status?code=${trackingCode}&phone=13800001234`,
      })
    ).json();
    expect(first.stage).toContain('已受理');

    const village = await t.login('village');
    const county = await t.login('county');
    await t.request(county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind: 'inclusion', code: 'wafang-inclusion' },
    });
    // The repeat declaration merged into the person's open clue (issue 10): one clue, counted twice.
    const open = (await t.request(village, { method: 'GET', url: `/api/clues?householdId=${householdId}&status=open` }))
      .json()
      .items.filter((c: { channel: string }) => c.channel === 'self_declaration');
    expect(open).toHaveLength(1);
    expect(open[0].mergedCount).toBe(1);
    expect(open[0].riskTypes).toEqual(expect.arrayContaining(['medical', 'income']));
    const clue = open[0];
    const started = await t.request(village, {
      method: 'POST',
      url: `/api/clues/${clue.id}/start-case`,
      payload: { kind: 'inclusion', note: '入户核实属实，启动识别程序' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const d = caseDriver(t, { village, township: await t.login('township'), county });
    d.setDay('2026-11-03');
    await d.completeStep(started.json().id);
    const after = (
      await t.request(undefined, {
        method: 'GET',
        url: `/api/declarations/status?code=${trackingCode}&phone=13800001234`,
      })
    ).json();
    expect(after.stage).toBe('正在按程序办理');
    expect(after.notifications[0].kind).toBe('acceptance');
    expect(after.notifications[0].text).toContain('受理');
    const n = (await d.get(started.json().id)).notifications[0];
    const print = await t.request(village, { method: 'GET', url: `/api/notifications/${n.id}` });
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('受理告知书');
  });

  it('lets a village cadre declare on behalf only with the farmer’s signature', async () => {
    const village = await t.login('village');
    const noSign = await declare({ ...base(), description: '代为申报' }, village);
    expect(noSign.json().details.field).toBe('signatureConfirmed');
    const ok = await declare({ ...base(), description: '代为申报，已签字', signatureConfirmed: true }, village);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('limits anonymous declarations per address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await declare({ ...base(), phone: '12' })).statusCode;
    expect(last).toBe(429);
  });
});

describe(`official calendars on ${ENGINE} (SPEC §8.1)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-28T02:00:00Z') });
  });
  afterAll(() => t.close());

  it('a publicity reaching a year with no official calendar runs on the estimate; loading the year recomputes it', async () => {
    const county = await t.login('county');
    const village = await t.login('village');
    await t.request(county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind: 'inclusion', code: 'wafang-inclusion' },
    });
    const { id: hh } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const c = (
      await t.request(village, { method: 'POST', url: '/api/cases', payload: { householdId: hh, kind: 'inclusion' } })
    ).json();
    const d = caseDriver(t, { village, county });
    d.setDay('2026-12-28');
    const step = (await d.get(c.id)).step;
    const file = (
      await t.request(village, {
        method: 'POST',
        url: `/api/cases/${c.id}/files`,
        ...(
          await import('./support/case-driver.ts')
        ).multipart('a.pdf', (await import('./support/case-driver.ts')).PDF),
      })
    ).json();
    await d.act(
      c.id,
      {
        type: 'attach_records',
        attachments: step.missingRecords.map((r: { code: string }) => ({ recordCode: r.code, fileId: file.id })),
      },
      village,
    );
    const meeting = { date: '2026-12-28', attendees: ['甲', '乙', '丙'], votesFor: 3, votesAgainst: 0 };
    const started = await d.act(c.id, { type: 'start_publicity', meeting }, village);
    expect(started.statusCode, started.body).toBe(200);
    // Weekends only: 28–31 December and Friday 1 January 2027, flagged as estimated.
    expect((await d.get(c.id)).publicity).toMatchObject({ end: '2027-01-01', estimated: true, missingYears: [2027] });
    const alert = (await t.request(county, { method: 'GET', url: '/api/calendars/alert' })).json();
    // 28 December: the coming year is due, and this case works on its estimate.
    expect(alert).toMatchObject({ missingYears: [2027], estimatedCases: 1 });
    expect(alert.message).toContain('2027');

    const admin = await t.login('admin');
    const bad = await t.request(admin, {
      method: 'POST',
      url: '/api/calendars',
      payload: { year: 2027, holidays: ['2026-12-31'], workdays: [], source: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const cal = {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
    };
    const loaded = await t.request(admin, { method: 'POST', url: '/api/calendars', payload: cal });
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json().recomputedCases).toBe(1);
    // With New Year off on 1–3 January the fifth working day is Monday 4 January, and no longer an estimate.
    expect((await d.get(c.id)).publicity).toMatchObject({ end: '2027-01-04', uncertain: false, estimated: false });
    expect((await t.request(county, { method: 'GET', url: '/api/calendars/alert' })).json()).toMatchObject({
      missingYears: [],
      estimatedCases: 0,
      message: null,
    });
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', c.id)
      .where('action', '=', 'case.dates_recompute')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

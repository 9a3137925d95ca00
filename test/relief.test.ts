import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * The government relief platform (SPEC §14): "线上受理、县级办理、省州监管". A citizen applies without an account,
 * the responsible department handles it in its inbox, the applicant follows every step, a late application goes up
 * to the county and then the prefecture, and every application is also a monitoring clue on the household.
 */
describe(`government relief platform on ${ENGINE} (SPEC §14)`, () => {
  let t: TestApp;
  let payload: ReturnType<typeof householdPayload>;
  let householdId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    payload = householdPayload(t.village);
    householdId = (await t.services.registry.create(SYSTEM_ACTOR, payload)).id;
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'prefecture',
      password: 'Demo@2026',
      demo: true,
      role: 'supervisor',
      displayName: '州级监管',
      regionCode: '6211',
      department: null,
    });
  });
  afterAll(() => t.close());

  // Each public call comes from its own address, so the per-address rate limit of the public routes (a guard of
  // its own) does not stand in for the per-phone and per-ID quotas tested here.
  let address = 0;
  const from = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  const apply = (body: object) =>
    t.request(undefined, { method: 'POST', url: '/api/public/relief-requests', payload: body, remoteAddress: from() });
  const base = (over: Record<string, unknown> = {}) => ({
    channel: 'self',
    applicantName: '李秀英',
    idNumber: payload.members[1]?.idNumber,
    phone: '138 0000 1234',
    villageCode: t.village,
    itemCode: 'temporary_relief',
    description: '丈夫住院，家里急需生活费',
    ...over,
  });
  const status = (code: string, phone = '13800001234') =>
    t.request(undefined, {
      method: 'GET',
      url: `/api/public/relief-requests/${code}?phone=${phone}`,
      remoteAddress: from(),
    });
  const count = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('relief_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const act = async (user: string, id: string, body: object) =>
    t.request(await t.login(user), { method: 'POST', url: `/api/relief-requests/${id}/actions`, payload: body });
  const inbox = async (user: string, query = '') =>
    (await t.request(await t.login(user), { method: 'GET', url: `/api/relief-requests?${query}` })).json();

  let first: { trackingCode: string; id: string };

  it('lists the fourteen service items for the applicant’s village, without an account', async () => {
    const res = await t.request(undefined, { method: 'GET', url: `/api/public/relief-items?village=${t.village}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json();
    expect(items).toHaveLength(14);
    expect(items[0]).toMatchObject({ name: '临时救助', departmentName: '民政局', limitDays: 10 });
    const bad = await t.request(undefined, { method: 'GET', url: '/api/public/relief-items?village=621124100000' });
    expect(bad.json()).toMatchObject({ code: 'REGION_UNKNOWN', details: { field: 'village' } });
  });

  it('accepts an application without an account, routes it to 民政 with a deadline, and raises a clue', async () => {
    const res = await apply(base());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^JZ[A-Z2-9]{10}$/);
    expect(body).toMatchObject({ itemName: '临时救助', departmentName: '民政局', dueOn: '2026-11-16' });
    const row = await t.ctx.database.db
      .selectFrom('relief_requests')
      .selectAll()
      .where('tracking_code', '=', body.trackingCode)
      .executeTakeFirstOrThrow();
    first = { trackingCode: body.trackingCode, id: row.id };
    expect(row).toMatchObject({ department: 'civil_affairs', status: 'submitted', household_id: householdId });
    expect(row.id_number_enc).not.toContain(payload.members[1]?.idNumber ?? '-');
    const clues = (
      await t.request(await t.login('village'), { method: 'GET', url: `/api/clues?householdId=${householdId}` })
    ).json();
    const clue = clues.items.find((c: { sourceRef: string }) => c.sourceRef === body.trackingCode);
    expect(clue).toMatchObject({ channel: 'self_declaration', sourceKind: 'relief_platform', status: 'open' });
    expect(clue.finding).toContain('临时救助');
    expect(clue.finding).not.toContain(payload.members[1]?.idNumber);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['username', 'action'])
      .where('entity_id', '=', row.id)
      .execute();
    expect(audit).toEqual([{ username: 'citizen', action: 'relief.submit' }]);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: '110105194912310021' }, 'idNumber'],
      [{ phone: '12345' }, 'phone'],
      [{ villageCode: '621124100000' }, 'villageCode'],
      [{ itemCode: 'lottery' }, 'itemCode'],
      [{ applicantName: '   ' }, 'applicantName'],
      [{ channel: 'proxy' }, 'proxy'],
      [{ channel: 'proxy', proxy: { name: '王五', relation: '邻居', phone: '1' } }, 'proxy.phone'],
    ];
    for (const [over, field] of cases) {
      const res = await apply(base(over));
      expect(res.statusCode, JSON.stringify(over)).toBeGreaterThanOrEqual(400);
      expect(res.json().details.field, JSON.stringify(over)).toBe(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await count()).toBe(before);
  });

  it('limits applications per phone and per ID number and day (the public abuse guard)', async () => {
    const other = payload.members[0]?.idNumber;
    expect((await apply(base({ idNumber: other, phone: '13900000001' }))).statusCode).toBe(201);
    expect((await apply(base({ idNumber: other, phone: '13900000002' }))).statusCode).toBe(201);
    expect((await apply(base({ idNumber: other, phone: '13900000003' }))).statusCode).toBe(201);
    const fourth = await apply(base({ idNumber: other, phone: '13900000004' }));
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'RELIEF_QUOTA_EXCEEDED', details: { field: 'idNumber' } });
  });

  it('puts it in 民政’s inbox only; another department neither lists nor opens it', async () => {
    const civil = await inbox('civil', 'status=open');
    expect(civil.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(first.trackingCode);
    const medical = await inbox('department');
    expect(medical.items.map((i: { trackingCode: string }) => i.trackingCode)).not.toContain(first.trackingCode);
    const opened = await t.request(await t.login('department'), {
      method: 'GET',
      url: `/api/relief-requests/${first.id}`,
    });
    expect(opened.statusCode).toBe(404);
    const village = await inbox('village');
    expect(village.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(first.trackingCode);
  });

  it('lets 民政 accept and answer; a village user cannot; the applicant sees each step and rates once', async () => {
    const refused = await act('village', first.id, { type: 'accept' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('RELIEF_NOT_HANDLER');
    const detail = (
      await t.request(await t.login('civil'), { method: 'GET', url: `/api/relief-requests/${first.id}` })
    ).json();
    expect(detail).toMatchObject({ phone: '13800001234', mayHandle: true, inRegistry: true, statusName: '待受理' });
    expect(detail.idNumber).not.toBe(payload.members[1]?.idNumber);
    const villageView = (
      await t.request(await t.login('village'), { method: 'GET', url: `/api/relief-requests/${first.id}` })
    ).json();
    expect(villageView.phone).toBe('138****1234');

    t.setNow('2026-11-04T02:00:00Z');
    expect((await act('civil', first.id, { type: 'accept', note: '已电话联系申请人' })).statusCode).toBe(200);
    const early = await t.request(undefined, {
      method: 'POST',
      url: `/api/public/relief-requests/${first.trackingCode}/rating`,
      payload: { phone: '13800001234', rating: 5 },
    });
    expect(early.json().code).toBe('RELIEF_NOT_REPLIED');
    const noNote = await act('civil', first.id, { type: 'reply', outcome: 'resolved', note: ' ' });
    // A note of spaces is no note: the input guard refuses it by name before the service's own check.
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'note' } });
    expect(
      (await act('civil', first.id, { type: 'reply', outcome: 'resolved', note: '已发放临时救助金1500元' })).statusCode,
    ).toBe(200);

    const seen = (await status(first.trackingCode)).json();
    expect(seen).toMatchObject({
      statusName: '已办结',
      outcomeName: '已解决',
      resultNote: '已发放临时救助金1500元',
      canRate: true,
    });
    expect(seen.steps.map((s: { actionName: string }) => s.actionName)).toEqual(['提交申请', '受理', '办结答复']);
    expect(seen.steps[1].actorName).toBe('民政局');
    expect(JSON.stringify(seen)).not.toContain('civil');
    expect((await status(first.trackingCode, '13900000000')).statusCode).toBe(404);

    const rate = (rating: number) =>
      t.request(undefined, {
        method: 'POST',
        url: `/api/public/relief-requests/${first.trackingCode}/rating`,
        payload: { phone: '13800001234', rating, note: '办得快' },
      });
    expect((await rate(5)).statusCode).toBe(200);
    expect((await rate(1)).json().code).toBe('RELIEF_ALREADY_DONE');
    expect((await act('civil', first.id, { type: 'urge', note: '请加快' })).statusCode).toBe(409);
  });

  it('refers an application to the right department with a reason; it leaves 民政’s inbox', async () => {
    t.setNow('2026-11-05T02:00:00Z');
    const { trackingCode } = (
      await apply(base({ itemCode: 'dibao', phone: '13700000001', description: '长期看病' }))
    ).json();
    const id = (await inbox('civil', 'status=submitted')).items.find(
      (i: { trackingCode: string }) => i.trackingCode === trackingCode,
    ).id;
    const noReason = await act('civil', id, { type: 'refer', department: 'medical_insurance', reason: '' });
    expect(noReason.json().details.field).toBe('reason');
    const toSelf = await act('civil', id, { type: 'refer', department: 'civil_affairs', reason: '重复' });
    expect(toSelf.statusCode).toBe(409);
    const ok = await act('civil', id, {
      type: 'refer',
      department: 'medical_insurance',
      reason: '属医疗费用报销，转医保局',
    });
    expect(ok.json()).toMatchObject({ status: 'submitted', department: 'medical_insurance' });
    expect((await inbox('department')).items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await inbox('civil')).items.map((i: { id: string }) => i.id)).not.toContain(id);
    const steps = (await status(trackingCode, '13700000001')).json().steps;
    expect(steps[1]).toMatchObject({
      actionName: '转办',
      fromDepartmentName: '民政局',
      toDepartmentName: '医疗保障局',
      note: '属医疗费用报销，转医保局',
    });
  });

  it('shows a late application to the county, then escalates it to the prefecture; supervisors urge', async () => {
    t.setNow('2026-11-06T02:00:00Z');
    const { trackingCode, dueOn } = (
      await apply(base({ itemCode: 'job_search', phone: '13600000001', description: '想在县城找份工作' }))
    ).json();
    expect(dueOn).toBe('2026-11-13');
    const overdue = async (user: string, asOf: string) =>
      (
        await t.request(await t.login(user), { method: 'GET', url: `/api/relief-requests/overdue?asOf=${asOf}` })
      ).json();
    const codes = (r: { items: { trackingCode: string }[] }) => r.items.map((i) => i.trackingCode);
    expect(codes(await overdue('county', '2026-11-13'))).not.toContain(trackingCode);
    const county = await overdue('county', '2026-11-14');
    expect(codes(county)).toContain(trackingCode);
    expect(county.items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).escalation).toBe(
      'county',
    );
    expect(codes(await overdue('prefecture', '2026-11-14'))).not.toContain(trackingCode);
    const above = await overdue('prefecture', '2026-11-17');
    expect(codes(above)).toContain(trackingCode);
    expect(above.items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).escalationName).toContain(
      '上报',
    );

    const id = above.items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).id;
    expect((await act('department', id, { type: 'urge', note: '催' })).statusCode).toBe(404);
    expect((await act('prefecture', id, { type: 'urge', note: '请人社局3日内办结' })).statusCode).toBe(200);
    const steps = (await status(trackingCode, '13600000001')).json().steps;
    expect(steps.at(-1)).toMatchObject({ actionName: '督办', actorName: '上级监管部门' });
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['username', 'action'])
      .where('entity_id', '=', id)
      .where('action', '=', 'relief.urge')
      .execute();
    expect(audit).toEqual([{ username: 'prefecture', action: 'relief.urge' }]);
  });

  it('takes 他人代举 with the applicant’s later confirmation, and 政府托举 from a cadre in scope', async () => {
    const res = await apply(
      base({
        channel: 'proxy',
        idNumber: payload.members[2]?.idNumber,
        phone: '13500000001',
        proxy: { name: '王五', relation: '邻居', phone: '13500000002' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().trackingCode;
    expect((await status(code, '13500000001')).json().needsConfirmation).toBe(true);
    const confirm = () =>
      t.request(undefined, {
        method: 'POST',
        url: `/api/public/relief-requests/${code}/confirm`,
        payload: { phone: '13500000001' },
      });
    expect((await confirm()).statusCode).toBe(200);
    expect((await confirm()).json().code).toBe('RELIEF_ALREADY_DONE');
    expect((await status(code, '13500000001')).json().needsConfirmation).toBe(false);

    const filed = await t.request(await t.login('village'), {
      method: 'POST',
      url: '/api/relief-requests',
      payload: { ...base({ itemCode: 'dangerous_house', phone: '13400000001' }), channel: undefined },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const list = (
      await t.request(await t.login('village'), {
        method: 'GET',
        url: `/api/households/${householdId}/relief-requests`,
      })
    ).json();
    expect(list.map((r: { channelName: string }) => r.channelName)).toContain('政府托举');
    const outside = await t.request(await t.login('supervisor'), {
      method: 'POST',
      url: '/api/relief-requests',
      payload: { ...base({ itemCode: 'dangerous_house' }), channel: undefined },
    });
    expect(outside.statusCode).toBe(403);
  });

  it('counts applications by item and department for the month', async () => {
    const figures = (
      await t.request(await t.login('county'), {
        method: 'GET',
        url: '/api/relief-requests/figures?region=621124&month=2026-11',
      })
    ).json();
    expect(figures.totals.received).toBe(await count());
    const temp = figures.items.find((i: { itemCode: string }) => i.itemCode === 'temporary_relief');
    expect(temp).toMatchObject({ departmentName: '民政局', replied: 1, inTime: 1, rated: 1, satisfied: 1 });
  });

  it('puts the month’s applications in the 月调度 report, item by item, equal to a count of the raw rows', async () => {
    const report = (
      await t.request(await t.login('county'), {
        method: 'GET',
        url: '/api/reports/monthly?region=621124&period=2026-11',
      })
    ).json();
    const table = report.tables.find((x: { title: string }) => x.title === '五、政府救助平台申请办理情况');
    expect(table, JSON.stringify(report.tables.map((x: { title: string }) => x.title))).toBeDefined();
    const total = table.rows.find((r: { total?: boolean }) => r.total);
    // columns: 办理部门, 本月受理, 已办结, 按时办结, 超期未办结, 评价, 满意, 满意率
    const raw = await t.ctx.database.db
      .selectFrom('relief_requests')
      .select((eb) => [eb.fn.countAll<string>().as('received'), eb.fn.count<string>('rating').as('rated')])
      .where('county_code', '=', '621124')
      .where('received_on', '>=', '2026-11-01')
      .where('received_on', '<=', '2026-11-30')
      .executeTakeFirstOrThrow();
    expect(total.cells[1]).toBe(Number(raw.received));
    expect(total.cells[5]).toBe(Number(raw.rated));
    const temp = table.rows.find((r: { label: string }) => r.label === '临时救助');
    expect(temp.cells.slice(0, 3)).toEqual(['民政局', expect.any(Number), 1]);
    // a month without applications says so instead of showing an empty table
    const empty = (
      await t.request(await t.login('county'), {
        method: 'GET',
        url: '/api/reports/monthly?region=621124&period=2026-01',
      })
    ).json();
    const none = empty.tables.find((x: { title: string }) => x.title === '五、政府救助平台申请办理情况');
    expect(none.note).toBe('本月没有收到救助申请');
  });

  it('lets a county replace its catalogue with history, naming each bad row', async () => {
    const county = await t.login('county');
    const current = (await t.request(county, { method: 'GET', url: '/api/relief-items?region=621124' })).json();
    const items = current.items.map(({ departmentName: _d, ...i }: Record<string, unknown>) => ({
      ...i,
      riskTypes: ['income'],
    }));
    const bad = await t.request(county, {
      method: 'PUT',
      url: '/api/relief-items',
      payload: { region: '621124', items: [...items, { ...items[0], name: '' }] },
    });
    expect(bad.json().code).toBe('RELIEF_CATALOGUE_INVALID');
    expect(bad.json().message).toContain('第15项');
    const added = { ...items[0], code: 'public_welfare_job', name: '公益性岗位', department: 'hr_social_security' };
    const ok = await t.request(county, {
      method: 'PUT',
      url: '/api/relief-items',
      payload: { region: '621124', items: [...items, added] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const pub = (
      await t.request(undefined, { method: 'GET', url: `/api/public/relief-items?village=${t.village}` })
    ).json();
    expect(pub.map((i: { name: string }) => i.name)).toContain('公益性岗位');
    const village = await t.request(await t.login('village'), {
      method: 'PUT',
      url: '/api/relief-items',
      payload: { region: '621124', items },
    });
    expect(village.statusCode).toBe(403);
  });

  it('files 政府托举 for a registered member from the household file, the name and ID taken from the registry', async () => {
    const village = await t.login('village');
    const head = (await t.services.registry.get(SYSTEM_ACTOR, householdId)).members.find((m) => m.relation === 'head');
    const filed = await t.request(village, {
      method: 'POST',
      url: '/api/relief-requests',
      payload: {
        personId: head?.id,
        phone: '13400000002',
        itemCode: 'serious_illness_relief',
        description: '住院费用难以承担',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const row = await t.ctx.database.db
      .selectFrom('relief_requests')
      .select(['applicant_name', 'household_id', 'person_id', 'channel', 'region_code', 'clue_id'])
      .where('tracking_code', '=', filed.json().trackingCode)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      applicant_name: '张建国',
      household_id: householdId,
      person_id: head?.id,
      channel: 'government',
      region_code: t.village,
    });
    expect(row.clue_id).toBeTruthy();

    // Typed in by hand, every applicant field is required and the answer names the one missing.
    const before = await count();
    const missing = await t.request(village, {
      method: 'POST',
      url: '/api/relief-requests',
      payload: {
        applicantName: '赵六',
        phone: '13400000003',
        villageCode: t.village,
        itemCode: 'serious_illness_relief',
        description: '看病难',
      },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'idNumber' } });
    expect(await count()).toBe(before);

    // A member of a household outside the user's village is not found, and nothing is filed.
    const other = await t.ctx.database.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', '<>', t.village)
      .where('code', 'like', '621124%')
      .executeTakeFirstOrThrow();
    const outside = await t.services.registry.create(
      SYSTEM_ACTOR,
      householdPayload(other.code, {
        members: [{ name: '孙七', idNumber: makeIdNumber('19800101'), relation: 'head', labor: 'full' }],
      }),
    );
    const stranger = (await t.services.registry.get(SYSTEM_ACTOR, outside.id)).members[0];
    const refused = await t.request(village, {
      method: 'POST',
      url: '/api/relief-requests',
      payload: {
        personId: stranger?.id,
        phone: '13400000004',
        itemCode: 'serious_illness_relief',
        description: '看病难',
      },
    });
    expect(refused.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('shows an application in the household file once the applicant is registered (linked by ID number)', async () => {
    const idNumber = makeIdNumber('19900315', 'female');
    const filed = await apply(
      base({ applicantName: '周小梅', idNumber, phone: '13600009876', itemCode: 'serious_illness_relief' }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const code = filed.json().trackingCode;
    const row = await t.ctx.database.db
      .selectFrom('relief_requests')
      .select(['household_id'])
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.household_id).toBeNull();

    const registered = await t.services.registry.create(
      SYSTEM_ACTOR,
      householdPayload(t.village, { members: [{ name: '周小梅', idNumber, relation: 'head', labor: 'full' }] }),
    );
    const village = await t.login('village');
    const list = await t.request(village, { method: 'GET', url: `/api/households/${registered.id}/relief-requests` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((r: { trackingCode: string }) => r.trackingCode)).toEqual([code]);
    // The first household's file does not show it.
    const other = await t.request(village, { method: 'GET', url: `/api/households/${householdId}/relief-requests` });
    expect(other.json().map((r: { trackingCode: string }) => r.trackingCode)).not.toContain(code);
  });

  it('gives the county its catalogue with each item’s risk types, so it can be edited whole', async () => {
    const county = await t.login('county');
    const res = await t.request(county, { method: 'GET', url: '/api/relief-items?region=621124' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.find((i: { code: string }) => i.code === 'temporary_relief')).toMatchObject({
      name: '临时救助',
      riskTypes: expect.any(Array),
    });
    const back = await t.request(county, {
      method: 'PUT',
      url: '/api/relief-items',
      payload: { region: '621124', items: items.map(({ departmentName: _d, ...i }: Record<string, unknown>) => i) },
    });
    expect(back.statusCode, back.body).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`registry API on ${ENGINE} (SPEC §4)`, () => {
  let t: TestApp;
  let county: string;
  let village: string;
  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
    village = await t.login('village');
  });
  afterAll(() => t.close());

  async function create(payload = householdPayload(t.village), cookie = village) {
    return t.request(cookie, { method: 'POST', url: '/api/households', payload });
  }

  it('creates a household with members, a generated code and a head', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const { id, code } = res.json();
    expect(code).toMatch(new RegExp(`^${t.village}\\d{4}$`));
    const file = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    expect(file.members).toHaveLength(3);
    expect(file.members[0].relation).toBe('head');
    expect(file.memberCount).toBe(3);
    expect(file.laborSummary).toBe('has');
  });

  it('shows ID numbers masked: first 6 and last 2, never the birth date (SPEC §17)', async () => {
    const payload = householdPayload(t.village);
    const { id } = (await create(payload)).json();
    const head = payload.members[0]?.idNumber as string;
    for (const user of ['village', 'township', 'supervisor', 'county']) {
      const res = await t.request(await t.login(user), { method: 'GET', url: `/api/households/${id}` });
      expect(res.statusCode, user).toBe(200);
      const file = res.json();
      expect(file.members[0].idNumber).toBe(`${head.slice(0, 6)}**********${head.slice(-2)}`);
      expect(file.members[0].birthDate, user).toBeUndefined();
      expect(file.members[0].age).toBeGreaterThan(18);
      for (const m of payload.members) {
        const digits = (m.idNumber as string).slice(6, 14);
        expect(res.body, `${user} sees digits 7–14`).not.toContain(digits);
        expect(res.body).not.toContain(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`);
      }
    }
  });

  it('gives the birth date only with the revealed number (SPEC §17)', async () => {
    const payload = householdPayload(t.village);
    const { id } = (await create(payload)).json();
    const file = (await t.request(county, { method: 'GET', url: `/api/households/${id}?unmasked=true` })).json();
    const head = payload.members[0]?.idNumber as string;
    expect(file.members[0]).toMatchObject({
      idNumber: head,
      birthDate: `${head.slice(6, 10)}-${head.slice(10, 12)}-${head.slice(12, 14)}`,
    });
  });

  it('answers a member edit and writes its audit row without the birth date (SPEC §17)', async () => {
    const payload = householdPayload(t.village);
    const { id } = (await create(payload)).json();
    const file = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    const member = file.members[1];
    const res = await t.request(village, {
      method: 'PATCH',
      url: `/api/persons/${member.id}`,
      payload: { phone: '13800000000' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().birthDate).toBeUndefined();
    const digits = String(payload.members[1]?.idNumber).slice(6, 14);
    const audit = (await t.request(await t.login('supervisor'), { method: 'GET', url: `/api/audit?householdId=${id}` }))
      .body;
    expect(audit).not.toContain(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`);
  });

  it('keeps neither the birth date nor a revealing mask in the persons table (SPEC §17)', async () => {
    const payload = householdPayload(t.village);
    await create(payload);
    const plain = payload.members[0]?.idNumber as string;
    const row = await t.ctx.database.db
      .selectFrom('persons')
      .selectAll()
      .where('id_number_hash', '=', t.ctx.cipher.hash(plain))
      .executeTakeFirstOrThrow();
    expect(row).not.toHaveProperty('birth_date');
    expect(JSON.stringify(row)).not.toContain(plain.slice(6, 14));
    expect(row.birth_year).toBe(Number(plain.slice(6, 10)));
    expect(row.id_number_masked).toBe(`${plain.slice(0, 6)}**********${plain.slice(-2)}`);
  });

  it('reveals full ID numbers to the county and audits the reveal; a village user is refused', async () => {
    const payload = householdPayload(t.village);
    const { id } = (await create(payload)).json();
    const refused = await t.request(village, { method: 'GET', url: `/api/households/${id}?unmasked=true` });
    expect(refused.statusCode).toBe(403);
    const file = (await t.request(county, { method: 'GET', url: `/api/households/${id}?unmasked=true` })).json();
    expect(file.members[0].idNumber).toBe(payload.members[0]?.idNumber);
    const auditor = await t.login('auditor');
    const audit = (
      await t.request(auditor, { method: 'GET', url: `/api/audit?householdId=${id}&action=person.reveal_id` })
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].username).toBe('county');
  });

  it('stores ID numbers encrypted, never in plain text (SPEC §17)', async () => {
    const payload = householdPayload(t.village);
    await create(payload);
    const plain = payload.members[0]?.idNumber as string;
    const rows = await t.ctx.database.db
      .selectFrom('persons')
      .select(['id_number_enc', 'id_number_hash', 'id_number_masked'])
      .execute();
    for (const r of rows) {
      expect(r.id_number_enc).not.toContain(plain);
      expect(r.id_number_hash).not.toContain(plain);
    }
  });

  it.each([
    ['REGISTRY_ID_CHECKSUM', '110105194912310021'],
    ['REGISTRY_ID_LEGACY_15', '110105491231002'],
    ['REGISTRY_ID_BIRTHDATE', '110105194902300025'.slice(0, 17)],
    ['REGISTRY_ID_FORMAT', '6.21124E+17'],
  ])('refuses %s and names the field', async (code, bad) => {
    const payload = householdPayload(t.village);
    const members = payload.members.map((m, i) =>
      i === 1 ? { ...m, idNumber: code === 'REGISTRY_ID_BIRTHDATE' ? `${bad}5` : bad } : m,
    );
    if (code === 'REGISTRY_ID_BIRTHDATE') {
      const { idCheckChar } = await import('../src/domain/id-number.ts');
      (members[1] as { idNumber: string }).idNumber = bad + idCheckChar(bad);
    }
    const before = await t.ctx.database.db
      .selectFrom('households')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await create({ ...payload, members });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, details: { field: 'members[1].idNumber' } });
    expect(res.json().message).toMatch(/身份证/);
    const after = await t.ctx.database.db
      .selectFrom('households')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a birth date or sex that disagrees with the ID number (SPEC §4.2)', async () => {
    const payload = householdPayload(t.village);
    const m = payload.members.map((x, i) => (i === 0 ? { ...x, birthDate: '1975-03-13' } : x));
    const res = await create({ ...payload, members: m });
    expect(res.json()).toMatchObject({ code: 'REGISTRY_ID_MISMATCH', details: { field: 'members[0].birthDate' } });
    const s = payload.members.map((x, i) => (i === 0 ? { ...x, sex: 'female' as const } : x));
    expect((await create({ ...payload, members: s })).json().code).toBe('REGISTRY_ID_MISMATCH');
  });

  it('keeps a person in at most one household (SPEC §4.2)', async () => {
    const first = householdPayload(t.village);
    expect((await create(first)).statusCode).toBe(201);
    const second = householdPayload(t.village);
    second.members[2] = { ...(first.members[2] as (typeof second.members)[number]) };
    const res = await create(second);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REGISTRY_PERSON_IN_OTHER_HOUSEHOLD');
  });

  it('requires exactly one head', async () => {
    const payload = householdPayload(t.village);
    const none = payload.members.map((m) => ({ ...m, relation: 'child' as const }));
    expect((await create({ ...payload, members: none })).json().code).toBe('REGISTRY_NO_HEAD');
  });

  it('validates the request schema and names the field in Chinese', async () => {
    const res = await create({
      ...householdPayload(t.village),
      members: [{ name: '王五', relation: 'boss' }],
    } as never);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toContain('members.0.idNumber');
  });

  it('computes family and per-capita net income from co-living members only (SPEC §4.3, §7.2 item 9)', async () => {
    const { id } = (await create()).json();
    const file = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    const child = file.members.find((m: { relation: string }) => m.relation === 'child');
    const upd = await t.request(village, {
      method: 'PATCH',
      url: `/api/persons/${child.id}`,
      payload: { status: 'not_sharing' },
    });
    expect(upd.statusCode).toBe(200);
    const res = await t.request(village, {
      method: 'POST',
      url: `/api/households/${id}/incomes`,
      payload: { year: 2025, wage: 12000, businessGross: 5000, businessCost: 2000, property: 0, transfer: 1500.5 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      netIncome: 16500.5,
      memberCount: 2,
      perCapitaNetIncome: 8250.25,
      businessNet: 3000,
    });
  });

  it('keeps the figures of every year and survey, and refuses negative income', async () => {
    const { id } = (await create()).json();
    const post = (payload: object) =>
      t.request(village, { method: 'POST', url: `/api/households/${id}/incomes`, payload });
    await post({ year: 2024, wage: 10000 });
    await post({ year: 2025, wage: 11000 });
    await post({ year: 2025, survey: '2025年第三季度集中排查', wage: 9000 });
    const file = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    expect(file.incomes).toHaveLength(3);
    expect((await post({ year: 2025, wage: -1 })).json().code).toBe('VALIDATION');
  });

  it('lists with filters and paging', async () => {
    const payload = householdPayload(t.village);
    const { id } = (await create(payload)).json();
    const byId = (
      await t.request(village, { method: 'GET', url: `/api/households?idNumber=${payload.members[1]?.idNumber}` })
    ).json();
    expect(byId.total).toBe(1);
    expect(byId.persons).toBe(3);
    expect(byId.items[0].id).toBe(id);
    const byName = (
      await t.request(village, {
        method: 'GET',
        url: `/api/households?name=${encodeURIComponent('李秀英')}&pageSize=2`,
      })
    ).json();
    expect(byName.total).toBeGreaterThan(2);
    expect(byName.items).toHaveLength(2);
    // Fuzzy search (issue 14 point 6): part of a name, the household code, the ID number's last digits.
    const find = async (q: string) =>
      (
        await t.request(village, { method: 'GET', url: `/api/households?name=${encodeURIComponent(q)}&pageSize=200` })
      ).json() as { items: { id: string }[] };
    const code = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json().code as string;
    expect((await find('秀')).items.map((i) => i.id)).toContain(id);
    expect((await find(code)).items.map((i) => i.id)).toEqual([id]);
    const tail = String(payload.members[1]?.idNumber).slice(-2);
    expect((await find(tail)).items.map((i) => i.id)).toContain(id);
    expect((await find('%')).items).toHaveLength(0);
    const monitored = (await t.request(village, { method: 'GET', url: '/api/households?status=monitored' })).json();
    expect(monitored.total).toBe(0);
  });

  it('records every change and read in the household history (SPEC §4.1, §17)', async () => {
    const { id } = (await create()).json();
    await t.request(village, { method: 'PATCH', url: `/api/households/${id}`, payload: { address: '新地址' } });
    await t.request(village, { method: 'GET', url: `/api/households/${id}` });
    const hist = (await t.request(village, { method: 'GET', url: `/api/households/${id}/history` })).json();
    const actions = hist.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['household.create', 'household.update', 'household.read']));
    const upd = hist.items.find((i: { action: string }) => i.action === 'household.update');
    expect(upd.before.address).toBe('测试村一组1号');
    expect(upd.after.address).toBe('新地址');
  });

  it('refuses an outdated version (optimistic concurrency)', async () => {
    const { id } = (await create()).json();
    const res = await t.request(village, {
      method: 'PATCH',
      url: `/api/households/${id}`,
      payload: { address: 'x', version: 99 },
    });
    expect(res.statusCode).toBe(409);
  });

  it('changes the head only through the household', async () => {
    const { id } = (await create()).json();
    const file = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    const spouse = file.members.find((m: { relation: string }) => m.relation === 'spouse');
    expect(
      (await t.request(village, { method: 'PATCH', url: `/api/persons/${spouse.id}`, payload: { relation: 'head' } }))
        .statusCode,
    ).toBe(400);
    const res = await t.request(village, {
      method: 'PATCH',
      url: `/api/households/${id}`,
      payload: { headPersonId: spouse.id },
    });
    expect(res.statusCode).toBe(200);
    const again = (await t.request(village, { method: 'GET', url: `/api/households/${id}` })).json();
    expect(
      again.members.filter((m: { relation: string }) => m.relation === 'head').map((m: { id: string }) => m.id),
    ).toEqual([spouse.id]);
  });

  it('adds a member and refuses an ID already registered elsewhere', async () => {
    const { id } = (await create()).json();
    const idNumber = makeIdNumber('20200202', 'female');
    const ok = await t.request(village, {
      method: 'POST',
      url: `/api/households/${id}/members`,
      payload: { name: '张小红', idNumber, relation: 'child', labor: 'not_working_age' },
    });
    expect(ok.statusCode).toBe(201);
    const other = (await create()).json();
    const dup = await t.request(village, {
      method: 'POST',
      url: `/api/households/${other.id}/members`,
      payload: { name: '张小红', idNumber, relation: 'child' },
    });
    expect(dup.json().code).toBe('REGISTRY_PERSON_IN_OTHER_HOUSEHOLD');
  });
});

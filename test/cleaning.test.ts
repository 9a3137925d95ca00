import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import type { PersonInput } from '../src/modules/registry/person-input.ts';
import { importRows, type KnownHousehold, knownHousehold } from './feeds-fixtures.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const YEAR = 2025;

describe(`data cleaning on ${ENGINE} (SPEC §17)`, () => {
  let t: TestApp;
  let county: string;
  const hh: Record<string, KnownHousehold> = {};
  const exec = (q: ReturnType<typeof sql>) => q.execute(t.ctx.database.db);
  const personId = async (h: KnownHousehold, relation: PersonInput['relation']) =>
    (
      await t.ctx.database.db
        .selectFrom('persons')
        .select('id')
        .where('household_id', '=', h.id)
        .where('relation', '=', relation)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
    const income = [{ year: YEAR, wage: 36000 }];
    hh.oldChild = await knownHousehold(t, t.village, income, {
      child: { name: '老大', idNumber: makeIdNumber('19600505', 'male') },
    });
    for (const name of ['dupA', 'dupB']) {
      hh[name] = await knownHousehold(t, t.village, income, {
        child: { name: '同名人', idNumber: makeIdNumber('19900101', 'male') },
      });
    }
    for (const name of ['clean', 'badId', 'badBirth', 'deadHead', 'deathRecord', 'noHead', 'negative', 'count']) {
      hh[name] = await knownHousehold(t, t.village, income);
    }
    hh.noIncome = await knownHousehold(t, t.village);
    // Legacy or bulk-loaded rows that never went through the registry's checks:
    const id = await personId(hh.badId as KnownHousehold, 'spouse');
    const broken = `${(hh.badId as KnownHousehold).spouse.idNumber.slice(0, 17)}${(hh.badId as KnownHousehold).spouse.idNumber.endsWith('1') ? '2' : '1'}`;
    await exec(sql`UPDATE persons SET id_number_enc = ${t.ctx.cipher.encrypt(broken)} WHERE id = ${id}::uuid`);
    await exec(
      sql`UPDATE persons SET birth_year = 1973 WHERE id = ${await personId(hh.badBirth as KnownHousehold, 'spouse')}::uuid`,
    );
    await exec(
      sql`UPDATE persons SET status = 'deceased' WHERE id = ${await personId(hh.deadHead as KnownHousehold, 'head')}::uuid`,
    );
    await exec(
      sql`UPDATE persons SET relation = 'sibling' WHERE id = ${await personId(hh.noHead as KnownHousehold, 'head')}::uuid`,
    );
    await exec(
      sql`UPDATE household_incomes SET business_cost = 50000 WHERE household_id = ${(hh.negative as KnownHousehold).id}::uuid`,
    );
    await exec(
      sql`UPDATE household_incomes SET member_count = 5 WHERE household_id = ${(hh.count as KnownHousehold).id}::uuid`,
    );
    const d = hh.deathRecord as KnownHousehold;
    await importRows(t, 'public_security', 'register_change', [
      { name: d.spouse.name, idNumber: d.spouse.idNumber, changeType: '死亡注销', changeDate: '2026-09-12' },
    ]);
  });
  afterAll(() => t.close());

  const problemsOf = async (h: KnownHousehold | undefined) => {
    const r = (
      await t.request(county, { method: 'GET', url: `/api/cleaning/problems?region=${t.village}&pageSize=500` })
    ).json();
    return r.items
      .filter((p: { householdId: string }) => p.householdId === h?.id)
      .map((p: { ruleCode: string }) => p.ruleCode)
      .sort();
  };

  it('lists each kind of problem with the record and the reason (SPEC §17 list)', async () => {
    const run = await t.request(county, { method: 'POST', url: '/api/cleaning/runs', payload: { year: YEAR } });
    expect(run.statusCode, run.body).toBe(201);
    expect(await problemsOf(hh.clean)).toEqual([]);
    expect(await problemsOf(hh.badId)).toEqual(['ID_INVALID']);
    expect(await problemsOf(hh.badBirth)).toEqual(['ID_MISMATCH']);
    expect(await problemsOf(hh.dupA)).toEqual(['DUPLICATE_PERSON']);
    expect(await problemsOf(hh.dupB)).toEqual(['DUPLICATE_PERSON']);
    expect(await problemsOf(hh.deadHead)).toEqual(['DECEASED_HEAD', 'PER_CAPITA_MISMATCH']);
    expect(await problemsOf(hh.deathRecord)).toEqual(['DEATH_RECORD_MEMBER']);
    expect(await problemsOf(hh.noHead)).toEqual(['NO_HEAD']);
    expect(await problemsOf(hh.oldChild)).toEqual(['IMPOSSIBLE_RELATION']);
    expect(await problemsOf(hh.negative)).toEqual(['INCOME_NEGATIVE']);
    expect(await problemsOf(hh.count)).toEqual(['PER_CAPITA_MISMATCH']);
    expect(await problemsOf(hh.noIncome)).toEqual(['INCOME_MISSING']);
    const list = (await t.request(county, { method: 'GET', url: `/api/cleaning/problems?rule=ID_INVALID` })).json();
    expect(list.items[0]).toMatchObject({ regionCode: t.village, reason: '身份证号校验位错误' });
    expect(list.items[0].householdCode).toMatch(/^\d{16}$/);
    expect(list.items[0].details.idNumberMasked).toMatch(/\*/);
    expect(JSON.stringify(list)).not.toContain((hh.badId as KnownHousehold).spouse.idNumber.slice(6, 14));
    expect(list.byRule.find((r: { ruleCode: string }) => r.ruleCode === 'ID_INVALID')).toMatchObject({ count: 1 });
    expect(list.lastRun).toMatchObject({ year: YEAR });
  });

  it('a new run replaces the list: a fixed problem disappears', async () => {
    await t.services.registry.recordIncome(SYSTEM_ACTOR, (hh.noIncome as KnownHousehold).id, {
      year: YEAR,
      wage: 1000,
    });
    await t.request(county, { method: 'POST', url: '/api/cleaning/runs', payload: { year: YEAR } });
    expect(await problemsOf(hh.noIncome)).toEqual([]);
    expect(await problemsOf(hh.badId)).toEqual(['ID_INVALID']);
  });

  it('village users read the problems of their village; only the county runs the rules', async () => {
    const village = await t.login('village');
    const list = await t.request(village, { method: 'GET', url: '/api/cleaning/problems' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((p: { regionCode: string }) => p.regionCode.startsWith(t.village))).toBe(true);
    expect((await t.request(village, { method: 'POST', url: '/api/cleaning/runs', payload: {} })).statusCode).toBe(403);
    const outside = await t.request(village, { method: 'GET', url: '/api/cleaning/problems?region=621124' });
    expect(outside.statusCode).toBe(403);
  });

  it('suspects a duplicate only when the same name, sex and birth year appear in another household', async () => {
    const first = hh.clean as KnownHousehold;
    const twin = { name: first.head.name, idNumber: makeIdNumber('19700101', 'male') };
    const h = await knownHousehold(t, t.village, [{ year: YEAR, wage: 1 }], { head: twin });
    await t.request(county, { method: 'POST', url: '/api/cleaning/runs', payload: { year: YEAR } });
    expect(await problemsOf(h)).toEqual(['DUPLICATE_PERSON']);
    expect(await problemsOf(first)).toEqual(['DUPLICATE_PERSON']);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('cleaning.run');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});

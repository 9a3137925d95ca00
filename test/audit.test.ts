import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`audit log on ${ENGINE} (SPEC §17)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('audit_log')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes one row for every write and every household read, with who, role, region, before and after', async () => {
    const village = await t.login('village');
    const n0 = await count();
    const { id } = (
      await t.request(village, { method: 'POST', url: '/api/households', payload: householdPayload(t.village) })
    ).json();
    expect(await count()).toBe(n0 + 1);
    await t.request(village, { method: 'GET', url: `/api/households/${id}` });
    expect(await count()).toBe(n0 + 2);
    await t.request(village, {
      method: 'POST',
      url: `/api/households/${id}/incomes`,
      payload: { year: 2025, wage: 1000 },
    });
    expect(await count()).toBe(n0 + 3);
    const last = await t.ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      username: 'village',
      role: 'village',
      action: 'income.record',
      region_code: t.village,
      household_id: id,
    });
  });

  it('does not write when a change fails', async () => {
    const village = await t.login('village');
    const n0 = await count();
    const bad = householdPayload(t.village);
    (bad.members[0] as { idNumber: string }).idNumber = '110105194912310021';
    expect((await t.request(village, { method: 'POST', url: '/api/households', payload: bad })).statusCode).toBe(400);
    expect(await count()).toBe(n0);
  });

  it('cannot be updated or deleted, even with SQL', async () => {
    await expect(sql`update audit_log set username = 'x'`.execute(t.ctx.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.ctx.database.db)).rejects.toThrow(/append-only/);
  });

  it('never stores plain ID numbers', async () => {
    const payload = householdPayload(t.village);
    await t.request(await t.login('village'), { method: 'POST', url: '/api/households', payload });
    const rows = await sql<{
      t: string;
    }>`select coalesce(before::text, '') || coalesce(after::text, '') as t from audit_log`.execute(t.ctx.database.db);
    for (const r of rows.rows) for (const m of payload.members) expect(r.t).not.toContain(m.idNumber);
  });

  it('filters by scope: a supervisor of the county sees county rows', async () => {
    const res = (
      await t.request(await t.login('supervisor'), { method: 'GET', url: '/api/audit?action=household.create' })
    ).json();
    expect(res.total).toBeGreaterThan(0);
    for (const i of res.items) expect(i.regionCode.startsWith('621124')).toBe(true);
  });
});

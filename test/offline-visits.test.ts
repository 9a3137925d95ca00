import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** Offline visits (issue 14 point 3): a visit uploaded with the phone's id is recorded once, however often sent. */
describe(`offline visit upload on ${ENGINE} (issue 14 point 3)`, () => {
  let t: TestApp;
  let village: string;
  beforeAll(async () => {
    t = await startTestApp();
    village = await t.login('village');
  });
  afterAll(() => t.close());

  const household = async () => {
    const res = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const upload = (householdId: string, clientId: string, cookie = village, finding = '家中有人住院') =>
    t.request(cookie, {
      method: 'POST',
      url: '/api/clues/visits',
      payload: { householdId, clientId, finding, riskTypes: ['medical'], visitedOn: '2026-09-02' },
    });
  const clues = async (householdId: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from clues where household_id = ${householdId}::uuid`.execute(t.ctx.database.db)
      ).rows[0]?.n,
    );

  it('answers a repeat upload with the first record and records nothing twice', async () => {
    const h = await household();
    const clientId = crypto.randomUUID();
    const first = await upload(h, clientId);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ repeated: false });
    const again = await upload(h, clientId);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: first.json().id, repeated: true });
    expect(await clues(h)).toBe(1);
  });

  it('records one visit when the same upload arrives twice at once', async () => {
    const h = await household();
    const clientId = crypto.randomUUID();
    const [a, b] = await Promise.all([upload(h, clientId), upload(h, clientId)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await clues(h)).toBe(1);
  });

  it('refuses an id already used for another household or by another cadre: VISIT_ID_REUSED', async () => {
    const [h1, h2] = [await household(), await household()];
    const clientId = crypto.randomUUID();
    expect((await upload(h1, clientId)).statusCode).toBe(201);
    const other = await upload(h2, clientId);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('VISIT_ID_REUSED');
    const byTownship = await upload(h1, clientId, await t.login('township'));
    expect(byTownship.json().code).toBe('VISIT_ID_REUSED');
    expect(await clues(h2)).toBe(0);
  });

  it('keeps no receipt for a household outside the cadre’s scope', async () => {
    const res = await upload(crypto.randomUUID(), crypto.randomUUID());
    expect(res.statusCode).toBe(404);
  });
});

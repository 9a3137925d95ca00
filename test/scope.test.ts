import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Scope isolation over HTTP for every role (SPEC §3): a user sees and acts on what lies inside their region and
 * nothing else; outside it a household is 404, never the data.
 */
describe(`scope isolation on ${ENGINE} (SPEC §3, §17)`, () => {
  let t: TestApp;
  let own: string; // household in the demo village
  let sameTownship: string; // another village of the demo township
  let otherTownship: string; // a village in another township
  beforeAll(async () => {
    t = await startTestApp();
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    const otherVillage = villages[1]?.code as string;
    const townships = (await t.services.regions.children(SYSTEM_ACTOR, '621124')).children;
    const farVillage = (await t.services.regions.children(SYSTEM_ACTOR, townships[1]?.code as string)).children[0]
      ?.code as string;
    own = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village))).id;
    sameTownship = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(otherVillage))).id;
    otherTownship = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(farVillage))).id;
  });
  afterAll(() => t.close());

  const get = async (user: string, id: string) =>
    (await t.request(await t.login(user), { method: 'GET', url: `/api/households/${id}` })).statusCode;
  const listIds = async (user: string) =>
    (await t.request(await t.login(user), { method: 'GET', url: '/api/households?pageSize=200' }))
      .json()
      .items.map((i: { id: string }) => i.id);

  it('village user: own village only; another village is 404', async () => {
    expect(await get('village', own)).toBe(200);
    expect(await get('village', sameTownship)).toBe(404);
    expect(await get('village', otherTownship)).toBe(404);
    expect(await listIds('village')).toEqual([own]);
  });

  it('township user: its villages only', async () => {
    expect(await get('township', own)).toBe(200);
    expect(await get('township', sameTownship)).toBe(200);
    expect(await get('township', otherTownship)).toBe(404);
    expect((await listIds('township')).sort()).toEqual([own, sameTownship].sort());
  });

  it('county user, supervisor and admin: the whole county', async () => {
    for (const u of ['county', 'supervisor', 'admin']) {
      expect(await get(u, otherTownship)).toBe(200);
      expect(await listIds(u)).toHaveLength(3);
    }
  });

  it('supervisor is read-only', async () => {
    const cookie = await t.login('supervisor');
    const res = await t.request(cookie, { method: 'PATCH', url: `/api/households/${own}`, payload: { address: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_FORBIDDEN');
    const created = await t.request(cookie, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(created.statusCode).toBe(403);
  });

  it('department user sees no household file (SPEC §17: only what it pushed)', async () => {
    expect(await get('department', own)).toBe(403);
    const res = await t.request(await t.login('department'), { method: 'GET', url: '/api/households' });
    expect(res.statusCode).toBe(403);
  });

  it('a village user cannot write into another village', async () => {
    const cookie = await t.login('village');
    const res = await t.request(cookie, {
      method: 'PATCH',
      url: `/api/households/${sameTownship}`,
      payload: { address: 'x' },
    });
    expect(res.statusCode).toBe(404);
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    const into = await t.request(cookie, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(villages[1]?.code as string),
    });
    expect(into.statusCode).toBe(403);
    expect(into.json().code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('anonymous requests are refused with 401', async () => {
    const res = await t.request(undefined, { method: 'GET', url: '/api/households' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' });
  });

  it('wrong password is refused and audited', async () => {
    const res = await t.request(undefined, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'county', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID');
    const rows = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('username')
      .where('action', '=', 'user.login_failed')
      .execute();
    expect(rows.map((r) => r.username)).toContain('county');
  });

  it('region tree: a village user sees the branch to its village and nothing beside it', async () => {
    const cookie = await t.login('village');
    const county = (await t.request(cookie, { method: 'GET', url: '/api/regions/621124/children' })).json();
    expect(county.children.map((c: { code: string }) => c.code)).toEqual([t.township]);
    const township = (await t.request(cookie, { method: 'GET', url: `/api/regions/${t.township}/children` })).json();
    expect(township.children.map((c: { code: string }) => c.code)).toEqual([t.village]);
    const other = await t.request(cookie, { method: 'GET', url: '/api/regions/620102/children' });
    expect(other.statusCode).toBe(403);
  });

  it('audit log: audit administrator and supervisor within scope; other roles refused (三员分立)', async () => {
    for (const u of ['auditor', 'supervisor']) {
      const res = await t.request(await t.login(u), { method: 'GET', url: '/api/audit' });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBeGreaterThan(0);
    }
    for (const u of ['village', 'township', 'county', 'department', 'admin', 'security']) {
      expect((await t.request(await t.login(u), { method: 'GET', url: '/api/audit' })).statusCode, u).toBe(403);
    }
  });
});

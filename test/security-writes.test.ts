import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/schema.ts';
import { type Actor, can, type Permission, SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { isWriteMethod } from '../src/server/route-permission.ts';
import { csv, multipart } from './feeds-fixtures.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** The demo users, one per role (src/modules/demo/demo-county.ts). */
const USERS: { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'security', role: 'security_admin' },
  { username: 'auditor', role: 'audit_admin' },
  { username: 'supervisor', role: 'supervisor' },
  { username: 'county', role: 'county' },
  { username: 'township', role: 'township' },
  { username: 'village', role: 'village' },
  { username: 'department', role: 'department' },
  { username: 'project', role: 'project_officer' },
];
const UUID = '00000000-0000-4000-8000-000000000000';

/** Write checks and leaks (issue 11 point 5; 等保 2.0 L3 访问控制). */
describe(`write checks and leaks on ${ENGINE} (issue 11 point 5)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every write route declares its permission (or is public)', () => {
    const routes = t.app.declaredRoutes.filter((r) => isWriteMethod(r.method));
    expect(routes.length).toBeGreaterThan(40);
    const undeclared = routes.filter((r) => !r.permission && !r.public).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    // a public route declares nothing else: its rate limit and its own checks are its rule
    expect(routes.filter((r) => r.public && r.permission)).toEqual([]);
  });

  it('refuses a role without the declared permission before reading or validating the body', async () => {
    const gated = t.app.declaredRoutes.filter(
      (r) =>
        isWriteMethod(r.method) && r.permission && r.permission !== 'signed-in' && !r.permission.startsWith('policy:'),
    );
    expect(gated.length).toBeGreaterThan(20);
    const refusals: string[] = [];
    for (const route of gated) {
      const url = route.url.replace(/:[a-zA-Z]+/g, (p) => (p === ':code' ? 'x' : UUID)).replace('.:format', '.csv');
      for (const u of USERS) {
        const actor = { role: u.role } as Actor;
        if (can(actor, route.permission as Permission)) continue;
        const res = await t.request(await t.login(u.username), {
          method: route.method as 'POST',
          url,
          payload: { unexpected: 'x'.repeat(10) },
        });
        if (res.statusCode !== 403) refusals.push(`${u.username} ${route.method} ${url}: ${res.statusCode}`);
      }
    }
    expect(refusals).toEqual([]);
  });

  it('gives the security and the audit administrator and the project officer only the routes of their job', async () => {
    const own: Record<string, RegExp> = {
      security: /^\/api\/(auth|regions|users)(\/|$)/,
      auditor: /^\/api\/(auth|regions|audit)(\/|$)/,
      // docs/decisions/0036: the fund library, and the household list to pick a beneficiary
      project: /^\/api\/((auth|regions|projects|project-assets|project-asset-changes)(\/|$)|households$)/,
    };
    const reads = t.app.declaredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    expect(reads.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const [username, allowed] of Object.entries(own)) {
      const cookie = await t.login(username);
      for (const route of reads.filter((r) => !r.public && !allowed.test(r.url))) {
        const url = route.url
          .replace(/:[a-zA-Z]+/g, (p) => (p === ':code' ? '621124' : UUID))
          .replace('.:format', '.csv');
        const res = await t.request(cookie, { method: 'GET', url });
        if (res.statusCode !== 403) leaks.push(`${username} GET ${url}: ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    // and what is theirs answers
    expect((await t.request(await t.login('security'), { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    expect((await t.request(await t.login('auditor'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    expect((await t.request(await t.login('security'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.request(await t.login('auditor'), { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await t.request(await t.login('project'), { method: 'GET', url: '/api/projects' })).statusCode).toBe(200);
    expect((await t.request(await t.login('project'), { method: 'GET', url: '/api/households' })).statusCode).toBe(200);
  });

  it('POST /api/clues needs a writing role in scope: supervisor and department are refused (SPEC §6)', async () => {
    const household = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const body = { channel: 'social', sourceKind: 'hotline', householdId: household.id, finding: '热线反映因病' };
    for (const user of ['supervisor', 'department']) {
      const res = await t.request(await t.login(user), { method: 'POST', url: '/api/clues', payload: body });
      expect(res.statusCode, user).toBe(403);
      expect(res.json()).not.toHaveProperty('merged');
    }
    const village = await t.request(await t.login('village'), { method: 'POST', url: '/api/clues', payload: body });
    expect(village.statusCode).toBe(201);
    // the same facts again: merged, told only to a user who may write here
    const again = await t.request(await t.login('supervisor'), { method: 'POST', url: '/api/clues', payload: body });
    expect(again.statusCode).toBe(403);
  });

  it('a 409 on adding a member never names a household outside the scope (SPEC §4.2)', async () => {
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    const otherVillage = villages[1]?.code as string;
    const elsewhere = householdPayload(otherVillage);
    const taken = (elsewhere.members[1] as { idNumber: string }).idNumber;
    const other = await t.services.registry.create(SYSTEM_ACTOR, elsewhere);
    const otherCode = (await t.services.registry.get(SYSTEM_ACTOR, other.id)).code as string;
    const own = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const member = { name: '赵新', idNumber: taken, relation: 'child', labor: 'full' };
    const village = await t.request(await t.login('village'), {
      method: 'POST',
      url: `/api/households/${own.id}/members`,
      payload: member,
    });
    expect(village.statusCode).toBe(409);
    expect(village.body).not.toContain(otherCode);
    expect(village.json().details).not.toHaveProperty('householdCode');
    // the township holds both villages: it is told which household
    const township = await t.request(await t.login('township'), {
      method: 'POST',
      url: `/api/households/${own.id}/members`,
      payload: member,
    });
    expect(township.statusCode).toBe(409);
    expect(township.json().details.householdCode).toBe(otherCode);
    // a household outside the scope is 404 before the ID number is looked at
    const intoOther = await t.request(await t.login('village'), {
      method: 'POST',
      url: `/api/households/${other.id}/members`,
      payload: { ...member, idNumber: (householdPayload(t.village).members[0] as { idNumber: string }).idNumber },
    });
    expect(intoOther.statusCode).toBe(404);
  });

  describe('bad-row reports (SPEC §10)', () => {
    let importId: string;
    const idNumber = makeIdNumber('19700303', 'male');
    beforeAll(async () => {
      const content = csv([
        ['姓名', '身份证号', '就诊医院', '疾病名称', '入院日期', '出院日期', '医疗总费用', '个人自付', '结算日期'],
        ['=HYPERLINK("http://evil.example")', idNumber, "=cmd|' /C calc'!A0", '肺癌', '2026-10-05', '2026-10-03'],
        ['+SUM(A1)', idNumber, '@SUM(A1)', '-2+3', '2026-10-05', '2026-10-03', '-5', '1', '2026-10-06'],
      ]);
      const res = await t.request(await t.login('department'), {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...multipart('结算.csv', content),
      });
      expect(res.statusCode).toBe(201);
      importId = res.json().id;
    });

    const download = async (user: string) =>
      t.request(await t.login(user), { method: 'GET', url: `/api/feed-imports/${importId}/errors.csv` });
    const reads = async (user: string) =>
      t.ctx.database.db
        .selectFrom('audit_log')
        .select(['after'])
        .where('action', '=', 'feed.errors_read')
        .where('username', '=', user)
        .execute();

    it('give the rows as sent only to the sending department and to roles that may reveal IDs, audited', async () => {
      const sup = await download('supervisor');
      expect(sup.statusCode).toBe(200);
      expect(sup.body).not.toContain(idNumber);
      expect(sup.body).not.toContain('肺癌');
      expect(sup.body).toContain('行号');
      expect(await reads('supervisor')).toEqual([{ after: { format: 'csv', originals: false } }]);
      for (const user of ['department', 'county']) {
        const res = await download(user);
        expect(res.body, user).toContain(idNumber);
        expect(await reads(user)).toEqual([{ after: { format: 'csv', originals: true } }]);
      }
    });

    it('write formula-looking cells as text in CSV (CWE-1236)', async () => {
      const body = (await download('county')).body;
      expect(body).toContain(`'=HYPERLINK(`);
      expect(body).toContain(`'=cmd|`);
      expect(body).toContain(`'+SUM(A1)`);
      expect(body).toContain(`'@SUM(A1)`);
      expect(body).toContain(`'-2+3`);
      expect(body).not.toMatch(/(^|,|")[=+@]/m);
      expect(body).toMatch(/(^|,)-5(,|$)/m); // a plain number stays a number
    });
  });
});

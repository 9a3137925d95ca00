import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

let ipSeq = 0;
/** Each login from its own address, so that the per-IP limit (10 a minute) does not mix into what a test checks. */
const fromIp = () => `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

async function login(t: TestApp, username: string, password: string, extra: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: fromIp(),
    ...extra,
  });
}
const cookieOf = (res: Awaited<ReturnType<typeof login>>) => {
  const c = res.cookies.find((k) => k.name === 'sx_session');
  if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return `sx_session=${c.value}`;
};

describe(`accounts in demo mode on ${ENGINE} (issue 11: 等保 2.0 level 3 identity)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ['locked1', 'pwchange', 'idle1']) {
      await t.services.auth.addUser(SYSTEM_ACTOR, {
        username,
        password: 'Demo@2026',
        demo: true,
        role: 'village',
        regionCode: t.village,
      });
    }
  });
  afterAll(() => t.close());

  it('locks an account after 5 failures in 15 minutes, even for the right password, and audits it', async () => {
    for (let i = 0; i < 4; i++) expect((await login(t, 'locked1', 'wrong-password')).statusCode).toBe(401);
    const fifth = await login(t, 'locked1', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    const right = await login(t, 'locked1', 'Demo@2026');
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('AUTH_LOCKED');
    const audit = await t.request(await t.login('auditor'), {
      method: 'GET',
      url: '/api/audit?username=locked1&action=user.locked',
    });
    expect(audit.json().total).toBe(1);
  });

  it('locks unknown usernames the same way, so that the answer does not tell which names exist', async () => {
    for (let i = 0; i < 4; i++) expect((await login(t, 'ghost1', 'x')).json().code).toBe('AUTH_INVALID');
    expect((await login(t, 'ghost1', 'x')).json().code).toBe('AUTH_LOCKED');
  });

  it('audits failed logins of unknown names under the county, where its auditors see them', async () => {
    await login(t, 'nosuchuser', 'whatever1');
    for (const user of ['supervisor', 'auditor']) {
      const res = await t.request(await t.login(user), {
        method: 'GET',
        url: '/api/audit?username=nosuchuser&action=user.login_failed',
      });
      expect(res.json().total, user).toBe(1);
      expect(res.json().items[0].regionCode).toBe('621124');
    }
  });

  it('answers an unknown username as slowly as a wrong password (a hash is always verified)', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      await login(t, username, 'not-the-password');
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      await t.ctx.database.db.deleteFrom('login_failures').execute();
      known.push(await time('township'));
      unknown.push(await time(`nobody${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    await t.ctx.database.db.deleteFrom('login_failures').execute();
  });

  it('ignores X-Forwarded-For from clients: it neither resets the per-IP limit nor forges the audited address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `xff${i}`, password: 'x' },
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const audit = (
      await t.request(await t.login('auditor'), {
        method: 'GET',
        url: '/api/audit?username=xff0&action=user.login_failed',
      })
    ).json();
    expect(audit.items[0].ip).toBe('10.9.9.9');
  });

  it('ends a session after 30 idle minutes and 8 hours after login', async () => {
    const res = await login(t, 'idle1', 'Demo@2026');
    const cookie = cookieOf(res);
    expect(res.cookies.find((c) => c.name === 'sx_session')?.maxAge).toBe(8 * 3600);
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const row = await t.ctx.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.created_at', 'sessions.expires_at', 'sessions.token_hash'])
      .where('users.username', '=', 'idle1')
      .executeTakeFirstOrThrow();
    const hours = (new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()) / 3600_000;
    expect(hours).toBeCloseTo(8, 1);
    await sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = ${row.token_hash}`.execute(
      t.ctx.database.db,
    );
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changes a password under the policy and ends every other session', async () => {
    const first = cookieOf(await login(t, 'pwchange', 'Demo@2026'));
    const second = cookieOf(await login(t, 'pwchange', 'Demo@2026'));
    const change = (newPassword: string, currentPassword = 'Demo@2026') =>
      t.request(first, { method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });
    expect((await change('Short1!')).json()).toMatchObject({ code: 'PASSWORD_WEAK', details: { field: 'password' } });
    expect((await change('alllowercaseletters')).json().code).toBe('PASSWORD_WEAK');
    expect((await change('Xpwchange2026!')).json().code).toBe('PASSWORD_WEAK');
    expect((await change('Good-Passw0rd', 'wrong')).json().code).toBe('PASSWORD_CURRENT_WRONG');
    const ok = await change('Good-Passw0rd');
    expect(ok.statusCode, ok.body).toBe(200);
    const renewed = `sx_session=${ok.cookies.find((c) => c.name === 'sx_session')?.value}`;
    expect((await t.request(first, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.request(second, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.request(renewed, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await login(t, 'pwchange', 'Demo@2026')).statusCode).toBe(401);
    const back = await t.request(renewed, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Good-Passw0rd', newPassword: 'Demo@2026' },
    });
    expect(back.json().code).toMatch(/PASSWORD_(WEAK|REUSED)/);
    const reuse = await t.request(renewed, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Good-Passw0rd', newPassword: 'Good-Passw0rd' },
    });
    expect(reuse.json().code).toBe('PASSWORD_REUSED');
  });

  it('manages users: create, list with last login, unlock, disable, reset the password, change role and region', async () => {
    const admin = await t.login('security');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'chenjing', password: 'Initial-Pass9', role: 'village', regionCode: t.village },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const weak = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weakling', password: 'abc123', role: 'village', regionCode: t.village },
    });
    expect(weak.json().code).toBe('PASSWORD_WEAK');

    const session = await login(t, 'chenjing', 'Initial-Pass9');
    expect(session.json().pending).toBe('password_change');
    for (let i = 0; i < 5; i++) await login(t, 'chenjing', 'wrong');
    const list = (await t.request(admin, { method: 'GET', url: '/api/users' })).json();
    const row = list.find((u: { username: string }) => u.username === 'chenjing');
    expect(row.lastLoginAt).not.toBeNull();
    expect(row.recentFailures).toBe(5);
    expect((await login(t, 'chenjing', 'Initial-Pass9')).statusCode).toBe(423);
    expect((await t.request(admin, { method: 'POST', url: `/api/users/${id}/unlock` })).statusCode).toBe(200);
    const again = await login(t, 'chenjing', 'Initial-Pass9');
    expect(again.statusCode).toBe(200);

    expect((await t.request(admin, { method: 'POST', url: `/api/users/${id}/disable` })).statusCode).toBe(200);
    expect((await t.request(cookieOf(again), { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(t, 'chenjing', 'Initial-Pass9')).statusCode).toBe(401);
    await t.request(admin, { method: 'POST', url: `/api/users/${id}/enable` });

    const reset = await t.request(admin, {
      method: 'POST',
      url: `/api/users/${id}/reset-password`,
      payload: { password: 'Reset-Pass42' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await login(t, 'chenjing', 'Reset-Pass42')).json().pending).toBe('password_change');

    const moved = await t.request(admin, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { role: 'township', regionCode: t.township },
    });
    expect(moved.json()).toMatchObject({ role: 'township', regionCode: t.township });
    const wrongLevel = await t.request(admin, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { role: 'county' },
    });
    expect(wrongLevel.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'regionCode' } });

    const actions = (
      await t.request(await t.login('auditor'), { method: 'GET', url: `/api/audit?entityId=${id}&pageSize=50` })
    ).json();
    expect(actions.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'user.unlock',
        'user.disable',
        'user.enable',
        'user.password_reset',
        'user.role_change',
      ]),
    );
  });

  it('refuses user management to every role but the security administrator', async () => {
    for (const user of ['admin', 'auditor', 'county', 'village', 'supervisor', 'department']) {
      const cookie = await t.login(user);
      expect((await t.request(cookie, { method: 'GET', url: '/api/users' })).statusCode, user).toBe(403);
      const created = await t.request(cookie, {
        method: 'POST',
        url: '/api/users',
        payload: { username: `x${user}`, password: 'Initial-Pass9', role: 'village', regionCode: t.village },
      });
      expect(created.statusCode, user).toBe(403);
    }
  });

  describe('三员分立: system, security and audit administrators (issue 11 point 3)', () => {
    const get = async (user: string, url: string) => t.request(await t.login(user), { method: 'GET', url });
    const householdBody = () => ({ regionCode: t.village, address: '一组', members: [] });

    it('tells the web app every role’s permissions from the one server table, and the web type names them all', async () => {
      const me = async (user: string) => (await get(user, '/api/auth/me')).json().permissions as string[];
      expect(await me('auditor')).toEqual(['audit.read', 'audit.manage']);
      expect(await me('security')).toEqual(['users.manage']);
      expect(await me('county')).toEqual(expect.arrayContaining(['pii.reveal', 'county.work']));
      expect(await me('admin')).not.toContain('audit.read');
      expect(await me('village')).not.toContain('county.work');
      // the web's Permission type is the union written in web/src/api/types.ts: it must name exactly the server's list
      const types = await readFile(new URL('../web/src/api/types.ts', import.meta.url), 'utf8');
      const union = /permissions: Array<([^>]*)>/.exec(types)?.[1] ?? '';
      expect([...union.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1]).sort()).toEqual([...PERMISSIONS].sort());
    });

    it('refuses the audit log to the system and the security administrator; the audit administrator reads it', async () => {
      for (const user of ['admin', 'security']) {
        const res = await get(user, '/api/audit');
        expect(res.statusCode, user).toBe(403);
        expect(res.json().code, user).toBe('AUTH_FORBIDDEN');
      }
      expect((await get('auditor', '/api/audit')).statusCode).toBe(200);
    });

    it('refuses monitoring data and business writes to the security and the audit administrator', async () => {
      for (const user of ['security', 'auditor']) {
        for (const url of ['/api/households', '/api/clues', '/api/cases', '/api/projects', '/api/relief-requests']) {
          expect((await get(user, url)).statusCode, `${user} ${url}`).toBe(403);
        }
        const cookie = await t.login(user);
        const created = await t.request(cookie, { method: 'POST', url: '/api/households', payload: householdBody() });
        expect(created.statusCode, user).toBe(403);
        const clue = await t.request(cookie, {
          method: 'POST',
          url: '/api/clues',
          payload: { channel: 'social', sourceKind: 'hotline', finding: '热线反映' },
        });
        expect(clue.statusCode, user).toBe(403);
        const setting = await t.request(cookie, {
          method: 'PUT',
          url: '/api/settings/x',
          payload: { regionCode: '621124', value: 1 },
        });
        expect(setting.statusCode, user).toBe(403);
      }
      expect((await get('admin', '/api/households')).statusCode).toBe(200);
    });

    it('keeps the administrator roles out of the web: none is granted, changed or reset there', async () => {
      const security = await t.login('security');
      const grant = await t.request(security, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'newauditor', password: 'Initial-Pass9', role: 'audit_admin', regionCode: '621124' },
      });
      expect(grant.statusCode).toBe(403);
      expect(grant.json().code).toBe('USER_ADMIN_CONSOLE_ONLY');
      const list = (await t.request(security, { method: 'GET', url: '/api/users' })).json();
      const idOf = (name: string) => list.find((u: { username: string }) => u.username === name).id as string;
      expect(list.find((u: { username: string }) => u.username === 'auditor')).toMatchObject({
        role: 'audit_admin',
        roleLabel: '审计管理员',
        locked: false,
      });
      // the security administrator cannot change its own role, nor take over the auditor's account
      const own = await t.request(security, {
        method: 'PATCH',
        url: `/api/users/${idOf('security')}`,
        payload: { role: 'audit_admin' },
      });
      expect(own.statusCode).toBe(403);
      for (const [path, payload] of [
        ['reset-password', {}],
        ['disable', undefined],
        ['unlock', undefined],
      ] as const) {
        const res = await t.request(security, {
          method: 'POST',
          url: `/api/users/${idOf('auditor')}/${path}`,
          payload,
        });
        expect(res.json().code, path).toBe('USER_ADMIN_CONSOLE_ONLY');
      }
      const promote = await t.request(security, {
        method: 'PATCH',
        url: `/api/users/${idOf('county')}`,
        payload: { role: 'audit_admin' },
      });
      expect(promote.json().code).toBe('USER_ADMIN_CONSOLE_ONLY');
      // the console (the system, no user behind it) may
      const byConsole = await t.services.auth.addUser(SYSTEM_ACTOR, {
        username: 'auditor2',
        password: 'Initial-Pass9',
        role: 'audit_admin',
        regionCode: '621124',
      });
      expect(byConsole.id).toBeTruthy();
    });

    it('resets a password to a one-time password shown once, which logs in and must be changed', async () => {
      const security = await t.login('security');
      const created = await t.request(security, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'wangfang', password: 'Initial-Pass9', role: 'admin', regionCode: '621124' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const reset = await t.request(security, {
        method: 'POST',
        url: `/api/users/${created.json().id}/reset-password`,
        payload: {},
      });
      expect(reset.statusCode, reset.body).toBe(200);
      const { password } = reset.json();
      expect(password).toMatch(/^\S{10,}$/);
      const res = await login(t, 'wangfang', password);
      expect(res.statusCode, res.body).toBe(200);
      // demo mode does not spare a non-demo administrator: second factor first
      expect(res.json().pending).toBe('second_factor_setup');
      const list = (await t.request(security, { method: 'GET', url: '/api/users' })).json();
      expect(JSON.stringify(list)).not.toContain(password);
    });
  });

  it('tells the login page that this is the demo (issue 11 point 9)', async () => {
    expect((await t.request(undefined, { method: 'GET', url: '/api/auth/mode' })).json()).toEqual({ demo: true });
  });

  it('lets demo users in with the demo password alone: no forced change, no second factor', async () => {
    for (const user of ['admin', 'county', 'village']) {
      const res = await login(t, user, 'Demo@2026');
      expect(res.json().pending, user).toBeNull();
      expect((await t.request(cookieOf(res), { method: 'GET', url: '/api/regions/621124' })).statusCode).not.toBe(403);
    }
  });
});

describe(`accounts in production mode on ${ENGINE} (issue 11)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { demo: false, trustedProxies: ['127.0.0.1'] } });
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'liming',
      password: 'Initial-Pass1',
      role: 'village',
      regionCode: t.village,
    });
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'zhaoju',
      password: 'Initial-Pass2',
      role: 'county',
      regionCode: '621124',
    });
  });
  afterAll(() => t.close());

  it('refuses the demo users outside demo mode', async () => {
    const res = await login(t, 'village', 'Demo@2026');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_DEMO_USER');
    expect((await t.request(undefined, { method: 'GET', url: '/api/auth/mode' })).json()).toEqual({ demo: false });
  });

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'liming', password: 'Initial-Pass1' },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.2.0.1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.cookies.find((c) => c.name === 'sx_session')?.secure).toBe(true);
  });

  it('forces the change of an initial password before anything else', async () => {
    const res = await login(t, 'liming', 'Initial-Pass1');
    expect(res.json().pending).toBe('password_change');
    const cookie = cookieOf(res);
    const blocked = await t.request(cookie, { method: 'GET', url: '/api/households' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'AUTH_STEP_REQUIRED', details: { step: 'password_change' } });
    const changed = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Initial-Pass1', newPassword: 'Own-Passw0rd' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const renewed = `sx_session=${changed.cookies.find((c) => c.name === 'sx_session')?.value}`;
    expect((await t.request(renewed, { method: 'GET', url: '/api/households' })).statusCode).toBe(200);
  });

  it('requires a TOTP second factor of the county, with single-use recovery codes', async () => {
    const first = await login(t, 'zhaoju', 'Initial-Pass2');
    expect(first.json().pending).toBe('second_factor_setup');
    const cookie = cookieOf(first);
    expect((await t.request(cookie, { method: 'GET', url: '/api/households' })).statusCode).toBe(403);
    const setup = (await t.request(cookie, { method: 'POST', url: '/api/auth/second-factor/setup' })).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    const bad = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/second-factor/enable',
      payload: { code: '000000' },
    });
    expect(bad.json().code).toBe('AUTH_SECOND_FACTOR_INVALID');
    const enabled = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/second-factor/enable',
      payload: { code: generateSync({ secret: setup.secret }) },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    const codes: string[] = enabled.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).json().pending).toBe('password_change');
    await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Initial-Pass2', newPassword: 'County-Passw0rd' },
    });

    const again = await login(t, 'zhaoju', 'County-Passw0rd');
    expect(again.json().pending).toBe('second_factor');
    const c2 = cookieOf(again);
    const wrong = await t.request(c2, {
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      payload: { code: '123456' },
    });
    expect(wrong.statusCode).toBe(401);
    const recovered = await t.request(c2, {
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      payload: { code: codes[0] },
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect((await t.request(c2, { method: 'GET', url: '/api/households' })).statusCode).toBe(200);

    const third = cookieOf(await login(t, 'zhaoju', 'County-Passw0rd'));
    const reused = await t.request(third, {
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      payload: { code: codes[0] },
    });
    expect(reused.statusCode).toBe(401);
    // the enrolment spent the current step's code: the next step's (one step of drift is accepted) logs in
    const next = generateSync({ secret: setup.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const totp = await t.request(third, {
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      payload: { code: next },
    });
    expect(totp.statusCode, totp.body).toBe(200);

    // replay guard: a code is good once per account, and no earlier step's code after it (RFC 6238 §5.2)
    const fourth = cookieOf(await login(t, 'zhaoju', 'County-Passw0rd'));
    const verify = (code: string) =>
      t.request(fourth, { method: 'POST', url: '/api/auth/second-factor/verify', payload: { code } });
    const replayed = await verify(next);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('AUTH_SECOND_FACTOR_INVALID');
    expect((await verify(generateSync({ secret: setup.secret }))).statusCode).toBe(401);
    expect((await t.request(fourth, { method: 'GET', url: '/api/households' })).statusCode).toBe(403);
    const later = await verify(generateSync({ secret: setup.secret, epoch: Math.floor(Date.now() / 1000) + 60 }));
    // two steps ahead is outside the drift window: refused as well, and not spent
    expect(later.statusCode).toBe(401);
    expect(codes[1]).toBeTruthy();
    expect((await verify(codes[1] as string)).statusCode).toBe(200);
  });

  it('lets two TOTP codes of one step through only once when sent at the same time', async () => {
    const { id } = await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'racer1',
      password: 'Initial-Pass3',
      role: 'admin',
      regionCode: '621124',
    });
    const cookie = cookieOf(await login(t, 'racer1', 'Initial-Pass3'));
    const setup = (await t.request(cookie, { method: 'POST', url: '/api/auth/second-factor/setup' })).json();
    const enable = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/second-factor/enable',
      payload: { code: generateSync({ secret: setup.secret, epoch: Math.floor(Date.now() / 1000) - 30 }) },
    });
    expect(enable.statusCode, enable.body).toBe(200);
    const a = cookieOf(await login(t, 'racer1', 'Initial-Pass3'));
    const b = cookieOf(await login(t, 'racer1', 'Initial-Pass3'));
    const now = Math.floor(Date.now() / 1000);
    const code = generateSync({ secret: setup.secret, epoch: now });
    const answers = await Promise.all(
      [a, b].map((c) => t.request(c, { method: 'POST', url: '/api/auth/second-factor/verify', payload: { code } })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const row = await t.ctx.database.db
      .selectFrom('users')
      .select('totp_last_step')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.totp_last_step)).toBe(Math.floor(now / 30));
  });
});

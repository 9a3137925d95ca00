import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { AuditActions } from '../src/modules/audit/audit-actions.ts';
import { verifyAuditChain } from '../src/modules/audit/audit-chain.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** The audit log cannot be rewritten unseen (issue 11 point 4; 等保 2.0 L3 安全审计). */
describe(`audit hash chain on ${ENGINE}`, () => {
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
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('links every row, including those of parallel transactions, and verifies', async () => {
    // parallel transactions that each write audit rows (households of different villages: codes do not collide)
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children.slice(0, 6);
    await Promise.all(villages.map((v) => t.services.registry.create(SYSTEM_ACTOR, householdPayload(v.code))));
    const report = await verifyAuditChain(t.ctx.database.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.links).toBe(await count());
    expect(report.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('audits reads of lists, histories and the audit log itself', async () => {
    const household = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const county = await t.login('county');
    const admin = await t.login('admin');
    const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });
    expect((await get(county, '/api/households?pageSize=5')).statusCode).toBe(200);
    expect((await get(county, `/api/households/${household.id}/history`)).statusCode).toBe(200);
    expect((await get(county, '/api/cases')).statusCode).toBe(200);
    expect((await get(county, '/api/clues')).statusCode).toBe(200);
    const audit = await get(admin, '/api/audit?pageSize=10');
    expect(audit.statusCode).toBe(200);
    const actions = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', 'in', [
        AuditActions.householdList,
        AuditActions.householdHistoryRead,
        AuditActions.caseList,
        AuditActions.clueList,
        AuditActions.auditRead,
      ])
      .execute();
    expect(new Set(actions.map((a) => `${a.username} ${a.action}`))).toEqual(
      new Set([
        'county household.list',
        'county household.history_read',
        'county case.list',
        'county clue.list',
        'admin audit.read',
      ]),
    );
    // reading a history does not become part of it
    const history = (await get(county, `/api/households/${household.id}/history`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['household.create']);
  });

  it('finds a row changed, deleted or written with the triggers disabled', async () => {
    const db = t.ctx.database.db;
    const ids = (await db.selectFrom('audit_log').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
    // what the probe did with the application's own role: disable the triggers, rewrite, delete, insert unseen
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    await sql`UPDATE audit_log SET after = '{"forged":true}' WHERE id = ${ids[0]}`.execute(db);
    await sql`DELETE FROM audit_log WHERE id = ${ids[1]}`.execute(db);
    await sql`INSERT INTO audit_log (username, role, action, entity, region_code) VALUES ('ghost', 'admin', 'user.login', 'user', '')`.execute(
      db,
    );
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    const kinds = report.problems.map((p) => `${p.kind} ${p.auditId}`);
    expect(kinds).toContain(`changed ${ids[0]}`);
    expect(kinds).toContain(`missing_row ${ids[1]}`);
    expect(report.problems.some((p) => p.kind === 'unlinked_row')).toBe(true);
  });

  it.runIf(ENGINE === 'postgres')(
    'gives the application role INSERT only on the audit log (scripts/postgres-roles.sql)',
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      const role = `sx_app_${crypto.randomBytes(4).toString('hex')}`;
      const dbName = (await sql<{ d: string }>`select current_database() as d`.execute(t.ctx.database.db)).rows[0]
        ?.d as string;
      const ownerUrl = new URL(url.toString());
      ownerUrl.pathname = `/${dbName}`;
      const owner = new pg.Client({ connectionString: ownerUrl.toString() });
      await owner.connect();
      try {
        await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-pass-123'`);
        const script = fs.readFileSync('scripts/postgres-roles.sql', 'utf8').replaceAll(':"app_role"', `"${role}"`);
        await owner.query(script);
        const appUrl = new URL(url.toString());
        appUrl.username = role;
        appUrl.password = 'app-pass-123';
        appUrl.pathname = `/${dbName}`;
        const app = await openPostgres(appUrl.toString());
        try {
          expect(await migrate(app)).toEqual([]); // the server starts on a migrated database without DDL rights
          await app.db
            .insertInto('audit_log')
            .values({ username: 'app', role: 'admin', action: AuditActions.userLogin, entity: 'user', region_code: '' })
            .execute();
          for (const stmt of [
            'UPDATE audit_log SET username = username',
            'DELETE FROM audit_log',
            'TRUNCATE audit_log',
            'ALTER TABLE audit_log DISABLE TRIGGER USER',
            'DELETE FROM audit_chain',
            "INSERT INTO audit_chain (audit_id, prev, hash) VALUES (0, '\\x00', '\\x00')",
          ]) {
            await expect(sql.raw(stmt).execute(app.db), stmt).rejects.toThrow(/permission denied|must be owner/);
          }
        } finally {
          await app.close();
        }
        expect((await verifyAuditChain(t.ctx.database.db)).links).toBeGreaterThan(0);
      } finally {
        await owner.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}; DROP ROLE ${role}`);
        await owner.end();
      }
    },
  );
});

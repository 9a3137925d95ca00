import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { AuditActions } from '../src/modules/audit/audit-actions.ts';
import { archiveAuditLog, verifyAuditArchive } from '../src/modules/audit/audit-archive.ts';
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
    const auditor = await t.login('auditor');
    const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });
    expect((await get(county, '/api/households?pageSize=5')).statusCode).toBe(200);
    expect((await get(county, `/api/households/${household.id}/history`)).statusCode).toBe(200);
    expect((await get(county, '/api/cases')).statusCode).toBe(200);
    expect((await get(county, '/api/clues')).statusCode).toBe(200);
    const audit = await get(auditor, '/api/audit?pageSize=10');
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
        'auditor audit.read',
      ]),
    );
    // reading a history does not become part of it
    const history = (await get(county, `/api/households/${household.id}/history`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['household.create']);
  });

  describe('retention and archive (at least six months)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-audit-archive-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const actor = { ...SYSTEM_ACTOR, username: 'cli' };
    /** 'YYYY-MM' of `date` plus `months`, China time. */
    const month = (date: Date, months: number) => {
      const d = new Date(date.getTime() + 8 * 3600_000);
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + months);
      return d.toISOString().slice(0, 7);
    };
    const inMonths = (months: number) => {
      const d = new Date();
      d.setUTCMonth(d.getUTCMonth() + months);
      return d;
    };
    let first = '';
    let second = '';

    it('refuses a retention under six months and an archive inside the retention', async () => {
      const put = async (months: number) =>
        t.request(await t.login('admin'), {
          method: 'PUT',
          url: '/api/settings/audit.retentionMonths',
          payload: { regionCode: '621124', value: { months } },
        });
      const short = await put(5);
      expect(short.statusCode, short.body).toBe(400);
      expect(short.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'value.months' } });
      // Rows of this month, five months on: still inside six months.
      await expect(
        archiveAuditLog(t.ctx.database.db, {
          before: month(new Date(), 1),
          out: path.join(dir, 'early.jsonl.gz'),
          now: inMonths(6),
          actor,
        }),
      ).rejects.toMatchObject({ code: 'AUDIT_RETENTION' });
      expect(fs.existsSync(path.join(dir, 'early.jsonl.gz'))).toBe(false);
      // A county that keeps them twelve months holds every archive to twelve.
      expect((await put(12)).statusCode).toBe(200);
      await expect(
        archiveAuditLog(t.ctx.database.db, {
          before: month(new Date(), 1),
          out: path.join(dir, 'early.jsonl.gz'),
          now: inMonths(8),
          actor,
        }),
      ).rejects.toMatchObject({ code: 'AUDIT_RETENTION', details: { retentionMonths: 12 } });
    });

    it('archives rows older than the retention; the live chain and the archive both verify', async () => {
      const db = t.ctx.database.db;
      const before = await count();
      first = path.join(dir, 'first.jsonl.gz');
      const r = await archiveAuditLog(db, { before: month(new Date(), 1), out: first, now: inMonths(14), actor });
      expect(r.rows).toBe(before);
      expect(r.retentionMonths).toBe(12);
      // Only the archive's own row is left, chained from the anchor.
      const left = await db.selectFrom('audit_log').select(['action', 'after']).execute();
      expect(left.map((x) => x.action)).toEqual([AuditActions.auditArchived]);
      const live = await verifyAuditChain(db);
      expect(live.problems).toEqual([]);
      expect(live.anchor).toEqual({ toSeq: r.toSeq, lastHash: r.lastHash });
      const archive = await verifyAuditArchive(first, db);
      expect(archive).toMatchObject({ ok: true, rows: before, anchored: true, lastHash: r.lastHash });

      // New rows, then a second archive that takes the first one's row too: each archive starts where the last ended.
      await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
      second = path.join(dir, 'second.jsonl.gz');
      const r2 = await archiveAuditLog(db, { before: month(new Date(), 1), out: second, now: inMonths(14), actor });
      expect(r2.rows).toBeGreaterThan(1);
      expect(BigInt(r2.fromSeq as string)).toBe(BigInt(r.toSeq as string) + 1n);
      expect((await verifyAuditChain(db)).ok).toBe(true);
      expect((await verifyAuditArchive(second, db)).ok).toBe(true);
      expect((await verifyAuditArchive(first, db)).ok).toBe(true);
      // Nothing new to archive: no file.
      const none = await archiveAuditLog(db, {
        before: month(new Date(), 1),
        out: path.join(dir, 'none.jsonl.gz'),
        now: inMonths(14),
        actor,
      });
      expect(none.rows).toBe(0);
      expect(fs.existsSync(path.join(dir, 'none.jsonl.gz'))).toBe(false);
    });

    it('detects a changed, removed or cut archive line, and a live chain cut past its anchor', async () => {
      const lines = gunzipSync(fs.readFileSync(first)).toString('utf8').trimEnd().split('\n');
      const write = (name: string, out: string[]) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, gzipSync(`${out.join('\n')}\n`));
        return file;
      };
      const changed = lines.map((l, i) => (i === 2 ? l.replace(/"action":"[^"]+"/, '"action":"user.login"') : l));
      expect(changed[2]).not.toBe(lines[2]);
      const a = await verifyAuditArchive(write('changed.jsonl.gz', changed), t.ctx.database.db);
      expect(a.ok).toBe(false);
      expect(a.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['changed', 'not_anchored']));
      const removed = await verifyAuditArchive(
        write(
          'removed.jsonl.gz',
          lines.filter((_, i) => i !== 3),
        ),
      );
      expect(removed.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing_link', 'broken_link']));
      const cut = await verifyAuditArchive(write('cut.jsonl.gz', lines.slice(0, -3)));
      expect(cut.problems.map((p) => p.kind)).toContain('truncated');

      // The application cannot delete through the archive path: not without the setting, nor past the anchor.
      const db = t.ctx.database.db;
      await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`SELECT set_config('shouxian.audit_archive', 'on', true)`.execute(trx);
          await sql`DELETE FROM audit_log`.execute(trx);
        }),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_archives`.execute(db)).rejects.toThrow(/append-only/);
    });
  });

  it('finds a row changed, deleted or written with the triggers disabled', async () => {
    const db = t.ctx.database.db;
    // rows to tamper with (the archive above left one)
    await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
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
            'DELETE FROM audit_archives',
            "INSERT INTO audit_archives (cutoff, from_seq, to_seq, row_count, start_prev, last_hash, file_name, file_sha256, archived_by) VALUES (now(), 1, 1, 1, '\\x00', '\\x00', 'f', 'x', 'app')",
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

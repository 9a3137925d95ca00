import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditActions } from '../src/modules/audit/audit-actions.ts';
import { archiveAuditLog } from '../src/modules/audit/audit-archive.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function rowsOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('审计日志');
  const rows: string[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

/** The audit administrator exports and verifies the audit log on the web (issue 11 point 4; 三员分立). */
describe(`audit administrator's export and verification on ${ENGINE}`, () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-audit-admin-'));
    t = await startTestApp({ config: { dataDir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (user: string, url: string) => t.request(await t.login(user), { method: 'GET', url });
  const post = async (user: string, url: string) => t.request(await t.login(user), { method: 'POST', url });
  const actionsOf = async (action: string) =>
    t.ctx.database.db
      .selectFrom('audit_log')
      .select(['username', 'after'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it('are the audit administrator’s only: every other role is refused', async () => {
    for (const user of ['admin', 'supervisor', 'county', 'security', 'village']) {
      expect((await post(user, '/api/audit/verify')).statusCode, user).toBe(403);
      expect((await get(user, '/api/audit/export.xlsx')).statusCode, user).toBe(403);
      expect((await get(user, '/api/audit/archives')).statusCode, user).toBe(403);
      expect((await post(user, '/api/audit/archives/1/verify')).statusCode, user).toBe(403);
      // nor through the general export routes
      expect((await get(user, '/api/exports/audit.xlsx')).statusCode, user).toBe(403);
    }
    const job = await t.request(await t.login('admin'), {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'audit' },
    });
    expect(job.statusCode).toBe(403);
    expect(await actionsOf(AuditActions.auditVerify)).toEqual([]);
    expect(await actionsOf(AuditActions.auditExport)).toEqual([]);
  });

  it('exports the log with Chinese headers, people and actions by name, no ids; the export is audited', async () => {
    await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    // a change made by a named user: the county officer reads a household list
    expect((await get('county', '/api/households?pageSize=5')).statusCode).toBe(200);
    const res = await get('auditor', '/api/audit/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志.xlsx'));
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]?.[0]).toBe('审计日志');
    const header = rows.find((r) => r[0] === '时间');
    expect(header).toEqual([
      '时间',
      '用户',
      '登录名',
      '角色',
      '操作',
      '对象',
      '户编号',
      '区划',
      '变更前',
      '变更后',
      'IP地址',
      '链序号',
    ]);
    const data = rows.slice(rows.indexOf(header as string[]) + 1, -1);
    const region = (
      await t.ctx.database.db
        .selectFrom('users')
        .select('region_code')
        .where('username', '=', 'auditor')
        .executeTakeFirstOrThrow()
    ).region_code;
    const total = Number(
      (
        await t.ctx.database.db
          .selectFrom('audit_log')
          .where('region_code', 'like', `${region}%`)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // every row of the auditor's region as it stood when the export began (its own row is written after the file)
    expect(data.length).toBe(total - 1);
    const countyName = (
      await t.ctx.database.db
        .selectFrom('users')
        .select('display_name')
        .where('username', '=', 'county')
        .executeTakeFirstOrThrow()
    ).display_name;
    const read = data.find((r) => r[2] === 'county' && r[4] === '查询农户列表');
    expect(read?.[1]).toBe(countyName);
    expect(read?.[3]).toBe('县级');
    expect(data.some((r) => r[4] === '新建农户' && r[1] === '系统' && /^\d{10,}/.test(r[6] ?? ''))).toBe(true);
    for (const r of data) {
      expect(r.join('|')).not.toMatch(UUID);
      expect(r[4]).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
    const audited = await actionsOf(AuditActions.auditExport);
    expect(audited.map((a) => a.username)).toEqual(['auditor']);
    expect(audited[0]?.after).toMatchObject({ ledger: 'audit', export: true, rows: data.length });
  });

  it('filters the export as the page does', async () => {
    const res = await get('auditor', `/api/audit/export.xlsx?action=${AuditActions.householdList}&username=county`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(rows.some((r) => r.join('').includes('操作 查询农户列表'))).toBe(true);
    const header = rows.findIndex((r) => r[0] === '时间');
    const data = rows.slice(header + 1, -1);
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((r) => `${r[2]} ${r[4]}`))).toEqual(new Set(['county 查询农户列表']));
  });

  it('verifies the chain with the console’s check, in Chinese, and audits it', async () => {
    const res = await post('auditor', '/api/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, problems: [] });
    expect(body.summary).toMatch(/^哈希链完整：在线日志共 [\d,]+ 条记录/);
    expect(body.head.hash).toMatch(/^[0-9a-f]{64}$/);
    const audited = await actionsOf(AuditActions.auditVerify);
    expect(audited.map((a) => a.username)).toEqual(['auditor']);
    expect(audited[0]?.after).toMatchObject({ result: '完整', problems: 0 });
  });

  it('names a tampered row by time, person and action', async () => {
    const db = t.ctx.database.db;
    const target = await db
      .selectFrom('audit_log')
      .select(['id', 'after'])
      .where('username', '=', 'county')
      .where('action', '=', AuditActions.householdList)
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    await sql`UPDATE audit_log SET after = '{"forged":true}' WHERE id = ${target.id}`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
    const body = (await post('auditor', '/api/audit/verify')).json();
    expect(body.ok).toBe(false);
    expect(body.summary).toBe('哈希链校验未通过：发现 1 处问题。');
    expect(body.problems).toEqual([
      expect.objectContaining({
        kind: 'changed',
        text: '记录内容被修改',
        username: 'county',
        action: 'household.list',
      }),
    ]);
    const last = (await actionsOf(AuditActions.auditVerify)).at(-1);
    expect(last?.after).toMatchObject({ result: '发现问题', problems: 1 });
    // put it back as written, for the archive below
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    await sql`UPDATE audit_log SET after = ${JSON.stringify(target.after)}::jsonb WHERE id = ${target.id}`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  });

  it('lists the archives with their file on the server and verifies one', async () => {
    const db = t.ctx.database.db;
    expect((await post('auditor', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    const out = path.join(dataDir, 'audit-archive', 'audit-before-test.jsonl.gz');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 1);
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 14);
    const report = await archiveAuditLog(db, {
      before: next.toISOString().slice(0, 7),
      out,
      now: later,
      actor: { ...SYSTEM_ACTOR, username: 'cli' },
    });
    expect(report.rows).toBeGreaterThan(0);
    const list = await get('auditor', '/api/audit/archives');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ rows: report.rows, fileName: path.basename(out), fileOnServer: true });
    const verified = await post('auditor', `/api/audit/archives/${items[0].id}/verify`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ ok: true, rows: report.rows, problems: [] });
    expect(verified.json().summary).toMatch(/^归档文件完整/);
    // the live chain still verifies after the archive
    expect((await post('auditor', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    // an unknown archive: not found
    expect((await post('auditor', '/api/audit/archives/999999/verify')).statusCode).toBe(404);
    const reads = await actionsOf(AuditActions.auditArchivesRead);
    expect(reads.map((r) => r.username)).toEqual(['auditor']);
    expect(await unknownAuditActions(db)).toEqual([]);
  });
});

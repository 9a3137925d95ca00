import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedUploads, UPLOAD_DIR_PREFIX } from '../src/modules/feeds/recover-uploads.ts';
import { multipart } from './feeds-fixtures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** Uploads bounded before they are read (issue 11 point 6). */
describe(`uploads on ${ENGINE} (issue 11 point 6)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a role that may not import before the file is read', async () => {
    const body = multipart('x.csv', 'a,b\r\n1,2');
    for (const user of ['village', 'township', 'supervisor']) {
      const res = await t.request(await t.login(user), {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...body,
      });
      expect(res.statusCode, user).toBe(403);
    }
    const anonymous = await t.request(undefined, {
      method: 'POST',
      url: '/api/feeds/medical_insurance/imports?period=2026-10',
      ...body,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an announced body over the limit with 413 before reading it', async () => {
    const res = await t.request(await t.login('department'), {
      method: 'POST',
      url: '/api/feeds/medical_insurance/imports?period=2026-10',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(3 * 1024 ** 3) },
      payload: '--x--',
    });
    expect([413]).toContain(res.statusCode);
  });

  it('marks imports left loading as failed and removes upload temp files on start', async () => {
    const db = t.ctx.database.db;
    const stuck = await db
      .insertInto('feed_imports')
      .values({
        department: 'medical_insurance',
        record_kind: 'settlement',
        region_code: '621124',
        period: '2026-10',
        file_name: 'killed.csv',
        file_sha256: 'f'.repeat(64),
        batch_size: 1000,
        status: 'loading',
        imported_by: 'department',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-tmp-'));
    const left = fs.mkdtempSync(path.join(tmp, UPLOAD_DIR_PREFIX));
    fs.writeFileSync(path.join(left, 'plain'), '姓名,身份证号\r\n');
    const r = await recoverInterruptedUploads(db, { exclusive: true, tmpDir: tmp });
    expect(r.importsFailed).toBeGreaterThanOrEqual(1);
    expect(r.tempDirsRemoved).toBe(1);
    expect(fs.existsSync(left)).toBe(false);
    const row = await db
      .selectFrom('feed_imports')
      .select(['status'])
      .where('id', '=', stuck.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/shouxian.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-backup-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SHOUXIAN_DATA_KEY: '', LOG_LEVEL: 'warn' };

async function shouxian(...args: string[]) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env, timeout: 300_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** What must survive a restore: the figures, and ID numbers that still decrypt with the key kept apart. */
async function figures() {
  const ctx = await openAppContext(loadConfig(env), { command: 'test' });
  try {
    const db = ctx.database.db;
    const { rows } = await sql<{ households: number; persons: number; audit: number; income: string }>`
      select (select count(*) from households)::int as households, (select count(*) from persons)::int as persons,
             (select count(*) from audit_log)::int as audit,
             (select coalesce(sum(wage), 0)::text from household_incomes) as income`.execute(db);
    const ids = await db.selectFrom('persons').select('id_number_enc').execute();
    const decrypted = ids.map((p) => ctx.cipher.decrypt(p.id_number_enc));
    return { ...rows[0], ids: decrypted.sort() };
  } finally {
    await ctx.close();
  }
}

/** Restore drill (issue 11 point 8; 等保 2.0 L3 数据备份恢复): backup → wipe → restore → identical figures. */
describe('shouxian backup / restore (embedded PGlite)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('restores identical figures and decryptable ID numbers after the database is wiped', async () => {
    expect((await shouxian('migrate')).code).toBe(0);
    expect((await shouxian('regions', 'load', '--county', '621124')).code).toBe(0);
    const gen = await shouxian('generate', '--county', '621124', '--households', '40');
    expect(gen.code, gen.stderr).toBe(0);
    const before = await figures();
    expect(before.households).toBe(40);
    expect(before.ids[0]).toMatch(/^\d{17}[\dX]$/);

    const file = path.join(dataDir, '..', `${path.basename(dataDir)}.tar.gz`);
    const backup = await shouxian('backup', '--out', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    // the key is not in the backup
    expect(fs.readFileSync(path.join(dataDir, 'secret.key')).length).toBeGreaterThan(0);

    fs.rmSync(path.join(dataDir, 'pgdata'), { recursive: true, force: true }); // the disk is lost
    const restore = await shouxian('restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout).households).toBe(40);
    expect(await figures()).toEqual(before);
    const verify = await shouxian('audit', 'verify');
    expect(verify.code, verify.stdout).toBe(0);
    fs.rmSync(file, { force: true });
  }, 600_000);

  it('refuses a restore whose ID numbers do not decrypt with the configured key', async () => {
    const file = path.join(os.tmpdir(), `sx-backup-${process.pid}.tar.gz`);
    expect((await shouxian('backup', '--out', file)).code).toBe(0);
    const otherKey = { ...env, SHOUXIAN_DATA_KEY: Buffer.alloc(32, 7).toString('hex') };
    const r = await run(process.execPath, [bin, 'restore', file], { env: otherKey, timeout: 300_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('无法用当前数据密钥解密');
    fs.rmSync(file, { force: true });
  }, 600_000);
});

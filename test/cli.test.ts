import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/shouxian.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SHOUXIAN_DATA_KEY: '', LOG_LEVEL: 'warn' };

async function shouxian(...args: string[]) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The command line on the embedded database (SPEC §3; issue: CLI and a running server never corrupt the data). */
describe('shouxian CLI (embedded PGlite)', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates a new data directory and loads a county', async () => {
    expect((await shouxian('migrate')).code).toBe(0);
    const r = await shouxian('regions', 'load', '--county', '621124');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/临洮县.*\d+ 个乡镇、\d+ 个村/);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
  });

  it('refuses an unknown county with a clear message', async () => {
    const r = await shouxian('regions', 'load', '--county', '999999');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('REGION_UNKNOWN');
  });

  it('adds users and refuses bad ones', async () => {
    const ok = await shouxian(
      'user',
      'add',
      '--username',
      'lizhen',
      '--password',
      'Abc-12345x',
      '--role',
      'township',
      '--region',
      '621124100',
    );
    expect(ok.code).toBe(0);
    const badRole = await shouxian(
      'user',
      'add',
      '--username',
      'x1x',
      '--password',
      'Abc-12345x',
      '--role',
      'boss',
      '--region',
      '621124',
    );
    expect(badRole.stderr).toContain('角色无效');
    const dept = await shouxian(
      'user',
      'add',
      '--username',
      'yibao',
      '--password',
      'Abc-12345x',
      '--role',
      'department',
      '--region',
      '621124',
    );
    expect(dept.stderr).toContain('--department');
    const weak = await shouxian(
      'user',
      'add',
      '--username',
      'weak',
      '--password',
      '123456',
      '--role',
      'county',
      '--region',
      '621124',
    );
    expect(weak.stderr).toContain('密码至少10位');
  });

  it('archives the audit log only past the retention (at least six months), and verifies it', async () => {
    const d = new Date(Date.now() + 8 * 3600_000);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + 1);
    const early = await shouxian('audit', 'archive', '--before', d.toISOString().slice(0, 7));
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('AUDIT_RETENTION');
    expect(early.stderr).toContain('至少保存6个月');
    const old = await shouxian('audit', 'archive', '--before', '2020-01');
    expect(old.code, old.stderr).toBe(0);
    expect(JSON.parse(old.stdout)).toMatchObject({ rows: 0, retentionMonths: 6 });
    const verify = await shouxian('audit', 'verify');
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, anchor: null });
  }, 180_000);

  it('loads a year from the State Council notice text (issue 10 point 6, docs/calendars.md)', async () => {
    const file = path.join(dataDir, '2027.txt');
    fs.writeFileSync(
      file,
      '国务院办公厅关于2027年部分节假日安排的通知（测试数据）\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n' +
        '二、春节：2月6日至12日放假调休，共7天。2月14日（周日）上班。\n',
    );
    const r = await shouxian('calendar', 'load', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已导入2027年节假日安排：放假10天、调休上班1天');
    const list = await shouxian('calendar', 'list');
    expect(list.stdout).toMatch(/2027\t放假10天\t调休上班1天/);
  });

  it('refuses to open the database while the server holds it, and leaves it intact', async () => {
    server = spawn(process.execPath, [bin, 'serve', '--no-demo'], {
      env: { ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
      server?.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('守线已启动')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const r = await shouxian('regions', 'load', '--county', '621124');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('EMBEDDED_DB_IN_USE');
    expect(r.stderr).toContain('DATABASE_URL');
    server.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    server = undefined;
    const after = await shouxian(
      'user',
      'add',
      '--username',
      'after',
      '--password',
      'Abc-12345x',
      '--role',
      'county',
      '--region',
      '621124',
    );
    expect(after.code).toBe(0);
  });
});

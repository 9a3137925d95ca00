import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/shouxian.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-projects-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SHOUXIAN_DATA_KEY: '', LOG_LEVEL: 'warn' };

async function shouxian(...args: string[]) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env, timeout: 240_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `shouxian projects warnings` on the embedded database (issue 15 point 8, SPEC §13). */
describe('shouxian projects warnings (embedded PGlite)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the month’s cards as the JSON of GET /api/projects/warnings, and refuses a bad month', async () => {
    expect((await shouxian('regions', 'load', '--county', '621124')).code).toBe(0);
    const out = await shouxian('projects', 'warnings', '--region', '621124', '--month', '2026-06');
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ regionCode: '621124', month: '2026-06', projects: [] });
    const bad = await shouxian('projects', 'warnings', '--region', '621124', '--month', '2026-13');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--month 应为 YYYY-MM');
  }, 300_000);
});

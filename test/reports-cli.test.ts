import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/shouxian.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-report-cli-'));
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

/** `shouxian report …` on the embedded database (issue #13 point 9, SPEC §12). */
describe('shouxian report (embedded PGlite)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints a monthly report as JSON naming each figure with households and persons, and writes Excel (SPEC §12)', async () => {
    expect((await shouxian('regions', 'load', '--county', '621124')).code).toBe(0);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const json = await shouxian('report', 'monthly', '--region', '621124', '--period', month);
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.title).toMatch(/^临洮县\d{4}年\d{1,2}月防止返贫监测帮扶工作月调度表$/);
    expect(r.figures.find((f: { key: string }) => f.key === 'monitored.total')).toEqual({
      key: 'monitored.total',
      name: '监测对象',
      households: 0,
      persons: 0,
    });
    const out = path.join(dataDir, 'q.xlsx');
    const x = await shouxian(
      'report',
      'quarterly',
      '--region',
      '621124',
      '--period',
      `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`,
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(x.code, x.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.worksheets[0]?.getCell('A1').value)).toMatch(/季度分析$/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['季分析', '季通报（稿）']);
    const bad = await shouxian('report', 'annual', '--region', '621124', '--period', '2026-05');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('REPORT_PERIOD_INVALID');
  }, 600_000);
});

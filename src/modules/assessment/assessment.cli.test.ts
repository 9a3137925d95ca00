import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { file, household, member } from '../../domain/assessment/assessment.fixtures.ts';
import { runAssess } from './assessment.cli.ts';

const example = file([
  household({
    liftedOutOfPoverty: true,
    previousIncome: { wage: 20000, businessNet: 3000, property: 0, transfer: 1500 },
  }),
]);
const badChecksum = household({ id: 'BAD', members: [member({ idNumber: '621124198001010017' })] });

describe('runAssess (shouxian assess, formats/assessment.md)', () => {
  it('prints the output JSON with a 2-space indent and exits 0 (SPEC §7.3)', () => {
    const run = runAssess({ inputText: JSON.stringify(example) });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('\n  "results": [');
    const out = JSON.parse(run.stdout);
    expect(out.results[0]).toMatchObject({ id: 'H-001', decision: 'no_risk', netIncome: 16500 });
    expect(out.errors).toEqual([]);
  });

  it('runs elimination mode (SPEC §8.3)', () => {
    const run = runAssess({ inputText: JSON.stringify(example), mode: 'elimination' });
    expect(JSON.parse(run.stdout).results[0].decision).toBe('eliminate');
  });

  it('exits 1 when a household has errors, still printing the valid ones, with Chinese errors on stderr', () => {
    const run = runAssess({ inputText: JSON.stringify(file([household({ id: 'OK' }), badChecksum])) });
    expect(run.exitCode).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.results.map((r: { id: string }) => r.id)).toEqual(['OK']);
    expect(out.errors[0]).toMatchObject({ id: 'BAD', index: 1 });
    expect(run.stderr).toContain('第2户（BAD）数据有误');
    expect(run.stderr).toContain('households[1].members[0].idNumber');
    expect(run.stderr).toContain('身份证号校验位错误');
  });

  it('gives a field error naming monitoringLine when the file has none and there is no database', () => {
    const run = runAssess({ inputText: JSON.stringify({ ...example, monitoringLine: undefined }) });
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).errors[0].errors[0]).toMatchObject({ field: 'monitoringLine', code: 'LINE_NOT_SET' });
  });

  it('exits 2 with a Chinese message for input that is not JSON', () => {
    const run = runAssess({ inputText: '{ "year": 2026,' });
    expect(run).toMatchObject({ exitCode: 2, stdout: '' });
    expect(run.stderr).toMatch(/^无法解析输入文件：不是有效的 JSON/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(runAssess({ inputText: `\uFEFF${JSON.stringify(example)}` }).exitCode).toBe(0);
  });

  it('exits 2 for a file that is not the format at all, naming the fields', () => {
    const run = runAssess({ inputText: JSON.stringify({ households: 'none' }) });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('输入文件不符合研判格式');
    expect(run.stderr).toContain('[year]');
    expect(run.stderr).toContain('[households]');
  });

  it('exits 2 for an unknown mode', () => {
    const run = runAssess({ inputText: JSON.stringify(example), mode: 'audit' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('研判模式“audit”无效');
  });
});

describe('assess command through commander (a real process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sx-assess-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const program = `
    import { Command } from 'commander';
    import { registerAssessCommand } from './src/modules/assessment/assessment.cli.ts';
    const program = new Command().name('shouxian');
    registerAssessCommand(program);
    await program.parseAsync(process.argv.slice(1), { from: 'user' });
  `;
  const run = (args: string[], stdin?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program, ...args], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      input: stdin,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('reads a file, prints JSON and exits 1 when a household is invalid', () => {
    const input = path.join(dir, 'households.json');
    writeFileSync(input, JSON.stringify(file([household({ id: 'OK' }), badChecksum])));
    const r = run(['assess', '--input', input]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).results[0].id).toBe('OK');
    expect(r.stderr).toContain('身份证号校验位错误');
  });

  it('reads standard input with --input - and --mode elimination', () => {
    const r = run(['assess', '--input', '-', '--mode', 'elimination'], JSON.stringify(example));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0].decision).toBe('eliminate');
  });

  it('exits 2 with a Chinese message for a missing file', () => {
    const r = run(['assess', '--input', path.join(dir, 'missing.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取输入文件');
    expect(r.stderr).toContain('文件不存在');
  });
});

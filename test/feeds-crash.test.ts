import { type ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/database.ts';
import { idCheckChar } from '../src/domain/id-number.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/shouxian.js');
const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const ROWS = 60_000;
const BATCH = 5_000;

/** A settlement file of ROWS distinct rows (valid ID numbers of people who are not in the registry). */
function writeBigFile(file: string): void {
  const lines = ['姓名,身份证号,就诊医院,疾病名称,入院日期,出院日期,医疗总费用,个人自付,结算日期'];
  for (let i = 0; i < ROWS; i++) {
    const first17 = `621124${1940 + (i % 60)}${String(1 + (i % 12)).padStart(2, '0')}01${String(i % 997).padStart(3, '0')}`;
    const d = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(
      `测试${i},${first17}${idCheckChar(first17)},县医院,病${i},${d},${d},${1000 + i},${100 + (i % 500)},${d}`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Crash safety of the import (issue #4, SPEC §10): `kill -9` after the first batch commits leaves whole batches only;
 * running the same command again completes the import and the counts match; a third run changes nothing.
 */
describe(`import killed mid-way on ${ENGINE} (SPEC §10)`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-crash-'));
  const file = path.join(dir, 'settlements.csv');
  const dbName = `sx_crash_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: path.join(dir, 'data') };
  let child: ChildProcess | undefined;

  const open = async (): Promise<Database> => {
    if (ENGINE === 'pglite') return openPglite(path.join(dir, 'data', 'pgdata'));
    return openPostgres(env.DATABASE_URL as string);
  };
  const cli = (...args: string[]) => run(process.execPath, [bin, ...args], { env, timeout: 300_000 });
  const importArgs = ['import', '--department', 'medical_insurance', '--region', '621124', '--period', '2026-10'];

  beforeAll(async () => {
    writeBigFile(file);
    if (ENGINE === 'postgres') {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const u = new URL(process.env.DATABASE_URL as string);
      u.pathname = `/${dbName}`;
      env.DATABASE_URL = u.toString();
      env.SHOUXIAN_DATA_KEY = crypto.randomBytes(32).toString('hex');
    } else {
      env.DATABASE_URL = '';
    }
    await cli('migrate');
    await cli('regions', 'load', '--county', '621124');
  }, 300_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    if (ENGINE === 'postgres') {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('leaves only whole batches after kill -9, and a re-run completes the import with matching counts', async () => {
    child = spawn(process.execPath, [bin, ...importArgs, '--batch-size', String(BATCH), file], { env });
    const proc = child;
    await new Promise<void>((resolve, reject) => {
      let err = '';
      proc.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (/已提交第 1 批/.test(err)) {
          proc.kill('SIGKILL');
          resolve();
        }
      });
      proc.on('exit', () => reject(new Error(`import ended before the first batch was seen: ${err}`)));
    });
    await new Promise((r) => proc.once('exit', r));

    const database = await open();
    try {
      const imp = await database.db.selectFrom('feed_imports').selectAll().executeTakeFirstOrThrow();
      const batches = await database.db.selectFrom('feed_import_batches').selectAll().orderBy('batch_no').execute();
      const records = await sql<{ batch_no: number; n: number }>`SELECT batch_no, count(*)::int AS n FROM feed_records
        GROUP BY batch_no ORDER BY batch_no`.execute(database.db);
      expect(imp.status).toBe('loading');
      expect(batches.length).toBeGreaterThanOrEqual(1);
      expect(batches.length).toBeLessThan(ROWS / BATCH);
      expect(batches.map((b) => b.batch_no)).toEqual(batches.map((_, i) => i + 1));
      // every committed batch complete, nothing of the interrupted one
      expect(records.rows).toEqual(batches.map((b) => ({ batch_no: b.batch_no, n: BATCH })));
      expect(imp.batches).toBe(batches.length);
      expect(imp.rows_new).toBe(batches.length * BATCH);
    } finally {
      await database.close();
    }

    const resumed = await cli(...importArgs, '--batch-size', String(BATCH), file);
    expect(resumed.stdout).toContain('续传');
    const again = await cli(...importArgs, file);
    expect(again.stdout).toContain('已导入过');

    const after = await open();
    try {
      const imp = await after.db.selectFrom('feed_imports').selectAll().executeTakeFirstOrThrow();
      expect(imp).toMatchObject({
        status: 'loaded',
        batches: ROWS / BATCH,
        rows_good: ROWS,
        rows_new: ROWS,
        rows_bad: 0,
      });
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n, count(DISTINCT row_number)::int AS distinct_rows
        FROM feed_records`.execute(after.db);
      expect(n.rows[0]).toEqual({ n: ROWS, distinct_rows: ROWS });
      expect(await after.db.selectFrom('feed_imports').select('id').execute()).toHaveLength(1);
    } finally {
      await after.close();
    }
  }, 300_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../../config.ts';
import { acquireEmbeddedLock } from '../../db/embedded-lock.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Backup and restore of the embedded database (issue 11 point 8; 等保 2.0 L3 数据备份恢复). A backup is PGlite's own
 * dump of its data directory (a gzipped tar), taken under the embedded lock, so no server writes meanwhile. It does
 * NOT contain the data key: keep `secret.key` (or SHOUXIAN_DATA_KEY) apart from the backups — with both together a
 * thief of the backup medium reads every ID number. PostgreSQL deployments use pg_dump and WAL archiving
 * (docs/security.md).
 */
const pgdataOf = (config: Config) => path.join(config.dataDir, 'pgdata');

function requireEmbedded(config: Config): void {
  if (config.databaseUrl) {
    throw new AppError('VALIDATION', '使用 PostgreSQL 时请用 pg_dump / pg_restore 备份和恢复（见 docs/security.md）', {
      field: 'DATABASE_URL',
    });
  }
}

export async function backupEmbedded(config: Config, out: string): Promise<{ bytes: number }> {
  requireEmbedded(config);
  if (!fs.existsSync(pgdataOf(config))) {
    throw new AppError('VALIDATION', `数据目录中没有数据库：${pgdataOf(config)}`, { field: 'DATA_DIR' });
  }
  const release = acquireEmbeddedLock(config.dataDir, 'backup');
  try {
    const pglite = await PGlite.create({ dataDir: pgdataOf(config) });
    try {
      await pglite.exec('CHECKPOINT');
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, bytes, { mode: 0o600 });
      return { bytes: bytes.length };
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a backup into DATA_DIR. An existing database is moved aside (`pgdata.before-restore-<time>`), never
 * deleted. The caller then opens the database with the data key to prove the ID numbers decrypt.
 */
export async function restoreEmbedded(
  config: Config,
  file: string,
  now = new Date(),
): Promise<{ movedAside?: string }> {
  requireEmbedded(config);
  if (!fs.existsSync(file)) throw new AppError('VALIDATION', `备份文件不存在：${file}`, { field: 'file' });
  const release = acquireEmbeddedLock(config.dataDir, 'restore');
  try {
    const target = pgdataOf(config);
    let movedAside: string | undefined;
    if (fs.existsSync(target)) {
      movedAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, movedAside);
    }
    const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pglite.close();
    return movedAside ? { movedAside } : {};
  } finally {
    release();
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Prefix of the per-upload temp directories of feeds.routes.ts (removed in `finally`, and here after a crash). */
export const UPLOAD_DIR_PREFIX = 'sx-upload-';

/**
 * Start-up clean-up after a crash (issue 11 point 6): an upload killed mid-way left its plaintext temp file and an
 * import stuck in "loading". With the embedded database this process is the only writer (db/embedded-lock.ts), so
 * every such leftover is stale; on PostgreSQL another process may be importing right now, so only those older than
 * `staleAfterMs` are touched. A failed import is resumed by uploading the same file again (SPEC §10).
 */
export async function recoverInterruptedUploads(
  db: Kysely<DB>,
  opts: { exclusive: boolean; now?: Date; staleAfterMs?: number; tmpDir?: string },
): Promise<{ importsFailed: number; tempDirsRemoved: number }> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.exclusive ? 0 : (opts.staleAfterMs ?? 6 * 3600_000)));
  const r = await db
    .updateTable('feed_imports')
    .set({ status: 'failed', error: '服务重启时导入中断，请重新上传同一文件以继续', finished_at: sql`now()` })
    .where('status', '=', 'loading')
    .where('started_at', '<=', cutoff)
    .executeTakeFirst();
  const tmp = opts.tmpDir ?? os.tmpdir();
  let tempDirsRemoved = 0;
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(UPLOAD_DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      if (fs.statSync(dir).mtime > cutoff) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      tempDirsRemoved++;
    } catch {
      // removed meanwhile by its own request
    }
  }
  return { importsFailed: Number(r.numUpdatedRows), tempDirsRemoved };
}

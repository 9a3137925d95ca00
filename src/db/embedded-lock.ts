import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/app-error.ts';

/**
 * PGlite allows one process per data directory. The process that opens it writes `shouxian.lock` (pid, port,
 * command); another process that finds a live owner refuses with a clear message instead of corrupting the data.
 * A lock left by a process that no longer runs is taken over.
 */
export interface LockInfo {
  pid: number;
  command: string;
  port?: number;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | undefined {
  const file = path.join(dataDir, 'shouxian.lock');
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export function acquireEmbeddedLock(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const owner = readLock(dataDir);
  if (owner) {
    const where = owner.port ? `，端口 ${owner.port}` : '';
    throw new AppError(
      'EMBEDDED_DB_IN_USE',
      `嵌入式数据库（${dataDir}）正被另一个进程使用（进程 ${owner.pid}，命令 ${owner.command}${where}）。` +
        '请先停止该进程再执行本命令，或设置 DATABASE_URL 改用 PostgreSQL 服务器（可多进程同时访问）。',
      { pid: owner.pid, command: owner.command },
    );
  }
  const file = path.join(dataDir, 'shouxian.lock');
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(info));
  const release = () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      if (current.pid === process.pid) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

export function updateLockPort(dataDir: string, port: number): void {
  const file = path.join(dataDir, 'shouxian.lock');
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  fs.writeFileSync(file, JSON.stringify({ ...info, port }));
}

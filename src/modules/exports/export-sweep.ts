import type { Logger } from 'pino';
import type { ExportsService } from './exports.service.ts';

/**
 * Background exports across restarts (docs/decisions/0026): at start, jobs left queued or running by a stopped
 * server are started again from the beginning (every running one with the embedded engine, which is one process;
 * those with a stale heartbeat on PostgreSQL); then each minute stale jobs are taken up and files past their
 * retention are deleted.
 */
export function scheduleExportSweeps(opts: {
  exports: Pick<ExportsService, 'sweep'>;
  exclusive: boolean;
  logger: Pick<Logger, 'info' | 'error'>;
  everyMs?: number;
}): { stop(): void } {
  const run = (exclusive: boolean) =>
    opts.exports
      .sweep({ exclusive })
      .then((r) => r.removed > 0 && opts.logger.info(r, 'expired export files removed'))
      .catch((err) => opts.logger.error({ err }, 'export sweep failed'));
  void run(opts.exclusive);
  const timer = setInterval(() => void run(false), opts.everyMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

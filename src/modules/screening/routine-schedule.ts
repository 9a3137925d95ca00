import type { Logger } from 'pino';

/** The next time of day `at` ('HH:MM', server local time) strictly after `now`. */
export function nextOccurrence(now: Date, at: string): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(h, m, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

export interface RoutineSchedule {
  /** When the next round starts; null when the schedule is off. */
  nextAt(): Date | null;
  stop(): void;
}

/**
 * The routine screening round (SPEC §10: "routinely and in real time"): the server runs every rule over the whole
 * registry once a day at `at` (SHOUXIAN_SCREEN_AT), recorded as a scheduled run — so an embedded deployment, whose
 * database a cron job cannot open while the server runs, screens routinely too. A round still running when the next
 * is due is not doubled; a failed round is logged and the next day's runs as usual.
 */
export function scheduleRoutineScreening(opts: {
  at: string | null;
  run: () => Promise<unknown>;
  logger: Pick<Logger, 'info' | 'error'>;
  now?: () => Date;
}): RoutineSchedule {
  const now = opts.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let next: Date | null = null;
  let running = false;
  let stopped = false;
  const arm = () => {
    if (stopped || !opts.at) return;
    next = nextOccurrence(now(), opts.at);
    timer = setTimeout(fire, Math.max(0, next.getTime() - now().getTime()));
    timer.unref?.();
  };
  const fire = async () => {
    arm();
    if (running) {
      opts.logger.info('例行筛查：上一轮尚未结束，本轮跳过');
      return;
    }
    running = true;
    try {
      const r = await opts.run();
      opts.logger.info({ result: r }, '例行筛查完成');
    } catch (err) {
      opts.logger.error({ err }, '例行筛查失败');
    } finally {
      running = false;
    }
  };
  arm();
  return {
    nextAt: () => next,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      next = null;
    },
  };
}

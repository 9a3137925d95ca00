import type { Logger } from 'pino';

/**
 * The next month-end moment strictly after `now`: the last day of the month at `at` ('HH:MM', server local time).
 * Month-end figures are frozen while the month is still running, so that the overdue steps of the month are frozen
 * with them (SPEC §8.2, §12).
 */
export function nextMonthEnd(now: Date, at: string): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  for (let k = 0; k < 3; k++) {
    const candidate = new Date(now.getFullYear(), now.getMonth() + k + 1, 0, h, m, 0, 0);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error('unreachable');
}

export interface SnapshotSchedule {
  nextAt(): Date | null;
  stop(): void;
}

/**
 * Freezes each month's figures at month end (SPEC §12) in the server itself, like the routine screening round
 * (src/modules/screening/routine-schedule.ts), so an embedded deployment needs no cron job. At start it first
 * freezes an ended month the job missed while the server was down (`catchUp`). A failed run is logged; the next
 * month's runs as usual.
 */
export function scheduleMonthEndSnapshots(opts: {
  at: string | null;
  run: (month: string) => Promise<unknown>;
  catchUp: () => Promise<unknown>;
  logger: Pick<Logger, 'info' | 'error'>;
  now?: () => Date;
}): SnapshotSchedule {
  const now = opts.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let next: Date | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped || !opts.at) return;
    next = nextMonthEnd(now(), opts.at);
    // setTimeout holds at most ~24.8 days: wake up earlier and re-arm until the moment comes.
    const wait = Math.min(Math.max(0, next.getTime() - now().getTime()), 2 ** 31 - 1);
    timer = setTimeout(() => (next && now().getTime() >= next.getTime() - 1000 ? fire(next) : arm()), wait);
    timer.unref?.();
  };
  const fire = async (at: Date) => {
    const month = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
    try {
      const r = await opts.run(month);
      opts.logger.info({ result: r }, `${month} 月度指标已冻结`);
    } catch (err) {
      opts.logger.error({ err }, `${month} 月度指标冻结失败`);
    }
    arm();
  };
  if (opts.at) {
    opts
      .catchUp()
      .then((r) => r && opts.logger.info({ result: r }, '补冻结上月指标'))
      .catch((err) => opts.logger.error({ err }, '补冻结上月指标失败'));
  }
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

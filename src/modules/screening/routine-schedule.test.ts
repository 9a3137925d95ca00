import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextOccurrence, scheduleRoutineScreening } from './routine-schedule.ts';

describe('routine screening round (SPEC §10 "routinely")', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 23, 1, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  const logger = () => ({ info: vi.fn(), error: vi.fn() });

  it('finds the next time of day, tomorrow once today’s has passed', () => {
    expect(nextOccurrence(new Date(2026, 10, 23, 1, 0), '02:30')).toEqual(new Date(2026, 10, 23, 2, 30));
    expect(nextOccurrence(new Date(2026, 10, 23, 2, 30), '02:30')).toEqual(new Date(2026, 10, 24, 2, 30));
    expect(nextOccurrence(new Date(2026, 11, 31, 23, 0), '00:15')).toEqual(new Date(2027, 0, 1, 0, 15));
  });

  it('runs once a day at the configured time and keeps going after a failure', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue({ hits: 3 });
    const log = logger();
    const s = scheduleRoutineScreening({ at: '02:30', run, logger: log });
    expect(s.nextAt()).toEqual(new Date(2026, 10, 23, 2, 30));
    await vi.advanceTimersByTimeAsync(89 * 60_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(s.nextAt()).toEqual(new Date(2026, 10, 24, 2, 30));
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(run).toHaveBeenCalledTimes(2);
    s.stop();
    await vi.advanceTimersByTimeAsync(48 * 3600_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(s.nextAt()).toBeNull();
  });

  it('does not start a round while the previous one still runs', async () => {
    let finish: () => void = () => {};
    const run = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const log = logger();
    const s = scheduleRoutineScreening({ at: '02:30', run, logger: log });
    await vi.advanceTimersByTimeAsync(90 * 60_000);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledWith('例行筛查：上一轮尚未结束，本轮跳过');
    finish();
    s.stop();
  });

  it('is off when no time is configured', () => {
    const run = vi.fn();
    const s = scheduleRoutineScreening({ at: null, run, logger: logger() });
    expect(s.nextAt()).toBeNull();
    s.stop();
  });
});

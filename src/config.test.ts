import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration read once at start', () => {
  it('has defaults for the routine screening round', () => {
    const c = loadConfig({});
    expect(c.screenAt).toBe('02:30');
    expect(c.screenWorkers).toBe(2);
    expect(loadConfig({ SHOUXIAN_SCREEN_AT: 'off' }).screenAt).toBeNull();
    expect(loadConfig({ SHOUXIAN_SCREEN_AT: '23:05', SHOUXIAN_SCREEN_WORKERS: '4' })).toMatchObject({
      screenAt: '23:05',
      screenWorkers: 4,
    });
  });

  it("freezes the month's figures at 23:50 on its last day unless told otherwise (SPEC §12)", () => {
    expect(loadConfig({}).snapshotAt).toBe('23:50');
    expect(loadConfig({ SHOUXIAN_SNAPSHOT_AT: 'off' }).snapshotAt).toBeNull();
    expect(() => loadConfig({ SHOUXIAN_SNAPSHOT_AT: '24:00' })).toThrow(/SHOUXIAN_SNAPSHOT_AT/);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ SHOUXIAN_SCREEN_AT: '25:00' })).toThrow(/SHOUXIAN_SCREEN_AT/);
    expect(() => loadConfig({ SHOUXIAN_SCREEN_WORKERS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});

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
    expect(() => loadConfig({ SHOUXIAN_UPLOAD_FEED_MB: '5000' })).toThrow(/SHOUXIAN_UPLOAD_FEED_MB/);
    expect(() => loadConfig({ SHOUXIAN_XLSX_MAX_RATIO: '2' })).toThrow(/SHOUXIAN_XLSX_MAX_RATIO/);
  });

  it('reads upload and feed limits per route, with defaults (issue 11 point 6)', () => {
    const c = loadConfig({});
    expect(c.uploads).toEqual({
      feedImportBytes: 1024 * 1024 * 1024,
      caseFileBytes: 10 * 1024 * 1024,
      reliefPhotoBytes: 4 * 1024 * 1024,
    });
    expect(c.feedLimits).toMatchObject({ maxColumns: 200, maxHeaderChars: 200, xlsxMaxRatio: 100 });
    const set = loadConfig({ SHOUXIAN_UPLOAD_CASE_FILE_MB: '2', SHOUXIAN_FEED_MAX_COLUMNS: '50' });
    expect(set.uploads.caseFileBytes).toBe(2 * 1024 * 1024);
    expect(set.feedLimits.maxColumns).toBe(50);
  });
});

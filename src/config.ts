import path from 'node:path';

/**
 * Process configuration, read and validated once at start (STYLE: config validated once).
 * Embedded mode (no DATABASE_URL) keeps PGlite data and the generated data key in DATA_DIR.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** 32-byte master key for personal-data encryption (SPEC §17); hex or base64 in SHOUXIAN_DATA_KEY. */
  dataKey: string | undefined;
  logLevel: string;
  cookieSecure: boolean | 'auto';
  /**
   * Proxies whose X-Forwarded-For / -Proto are believed (TRUSTED_PROXIES: comma-separated addresses or CIDRs);
   * none by default, so that a client cannot reset the per-IP limits or forge the audited address (issue 11).
   */
  trustedProxies: string[] | undefined;
  /** Demo mode (issue 11 point 9): the demo county and its users; listens on 127.0.0.1 unless HOST is set. */
  demo: boolean;
  /**
   * PostgreSQL connections a routine screening run uses at once, one rule per connection (SPEC §10); PGlite has one.
   * SHOUXIAN_SCREEN_WORKERS, default 2 (the cores of a small county server).
   */
  screenWorkers: number;
  /** Time of day ('HH:MM', server local time) of the routine screening round; null when SHOUXIAN_SCREEN_AT=off. */
  screenAt: string | null;
  /** Time of day ('HH:MM', server local time) on the last day of each month when the month's figures are frozen
   * (SPEC §12); null when SHOUXIAN_SNAPSHOT_AT=off. */
  snapshotAt: string | null;
  /** Upload limits per route (issue 11 point 6), enforced while the body streams. */
  uploads: UploadLimits;
  /** Caps on what a department file may hold (issue 11 point 6), checked while it is read. */
  feedLimits: FeedLimits;
}

/** Bytes a file may have, per upload route. */
export interface UploadLimits {
  /** POST /api/feeds/:department/imports — SHOUXIAN_UPLOAD_FEED_MB, default 1024 (a county's million-row file). */
  feedImportBytes: number;
  /** POST /api/cases/:id/files — SHOUXIAN_UPLOAD_CASE_FILE_MB, default 10. */
  caseFileBytes: number;
  /** Relief photos (public and staff) — SHOUXIAN_UPLOAD_RELIEF_PHOTO_MB, default 4. */
  reliefPhotoBytes: number;
}

/** What a department file (.csv / .xlsx) may hold. */
export interface FeedLimits {
  /** Columns of a row — SHOUXIAN_FEED_MAX_COLUMNS, default 200 (the widest template has a few dozen). */
  maxColumns: number;
  /** Characters of one header cell — SHOUXIAN_FEED_MAX_HEADER_CHARS, default 200. */
  maxHeaderChars: number;
  /** Uncompressed bytes of one part of an .xlsx (a worksheet, the shared strings) — SHOUXIAN_XLSX_MAX_PART_MB, default 2048. */
  xlsxMaxPartBytes: number;
  /** Uncompressed ÷ compressed size of one part — SHOUXIAN_XLSX_MAX_RATIO, default 100 (as Apache POI's ZipSecureFile). */
  xlsxMaxRatio: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  feedImportBytes: 1024 * 1024 * 1024,
  caseFileBytes: 10 * 1024 * 1024,
  reliefPhotoBytes: 4 * 1024 * 1024,
};

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxColumns: 200,
  maxHeaderChars: 200,
  xlsxMaxPartBytes: 2048 * 1024 * 1024,
  xlsxMaxRatio: 100,
};

const MB = 1024 * 1024;

/** An integer setting from the environment within [min, max], or its default. */
function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} 无效：${raw}（应为 ${min}–${max} 的整数）`);
  }
  return n;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT 无效：${env.PORT}（应为 0–65535 的整数）`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL 无效：应以 postgres:// 或 postgresql:// 开头');
  }
  const screenWorkers = Number(env.SHOUXIAN_SCREEN_WORKERS ?? 2);
  if (!Number.isInteger(screenWorkers) || screenWorkers < 1 || screenWorkers > 8) {
    throw new ConfigError(`SHOUXIAN_SCREEN_WORKERS 无效：${env.SHOUXIAN_SCREEN_WORKERS}（应为 1–8 的整数）`);
  }
  const screenAtRaw = (env.SHOUXIAN_SCREEN_AT ?? '02:30').trim();
  const screenAt = screenAtRaw === 'off' ? null : screenAtRaw;
  if (screenAt !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(screenAt)) {
    throw new ConfigError(`SHOUXIAN_SCREEN_AT 无效：${env.SHOUXIAN_SCREEN_AT}（应为 HH:MM，如 02:30，或 off）`);
  }
  const snapshotAtRaw = (env.SHOUXIAN_SNAPSHOT_AT ?? '23:50').trim();
  const snapshotAt = snapshotAtRaw === 'off' ? null : snapshotAtRaw;
  if (snapshotAt !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(snapshotAt)) {
    throw new ConfigError(`SHOUXIAN_SNAPSHOT_AT 无效：${env.SHOUXIAN_SNAPSHOT_AT}（应为 HH:MM，如 23:50，或 off）`);
  }
  const trustedProxies = env.TRUSTED_PROXIES?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const cookieSecure = env.COOKIE_SECURE === 'true' ? true : env.COOKIE_SECURE === 'false' ? false : 'auto';
  const demo = env.SHOUXIAN_DEMO !== 'false';
  const d = DEFAULT_UPLOAD_LIMITS;
  const f = DEFAULT_FEED_LIMITS;
  // Parts and uploads stay below 4 GiB: the zip written for the reader has no ZIP64 records (xlsx-zip.ts).
  const uploads: UploadLimits = {
    feedImportBytes: intEnv(env, 'SHOUXIAN_UPLOAD_FEED_MB', d.feedImportBytes / MB, 1, 4095) * MB,
    caseFileBytes: intEnv(env, 'SHOUXIAN_UPLOAD_CASE_FILE_MB', d.caseFileBytes / MB, 1, 100) * MB,
    reliefPhotoBytes: intEnv(env, 'SHOUXIAN_UPLOAD_RELIEF_PHOTO_MB', d.reliefPhotoBytes / MB, 1, 20) * MB,
  };
  const feedLimits: FeedLimits = {
    maxColumns: intEnv(env, 'SHOUXIAN_FEED_MAX_COLUMNS', f.maxColumns, 20, 16384),
    maxHeaderChars: intEnv(env, 'SHOUXIAN_FEED_MAX_HEADER_CHARS', f.maxHeaderChars, 20, 32767),
    xlsxMaxPartBytes: intEnv(env, 'SHOUXIAN_XLSX_MAX_PART_MB', f.xlsxMaxPartBytes / MB, 1, 4095) * MB,
    xlsxMaxRatio: intEnv(env, 'SHOUXIAN_XLSX_MAX_RATIO', f.xlsxMaxRatio, 10, 1100),
  };
  return {
    port,
    // The demo (a known password) listens on this machine only; a production server where HOST says (issue 11).
    host: env.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    dataKey: env.SHOUXIAN_DATA_KEY?.trim() || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure,
    trustedProxies: trustedProxies?.length ? trustedProxies : undefined,
    demo,
    screenWorkers,
    screenAt,
    snapshotAt,
    uploads,
    feedLimits,
  };
}

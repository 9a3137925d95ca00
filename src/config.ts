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
  };
}

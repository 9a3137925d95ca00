import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { type Database, openPglite, openPostgres } from './db/database.ts';
import { acquireEmbeddedLock } from './db/embedded-lock.ts';
import { migrate } from './db/migrate.ts';
import { createPiiCipher, loadDataKey, type PiiCipher } from './security/pii-cipher.ts';

/** What every service needs: the database, the personal-data cipher, configuration and a logger. */
export interface AppContext {
  config: Config;
  database: Database;
  cipher: PiiCipher;
  logger: Logger;
  /** The clock services use for dates (procedures, deadlines); tests set it, production leaves it out. */
  now?: () => Date;
  close(): Promise<void>;
}

/**
 * Opens the configured engine (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR), takes the embedded
 * lock, applies pending migrations and loads the data key. `command` names the owner in the lock file.
 */
export async function openAppContext(
  config: Config,
  opts: { command: string; logger?: Logger; migrate?: boolean },
): Promise<AppContext> {
  const logger = opts.logger ?? pino({ level: config.logLevel, base: { command: opts.command } });
  const embedded = !config.databaseUrl;
  const release = embedded ? acquireEmbeddedLock(config.dataDir, opts.command) : () => {};
  try {
    const cipher = createPiiCipher(loadDataKey({ envKey: config.dataKey, dataDir: config.dataDir, embedded }));
    const database = config.databaseUrl
      ? await openPostgres(config.databaseUrl)
      : await openPglite(path.join(config.dataDir, 'pgdata'));
    if (opts.migrate !== false) {
      const applied = await migrate(database);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    return {
      config,
      database,
      cipher,
      logger,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

import { type AppContext, openAppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';

/**
 * Runs a CLI action with an opened context and closes it afterwards. In embedded mode a running server holds the
 * database: the command then refuses with EMBEDDED_DB_IN_USE (see db/embedded-lock.ts) and touches nothing.
 */
export async function withCliContext<T>(command: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await openAppContext(config, { command, logger: undefined });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

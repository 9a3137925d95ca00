import fs from 'node:fs';
import path from 'node:path';
import { openAppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import type { Thresholds } from '../../domain/assessment/assessment.types.ts';
import type { AssessOptions } from '../../domain/assessment/index.ts';
import { createServices } from '../../services.ts';

/**
 * formats/assessment.md: "when absent, the line configured for regionCode and year". The command works without a
 * database; when the file leaves the line or thresholds out and a database is configured (DATABASE_URL, or an
 * existing embedded one), the region's configured values are looked up there. Returns undefined when none is usable.
 */
export async function configuredResolvers(
  inputText: string,
  warn: (msg: string) => void,
): Promise<AssessOptions | undefined> {
  let body: { year?: unknown; monitoringLine?: unknown; thresholds?: unknown; households?: unknown };
  try {
    body = JSON.parse(inputText);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || typeof body.year !== 'number' || !Array.isArray(body.households))
    return undefined;
  if (body.monitoringLine != null && body.thresholds != null) return undefined;
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) return undefined;
  const year = body.year;
  const codes = new Set<string>();
  for (const h of body.households as { regionCode?: unknown }[]) {
    if (typeof h?.regionCode === 'string' && /^\d{12}$/.test(h.regionCode)) codes.add(h.regionCode);
  }
  try {
    const ctx = await openAppContext({ ...config, logLevel: 'warn' }, { command: 'assess' });
    try {
      const services = createServices(ctx);
      const lines = new Map<string, number | undefined>();
      const thresholds = new Map<string, Partial<Thresholds>>();
      for (const code of codes) {
        lines.set(code, (await services.lines.effective(code, year))?.amount);
        thresholds.set(code, (await services.settings.get<Partial<Thresholds>>('assessment.thresholds', code)).value);
      }
      return {
        resolveMonitoringLine: (code) => lines.get(code),
        resolveThresholds: (code) => (code ? thresholds.get(code) : undefined),
      };
    } finally {
      await ctx.close();
    }
  } catch (err) {
    warn(`（未能读取已配置的监测线和阈值：${(err as Error).message}）\n`);
    return undefined;
  }
}

/**
 * Times `generatePopulation` at county scale (SPEC §18): `DATABASE_URL=postgres://… npx tsx bench/generate.ts
 * --county 621124 --households 350000 --seed 1`. Without DATABASE_URL it runs on PGlite in a temporary directory.
 * Loads the county's regions first, then prints wall seconds, rows and the peak resident set size as JSON.
 * Use a scratch database: the generated rows are kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openAppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { generatePopulation } from '../src/modules/generator/generate-population.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    county: { type: 'string', default: '621124' },
    households: { type: 'string', default: '350000' },
    seed: { type: 'string', default: '1' },
    year: { type: 'string' },
  },
});

const env = { ...process.env };
if (!env.DATABASE_URL) env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-bench-'));
env.SHOUXIAN_DATA_KEY ??= crypto.randomBytes(32).toString('hex');
env.LOG_LEVEL ??= 'warn';
const ctx = await openAppContext(loadConfig(env), { command: 'bench generate' });
try {
  const regions = createServices(ctx).regions;
  const loaded = await regions.loadCounty(SYSTEM_ACTOR, values.county);
  const rssBefore = Math.round(process.memoryUsage().rss / 1048576);
  process.stderr.write(
    `regions: ${loaded.county} ${loaded.townships} townships, ${loaded.villages} villages; rss ${rssBefore} MB\n`,
  );
  const started = performance.now();
  let lastReport = 0;
  const result = await generatePopulation(ctx, {
    county: values.county,
    households: Number(values.households),
    seed: Number(values.seed),
    year: values.year ? Number(values.year) : undefined,
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastReport < 5000 && p.households < p.total) return;
      lastReport = now;
      const s = ((now - started) / 1000).toFixed(1);
      const rss = Math.round(process.memoryUsage().rss / 1048576);
      process.stderr.write(`${s}s ${p.households}/${p.total} households, ${p.persons} persons, rss ${rss} MB\n`);
    },
  });
  const wall = (performance.now() - started) / 1000;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({ engine: ctx.database.engine, ...result, wallSeconds: +wall.toFixed(1), peakRssMb })}\n`,
  );
} finally {
  await ctx.close();
  if (!process.env.DATABASE_URL && env.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
}

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../../app-context.ts';
import { analyzeTables, REGISTRY_TABLES } from '../../db/analyze.ts';
import { AppError } from '../../shared/app-error.ts';
import { loadCountyPlan, reserveExistingIds } from './county-plan.ts';
import { CsvBatchBuilder } from './csv-rows.ts';
import { makeHousehold } from './household-factory.ts';
import { IdAllocator } from './id-allocator.ts';
import { withPopulationSink } from './population-sink.ts';
import { hashString, Prng, RowIds } from './prng.ts';
import { allocateHouseholds, MAX_SEQ } from './village-allocation.ts';

export interface GenerateOptions {
  /** 6-digit county code; its villages must be in the regions table. */
  county: string;
  households: number;
  seed: number;
  /** The current year of the generated incomes (the previous year is generated too); default: this year. */
  year?: number;
  /** Add to a county that already has households, continuing each village's sequence. */
  append?: boolean;
  /** Called after each batch is written. */
  onProgress?: (p: { households: number; persons: number; total: number }) => void;
}

export interface GenerateResult {
  county: string;
  year: number;
  seed: number;
  households: number;
  persons: number;
  seconds: number;
}

/** Households per COPY batch; on PGlite a batch must stay under 50,000 rows per table (Database.copyCsv). */
const BATCH = { postgres: 5000, pglite: 2000 } as const;
/** Households generated between two turns of the event loop, so socket writes of the previous batch progress. */
const YIELD_EVERY = 200;

function validate(o: GenerateOptions): number {
  if (!/^\d{6}$/.test(o.county)) {
    throw new AppError('VALIDATION', `县级区划代码应为6位数字：${o.county}`, { field: 'county' });
  }
  if (!Number.isInteger(o.households) || o.households < 1) {
    throw new AppError('VALIDATION', `户数应为正整数：${o.households}`, { field: 'households' });
  }
  if (!Number.isInteger(o.seed)) throw new AppError('VALIDATION', `随机种子应为整数：${o.seed}`, { field: 'seed' });
  // The default year is read from the clock only here, at the edge; the generation itself never reads it.
  const year = o.year ?? new Date().getFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError('VALIDATION', `年份无效：${o.year}`, { field: 'year' });
  }
  return year;
}

/**
 * Generates a synthetic population for one county into the registry (SPEC §4, §18): households with members and
 * two years of income, streamed in COPY batches inside one transaction, in constant memory. The same county,
 * count, seed and year on the same database state give the same rows (ID ciphertexts aside: their IVs are
 * random). Refuses a county that already has households unless `append` is set. Used by `shouxian generate`
 * and to load the demo county on first start.
 */
export async function generatePopulation(ctx: AppContext, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const year = validate(opts);
  const { county, households: total } = opts;
  const plan = await loadCountyPlan(ctx.database, county, opts.append === true);
  const room = plan.villages.reduce((n, v) => n + MAX_SEQ - (plan.lastSeq.get(v.code) ?? 0), 0);
  if (total > room) {
    throw new AppError('VALIDATION', `户数过多：该县 ${plan.villages.length} 个村最多还能生成 ${room} 户`, {
      field: 'households',
    });
  }
  const prefixes = [county, ...plan.neighbours];
  const ids = new IdAllocator(prefixes, `${year - 1}-12-31`);
  await reserveExistingIds(ctx.database, ctx.cipher, prefixes, ids);
  // Appending with the same seed must not replay the first run's households.
  const rng = new Prng(hashString(`${county}/${year}/${plan.existingHouseholds}`, opts.seed >>> 0));
  const quotas = allocateHouseholds(rng, plan.villages, total, plan.lastSeq);
  const factory = { year, county, neighbours: plan.neighbours, ids, rowIds: new RowIds(rng) };
  const batchSize = BATCH[ctx.database.engine];

  const written = await withPopulationSink(ctx.database, ctx.config.databaseUrl, async (write) => {
    const builder = new CsvBatchBuilder(ctx.cipher);
    const counts = { households: 0, persons: 0 };
    let pending: Promise<void> = Promise.resolve();
    const flush = async () => {
      const batch = builder.take();
      await pending;
      pending = write(batch).then(() => {
        counts.households += batch.householdCount;
        counts.persons += batch.personCount;
        opts.onProgress?.({ ...counts, total });
      });
      // Awaited before the next batch or at the end; this only keeps the rejection from being reported unhandled.
      pending.catch(() => {});
    };
    let sinceYield = 0;
    for (const q of quotas) {
      for (let k = 0; k < q.count; k++) {
        builder.add(makeHousehold(rng, factory, q.village, q.firstSeq + k));
        if (++sinceYield === YIELD_EVERY) {
          sinceYield = 0;
          await nextTurn();
        }
        if (builder.size >= batchSize) await flush();
      }
    }
    if (builder.size > 0) await flush();
    await pending;
    return counts;
  });
  // Straight after a load the planner must see the new rows (issue 18 point 1), not wait for autovacuum.
  await analyzeTables(ctx.database, REGISTRY_TABLES);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  ctx.logger.info({ category: 'generator', county, year, ...written, seconds }, 'synthetic population generated');
  return { county, year, seed: opts.seed, households: written.households, persons: written.persons, seconds };
}

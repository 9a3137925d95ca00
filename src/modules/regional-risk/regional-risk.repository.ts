import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { RegionalEventType } from './regional-risk.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Who is exposed to a regional event beyond living in its region (SPEC §11), read from the registry and feeds. */
export interface Exposure {
  /** A normal member works this way (persons.employment), e.g. ['outside'] for a rise in unemployment. */
  employment?: string[];
  /** The latest income year shows production and business income (a fall in farm prices, a failed project). */
  businessIncome?: boolean;
  /** The household's agriculture department records name this product (受灾品种), e.g. '马铃薯'. */
  product?: string;
  monitoringStatus?: ('none' | 'monitored' | 'eliminated')[];
  liftedOut?: boolean;
}

export interface NewEvent {
  regionCode: string;
  eventType: RegionalEventType;
  title: string;
  description: string;
  product: string | null;
  industry: string | null;
  startedOn: string;
  endedOn: string | null;
  exposure: Exposure;
  riskTypes: string[];
}

function exposureSql(e: Exposure): RawBuilder<boolean>[] {
  const parts: RawBuilder<boolean>[] = [];
  if (e.employment?.length) {
    parts.push(sql<boolean>`EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.status = 'normal'
      AND p.employment IN (${sql.join(e.employment)}))`);
  }
  if (e.businessIncome) {
    parts.push(sql<boolean>`EXISTS (SELECT 1 FROM (SELECT i.business_gross FROM household_incomes i
      WHERE i.household_id = h.id ORDER BY i.year DESC, i.recorded_at DESC LIMIT 1) x WHERE x.business_gross > 0)`);
  }
  if (e.product) {
    parts.push(sql<boolean>`EXISTS (SELECT 1 FROM persons p JOIN feed_records r ON r.id_number_hash = p.id_number_hash
      WHERE p.household_id = h.id AND r.department = 'agriculture'
        AND position(${e.product}::text in coalesce(r.data ->> 'product', '')) > 0)`);
  }
  if (e.monitoringStatus?.length) parts.push(sql<boolean>`h.monitoring_status IN (${sql.join(e.monitoringStatus)})`);
  if (e.liftedOut !== undefined) parts.push(sql<boolean>`h.lifted_out = ${e.liftedOut}`);
  return parts;
}

/** Regional risk events, their exposed households and rate anomalies (SPEC §11). */
export const regionalRiskRepository = (db: Kysely<DB>) => ({
  async insertEvent(e: NewEvent, actor: Actor, q: Q): Promise<string> {
    const r = await q
      .insertInto('regional_risk_events')
      .values({
        region_code: e.regionCode,
        event_type: e.eventType,
        title: e.title,
        description: e.description,
        product: e.product,
        industry: e.industry,
        started_on: e.startedOn,
        ended_on: e.endedOn,
        exposure: JSON.stringify(e.exposure),
        risk_types: e.riskTypes,
        recorded_by: actor.username,
        user_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Every household of the region that meets the exposure filters, set-based. */
  async insertExposed(eventId: string, region: string, exposure: Exposure, reason: string, q: Q): Promise<number> {
    const filters = exposureSql(exposure);
    const r = await sql`INSERT INTO regional_risk_households (event_id, household_id, region_code, reason)
      SELECT ${eventId}::uuid, h.id, h.region_code, ${reason}
      FROM households h
      WHERE ${regionPrefix('h.region_code', region)} ${filters.length ? sql`AND ${sql.join(filters, sql` AND `)}` : sql``}
      ON CONFLICT DO NOTHING`.execute(q);
    return Number(r.numAffectedRows ?? 0);
  },

  /** One clue per exposed household through the ledger (merged into an open clue of the same event), audited. */
  async raiseClues(
    eventId: string,
    c: { finding: string; riskTypes: string[]; receivedOn: string; dueOn: string; actor: Actor },
    q: Q,
  ): Promise<{ created: number; merged: number }> {
    const ref = `regional_risk:${eventId}`;
    const risk = c.riskTypes.length ? sql`ARRAY[${sql.join(c.riskTypes)}]::text[]` : sql`'{}'::text[]`;
    const facts = JSON.stringify({ eventId });
    const { rows } = await sql<{ created: number; merged: number }>`
      WITH saved AS (
        INSERT INTO clues (region_code, channel, source_kind, source_ref, household_id, finding, facts, fact_key,
          risk_types, severity, received_on, due_on, created_by, last_seen_at)
        SELECT x.region_code, 'department', 'regional_event', ${ref}, x.household_id, ${c.finding}, ${facts}::jsonb,
          encode(sha256(convert_to(x.household_id::text || '|regional_event|' || ${ref}, 'UTF8')), 'hex'),
          ${risk}, 'high', ${c.receivedOn}::date, ${c.dueOn}::date, ${c.actor.username}, now()
        FROM regional_risk_households x WHERE x.event_id = ${eventId}::uuid
        ON CONFLICT (fact_key) WHERE status <> 'closed'
        DO UPDATE SET merged_count = clues.merged_count + 1, last_seen_at = now()
        RETURNING id, region_code, household_id, (xmax = 0) AS created
      ),
      logged AS (
        INSERT INTO audit_log (user_id, username, role, action, entity, entity_id, region_code, household_id, after, ip)
        SELECT ${c.actor.userId}::uuid, ${c.actor.username}, ${c.actor.role},
          CASE WHEN s.created THEN ${AuditActions.clueCreate}::text ELSE ${AuditActions.clueMerge}::text END,
          'clue', s.id::text, s.region_code,
          s.household_id, ${JSON.stringify({ sourceKind: 'regional_event', sourceRef: ref })}::jsonb, ${c.actor.ip ?? null}
        FROM saved s
      )
      SELECT (SELECT count(*) FROM saved WHERE created)::int AS created,
        (SELECT count(*) FROM saved WHERE NOT created)::int AS merged`.execute(q);
    return rows[0] ?? { created: 0, merged: 0 };
  },

  async setCounts(id: string, c: { exposed: number; created: number; merged: number }, q: Q) {
    await q
      .updateTable('regional_risk_events')
      .set({ households_exposed: c.exposed, clues_created: c.created, clues_merged: c.merged })
      .where('id', '=', id)
      .execute();
  },

  events(actor: Actor, limit: number) {
    return db
      .selectFrom('regional_risk_events as e')
      .leftJoin('regions as r', 'r.code', 'e.region_code')
      .select([
        'e.id',
        'e.region_code as regionCode',
        'r.name as regionName',
        'e.event_type as eventType',
        'e.title',
        'e.description',
        'e.product',
        'e.industry',
        'e.started_on as startedOn',
        'e.ended_on as endedOn',
        'e.exposure',
        'e.risk_types as riskTypes',
        'e.households_exposed as householdsExposed',
        'e.clues_created as cluesCreated',
        'e.clues_merged as cluesMerged',
        'e.recorded_by as recordedBy',
        'e.created_at as createdAt',
      ])
      .where(scopeFilter(actor, 'e.region_code'))
      .orderBy('e.created_at', 'desc')
      .limit(limit)
      .execute();
  },

  async exposed(actor: Actor, eventId: string, page: number, pageSize: number) {
    const query = db
      .selectFrom('regional_risk_households as x')
      .innerJoin('households as h', 'h.id', 'x.household_id')
      .where('x.event_id', '=', eventId)
      .where(scopeFilter(actor, 'x.region_code'));
    const [items, total] = await Promise.all([
      query
        .select([
          'h.id',
          'h.code',
          'h.region_code as regionCode',
          'h.address',
          'h.monitoring_status as monitoringStatus',
          'x.reason',
        ])
        .orderBy('h.code')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n), page, pageSize };
  },
});

export type RegionalRiskRepository = ReturnType<typeof regionalRiskRepository>;

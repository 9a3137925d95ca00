import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_CATALOGUE } from '../../domain/assistance/default-catalogue.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.ts';
import type { BackstopKind } from './assistance.tables.ts';

/** One 低保/特困 recipient from civil-affairs data (SPEC §10; `src/domain/feeds/civil-affairs.ts`, status 新增/在保). */
export interface BackstopRecipient {
  /** Keyed HMAC of the ID number, as in persons.id_number_hash. */
  idNumberHash: string;
  kind: BackstopKind;
  /** 'YYYY-MM-DD', the date the support started. */
  startDate: string;
}

export interface BackstopMatchResult {
  /** Monitored households found among the recipients. */
  matched: number;
  backstopSet: number;
  proposalsApproved: number;
  measuresCreated: number;
  /** Recipients' households in the region that are not monitored: SPEC §10 "new backstop recipient not monitored → check". */
  notMonitored: { householdId: string; regionCode: string; kind: BackstopKind }[];
}

export interface MatchOptions {
  /** Region whose households are matched (prefix of the village codes). */
  regionPrefix: string;
  /**
   * The recipients; when absent, read from the stored civil-affairs feed (feed_records of migration 0004: record kind
   * social_assistance, type 低保/特困, status 新增/在保 and not ended by a later period's record), optionally of one
   * import only.
   */
  recipients?: readonly BackstopRecipient[];
  importId?: string;
  actor?: Actor;
}

const entry = (code: BackstopKind) => DEFAULT_CATALOGUE.find((e) => e.code === code);

/**
 * Matches civil-affairs backstop recipients against monitored households of a region, set-based (STYLE: SQL, not
 * loops): sets households.backstop (only upward: none → 低保 → 特困; endings are screening's business), approves
 * open proposals as decided by the data (decided_via 'feed_match'), records the backstop measure where none is
 * active, and audits each household — all in the caller's transaction when given one (the feed import), else its
 * own. Measure names and content are the default catalogue's (a region's renaming is not applied here).
 */
export async function matchBackstopRecipients(
  db: Kysely<DB> | Transaction<DB>,
  opts: MatchOptions,
): Promise<BackstopMatchResult> {
  if (db.isTransaction) return run(db as Transaction<DB>, opts);
  return db.transaction().execute((trx) => run(trx, opts));
}

async function run(
  trx: Transaction<DB>,
  { regionPrefix, recipients, importId, actor = SYSTEM_ACTOR }: MatchOptions,
): Promise<BackstopMatchResult> {
  const empty = { matched: 0, backstopSet: 0, proposalsApproved: 0, measuresCreated: 0, notMonitored: [] };
  if (recipients?.length === 0) return empty;
  const prefix = `${regionPrefix.replace(/[%_\\]/g, '')}%`;
  const source = recipients
    ? sql`select * from unnest(${recipients.map((r) => r.idNumberHash)}::text[], ${recipients.map((r) => r.kind)}::text[],
                               ${recipients.map((r) => r.startDate)}::date[]) as r(id_number_hash, kind, start_date)`
    : feedRecipients(prefix, importId);
  const hits = await sql<{
    householdId: string;
    regionCode: string;
    monitored: boolean;
    kind: BackstopKind;
    startDate: string;
  }>`
    with r as (${source})
    select h.id as "householdId", h.region_code as "regionCode", h.monitoring_status = 'monitored' as monitored,
           case when bool_or(r.kind = 'tekun') then 'tekun' else 'dibao' end as kind,
           to_char(min(r.start_date), 'YYYY-MM-DD') as "startDate"
    from r
    join persons p on p.id_number_hash = r.id_number_hash and p.status = 'normal'
    join households h on h.id = p.household_id
    where h.region_code like ${prefix} and h.monitoring_status <> 'eliminated'
    group by h.id, h.region_code, h.monitoring_status
  `.execute(trx);
  const matched = hits.rows.filter((h) => h.monitored);
  const notMonitored = hits.rows
    .filter((h) => !h.monitored)
    .map(({ householdId, regionCode, kind }) => ({ householdId, regionCode, kind }));
  if (matched.length === 0) return { ...empty, notMonitored };

  const ids = matched.map((m) => m.householdId);
  const kinds = matched.map((m) => m.kind);
  const starts = matched.map((m) => m.startDate);
  const m = sql`unnest(${ids}::uuid[], ${kinds}::text[], ${starts}::date[]) as m(household_id, kind, start_date)`;

  const set = await sql<{ id: string; before: string | null }>`
    update households h set backstop = m.kind, version = h.version + 1, updated_at = now()
    from ${m}, households old
    where h.id = m.household_id and old.id = h.id
      and (h.backstop is null or (h.backstop = 'dibao' and m.kind = 'tekun'))
    returning h.id, old.backstop as before
  `.execute(trx);

  const dibao = entry('dibao');
  const tekun = entry('tekun');
  // The households still without an active measure of their kind, found before any is inserted: an anti-join inside
  // the INSERT would rescan the rows it is inserting (a province's file made that quadratic).
  const todo = await sql<{ householdId: string; kind: BackstopKind; startDate: string }>`
    select m.household_id as "householdId", m.kind, to_char(m.start_date, 'YYYY-MM-DD') as "startDate"
    from ${m}
    where not exists (select 1 from measures x where x.household_id = m.household_id and x.subtype = m.kind
                        and x.status not in ('cancelled', 'completed'))
  `.execute(trx);
  const t = sql`unnest(${todo.rows.map((r) => r.householdId)}::uuid[], ${todo.rows.map((r) => r.kind)}::text[],
    ${todo.rows.map((r) => r.startDate)}::date[]) as m(household_id, kind, start_date)`;
  const created = await sql<{ id: string; householdId: string }>`
    insert into measures (household_id, region_code, type, subtype, name, line_of_defence, answers_risks, content,
                          department, start_on, status, origin, suggestion_reason, created_by)
    select h.id, h.region_code, 'backstop', m.kind,
           case m.kind when 'tekun' then ${tekun?.name} else ${dibao?.name} end, 'protective',
           array(select t from unnest(h.risk_types) t
                 where t = any(case m.kind when 'tekun' then ${[...(tekun?.answersRisks ?? [])]}::text[]
                                           else ${[...(dibao?.answersRisks ?? [])]}::text[] end)),
           case m.kind when 'tekun' then ${tekun?.content} else ${dibao?.content} end,
           'civil_affairs', m.start_date, 'in_progress', 'backstop', '民政数据比对：已享受兜底保障', ${actor.username}
    from ${t} join households h on h.id = m.household_id
    returning id, household_id as "householdId"
  `.execute(trx);

  const approved = await sql<{ id: string; householdId: string }>`
    update backstop_proposals p
    set status = 'approved', granted_kind = m.kind, decided_on = least(m.start_date, current_date),
        decision_note = '民政数据比对：已享受' || case m.kind when 'tekun' then '特困人员救助供养' else '农村低保' end,
        decided_by_name = ${actor.username}, decided_via = 'feed_match',
        measure_id = (select x.id from measures x where x.household_id = p.household_id and x.subtype = m.kind
                        and x.status not in ('cancelled', 'completed') order by x.created_at desc limit 1)
    from ${m}
    where p.household_id = m.household_id and p.status = 'proposed'
    returning p.id, p.household_id as "householdId"
  `.execute(trx);

  const before = new Map(set.rows.map((r) => [r.id, r.before]));
  const measureOf = new Map(created.rows.map((r) => [r.householdId, r.id]));
  const proposalOf = new Map(approved.rows.map((r) => [r.householdId, r.id]));
  const changed = matched.filter(
    (h) => before.has(h.householdId) || measureOf.has(h.householdId) || proposalOf.has(h.householdId),
  );
  if (changed.length > 0) {
    const after = changed.map((h) =>
      JSON.stringify({
        kind: h.kind,
        startDate: h.startDate,
        backstopSet: before.has(h.householdId),
        measureId: measureOf.get(h.householdId) ?? null,
        proposalId: proposalOf.get(h.householdId) ?? null,
      }),
    );
    const beforeJson = changed.map((h) => JSON.stringify({ backstop: before.get(h.householdId) ?? null }));
    await sql`
      insert into audit_log (user_id, username, role, action, entity, entity_id, region_code, household_id, before, after)
      select ${actor.userId}::uuid, ${actor.username}, ${actor.role}, ${AuditActions.backstopMatch}, 'household',
             a.id::text, a.region_code, a.id, a.before::jsonb, a.after::jsonb
      from unnest(${changed.map((h) => h.householdId)}::uuid[], ${changed.map((h) => h.regionCode)}::text[],
                  ${beforeJson}::text[], ${after}::text[]) as a(id, region_code, before, after)
    `.execute(trx);
  }
  return {
    matched: matched.length,
    backstopSet: set.rows.length,
    proposalsApproved: approved.rows.length,
    measuresCreated: created.rows.length,
    notMonitored,
  };
}

/** 低保/特困 recipients in the stored civil-affairs feed (src/domain/feeds/civil-affairs.ts, social_assistance). */
function feedRecipients(prefix: string, importId: string | undefined) {
  return sql`
    select f.id_number_hash, f.data ->> 'assistanceType' as kind,
           coalesce((f.data ->> 'startDate')::date, current_date) as start_date
    from feed_records f
    where f.department = 'civil_affairs' and f.record_kind = 'social_assistance'
      and f.id_number_hash is not null
      -- the feed's region (the uploading county) and the matched region overlap
      and (f.region_code like ${prefix} or ${prefix} like f.region_code || '%')
      and f.data ->> 'assistanceType' in ('dibao', 'tekun')
      and coalesce(f.data ->> 'status', 'active') in ('added', 'active')
      ${importId ? sql`and f.import_id = ${importId}::uuid` : sql``}
      and not exists (select 1 from feed_records e
                      where e.department = 'civil_affairs' and e.record_kind = 'social_assistance'
                        and e.id_number_hash = f.id_number_hash
                        and e.data ->> 'assistanceType' = f.data ->> 'assistanceType'
                        and e.data ->> 'status' = 'ended' and e.period > f.period)`;
}

/**
 * The feed import's after-import hook (composed in src/services.ts): when a civil-affairs 低保/特困 file
 * (department civil_affairs, record kind social_assistance) has loaded, its recipients are matched to the monitored
 * households under the import's region in the import's last transaction, by the importing user (SPEC §9, §10).
 * Other files pass through.
 */
export async function matchBackstopAfterImport(
  trx: Transaction<DB>,
  actor: Actor,
  loaded: { importId: string; department: string; recordKind: string; region: string },
): Promise<BackstopMatchResult | null> {
  if (loaded.department !== 'civil_affairs' || loaded.recordKind !== 'social_assistance') return null;
  return matchBackstopRecipients(trx, { regionPrefix: loaded.region, importId: loaded.importId, actor });
}

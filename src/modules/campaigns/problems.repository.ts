import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './campaigns.tables.ts';
import type { ProblemSource, ProblemStatus } from '../../domain/campaigns/index.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ProblemFilter {
  campaignId?: string;
  regionCode?: string;
  status?: ProblemStatus;
  source?: ProblemSource;
  areaKey?: string;
}

/** Problems (问题清单, SPEC §15): every read is limited to the reader's region by `scopeFilter` on p.region_code. */
export const problemsRepository = (db: Kysely<DB>) => {
  const base = (actor: Actor, q: Q) =>
    q
      .selectFrom('problems as p')
      .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
      .innerJoin('regions as r', 'r.code', 'p.region_code')
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .leftJoin('regions as e', 'e.code', 'p.escalated_to')
      .where(scopeFilter(actor, 'p.region_code'));

  const columns = [
    'p.id',
    'p.number',
    'p.campaign_id as campaignId',
    'c.name as campaignName',
    'c.areas as campaignAreas',
    'p.region_code as regionCode',
    'r.name as regionName',
    'p.household_id as householdId',
    'h.code as householdCode',
    'p.project',
    'p.area_key as areaKey',
    'p.source',
    'p.description',
    'p.severity',
    'p.owner',
    'p.deadline',
    'p.measures',
    'p.status',
    'p.escalated_to as escalatedTo',
    'e.name as escalatedToName',
    'p.escalation_levels as escalationLevels',
    'p.created_by as createdBy',
    'p.created_at as createdAt',
    'p.closed_on as closedOn',
    'p.version',
  ] as const;

  const filtered = (actor: Actor, f: ProblemFilter, q: Q) => {
    let query = base(actor, q);
    if (f.campaignId) query = query.where('p.campaign_id', '=', f.campaignId);
    if (f.regionCode) query = query.where(regionPrefix('p.region_code', f.regionCode));
    if (f.status) query = query.where('p.status', '=', f.status);
    if (f.source) query = query.where('p.source', '=', f.source);
    if (f.areaKey) query = query.where('p.area_key', '=', f.areaKey);
    return query;
  };

  const fileCount = sql<number>`(select count(*) from problem_files f where f.problem_id = p.id)`.as('files');

  return {
    async list(actor: Actor, f: ProblemFilter, page: number, pageSize: number, q: Q = db) {
      const [items, total] = await Promise.all([
        filtered(actor, f, q)
          .select(columns)
          .select(fileCount)
          .orderBy(sql`case p.status when 'overdue' then 0 when 'rectifying' then 1 when 'submitted' then 2 else 3 end`)
          .orderBy('p.deadline')
          .orderBy('p.number')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        filtered(actor, f, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    find(actor: Actor, id: string, q: Q = db) {
      return base(actor, q).select(columns).select(fileCount).where('p.id', '=', id).executeTakeFirst();
    },

    /** Locks the row for an action (FOR UPDATE), within the reader's scope. */
    lock(actor: Actor, id: string, q: Q) {
      return q
        .selectFrom('problems')
        .selectAll()
        .where('id', '=', id)
        .where(scopeFilter(actor))
        .forUpdate()
        .executeTakeFirst();
    },

    actions(id: string, q: Q = db) {
      return q
        .selectFrom('problem_actions')
        .select([
          'type',
          'from_status as fromStatus',
          'to_status as toStatus',
          'note',
          'deadline',
          'by_username as by',
          'at',
        ])
        .where('problem_id', '=', id)
        .orderBy('id')
        .execute();
    },

    files(id: string, q: Q = db) {
      return q
        .selectFrom('problem_files')
        .select(['id', 'name', 'size', 'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt'])
        .where('problem_id', '=', id)
        .orderBy('uploaded_at')
        .execute();
    },

    file(problemId: string, fileId: string, q: Q = db) {
      return q
        .selectFrom('problem_files')
        .selectAll()
        .where('problem_id', '=', problemId)
        .where('id', '=', fileId)
        .executeTakeFirst();
    },

    /** Open problems past their deadline (status 整改中 or 逾期), optionally inside a region. */
    pastDeadline(today: string, regionCode: string, q: Q = db) {
      return q
        .selectFrom('problems')
        .select([
          'id',
          'region_code as regionCode',
          'deadline',
          'status',
          'escalated_to as escalatedTo',
          'escalation_levels as escalationLevels',
        ])
        .where('status', 'in', ['rectifying', 'overdue'])
        .where('deadline', '<', today)
        .where(regionPrefix('region_code', regionCode))
        .forUpdate()
        .execute();
    },
  };
};

export type ProblemsRepository = ReturnType<typeof problemsRepository>;

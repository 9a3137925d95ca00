import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB, ReliefRequestStepsTable, ReliefRequestsTable } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ReliefFilter {
  status?: 'submitted' | 'accepted' | 'replied' | 'open';
  department?: string;
  region?: string;
  item?: string;
  page: number;
  pageSize: number;
}

const listColumns = [
  'r.id',
  'r.tracking_code as trackingCode',
  'r.region_code as regionCode',
  'v.name as village',
  'r.county_code as countyCode',
  'r.item_code as itemCode',
  'r.item_name as itemName',
  'r.department',
  'r.channel',
  'r.applicant_name as applicantName',
  'r.status',
  'r.received_on as receivedOn',
  'r.due_on as dueOn',
  'r.due_estimated as dueEstimated',
  'r.outcome',
  'r.replied_at as repliedAt',
  'r.urged_count as urgedCount',
  'r.rating',
  'r.household_id as householdId',
  'r.clue_id as clueId',
] as const;

/** The relief platform's tables (SPEC §14): applications and their steps. Only this module writes them. */
export const reliefRepository = (db: Kysely<DB>) => ({
  async insert(row: Insertable<ReliefRequestsTable>, q: Q = db): Promise<{ id: string }> {
    return q.insertInto('relief_requests').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async update(id: string, patch: Updateable<ReliefRequestsTable>, q: Q = db): Promise<void> {
    await q.updateTable('relief_requests').set(patch).where('id', '=', id).execute();
  },

  /** Appends a step with the next number of its application. */
  async addStep(row: Omit<Insertable<ReliefRequestStepsTable>, 'seq'>, q: Q = db): Promise<void> {
    await q
      .insertInto('relief_request_steps')
      .values({
        ...row,
        seq: sql<number>`(select coalesce(max(seq), 0) + 1 from relief_request_steps where request_id = ${row.request_id})`,
      })
      .execute();
  },

  steps(requestId: string, q: Q = db) {
    return q
      .selectFrom('relief_request_steps')
      .select([
        'seq',
        'action',
        'actor_name as actorName',
        'from_department as fromDepartment',
        'to_department as toDepartment',
        'note',
        'at',
      ])
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
  },

  /** One application with the row lock the actions need, or undefined. */
  findForUpdate(id: string, q: Transaction<DB>) {
    return q.selectFrom('relief_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  findById(id: string, q: Q = db) {
    return q
      .selectFrom('relief_requests as r')
      .innerJoin('regions as v', 'v.code', 'r.region_code')
      .select([
        ...listColumns,
        'r.description',
        'r.result_note as resultNote',
        'r.id_number_enc as idNumberEnc',
        'r.id_number_hash as idNumberHash',
        'r.phone_enc as phoneEnc',
        'r.proxy_name as proxyName',
        'r.proxy_relation as proxyRelation',
        'r.confirmed_at as confirmedAt',
        'r.filed_by as filedBy',
        'r.rating_note as ratingNote',
        'r.person_id as personId',
      ])
      .where('r.id', '=', id)
      .executeTakeFirst();
  },

  findByTrackingCode(code: string, q: Q = db) {
    return q
      .selectFrom('relief_requests as r')
      .innerJoin('regions as v', 'v.code', 'r.region_code')
      .select([
        ...listColumns,
        'r.phone_hash as phoneHash',
        'r.result_note as resultNote',
        'r.confirmed_at as confirmedAt',
      ])
      .where('r.tracking_code', '=', code)
      .executeTakeFirst();
  },

  /** How many applications a phone number or an ID number filed since `since` (the abuse guard). */
  async countSince(column: 'phone_hash' | 'id_number_hash', hash: string, since: Date, q: Q = db): Promise<number> {
    const r = await q
      .selectFrom('relief_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', hash)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The person and household the registry holds for an ID number hash, if any. */
  findPersonByIdHash(hash: string, q: Q = db) {
    return q
      .selectFrom('persons')
      .select(['id', 'household_id as householdId', 'region_code as regionCode'])
      .where('id_number_hash', '=', hash)
      .executeTakeFirst();
  },

  /** A registered person a cadre files for (政府托举): the name, encrypted ID number and village. */
  findPersonForFiling(personId: string, q: Q = db) {
    return q
      .selectFrom('persons')
      .select(['name', 'id_number_enc as idNumberEnc', 'region_code as regionCode'])
      .where('id', '=', personId)
      .executeTakeFirst();
  },

  /** A page of applications inside the actor's scope, the most urgent first. */
  async list(actor: Actor, f: ReliefFilter, q: Q = db) {
    let query = q
      .selectFrom('relief_requests as r')
      .innerJoin('regions as v', 'v.code', 'r.region_code')
      .where(scopeFilter(actor, 'r.region_code'));
    if (f.status === 'open') query = query.where('r.status', '<>', 'replied');
    else if (f.status) query = query.where('r.status', '=', f.status);
    if (f.department) query = query.where('r.department', '=', f.department);
    if (f.item) query = query.where('r.item_code', '=', f.item);
    if (f.region) query = query.where(regionPrefix('r.region_code', f.region));
    const [rows, total] = await Promise.all([
      query
        .select(listColumns)
        .orderBy(sql`r.status = 'replied'`)
        .orderBy('r.due_on')
        .orderBy('r.tracking_code')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  /** Unanswered applications past their due date on `asOf`, inside the actor's scope (and of one department). */
  overdue(actor: Actor, asOf: string, department?: string, q: Q = db) {
    let query = q
      .selectFrom('relief_requests as r')
      .innerJoin('regions as v', 'v.code', 'r.region_code')
      .select(listColumns)
      .where(scopeFilter(actor, 'r.region_code'));
    if (department) query = query.where('r.department', '=', department);
    return query
      .where('r.status', '<>', 'replied')
      .where('r.due_on', '<', asOf)
      .orderBy('r.due_on')
      .orderBy('r.tracking_code')
      .limit(1000)
      .execute();
  },

  /**
   * Applications of a household file: those linked on receipt, and those of applicants registered later (the same
   * ID number as a member now, SPEC §14 "stays linkable") — found by the ID number's hash, so nothing is rewritten.
   */
  forHousehold(householdId: string, q: Q = db) {
    return q
      .selectFrom('relief_requests as r')
      .innerJoin('regions as v', 'v.code', 'r.region_code')
      .select(listColumns)
      .where((eb) =>
        eb.or([
          eb('r.household_id', '=', householdId),
          eb(
            'r.id_number_hash',
            'in',
            eb.selectFrom('persons').select('id_number_hash').where('household_id', '=', householdId),
          ),
        ]),
      )
      .orderBy('r.received_on', 'desc')
      .execute();
  },

  /**
   * Figures of the applications received in [from, to] inside the actor's scope, by item and department (SPEC §14:
   * received, handled in time, overdue, satisfaction). `asOf` decides what is overdue today.
   */
  figures(actor: Actor, region: string, from: string, to: string, asOf: string, q: Q = db) {
    return q
      .selectFrom('relief_requests as r')
      .where(scopeFilter(actor, 'r.region_code'))
      .where(regionPrefix('r.region_code', region))
      .where('r.received_on', '>=', from)
      .where('r.received_on', '<=', to)
      .select([
        'r.item_code as itemCode',
        'r.item_name as itemName',
        'r.department',
        (eb) => eb.fn.countAll<number>().as('received'),
        sql<number>`count(*) filter (where r.status = 'replied')`.as('replied'),
        sql<number>`count(*) filter (where r.status = 'replied' and r.replied_on <= r.due_on)`.as('inTime'),
        sql<number>`count(*) filter (where r.status <> 'replied' and r.due_on < ${asOf}::date)`.as('overdue'),
        sql<number>`count(r.rating)`.as('rated'),
        sql<number>`count(*) filter (where r.rating >= 4)`.as('satisfied'),
      ])
      .groupBy(['r.item_code', 'r.item_name', 'r.department'])
      .orderBy('r.item_code')
      .execute();
  },

  /** The photos of an application in upload order, without their bytes. */
  photos(requestId: string, q: Q = db) {
    return q
      .selectFrom('relief_request_photos')
      .select(['id', 'seq', 'mime', 'size', 'uploaded_by as uploadedBy', 'created_at as createdAt'])
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
  },

  /**
   * Adds a photo as the next one of the application; the same photo again (a retried upload) answers with the one
   * stored. The application's row is locked so two uploads at once cannot take the same number or pass the cap.
   */
  async addPhoto(
    row: { requestId: string; regionCode: string; mime: 'image/jpeg' | 'image/png'; size: number; sha256: string },
    content: Buffer,
    uploadedBy: string,
    max: number,
    q: Transaction<DB>,
  ): Promise<{ id: string; seq: number; duplicate: boolean } | { full: true }> {
    await q.selectFrom('relief_requests').select('id').where('id', '=', row.requestId).forUpdate().execute();
    const same = await q
      .selectFrom('relief_request_photos')
      .select(['id', 'seq'])
      .where('request_id', '=', row.requestId)
      .where('sha256', '=', row.sha256)
      .executeTakeFirst();
    if (same) return { ...same, duplicate: true };
    const { n, last } = await q
      .selectFrom('relief_request_photos')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('seq').as('last')])
      .where('request_id', '=', row.requestId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= max) return { full: true };
    const seq = Number(last ?? 0) + 1;
    const inserted = await q
      .insertInto('relief_request_photos')
      .values({
        request_id: row.requestId,
        region_code: row.regionCode,
        seq,
        mime: row.mime,
        size: row.size,
        sha256: row.sha256,
        content,
        uploaded_by: uploadedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: inserted.id, seq, duplicate: false };
  },

  photo(requestId: string, photoId: string, q: Q = db) {
    return q
      .selectFrom('relief_request_photos')
      .select(['id', 'mime', 'content', 'seq'])
      .where('request_id', '=', requestId)
      .where('id', '=', photoId)
      .executeTakeFirst();
  },
});

export type ReliefRepository = ReturnType<typeof reliefRepository>;

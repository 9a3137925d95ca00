import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './projects.tables.ts';
import type { AssetChangeKind, AssetKind, AssetOwnerKind, AssetStatus } from '../../domain/projects/index.ts';
import type { Actor } from '../auth/actor.ts';
import { regionPrefix } from '../auth/actor.ts';
import { projectVisible } from './projects.policy.ts';
import type { AssetIncomeShareRow } from './projects.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewAsset {
  projectId: string;
  regionCode: string;
  name: string;
  kind: AssetKind;
  valueYuan: string;
  location: string;
  ownerKind: AssetOwnerKind;
  ownerName: string;
  caretaker: string;
  registeredOn: string;
  by: string;
  userId: string | null;
}

const ASSET_COLUMNS = [
  'a.id',
  'a.project_id as projectId',
  'p.name as projectName',
  'p.year as projectYear',
  'a.region_code as regionCode',
  'a.name',
  'a.kind',
  'a.value_yuan as valueYuan',
  'a.location',
  'a.owner_kind as ownerKind',
  'a.owner_name as ownerName',
  'a.caretaker',
  'a.status',
  'a.registered_on as registeredOn',
  'a.version',
] as const;

/**
 * SQL of the project asset register (SPEC §13 item 6, migration 0210). An asset is visible with its project
 * (`projectVisible`); each function takes an optional transaction.
 */
export const projectAssetsRepository = (db: Kysely<DB>) => ({
  insertAsset(a: NewAsset, q: Q = db) {
    return q
      .insertInto('project_assets')
      .values({
        project_id: a.projectId,
        region_code: a.regionCode,
        name: a.name,
        kind: a.kind,
        value_yuan: a.valueYuan,
        location: a.location,
        owner_kind: a.ownerKind,
        owner_name: a.ownerName,
        caretaker: a.caretaker,
        registered_on: a.registeredOn,
        created_by: a.by,
        user_id: a.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Assets the reader may see: of one project, or of a region's projects, optionally by status. */
  listAssets(actor: Actor, f: { projectId?: string; region?: string; status?: AssetStatus }, q: Q = db) {
    let query = q
      .selectFrom('project_assets as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(ASSET_COLUMNS)
      .where(projectVisible(actor));
    if (f.projectId) query = query.where('a.project_id', '=', f.projectId);
    if (f.region) query = query.where(regionPrefix('a.region_code', f.region));
    if (f.status) query = query.where('a.status', '=', f.status);
    return query.orderBy('p.year', 'desc').orderBy('p.number').orderBy('a.created_at').limit(5000).execute();
  },

  findAsset(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('project_assets as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select([...ASSET_COLUMNS, 'p.region_code as projectRegionCode'])
      .where('a.id', '=', id)
      .where(projectVisible(actor))
      .executeTakeFirst();
  },

  /** Locks the asset row for a change decided in this transaction; answers its current version. */
  lockAsset(id: string, q: Q) {
    return q
      .selectFrom('project_assets')
      .select(['version', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  updateAsset(
    id: string,
    set: { ownerKind?: AssetOwnerKind; ownerName?: string; caretaker?: string; status?: AssetStatus },
    q: Q = db,
  ) {
    return q
      .updateTable('project_assets')
      .set({
        ...(set.ownerKind ? { owner_kind: set.ownerKind } : {}),
        ...(set.ownerName ? { owner_name: set.ownerName } : {}),
        ...(set.caretaker ? { caretaker: set.caretaker } : {}),
        ...(set.status ? { status: set.status } : {}),
        updated_at: sql`now()`,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
  },

  incomesOf(assetIds: readonly string[], q: Q = db) {
    if (!assetIds.length) return Promise.resolve([]);
    return q
      .selectFrom('project_asset_incomes')
      .select([
        'asset_id as assetId',
        'year',
        'income_yuan as incomeYuan',
        'distribution',
        'note',
        'reported_by as reportedBy',
        'reported_at as reportedAt',
      ])
      .where('asset_id', 'in', [...assetIds])
      .orderBy('year', 'desc')
      .execute();
  },

  /** One record per asset and year: a second report of the year replaces the first. */
  upsertIncome(
    r: {
      assetId: string;
      year: number;
      incomeYuan: string;
      distribution: AssetIncomeShareRow[];
      note: string;
      by: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    const values = {
      asset_id: r.assetId,
      year: r.year,
      income_yuan: r.incomeYuan,
      distribution: JSON.stringify(r.distribution),
      note: r.note,
      reported_by: r.by,
      user_id: r.userId,
    };
    return q
      .insertInto('project_asset_incomes')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['asset_id', 'year']).doUpdateSet({
          income_yuan: values.income_yuan,
          distribution: values.distribution,
          note: values.note,
          reported_by: values.reported_by,
          user_id: values.user_id,
          reported_at: sql`now()`,
        }),
      )
      .execute();
  },

  changesOf(assetIds: readonly string[], q: Q = db) {
    if (!assetIds.length) return Promise.resolve([]);
    return q
      .selectFrom('project_asset_changes')
      .selectAll()
      .where('asset_id', 'in', [...assetIds])
      .orderBy('requested_at', 'desc')
      .execute();
  },

  /** Inserts a request; answers undefined when the asset already has an open one. */
  insertChange(
    c: {
      assetId: string;
      kind: AssetChangeKind;
      reason: string;
      newOwnerKind: AssetOwnerKind | null;
      newOwnerName: string | null;
      newCaretaker: string | null;
      by: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    return q
      .insertInto('project_asset_changes')
      .values({
        asset_id: c.assetId,
        kind: c.kind,
        reason: c.reason,
        new_owner_kind: c.newOwnerKind,
        new_owner_name: c.newOwnerName,
        new_caretaker: c.newCaretaker,
        requested_by: c.by,
        requested_user_id: c.userId,
      })
      .onConflict((oc) => oc.column('asset_id').where('status', '=', 'pending').doNothing())
      .returning('id')
      .executeTakeFirst();
  },

  findChange(id: string, q: Q = db) {
    return q.selectFrom('project_asset_changes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Decides an open request; answers undefined when it was decided meanwhile. */
  decideChange(
    id: string,
    d: { status: 'approved' | 'rejected'; note: string; by: string; userId: string | null },
    q: Q = db,
  ) {
    return q
      .updateTable('project_asset_changes')
      .set({
        status: d.status,
        decision_note: d.note,
        decided_by: d.by,
        decided_user_id: d.userId,
        decided_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
  },
});

export type ProjectAssetsRepository = ReturnType<typeof projectAssetsRepository>;

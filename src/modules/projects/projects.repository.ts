import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './projects.tables.ts';
import type { BenefitWay, ProjectStatus } from '../../domain/projects/index.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import { projectVisible } from './projects.policy.ts';
import type { KeyResponsible, ProjectFund } from './projects.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewProject {
  regionCode: string;
  year: number;
  name: string;
  type: string;
  status?: ProjectStatus;
  funds: ProjectFund[];
  linkageYuan: string;
  totalYuan: string;
  taskForce: string;
  manager: string;
  managerPhone: string | null;
  keyProject: boolean;
  keyResponsible: KeyResponsible;
  description: string;
  importKey?: string | null;
  createdBy: string;
  userId: string | null;
}

/**
 * SQL of the projects module (SPEC §13). Every project query goes through `projectVisible`, every household one
 * through the reader's `scopeFilter`; each function takes an optional transaction.
 */
export const projectsRepository = (db: Kysely<DB>) => ({
  insertProject(p: NewProject, q: Q = db) {
    return q
      .insertInto('projects')
      .values({
        region_code: p.regionCode,
        year: p.year,
        name: p.name,
        type: p.type,
        status: p.status ?? 'proposed',
        funds: JSON.stringify(p.funds),
        linkage_yuan: p.linkageYuan,
        total_yuan: p.totalYuan,
        task_force: p.taskForce,
        manager: p.manager,
        manager_phone: p.managerPhone,
        key_project: p.keyProject,
        key_responsible: JSON.stringify(p.keyResponsible),
        description: p.description,
        import_key: p.importKey ?? null,
        created_by: p.createdBy,
        user_id: p.userId,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
  },

  findProject(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('projects as p')
      .selectAll('p')
      .where('p.id', '=', id)
      .where(projectVisible(actor))
      .executeTakeFirst();
  },

  findByImportKey(keys: readonly string[], q: Q = db) {
    if (!keys.length) return Promise.resolve([]);
    return q
      .selectFrom('projects')
      .select(['id', 'import_key'])
      .where('import_key', 'in', [...keys])
      .execute();
  },

  listProjects(actor: Actor, f: { region?: string; year?: number; status?: ProjectStatus }, q: Q = db) {
    let query = q.selectFrom('projects as p').selectAll('p').where(projectVisible(actor));
    if (f.region) query = query.where(regionPrefix('p.region_code', f.region));
    if (f.year) query = query.where('p.year', '=', f.year);
    if (f.status) query = query.where('p.status', '=', f.status);
    return query.orderBy('p.year', 'desc').orderBy('p.number', 'asc').limit(5000).execute();
  },

  updateStatus(
    id: string,
    version: number,
    set: {
      status: ProjectStatus;
      publicityFrom?: string;
      publicityTo?: string;
      exitReason?: string;
      keyResponsible?: KeyResponsible;
    },
    q: Q = db,
  ) {
    return q
      .updateTable('projects')
      .set({
        status: set.status,
        ...(set.publicityFrom ? { publicity_from: set.publicityFrom } : {}),
        ...(set.publicityTo ? { publicity_to: set.publicityTo } : {}),
        ...(set.exitReason ? { exit_reason: set.exitReason } : {}),
        ...(set.keyResponsible ? { key_responsible: JSON.stringify(set.keyResponsible) } : {}),
        updated_at: sql`now()`,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
  },

  insertEvent(
    e: {
      projectId: string;
      from: ProjectStatus | null;
      to: ProjectStatus;
      note: string;
      on: string;
      by: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    return q
      .insertInto('project_events')
      .values({
        project_id: e.projectId,
        from_status: e.from,
        to_status: e.to,
        note: e.note,
        on_date: e.on,
        by_username: e.by,
        user_id: e.userId,
      })
      .execute();
  },

  events(projectId: string, q: Q = db) {
    return q.selectFrom('project_events').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  },

  async replacePlan(
    projectId: string,
    months: { month: string; milestones: string[]; paymentShare: number }[],
    q: Q = db,
  ) {
    await q.deleteFrom('project_plan_months').where('project_id', '=', projectId).execute();
    await q
      .insertInto('project_plan_months')
      .values(
        months.map((m) => ({
          project_id: projectId,
          month: m.month,
          milestones: m.milestones,
          payment_share: m.paymentShare,
        })),
      )
      .execute();
  },

  plans(projectIds: readonly string[], q: Q = db) {
    if (!projectIds.length) return Promise.resolve([]);
    return q
      .selectFrom('project_plan_months')
      .selectAll()
      .where('project_id', 'in', [...projectIds])
      .orderBy('month')
      .execute();
  },

  upsertProgress(
    r: {
      projectId: string;
      month: string;
      milestones: string[];
      worksShare: number;
      paidYuan: string;
      note: string;
      evidence: string[];
      by: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    const values = {
      milestones: r.milestones,
      works_share: r.worksShare,
      paid_yuan: r.paidYuan,
      note: r.note,
      evidence: r.evidence,
      reported_by: r.by,
      user_id: r.userId,
      reported_at: sql<Date>`now()`,
    };
    return q
      .insertInto('project_progress')
      .values({ project_id: r.projectId, month: r.month, ...values })
      .onConflict((oc) => oc.columns(['project_id', 'month']).doUpdateSet(values))
      .execute();
  },

  progress(projectIds: readonly string[], q: Q = db) {
    if (!projectIds.length) return Promise.resolve([]);
    return q
      .selectFrom('project_progress')
      .selectAll()
      .where('project_id', 'in', [...projectIds])
      .orderBy('month')
      .execute();
  },

  progressOf(projectId: string, month: string, q: Q = db) {
    return q
      .selectFrom('project_progress')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('month', '=', month)
      .executeTakeFirst();
  },

  /** A registry household the reader may see (SPEC §3), with its live members and monitoring status. */
  householdInScope(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('households as h')
      .select([
        'h.id',
        'h.code',
        'h.region_code as regionCode',
        'h.monitoring_status as monitoringStatus',
        sql<number>`(SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int`.as(
          'persons',
        ),
      ])
      .where('h.id', '=', id)
      .where(scopeFilter(actor, 'h.region_code'))
      .executeTakeFirst();
  },

  insertBeneficiary(
    b: {
      projectId: string;
      householdId: string;
      regionCode: string;
      way: BenefitWay;
      amountYuan: string;
      note: string;
      by: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    return q
      .insertInto('project_beneficiaries')
      .values({
        project_id: b.projectId,
        household_id: b.householdId,
        region_code: b.regionCode,
        way: b.way,
        amount_yuan: b.amountYuan,
        note: b.note,
        created_by: b.by,
        user_id: b.userId,
      })
      .onConflict((oc) => oc.columns(['project_id', 'household_id', 'way']).doNothing())
      .returning('id')
      .executeTakeFirst();
  },

  /** Links a beneficiary row to the assistance measure it was counted as (migration 0211). */
  linkMeasure(beneficiaryId: string, measureId: string, q: Q = db) {
    return q
      .updateTable('project_beneficiaries')
      .set({ measure_id: measureId })
      .where('id', '=', beneficiaryId)
      .execute();
  },

  /** Beneficiary households of a project inside the reader's scope, with head and live members. */
  beneficiaries(actor: Actor, projectId: string, q: Q = db) {
    return q
      .selectFrom('project_beneficiaries as b')
      .innerJoin('households as h', 'h.id', 'b.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .leftJoin('regions as r', 'r.code', 'b.region_code')
      .select([
        'b.id',
        'b.household_id as householdId',
        'h.code as householdCode',
        'b.region_code as regionCode',
        'r.name as regionName',
        'head.name as headName',
        'h.monitoring_status as monitoringStatus',
        'b.way',
        'b.amount_yuan as amountYuan',
        'b.note',
        'b.measure_id as measureId',
        sql<number>`(SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int`.as(
          'persons',
        ),
      ])
      .where('b.project_id', '=', projectId)
      .where(scopeFilter(actor, 'b.region_code'))
      .orderBy('h.code')
      .orderBy('b.way')
      .execute();
  },

  /**
   * 联农带农 figures per project in "X户Y人" form (SPEC §12 conventions): distinct households and their live
   * members, monitored households among them, total amount; within the reader's scope.
   */
  benefitFigures(actor: Actor, projectIds: readonly string[], q: Q = db) {
    if (!projectIds.length) return Promise.resolve([]);
    return q
      .with('d', (w) =>
        w
          .selectFrom('project_beneficiaries as b')
          .innerJoin('households as h', 'h.id', 'b.household_id')
          .select([
            'b.project_id',
            'b.household_id',
            sql<boolean>`bool_or(h.monitoring_status = 'monitored')`.as('monitored'),
            sql<string>`sum(b.amount_yuan)`.as('amount'),
          ])
          .where('b.project_id', 'in', [...projectIds])
          .where(scopeFilter(actor, 'b.region_code'))
          .groupBy(['b.project_id', 'b.household_id']),
      )
      .selectFrom('d')
      .select([
        'd.project_id as projectId',
        sql<number>`count(*)::int`.as('households'),
        sql<number>`coalesce(sum((SELECT count(*) FROM persons p WHERE p.household_id = d.household_id AND p.status = 'normal')), 0)::int`.as(
          'persons',
        ),
        sql<number>`(count(*) filter (where d.monitored))::int`.as('monitoredHouseholds'),
        sql<number>`coalesce(sum((SELECT count(*) FROM persons p WHERE p.household_id = d.household_id AND p.status = 'normal')) filter (where d.monitored), 0)::int`.as(
          'monitoredPersons',
        ),
        sql<string>`coalesce(sum(d.amount), 0)`.as('amount'),
      ])
      .groupBy('d.project_id')
      .execute();
  },

  /** The projects a household benefits from (its file, 一户一档), those the reader may see. */
  householdBenefits(actor: Actor, householdId: string, q: Q = db) {
    return q
      .selectFrom('project_beneficiaries as b')
      .innerJoin('projects as p', 'p.id', 'b.project_id')
      .select([
        'p.id as projectId',
        'p.name as projectName',
        'p.status as projectStatus',
        'p.year',
        'b.way',
        'b.amount_yuan as amountYuan',
        'b.note',
      ])
      .where('b.household_id', '=', householdId)
      .where(scopeFilter(actor, 'b.region_code'))
      .orderBy('p.year', 'desc')
      .execute();
  },

  regionNames(codes: readonly string[], q: Q = db) {
    if (!codes.length) return Promise.resolve(new Map<string, string>());
    return q
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.code, r.name])));
  },
});

export type ProjectsRepository = ReturnType<typeof projectsRepository>;

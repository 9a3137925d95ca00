import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { toFen, toYuan } from '../../domain/money.ts';
import {
  BENEFIT_WAY_LABELS,
  canMove,
  isKeyProject,
  type Milestone,
  nextStatuses,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
  warningHistory,
} from '../../domain/projects/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { PlanService } from '../assistance/plan.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireScope } from '../auth/actor.ts';
import { fenOf, invalid, yuanText } from './project-input.ts';
import type { ProjectRulesService } from './project-rules.ts';
import { type ProjectRow, projectView, toPlan, toReports, warningView } from './project-view.ts';
import { canWriteProjects, requireProjectRead, requireProjectWrite } from './projects.policy.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import type {
  BeneficiaryInput,
  PlanInput,
  ProgressInput,
  ProjectDetail,
  ProjectInput,
  ProjectView,
  StatusInput,
} from './projects.schema.ts';

interface Deps {
  db: Kysely<DB>;
  repo: ProjectsRepository;
  /** The assistance plan, to count a monitored household's benefit as a measure in the same transaction. */
  measures?: Pick<PlanService, 'addMeasure'>;
  rules: ProjectRulesService;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
}

/** Editable statuses of the plan and progress: the project is in the plan and not yet handed over to operation. */
const PLANNABLE: readonly ProjectStatus[] = ['proposed', 'reviewing', 'approved', 'implementing'];
const REPORTABLE: readonly ProjectStatus[] = ['approved', 'implementing', 'accepted'];

/**
 * The project library (项目库, SPEC §13): entry with its funds by level and source, review with publicity, approval
 * into the annual plan, implementation, acceptance, operation, and exit with a reason (有进有出); the monthly plan
 * of the six milestones and the monthly progress reports; the households that benefit (联农带农). Every change is
 * audited in its transaction.
 */
export const projectsService = ({ db, repo, measures, rules, audit, now }: Deps) => {
  const thisMonth = () => chinaToday(now()).slice(0, 7);

  async function load(actor: Actor, id: string): Promise<ProjectRow> {
    requireProjectRead(actor);
    const row = await repo.findProject(actor, id);
    if (!row) throw notFound('项目');
    return row;
  }

  async function loadForWrite(actor: Actor, id: string, what: string): Promise<ProjectRow> {
    requireProjectWrite(actor, what);
    const row = await load(actor, id);
    requireScope(actor, row.region_code);
    return row;
  }

  /** Checks an entry against the region's catalogue and sums its funds in fen. */
  async function checkInput(input: ProjectInput) {
    const r = await rules.of(input.regionCode);
    const type = input.type.trim();
    if (!r.types.includes(type)) throw invalid(`项目类型“${type}”不在本地区的项目类型目录中`, 'type');
    let total = 0;
    let linkage = 0;
    input.funds.forEach((f, i) => {
      const fen = fenOf(f.amountYuan, `funds.${i}.amountYuan`);
      total += fen;
      if (f.source === 'linkage') linkage += fen;
    });
    if (total <= 0) throw invalid('项目总投资须大于0', 'funds');
    const keyResponsible = {
      ...(input.keyResponsible?.city?.trim() ? { city: input.keyResponsible.city.trim() } : {}),
      ...(input.keyResponsible?.district?.trim() ? { district: input.keyResponsible.district.trim() } : {}),
      ...(input.keyResponsible?.town?.trim() ? { town: input.keyResponsible.town.trim() } : {}),
    };
    return {
      rules: r,
      type,
      total,
      linkage,
      keyProject: isKeyProject(input.regionCode, linkage, r),
      keyResponsible,
    };
  }

  return {
    load,
    thisMonth,

    async create(actor: Actor, input: ProjectInput, opts: { importKey?: string } = {}): Promise<ProjectView> {
      requireProjectWrite(actor, '申报项目');
      requireScope(actor, input.regionCode);
      const names = await repo.regionNames([input.regionCode]);
      if (!names.has(input.regionCode)) {
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'regionCode' });
      }
      const c = await checkInput(input);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertProject(
          {
            regionCode: input.regionCode,
            year: input.year,
            name: input.name.trim(),
            type: c.type,
            funds: input.funds,
            linkageYuan: yuanText(c.linkage),
            totalYuan: yuanText(c.total),
            taskForce: input.taskForce.trim(),
            manager: input.manager.trim(),
            managerPhone: input.managerPhone?.trim() || null,
            keyProject: c.keyProject,
            keyResponsible: c.keyResponsible,
            description: input.description?.trim() ?? '',
            importKey: opts.importKey ?? null,
            createdBy: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await repo.insertEvent(
          {
            projectId: id,
            from: null,
            to: 'proposed',
            note: opts.importKey ? '从项目库台账导入' : '',
            on: chinaToday(now()),
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: opts.importKey ? AuditActions.projectImport : AuditActions.projectCreate,
            entity: 'project',
            entityId: id,
            regionCode: input.regionCode,
            after: {
              name: input.name,
              year: input.year,
              type: c.type,
              totalYuan: toYuan(c.total),
              keyProject: c.keyProject,
            },
          },
          trx,
        );
        return id;
      });
      return this.get(actor, id);
    },

    async get(actor: Actor, id: string): Promise<ProjectView> {
      const row = await load(actor, id);
      return projectView(row, await repo.regionNames([row.region_code]), await rules.of(row.region_code), null);
    },

    /** A project with its plan, progress, card history, status history and beneficiaries. */
    async detail(actor: Actor, id: string, month = thisMonth()): Promise<ProjectDetail> {
      const row = await load(actor, id);
      const r = await rules.of(row.region_code);
      const [plan, progress, events, beneficiaries, figures, names] = await Promise.all([
        repo.plans([id]),
        repo.progress([id]),
        repo.events(id),
        repo.beneficiaries(actor, id),
        repo.benefitFigures(actor, [id]),
        repo.regionNames([row.region_code]),
      ]);
      const warned = ['approved', 'implementing'].includes(row.status);
      const history = warned
        ? warningHistory(toPlan(plan), toReports(progress), toFen(row.total_yuan), month, r.warning)
        : [];
      const f = figures[0];
      return {
        project: projectView(row, names, r, warned ? (history[history.length - 1] ?? null) : null),
        plan: toPlan(plan).map((p) => ({ ...p, milestones: [...p.milestones] })),
        progress: progress.map((p) => ({
          month: p.month,
          milestones: p.milestones as Milestone[],
          worksShare: Number(p.works_share),
          paidYuan: Number(p.paid_yuan),
          note: p.note,
          evidence: p.evidence,
          reportedBy: p.reported_by,
          reportedAt: p.reported_at.toISOString(),
        })),
        history: history.map(warningView),
        events: events.map((e) => ({
          fromStatus: e.from_status,
          toStatus: e.to_status,
          note: e.note,
          on: e.on_date,
          by: e.by_username,
        })),
        beneficiaries: beneficiaries.map((b) => ({
          id: b.id,
          householdId: b.householdId,
          householdCode: b.householdCode,
          regionCode: b.regionCode,
          regionName: b.regionName ?? b.regionCode,
          headName: b.headName ?? '',
          persons: b.persons,
          monitored: b.monitoringStatus === 'monitored',
          way: b.way,
          amountYuan: Number(b.amountYuan),
          note: b.note,
          measureId: b.measureId,
        })),
        benefit: {
          households: f?.households ?? 0,
          persons: f?.persons ?? 0,
          monitoredHouseholds: f?.monitoredHouseholds ?? 0,
          monitoredPersons: f?.monitoredPersons ?? 0,
          amountYuan: toYuan(toFen(f?.amount ?? '0')),
        },
        nextStatuses: canWriteProjects(actor) ? [...nextStatuses(row.status)] : [],
        canEdit: canWriteProjects(actor) && actor.regionCode.length <= row.region_code.length,
      };
    },

    /** Moves a project through the library; exit (出库) needs a reason, review a publicity period. */
    async setStatus(actor: Actor, id: string, input: StatusInput): Promise<ProjectView> {
      const row = await loadForWrite(actor, id, '办理项目入库、实施、验收或出库');
      if (!canMove(row.status, input.to)) {
        throw new AppError(
          'PROJECT_WRONG_STATUS',
          `项目处于“${PROJECT_STATUS_LABELS[row.status]}”，不能转为“${PROJECT_STATUS_LABELS[input.to]}”`,
          { field: 'to' },
        );
      }
      const note = input.note?.trim() ?? '';
      if (input.to === 'withdrawn' && !note) throw invalid('项目出库须说明理由', 'note');
      if (input.to === 'reviewing') {
        if (!input.publicityFrom) throw invalid('论证须填写公示开始日期', 'publicityFrom');
        if (!input.publicityTo) throw invalid('论证须填写公示结束日期', 'publicityTo');
        if (input.publicityTo < input.publicityFrom) throw invalid('公示结束日期不能早于开始日期', 'publicityTo');
      }
      const keyResponsible = { ...row.key_responsible, ...(input.keyResponsible ?? {}) };
      if (input.to === 'approved' && row.key_project) {
        for (const [level, label] of [
          ['city', '市级'],
          ['district', '区（县）级'],
          ['town', '镇（街）级'],
        ] as const) {
          if (!keyResponsible[level]?.trim()) {
            throw invalid(`重点帮包项目入库前须明确${label}帮包责任人`, `keyResponsible.${level}`);
          }
        }
      }
      const on = input.on ?? chinaToday(now());
      await db.transaction().execute(async (trx) => {
        const done = await repo.updateStatus(
          id,
          input.version,
          {
            status: input.to,
            ...(input.publicityFrom ? { publicityFrom: input.publicityFrom } : {}),
            ...(input.publicityTo ? { publicityTo: input.publicityTo } : {}),
            ...(input.to === 'withdrawn' ? { exitReason: note } : {}),
            ...(input.keyResponsible ? { keyResponsible } : {}),
          },
          trx,
        );
        if (!done) throw new AppError('CONFLICT', '项目已被他人修改，请刷新后重试');
        await repo.insertEvent(
          { projectId: id, from: row.status, to: input.to, note, on, by: actor.username, userId: actor.userId },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.projectStatus,
            entity: 'project',
            entityId: id,
            regionCode: row.region_code,
            before: { status: row.status },
            after: { status: input.to, note, on },
          },
          trx,
        );
      });
      return this.get(actor, id);
    },

    /** Replaces the monthly plan: months unique, the planned payment share never decreasing. */
    async setPlan(actor: Actor, id: string, input: PlanInput) {
      const row = await loadForWrite(actor, id, '制定月度计划');
      if (!PLANNABLE.includes(row.status)) {
        throw new AppError('PROJECT_WRONG_STATUS', `项目处于“${PROJECT_STATUS_LABELS[row.status]}”，不能修改月度计划`);
      }
      const months = [...input.months].sort((a, b) => a.month.localeCompare(b.month));
      const seen = new Set<string>();
      let share = 0;
      for (const m of months) {
        const i = input.months.indexOf(m);
        if (seen.has(m.month)) throw invalid(`${m.month}重复`, `months.${i}.month`);
        seen.add(m.month);
        if (m.paymentShare < share) {
          throw invalid(`${m.month}计划累计支付比例低于上月`, `months.${i}.paymentShare`);
        }
        share = m.paymentShare;
      }
      const before = await repo.plans([id]);
      await db.transaction().execute(async (trx) => {
        await repo.replacePlan(
          id,
          months.map((m) => ({ ...m, milestones: [...new Set(m.milestones)] })),
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.projectPlan,
            entity: 'project',
            entityId: id,
            regionCode: row.region_code,
            before: toPlan(before),
            after: months,
          },
          trx,
        );
      });
      return this.detail(actor, id);
    },

    /** The month's progress report (a second report of the month replaces the first). */
    async reportProgress(actor: Actor, id: string, input: ProgressInput) {
      const row = await loadForWrite(actor, id, '填报项目进度');
      if (!REPORTABLE.includes(row.status)) {
        throw new AppError(
          'PROJECT_WRONG_STATUS',
          `项目处于“${PROJECT_STATUS_LABELS[row.status]}”，入库后才能填报进度`,
          { field: 'status' },
        );
      }
      if (input.month > thisMonth()) throw invalid('不能填报未来月份的进度', 'month');
      const paid = fenOf(input.paidYuan, 'paidYuan');
      const total = toFen(row.total_yuan);
      if (paid > total) throw invalid('累计拨付金额超过项目总投资', 'paidYuan');
      const all = await repo.progress([id]);
      const earlier = all.filter((p) => p.month < input.month).pop();
      if (earlier && paid < toFen(earlier.paid_yuan)) {
        throw invalid(`累计拨付金额少于${earlier.month}已报的${Number(earlier.paid_yuan)}元`, 'paidYuan');
      }
      const later = all.find((p) => p.month > input.month);
      if (later && paid > toFen(later.paid_yuan)) {
        throw invalid(`累计拨付金额多于${later.month}已报的${Number(later.paid_yuan)}元`, 'paidYuan');
      }
      const before = all.find((p) => p.month === input.month);
      await db.transaction().execute(async (trx) => {
        await repo.upsertProgress(
          {
            projectId: id,
            month: input.month,
            milestones: [...new Set(input.milestones)],
            worksShare: input.worksShare,
            paidYuan: yuanText(paid),
            note: input.note?.trim() ?? '',
            evidence: input.evidence?.map((e) => e.trim()).filter(Boolean) ?? [],
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.projectProgress,
            entity: 'project',
            entityId: id,
            regionCode: row.region_code,
            before: before
              ? { month: before.month, milestones: before.milestones, paidYuan: Number(before.paid_yuan) }
              : null,
            after: {
              month: input.month,
              milestones: input.milestones,
              worksShare: input.worksShare,
              paidYuan: input.paidYuan,
            },
          },
          trx,
        );
      });
      return this.detail(actor, id);
    },

    /** 联农带农: a registry household the officer may see, in the project's county, and how it benefits. */
    async addBeneficiary(actor: Actor, id: string, input: BeneficiaryInput) {
      const row = await loadForWrite(actor, id, '登记联农带农受益户');
      const household = await repo.householdInScope(actor, input.householdId);
      if (!household) throw new AppError('NOT_FOUND', '农户不存在或不在您的管辖范围内', { field: 'householdId' });
      const county = row.region_code.slice(0, 6);
      if (!household.regionCode.startsWith(county)) {
        throw invalid('受益户须在项目所在县（市、区）内', 'householdId');
      }
      const amount = fenOf(input.amountYuan, 'amountYuan');
      // Read before the transaction: the embedded database has one connection, which the transaction holds.
      const { fundName } = await rules.of(row.region_code);
      await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertBeneficiary(
          {
            projectId: id,
            householdId: household.id,
            regionCode: household.regionCode,
            way: input.way,
            amountYuan: yuanText(amount),
            note: input.note?.trim() ?? '',
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        if (!inserted) throw new AppError('CONFLICT', '该户已按此方式登记为本项目受益户', { field: 'way' });
        if (input.countAsMeasure) {
          if (household.monitoringStatus !== 'monitored') {
            throw invalid('只有监测户的项目受益可以记为帮扶措施', 'countAsMeasure');
          }
          if (!measures) throw invalid('帮扶措施暂不可用', 'countAsMeasure');
          const measure = await measures.addMeasure(
            actor,
            household.id,
            {
              // 就地就近就业 for a job at the project, 联农带农利益联结 for dividends, rent, land and purchase orders.
              subtype: input.way === 'job' ? 'local_employment' : 'benefit_linkage',
              content: `参与衔接资金项目“${row.name}”（${row.task_force}），${BENEFIT_WAY_LABELS[input.way]}，年受益${toYuan(amount)}元`,
              amount: toYuan(amount),
              fundSource: fundName,
            },
            trx,
            'project_benefit',
          );
          await repo.linkMeasure(inserted.id, measure.id, trx);
        }
        await audit.append(
          actor,
          {
            action: AuditActions.projectBeneficiary,
            entity: 'project',
            entityId: id,
            regionCode: household.regionCode,
            householdId: household.id,
            after: { way: input.way, amountYuan: toYuan(amount), countAsMeasure: input.countAsMeasure ?? false },
          },
          trx,
        );
      });
      return this.detail(actor, id);
    },

    /** The projects a household benefits from, for its file (一户一档). */
    async householdBenefits(actor: Actor, householdId: string) {
      requireProjectRead(actor);
      const household = await repo.householdInScope(actor, householdId);
      if (!household) throw notFound('农户');
      return (await repo.householdBenefits(actor, householdId)).map((b) => ({
        ...b,
        amountYuan: Number(b.amountYuan),
      }));
    },
  };
};

export type ProjectsService = ReturnType<typeof projectsService>;

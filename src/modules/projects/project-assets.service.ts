import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { toFen, toYuan } from '../../domain/money.ts';
import {
  ASSET_KINDS,
  type AssetStatus,
  distributionProblem,
  PROJECT_STATUS_LABELS,
  projectHoldsAssets,
} from '../../domain/projects/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireScope } from '../auth/actor.ts';
import type { ProjectAssetsRepository } from './project-assets.repository.ts';
import type {
  AssetChangeInput,
  AssetDecisionInput,
  AssetIncomeInput,
  AssetInput,
  AssetView,
} from './project-assets.schema.ts';
import { fenOf, invalid, yuanText } from './project-input.ts';
import { canWriteProjects, requireProjectRead, requireProjectWrite } from './projects.policy.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import type { ProjectsService } from './projects.service.ts';

interface Deps {
  db: Kysely<DB>;
  repo: ProjectAssetsRepository;
  projectsRepo: Pick<ProjectsRepository, 'regionNames'>;
  projects: Pick<ProjectsService, 'load'>;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
}

const trim = (s: string | undefined) => s?.trim() ?? '';

/**
 * The asset register of assistance-fund projects (SPEC §13 item 6): once a project is accepted, the county officer
 * registers the assets it created (kind, value, location, owner, 管护 responsible person), records each year's income
 * and how it was distributed, and asks for a change of owner or a write-off, which takes effect only when another
 * officer approves it. Townships, villages and supervisors read. Every change is audited in its transaction.
 */
export const projectAssetsService = ({ db, repo, projectsRepo, projects, audit, now }: Deps) => {
  type Row = Awaited<ReturnType<ProjectAssetsRepository['listAssets']>>[number];

  async function views(actor: Actor, rows: readonly Row[]): Promise<AssetView[]> {
    const ids = rows.map((r) => r.id);
    const [incomes, changes, names] = await Promise.all([
      repo.incomesOf(ids),
      repo.changesOf(ids),
      projectsRepo.regionNames(rows.map((r) => r.regionCode)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      projectName: r.projectName,
      projectYear: r.projectYear,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      name: r.name,
      kind: r.kind,
      valueYuan: Number(r.valueYuan),
      location: r.location,
      ownerKind: r.ownerKind,
      ownerName: r.ownerName,
      caretaker: r.caretaker,
      status: r.status,
      registeredOn: r.registeredOn,
      incomes: incomes
        .filter((i) => i.assetId === r.id)
        .map((i) => {
          const distributed = i.distribution.reduce((s, d) => s + toFen(d.amountYuan), 0);
          return {
            year: i.year,
            incomeYuan: Number(i.incomeYuan),
            distribution: i.distribution.map((d) => ({ purpose: d.purpose, amountYuan: Number(d.amountYuan) })),
            undistributedYuan: toYuan(toFen(i.incomeYuan) - distributed),
            note: i.note,
            reportedBy: i.reportedBy,
            reportedAt: i.reportedAt.toISOString(),
          };
        }),
      changes: changes
        .filter((c) => c.asset_id === r.id)
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          reason: c.reason,
          newOwnerKind: c.new_owner_kind,
          newOwnerName: c.new_owner_name,
          newCaretaker: c.new_caretaker,
          status: c.status,
          requestedBy: c.requested_by,
          requestedAt: c.requested_at.toISOString(),
          decidedBy: c.decided_by,
          decidedAt: c.decided_at ? c.decided_at.toISOString() : null,
          decisionNote: c.decision_note,
          canDecide: c.status === 'pending' && canWriteProjects(actor) && !isRequester(actor, c),
        })),
    }));
  }

  const isRequester = (actor: Actor, c: { requested_by: string; requested_user_id: string | null }) =>
    actor.userId ? c.requested_user_id === actor.userId : c.requested_by === actor.username;

  async function loadAsset(actor: Actor, assetId: string) {
    requireProjectRead(actor);
    const row = await repo.findAsset(actor, assetId);
    if (!row) throw notFound('资产');
    return row;
  }

  async function loadAssetForWrite(actor: Actor, assetId: string, what: string) {
    requireProjectWrite(actor, what);
    const row = await loadAsset(actor, assetId);
    requireScope(actor, row.projectRegionCode);
    return row;
  }

  async function one(actor: Actor, assetId: string): Promise<AssetView> {
    const row = await repo.findAsset(actor, assetId);
    if (!row) throw notFound('资产');
    const [view] = await views(actor, [row]);
    return view as AssetView;
  }

  return {
    /** The assets of one project, with their incomes and change requests. */
    async ofProject(actor: Actor, projectId: string): Promise<AssetView[]> {
      await projects.load(actor, projectId);
      return views(actor, await repo.listAssets(actor, { projectId }));
    },

    /** The register of a region (资产台账): every asset the reader may see, with totals by kind. */
    async register(actor: Actor, f: { region?: string; status?: AssetStatus }) {
      requireProjectRead(actor);
      const assets = await views(actor, await repo.listAssets(actor, f));
      const byKind = ASSET_KINDS.map((kind) => {
        const of = assets.filter((a) => a.kind === kind);
        return { kind, count: of.length, valueYuan: toYuan(of.reduce((s, a) => s + toFen(a.valueYuan), 0)) };
      });
      return {
        assets,
        totals: {
          count: assets.length,
          valueYuan: toYuan(assets.reduce((s, a) => s + toFen(a.valueYuan), 0)),
          byKind,
          pendingChanges: assets.reduce((n, a) => n + a.changes.filter((c) => c.status === 'pending').length, 0),
        },
      };
    },

    /** Registers an asset of an accepted project (确权登记). */
    async add(actor: Actor, projectId: string, input: AssetInput): Promise<AssetView> {
      requireProjectWrite(actor, '登记项目资产');
      const project = await projects.load(actor, projectId);
      requireScope(actor, project.region_code);
      if (!projectHoldsAssets(project.status)) {
        throw new AppError(
          'PROJECT_WRONG_STATUS',
          `项目当前为“${PROJECT_STATUS_LABELS[project.status]}”，验收后才能登记资产`,
          { status: project.status },
        );
      }
      const county = project.region_code.slice(0, 6);
      if (!input.regionCode.startsWith(county)) throw invalid('资产须在项目所在县（市、区）内', 'regionCode');
      requireScope(actor, input.regionCode);
      const names = await projectsRepo.regionNames([input.regionCode]);
      if (!names.has(input.regionCode)) throw invalid('资产所在区划不存在', 'regionCode');
      for (const field of ['name', 'location', 'ownerName', 'caretaker'] as const) {
        if (!trim(input[field])) throw invalid('不能只填空格', field);
      }
      const value = fenOf(input.valueYuan, 'valueYuan');
      const registeredOn = input.registeredOn ?? chinaToday(now());
      if (registeredOn > chinaToday(now())) throw invalid('登记日期不能晚于今天', 'registeredOn');
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertAsset(
          {
            projectId,
            regionCode: input.regionCode,
            name: trim(input.name),
            kind: input.kind,
            valueYuan: yuanText(value),
            location: trim(input.location),
            ownerKind: input.ownerKind,
            ownerName: trim(input.ownerName),
            caretaker: trim(input.caretaker),
            registeredOn,
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.projectAsset,
            entity: 'project_asset',
            entityId: id,
            regionCode: input.regionCode,
            after: { projectId, name: trim(input.name), kind: input.kind, valueYuan: toYuan(value) },
          },
          trx,
        );
        return id;
      });
      return one(actor, id);
    },

    /** A year's income and its distribution (收益分配); a second report of the year replaces the first. */
    async recordIncome(actor: Actor, assetId: string, input: AssetIncomeInput): Promise<AssetView> {
      const asset = await loadAssetForWrite(actor, assetId, '登记资产收益');
      if (asset.status !== 'in_use') {
        throw new AppError('PROJECT_WRONG_STATUS', '资产已核销，不能再登记收益', { status: asset.status });
      }
      const thisYear = Number(chinaToday(now()).slice(0, 4));
      if (input.year > thisYear) throw invalid('收益年度不能晚于今年', 'year');
      if (input.year < Number(asset.registeredOn.slice(0, 4))) throw invalid('收益年度早于资产登记年度', 'year');
      const income = fenOf(input.incomeYuan, 'incomeYuan');
      const shares = input.distribution.map((d, i) => ({
        purpose: d.purpose,
        amountFen: fenOf(d.amountYuan, `distribution.${i}.amountYuan`),
      }));
      const problem = distributionProblem(income, shares);
      if (problem) {
        throw invalid(problem.message, problem.index === null ? 'distribution' : `distribution.${problem.index}`);
      }
      const distribution = shares.map((s) => ({ purpose: s.purpose, amountYuan: toYuan(s.amountFen) }));
      await db.transaction().execute(async (trx) => {
        await repo.upsertIncome(
          {
            assetId,
            year: input.year,
            incomeYuan: yuanText(income),
            distribution,
            note: trim(input.note),
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.projectAssetIncome,
            entity: 'project_asset',
            entityId: assetId,
            regionCode: asset.regionCode,
            after: { year: input.year, incomeYuan: toYuan(income), distribution },
          },
          trx,
        );
      });
      return one(actor, assetId);
    },

    /** Asks for a change of owner (移交) or a write-off (核销); it takes effect when another officer approves it. */
    async requestChange(actor: Actor, assetId: string, input: AssetChangeInput): Promise<AssetView> {
      const asset = await loadAssetForWrite(actor, assetId, '申请资产变更或核销');
      if (asset.status !== 'in_use') {
        throw new AppError('PROJECT_WRONG_STATUS', '资产已核销，不能再申请变更', { status: asset.status });
      }
      const reason = trim(input.reason);
      if (!reason) throw invalid('请填写申请理由', 'reason');
      const transfer = input.kind === 'transfer';
      if (transfer && !input.newOwnerKind) throw invalid('权属变更须选择新的所有权人类型', 'newOwnerKind');
      if (transfer && !trim(input.newOwnerName)) throw invalid('权属变更须填写新的所有权人', 'newOwnerName');
      if (
        transfer &&
        input.newOwnerKind === asset.ownerKind &&
        trim(input.newOwnerName) === asset.ownerName &&
        !trim(input.newCaretaker)
      ) {
        throw invalid('新的所有权人与现在相同', 'newOwnerName');
      }
      await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertChange(
          {
            assetId,
            kind: input.kind,
            reason,
            newOwnerKind: transfer ? (input.newOwnerKind ?? null) : null,
            newOwnerName: transfer ? trim(input.newOwnerName) : null,
            newCaretaker: transfer ? trim(input.newCaretaker) || null : null,
            by: actor.username,
            userId: actor.userId,
          },
          trx,
        );
        if (!inserted) throw new AppError('ASSET_CHANGE_OPEN', '该资产已有待审批的变更申请，请先审批', {});
        await audit.append(
          actor,
          {
            action: AuditActions.projectAssetChange,
            entity: 'project_asset',
            entityId: assetId,
            regionCode: asset.regionCode,
            after: { changeId: inserted.id, kind: input.kind, reason, newOwnerName: trim(input.newOwnerName) || null },
          },
          trx,
        );
      });
      return one(actor, assetId);
    },

    /** Approves or refuses a request; the requester never decides their own. Approval changes the asset at once. */
    async decideChange(actor: Actor, changeId: string, input: AssetDecisionInput): Promise<AssetView> {
      requireProjectWrite(actor, '审批资产变更或核销');
      const change = await repo.findChange(changeId);
      if (!change) throw notFound('变更申请');
      const asset = await loadAssetForWrite(actor, change.asset_id, '审批资产变更或核销');
      if (change.status !== 'pending') {
        throw new AppError('PROJECT_WRONG_STATUS', '该申请已经审批', { status: change.status });
      }
      if (isRequester(actor, change)) {
        throw new AppError('ASSET_SELF_APPROVAL', '不能审批本人提出的申请，请由其他经办人审批', {});
      }
      const note = trim(input.note);
      if (!input.approve && !note) throw invalid('不批准时请说明理由', 'note');
      await db.transaction().execute(async (trx) => {
        await repo.lockAsset(asset.id, trx);
        const decided = await repo.decideChange(
          changeId,
          { status: input.approve ? 'approved' : 'rejected', note, by: actor.username, userId: actor.userId },
          trx,
        );
        if (!decided) throw new AppError('PROJECT_WRONG_STATUS', '该申请已经审批', {});
        if (input.approve) {
          await repo.updateAsset(
            asset.id,
            change.kind === 'write_off'
              ? { status: 'written_off' }
              : {
                  ownerKind: change.new_owner_kind ?? undefined,
                  ownerName: change.new_owner_name ?? undefined,
                  caretaker: change.new_caretaker ?? undefined,
                },
            trx,
          );
        }
        await audit.append(
          actor,
          {
            action: AuditActions.projectAssetDecision,
            entity: 'project_asset',
            entityId: asset.id,
            regionCode: asset.regionCode,
            before: {
              ownerKind: asset.ownerKind,
              ownerName: asset.ownerName,
              caretaker: asset.caretaker,
              status: asset.status,
            },
            after: { changeId, kind: change.kind, approved: input.approve, note },
          },
          trx,
        );
      });
      return one(actor, asset.id);
    },
  };
};

export type ProjectAssetsService = ReturnType<typeof projectAssetsService>;

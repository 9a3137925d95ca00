import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { FILING_ITEMS, FILING_STATUSES, type FilingKind, PROJECT_STATUS_LABELS } from '../../domain/projects/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireScope } from '../auth/actor.ts';
import { checkCaseFile } from '../cases/case-files.ts';
import { requireFilingReview, requireProjectWrite } from './projects.policy.ts';
import type { ProjectsService } from './projects.service.ts';

interface Deps {
  db: Kysely<DB>;
  projects: Pick<ProjectsService, 'load'>;
  audit: Pick<AuditRepository, 'append'>;
}

const KINDS: FilingKind[] = ['pre', 'post'];

/**
 * 双报备 (SPEC §13, seeds/003 枣庄 市级双报备): the county uploads the files of each checklist item and submits the
 * filing when every item has one; the city's supervisor approves it or returns it with a reason, and a returned
 * filing is submitted again after correction.
 */
export const projectFilingsService = ({ db, projects, audit }: Deps) => {
  async function view(projectId: string) {
    const files = await db
      .selectFrom('project_filing_files')
      .select(['id', 'kind', 'item', 'name', 'size', 'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt'])
      .where('project_id', '=', projectId)
      .orderBy('uploaded_at')
      .execute();
    const filings = await db
      .selectFrom('project_filings')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('submitted_at', 'desc')
      .execute();
    return KINDS.map((kind) => {
      const last = filings.find((f) => f.kind === kind);
      return {
        kind,
        items: Object.entries(FILING_ITEMS[kind]).map(([item, label]) => ({
          item,
          label,
          files: files
            .filter((f) => f.kind === kind && f.item === item)
            .map((f) => ({
              id: f.id,
              name: f.name,
              size: f.size,
              uploadedBy: f.uploadedBy,
              uploadedAt: f.uploadedAt.toISOString(),
            })),
        })),
        filing: last
          ? {
              id: last.id,
              status: last.status,
              note: last.note,
              submittedBy: last.submitted_by,
              submittedAt: last.submitted_at.toISOString(),
              decisionNote: last.decision_note,
              reviewedBy: last.reviewed_by,
            }
          : null,
      };
    });
  }

  const itemsOf = (kind: FilingKind) => FILING_ITEMS[kind] as Record<string, string>;

  return {
    async list(actor: Actor, projectId: string) {
      await projects.load(actor, projectId);
      return view(projectId);
    },

    async upload(actor: Actor, projectId: string, kind: FilingKind, item: string, name: string, content: Buffer) {
      requireProjectWrite(actor, '上传报备材料');
      const p = await projects.load(actor, projectId);
      requireScope(actor, p.region_code);
      if (!itemsOf(kind)[item]) throw new AppError('PROJECT_INVALID', '没有该报备材料项', { field: 'item' });
      const checked = checkCaseFile(name, content);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('project_filing_files')
          .values({
            project_id: projectId,
            kind,
            item,
            region_code: p.region_code,
            ...checked,
            content,
            uploaded_by: actor.username,
          })
          .execute();
        await audit.append(
          actor,
          {
            action: AuditActions.projectFilingFile,
            entity: 'project_filing',
            entityId: projectId,
            regionCode: p.region_code,
            after: { kind, item, name: checked.name, size: checked.size, sha256: checked.sha256 },
          },
          trx,
        );
      });
      return view(projectId);
    },

    /** Submits a filing: every item of the checklist needs a file, and the project must be at the right stage. */
    async submit(actor: Actor, projectId: string, kind: FilingKind, note = '') {
      requireProjectWrite(actor, '提交报备');
      const p = await projects.load(actor, projectId);
      requireScope(actor, p.region_code);
      if (!FILING_STATUSES[kind].includes(p.status)) {
        throw new AppError(
          'PROJECT_WRONG_STATUS',
          `项目处于“${PROJECT_STATUS_LABELS[p.status]}”，${kind === 'pre' ? '实施前报备须在开工实施之前' : '验收后报备须在竣工验收之后'}`,
          { field: 'kind' },
        );
      }
      const current = (await view(projectId)).find((k) => k.kind === kind);
      if (current?.filing?.status === 'submitted' || current?.filing?.status === 'approved') {
        throw new AppError('CONFLICT', '该报备已提交，等待或已通过市级审核');
      }
      const missing = current?.items.filter((i) => i.files.length === 0) ?? [];
      if (missing[0]) {
        throw new AppError('PROJECT_FILING_INCOMPLETE', `报备材料不齐：缺少${missing.map((m) => m.label).join('、')}`, {
          field: `items.${missing[0].item}`,
        });
      }
      await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('project_filings')
          .values({
            project_id: projectId,
            kind,
            region_code: p.region_code,
            note: note.trim(),
            submitted_by: actor.username,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.append(
          actor,
          {
            action: AuditActions.projectFilingSubmit,
            entity: 'project_filing',
            entityId: id,
            regionCode: p.region_code,
            after: { projectId, kind },
          },
          trx,
        );
      });
      return view(projectId);
    },

    /** The city supervisor's review: approve, or return with a reason. */
    async decide(actor: Actor, projectId: string, kind: FilingKind, decision: 'approve' | 'return', note = '') {
      requireFilingReview(actor);
      const p = await projects.load(actor, projectId);
      requireScope(actor, p.region_code);
      const current = (await view(projectId)).find((k) => k.kind === kind);
      if (current?.filing?.status !== 'submitted') throw new AppError('PROJECT_WRONG_STATUS', '没有待审核的报备');
      if (decision === 'return' && !note.trim()) {
        throw new AppError('PROJECT_INVALID', '退回须说明须整改的问题', { field: 'note' });
      }
      const filingId = current.filing.id;
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('project_filings')
          .set({
            status: decision === 'approve' ? 'approved' : 'returned',
            decision_note: note.trim(),
            reviewed_by: actor.username,
            reviewed_at: new Date(),
          })
          .where('id', '=', filingId)
          .where('status', '=', 'submitted')
          .executeTakeFirst();
        if (!done.numUpdatedRows) throw new AppError('CONFLICT', '报备已被他人审核，请刷新');
        await audit.append(
          actor,
          {
            action: AuditActions.projectFilingDecision,
            entity: 'project_filing',
            entityId: filingId,
            regionCode: p.region_code,
            before: { status: 'submitted' },
            after: { decision, note },
          },
          trx,
        );
      });
      return view(projectId);
    },
  };
};

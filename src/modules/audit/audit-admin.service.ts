import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../shared/app-error.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import type { AuditRepository } from './audit.repository.ts';
import { AuditActions } from './audit-actions.ts';
import { type ArchiveVerifyReport, verifyAuditArchive } from './audit-archive.ts';
import { type AuditChainReport, verifyAuditChain } from './audit-chain.ts';

interface Deps {
  db: Kysely<DB>;
  audit: Pick<AuditRepository, 'append'>;
  /** Where `shouxian audit archive` writes by default: DATA_DIR/audit-archive. */
  archiveDir: string;
}

/** What a problem of the chain means, for the audit administrator. */
const CHAIN_PROBLEM: Record<AuditChainReport['problems'][number]['kind'], string> = {
  changed: '记录内容被修改',
  broken_link: '链接断裂或顺序被改动',
  missing_row: '记录被删除',
  unlinked_row: '记录绕过哈希链写入',
  archive_anchor: '归档锚点与日志中的归档记录不符',
};
const ARCHIVE_PROBLEM: Record<ArchiveVerifyReport['problems'][number]['kind'], string> = {
  format: '文件格式不正确或已损坏',
  changed: '记录内容被修改',
  broken_link: '链接断裂或顺序被改动',
  missing_link: '缺少记录',
  truncated: '文件不完整',
  not_anchored: '文件与库中的归档锚点不符',
};

/** A shown problem: what it is in Chinese, and the row it concerns by time, person and action (never an id). */
export interface ShownProblem {
  kind: string;
  text: string;
  seq: string | null;
  at: Date | null;
  username: string | null;
  userName: string | null;
  action: string | null;
}

/**
 * The audit administrator's tools on the web (issue 11 point 4; 等保 2.0 L3 安全审计): verify the hash chain with the
 * same check as `shouxian audit verify`, list the archives (`shouxian audit archive`) and verify an archive file kept
 * on the server. Only the audit administrator (`audit.manage`); each use is itself audited.
 */
export const auditAdminService = ({ db, audit, archiveDir }: Deps) => {
  /** The rows a chain problem names, for its time, person and action (a removed row has none). */
  async function describe(problems: AuditChainReport['problems']): Promise<ShownProblem[]> {
    const ids = [...new Set(problems.map((p) => p.auditId).filter((id) => /^[0-9]+$/.test(id)))];
    const rows = ids.length
      ? await db
          .selectFrom('audit_log as a')
          .leftJoin('users as u', 'u.username', 'a.username')
          .select(['a.id', 'a.at', 'a.username', 'a.action', 'u.display_name as userName'])
          .where(
            'a.id',
            'in',
            ids.map((id) => Number(id)),
          )
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return problems.map((p) => {
      const r = p.kind === 'archive_anchor' ? undefined : byId.get(p.auditId);
      return {
        kind: p.kind,
        text: CHAIN_PROBLEM[p.kind],
        seq: p.kind === 'archive_anchor' ? p.auditId : (p.seq ?? null),
        at: r?.at ?? null,
        username: r?.username ?? null,
        userName: r?.userName ?? null,
        action: r?.action ?? null,
      };
    });
  }

  const archiveFile = (fileName: string) => path.join(archiveDir, path.basename(fileName));

  return {
    /** Recomputes the whole chain; the verification and its result are audited. */
    async verify(actor: Actor) {
      requirePermission(actor, 'audit.manage');
      const report = await verifyAuditChain(db);
      await audit.append(actor, {
        action: AuditActions.auditVerify,
        entity: 'audit_log',
        regionCode: actor.regionCode,
        after: { result: report.ok ? '完整' : '发现问题', total: report.links, problems: report.problems.length },
      });
      const problems = await describe(report.problems);
      return {
        ok: report.ok,
        links: report.links,
        head: report.head ? { seq: report.head.seq, hash: report.head.hash } : null,
        anchor: report.anchor,
        problems,
        summary: report.ok
          ? `哈希链完整：在线日志共 ${report.links.toLocaleString('zh-CN')} 条记录，逐条校验均未被修改、删除或绕过。`
          : `哈希链校验未通过：发现 ${problems.length}${problems.length >= 100 ? ' 处以上' : ' 处'}问题。`,
        checkedAt: new Date(),
      };
    },

    /** The archives moved out of the online log, newest first, with whether the file is on this server. */
    async archives(actor: Actor) {
      requirePermission(actor, 'audit.manage');
      await audit.append(actor, {
        action: AuditActions.auditArchivesRead,
        entity: 'audit_log',
        regionCode: actor.regionCode,
      });
      const rows = await sql<{
        id: string;
        archivedAt: Date;
        cutoff: Date;
        fromSeq: string;
        toSeq: string;
        rows: string;
        fileName: string;
        fileSha256: string;
        archivedBy: string;
        lastHash: string;
      }>`
        SELECT id::text AS id, archived_at AS "archivedAt", cutoff, from_seq::text AS "fromSeq",
               to_seq::text AS "toSeq", row_count::text AS rows, file_name AS "fileName",
               file_sha256 AS "fileSha256", archived_by AS "archivedBy", encode(last_hash, 'hex') AS "lastHash"
          FROM audit_archives ORDER BY to_seq DESC`.execute(db);
      return {
        items: rows.rows.map((r) => ({
          ...r,
          rows: Number(r.rows),
          fileOnServer: fs.existsSync(archiveFile(r.fileName)),
        })),
      };
    },

    /** Verifies an archive file kept in the server's archive folder against its anchor; audited. */
    async verifyArchive(actor: Actor, id: string) {
      requirePermission(actor, 'audit.manage');
      const archive = await db
        .selectFrom('audit_archives')
        .select(['id', 'file_name'])
        .where('id', '=', Number(id))
        .executeTakeFirst();
      if (!archive) throw notFound('审计日志归档');
      const file = archiveFile(archive.file_name);
      const present = fs.existsSync(file);
      const report = present ? await verifyAuditArchive(file, db) : undefined;
      await audit.append(actor, {
        action: AuditActions.auditVerify,
        entity: 'audit_log',
        regionCode: actor.regionCode,
        after: {
          name: path.basename(archive.file_name),
          result: !report ? '文件不在服务器上' : report.ok ? '完整' : '发现问题',
          ...(report ? { total: report.rows, problems: report.problems.length } : {}),
        },
      });
      if (!report) {
        return {
          ok: false,
          rows: 0,
          problems: [],
          summary: `归档文件 ${path.basename(archive.file_name)} 不在服务器的归档目录中，请在保存该文件的机器上用命令行校验。`,
        };
      }
      const problems = report.problems.map((p) => ({
        kind: p.kind,
        text: ARCHIVE_PROBLEM[p.kind],
        seq: p.seq ?? null,
      }));
      return {
        ok: report.ok,
        rows: report.rows,
        problems,
        summary: report.ok
          ? `归档文件完整：共 ${report.rows.toLocaleString('zh-CN')} 条记录，哈希链与库中锚点一致。`
          : `归档文件校验未通过：发现 ${problems.length} 处问题。`,
      };
    },
  };
};

export type AuditAdminService = ReturnType<typeof auditAdminService>;

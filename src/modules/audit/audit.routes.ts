import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../auth/actor.ts';
import type { AuditFilter } from './audit.repository.ts';
import { AuditActions } from './audit-actions.ts';
import { auditLabels } from './audit-labels.ts';

export async function auditRoutes(
  app: FastifyInstance,
  { audit, auditAdmin }: Pick<Services, 'audit' | 'auditAdmin'>,
): Promise<void> {
  app.get<{ Querystring: Partial<AuditFilter> }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（管理员、监管用户；按管辖范围）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            action: { type: 'string' },
            entity: { type: 'string' },
            entityId: { type: 'string' },
            householdId: { type: 'string', format: 'uuid' },
            username: { type: 'string' },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'audit.read');
      const q = request.query;
      // Reading the audit log is itself audited (issue 11 point 4), before the page is read so that it shows.
      await audit.append(actor, {
        action: AuditActions.auditRead,
        entity: 'audit_log',
        regionCode: actor.regionCode,
        after: q,
      });
      const page = await audit.list(actor, { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
      return { ...page, items: page.items.map((item) => ({ ...item, labels: auditLabels(item) })) };
    },
  );

  // The audit administrator's tools (issue 11 point 4): the export is /api/audit/export.xlsx (exports.routes.ts).
  app.post(
    '/api/audit/verify',
    {
      config: { permission: 'audit.manage' },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链（仅审计管理员；与 shouxian audit verify 相同；记入审计）',
      },
    },
    async (request) => auditAdmin.verify(actorOf(request)),
  );
  app.get(
    '/api/audit/archives',
    { schema: { tags: ['audit'], summary: '审计日志归档列表（仅审计管理员；记入审计）' } },
    async (request) => auditAdmin.archives(actorOf(request)),
  );
  app.post<{ Params: { id: string } }>(
    '/api/audit/archives/:id/verify',
    {
      config: { permission: 'audit.manage' },
      schema: {
        tags: ['audit'],
        summary: '校验服务器上保存的审计日志归档文件及其锚点（仅审计管理员；记入审计）',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$' } },
        },
      },
    },
    async (request) => auditAdmin.verifyArchive(actorOf(request), request.params.id),
  );
}

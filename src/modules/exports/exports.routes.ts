import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { LEDGER_NAMES, type LedgerName } from './ledger.ts';
import { LEDGERS } from './ledgers/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['exports'];
const attachment = (reply: FastifyReply, fileName: string) =>
  reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);

const jobParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

/** A ledger's filters as a query string, with `unmasked` where the ledger writes ID numbers. */
function querySchema(name: LedgerName) {
  const def = LEDGERS[name];
  const f = def.filters as unknown as { properties: Record<string, unknown>; required?: string[] };
  return {
    type: 'object',
    additionalProperties: false,
    ...(f.required?.length ? { required: f.required } : {}),
    properties: {
      ...f.properties,
      ...(def.revealable
        ? { unmasked: { type: 'boolean', description: '导出完整身份证号（须有查看权限；记入审计）' } }
        : {}),
    },
  };
}

/**
 * Ledger exports (SPEC §12; issue 13 points 4, 7): a direct, streamed download per ledger for small lists, and
 * background jobs with progress for large ones. Every export is audited by the service.
 */
export async function exportsRoutes(app: FastifyInstance, { exports }: Pick<Services, 'exports'>): Promise<void> {
  const direct = (name: LedgerName, url: string, summary: string) =>
    app.get(url, { schema: { tags, summary, querystring: querySchema(name) } }, async (request, reply) => {
      const { unmasked, ...filters } = request.query as Record<string, unknown>;
      const { fileName, write } = await exports.stream(actorOf(request), name, filters, { reveal: unmasked === true });
      const out = new PassThrough();
      attachment(reply, fileName);
      write(out).catch((err) => out.destroy(err));
      return reply.send(out);
    });

  // The household list's own address, kept for the page and links that use it.
  direct('households', '/api/households/export.xlsx', '导出农户档案（按当前筛选条件；Excel，流式；记入审计）');
  // The audit log's own address: the audit administrator reaches /api/audit only (三员分立, route-permission.ts).
  direct('audit', '/api/audit/export.xlsx', '导出审计日志（仅审计管理员；按当前筛选条件；Excel，流式；记入审计）');
  for (const name of LEDGER_NAMES) {
    direct(name, `/api/exports/${name}.xlsx`, `直接导出：${LEDGERS[name].title}（按筛选条件；Excel，流式；记入审计）`);
  }
  direct(
    'handover',
    '/api/exports/handover',
    '交接导出：监测户、成员、风险、措施（全国系统录入用，按区划和月份；见 docs/handover.md）',
  );

  // A job running at shutdown stops before the database closes; the next start takes it up again.
  app.addHook('onClose', () => exports.stop());

  app.post<{ Body: { ledger: string; filters?: Record<string, unknown>; unmasked?: boolean } }>(
    '/api/exports',
    {
      // Which ledgers a role may export is the ledger's own rule (department users export their clues, measures and
      // imports), checked by the service before the job is stored.
      config: { permission: 'policy:ledger-export' },
      schema: {
        tags,
        summary: '发起后台导出（大数据量；返回任务编号，查询进度后下载）',
        body: {
          type: 'object',
          required: ['ledger'],
          additionalProperties: false,
          properties: {
            ledger: { type: 'string', enum: [...LEDGER_NAMES] },
            filters: { type: 'object' },
            unmasked: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => reply.status(202).send(await exports.start(actorOf(request), request.body)),
  );

  app.get('/api/exports', { schema: { tags, summary: '我的导出任务（最近20个）' } }, async (request) =>
    exports.mine(actorOf(request)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/exports/:id',
    { schema: { tags, summary: '导出任务进度：状态、已写行数、预计总数、百分比', params: jobParams } },
    async (request) => exports.get(actorOf(request), request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/exports/:id/cancel',
    {
      // Only the user who started a job may cancel it: the service answers "not found" to anyone else.
      config: { permission: 'policy:export-owner' },
      schema: {
        tags,
        summary: '取消排队或进行中的后台导出（仅发起人；在下一页停止并删除未完成的文件；记入审计）',
        params: jobParams,
      },
    },
    async (request) => exports.cancel(actorOf(request), request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/exports/:id/file',
    { schema: { tags, summary: '下载已完成的导出文件（仅发起人；记入审计）', params: jobParams } },
    async (request, reply) => {
      const { fileName, stream } = await exports.file(actorOf(request), request.params.id);
      attachment(reply, fileName);
      return reply.send(stream);
    },
  );
}

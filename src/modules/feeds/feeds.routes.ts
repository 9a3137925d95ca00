import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import { fileTooLarge, refuseAnnouncedOver } from '../../server/upload-limits.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { mayImportFeeds } from './feeds.policy.ts';
import { importListQuery, importParams, templateParams, uploadQuery } from './feeds.schema.ts';
import { UPLOAD_DIR_PREFIX } from './recover-uploads.ts';

const attachment = (reply: FastifyReply, fileName: string, type: string) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);

/**
 * Department feed API (SPEC §10): definitions and templates, multipart upload of .xlsx/.csv files, imports and
 * their bad-row reports. @fastify/multipart is registered in this plugin's own scope.
 */
export async function feedsRoutes(
  app: FastifyInstance,
  { feeds, limits }: Pick<Services, 'feeds' | 'limits'>,
): Promise<void> {
  const maxUpload = limits.uploads.feedImportBytes;
  app.get('/api/feeds', { schema: { tags: ['feeds'], summary: '各部门推送数据的定义（数据类型与列）' } }, async () =>
    feeds.list(),
  );

  app.get<{ Params: { department: string; kind: string; file: 'template.xlsx' | 'template.csv' } }>(
    '/api/feeds/:department/:kind/:file',
    { schema: { tags: ['feeds'], summary: '下载部门数据模板（.xlsx 或 .csv）', params: templateParams } },
    async (request, reply) => {
      const { department, kind, file } = request.params;
      const format = file === 'template.xlsx' ? 'xlsx' : 'csv';
      const t = await feeds.template(department, kind, format);
      const type =
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8';
      return attachment(reply, t.fileName, type).send(t.body);
    },
  );

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 10 } });
    scope.post<{ Params: { department: string }; Querystring: { region?: string; period: string; kind?: string } }>(
      '/api/feeds/:department/imports',
      {
        config: { permission: 'policy:feeds-import' },
        // Before a byte of the file is read (issue 11 point 6): only a role that may import at all, and no body
        // announced larger than the limit. The department and region are checked again by requireImport.
        onRequest: async (request) => {
          const actor = actorOf(request);
          if (!mayImportFeeds(actor)) {
            throw new AppError('AUTH_FORBIDDEN', '您的角色无权导入部门数据', { role: actor.role });
          }
          refuseAnnouncedOver(request, maxUpload);
        },
        schema: {
          tags: ['feeds'],
          summary: '上传部门数据文件（multipart，字段 file；.xlsx 或 .csv）',
          params: {
            type: 'object',
            required: ['department'],
            properties: { department: { type: 'string', pattern: '^[a-z_]{2,40}$' } },
          },
          querystring: uploadQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const file = await request.file();
        if (!file) throw new AppError('VALIDATION', '请上传文件（multipart 字段 file）', { field: 'file' });
        const dir = mkdtempSync(join(tmpdir(), UPLOAD_DIR_PREFIX));
        try {
          const path = join(dir, randomUUID());
          // The body is cut off at the limit while it streams (SHOUXIAN_UPLOAD_FEED_MB): nothing is imported, no
          // import row is made, and the part written so far goes with its directory below.
          await pipeline(file.file, createWriteStream(path, { mode: 0o600 })).catch((error) => {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxUpload);
            throw error;
          });
          if (file.file.truncated) throw fileTooLarge(maxUpload);
          const fields = file.fields as Record<string, { value?: string } | undefined>;
          const field = (name: string) => fields[name]?.value;
          const q = request.query;
          const summary = await feeds.import(actor, {
            department: request.params.department,
            regionCode: q.region ?? field('region') ?? actor.regionCode,
            period: q.period ?? field('period') ?? '',
            recordKind: q.kind ?? field('kind'),
            fileName: file.filename,
            path,
          });
          return reply.status(summary.alreadyLoaded ? 200 : 201).send({
            ...summary,
            errorsCsv: `/api/feed-imports/${summary.id}/errors.csv`,
            errorsXlsx: `/api/feed-imports/${summary.id}/errors.xlsx`,
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });

  app.get<{ Querystring: { department?: string; region?: string; page?: number; pageSize?: number } }>(
    '/api/feed-imports',
    { schema: { tags: ['feeds'], summary: '部门数据导入记录', querystring: importListQuery } },
    async (request) => {
      const q = request.query;
      return feeds.imports(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/feed-imports/:id',
    { schema: { tags: ['feeds'], summary: '导入批次详情', params: importParams } },
    async (request) => feeds.get(actorOf(request), request.params.id),
  );

  app.get<{ Params: { id: string; format: 'csv' | 'xlsx' } }>(
    '/api/feed-imports/:id/errors.:format',
    {
      schema: {
        tags: ['feeds'],
        summary: '下载错误报告（逐行列出行号和原因）',
        params: {
          ...importParams,
          required: ['id', 'format'],
          properties: { ...importParams.properties, format: { type: 'string', enum: ['csv', 'xlsx'] } },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, format } = request.params;
      const imp = await feeds.get(actor, id);
      const out = new PassThrough();
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      attachment(reply, feeds.errorsFileName(imp, format), type);
      feeds.writeErrors(actor, id, format, out).catch((err) => out.destroy(err));
      return reply.send(out);
    },
  );
}

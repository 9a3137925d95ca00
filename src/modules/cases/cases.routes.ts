import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import { fileTooLarge, refuseAnnouncedOver } from '../../server/upload-limits.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ActionInput } from './act-on-case.ts';
import type { CaseFilesService } from './case-files.service.ts';
import { MAX_CASE_FILE_BYTES } from './case-files.ts';
import type { CasesModule } from './cases.module.ts';
import { actionSchema, caseListQuery, idParams, startCaseSchema } from './cases.schema.ts';

type Id = { Params: { id: string } };

/** Procedures API (SPEC §8.1, §8.3): start, act, files, publicity notice and the three notifications. */
export async function casesRoutes(
  app: FastifyInstance,
  deps: { casesModule: CasesModule; caseFiles: CaseFilesService } & Partial<Pick<Services, 'limits'>>,
) {
  const maxFile = deps.limits?.uploads.caseFileBytes ?? MAX_CASE_FILE_BYTES;
  const { cases, act, startFromClue } = deps.casesModule;
  const files = deps.caseFiles;

  app.get<{ Querystring: Record<string, never> & { page?: number; pageSize?: number } }>(
    '/api/cases',
    { schema: { tags: ['cases'], summary: '识别纳入、风险消除程序事项', querystring: caseListQuery } },
    async (request) => {
      const q = request.query as Parameters<typeof cases.list>[1];
      return cases.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.post<{ Body: { householdId: string; kind: 'inclusion' | 'elimination'; clueId?: string; startedOn?: string } }>(
    '/api/cases',
    {
      config: { permission: 'registry.write' },
      schema: { tags: ['cases'], summary: '启动识别纳入或风险消除程序', body: startCaseSchema },
    },
    async (request, reply) => reply.status(201).send(await cases.start(actorOf(request), request.body)),
  );

  app.post<Id & { Body: { kind: 'inclusion' | 'elimination'; note: string } }>(
    '/api/clues/:id/start-case',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['cases'],
        summary: '线索核实后启动程序（线索以“启动识别/消除程序”销号）',
        params: idParams,
        body: {
          type: 'object',
          required: ['kind', 'note'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['inclusion', 'elimination'] },
            note: { type: 'string', minLength: 1, maxLength: 2000 },
          },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startFromClue(actorOf(request), request.params.id, request.body)),
  );

  app.get<Id>(
    '/api/cases/:id',
    { schema: { tags: ['cases'], summary: '程序事项详情（步骤、期限、公示、异议、记录、告知）', params: idParams } },
    async (request) => cases.get(actorOf(request), request.params.id),
  );

  app.post<Id & { Body: ActionInput }>(
    '/api/cases/:id/actions',
    {
      config: { permission: 'policy:case-step' },
      schema: {
        tags: ['cases'],
        summary: '办理（完成步骤、公示、异议、退回、不予认定、撤回等）',
        params: idParams,
        body: actionSchema,
      },
    },
    async (request) => act(actorOf(request), request.params.id, request.body),
  );

  app.get<Id>(
    '/api/cases/:id/publicity-notice',
    { schema: { tags: ['cases'], summary: '公示公告（可直接张贴）', params: idParams } },
    async (request, reply) =>
      reply.type('text/plain; charset=utf-8').send(await files.publicityNotice(actorOf(request), request.params.id)),
  );

  app.get<{ Querystring: { village: string; kind: 'inclusion' | 'elimination'; start: string } }>(
    '/api/publicity-lists',
    {
      schema: {
        tags: ['cases'],
        summary: '村级公示名单（本轮全部农户，可直接张贴）',
        querystring: {
          type: 'object',
          required: ['village', 'kind', 'start'],
          additionalProperties: false,
          properties: {
            village: { type: 'string', pattern: '^\\d{12}$' },
            kind: { type: 'string', enum: ['inclusion', 'elimination'] },
            start: { type: 'string', format: 'date' },
          },
        },
      },
    },
    async (request, reply) => {
      const list = await files.publicityList(actorOf(request), request.query);
      return reply.type('text/plain; charset=utf-8').send(list.text);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/notifications/:id',
    { schema: { tags: ['cases'], summary: '告知书（打印）', params: idParams } },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await files.notificationHtml(actorOf(request), request.params.id)),
  );

  // Uploads live in their own scope so that the multipart parser and its limits apply here only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxFile, files: 1 } });
    scope.post<Id>(
      '/api/cases/:id/files',
      {
        config: { permission: 'registry.write' },
        // Before the body is read: a body announced over the limit (SHOUXIAN_UPLOAD_CASE_FILE_MB).
        onRequest: async (request) => refuseAnnouncedOver(request, maxFile),
        schema: { tags: ['cases'], summary: '上传材料（PDF、JPG、PNG、DOCX、XLSX，≤10MB）', params: idParams },
      },
      async (request, reply) => {
        const part = await request.file();
        if (!part) throw new AppError('FILE_MISSING', '请选择要上传的文件', { field: 'file' });
        // Cut off at the limit while it streams: nothing beyond it is held in memory.
        const content = await part.toBuffer().catch(() => {
          throw fileTooLarge(maxFile);
        });
        return reply.status(201).send(await files.upload(actorOf(request), request.params.id, part.filename, content));
      },
    );
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    '/api/cases/:id/files/:fileId',
    {
      schema: {
        tags: ['cases'],
        summary: '下载材料',
        params: {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid' }, fileId: { type: 'string', format: 'uuid' } },
        },
      },
    },
    async (request, reply) => {
      const f = await files.download(actorOf(request), request.params.id, request.params.fileId);
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    },
  );
}

import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../server/authenticate.ts';
import { typedRoutes } from '../../server/typed-routes.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { MAX_CASE_FILE_BYTES } from '../cases/case-files.ts';
import {
  FileParams,
  IdParams,
  ProblemActionInput,
  ProblemDetail,
  ProblemInput,
  ProblemList,
  ProblemQuery,
  ProblemSchema,
} from './campaigns.schema.ts';

const tags = ['campaigns'];

/** 问题清单 API (SPEC §15): record, list, act (submit, accept, reject, extend), evidence files. */
export async function problemsRoutes(app: FastifyInstance, { campaigns: m }: Pick<Services, 'campaigns'>) {
  const r = typedRoutes(app);
  r.post(
    '/api/problems',
    {
      config: { permission: 'policy:campaign-work' },
      schema: { tags, summary: '登记问题', body: ProblemInput, response: { 201: ProblemSchema } },
    },
    async (request, reply) => reply.status(201).send(await m.problems.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/problems',
    { schema: { tags, summary: '问题清单', querystring: ProblemQuery, response: { 200: ProblemList } } },
    async (request) => m.problems.list(actorOf(request), request.query),
  );
  r.get(
    '/api/problems/:id',
    { schema: { tags, summary: '问题详情和办理记录', params: IdParams, response: { 200: ProblemDetail } } },
    async (request) => m.problems.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/problems/:id/actions',
    {
      config: { permission: 'policy:campaign-work' },
      schema: {
        tags,
        summary: '办理问题：提交整改、验收销号、验收不通过、延长时限',
        params: IdParams,
        body: ProblemActionInput,
        response: { 200: ProblemSchema },
      },
    },
    async (request) => m.problems.act(actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/problems/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '下载整改佐证材料',
        params: FileParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const f = await m.problems.readFile(actorOf(request), request.params.id, request.params.fileId);
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    },
  );

  // Uploads live in their own scope so that the multipart parser and its limits apply here only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_CASE_FILE_BYTES, files: 1 } });
    typedRoutes(scope).post(
      '/api/problems/:id/files',
      {
        config: { permission: 'policy:campaign-work' },
        schema: {
          tags,
          summary: '上传整改佐证材料（PDF、JPG、PNG、DOCX、XLSX，≤10MB）',
          params: IdParams,
          response: { 201: Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer() }) },
        },
      },
      async (request, reply) => {
        const part = await request.file();
        if (!part) throw new AppError('FILE_MISSING', '请选择要上传的文件', { field: 'file' });
        const content = await part.toBuffer().catch(() => {
          throw new AppError('FILE_TOO_LARGE', `文件超过${MAX_CASE_FILE_BYTES / 1024 / 1024}MB上限`, { field: 'file' });
        });
        return reply
          .status(201)
          .send(await m.problems.uploadFile(actorOf(request), request.params.id, part.filename, content));
      },
    );
  });
}

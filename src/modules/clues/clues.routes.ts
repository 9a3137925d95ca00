import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ClueChannel, ClueResult } from '../../db/schema.ts';
import type { VisitFindings } from '../../domain/picture/index.ts';
import { MAX_RELIEF_PHOTO_BYTES } from '../../domain/relief/relief-photos.ts';
import { actorOf } from '../../server/authenticate.ts';
import { readPhoto, refuseAnnouncedOver } from '../../server/upload-limits.ts';
import type { Services } from '../../services.ts';
import { visitFindingsSchema } from '../picture/visit-findings.schema.ts';
import type { NewClue, VisitLocation } from './clues.service.ts';

const RISK_TYPES = ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const photoParams = { type: 'object', required: ['id', 'photoId'], properties: { id: uuid, photoId: uuid } } as const;

/** Clue ledger API (SPEC §6). */
export async function cluesRoutes(
  app: FastifyInstance,
  { clues, limits }: Pick<Services, 'clues'> & Partial<Pick<Services, 'limits'>>,
): Promise<void> {
  const maxPhoto = limits?.uploads.reliefPhotoBytes ?? MAX_RELIEF_PHOTO_BYTES;
  app.get<{
    Querystring: {
      status?: 'open' | 'verifying' | 'closed' | 'unclosed';
      channel?: ClueChannel;
      region?: string;
      householdId?: string;
      overdue?: boolean;
      page?: number;
      pageSize?: number;
    };
  }>(
    '/api/clues',
    {
      schema: {
        tags: ['clues'],
        summary: '监测预警信息台账',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'verifying', 'closed', 'unclosed'] },
            channel: { type: 'string', enum: ['self_declaration', 'cadre_screening', 'department', 'social'] },
            region: { type: 'string', pattern: '^[0-9]{2,12}$' },
            householdId: { type: 'string', format: 'uuid' },
            overdue: { type: 'boolean' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      return clues.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/api/clues/overdue-summary',
    { schema: { tags: ['clues'], summary: '逾期未销号线索（按下级区划）' } },
    async (request) => clues.overdueSummary(actorOf(request)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/clues/:id',
    { schema: { tags: ['clues'], summary: '线索详情', params: idParams } },
    async (request) => clues.get(actorOf(request), request.params.id),
  );

  app.post<{ Body: NewClue }>(
    '/api/clues',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '登记线索（社会信息、信访、热线等）',
        body: {
          type: 'object',
          required: ['channel', 'sourceKind', 'finding'],
          additionalProperties: false,
          properties: {
            channel: { type: 'string', enum: ['cadre_screening', 'department', 'social'] },
            sourceKind: {
              type: 'string',
              enum: ['petition', 'hotline', 'media', 'mailbox', 'person', 'department', 'visit', 'public_opinion'],
            },
            sourceRef: { type: 'string', maxLength: 100 },
            householdId: { type: 'string', format: 'uuid' },
            regionCode: { type: 'string', pattern: '^[0-9]{2,12}$' },
            finding: { type: 'string', minLength: 1, maxLength: 2000 },
            facts: { type: 'object', maxProperties: 50 },
            riskTypes: { type: 'array', items: { type: 'string', enum: RISK_TYPES } },
            severity: { type: 'string', enum: ['low', 'normal', 'high'] },
            receivedOn: { type: 'string', format: 'date' },
            assigneeName: { type: 'string', maxLength: 50 },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await clues.create(actorOf(request), request.body)),
  );

  app.post<{
    Body: {
      householdId: string;
      visitedOn?: string;
      finding: string;
      riskTypes?: string[];
      noRisk?: boolean;
      findings?: VisitFindings;
      clientId?: string;
      location?: VisitLocation;
    };
  }>(
    '/api/clues/visits',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '记录干部入户排查（作为线索登记；无风险时直接销号）',
        body: {
          type: 'object',
          required: ['householdId', 'finding'],
          additionalProperties: false,
          properties: {
            householdId: { type: 'string', format: 'uuid' },
            visitedOn: { type: 'string', format: 'date' },
            finding: { type: 'string', minLength: 1, maxLength: 2000 },
            riskTypes: { type: 'array', items: { type: 'string', enum: RISK_TYPES } },
            noRisk: { type: 'boolean' },
            // household picture (issue 9): structured findings that enter the picture
            findings: visitFindingsSchema,
            // offline visits (issue 14 point 3): the phone's id for the visit; a repeat upload answers the first
            clientId: { type: 'string', format: 'uuid' },
            // where the cadre stood (the phone's position, only when allowed); kept with the visit
            location: {
              type: 'object',
              required: ['latitude', 'longitude'],
              additionalProperties: false,
              properties: {
                latitude: { type: 'number', minimum: -90, maximum: 90 },
                longitude: { type: 'number', minimum: -180, maximum: 180 },
                accuracy: { type: 'number', minimum: 0, maximum: 100000 },
              },
            },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await clues.recordVisit(actorOf(request), request.body)),
  );

  app.get(
    '/api/clues/visit-rules',
    { schema: { tags: ['clues'], summary: '入户走访的照片规则（每次张数、每张大小）' } },
    async (request) => clues.visitRules(actorOf(request)),
  );

  // Visit photos (issue 14 point 3): uploaded after the visit, each with the phone's id for it.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxPhoto, files: 1, fields: 0 } });
    scope.post<{ Params: { clientId: string; photoId: string } }>(
      '/api/clues/visits/:clientId/photos/:photoId',
      {
        config: { permission: 'registry.write' },
        onRequest: async (request) => refuseAnnouncedOver(request, maxPhoto, 'photo', '照片'),
        schema: {
          tags: ['clues'],
          summary: `上传走访照片（JPG、PNG，≤${Math.round((maxPhoto / 1024 / 1024) * 10) / 10}MB，去除位置等附加信息）`,
          params: {
            type: 'object',
            required: ['clientId', 'photoId'],
            properties: { clientId: uuid, photoId: uuid },
          },
        },
      },
      async (request, reply) => {
        const { content } = await readPhoto(request, maxPhoto);
        const { clientId, photoId } = request.params;
        return reply.status(201).send(await clues.addVisitPhoto(actorOf(request), clientId, photoId, content));
      },
    );
  });

  app.get<{ Params: { id: string } }>(
    '/api/clues/:id/photos',
    { schema: { tags: ['clues'], summary: '线索的走访照片', params: idParams } },
    async (request) => ({ items: await clues.visitPhotos(actorOf(request), request.params.id) }),
  );

  app.get<{ Params: { id: string; photoId: string } }>(
    '/api/clues/:id/photos/:photoId',
    { schema: { tags: ['clues'], summary: '查看走访照片（记入审计日志）', params: photoParams } },
    async (request, reply) => {
      const p = await clues.visitPhoto(actorOf(request), request.params.id, request.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="visit-photo.${p.mime === 'image/png' ? 'png' : 'jpg'}"`)
        .send(p.content);
    },
  );

  app.post<{ Params: { id: string }; Body: { assigneeName: string } }>(
    '/api/clues/:id/assign',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '分派核实人',
        params: idParams,
        body: {
          type: 'object',
          required: ['assigneeName'],
          additionalProperties: false,
          properties: { assigneeName: { type: 'string', minLength: 1, maxLength: 50 } },
        },
      },
    },
    async (request) => {
      await clues.assign(actorOf(request), request.params.id, request.body.assigneeName);
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string }; Body: { result: ClueResult; note: string } }>(
    '/api/clues/:id/close',
    {
      config: { permission: 'policy:clue-close' },
      schema: {
        tags: ['clues'],
        summary: '销号（必须有处理结果和说明）',
        params: idParams,
        body: {
          type: 'object',
          required: ['result', 'note'],
          additionalProperties: false,
          properties: {
            result: {
              type: 'string',
              enum: ['no_risk', 'start_identification', 'start_elimination', 'household_change'],
            },
            note: { type: 'string', minLength: 1, maxLength: 2000 },
          },
        },
      },
    },
    async (request) => {
      await clues.close(actorOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );
}

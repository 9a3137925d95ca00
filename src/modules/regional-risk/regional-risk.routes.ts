import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import type { RecordEventInput } from './regional-risk.service.ts';

const region = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;
const day = { type: 'string', format: 'date' } as const;

const eventBody = {
  type: 'object',
  required: ['regionCode', 'eventType', 'title', 'startedOn'],
  additionalProperties: false,
  properties: {
    regionCode: region,
    eventType: {
      type: 'string',
      enum: ['natural_disaster', 'epidemic', 'price_fall', 'unemployment', 'industry_failure', 'relocation_site'],
    },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    product: { type: 'string', maxLength: 50, description: '涉及的农产品，如 马铃薯' },
    industry: { type: 'string', maxLength: 50, description: '涉及的产业或行业' },
    startedOn: day,
    endedOn: day,
    riskTypes: {
      type: 'array',
      items: {
        type: 'string',
        enum: ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'],
      },
    },
    exposure: {
      type: 'object',
      additionalProperties: false,
      description: '受影响农户的筛选条件（均为“且”）',
      properties: {
        employment: { type: 'array', items: { type: 'string', enum: ['local', 'outside', 'public_welfare', 'none'] } },
        businessIncome: { type: 'boolean' },
        product: { type: 'string', maxLength: 50 },
        monitoringStatus: { type: 'array', items: { type: 'string', enum: ['none', 'monitored', 'eliminated'] } },
        liftedOut: { type: 'boolean' },
      },
    },
  },
} as const;

/** Regional and large-scale risk API (SPEC §11). */
export async function regionalRiskRoutes(app: FastifyInstance, { regionalRisk }: Pick<Services, 'regionalRisk'>) {
  app.post<{ Body: RecordEventInput }>(
    '/api/regional-risks',
    {
      config: { permission: 'policy:county-work' },
      schema: { tags: ['regional-risk'], summary: '登记区域性风险事件，找出受影响农户并生成线索', body: eventBody },
    },
    async (request, reply) => reply.status(201).send(await regionalRisk.record(actorOf(request), request.body)),
  );

  app.get<{ Querystring: { limit?: number } }>(
    '/api/regional-risks',
    {
      schema: {
        tags: ['regional-risk'],
        summary: '区域性风险事件',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } } },
      },
    },
    async (request) => regionalRisk.list(actorOf(request), request.query.limit),
  );

  app.get<{ Querystring: { month: string } }>(
    '/api/regional-risks/anomalies',
    {
      schema: {
        tags: ['regional-risk'],
        summary: '线索或纳入数异常升高的村和乡镇（参数见配置 risk.anomaly）',
        querystring: {
          type: 'object',
          required: ['month'],
          additionalProperties: false,
          properties: { month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } },
        },
      },
    },
    async (request) => regionalRisk.anomalies(actorOf(request), request.query.month),
  );

  app.get<{ Params: { id: string }; Querystring: { page?: number; pageSize?: number } }>(
    '/api/regional-risks/:id/households',
    {
      schema: {
        tags: ['regional-risk'],
        summary: '受影响农户',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        querystring: {
          type: 'object',
          properties: {
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
      },
    },
    async (request) =>
      regionalRisk.households(actorOf(request), request.params.id, request.query.page, request.query.pageSize),
  );
}

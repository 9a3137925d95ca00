import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';

const region = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;
const day = { type: 'string', format: 'date' } as const;

/** Department data screening API (SPEC §10): runs, rules with regional thresholds, hits and data-quality items. */
export async function screeningRoutes(app: FastifyInstance, { screening }: Pick<Services, 'screening'>) {
  app.post<{ Body: { region?: string; asOf?: string } }>(
    '/api/screening/runs',
    {
      config: { permission: 'policy:county-work' },
      schema: {
        tags: ['screening'],
        summary: '对基础数据库运行部门数据筛查（全部规则）',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            region: { ...region, description: '默认为用户管辖区划' },
            asOf: { ...day, description: '统计截止日，默认今天' },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await screening.run(actorOf(request), request.body ?? {})),
  );

  app.get<{ Querystring: { limit?: number } }>(
    '/api/screening/runs',
    {
      schema: {
        tags: ['screening'],
        summary: '筛查运行记录',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } } },
      },
    },
    async (request) => screening.runs(actorOf(request), request.query.limit),
  );

  app.get<{ Querystring: { region?: string } }>(
    '/api/screening/rules',
    {
      schema: {
        tags: ['screening'],
        summary: '筛查规则及本区划生效的阈值',
        querystring: { type: 'object', additionalProperties: false, properties: { region } },
      },
    },
    async (request) => screening.rules(actorOf(request), request.query.region),
  );

  app.post<{
    Params: { code: string };
    Body: { regionCode: string; thresholds?: Record<string, number>; enabled?: boolean };
  }>(
    '/api/screening/rules/:code/settings',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['screening'],
        summary: '设定某区划的规则阈值或启停（保留历史）',
        params: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 40 } } },
        body: {
          type: 'object',
          required: ['regionCode'],
          additionalProperties: false,
          properties: {
            regionCode: region,
            thresholds: { type: 'object', additionalProperties: { type: 'number' } },
            enabled: { type: 'boolean' },
          },
        },
      },
    },
    async (request) => screening.setRule(actorOf(request), request.params.code, request.body),
  );

  app.get<{ Params: { code: string }; Querystring: { region?: string } }>(
    '/api/screening/rules/:code/settings',
    {
      schema: {
        tags: ['screening'],
        summary: '某规则在本区划、上级和下级区划的设定历史（最新在前）',
        params: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 40 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { region } },
      },
    },
    async (request) => screening.ruleSettings(actorOf(request), request.params.code, request.query.region),
  );

  app.get<{ Querystring: { householdId: string } }>(
    '/api/screening/hits',
    {
      schema: {
        tags: ['screening'],
        summary: '某户的筛查命中（含未生成线索的不纳入情形信号）',
        querystring: {
          type: 'object',
          required: ['householdId'],
          properties: { householdId: { type: 'string', format: 'uuid' } },
        },
      },
    },
    async (request) => screening.householdHits(actorOf(request), request.query.householdId),
  );

  app.get<{ Querystring: { region?: string; department?: string; open?: boolean; page?: number; pageSize?: number } }>(
    '/api/data-quality',
    {
      schema: {
        tags: ['screening'],
        summary: '数据质量问题：部门数据命中规则但基础数据库中未找到此人',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            region,
            department: { type: 'string', pattern: '^[a-z_]{2,40}$' },
            open: { type: 'boolean' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      return screening.qualityItems(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.post<{ Params: { id: number }; Body: { resolution: string } }>(
    '/api/data-quality/:id/resolve',
    {
      config: { permission: 'policy:data-quality-resolve' },
      schema: {
        tags: ['screening'],
        summary: '登记数据质量问题的处理情况（如：非本县户籍、部门已更正身份证号）',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        body: {
          type: 'object',
          required: ['resolution'],
          additionalProperties: false,
          properties: { resolution: { type: 'string', minLength: 1, maxLength: 500 } },
        },
      },
    },
    async (request) => screening.resolveQualityItem(actorOf(request), request.params.id, request.body.resolution),
  );
}

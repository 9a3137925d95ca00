import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';

const region = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;

/** Data-cleaning API (SPEC §17): run the rules over a region; list its problems with the record and the reason. */
export async function cleaningRoutes(app: FastifyInstance, { cleaning }: Pick<Services, 'cleaning'>) {
  app.post<{ Body: { region?: string; year?: number } }>(
    '/api/cleaning/runs',
    {
      config: { permission: 'policy:county-work' },
      schema: {
        tags: ['cleaning'],
        summary: '运行数据清洗规则（替换该区划的问题清单）',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            region,
            year: { type: 'integer', minimum: 2000, maximum: 2100, description: '检查的收入年度，默认上一年' },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await cleaning.run(actorOf(request), request.body ?? {})),
  );

  app.get<{ Querystring: { region?: string; rule?: string; page?: number; pageSize?: number } }>(
    '/api/cleaning/problems',
    {
      schema: {
        tags: ['cleaning'],
        summary: '数据清洗问题清单（按区划，含记录与原因）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            region,
            rule: { type: 'string', pattern: '^[A-Z_]{2,40}$' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      return cleaning.problems(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
    },
  );
}

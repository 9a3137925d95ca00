import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';

const regionSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'integer' },
    parentCode: { type: ['string', 'null'] },
    childCount: { type: 'integer' },
  },
} as const;

export async function regionsRoutes(app: FastifyInstance, { regions }: Pick<Services, 'regions'>): Promise<void> {
  app.get<{ Params: { code: string } }>(
    '/api/regions/:code/children',
    {
      schema: {
        tags: ['regions'],
        summary: '下级区划（按管辖范围）',
        params: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{2,12}$' } } },
        response: {
          200: {
            type: 'object',
            properties: { region: regionSchema, children: { type: 'array', items: regionSchema } },
          },
        },
      },
    },
    async (request) => regions.children(actorOf(request), request.params.code),
  );

  app.get<{ Params: { code: string } }>(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '区划及其上级路径',
        params: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{2,12}$' } } },
      },
    },
    async (request) => {
      actorOf(request);
      const region = await regions.get(request.params.code);
      return { ...region, path: await regions.path(region.code) };
    },
  );
}

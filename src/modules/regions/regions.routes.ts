import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

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

  // Division codes and names are public data: the citizen's self-declaration form picks its village with them.
  app.get<{ Params: { code: string } }>(
    '/api/public/regions/:code/children',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['regions'],
        summary: '下级区划（公开，用于农户自主申报选择村）',
        params: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{2,12}$' } } },
        response: {
          200: {
            type: 'object',
            properties: { region: regionSchema, children: { type: 'array', items: regionSchema } },
          },
        },
      },
    },
    async (request) => regions.children({ ...SYSTEM_ACTOR, username: 'public' }, request.params.code),
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

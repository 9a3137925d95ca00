import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Assistance } from './assistance.module.ts';
import { regionQuery } from './assistance.schema.ts';
import { measuresRoutes } from './measures.routes.ts';
import { renderPublicityHtml } from './publicity-html.ts';
import { reviewsRoutes } from './reviews.routes.ts';

const tags = ['assistance'];
const villageQuery = {
  type: 'object',
  required: ['village'],
  properties: { village: { type: 'string', pattern: '^[0-9]{12}$' } },
} as const;

/** Assistance API (SPEC §9): one registrar for the module; gap lists, rates and the village publicity here. */
export async function assistanceRoutes(
  app: FastifyInstance,
  { assistance }: { assistance: Assistance },
): Promise<void> {
  await measuresRoutes(app, assistance);
  await reviewsRoutes(app, assistance);

  app.get<{ Querystring: { region?: string } }>(
    '/api/assistance/gaps',
    {
      schema: { tags, summary: '帮扶缺口：逾期未指定帮扶责任人、风险未落实措施的监测户', querystring: regionQuery },
    },
    async (request) => assistance.gaps.gaps(actorOf(request), request.query.region),
  );

  app.get<{ Querystring: { region?: string } }>(
    '/api/assistance/rates',
    {
      schema: {
        tags,
        summary: '帮扶覆盖率（按下级区划：落实措施、指定责任人、兜底保障的户数和人数）',
        querystring: regionQuery,
      },
    },
    async (request) => assistance.gaps.rates(actorOf(request), request.query.region),
  );

  app.get<{ Querystring: { village: string } }>(
    '/api/assistance/publicity',
    { schema: { tags, summary: '村级帮扶措施公示清单（不含身份证号）', querystring: villageQuery } },
    async (request) => assistance.publicity.village(actorOf(request), request.query.village),
  );

  app.get<{ Querystring: { village: string } }>(
    '/api/assistance/publicity.html',
    { schema: { tags, summary: '村级帮扶措施公示（可打印页面）', querystring: villageQuery } },
    async (request, reply) => {
      const list = await assistance.publicity.village(actorOf(request), request.query.village);
      return reply.type('text/html; charset=utf-8').send(renderPublicityHtml(list));
    },
  );

  app.get<{ Querystring: { village?: string; household?: string } }>(
    '/api/assistance/cards',
    {
      schema: {
        tags,
        summary: '明白卡（一户或一个村的监测户，批量打印；记入审计）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            village: { type: 'string', pattern: '^[0-9]{12}$', description: '村代码：该村全部监测户' },
            household: { type: 'string', format: 'uuid', description: '农户ID：一户' },
          },
        },
      },
    },
    async (request) => {
      const { village, household } = request.query;
      if (household) return assistance.cards.household(actorOf(request), household);
      if (village) return assistance.cards.village(actorOf(request), village);
      throw new AppError('VALIDATION', '请指定村或农户', { field: 'village' });
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';

/** `GET /api/workbench/today` — the village cadre's home (移动工作台, issue 14 point 2). */
export async function workbenchRoutes(app: FastifyInstance, { workbench }: Pick<Services, 'workbench'>) {
  app.get(
    '/api/workbench/today',
    {
      schema: {
        tags: ['workbench'],
        summary: '移动工作台：本村今日待办（待走访、待核实线索、待村级办理、公示到期、措施到期、未落实责任人）',
      },
    },
    async (request) => workbench.today(actorOf(request)),
  );
}

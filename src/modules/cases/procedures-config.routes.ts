import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { CasesModule } from './cases.module.ts';

/** Templates per region, official calendars, and the monthly cycle (SPEC §8.1, §8.2). */
export async function proceduresConfigRoutes(app: FastifyInstance, { casesModule }: { casesModule: CasesModule }) {
  const { templates, calendars, cycle } = casesModule;
  const region = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;

  app.get<{ Querystring: { region: string } }>(
    '/api/procedure-templates',
    {
      schema: {
        tags: ['cases'],
        summary: '程序模板（内置、本地调整版本、正在使用）',
        querystring: { type: 'object', required: ['region'], properties: { region } },
      },
    },
    async (request) => templates.list(actorOf(request), request.query.region),
  );

  app.post<{ Body: { regionCode: string; template: unknown } }>(
    '/api/procedure-templates',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['cases'],
        summary: '调整程序模板（新版本；只能从严）',
        body: {
          type: 'object',
          required: ['regionCode', 'template'],
          additionalProperties: false,
          properties: { regionCode: region, template: { type: 'object' } },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.adapt(actorOf(request), request.body.regionCode, request.body.template)),
  );

  app.put<{ Body: { regionCode: string; kind: 'inclusion' | 'elimination'; code: string } }>(
    '/api/procedure-templates/choice',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['cases'],
        summary: '选择本地区使用的程序模板',
        body: {
          type: 'object',
          required: ['regionCode', 'kind', 'code'],
          additionalProperties: false,
          properties: {
            regionCode: region,
            kind: { type: 'string', enum: ['inclusion', 'elimination'] },
            code: { type: 'string', maxLength: 80 },
          },
        },
      },
    },
    async (request) =>
      templates.choose(actorOf(request), request.body.regionCode, request.body.kind, request.body.code),
  );

  app.get(
    '/api/calendars',
    { schema: { tags: ['cases'], summary: '法定节假日和调休安排（按年）' } },
    async (request) => {
      actorOf(request);
      return (await calendars.list()).map((c) => ({
        year: c.year,
        source: c.source,
        holidays: c.holidays.length,
        workdays: c.workdays.length,
      }));
    },
  );

  app.get(
    '/api/calendars/alert',
    { schema: { tags: ['cases'], summary: '节假日安排提醒：待导入的年份、按估算日期办理的程序数' } },
    async (request) => {
      return calendars.alert(actorOf(request));
    },
  );

  app.post<{ Body: unknown }>(
    '/api/calendars',
    {
      config: { permission: 'system.manage' },
      schema: {
        tags: ['cases'],
        summary: '载入国务院公布的下一年度节假日安排（管理员）：JSON，或 { text } 为通知原文',
        body: { type: 'object' },
      },
    },
    async (request, reply) => reply.status(201).send(await calendars.load(actorOf(request), request.body)),
  );

  app.get<{ Params: { month: string }; Querystring: { region?: string } }>(
    '/api/cycle/:month',
    {
      schema: {
        tags: ['cases'],
        summary: '月度常态化监测节点与逾期情况',
        params: { type: 'object', properties: { month: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' } } },
        querystring: { type: 'object', properties: { region } },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return cycle.month(actor, request.params.month, request.query.region ?? actor.regionCode);
    },
  );
}

import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { reportFileName } from './report-files.ts';
import type { ReportKind } from './reports.service.ts';

const region = {
  type: 'string',
  pattern: '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$',
  description: '区划代码，默认本人管辖范围',
} as const;
const period = {
  type: 'string',
  pattern: '^([0-9]{4}(-(0[1-9]|1[0-2])|-[Qq][1-4])?|cumulative)$',
  description: '统计期间：YYYY-MM（月）、YYYY-Qn（季）、YYYY（年）或 cumulative（累计）',
} as const;

/** Figures and reports API (SPEC §12). */
export async function reportsRoutes(app: FastifyInstance, { reports }: Pick<Services, 'reports'>): Promise<void> {
  app.get<{ Querystring: { region?: string; period: string } }>(
    '/api/reports/figures',
    {
      schema: {
        tags: ['reports'],
        summary: '某区划某期间的各项指标（X户Y人）及下一级区划的指标',
        querystring: {
          type: 'object',
          required: ['period'],
          additionalProperties: false,
          properties: { region, period },
        },
      },
    },
    async (request) => reports.figures.figures(actorOf(request), request.query.region, request.query.period),
  );

  app.get<{ Querystring: { region?: string; period: string; figure: string; page?: number; pageSize?: number } }>(
    '/api/reports/figures/households',
    {
      schema: {
        tags: ['reports'],
        summary: '某项指标背后的农户名单',
        querystring: {
          type: 'object',
          required: ['period', 'figure'],
          additionalProperties: false,
          properties: {
            region,
            period,
            figure: { type: 'string', pattern: '^[A-Za-z_.]{3,60}$', description: '指标代码，如 monitored.unstable' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      return reports.figures.households(actorOf(request), {
        regionCode: q.region,
        period: q.period,
        figure: q.figure,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },
  );

  const month = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' } as const;

  app.post<{ Body: { region?: string; month: string; reason?: string } }>(
    '/api/reports/snapshots',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['reports'],
        summary: '冻结某月的指标（本级及所有下级区划）；已冻结的月份重新冻结须说明理由',
        body: {
          type: 'object',
          required: ['month'],
          additionalProperties: false,
          properties: { region, month, reason: { type: 'string', maxLength: 500 } },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await reports.snapshots.freeze(actorOf(request), {
          regionCode: request.body.region,
          month: request.body.month,
          reason: request.body.reason,
        }),
      ),
  );

  app.get('/api/reports/snapshots', { schema: { tags: ['reports'], summary: '指标冻结记录' } }, async (request) =>
    reports.snapshots.runs(actorOf(request)),
  );

  app.get<{ Querystring: { region?: string; month: string } }>(
    '/api/reports/snapshots/compare',
    {
      schema: {
        tags: ['reports'],
        summary: '冻结数与按现有数据重新计算的差异（更正）',
        querystring: {
          type: 'object',
          required: ['month'],
          additionalProperties: false,
          properties: { region, month },
        },
      },
    },
    async (request) => reports.snapshots.compare(actorOf(request), request.query.region, request.query.month),
  );

  app.get<{ Querystring: { region?: string; month?: string } }>(
    '/api/reports/dashboard',
    {
      schema: {
        tags: ['reports'],
        summary: '工作台：本月X户Y人、近12个月趋势、类别与风险类型、下级区划排名（一次请求）',
        querystring: { type: 'object', additionalProperties: false, properties: { region, month } },
      },
    },
    async (request) => reports.dashboard.dashboard(actorOf(request), request.query.region, request.query.month),
  );

  app.get<{ Querystring: { region?: string } }>(
    '/api/reports/map',
    {
      schema: {
        tags: ['reports'],
        summary: '工作台地图：下级区划边界（省、市、县）；县级以下返回网格',
        querystring: { type: 'object', additionalProperties: false, properties: { region } },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, max-age=86400');
      return reports.dashboard.map(actorOf(request), request.query.region);
    },
  );

  app.get<{
    Params: { kind: ReportKind };
    Querystring: { region?: string; period: string; format?: 'json' | 'xlsx' | 'csv' };
  }>(
    '/api/reports/:kind',
    {
      schema: {
        tags: ['reports'],
        summary:
          '月调度（monthly，期间 YYYY-MM）、季分析（quarterly，YYYY-Qn）、年动态（annual，YYYY）；format=xlsx/csv 下载',
        params: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { type: 'string', enum: ['monthly', 'quarterly', 'annual'] } },
        },
        querystring: {
          type: 'object',
          required: ['period'],
          additionalProperties: false,
          properties: { region, period, format: { type: 'string', enum: ['json', 'xlsx', 'csv'], default: 'json' } },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { kind } = request.params;
      const { region: code, period: key, format = 'json' } = request.query;
      if (format === 'json') return reports.reports.build(actor, kind, code, key);
      // Build first so that a refusal is a JSON error, then stream the file.
      const r = await reports.reports.build(actor, kind, code, key);
      const out = new PassThrough();
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(reportFileName(r, format))}`);
      reports.reports.export(actor, r, format, out).catch((err) => out.destroy(err));
      return reply.send(out);
    },
  );
}

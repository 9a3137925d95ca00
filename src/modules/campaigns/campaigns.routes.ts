import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../server/authenticate.ts';
import { typedRoutes } from '../../server/typed-routes.ts';
import type { Services } from '../../services.ts';
import {
  AreasInput,
  BoardQuery,
  BoardSchema,
  CampaignInput,
  CampaignSchema,
  FiguresQuery,
  FiguresSchema,
  FindingInput,
  FindingSchema,
  IdParams,
  RecheckInput,
  ReportSchema,
  SpotCheckInput,
  SpotCheckSchema,
  SpotCheckSummary,
  TaskAreaSchema,
} from './campaigns.schema.ts';

const tags = ['campaigns'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 文件' });

/** 专项行动 API (SPEC §15): campaigns, checklists, spot checks and 回头看, figures, board, report, export. */
export async function campaignsRoutes(app: FastifyInstance, { campaigns: m }: Pick<Services, 'campaigns'>) {
  const r = typedRoutes(app);

  r.get(
    '/api/campaigns/template',
    {
      schema: {
        tags,
        summary: '默认任务领域和检查清单（瓦房“大提升”）',
        response: { 200: Type.Array(TaskAreaSchema) },
      },
    },
    async () => m.campaigns.template(),
  );
  r.post(
    '/api/campaigns',
    {
      config: { permission: 'policy:campaign-lead' },
      schema: { tags, summary: '发起专项行动', body: CampaignInput, response: { 201: CampaignSchema } },
    },
    async (request, reply) => reply.status(201).send(await m.campaigns.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/campaigns',
    { schema: { tags, summary: '专项行动', response: { 200: Type.Array(CampaignSchema) } } },
    async (request) => m.campaigns.list(actorOf(request)),
  );
  r.get(
    '/api/campaigns/:id',
    { schema: { tags, summary: '专项行动详情', params: IdParams, response: { 200: CampaignSchema } } },
    async (request) => m.campaigns.get(actorOf(request), request.params.id),
  );
  r.put(
    '/api/campaigns/:id/areas',
    {
      config: { permission: 'policy:campaign-lead' },
      schema: {
        tags,
        summary: '修改任务领域和检查清单',
        params: IdParams,
        body: AreasInput,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      m.campaigns.updateAreas(actorOf(request), request.params.id, request.body.areas, request.body.version),
  );

  r.post(
    '/api/campaigns/:id/spot-checks',
    {
      config: { permission: 'policy:campaign-lead' },
      schema: {
        tags,
        summary: '抽取抽查村（按乡镇分层；同一种子返回同一名单）',
        params: IdParams,
        body: SpotCheckInput,
        response: { 200: SpotCheckSchema, 201: SpotCheckSchema },
      },
    },
    async (request, reply) => {
      const s = await m.spotChecks.draw(actorOf(request), request.params.id, request.body);
      return reply.status(s.existing ? 200 : 201).send(s);
    },
  );
  r.post(
    '/api/campaigns/:id/rechecks',
    {
      config: { permission: 'policy:campaign-lead' },
      schema: {
        tags,
        summary: '回头看：抽取已消除风险的户或已销号的问题',
        params: IdParams,
        body: RecheckInput,
        response: { 200: SpotCheckSchema, 201: SpotCheckSchema },
      },
    },
    async (request, reply) => {
      const s = await m.spotChecks.recheck(actorOf(request), request.params.id, request.body);
      return reply.status(s.existing ? 200 : 201).send(s);
    },
  );
  r.get(
    '/api/campaigns/:id/spot-checks',
    { schema: { tags, summary: '本次行动的抽查', params: IdParams, response: { 200: Type.Array(SpotCheckSummary) } } },
    async (request) => m.spotChecks.list(actorOf(request), request.params.id),
  );
  r.get(
    '/api/spot-checks/:id',
    { schema: { tags, summary: '抽查名单（已冻结）', params: IdParams, response: { 200: SpotCheckSchema } } },
    async (request) => m.spotChecks.get(actorOf(request), request.params.id),
  );
  r.get(
    '/api/spot-checks/:id/findings',
    { schema: { tags, summary: '抽查结果', params: IdParams, response: { 200: Type.Array(FindingSchema) } } },
    async (request) => m.spotChecks.findings(actorOf(request), request.params.id),
  );
  r.post(
    '/api/spot-checks/:id/findings',
    {
      config: { permission: 'policy:campaign-work' },
      schema: {
        tags,
        summary: '记录抽查结果（发现问题即登记为问题）',
        params: IdParams,
        body: FindingInput,
        response: { 201: FindingSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await m.spotChecks.recordFinding(actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/campaigns/:id/figures',
    {
      schema: {
        tags,
        summary: '按任务领域、来源、区划统计问题和抽查覆盖',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: FiguresSchema },
      },
    },
    async (request) => m.figures.figures(actorOf(request), request.params.id, request.query.regionCode),
  );
  r.get(
    '/api/campaigns/:id/report',
    {
      schema: {
        tags,
        summary: '专项行动情况报告',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: ReportSchema },
      },
    },
    async (request) => m.figures.report(actorOf(request), request.params.id, request.query.regionCode),
  );
  r.get(
    '/api/campaigns/:id/export',
    {
      schema: {
        tags,
        summary: '导出问题清单和统计（Excel）',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const f = await m.exportWorkbook(actorOf(request), request.params.id, request.query.regionCode);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.content);
    },
  );
  r.get(
    '/api/problem-board',
    { schema: { tags, summary: '问题清零看板（按区划）', querystring: BoardQuery, response: { 200: BoardSchema } } },
    async (request) => m.figures.board(actorOf(request), request.query.regionCode, request.query.campaignId),
  );
}

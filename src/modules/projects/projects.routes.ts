import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../server/authenticate.ts';
import { typedRoutes } from '../../server/typed-routes.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  AssetChangeInput,
  AssetDecisionInput,
  AssetIdParams,
  AssetIncomeInput,
  AssetInput,
  AssetListQuery,
  AssetRegisterSchema,
  AssetSchema,
  ChangeIdParams,
} from './project-assets.schema.ts';
import {
  BeneficiaryInput,
  BulletinSchema,
  FilingDecisionInput,
  FilingFileQuery,
  FilingKindParams,
  FilingSubmitInput,
  FilingsSchema,
  HouseholdBenefitSchema,
  IdParams,
  ImportResultSchema,
  ListQuery,
  PlanInput,
  ProgressInput,
  ProjectDetailSchema,
  ProjectInput,
  ProjectSchema,
  RulesInput,
  RulesQuery,
  RulesSchema,
  StatusInput,
  WarningRowSchema,
  WarningsQuery,
} from './projects.schema.ts';

const tags = ['projects'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 文件' });

/** 衔接资金项目 API (SPEC §13): library, monthly plan and progress, 红黄蓝 warnings and bulletin, 联农带农. */
export async function projectsRoutes(app: FastifyInstance, { projects: m }: Pick<Services, 'projects'>) {
  const r = typedRoutes(app);

  r.post(
    '/api/projects',
    {
      config: { permission: 'projects.write' as const },
      schema: { tags, summary: '项目申报入库', body: ProjectInput, response: { 201: ProjectSchema } },
    },
    async (request, reply) => reply.status(201).send(await m.projects.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '项目库（按区划、年度、状态、当月预警颜色筛选）',
        querystring: ListQuery,
        response: { 200: Type.Array(ProjectSchema) },
      },
    },
    async (request) => m.warnings.list(actorOf(request), request.query),
  );
  r.get(
    '/api/projects/warnings',
    {
      schema: {
        tags,
        summary: '月度“红黄蓝”预警：每个项目的颜色和原因',
        querystring: WarningsQuery,
        response: {
          200: Type.Object({ regionCode: Type.String(), month: Type.String(), projects: Type.Array(WarningRowSchema) }),
        },
      },
    },
    async (request) => m.warnings.warnings(actorOf(request), request.query.region, request.query.month),
  );
  r.get(
    '/api/projects/bulletin',
    {
      schema: {
        tags,
        summary: '月度预警通报（按颜色、区划、负责人）',
        querystring: WarningsQuery,
        response: { 200: BulletinSchema },
      },
    },
    async (request) => m.warnings.bulletin(actorOf(request), request.query.region, request.query.month),
  );
  r.get(
    '/api/projects/bulletin/export',
    { schema: { tags, summary: '导出月度预警通报（Excel）', querystring: WarningsQuery, response: { 200: Binary } } },
    async (request, reply) => {
      const f = await m.exportBulletin(actorOf(request), request.query.region, request.query.month);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.content);
    },
  );
  r.get(
    '/api/projects/rules',
    {
      schema: {
        tags,
        summary: '项目管理规则（资金名称、类型目录、重点项目、预警规则）',
        querystring: RulesQuery,
        response: { 200: RulesSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return m.rules.get(actor, request.query.region ?? actor.regionCode);
    },
  );
  r.put(
    '/api/projects/rules',
    {
      config: { permission: 'settings.write' as const },
      schema: { tags, summary: '设置项目管理规则', body: RulesInput, response: { 200: RulesSchema } },
    },
    async (request) => m.rules.set(actorOf(request), request.body.regionCode, request.body.value),
  );
  r.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: '项目详情：计划、进度、预警记录、受益户',
        params: IdParams,
        querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })) }),
        response: { 200: ProjectDetailSchema },
      },
    },
    async (request) => m.projects.detail(actorOf(request), request.params.id, request.query.month),
  );
  r.post(
    '/api/projects/:id/status',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '论证公示、入库、实施、验收、运营或出库',
        params: IdParams,
        body: StatusInput,
        response: { 200: ProjectSchema },
      },
    },
    async (request) => m.projects.setStatus(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/projects/:id/plan',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '制定月度计划（六个节点、计划支付比例）',
        params: IdParams,
        body: PlanInput,
        response: { 200: ProjectDetailSchema },
      },
    },
    async (request) => m.projects.setPlan(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/projects/:id/progress',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '填报月度进度',
        params: IdParams,
        body: ProgressInput,
        response: { 200: ProjectDetailSchema },
      },
    },
    async (request) => m.projects.reportProgress(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/projects/:id/beneficiaries',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '登记联农带农受益户',
        params: IdParams,
        body: BeneficiaryInput,
        response: { 201: ProjectDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await m.projects.addBeneficiary(actorOf(request), request.params.id, request.body)),
  );
  r.get(
    '/api/households/:id/project-benefits',
    {
      schema: {
        tags,
        summary: '农户受益的衔接资金项目（一户一档）',
        params: IdParams,
        response: { 200: Type.Array(HouseholdBenefitSchema) },
      },
    },
    async (request) => m.projects.householdBenefits(actorOf(request), request.params.id),
  );

  r.get(
    '/api/projects/:id/filings',
    { schema: { tags, summary: '双报备：材料清单和审核情况', params: IdParams, response: { 200: FilingsSchema } } },
    async (request) => m.filings.list(actorOf(request), request.params.id),
  );
  r.post(
    '/api/projects/:id/filings/:kind/submit',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '提交双报备（材料须齐全）',
        params: FilingKindParams,
        body: FilingSubmitInput,
        response: { 200: FilingsSchema },
      },
    },
    async (request) => m.filings.submit(actorOf(request), request.params.id, request.params.kind, request.body.note),
  );
  r.post(
    '/api/projects/:id/filings/:kind/decision',
    {
      // the city supervisor's review (projects.policy.ts requireFilingReview)
      config: { permission: 'policy:projects' as const },
      schema: {
        tags,
        summary: '市级审核双报备：通过或退回',
        params: FilingKindParams,
        body: FilingDecisionInput,
        response: { 200: FilingsSchema },
      },
    },
    async (request) =>
      m.filings.decide(
        actorOf(request),
        request.params.id,
        request.params.kind,
        request.body.decision,
        request.body.note,
      ),
  );

  r.get(
    '/api/projects/:id/assets',
    {
      schema: {
        tags,
        summary: '项目形成的资产（收益分配、变更和核销申请）',
        params: IdParams,
        response: { 200: Type.Array(AssetSchema) },
      },
    },
    async (request) => m.assets.ofProject(actorOf(request), request.params.id),
  );
  r.post(
    '/api/projects/:id/assets',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '登记项目资产（验收后确权登记）',
        params: IdParams,
        body: AssetInput,
        response: { 201: AssetSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await m.assets.add(actorOf(request), request.params.id, request.body)),
  );
  r.get(
    '/api/project-assets',
    {
      schema: {
        tags,
        summary: '项目资产台账（按区划、状态；含分类合计）',
        querystring: AssetListQuery,
        response: { 200: AssetRegisterSchema },
      },
    },
    async (request) => m.assets.register(actorOf(request), request.query),
  );
  r.post(
    '/api/project-assets/:assetId/incomes',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '登记资产年度收益及分配（同一年度再次填报则替换）',
        params: AssetIdParams,
        body: AssetIncomeInput,
        response: { 200: AssetSchema },
      },
    },
    async (request) => m.assets.recordIncome(actorOf(request), request.params.assetId, request.body),
  );
  r.post(
    '/api/project-assets/:assetId/changes',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '申请资产权属变更或报废核销（经其他经办人审批后生效）',
        params: AssetIdParams,
        body: AssetChangeInput,
        response: { 201: AssetSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await m.assets.requestChange(actorOf(request), request.params.assetId, request.body)),
  );
  r.post(
    '/api/project-asset-changes/:changeId/decision',
    {
      config: { permission: 'projects.write' as const },
      schema: {
        tags,
        summary: '审批资产变更或核销申请（申请人本人不能审批）',
        params: ChangeIdParams,
        body: AssetDecisionInput,
        response: { 200: AssetSchema },
      },
    },
    async (request) => m.assets.decideChange(actorOf(request), request.params.changeId, request.body),
  );

  // The import lives in its own scope so that the multipart parser and its limit apply here only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
    typedRoutes(scope).post(
      '/api/projects/import',
      {
        config: { permission: 'projects.write' as const },
        schema: {
          tags,
          summary: '导入项目库台账（Excel，表头可在前30行内，可按乡镇分表）',
          querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
          response: { 200: ImportResultSchema },
        },
      },
      async (request) => {
        const part = await request.file();
        if (!part) throw new AppError('FILE_MISSING', '请选择要导入的文件', { field: 'file' });
        const content = await part.toBuffer().catch(() => {
          throw new AppError('FILE_TOO_LARGE', '文件超过20MB上限', { field: 'file' });
        });
        return m.importLibrary(actorOf(request), content, request.query.year ? { year: request.query.year } : {});
      },
    );
    typedRoutes(scope).post(
      '/api/projects/:id/filings/:kind/files',
      {
        config: { permission: 'projects.write' as const },
        schema: {
          tags,
          summary: '上传双报备材料（PDF、JPG、PNG、DOCX、XLSX）',
          params: FilingKindParams,
          querystring: FilingFileQuery,
          response: { 200: FilingsSchema },
        },
      },
      async (request) => {
        const part = await request.file();
        if (!part) throw new AppError('FILE_MISSING', '请选择要上传的文件', { field: 'file' });
        const content = await part.toBuffer().catch(() => {
          throw new AppError('FILE_TOO_LARGE', '文件超过20MB上限', { field: 'file' });
        });
        return m.filings.upload(
          actorOf(request),
          request.params.id,
          request.params.kind,
          request.query.item,
          part.filename,
          content,
        );
      },
    );
  });
}

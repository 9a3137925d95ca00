import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_RELIEF_PHOTO_BYTES } from '../../domain/relief/relief-photos.ts';
import type { ReliefAction } from '../../domain/relief/relief-request.ts';
import type { ReliefItem } from '../../domain/relief/service-items.ts';
import { actorOf } from '../../server/authenticate.ts';
import { typedRoutes } from '../../server/typed-routes.ts';
import { readPhoto, refuseAnnouncedOver } from '../../server/upload-limits.ts';
import type { Services } from '../../services.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import * as s from './relief.schema.ts';
import type { ReliefService } from './relief.service.ts';

const tags = ['relief'];

/** The action body as the domain's union: each type with the fields it needs, named in Chinese when missing. */
function toAction(body: s.ActionBody): ReliefAction {
  switch (body.type) {
    case 'accept':
      return { type: 'accept', note: body.note };
    case 'urge':
      return { type: 'urge', note: body.note ?? '' };
    case 'refer':
      if (!body.department) throw new AppError('VALIDATION', '请选择转办的部门', { field: 'department' });
      return { type: 'refer', department: body.department, reason: body.reason ?? '' };
    default:
      if (!body.outcome) throw new AppError('VALIDATION', '请选择办理结果', { field: 'outcome' });
      return { type: 'reply', outcome: body.outcome, note: body.note ?? '' };
  }
}

/**
 * 政府救助平台 (SPEC §14): the public side (no account, rate-limited, per phone/ID quotas in the service) and the
 * staff side (department inboxes, county handling, supervision).
 */
export async function reliefRoutes(
  app: FastifyInstance,
  {
    relief,
    registryRepo,
    limits,
  }: {
    relief: ReliefService;
    registryRepo: Pick<RegistryRepository, 'findHousehold'>;
    limits?: Pick<Services['limits'], 'uploads'>;
  },
) {
  const maxPhoto = limits?.uploads.reliefPhotoBytes ?? MAX_RELIEF_PHOTO_BYTES;
  const photoLimitMb = Math.round((maxPhoto / 1024 / 1024) * 10) / 10;
  const announced = async (request: FastifyRequest) => refuseAnnouncedOver(request, maxPhoto, 'photo', '照片');
  const r = typedRoutes(app);
  const publicLimit = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

  r.get(
    '/api/public/relief-items',
    {
      config: publicLimit(60),
      schema: {
        tags,
        summary: '政府救助平台服务事项（无需账号）',
        querystring: s.publicCatalogueQuery,
        response: { 200: s.publicCatalogueReply },
      },
    },
    async (request) => relief.publicCatalogue(request.query.village),
  );

  r.post(
    '/api/public/relief-requests',
    {
      config: publicLimit(10),
      schema: {
        tags,
        summary: '提交救助申请（群众举手、他人代举；无需账号）',
        body: s.applyBody,
        response: { 201: s.submittedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await relief.apply(request.body)),
  );

  r.get(
    '/api/public/relief-requests/:trackingCode',
    {
      config: publicLimit(20),
      schema: {
        tags,
        summary: '救助申请办理进度（凭查询码和手机号）',
        params: s.trackingParams,
        querystring: s.phoneQuery,
        response: { 200: s.publicStatusReply },
      },
    },
    async (request) => relief.publicStatus(request.params.trackingCode, request.query.phone),
  );

  r.post(
    '/api/public/relief-requests/:trackingCode/confirm',
    {
      config: publicLimit(10),
      schema: {
        tags,
        summary: '申请人本人确认他人代举的申请',
        params: s.trackingParams,
        body: s.phoneBody,
        response: { 200: s.confirmReply },
      },
    },
    async (request) => relief.confirm(request.params.trackingCode, request.body.phone),
  );

  r.post(
    '/api/public/relief-requests/:trackingCode/rating',
    {
      config: publicLimit(10),
      schema: {
        tags,
        summary: '申请人评价办理情况（办结后一次）',
        params: s.trackingParams,
        body: s.rateBody,
        response: { 200: s.rateReply },
      },
    },
    async (request) =>
      relief.rate(request.params.trackingCode, request.body.phone, request.body.rating, request.body.note),
  );

  r.get(
    '/api/relief-items',
    {
      schema: { tags, summary: '本地服务事项目录', querystring: s.catalogueQuery, response: { 200: s.catalogueReply } },
    },
    async (request) => relief.getCatalogue(actorOf(request), request.query.region),
  );

  r.put(
    '/api/relief-items',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags,
        summary: '设定本县服务事项目录（保留历史）',
        body: s.catalogueBody,
        response: { 200: s.catalogueReply },
      },
    },
    async (request) => relief.setCatalogue(actorOf(request), request.body.region, request.body.items as ReliefItem[]),
  );

  r.post(
    '/api/relief-requests',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: '政府托举：干部代农户提交救助申请',
        body: s.fileBody,
        response: { 201: s.submittedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await relief.file(actorOf(request), request.body)),
  );

  r.get(
    '/api/relief-requests',
    {
      schema: {
        tags,
        summary: '救助申请（部门收件箱；县乡村和上级按辖区查看）',
        querystring: s.listQuery,
        response: { 200: s.listReply },
      },
    },
    async (request) => relief.list(actorOf(request), request.query),
  );

  r.get(
    '/api/relief-requests/overdue',
    {
      schema: {
        tags,
        summary: '超期未办结的救助申请（县级；州市、省级看上报的）',
        querystring: s.overdueQuery,
        response: { 200: s.overdueReply },
      },
    },
    async (request) => relief.overdue(actorOf(request), request.query.asOf),
  );

  r.get(
    '/api/relief-requests/figures',
    {
      schema: {
        tags,
        summary: '救助申请统计（按事项、部门：受理、按时办结、超期、满意度）',
        querystring: s.figuresQuery,
        response: { 200: s.figuresReply },
      },
    },
    async (request) => relief.figures(actorOf(request), request.query.region, request.query.month),
  );

  r.get(
    '/api/relief-requests/:id',
    {
      schema: {
        tags,
        summary: '救助申请详情（查阅记入审计日志）',
        params: s.idParams,
        response: { 200: s.detailReply },
      },
    },
    async (request) => relief.detail(actorOf(request), request.params.id),
  );

  r.post(
    '/api/relief-requests/:id/actions',
    {
      config: { permission: 'policy:relief-action' },
      schema: {
        tags,
        summary: '受理、转办、办结答复、督办',
        params: s.idParams,
        body: s.actionBody,
        response: { 200: s.actionReply },
      },
    },
    async (request) => relief.act(actorOf(request), request.params.id, toAction(request.body)),
  );

  // Photo uploads live in their own scope so that the multipart parser and its limits apply here only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxPhoto, files: 1, fields: 2 } });
    const photos = typedRoutes(scope);
    photos.post(
      '/api/public/relief-requests/:trackingCode/photos',
      {
        config: publicLimit(20),
        onRequest: announced,
        schema: {
          tags,
          summary: `申请人补充照片（凭查询码和手机号；JPG、PNG，≤${photoLimitMb}MB，去除位置等附加信息）`,
          params: s.trackingParams,
          response: { 201: s.photoReply },
        },
      },
      async (request, reply) => {
        const { content, fields } = await readPhoto(request, maxPhoto);
        if (!fields.phone?.trim()) throw new AppError('VALIDATION', '请填写申请时的手机号', { field: 'phone' });
        return reply.status(201).send(await relief.addPublicPhoto(request.params.trackingCode, fields.phone, content));
      },
    );
    photos.post(
      '/api/relief-requests/:id/photos',
      {
        config: { permission: 'policy:relief-photo' },
        onRequest: announced,
        schema: { tags, summary: '为救助申请补充照片', params: s.idParams, response: { 201: s.photoReply } },
      },
      async (request, reply) => {
        const { content } = await readPhoto(request, maxPhoto);
        return reply.status(201).send(await relief.addPhoto(actorOf(request), request.params.id, content));
      },
    );
  });

  r.get(
    '/api/relief-requests/:id/photos/:photoId',
    { schema: { tags, summary: '查看救助申请照片（记入审计日志）', params: s.photoParams } },
    async (request, reply) => {
      const p = await relief.photo(actorOf(request), request.params.id, request.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="photo-${p.seq}.${p.mime === 'image/png' ? 'png' : 'jpg'}"`)
        .send(p.content);
    },
  );

  r.get(
    '/api/households/:id/relief-requests',
    {
      schema: {
        tags,
        summary: '农户的救助申请',
        params: s.householdParams,
        response: { 200: s.householdReply },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const household = await registryRepo.findHousehold(actor, request.params.id);
      if (!household) throw notFound('农户');
      return relief.forHousehold(actor, household.id, household.regionCode);
    },
  );
}

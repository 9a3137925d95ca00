import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import { describeValidation } from './validation-messages.ts';
import { isAppNavigation } from './web-assets.ts';

/** Maps every error to `{ code, message, details }` at the edge (STYLE: services never throw HTTP errors). */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    if ((err as FastifyError).validation) {
      const v = describeValidation(
        (err as FastifyError).validation ?? [],
        (err as FastifyError).validationContext ?? 'body',
      );
      return reply.status(400).send({ code: 'VALIDATION', message: v.message, details: { fields: v.fields } });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', details: {} });
    }
    if ((err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      // A multipart body cut off at its route's limit (issue 11 point 6): the route's own 413 usually comes first.
      return reply.status(413).send({ code: 'FILE_TOO_LARGE', message: '文件超过上传大小上限', details: {} });
    }
    if (status < 500) {
      const code =
        (err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return reply.status(status).send({ code, message: `请求无效：${err.message}`, details: {} });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员', details: {} });
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaFallback && isAppNavigation(request.method, request.url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}`, details: {} });
  });
}

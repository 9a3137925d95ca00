import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';

/**
 * Per-route upload limits (issue 11 point 6; Config.uploads). Each upload route registers @fastify/multipart with its
 * own `fileSize`, refuses at `onRequest` a body announced larger (before a byte of it is read), and answers a body cut
 * off at the limit while it streams with the same 413.
 */

/** Room for the multipart boundaries and the few form fields beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** 413 FILE_TOO_LARGE with the limit in MB; `what` is 文件 or 照片. */
export function fileTooLarge(limitBytes: number, field = 'file', what = '文件'): AppError {
  const limitMb = megabytes(limitBytes);
  return new AppError('FILE_TOO_LARGE', `${what}超过${limitMb}MB上限，请缩小后再上传`, { field, limitMb });
}

/** For an upload route's `onRequest`: refuses a Content-Length over the limit before the body is read. */
export function refuseAnnouncedOver(request: FastifyRequest, limitBytes: number, field = 'file', what = '文件'): void {
  const announced = Number(request.headers['content-length'] ?? 0);
  if (Number.isFinite(announced) && announced > limitBytes + MULTIPART_OVERHEAD) {
    throw fileTooLarge(limitBytes, field, what);
  }
}

/** Reads the one photo of a multipart upload (fields before the file are returned as well); 413 past the cap. */
export async function readPhoto(request: FastifyRequest, maxBytes: number) {
  const part = await request.file();
  if (!part) throw new AppError('FILE_MISSING', '请选择要上传的照片', { field: 'photo' });
  const content = await part.toBuffer().catch(() => {
    throw fileTooLarge(maxBytes, 'photo', '照片');
  });
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const one = Array.isArray(field) ? field[0] : field;
    if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
  }
  return { content, fields };
}

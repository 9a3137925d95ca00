import crypto from 'node:crypto';
import { AppError } from '../../shared/app-error.ts';

/** Files kept with a case step (minutes, notices, photos, signed forms): size-limited and type-checked by content. */
export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    ext: ['png'],
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['docx'],
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
];

/** Checks name, size and content; returns the stored form. Refuses executables, scripts and mismatched types. */
export function checkCaseFile(name: string, content: Buffer) {
  const clean = [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(-120);
  if (content.length === 0) throw new AppError('FILE_EMPTY', '文件为空', { field: 'file' });
  if (content.length > MAX_CASE_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `文件超过${MAX_CASE_FILE_BYTES / 1024 / 1024}MB上限`, { field: 'file' }, 413);
  }
  const ext = clean.split('.').pop()?.toLowerCase() ?? '';
  const kind = SIGNATURES.find((s) => s.ext.includes(ext));
  if (!kind) throw new AppError('FILE_TYPE', '只接受 PDF、JPG、PNG、DOCX、XLSX 文件', { field: 'file', ext });
  if (!kind.test(content)) throw new AppError('FILE_TYPE', `文件内容与扩展名（.${ext}）不符`, { field: 'file' });
  return {
    name: clean,
    mime: kind.mime,
    size: content.length,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
  };
}

import crypto from 'node:crypto';
import { constants, inflateRawSync } from 'node:zlib';
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
    test: (b) => officePackage(b, 'word/document.xml'),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    test: (b) => officePackage(b, 'xl/workbook.xml'),
  },
];

/**
 * Entries a .docx or .xlsx never holds: programs and scripts by name, and macro projects (a .docm renamed .docx)
 * (issue 11 point 6: an .exe inside a zip renamed .docx was accepted).
 */
const FORBIDDEN_ENTRY =
  /\.(exe|dll|com|scr|pif|cpl|msi|msp|bat|cmd|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk|sh|elf|apk|app)$|(^|\/)vbaProject\.bin$/i;

/** Executable headers: Windows PE ('MZ'), ELF, Mach-O, and a script's '#!'. */
function executableHead(head: Buffer): boolean {
  if (head.length < 2) return false;
  if (head[0] === 0x4d && head[1] === 0x5a) return true;
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return true;
  const magic = head.length >= 4 ? head.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return true;
  return head[0] === 0x23 && head[1] === 0x21;
}

interface ZipListing {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The central directory of a zip held in memory, or undefined when it is not a readable zip. */
function zipListing(b: Buffer): ZipListing[] | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const entries: ZipListing[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLength = b.readUInt16LE(p + 28);
    const skip = nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    entries.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
      method: b.readUInt16LE(p + 10),
      compressedSize: b.readUInt32LE(p + 20),
      localHeaderOffset: b.readUInt32LE(p + 42),
    });
    p += 46 + skip;
  }
  return entries;
}

/** The first bytes of an entry, unpacked (a few hundred at most), for its header. */
function entryHead(b: Buffer, e: ZipListing): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) return Buffer.alloc(0);
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const raw = b.subarray(start, Math.min(b.length, start + Math.min(e.compressedSize, 256)));
  if (e.method === 0) return raw;
  if (e.method !== 8) return Buffer.alloc(0);
  try {
    return inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 });
  } catch {
    return Buffer.alloc(0);
  }
}

/**
 * An Office Open XML package by content, not by name: a zip with [Content_Types].xml and its main part, and nothing
 * executable inside — no program or script by name or by header, no macro project.
 */
function officePackage(b: Buffer, mainPart: string): boolean {
  if (!b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return false;
  const entries = zipListing(b);
  if (!entries) return false;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has(mainPart)) return false;
  return entries.every((e) => !FORBIDDEN_ENTRY.test(e.name) && !executableHead(entryHead(b, e)));
}

/** Checks name, size and content; returns the stored form. Refuses executables, scripts and mismatched types. */
export function checkCaseFile(name: string, content: Buffer, maxBytes = MAX_CASE_FILE_BYTES) {
  const clean = [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(-120);
  if (content.length === 0) throw new AppError('FILE_EMPTY', '文件为空', { field: 'file' });
  if (content.length > maxBytes) {
    const limitMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    throw new AppError('FILE_TOO_LARGE', `文件超过${limitMb}MB上限，请缩小后再上传`, { field: 'file', limitMb });
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

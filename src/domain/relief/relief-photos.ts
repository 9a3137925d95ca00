import crypto from 'node:crypto';

/**
 * Photos attached to a relief application (SPEC §14: 群众举手 with "description, photos"). The phone compresses them
 * before upload; the server takes JPEG and PNG only, checked by content, and removes what a photo carries besides
 * the picture — EXIF (the phone's GPS position, its model, the time), XMP, IPTC and text chunks — so that an
 * application never stores where the applicant's house is more precisely than the village they named.
 */
export const MAX_RELIEF_PHOTO_BYTES = 4 * 1024 * 1024;

export type ReliefPhotoMime = 'image/jpeg' | 'image/png';

export type PhotoCheck =
  | { ok: true; mime: ReliefPhotoMime; content: Buffer; size: number; sha256: string }
  | { ok: false; code: 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_TYPE' | 'FILE_DAMAGED'; message: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** JPEG: keeps every segment but APPn (n ≥ 1) and COM before the scan; the scan and what follows are copied. */
export function stripJpegMetadata(input: Buffer): Buffer | undefined {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return undefined;
  const parts: Buffer[] = [input.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= input.length) {
    if (input[at] !== 0xff) return undefined;
    const marker = input[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      parts.push(input.subarray(at)); // start of scan: the picture itself, copied to the end
      return Buffer.concat(parts);
    }
    const length = input.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > input.length) return undefined;
    const isMetadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!isMetadata) parts.push(input.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  return undefined; // no scan: not a picture
}

const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: drops text, EXIF and time chunks; every other chunk (with its CRC) is copied as it is. */
export function stripPngMetadata(input: Buffer): Buffer | undefined {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  const parts: Buffer[] = [input.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= input.length) {
    const length = input.readUInt32BE(at);
    const type = input.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > input.length) return undefined;
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(input.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return undefined; // no IEND: truncated
}

/** Checks one uploaded photo and returns the form to store (metadata removed), or a named refusal. */
export function checkReliefPhoto(content: Buffer, maxBytes = MAX_RELIEF_PHOTO_BYTES): PhotoCheck {
  if (content.length === 0) return { ok: false, code: 'FILE_EMPTY', message: '照片为空' };
  if (content.length > maxBytes) {
    return { ok: false, code: 'FILE_TOO_LARGE', message: `照片超过${maxBytes / 1024 / 1024}MB上限，请压缩后再上传` };
  }
  const isJpeg = content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
  const isPng = content.subarray(0, 8).equals(PNG_SIGNATURE);
  if (!isJpeg && !isPng) return { ok: false, code: 'FILE_TYPE', message: '只接受 JPG、PNG 格式的照片' };
  const clean = isJpeg ? stripJpegMetadata(content) : stripPngMetadata(content);
  if (!clean) return { ok: false, code: 'FILE_DAMAGED', message: '照片文件已损坏，请重新拍摄或选择' };
  return {
    ok: true,
    mime: isJpeg ? 'image/jpeg' : 'image/png',
    content: clean,
    size: clean.length,
    sha256: crypto.createHash('sha256').update(clean).digest('hex'),
  };
}

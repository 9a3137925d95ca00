import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * Zip archives taken apart with random access and put together again as a stream (the .xlsx container, SPEC §10
 * feeds): the central directory (ZIP64 too) and where each part's bytes start; a part's bytes as a stream, inflated
 * or not; and a new zip made of parts copied as they are — still compressed — or made in memory. What goes into the
 * new zip, and in which order, is the caller's business (xlsx-zip.ts).
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_MARK = 0xffffffff;
/** Past this a value does not fit the plain (non-ZIP64) headers written here. */
const MAX_32 = 0xfffffffe;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Thrown for zips this module does not take apart (damaged directory, 4 GiB): the caller streams the file as it is. */
export class ZipLayoutError extends Error {}

async function readAt(fd: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipLayoutError('unexpected end of file');
  return buffer;
}

/** A 64-bit little-endian field that must still be a safe integer (a real file is far below 2^53 bytes). */
function readU64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipLayoutError('ZIP64 value out of range');
  return Number(v);
}

/**
 * Where the central directory is and how many entries it has, from the end record — or from the ZIP64 end record
 * its locator points to, when the plain one holds the 0xFFFF / 0xFFFFFFFF markers (as streaming writers such as
 * .NET's System.IO.Packaging and ZipStream-PHP write even for small files).
 */
async function directoryPlace(
  fd: FileHandle,
  fileSize: number,
): Promise<{ count: number; size: number; offset: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  if (tailLength < 22) throw new ZipLayoutError('too small for a zip');
  const tail = await readAt(fd, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipLayoutError('no end of central directory');
  const count = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (count !== 0xffff && size !== ZIP64_MARK && offset !== ZIP64_MARK) return { count, size, offset };
  if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) throw new ZipLayoutError('ZIP64 without locator');
  const recordAt = readU64(tail, at - 20 + 8);
  if (recordAt + 56 > fileSize) throw new ZipLayoutError('ZIP64 end record outside the file');
  const record = await readAt(fd, recordAt, 56);
  if (record.readUInt32LE(0) !== ZIP64_END) throw new ZipLayoutError('damaged ZIP64 end record');
  return { count: readU64(record, 32), size: readU64(record, 40), offset: readU64(record, 48) };
}

/** An entry's sizes and offset from its ZIP64 extra field (id 1), for those its header marks 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length) throw new ZipLayoutError(`short ZIP64 field for ${entry.name}`);
        const v = readU64(extra, q);
        q += 8;
        return v;
      };
      // The order is fixed: uncompressed size, compressed size, local header offset — each only if marked.
      if (entry.size === ZIP64_MARK) entry.size = next();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = next();
      if (entry.localHeaderOffset === ZIP64_MARK) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + length;
  }
}

/** The entries of the zip's central directory, in its order (ZIP64 sizes and offsets resolved). */
export async function centralDirectory(fd: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const { count, size, offset } = await directoryPlace(fd, fileSize);
  if (offset + size > fileSize) throw new ZipLayoutError('central directory outside the file');
  const cd = await readAt(fd, offset, size);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipLayoutError('damaged central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    // The new zip is written without ZIP64 records: a part of 4 GiB or more is streamed as it is instead.
    if (entry.compressedSize > MAX_32 || entry.size > MAX_32) throw new ZipLayoutError('part over 4 GiB');
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start (after its local header, whose extra field may differ from the directory's). */
export async function dataStart(fd: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(fd, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw new ZipLayoutError(`no local header for ${entry.name}`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** A small part (workbook.xml and the like) read whole as text; anything over `max` bytes is not what it claims. */
export async function readPart(fd: FileHandle, entry: ZipEntry, max: number): Promise<string> {
  if (entry.size > max || entry.compressedSize > max) throw new ZipLayoutError(`${entry.name} too large`);
  const raw = await readAt(fd, await dataStart(fd, entry), entry.compressedSize);
  if (entry.method === 0) return raw.toString('utf8');
  // The declared size may lie (a zip bomb): never unpack more than `max`.
  if (entry.method === 8) {
    try {
      return inflateRawSync(raw, { maxOutputLength: max }).toString('utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipLayoutError(`${entry.name} too large`);
      throw error;
    }
  }
  throw new ZipLayoutError(`compression method ${entry.method}`);
}

/** The bytes of a part of the zip at `path`, from `start` (dataStart), inflated when it is deflated. */
export function partStream(path: string, entry: ZipEntry, start: number): Readable {
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipLayoutError(`compression method ${entry.method}`);
  const inflate = raw.pipe(createInflateRaw());
  raw.on('error', (e) => inflate.destroy(e));
  return inflate;
}

/** A part made in memory, stored uncompressed. */
export function storedEntry(name: string, data: Buffer): ZipEntry & { data: Buffer } {
  return {
    name,
    flags: 0,
    method: 0,
    time: 0,
    date: 0x21, // 1980-01-01
    crc32: crc32(data),
    compressedSize: data.length,
    size: data.length,
    localHeaderOffset: 0,
    data,
  };
}

/** A part of the new zip: one of the file's, copied from `start` under `name`, or one made in memory (`data`). */
export interface PlannedPart {
  entry: ZipEntry;
  name: string;
  start?: number;
  data?: Buffer;
}

/**
 * The fields local and central headers share, from the flags to the name's length (at 6 in a local header, at 8 in a
 * central one). No data descriptor (bit 3): the sizes are known; the name is UTF-8 (bit 11).
 */
function writeEntryFields(h: Buffer, at: number, entry: ZipEntry, name: Buffer): void {
  h.writeUInt16LE((entry.flags & ~0x0008) | 0x0800, at);
  h.writeUInt16LE(entry.method, at + 2);
  h.writeUInt16LE(entry.time, at + 4);
  h.writeUInt16LE(entry.date, at + 6);
  h.writeUInt32LE(entry.crc32, at + 8);
  h.writeUInt32LE(entry.compressedSize, at + 12);
  h.writeUInt32LE(entry.size, at + 16);
  h.writeUInt16LE(name.length, at + 20);
}

function localHeader(entry: ZipEntry, name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  writeEntryFields(h, 6, entry, name);
  return h;
}

function centralHeader(entry: ZipEntry, name: Buffer, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  writeEntryFields(h, 8, entry, name);
  h.writeUInt32LE(offset, 42);
  return h;
}

/**
 * A new zip of `plan`'s parts, in its order, as a stream; copied parts are read from `path` when the stream is read,
 * and `onRead` is told of their bytes (for a progress bar). Throws ZipLayoutError at once when the zip would need
 * ZIP64 (4 GiB), so the caller can fall back before anything is read.
 */
export function zipStream(path: string, plan: readonly PlannedPart[], onRead?: (bytes: number) => void): Readable {
  const total = plan.reduce((n, { entry, name }) => n + 30 + Buffer.byteLength(name) + entry.compressedSize, 0);
  if (total > MAX_32 || plan.length > 0xffff) throw new ZipLayoutError('over 4 GiB');
  async function* bytes(): AsyncGenerator<Buffer> {
    const central: Buffer[] = [];
    let offset = 0;
    for (const { entry, name: partName, start, data } of plan) {
      const name = Buffer.from(partName, 'utf8');
      const header = localHeader(entry, name);
      central.push(centralHeader(entry, name, offset), name);
      yield Buffer.concat([header, name]);
      offset += header.length + name.length;
      if (data) {
        if (data.length > 0) yield data;
      } else if (entry.compressedSize > 0 && start !== undefined) {
        const part = createReadStream(path, {
          start,
          end: start + entry.compressedSize - 1,
          highWaterMark: 256 * 1024,
        });
        for await (const chunk of part as AsyncIterable<Buffer>) {
          onRead?.(chunk.length);
          yield chunk;
        }
      }
      offset += entry.compressedSize;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(plan.length, 8);
    end.writeUInt16LE(plan.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    yield Buffer.concat([directory, end]);
  }
  return Readable.from(bytes(), { objectMode: false });
}

import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { unsupportedWorksheetXml } from './feed-errors.ts';
import { dropPrefixes, mergesIn, needsRewrite, readableSheetXml } from './sheet-xml.ts';

/**
 * An .xlsx file handed to the streaming reader in an order it can read (SPEC §10: every good row arrives).
 *
 * ExcelJS's streaming WorkbookReader reads the zip front to back. Worksheets met before the shared strings are parked in
 * temporary files and read at the end, and in that case the last entries of the zip are sometimes lost: a file whose
 * workbook.xml comes last (as ExcelJS and several export tools write it) then fails with "Cannot read properties of
 * undefined (reading 'sheets')" (exceljs#962), and one whose shared strings come last would lose its text. So the file
 * is read from its central directory (random access) and a new zip stream is put together from the original
 * compressed bytes — nothing is inflated again — in the order the reader wants: relationships, workbook, shared
 * strings (an empty part when the file has none, as openpyxl writes every string inline: otherwise the reader would
 * park the worksheets), styles, then the worksheets in the workbook's tab order, renamed sheet1.xml, sheet2.xml … (the
 * reader only knows parts of that name; the OpenXML SDK writes sheet.xml), and a last padding part (see
 * endPadding). Theme, pictures and document properties are left out.
 *
 * Each worksheet is also scanned once for its merged ranges (<mergeCell>, written after the rows, so a streaming
 * reader learns them too late): a cell merged downwards over several data rows holds its value for all of them.
 * Parts the reader would misread — tags with a namespace prefix and rows without references (the .NET OpenXML SDK),
 * inline rich text — are rewritten in memory (readableSheetXml); one too large for that is refused with advice.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
/** workbook.xml and its relationships are read whole to learn the tabs; anything bigger is not a real one. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

interface ZipEntry {
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

/** A worksheet in the workbook's tab order, with the part that holds it. */
export interface XlsxTab {
  /** 1-based position among the tabs. */
  number: number;
  name: string;
  part: string;
  /** Hidden or very hidden in Excel: the user does not see it. */
  hidden: boolean;
  /** Merged ranges spanning more than one row, e.g. 'B3:B5' (filled in by scanMerges). */
  merges: string[];
}

/** Thrown for zips this reader does not take apart (damaged directory, 4 GiB): the caller streams the file as it is. */
export class ZipLayoutError extends Error {}

async function readAt(fd: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipLayoutError('unexpected end of file');
  return buffer;
}

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
/** Past this a value does not fit the plain zip headers written here. */
const MAX_32 = 0xfffffffe;

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

async function centralDirectory(fd: FileHandle, fileSize: number): Promise<ZipEntry[]> {
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
async function dataStart(fd: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(fd, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw new ZipLayoutError(`no local header for ${entry.name}`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

async function readPart(fd: FileHandle, entry: ZipEntry): Promise<string> {
  if (entry.size > MAX_SMALL_PART || entry.compressedSize > MAX_SMALL_PART) {
    throw new ZipLayoutError(`${entry.name} too large`);
  }
  const raw = await readAt(fd, await dataStart(fd, entry), entry.compressedSize);
  if (entry.method === 0) return raw.toString('utf8');
  if (entry.method === 8) return inflateRawSync(raw).toString('utf8');
  throw new ZipLayoutError(`compression method ${entry.method}`);
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] as string, unescapeXml(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** The tabs of workbook.xml, in order, with the worksheet part each one's relationship points to. */
export function workbookTabs(workbookXml: string, relsXml: string): XlsxTab[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
  }
  const tabs: XlsxTab[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = [...a.entries()].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (!part) continue;
    const hidden = a.get('state') === 'hidden' || a.get('state') === 'veryHidden';
    tabs.push({ number: tabs.length + 1, name: a.get('name') ?? `Sheet${tabs.length + 1}`, part, hidden, merges: [] });
  }
  return tabs;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * The last part of the new zip: one mebibyte of zeros, deflated to about a kilobyte.
 *
 * The unzipper under ExcelJS (unzipper 0.10 Parse) emits 'end' as soon as its input is written through, and ExcelJS's
 * entry loop (iterateStream) stops at that 'end' even when entries the parser already pushed are still queued behind
 * the one being read: small worksheets after the one in hand were silently lost — most reads of a workbook of five
 * small sheets lost at least one. The parser only moves past an entry once the entry's data has been taken, and the
 * streams in between hold well under 1 MiB, so it cannot get past this part, reach the end of the zip and emit 'end'
 * until the reader has come to this part (the last one, which it drains) — that is, until it has taken every earlier
 * one.
 */
let padding: (ZipEntry & { data: Buffer }) | undefined;
function endPadding(): ZipEntry & { data: Buffer } {
  if (!padding) {
    const zeros = Buffer.alloc(1024 * 1024);
    const data = deflateRawSync(zeros);
    padding = { ...storedEntry('docProps/shouxian-end.xml', data), method: 8, crc32: crc32(zeros), size: zeros.length };
  }
  return padding;
}

/** A part made here, stored uncompressed. */
function storedEntry(name: string, data: Buffer): ZipEntry & { data: Buffer } {
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

function partStream(path: string, entry: ZipEntry, start: number): Readable {
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipLayoutError(`compression method ${entry.method}`);
  const inflate = raw.pipe(createInflateRaw());
  raw.on('error', (e) => inflate.destroy(e));
  return inflate;
}

/**
 * The merged ranges of a worksheet spanning more than one row, found by inflating it once without parsing it, or
 * `rewrite` when the sheet's XML needs readableSheetXml first.
 */
async function scanSheet(
  path: string,
  entry: ZipEntry,
  start: number,
): Promise<{ merges: string[]; rewrite: boolean }> {
  const merges: string[] = [];
  if (entry.compressedSize === 0) return { merges, rewrite: false };
  const source = partStream(path, entry, start);
  const keep = 512;
  let tail = Buffer.alloc(0);
  let head = '';
  for await (const chunk of source as AsyncIterable<Buffer>) {
    if (head.length < 64 * 1024) {
      head += chunk.toString('latin1', 0, Math.min(chunk.length, 64 * 1024));
      if (needsRewrite(head)) {
        source.destroy();
        return { merges, rewrite: true };
      }
    }
    const buffer = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    // Rows make up nearly all of a sheet: only the part that mentions mergeCell is decoded.
    const first = buffer.indexOf('mergeCell');
    if (first >= 0 && first < buffer.length - keep) {
      const cut = buffer.length - keep;
      mergesIn(buffer.toString('utf8', Math.max(0, buffer.lastIndexOf('<', first)), cut), merges);
      tail = Buffer.from(buffer.subarray(cut));
    } else {
      tail = Buffer.from(buffer.subarray(Math.max(0, buffer.length - keep)));
    }
  }
  const from = tail.indexOf('mergeCell');
  if (from >= 0) mergesIn(tail.toString('utf8', Math.max(0, tail.lastIndexOf('<', from))), merges);
  return { merges, rewrite: false };
}

/** A part rewritten here is held in memory: beyond this the file is refused with advice instead. */
const MAX_REWRITTEN_PART = 256 * 1024 * 1024;

async function wholePart(path: string, entry: ZipEntry, start: number): Promise<Buffer> {
  if (entry.size > MAX_REWRITTEN_PART) throw unsupportedWorksheetXml();
  const chunks: Buffer[] = [];
  for await (const chunk of partStream(path, entry, start) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
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

/** Whether a deflated part's root element carries a namespace prefix (<x:sst>), from its first inflated chunk. */
async function prefixedRoot(path: string, entry: ZipEntry, start: number, root: string): Promise<boolean> {
  if (entry.compressedSize === 0) return false;
  const source = partStream(path, entry, start);
  for await (const chunk of source as AsyncIterable<Buffer>) {
    source.destroy();
    return new RegExp(`<\\w+:${root}\\b`).test(chunk.toString('latin1', 0, Math.min(chunk.length, 4096)));
  }
  return false;
}

/**
 * The .xlsx at `path` as a zip stream the streaming reader can read in one pass, and its tabs. `onRead` is told of
 * the bytes taken from the file (for a progress bar). Throws ZipLayoutError when the file's layout is not one this
 * takes apart; the caller then streams the file as it is.
 */
export async function readableXlsx(
  path: string,
  onRead?: (bytes: number) => void,
): Promise<{ stream: Readable; tabs: XlsxTab[] }> {
  const fd = await open(path, 'r');
  /** What goes into the new zip, in order: a part of the file (from `start`, under `name`) or one made here. */
  const plan: { entry: ZipEntry; name: string; start?: number; data?: Buffer }[] = [];
  let tabs: XlsxTab[];
  try {
    const { size } = await fd.stat();
    const entries = await centralDirectory(fd, size);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const workbook = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw new ZipLayoutError('no workbook part');
    tabs = workbookTabs(await readPart(fd, workbook), await readPart(fd, rels))
      .filter((t) => byName.has(t.part))
      .map((t, i) => ({ ...t, number: i + 1 }));
    const take = async (name: string, as = name) => {
      const entry = byName.get(name);
      if (entry) plan.push({ entry, name: as, start: await dataStart(fd, entry) });
      return entry !== undefined;
    };
    const make = (name: string, data: Buffer) => plan.push({ entry: storedEntry(name, data), name, data });
    /** A part whose tags carry a namespace prefix (<x:sst>) is taken without them. */
    const takePlain = async (name: string, root: string) => {
      const entry = byName.get(name);
      if (!entry) return false;
      const start = await dataStart(fd, entry);
      if (await prefixedRoot(path, entry, start, root)) {
        make(name, Buffer.from(dropPrefixes((await wholePart(path, entry, start)).toString('latin1')), 'latin1'));
      } else plan.push({ entry, name, start });
      return true;
    };
    await take('[Content_Types].xml');
    await take('xl/_rels/workbook.xml.rels');
    await take('xl/workbook.xml');
    if (!(await takePlain('xl/sharedStrings.xml', 'sst'))) make('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS);
    await takePlain('xl/styles.xml', 'styleSheet');
    for (const tab of tabs) {
      const entry = byName.get(tab.part) as ZipEntry;
      const start = await dataStart(fd, entry);
      const name = `xl/worksheets/sheet${tab.number}.xml`;
      const scan = await scanSheet(path, entry, start);
      if (scan.rewrite) {
        const xml = readableSheetXml((await wholePart(path, entry, start)).toString('latin1'));
        make(name, Buffer.from(xml, 'latin1'));
        mergesIn(Buffer.from(xml, 'latin1').toString('utf8'), tab.merges);
      } else {
        plan.push({ entry, name, start });
        tab.merges = scan.merges;
      }
    }
    const end = endPadding();
    plan.push({ entry: end, name: end.name, data: end.data });
    const total = plan.reduce((n, { entry, name }) => n + 30 + Buffer.byteLength(name) + entry.compressedSize, 0);
    if (total > MAX_32) throw new ZipLayoutError('over 4 GiB');
  } finally {
    await fd.close();
  }

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
  return { stream: Readable.from(bytes(), { objectMode: false }), tabs };
}

import { open } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { unsupportedWorksheetXml, xlsxTooLarge } from './feed-errors.ts';
import { dropPrefixes, mergesIn, needsRewrite, readableSheetXml } from './sheet-xml.ts';
import {
  centralDirectory,
  dataStart,
  type PlannedPart,
  partStream,
  readPart,
  storedEntry,
  type ZipEntry,
  ZipLayoutError,
  zipStream,
} from './zip-archive.ts';

/**
 * An .xlsx file handed to the streaming reader in an order it can read (SPEC §10: every good row arrives).
 *
 * ExcelJS's streaming WorkbookReader reads the zip front to back. Worksheets met before the shared strings are parked in
 * temporary files and read at the end, and the entries still queued when its unzipper says 'end' are lost (endPadding):
 * a file whose workbook.xml comes last (as ExcelJS and several export tools write it) then fails with "Cannot read
 * properties of undefined (reading 'sheets')" (exceljs#962), and one whose shared strings come last would lose its
 * text. So the file is read from its central directory (random access, zip-archive.ts) and a new zip stream is put
 * together from the original compressed bytes — nothing is inflated again — in the order the reader wants:
 * relationships, workbook, shared strings (an empty part when the file has none, as openpyxl writes every string
 * inline: otherwise the reader would park the worksheets), styles, then the worksheets in the workbook's tab order,
 * renamed sheet1.xml, sheet2.xml … (the reader only knows parts of that name; the OpenXML SDK writes sheet.xml), and
 * a last padding part (endPadding). Theme, pictures and document properties are left out.
 *
 * Each worksheet is also scanned once for its merged ranges (<mergeCell>, written after the rows, so a streaming
 * reader learns them too late): a cell merged downwards over several data rows holds its value for all of them.
 * Parts the reader would misread — tags with a namespace prefix and rows without references (the .NET OpenXML SDK),
 * inline rich text — are rewritten in memory (readableSheetXml); one too large for that is refused with advice.
 */

/** workbook.xml and its relationships are read whole to learn the tabs; anything bigger is not a real one. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

/**
 * Bounds on unpacking (issue 11 point 6; Config.feedLimits): a 2 MB file that unpacks to 2 GB (a zip bomb) took 70 s
 * and 1 GB of memory. Every part this hands to the reader — worksheets, shared strings, styles — is checked twice:
 * its declared sizes in the central directory before anything is unpacked, and the bytes it really unpacks to in the
 * one pass made here anyway (merges, prefixes), which the reader's own later pass over the same bytes cannot exceed.
 */
export interface UnpackCaps {
  /** Uncompressed bytes of one part. */
  maxPartBytes: number;
  /** Uncompressed ÷ compressed bytes of one part, once past RATIO_GRACE. */
  maxRatio: number;
}

/** Parts smaller than this are never refused for their ratio: a small sheet of repeated cells compresses very well. */
export const RATIO_GRACE = 1024 * 1024;

const NO_CAPS: UnpackCaps = { maxPartBytes: Number.POSITIVE_INFINITY, maxRatio: Number.POSITIVE_INFINITY };

/** Refuses a part from its declared sizes, before a byte of it is unpacked. */
function checkDeclared(entry: ZipEntry, caps: UnpackCaps): void {
  if (entry.size > caps.maxPartBytes) throw xlsxTooLarge(entry.name, 'size', caps.maxPartBytes);
  if (entry.size > RATIO_GRACE && entry.size / Math.max(1, entry.compressedSize) > caps.maxRatio) {
    throw xlsxTooLarge(entry.name, 'ratio', caps.maxRatio);
  }
}

/** A part's bytes, unpacked, that fail with FEED_XLSX_TOO_LARGE as soon as they pass a cap (the sizes may lie). */
function guardedPart(path: string, entry: ZipEntry, start: number, caps: UnpackCaps): Readable {
  const source = partStream(path, entry, start);
  if (caps === NO_CAPS) return source;
  let total = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > caps.maxPartBytes) return done(xlsxTooLarge(entry.name, 'size', caps.maxPartBytes));
      if (total > RATIO_GRACE && total / Math.max(1, entry.compressedSize) > caps.maxRatio) {
        return done(xlsxTooLarge(entry.name, 'ratio', caps.maxRatio));
      }
      done(null, chunk);
    },
  });
  source.on('error', (e) => guard.destroy(e));
  guard.on('close', () => source.destroy());
  return source.pipe(guard);
}

/** Unpacks a part once, only to count it against the caps (the shared strings and styles, which are not scanned). */
async function measurePart(path: string, entry: ZipEntry, start: number, caps: UnpackCaps): Promise<void> {
  checkDeclared(entry, caps);
  if (entry.compressedSize === 0 || caps === NO_CAPS) return;
  for await (const _ of guardedPart(path, entry, start, caps) as AsyncIterable<Buffer>) {
    // counted by the guard
  }
}

/** A worksheet in the workbook's tab order, with the part that holds it. */
export interface XlsxTab {
  /** 1-based position among the tabs. */
  number: number;
  name: string;
  part: string;
  /** Hidden or very hidden in Excel: the user does not see it. */
  hidden: boolean;
  /** Merged ranges spanning more than one row, e.g. 'B3:B5' (filled in by scanSheet). */
  merges: string[];
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

/**
 * The merged ranges of a worksheet spanning more than one row, found by inflating it once without parsing it, or
 * `rewrite` when the sheet's XML needs readableSheetXml first.
 */
async function scanSheet(
  path: string,
  entry: ZipEntry,
  start: number,
  caps: UnpackCaps,
): Promise<{ merges: string[]; rewrite: boolean }> {
  const merges: string[] = [];
  checkDeclared(entry, caps);
  if (entry.compressedSize === 0) return { merges, rewrite: false };
  const source = guardedPart(path, entry, start, caps);
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

async function wholePart(path: string, entry: ZipEntry, start: number, caps: UnpackCaps): Promise<Buffer> {
  if (entry.size > MAX_REWRITTEN_PART) throw unsupportedWorksheetXml();
  checkDeclared(entry, caps);
  const held = { ...caps, maxPartBytes: Math.min(caps.maxPartBytes, MAX_REWRITTEN_PART) };
  const chunks: Buffer[] = [];
  for await (const chunk of guardedPart(path, entry, start, held) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
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
  caps: UnpackCaps = NO_CAPS,
): Promise<{ stream: Readable; tabs: XlsxTab[] }> {
  const fd = await open(path, 'r');
  /** What goes into the new zip, in order: a part of the file (from `start`, under `name`) or one made here. */
  const plan: PlannedPart[] = [];
  let tabs: XlsxTab[];
  try {
    const { size } = await fd.stat();
    const entries = await centralDirectory(fd, size);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const workbook = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw new ZipLayoutError('no workbook part');
    tabs = workbookTabs(await readPart(fd, workbook, MAX_SMALL_PART), await readPart(fd, rels, MAX_SMALL_PART))
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
        const xml = (await wholePart(path, entry, start, caps)).toString('latin1');
        make(name, Buffer.from(dropPrefixes(xml), 'latin1'));
      } else {
        await measurePart(path, entry, start, caps);
        plan.push({ entry, name, start });
      }
      return true;
    };
    const types = byName.get('[Content_Types].xml');
    if (types) checkDeclared(types, { ...caps, maxPartBytes: Math.min(caps.maxPartBytes, MAX_SMALL_PART) });
    await take('[Content_Types].xml');
    await take('xl/_rels/workbook.xml.rels');
    await take('xl/workbook.xml');
    if (!(await takePlain('xl/sharedStrings.xml', 'sst'))) make('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS);
    await takePlain('xl/styles.xml', 'styleSheet');
    for (const tab of tabs) {
      const entry = byName.get(tab.part) as ZipEntry;
      const start = await dataStart(fd, entry);
      const name = `xl/worksheets/sheet${tab.number}.xml`;
      const scan = await scanSheet(path, entry, start, caps);
      if (scan.rewrite) {
        const xml = readableSheetXml((await wholePart(path, entry, start, caps)).toString('latin1'));
        make(name, Buffer.from(xml, 'latin1'));
        mergesIn(Buffer.from(xml, 'latin1').toString('utf8'), tab.merges);
      } else {
        plan.push({ entry, name, start });
        tab.merges = scan.merges;
      }
    }
    const end = endPadding();
    plan.push({ entry: end, name: end.name, data: end.data });
  } finally {
    await fd.close();
  }

  return { stream: zipStream(path, plan, onRead), tabs };
}

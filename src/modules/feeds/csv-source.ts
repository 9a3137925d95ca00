import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvTokenizer } from './csv-tokenizer.ts';
import type { SheetSource, SourceRow } from './sheet-source.ts';

/**
 * CSV as departments export it (SPEC §10): UTF-8 with or without BOM, GBK from Chinese Excel, UTF-16 "Unicode text"
 * with tabs (little-endian from Excel, big-endian with its BOM from some other tools), semicolons from Excel set to a
 * European locale. Read as a stream with constant memory; the encoding and the delimiter are decided on the first
 * 64 KiB.
 */

export type CsvEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

const DETECT_BYTES = 64 * 1024;

/** UTF-8 when the head decodes strictly as UTF-8 (an incomplete last character is fine), else GBK (GB18030). */
export function detectEncoding(head: Buffer): CsvEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/**
 * Semicolon when the first lines hold more semicolons than commas and tabs (Excel in a locale where the comma is the
 * decimal mark), tab when they hold more tabs than commas (Excel's "Unicode text"), else comma.
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text.split(/\r?\n/, 5).join('\n');
  const tabs = lines.split('\t').length;
  const commas = lines.split(',').length;
  const semicolons = lines.split(';').length;
  if (semicolons > commas && semicolons > tabs) return ';';
  return tabs > commas ? '\t' : ',';
}

async function* decode(input: AsyncIterable<Buffer | string>, onDetect: (e: CsvEncoding, head: string) => void) {
  const head: Buffer[] = [];
  let headBytes = 0;
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  const start = () => {
    const bytes = Buffer.concat(head);
    const encoding = detectEncoding(bytes);
    // GB18030 is a superset of GBK; iconv-lite strips a BOM by default.
    decoder = iconv.getDecoder(encoding === 'gbk' ? 'gb18030' : encoding);
    const text = decoder.write(bytes);
    onDetect(encoding, text);
    return text;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (decoder) {
      yield decoder.write(buf);
      continue;
    }
    head.push(buf);
    headBytes += buf.length;
    if (headBytes >= DETECT_BYTES) yield start();
  }
  if (!decoder) yield start();
  const rest = decoder?.end();
  if (rest) yield rest;
}

/**
 * The single "sheet" of a CSV file. Blank lines are kept as empty rows so that row numbers are the ones a person
 * sees when opening the file in Excel.
 */
export function csvSheet(
  input: Readable,
  onEncoding?: (encoding: CsvEncoding) => void,
  maxColumns = Number.POSITIVE_INFINITY,
): SheetSource {
  async function* rows(): AsyncGenerator<SourceRow> {
    let tokenizer: CsvTokenizer | undefined;
    let rowNumber = 0;
    const decoded = decode(input, (encoding, head) => {
      tokenizer = new CsvTokenizer(detectDelimiter(head), maxColumns);
      onEncoding?.(encoding);
    });
    for await (const text of decoded) {
      for (const cells of (tokenizer as CsvTokenizer).push(text)) yield { rowNumber: ++rowNumber, cells };
    }
    for (const cells of tokenizer?.end() ?? []) yield { rowNumber: ++rowNumber, cells };
  }
  return { number: 1, name: 'CSV', rows: rows() };
}

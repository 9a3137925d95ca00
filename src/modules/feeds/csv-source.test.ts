import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvSheet, detectDelimiter, detectEncoding } from './csv-source.ts';
import type { SourceRow } from './sheet-source.ts';

async function readAll(bytes: Buffer): Promise<{ encoding?: string; rows: SourceRow['cells'][] }> {
  let encoding: string | undefined;
  const sheet = csvSheet(Readable.from([bytes]), (e) => {
    encoding = e;
  });
  const rows: SourceRow['cells'][] = [];
  for (let r = await sheet.rows.next(); !r.done; r = await sheet.rows.next()) rows.push(r.value.cells);
  return { encoding, rows };
}

const TSV = '姓名\t身份证号\t存款金额\r\n张三\t621124198001010016\t100\r\n';
const CELLS = [
  ['姓名', '身份证号', '存款金额'],
  ['张三', '621124198001010016', '100'],
];

describe('CSV encodings and delimiters (SPEC §10)', () => {
  it('reads UTF-16 big-endian text with its BOM as well as little-endian', async () => {
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x59, 0xd3]))).toBe('utf-16be');
    const be = await readAll(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TSV, 'utf-16be')]));
    expect(be).toEqual({ encoding: 'utf-16be', rows: CELLS });
    const le = await readAll(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TSV, 'utf-16le')]));
    expect(le).toEqual({ encoding: 'utf-16le', rows: CELLS });
  });

  it('reads semicolon-separated files, but not a comma file whose cells hold semicolons', async () => {
    expect(detectDelimiter('姓名;身份证号;存款金额\n张三;621124198001010016;"1,5"\n')).toBe(';');
    expect(detectDelimiter('姓名,备注\n张三,低保;特困\n')).toBe(',');
    expect(detectDelimiter('姓名\t备注\t金额\n张三\ta;b\t1\n')).toBe('\t');
    const semi = await readAll(Buffer.from(TSV.replace(/\t/g, ';'), 'utf8'));
    expect(semi).toEqual({ encoding: 'utf-8', rows: CELLS });
  });
});

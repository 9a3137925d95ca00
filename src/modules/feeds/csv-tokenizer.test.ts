import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer.ts';

function tokenize(text: string, chunk = text.length, delimiter: ',' | '\t' | ';' = ','): string[][] {
  const t = new CsvTokenizer(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...t.push(text.slice(i, i + chunk)));
  out.push(...t.end());
  return out;
}

const SAMPLE = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n\r\n1,,3\nlast,"q"z,w"v';
const EXPECTED = [['a', 'b', 'c'], ['x, y', 'say "hi"', 'line1\nline2'], [''], ['1', '', '3'], ['last', 'qz', 'w"v']];

describe('CsvTokenizer (SPEC §10 CSV feeds)', () => {
  it('handles quotes, doubled quotes, embedded line breaks, CRLF and blank lines', () => {
    expect(tokenize(SAMPLE)).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 7])('gives the same records whatever the chunk size (%i)', (size) => {
    expect(tokenize(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('adds no record for a final line break, keeps a blank line in the middle, and reads tabs and old Mac CR', () => {
    expect(tokenize('a,b\n\nc,d\n')).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(tokenize('a\tb\rc\td', 100, '\t')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('""')).toEqual([['']]);
  });

  describe('a stray opening quote does not swallow the rows after it', () => {
    const head = '姓名,身份证号,存款余额,统计日期,开户行\n';
    const zhang = ['张三', '621124198001010016', '100', '2026-10-31'];
    const li = ['李四', '621124199002150023', '200', '2026-10-31', '信用社'];

    it.each([1, 2, 5, 1000])('re-reads a quote still open at the end of the file (chunks of %i)', (size) => {
      const text = `${head}张三,621124198001010016,100,2026-10-31,"信用社\n李四,621124199002150023,200,2026-10-31,信用社\n`;
      expect(tokenize(text, size).slice(1)).toEqual([[...zhang, '"信用社'], li]);
      expect(tokenize(text.trimEnd(), size).slice(1)).toEqual([[...zhang, '"信用社'], li]);
    });

    it('re-reads a stray quote that a later quoted cell would have closed', () => {
      const text = `${head}张三,621124198001010016,100,2026-10-31,"信用社\r\n${li.join(',')}\r\n王五,6,3,2026-10-31,"农村,信用社"\r\n`;
      expect(tokenize(text).slice(1)).toEqual([
        [...zhang, '"信用社'],
        li,
        ['王五', '6', '3', '2026-10-31', '农村,信用社'],
      ]);
      expect(tokenize(text, 3).slice(1)).toEqual(tokenize(text).slice(1));
    });

    it('re-reads a quoted cell with more than 50 line breaks, whatever the line ending', () => {
      for (const eol of ['\n', '\r\n', '\r']) {
        const rows = Array.from({ length: 60 }, (_, k) => `r${k},x`);
        const text = `a,"b${eol}${rows.join(eol)}${eol}c,"d""e"`;
        const records = tokenize(text, 7);
        expect(records).toHaveLength(62);
        expect(records[0]).toEqual(['a', '"b']);
        expect(records[60]).toEqual(['r59', 'x']);
        expect(records[61]).toEqual(['c', 'd"e']);
      }
    });

    it('re-reads a quoted cell longer than 64 KiB, and keeps long legitimate cells', () => {
      const long = 'x'.repeat(70_000);
      expect(tokenize(`a,"${long}\nb,c\n`, 4096)).toEqual([
        ['a', `"${long}`],
        ['b', 'c'],
      ]);
      const note = Array.from({ length: 40 }, () => 'y'.repeat(500)).join('\n');
      expect(tokenize(`a,"${note}",z\nb,c\n`, 4096)).toEqual([
        ['a', note, 'z'],
        ['b', 'c'],
      ]);
    });

    it('reads quotes opened in the re-read text on their own terms', () => {
      expect(tokenize('"a\n"b\n"c""d"\n')).toEqual([['"a'], ['"b'], ['c"d']]);
      expect(tokenize('"a;b\n1;"2\n3";4', 2, ';')).toEqual([
        ['"a', 'b'],
        ['1', '2\n3', '4'],
      ]);
    });
  });

  it('refuses an unterminated quote instead of reading the whole file into one cell', () => {
    const t = new CsvTokenizer();
    expect(() => t.push(`a\n"${'x'.repeat(1_100_000)}`)).toThrow('第2行有未闭合的引号');
    expect(() => new CsvTokenizer().push(`a\n${'x'.repeat(1_100_000)}`)).toThrow('第2行的单元格超过100万个字符');
  });
});

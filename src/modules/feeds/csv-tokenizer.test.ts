import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer.ts';

function tokenize(text: string, chunk = text.length, delimiter: ',' | '\t' = ','): string[][] {
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

  it('refuses an unterminated quote instead of reading the whole file into one cell', () => {
    const t = new CsvTokenizer();
    expect(() => t.push(`a\n"${'x'.repeat(1_100_000)}`)).toThrow('第2行有未闭合的引号');
  });
});

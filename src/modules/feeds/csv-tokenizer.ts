/**
 * A streaming RFC 4180 tokenizer, lenient the way Excel is: quoted fields with doubled quotes and line breaks; a quote
 * inside an unquoted field is kept; CRLF, LF and CR all end a record; a blank line is an empty record (so row numbers
 * match what Excel shows). Written here rather than taken from csv-parse because csv-parse builds an Error object for
 * every record whose width differs from the first — and department files start with a one-cell title row, which made
 * a 200,000-row import three times slower (SPEC §10 feeds, §18 scale).
 *
 * A stray quote at the start of a field (a typing slip, '"信用社') would open a quoted field that swallows every row
 * after it. So a quoted field that never closes, grows longer or spans more line breaks than a cell plausibly holds,
 * or spans lines and closes with text glued after the quote, is read again with that quote as a literal character:
 * the rows after it are rows of their own, and the broken row shows its stray quote in the error report.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Excel cells hold at most 32,767 characters: a quoted field twice that long is an unterminated quote. */
const MAX_QUOTED_CHARS = 64 * 1024;
/** More line breaks than any note typed into one cell: an unterminated quote. */
const MAX_QUOTED_BREAKS = 50;
/** A field this long even without quotes is not a spreadsheet export (a binary file, or text without line breaks). */
const MAX_FIELD = 1 << 20;

/** Feed text with push(), collect records; call end() once at the end of the input. */
export class CsvTokenizer {
  private readonly delimiter: number;
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** Inside quotes a quote was the last character of the previous chunk: escaped quote or closing quote? */
  private quotePending = false;
  private afterCR = false;
  private fieldQuoted = false;
  private records = 0;
  /** The open quoted field's raw text from earlier chunks (after its opening quote), kept to read it again. */
  private quotedRaw = '';
  /** Line breaks in the open quoted field, LF and CR counted apart so that CRLF counts once. */
  private quotedLF = 0;
  private quotedCR = 0;

  /**
   * Cells kept per record: a record is cut at `maxColumns` cells, plus the first non-empty cell beyond them when there
   * is one — so a row wider than the cap shows as `maxColumns + 1` cells and memory stays bounded whatever the width
   * (a 1,000,000-column line, issue 11 point 6).
   */
  private readonly maxColumns: number;

  constructor(delimiter: ',' | '\t' | ';' = ',', maxColumns = Number.POSITIVE_INFINITY) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxColumns = maxColumns;
  }

  /** Complete records found in this piece of text; an unfinished one is carried to the next call. */
  push(text: string): string[][] {
    const out: string[][] = [];
    this.run(text, out);
    return out;
  }

  /** The last record when the text does not end with a line break. */
  end(): string[][] {
    const out: string[][] = [];
    // A quote still open at the end of the file never closes.
    while (this.inQuotes && !this.quotePending) this.run(this.reopen(this.quotedRaw), out);
    this.quotePending = false;
    this.inQuotes = false;
    if (this.field === '' && this.record.length === 0 && !this.fieldQuoted) return out;
    this.endField('');
    out.push(this.endRecord());
    return out;
  }

  private run(text: string, out: string[][]): void {
    let rest: string | undefined = text;
    while (rest !== undefined) rest = this.scan(rest, out);
  }

  /** Tokenizes `text` into `out`; returns the text to scan next when a quoted field turned out to be a stray quote. */
  private scan(text: string, out: string[][]): string | undefined {
    let start = 0;
    /** Where the open quoted field's text starts in `text` (0 when it opened in an earlier chunk). */
    let quoteStart = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === QUOTE) {
          this.field += '"';
          start = i + 1;
          continue;
        }
        this.inQuotes = false;
        // '"信用社⏎李四,…,"农村' closes at the next row's quote: text glued after it shows the quote was stray.
        if (this.quotedLF + this.quotedCR > 0 && c !== this.delimiter && c !== LF && c !== CR) {
          return this.reopen(this.quotedRaw + text.slice(quoteStart));
        }
        this.quotedRaw = '';
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += text.slice(start, i);
          start = i + 1;
          this.quotePending = true;
        } else if ((c === LF || c === CR) && this.tooManyBreaks(c)) {
          return this.reopen(this.quotedRaw + text.slice(quoteStart));
        }
        continue;
      }
      if (c === this.delimiter) {
        this.endField(text.slice(start, i));
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.endField(text.slice(start, i));
        out.push(this.endRecord());
        this.afterCR = c === CR;
        start = i + 1;
      } else if (c === QUOTE && this.field === '' && start === i && !this.fieldQuoted) {
        this.inQuotes = true;
        this.fieldQuoted = true;
        this.quotedLF = 0;
        this.quotedCR = 0;
        start = i + 1;
        quoteStart = i + 1;
      }
    }
    if (this.inQuotes) {
      this.quotedRaw += text.slice(quoteStart);
      if (this.quotedRaw.length > MAX_QUOTED_CHARS) return this.reopen(this.quotedRaw);
    }
    if (start < n) this.field += text.slice(start);
    if (this.field.length > MAX_FIELD) {
      const row = this.records + 1;
      throw new Error(this.field.startsWith('"') ? `第${row}行有未闭合的引号` : `第${row}行的单元格超过100万个字符`);
    }
    return undefined;
  }

  /** Counts a line break inside quotes; true once there are more than a cell plausibly holds. */
  private tooManyBreaks(c: number): boolean {
    if (c === LF) return ++this.quotedLF > MAX_QUOTED_BREAKS;
    return ++this.quotedCR > MAX_QUOTED_BREAKS;
  }

  /**
   * Turns the open quoted field back into an unquoted one holding the quote as a literal character; returns its raw
   * text (everything read after the quote), to be scanned again.
   */
  private reopen(raw: string): string {
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldQuoted = false;
    this.field = '"';
    this.quotedRaw = '';
    return raw;
  }

  private endField(tail: string): void {
    if (this.record.length < this.maxColumns) this.record.push(this.field + tail);
    else if (this.record.length === this.maxColumns && (this.field !== '' || tail !== '')) {
      this.record.push(this.field + tail);
    }
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(): string[] {
    const record = this.record;
    this.record = [];
    this.records++;
    return record;
  }
}

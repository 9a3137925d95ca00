import type { FeedColumn, FeedRecord } from '../../domain/feeds/index.ts';
import { cellText } from './cell-normalize.ts';
import type { SourceRow } from './sheet-source.ts';
import { toHalfWidth } from './value-parse.ts';

/**
 * Finding the header row and mapping columns by name (SPEC §10: "real files have header rows, merged title rows and
 * column orders that vary — the importer maps columns by header name").
 */

/**
 * A header reduced to what identifies it: half-width, lower case, no spaces, no bracketed notes or units
 * ('（元）', '(必填)', '【18位】'), no required-marks or colons, no '/元' unit suffix, no '1.' numbering.
 */
export function normalizeHeader(raw: string): string {
  return toHalfWidth(raw)
    .toLowerCase()
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[([【〔<《][^)\]】〕>》]*[)\]】〕>》]/g, '')
    .replace(/[*:]/g, '')
    .replace(/\/(万?元|天|亩|平方米|㎡|m2|人|户|岁)$/, '')
    .replace(/^\d{1,2}[.、]/, '');
}

/** Every normalised name a column answers to; the first is its own header. */
export function columnNames(column: FeedColumn): string[] {
  return [column.header, ...(column.aliases ?? [])].map(normalizeHeader);
}

/** A definition column found at a position in the file. */
export interface ColumnBinding {
  column: FeedColumn;
  /** 0-based cell index in the source rows. */
  index: number;
  /** The header text as the file wrote it. */
  sourceLabel: string;
  /** 10000 when a yuan column's header says 万元. */
  multiplier: number;
}

/** The header found in a sheet and what it maps to. */
export interface HeaderMatch {
  record: FeedRecord;
  /** Row numbers of the header (two for a two-level merged header). */
  headerRowNumbers: number[];
  /** Index in the scanned rows of the last header row; data follow it. */
  lastHeaderIndex: number;
  bindings: ColumnBinding[];
  missingRequired: FeedColumn[];
  /** A display label per source cell index (for reports), '第N列' where the file has none. */
  sourceHeaders: string[];
}

interface HeaderCandidate {
  /** Per cell index: the labels to try, most specific first. */
  labels: string[][];
  display: string[];
}

function single(row: SourceRow): HeaderCandidate {
  const display = row.cells.map((c) => cellText(c).trim());
  return { labels: display.map((d) => (d ? [d] : [])), display };
}

/**
 * Two header rows, the upper one with merged cells: a merged cell's text sits in its first cell only, so it is carried
 * right over the empty cells that follow; a cell merged downwards leaves the lower row empty and keeps its text.
 */
function double(upper: SourceRow, lower: SourceRow): HeaderCandidate {
  const width = Math.max(upper.cells.length, lower.cells.length);
  const labels: string[][] = [];
  const display: string[] = [];
  let carried = '';
  for (let i = 0; i < width; i++) {
    const up = cellText(upper.cells[i] ?? null).trim();
    const lo = cellText(lower.cells[i] ?? null).trim();
    if (up) carried = up;
    if (lo) {
      labels.push(carried ? [lo, carried + lo] : [lo]);
      display.push(carried && carried !== lo ? `${carried}-${lo}` : lo);
    } else {
      labels.push(up ? [up] : []);
      display.push(up);
    }
  }
  return { labels, display };
}

function bind(record: FeedRecord, candidate: HeaderCandidate): ColumnBinding[] {
  const normalized = candidate.labels.map((ls) => ls.map(normalizeHeader));
  const used = new Set<number>();
  const bindings = new Map<string, ColumnBinding>();
  const find = (names: string[]) => normalized.findIndex((ls, i) => !used.has(i) && ls.some((l) => names.includes(l)));
  // Own headers first, so that one column's alias cannot take another column's header.
  for (const pass of ['header', 'alias'] as const) {
    for (const column of record.columns) {
      if (bindings.has(column.key)) continue;
      const names = columnNames(column);
      const index = find(pass === 'header' ? names.slice(0, 1) : names.slice(1));
      if (index < 0) continue;
      used.add(index);
      const sourceLabel = candidate.display[index] ?? '';
      const multiplier = column.type === 'yuan' && sourceLabel.includes('万元') ? 10_000 : 1;
      bindings.set(column.key, { column, index, sourceLabel, multiplier });
    }
  }
  return record.columns.flatMap((c) => bindings.get(c.key) ?? []);
}

/** Report labels: '第N列' for a column without a header, '备注(2)' for a header that appears twice. */
function uniqueLabels(display: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return display.map((d, k) => {
    const label = d || `第${k + 1}列`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label}(${n})`;
  });
}

function isBlankRow(row: SourceRow): boolean {
  return row.cells.every((c) => cellText(c).trim() === '');
}

/**
 * The best header among the first rows for any of the given record kinds: most columns recognised, then fewest
 * required columns missing, then the earliest row; a two-level header must recognise more than its rows alone.
 * Returns `ambiguous` when two kinds fit equally well (the caller then asks for the record kind).
 */
export function findHeader(
  rows: readonly SourceRow[],
  records: readonly FeedRecord[],
): { match?: HeaderMatch; ambiguous?: FeedRecord[] } {
  type Scored = HeaderMatch & { score: number };
  let best: Scored | undefined;
  const ties: FeedRecord[] = [];
  const consider = (m: Scored) => {
    const better =
      !best ||
      m.score > best.score ||
      (m.score === best.score && m.missingRequired.length < best.missingRequired.length);
    const equal = best && m.score === best.score && m.missingRequired.length === best.missingRequired.length;
    if (better) {
      best = m;
      ties.length = 0;
      ties.push(m.record);
    } else if (equal && best && best.headerRowNumbers[0] === m.headerRowNumbers[0] && !ties.includes(m.record)) {
      ties.push(m.record);
    }
  };
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const next = rows[i + 1];
    for (const record of records) {
      const threshold = Math.min(2, record.columns.length);
      const one = bind(record, single(row));
      const make = (bindings: ColumnBinding[], c: HeaderCandidate, numbers: number[], last: number): Scored => ({
        record,
        headerRowNumbers: numbers,
        lastHeaderIndex: last,
        bindings,
        missingRequired: record.columns.filter((col) => col.required && !bindings.some((b) => b.column === col)),
        sourceHeaders: uniqueLabels(c.display),
        score: bindings.length,
      });
      if (one.length >= threshold) consider(make(one, single(row), [row.rowNumber], i));
      if (next && !isBlankRow(next)) {
        const c = double(row, next);
        const two = bind(record, c);
        const lowerAlone = bind(record, single(next)).length;
        if (two.length >= threshold && two.length > one.length && two.length > lowerAlone) {
          consider(make(two, c, [row.rowNumber, next.rowNumber], i + 1));
        }
      }
    }
  });
  if (!best) return {};
  if (ties.length > 1) return { ambiguous: ties };
  const { score: _score, ...match } = best;
  return { match };
}

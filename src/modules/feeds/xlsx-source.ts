import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FORMULA_NO_VALUE } from './cell-normalize.ts';
import type { MergeRange, RawCell, SheetSource, SourceRow } from './sheet-source.ts';
import { columnNumber } from './sheet-xml.ts';
import type { XlsxTab } from './xlsx-zip.ts';

/**
 * .xlsx read with ExcelJS's streaming WorkbookReader (SPEC §10 feeds; SPEC §18 scale): rows are handed on one by one
 * and never collected. Styles are read so that date-formatted numbers arrive as dates. The shared-string table is
 * kept in memory, as the format requires random access to it.
 */

function toRawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = value.result as ExcelJS.CellValue | undefined;
      return result === undefined || result === null ? FORMULA_NO_VALUE : toRawCell(result);
    }
    if ('hyperlink' in value) return toRawCell(value.text as ExcelJS.CellValue);
    // An error value ('#N/A', '#REF!') stays its text, so that the checks can name it instead of calling it blank.
    if ('error' in value) return String(value.error);
  }
  return null;
}

/** 'B3:C5' → rows 3–5, cells 1–2 (0-based like SourceRow.cells). */
function parseRange(ref: string): MergeRange {
  const [a, b] = ref.split(':') as [string, string];
  const row = (x: string) => Number(x.replace(/^[A-Z]+/, ''));
  const col = (x: string) => columnNumber(x) - 1;
  return {
    top: Math.min(row(a), row(b)),
    bottom: Math.max(row(a), row(b)),
    left: Math.min(col(a), col(b)),
    right: Math.max(col(a), col(b)),
  };
}

/** Cells beyond `maxColumns` are dropped but the first non-empty one, which marks the row as too wide (csv-tokenizer). */
function toSourceRow(row: ExcelJS.Row, maxColumns: number): SourceRow {
  const values = row.values;
  const cells: RawCell[] = [];
  if (Array.isArray(values)) {
    // ExcelJS row values are 1-based (index 0 unused) and sparse.
    const kept = Math.min(values.length, maxColumns + 1);
    for (let i = 1; i < kept; i++) cells.push(toRawCell(values[i]));
    for (let i = kept; i < values.length; i++) {
      const extra = toRawCell(values[i]);
      if (extra !== null && extra !== '') {
        cells.push(extra);
        break;
      }
    }
  }
  return { rowNumber: row.number, cells };
}

interface ReaderModel {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The tab name, found through workbook.xml and its relationships (the reader itself only knows the file number). */
function sheetName(reader: unknown, worksheet: unknown): string | undefined {
  const { model, workbookRels } = reader as ReaderModel;
  const id = (worksheet as { id?: string | number }).id;
  const rel = workbookRels?.find((r) => r.Target.endsWith(`sheet${id}.xml`));
  return model?.sheets?.find((s) => s.rId === rel?.Id)?.name;
}

/**
 * Each worksheet in workbook order. A sheet's rows are pulled by the caller; when the caller moves on to the next
 * sheet, what is left of this one is drained first, because the zip entries can only be read in order.
 */
export async function* xlsxSheets(
  input: Readable,
  tabs?: readonly XlsxTab[],
  maxColumns = Number.POSITIVE_INFINITY,
): AsyncGenerator<SheetSource> {
  // ExcelJS pipes the input into the unzipper, and pipe() does not forward a source error (a missing file, a broken
  // upload): without this race the reader would wait forever. Each read races its own short-lived promise — one
  // promise shared by every race would keep a reaction, and with it a row, for each read until the end (a leak of
  // the whole file).
  let failure: unknown;
  const waiting = new Set<(e: unknown) => void>();
  input.once('error', (e) => {
    failure = e;
    for (const reject of waiting) reject(e);
  });
  const race = <T>(p: Promise<T>): Promise<T> => {
    if (failure !== undefined) return Promise.reject(failure);
    let reject: (e: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, r) => {
      reject = r;
    });
    waiting.add(reject);
    return Promise.race([p, failed]).finally(() => waiting.delete(reject));
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  let index = 0;
  for (let w = await race(worksheets.next()); !w.done; w = await race(worksheets.next())) {
    const worksheet = w.value;
    index++;
    const iterator = worksheet[Symbol.asyncIterator]();
    let finished = false;
    const rows: AsyncIterator<SourceRow> = {
      async next() {
        if (finished) return { done: true, value: undefined };
        const r = await race(iterator.next());
        if (r.done) {
          finished = true;
          return { done: true, value: undefined };
        }
        return { done: false, value: toSourceRow(r.value, maxColumns) };
      },
    };
    // readableXlsx puts the sheets in tab order, after the shared strings (so none is parked and reordered): the n-th
    // worksheet read is its n-th tab, whose name, state and merges it knows. (The reader's own id is the sheetId of
    // workbook.xml, which need not follow the tabs.)
    const tab = tabs?.[index - 1];
    if (tab) {
      yield { number: tab.number, name: tab.name, hidden: tab.hidden, merges: tab.merges.map(parseRange), rows };
    } else {
      yield { number: index, name: sheetName(reader, worksheet) ?? `Sheet${index}`, rows };
    }
    while (!finished) {
      const r = await race(iterator.next());
      if (r.done) finished = true;
    }
  }
}

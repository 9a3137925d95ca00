/**
 * The shape both file readers (CSV, XLSX) produce, so that header detection and row checks do not care where the
 * rows came from (SPEC §10: departments send Excel or CSV).
 */

/** A cell as read: CSV gives strings; XLSX also gives numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null;

/** One row as read, before any checks. */
export interface SourceRow {
  /** The spreadsheet's 1-based row number (CSV: the record number, blank lines counted). */
  rowNumber: number;
  /** 0-based cells (column A is index 0). */
  cells: RawCell[];
}

/** A merged range: spreadsheet rows (1-based) and cell indices (0-based, like SourceRow.cells). */
export interface MergeRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** One worksheet (a CSV file is one sheet). */
export interface SheetSource {
  /** 1-based position among the workbook's worksheets as they are read (1 for a CSV file). */
  number: number;
  name: string;
  /** Hidden in Excel. */
  hidden?: boolean;
  /** Ranges merged over more than one row, when known before the rows are read. */
  merges?: MergeRange[];
  /** Pulled by hand: the reader drains whatever the parser leaves before moving to the next sheet. */
  rows: AsyncIterator<SourceRow>;
}

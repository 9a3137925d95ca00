import type { FeedColumn, FeedRecord } from '../../domain/feeds/index.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * File-level import failures (SPEC §10): the whole file is refused with a Chinese message naming what to fix. Row-level
 * problems are never thrown; they are reported row by row.
 */
export type FeedErrorCode =
  | 'FEED_UNKNOWN_DEPARTMENT'
  | 'FEED_UNKNOWN_RECORD_KIND'
  | 'FEED_UNSUPPORTED_FORMAT'
  | 'FEED_HEADER_NOT_FOUND'
  | 'FEED_RECORD_KIND_AMBIGUOUS'
  | 'FEED_MISSING_COLUMNS'
  | 'FEED_UNREADABLE_FILE'
  | 'FEED_TOO_MANY_COLUMNS'
  | 'FEED_HEADER_TOO_LONG'
  | 'FEED_XLSX_TOO_LARGE';

const feedError = (code: FeedErrorCode, message: string, details: Record<string, unknown> = {}) =>
  new AppError(code, message, details);

/** Neither a path nor a stream was given. */
export const noInput = () => new AppError('VALIDATION', '未提供要导入的文件', {});

/** The department code is not one of FEEDS. */
export const unknownDepartment = (department: string) =>
  feedError('FEED_UNKNOWN_DEPARTMENT', `未知的部门代码：${department}`, { department });

/** The department has no such record kind; the message lists the kinds it has. */
export const unknownRecordKind = (department: string, kind: string, known: readonly FeedRecord[]) =>
  feedError(
    'FEED_UNKNOWN_RECORD_KIND',
    `部门“${department}”没有“${kind}”类数据，可选：${known.map((r) => `${r.kind}（${r.name}）`).join('、')}`,
    { department, recordKind: kind },
  );

/** Only .xlsx and .csv are read; .xls gets advice on how to convert it. */
export const unsupportedFormat = (fileName: string) =>
  feedError(
    'FEED_UNSUPPORTED_FORMAT',
    /\.xls$/i.test(fileName)
      ? `不支持Excel 97-2003格式（.xls）：请在Excel中另存为 .xlsx 或 CSV 后上传（${fileName}）`
      : `不支持的文件类型：${fileName}，请上传 .xlsx 或 .csv 文件`,
    { fileName },
  );

/** No sheet has a header row among its first rows. */
export const headerNotFound = (records: readonly FeedRecord[], scanned: number) => {
  const sample = records[0]?.columns.filter((c) => c.required).slice(0, 3) ?? [];
  return feedError(
    'FEED_HEADER_NOT_FOUND',
    `未找到表头行：前${scanned}行中没有包含“${sample.map((c) => c.header).join('”“')}”等列名的行，请使用下载的模板`,
    { records: records.map((r) => r.kind) },
  );
};

/** The header fits several record kinds equally; the uploader must choose. */
export const kindAmbiguous = (records: readonly FeedRecord[]) =>
  feedError(
    'FEED_RECORD_KIND_AMBIGUOUS',
    `无法根据表头判断数据类型（${records.map((r) => r.name).join('或')}），请选择数据类型后重新上传`,
    { records: records.map((r) => r.kind) },
  );

/** The header lacks required columns; the message names them in Chinese. */
export const missingColumns = (
  record: FeedRecord,
  missing: readonly FeedColumn[],
  headerRows: number[],
  sheetName?: string,
) =>
  feedError(
    'FEED_MISSING_COLUMNS',
    `文件缺少必填列：${missing.map((c) => c.header).join('、')}（${sheetName ? `工作表“${sheetName}”，` : ''}表头在第${headerRows.join('、')}行，数据类型：${record.name}）`,
    { recordKind: record.kind, missing: missing.map((c) => c.header), headerRows, ...(sheetName ? { sheetName } : {}) },
  );

/** A valid .xlsx written by a program whose worksheet XML the streaming reader does not read (namespace prefixes). */
export const unsupportedWorksheetXml = () =>
  feedError(
    'FEED_UNREADABLE_FILE',
    '该 .xlsx 文件由其他软件生成，工作表的存储格式无法逐行读取：请在Excel或WPS中打开后“另存为” .xlsx，再重新上传',
    { layout: 'worksheet-xml' },
  );

/** A header row (or, without a header, a row near the top) wider than the column cap (issue 11 point 6). */
export const tooManyColumns = (rowNumber: number, maxColumns: number, sheetName?: string) =>
  feedError(
    'FEED_TOO_MANY_COLUMNS',
    `${sheetName ? `工作表“${sheetName}”` : ''}第${rowNumber}行超过${maxColumns}列，超出上限：请删去表格右侧多余的列，或使用下载的模板`,
    { rowNumber, maxColumns, ...(sheetName ? { sheetName } : {}) },
  );

/** A header cell longer than the cap: not a column name (issue 11 point 6). */
export const headerTooLong = (rowNumber: number, column: number, maxChars: number, sheetName?: string) =>
  feedError(
    'FEED_HEADER_TOO_LONG',
    `${sheetName ? `工作表“${sheetName}”` : ''}第${rowNumber}行第${column}列的列名超过${maxChars}个字符：请改为简短的列名，或使用下载的模板`,
    { rowNumber, column, maxChars, ...(sheetName ? { sheetName } : {}) },
  );

/**
 * A part of an .xlsx that would unpack to more than the cap, or whose compression ratio only a zip bomb has (issue 11
 * point 6): refused before or while it is unpacked.
 */
export const xlsxTooLarge = (part: string, reason: 'size' | 'ratio', limit: number) =>
  feedError(
    'FEED_XLSX_TOO_LARGE',
    reason === 'size'
      ? `该 .xlsx 文件解压后过大（单个工作表超过${Math.round(limit / 1024 / 1024)}MB）：请拆分为多个文件，或另存为 CSV 后上传`
      : `该 .xlsx 文件压缩比异常（超过${limit}倍），疑为恶意构造的文件，已拒绝：请在Excel中另存为 .xlsx 后重新上传`,
    { part, reason, limit },
  );

/** A file the reader cannot make sense of: a broken or renamed .xlsx, a malformed CSV. System errors pass through. */
export function unreadableFile(fileName: string, format: 'xlsx' | 'csv', cause: unknown): Error {
  if (cause instanceof AppError) return cause;
  const code = (cause as { code?: unknown })?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return cause as Error;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return feedError(
    'FEED_UNREADABLE_FILE',
    format === 'xlsx'
      ? `无法读取文件“${fileName}”：不是有效的 .xlsx 文件（可能已损坏，或是改了扩展名的其他格式），请在Excel中另存为 .xlsx 后重新上传`
      : `无法读取文件“${fileName}”：CSV格式错误（${detail}），请检查引号和分隔符，或另存为 .xlsx 后上传`,
    { fileName, detail },
  );
}

import { cleanText, isBlankCell } from './cell-normalize.ts';
import type { HeaderMatch } from './header-match.ts';
import type { MergeRange, RawCell, SourceRow } from './sheet-source.ts';

/**
 * Which rows of a sheet carry data (SPEC §10: real files have title rows, totals and notes around the records), and
 * what a row holds where Excel merged cells over it. Pure; feed-parser.ts applies them to every row after the header.
 */

const TOTAL_ROW = /^(本页|本表|全县|全乡|全镇|全村)?(合\s*计|总\s*计|小\s*计|共\s*计)([:：]|[（(].{0,20}[)）])?$/;
/** '二、新添乡', '（三）城关镇': a section title between blocks of rows. */
const SECTION_TITLE = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])/;
/** The signatures under a form: '制表人：张三', '填报日期：…', '单位负责人：', '单位（盖章）'. */
const FOOTER =
  /^((制表|填表|填报|审核|复核|核对|统计|经办|报送|单位负责|负责|联系)[^:：]{0,6}[:：]|单位[（(]?盖章|(备注|说明|注)[:：])/;

/**
 * Blank lines, totals rows ('合计', '本页合计'), section titles ('二、新添乡'), the signatures under a form ('制表人：')
 * and a header repeated further down (either row of a two-level header) carry no data and are skipped silently.
 */
export function skippable(row: SourceRow, match: HeaderMatch): boolean {
  if (match.bindings.every((b) => isBlankCell(row.cells[b.index]))) return true;
  const filled = row.cells.filter((c) => !isBlankCell(c));
  const first = filled[0];
  if (typeof first === 'string' && TOTAL_ROW.test(cleanText(first))) return true;
  if (filled.length === 1 && typeof first === 'string' && SECTION_TITLE.test(cleanText(first))) return true;
  if (typeof first === 'string' && FOOTER.test(cleanText(first))) return true;
  // A two-level header's labels read 'upper-lower'; its upper row leaves the cells under a merged label blank.
  const bound = match.bindings.filter((b) => !isBlankCell(row.cells[b.index]));
  const repeats = bound.filter((b) => {
    const text = String(row.cells[b.index]).trim();
    const parts = b.sourceLabel.split('-');
    return text === b.sourceLabel || text === parts[0] || text === parts[parts.length - 1];
  }).length;
  return repeats >= 2 && repeats * 2 > bound.length;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/**
 * The 栏次 row some forms have under the header (1, 2, 3 … one per column, often after 甲, 乙, 丙 for the text columns):
 * at least three filled cells, the stems in order from 甲, then whole numbers counting up from 1 without gaps.
 */
export function isColumnNumberRow(row: SourceRow): boolean {
  const filled = row.cells.filter((c) => !isBlankCell(c)).map((c) => cleanText(String(c)));
  if (filled.length < 3) return false;
  let stems = 0;
  while (stems < filled.length && filled[stems] === STEMS[stems]) stems++;
  return filled.slice(stems).every((c, i) => c === String(i + 1));
}

/**
 * Fills a cell merged downwards over several data rows (one person with two hospital stays, a household head over its
 * members) with the value Excel shows in it: the reader sees it only in the merge's first row. Merges within the
 * header are left alone (header-match reads them).
 */
export function mergeFiller(merges: MergeRange[] | undefined, lastHeaderRow: number): (row: SourceRow) => SourceRow {
  const pending = (merges ?? []).filter((m) => m.bottom > m.top && m.top > lastHeaderRow).sort((a, b) => a.top - b.top);
  if (pending.length === 0) return (row) => row;
  let next = 0;
  let active: { range: MergeRange; value: RawCell }[] = [];
  return (row) => {
    const at = row.rowNumber;
    active = active.filter((a) => a.range.bottom >= at);
    for (; next < pending.length && (pending[next] as MergeRange).top <= at; next++) {
      const range = pending[next] as MergeRange;
      if (range.top === at) active.push({ range, value: row.cells[range.left] ?? null });
    }
    let cells = row.cells;
    for (const { range, value } of active) {
      if (range.top === at || !isBlankCell(cells[range.left])) continue;
      if (cells === row.cells) cells = [...row.cells];
      cells[range.left] = value;
    }
    return cells === row.cells ? row : { ...row, cells };
  };
}

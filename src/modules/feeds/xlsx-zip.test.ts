import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './feed-test-files.ts';
import { xlsxSheets } from './xlsx-source.ts';
import { readableXlsx, workbookTabs, ZipLayoutError } from './xlsx-zip.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Every sheet's name and row values, read the way an import reads them. */
async function readAll(path: string): Promise<[string, number, unknown[][]][]> {
  const { stream } = await readableXlsx(path);
  const out: [string, number, unknown[][]][] = [];
  for await (const sheet of xlsxSheets(stream)) {
    const rows: unknown[][] = [];
    for (let r = await sheet.rows.next(); !r.done; r = await sheet.rows.next()) rows.push(r.value.cells);
    out.push([sheet.name, sheet.number, rows]);
  }
  return out;
}

describe('readableXlsx: an .xlsx in the order the streaming reader reads whole', () => {
  it('reads a workbook whose workbook.xml comes last, as ExcelJS writes it (exceljs#962), every time', async () => {
    const path = tmp.file('six.xlsx');
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i <= 6; i++)
      wb.addWorksheet(`乡镇${i}`).addRows([
        ['姓名', '序号'],
        [`户主${i}`, i],
      ]);
    await wb.xlsx.writeFile(path);
    for (let k = 0; k < 5; k++) {
      const sheets = await readAll(path);
      expect(sheets.map(([name, no, rows]) => [name, no, rows[1]])).toEqual(
        Array.from({ length: 6 }, (_, i) => [`乡镇${i + 1}`, i + 1, [`户主${i + 1}`, i + 1]]),
      );
    }
  });

  it('follows the tab order of workbook.xml, not the part numbers', () => {
    const workbook = `<workbook xmlns:r="http://x"><sheets>
      <sheet name="汇总&amp;说明" sheetId="2" r:id="rId2"/><sheet name="一月" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
    expect(workbookTabs(workbook, rels)).toEqual([
      { number: 1, name: '汇总&说明', part: 'xl/worksheets/sheet2.xml', hidden: false, merges: [] },
      { number: 2, name: '一月', part: 'xl/worksheets/sheet1.xml', hidden: false, merges: [] },
    ]);
  });

  it('refuses what is not a zip with ZipLayoutError, so the caller streams it as it is', async () => {
    const path = tmp.file('not-a-zip.xlsx');
    writeFileSync(path, '姓名,身份证号\n'.repeat(100));
    await expect(readableXlsx(path)).rejects.toBeInstanceOf(ZipLayoutError);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

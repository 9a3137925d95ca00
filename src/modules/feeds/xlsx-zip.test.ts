import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './feed-test-files.ts';
import { readableSheetXml } from './sheet-xml.ts';
import { xlsxSheets } from './xlsx-source.ts';
import { readableXlsx, workbookTabs } from './xlsx-zip.ts';
import { ZipLayoutError } from './zip-archive.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/**
 * A zip of stored (uncompressed) parts, the way a hand-rolled exporter writes one; with `zip64`, the way ZipStream-PHP
 * and .NET's packaging write small files too: every size and offset marked 0xFFFFFFFF and given in a ZIP64 extra
 * field, and a ZIP64 end record behind the plain one.
 */
function storedZip(parts: Record<string, string>, { zip64 = false } = {}): Buffer {
  const MARK = 0xffffffff;
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8');
    const file = Buffer.from(name, 'utf8');
    /** The ZIP64 extra field: sizes (and, in the directory, the offset) as 64-bit values. */
    const extra = (withOffset: boolean) => {
      if (!zip64) return Buffer.alloc(0);
      const e = Buffer.alloc(4 + (withOffset ? 24 : 16));
      e.writeUInt16LE(1, 0);
      e.writeUInt16LE(e.length - 4, 2);
      e.writeBigUInt64LE(BigInt(data.length), 4);
      e.writeBigUInt64LE(BigInt(data.length), 12);
      if (withOffset) e.writeBigUInt64LE(BigInt(offset), 20);
      return e;
    };
    // Local and central headers share the fields from the flags on, at 6 and at 8; stored (method 0), no flags.
    const fields = (h: Buffer, at: number, extraLength: number) => {
      h.writeUInt32LE(crc32(data), at + 8);
      h.writeUInt32LE(zip64 ? MARK : data.length, at + 12);
      h.writeUInt32LE(zip64 ? MARK : data.length, at + 16);
      h.writeUInt16LE(file.length, at + 20);
      h.writeUInt16LE(extraLength, at + 22);
    };
    const localExtra = extra(false);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(zip64 ? 45 : 20, 4);
    fields(head, 6, localExtra.length);
    const centralExtra = extra(true);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(45, 4);
    dir.writeUInt16LE(zip64 ? 45 : 20, 6);
    fields(dir, 8, centralExtra.length);
    dir.writeUInt32LE(zip64 ? MARK : offset, 42);
    local.push(head, file, localExtra, data);
    central.push(dir, file, centralExtra);
    offset += head.length + file.length + localExtra.length + data.length;
  }
  const cd = Buffer.concat(central);
  const count = Object.keys(parts).length;
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? MARK : cd.length, 12);
  end.writeUInt32LE(zip64 ? MARK : offset, 16);
  return Buffer.concat([...local, cd, ...tail, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Every sheet's name and row values, read the way an import reads them. */
async function readAll(path: string): Promise<[string, number, unknown[][]][]> {
  const { stream, tabs } = await readableXlsx(path);
  const out: [string, number, unknown[][]][] = [];
  for await (const sheet of xlsxSheets(stream, tabs)) {
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

  it('loses no sheet when each row waits for the database, as an import does (unzipper ends before its queue)', async () => {
    const path = tmp.file('slow.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['按乡镇分表填报']);
    for (let i = 1; i <= 3; i++) wb.addWorksheet(`乡镇${i}`).addRows([['姓名'], [`甲${i}`], [`乙${i}`]]);
    wb.addWorksheet('审核').addRow(['县医保局审核']);
    await wb.xlsx.writeFile(path);
    for (let k = 0; k < 20; k++) {
      const { stream, tabs } = await readableXlsx(path);
      const seen: string[] = [];
      for await (const sheet of xlsxSheets(stream, tabs)) {
        for (let r = await sheet.rows.next(); !r.done; r = await sheet.rows.next()) {
          seen.push(`${sheet.name}:${r.value.cells[0]}`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      expect(seen).toEqual([
        '填写说明:按乡镇分表填报',
        ...[1, 2, 3].flatMap((i) => [`乡镇${i}:姓名`, `乡镇${i}:甲${i}`, `乡镇${i}:乙${i}`]),
        '审核:县医保局审核',
      ]);
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

  it('rewrites worksheet XML the reader would misread: prefixed tags, rows without references, rich text runs', () => {
    const xml =
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c>` +
      '<x:c t="inlineStr"><x:is><x:r><x:t>李</x:t></x:r><x:r><x:t>四</x:t></x:r></x:is></x:c><x:c r="E1"><x:v>7</x:v></x:c>' +
      '<x:c><x:v>8</x:v></x:c></x:row><x:row r="5"><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const latin1 = Buffer.from(xml, 'utf8').toString('latin1');
    const out = Buffer.from(readableSheetXml(latin1), 'latin1').toString('utf8');
    expect(out).toBe(
      `<worksheet xmlns:x="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>` +
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve">李四</t></is></c><c r="E1"><v>7</v></c>' +
        '<c r="F1"><v>8</v></c></row><row r="5"><c r="A5"><v>1</v></c></row></sheetData></worksheet>',
    );
  });

  /** A one-sheet workbook as the .NET OpenXML SDK writes it: x: prefixes, a part named sheet.xml. */
  const sdkParts = (sheet: string) => {
    const cell = (text: string) => `<x:c t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
    return {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'xl/workbook.xml': `<x:workbook xmlns:x="${NS}" xmlns:r="http://r"><x:sheets><x:sheet name="${sheet}" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Target="/xl/worksheets/sheet.xml"/></Relationships>',
      'xl/worksheets/sheet.xml': `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row>${cell('姓名')}${cell('身份证号')}</x:row><x:row>${cell('张三')}${cell('621124198001010016')}</x:row></x:sheetData></x:worksheet>`,
    };
  };
  const sdkRead = (sheet: string) => [
    [
      sheet,
      1,
      [
        ['姓名', '身份证号'],
        ['张三', '621124198001010016'],
      ],
    ],
  ];

  it('reads a workbook as the .NET OpenXML SDK writes it: x: prefixes, a part named sheet.xml, stored parts', async () => {
    const path = tmp.file('sdk.xlsx');
    writeFileSync(path, storedZip(sdkParts('存款')));
    expect(await readAll(path)).toEqual(sdkRead('存款'));
  });

  it('takes apart a ZIP64 file (sizes and offsets in ZIP64 fields, a ZIP64 end record), as streaming writers make', async () => {
    const path = tmp.file('zip64.xlsx');
    writeFileSync(path, storedZip(sdkParts('低保'), { zip64: true }));
    const { tabs } = await readableXlsx(path);
    expect(tabs.map((t) => [t.name, t.part])).toEqual([['低保', 'xl/worksheets/sheet.xml']]);
    expect(await readAll(path)).toEqual(sdkRead('低保'));
  });
});

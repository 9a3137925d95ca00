import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeedFile } from './feed-parser.ts';
import { TODAY, tempDir, validId } from './feed-test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ROWS = 200_000;

/** The heap in use after a full collection: what the parser really keeps, not garbage not yet collected. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Written line by line so that the test itself holds no large string. */
async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const ids = Array.from({ length: 1000 }, (_, i) => validId('19800101', i));
  out.write('\ufeff临洮县2026年10月医保住院结算数据\n');
  out.write('姓名,身份证号码,就诊医院,疾病名称,入院日期,出院日期,住院天数,医疗总费用（元）,个人自付（元）,结算日期\n');
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 1000 === 999;
    const line = `患者${i},${ids[i % 1000]},县人民医院,肺炎,2026-10-01,2026-10-0${1 + (i % 8)},${i % 8},${1000 + i}.5,${bad ? -1 : i % 500},2026-10-10\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('streaming (SPEC §18 scale: a county file of 1,000,000 rows)', () => {
  it(`parses ${ROWS.toLocaleString()} CSV rows with bounded memory`, async () => {
    const path = tmp.file('large.csv');
    await writeLargeCsv(path);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let good = 0;
    let bad = 0;
    let lastRow = 0;
    for await (const row of parseFeedFile({
      path,
      fileName: 'large.csv',
      department: 'medical_insurance',
      today: TODAY,
    })) {
      if (row.ok) good++;
      else bad++;
      lastRow = row.rowNumber;
      if ((good + bad) % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(good + bad).toBe(ROWS);
    expect(bad).toBe(ROWS / 1000);
    expect(lastRow).toBe(ROWS + 2);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  }, 30_000);

  it('streams an .xlsx written by the streaming writer, row by row, keeping no row it has handed on', async () => {
    const path = tmp.file('large.xlsx');
    const rows = 50_000;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['临洮县2026年10月存款数据']).commit();
    ws.addRow(['姓名', '身份证号', '存款金额', '统计日期']).commit();
    for (let i = 0; i < rows; i++)
      ws.addRow([`储户${i}`, validId('19800101', i % 1000), 1000 + i, '2026-10-31']).commit();
    ws.commit();
    await wb.commit();
    let good = 0;
    let last = 0;
    let at10k = 0;
    let atEnd = 0;
    for await (const row of parseFeedFile({ path, fileName: 'large.xlsx', department: 'central_bank', today: TODAY })) {
      if (row.ok) good++;
      last = row.rowNumber;
      if (good === 10_000) at10k = retainedHeap();
      if (good === rows) atEnd = retainedHeap();
    }
    expect(good).toBe(rows);
    expect(last).toBe(rows + 2);
    // 40,000 more rows read: a reader that kept them would have grown by 100 MB.
    expect(atEnd - at10k).toBeLessThan(20 * 1024 * 1024);
  }, 60_000);
});

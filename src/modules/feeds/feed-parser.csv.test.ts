import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCEL_NUMBER_ID_MESSAGE } from './cell-normalize.ts';
import { detectDelimiter, detectEncoding } from './csv-source.ts';
import { collect, errorsOf, TODAY, tempDir, validId } from './feed-test-files.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ID_A = validId('19800101', 11);
const ID_B = validId('19620815', 22);
const VILLAGE = '621124100201';

/** Water failures as a county office exports them from Chinese Excel: GBK, a title line, blank lines, CRLF. */
const waterCsv = [
  '临洮县2026年10月农村饮水安全问题台账,,,,,',
  '',
  '序号,村代码,村名,问题类型,发生日期,影响户数,户主身份证号码,户主姓名,解决日期',
  `1,${VILLAGE},红旗村,水量不足,2026/10/3,35,,,`,
  `2,${VILLAGE},红旗村,水质,2026年10月5日,1,${ID_A},张三,2026-10-09`,
  '',
  `3,６２１１２４１００２０１,红旗村, 取水不便 ,２０２６１００６,２,,,`,
  `4,${VILLAGE},红旗村,停水,2026-10-07,3,,,`,
  `5,${VILLAGE},红旗村,水量,2026-10-08,3,6.21124E+17,李四,`,
  `6,6211241002,红旗村,水量,2026-10-08,3,,,`,
  `7,${VILLAGE},红旗村,水量,2026-10-10,3,,,2026-10-01`,
].join('\r\n');

describe('parseFeedFile on CSV (SPEC §10)', () => {
  it('reads a GBK file with a title line and blank lines, reporting real row numbers', async () => {
    const path = tmp.file('water-gbk.csv');
    writeFileSync(path, iconv.encode(waterCsv, 'gbk'));
    const r = await collect({ path, fileName: '饮水.csv', department: 'water', today: TODAY });
    expect(r.header).toMatchObject({ encoding: 'gbk', recordKind: 'water_failure', headerRowNumbers: [3] });
    expect(r.good.map((g) => g.rowNumber)).toEqual([4, 5, 7]);
    expect(r.good[0]?.values).toMatchObject({
      regionCode: VILLAGE,
      regionName: '红旗村',
      indicator: 'quantity',
      occurredDate: '2026-10-03',
      affectedHouseholds: 35,
      idNumber: null,
      name: null,
    });
    expect(r.good[1]?.values).toMatchObject({
      idNumber: ID_A,
      name: '张三',
      indicator: 'quality',
      resolvedDate: '2026-10-09',
    });
    expect(r.good[2]?.values).toMatchObject({
      regionCode: VILLAGE,
      indicator: 'convenience',
      occurredDate: '2026-10-06',
      affectedHouseholds: 2,
    });
    expect(r.bad.map((b) => b.rowNumber)).toEqual([8, 9, 10, 11]);
    expect(errorsOf(r.bad, 8)).toEqual({ 问题指标: expect.stringContaining('“停水”不是允许的取值') });
    expect(errorsOf(r.bad, 9)).toEqual({ 户主身份证号: EXCEL_NUMBER_ID_MESSAGE });
    expect(errorsOf(r.bad, 10)).toEqual({ 行政区划代码: expect.stringContaining('区划代码应为') });
    expect(errorsOf(r.bad, 11)).toEqual({ 解决日期: '解决日期（2026-10-01）早于发生日期（2026-10-10）' });
    expect(r.bad[0]?.original).toMatchObject({ 序号: '4', 问题类型: '停水' });
  });

  it('reads UTF-8 with and without BOM to the same rows and hashes', async () => {
    const bom = tmp.file('water-bom.csv');
    const plain = tmp.file('water-plain.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(waterCsv, 'utf8')]));
    writeFileSync(plain, waterCsv, 'utf8');
    const gbk = tmp.file('water-gbk2.csv');
    writeFileSync(gbk, iconv.encode(waterCsv, 'gbk'));
    const [a, b, c] = await Promise.all(
      [bom, plain, gbk].map((path) => collect({ path, fileName: 'w.csv', department: 'water', today: TODAY })),
    );
    expect(a?.header?.encoding).toBe('utf-8');
    expect(a?.header?.headerRowNumbers).toEqual([3]);
    expect(a?.good.map((g) => g.rowHash)).toEqual(b?.good.map((g) => g.rowHash));
    expect(a?.good.map((g) => g.rowHash)).toEqual(c?.good.map((g) => g.rowHash));
    expect(a?.bad.map((x) => x.rowNumber)).toEqual([8, 9, 10, 11]);
  });

  it('accepts a stream, quoted cells with commas and line breaks, and tab-separated UTF-16 text', async () => {
    const csv = [
      '姓名,身份证号,就诊医院,疾病名称,入院日期,出院日期,医疗总费用（元）,个人自付（元）,结算日期',
      `张三,${ID_A},"县人民医院
（内科）",肺炎,2026-10-01,2026-10-05,"12,345.60","3,000",2026-10-06`,
      `李四,${ID_B},县医院,骨折,2026-10-01,2026-10-05,100,abc,2026-10-06`,
    ].join('\n');
    const r = await collect({
      stream: Readable.from([Buffer.from(csv)]),
      fileName: 'upload.csv',
      department: 'medical_insurance',
      recordKind: 'settlement',
      today: TODAY,
    });
    expect(r.good[0]?.values).toMatchObject({
      hospital: '县人民医院 （内科）',
      totalCost: 1_234_560,
      outOfPocket: 300_000,
    });
    expect(r.bad.map((b) => b.rowNumber)).toEqual([3]);
    expect(errorsOf(r.bad, 3)).toEqual({ 个人自付: expect.stringContaining('金额格式错误') });

    const utf16 = tmp.file('unicode.txt');
    const tsv = csv.replace(/"[^"]*"/gs, (q) => q.replace(/,/g, '').replace(/\n/g, ' ')).replace(/,/g, '\t');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf-16le')]));
    const t = await collect({
      path: utf16,
      fileName: 'unicode.txt',
      department: 'medical_insurance',
      recordKind: 'settlement',
      today: TODAY,
    });
    expect(t.header?.encoding).toBe('utf-16le');
    expect(t.good[0]?.values).toMatchObject({ name: '张三', totalCost: 1_234_560 });
  });

  it('refuses a CSV that lacks required columns', async () => {
    const path = tmp.file('no-date.csv');
    writeFileSync(path, `村代码,问题类型\r\n${VILLAGE},水量\r\n`);
    await expect(collect({ path, fileName: 'no-date.csv', department: 'water' })).rejects.toMatchObject({
      code: 'FEED_MISSING_COLUMNS',
      message: expect.stringContaining('发生日期'),
    });
  });
});

describe('encoding and delimiter detection', () => {
  it('falls back to GBK only when the bytes are not UTF-8', () => {
    expect(detectEncoding(Buffer.from('姓名,身份证号', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('姓名,身份证号', 'gbk'))).toBe('gbk');
    // A UTF-8 character cut in half at the end of the first chunk is still UTF-8.
    expect(detectEncoding(Buffer.from('姓名', 'utf8').subarray(0, 5))).toBe('utf-8');
    expect(detectDelimiter('姓名\t身份证号\t医院,分院\n')).toBe('\t');
    expect(detectDelimiter('姓名,身份证号\n')).toBe(',');
  });
});

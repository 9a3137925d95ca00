import { describe, expect, it } from 'vitest';
import type { FeedColumn } from '../../domain/feeds/index.ts';
import { findFeedRecord } from '../../domain/feeds/index.ts';
import { cleanText, EXCEL_NUMBER_ID_MESSAGE, isBlankCell, normalizeCell } from './cell-normalize.ts';
import { TODAY, validId } from './feed-test-files.ts';
import { dateFault, parseFeedDate, parseYuanToFen, scaleDecimal } from './value-parse.ts';

const column = (kind: string, key: string, department = 'medical_insurance'): FeedColumn => {
  const c = findFeedRecord(department, kind)?.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};
const idCol = column('settlement', 'idNumber');
const norm = (c: FeedColumn, raw: Parameters<typeof normalizeCell>[1], multiplier = 1) =>
  normalizeCell(c, raw, { today: TODAY, multiplier });

describe('ID numbers (SPEC §4.2, §10)', () => {
  const id = validId('19800101', 7);

  it('accepts full-width digits, stray spaces and a lower-case x', () => {
    const wide = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(norm(idCol, ` ${wide.slice(0, 6)} ${wide.slice(6)}\u3000`)).toEqual({ ok: true, value: id });
    const withX = validId('19491231', 2).replace(/X$/, 'x');
    expect(norm(idCol, withX).ok).toBe(true);
  });

  it.each([
    ['a numeric cell', Number('621124198001010071')],
    ['scientific notation', '6.21124E+17'],
    ['lower-case scientific notation', '6.21124198001e+17'],
    ['lost last digits', '621124198001010000'],
    ['fewer than 18 characters ending in 000', '6211241980010000'],
  ])('rejects an ID that Excel turned into a number: %s', (_label, raw) => {
    expect(norm(idCol, raw)).toEqual({ ok: false, message: EXCEL_NUMBER_ID_MESSAGE });
  });

  it.each([
    ['the ="…" CSV export trick', `="${id}"`],
    ['a literal leading apostrophe', `'${id}`],
    ['an apostrophe typed with a Chinese input method', `‘${id}`],
    ['bidi marks from a Windows copy', `\u202d${id}\u202c`],
    ['zero-width and direction marks inside', `\u200e${id.slice(0, 9)}\u200b${id.slice(9)}\u2060\ufeff`],
    ['="…" with invisible marks and spaces', ` ="\u202a${id}\u202c" `],
  ])('accepts a valid ID forced to text by %s', (_label, raw) => {
    expect(norm(idCol, raw)).toEqual({ ok: true, value: id });
  });

  it('reads a number cell of up to 15 digits as its text: Excel lost nothing', () => {
    expect(norm(idCol, 621124800101007)).toEqual({
      ok: false,
      message: '不接受15位旧身份证号，请使用18位公民身份号码',
    });
    expect(norm(idCol, 62112480010)).toMatchObject({ ok: false, message: expect.stringContaining('格式错误') });
    expect(norm(idCol, 6211248001010070)).toEqual({ ok: false, message: EXCEL_NUMBER_ID_MESSAGE });
    expect(norm(idCol, 6.21124e17)).toEqual({ ok: false, message: EXCEL_NUMBER_ID_MESSAGE });
    expect(norm(idCol, 621124800101.5)).toEqual({ ok: false, message: EXCEL_NUMBER_ID_MESSAGE });
  });

  it('explains a wrong check character and a legacy 15-digit number', () => {
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(norm(idCol, bad)).toEqual({ ok: false, message: '身份证号校验位错误' });
    expect(norm(idCol, '621124800101007')).toMatchObject({ ok: false, message: expect.stringContaining('15位') });
  });

  it('requires a required ID and lets an optional one be blank', () => {
    expect(norm(idCol, '  ')).toEqual({ ok: false, message: '必填项为空' });
    const optional = column('water_failure', 'idNumber', 'water');
    expect(norm(optional, null)).toEqual({ ok: true, value: null });
  });
});

describe('dates', () => {
  it.each([
    ['2026-10-03', '2026-10-03'],
    ['2026/10/3', '2026-10-03'],
    ['2026年10月3日', '2026-10-03'],
    ['２０２６年１０月３日', '2026-10-03'],
    ['20261003', '2026-10-03'],
    ['2026.10.3', '2026-10-03'],
    ['2026-10-03 14:30:00', '2026-10-03'],
    ['46298', '2026-10-03'],
  ])('%s → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it('accepts Excel dates, serial numbers and yyyymmdd numbers', () => {
    expect(parseFeedDate(new Date(Date.UTC(2026, 9, 3)))).toBe('2026-10-03');
    expect(parseFeedDate(46298)).toBe('2026-10-03');
    expect(parseFeedDate(20261003)).toBe('2026-10-03');
  });

  it.each([
    ['２０２６－１０－０５', '2026-10-05'],
    ['２０２６／１０／５', '2026-10-05'],
    ['２０２６．１０．５　１４：３０', '2026-10-05'],
  ])('reads full-width punctuation: %s → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
    expect(norm(column('settlement', 'admissionDate'), raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['2026-13-01', '10/03/2026', '2026-10', '下月', '2026-10-32'])('rejects %s as a wrong format', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
    expect(dateFault(raw)).toBe('format');
    expect(norm(column('settlement', 'admissionDate'), raw)).toMatchObject({
      ok: false,
      message: expect.stringContaining('日期格式错误'),
    });
  });

  it.each(['2026-02-30', '2026-9-31', '20260931', '2025年2月29日'])(
    'rejects %s as a day that does not exist',
    (raw) => {
      expect(parseFeedDate(raw)).toBeUndefined();
      expect(dateFault(raw)).toBe('no_such_day');
      expect(norm(column('settlement', 'admissionDate'), raw)).toEqual({
        ok: false,
        message: `日期不存在：“${raw}”，请核对月份和日（如9月只有30日，2月只有28或29日）`,
      });
    },
  );

  it.each([
    ['1800-01-01', '1800-01-01'],
    ['1899-12-31', '1899-12-31'],
    ['2101-01-01', '2101-01-01'],
    [18991231, '18991231'],
    [new Date(Date.UTC(1899, 11, 31)), '1899-12-31'],
  ])('rejects %s as a year out of range', (raw, text) => {
    expect(parseFeedDate(raw)).toBeUndefined();
    expect(dateFault(raw)).toBe('year_range');
    expect(norm(column('settlement', 'admissionDate'), raw)).toEqual({
      ok: false,
      message: `日期年份超出范围：“${text}”，年份应在1900至2100之间`,
    });
  });
});

describe('yuan → integer fen', () => {
  it.each([
    ['1,234.50元', 123450],
    ['￥12', 1200],
    ['¥ 12.3', 1230],
    ['１２３４', 123400],
    ['3.5万', 3_500_000],
    ['12.345', 1235],
    ['0', 0],
    ['１２３４．５０', 123450],
    ['１，２３４．５元', 123450],
    ['－100', -10000],
  ])('%s → %d fen', (raw, fen) => {
    expect(parseYuanToFen(raw)).toBe(fen);
  });

  it('handles numeric cells without floating-point noise, and 万元 headers', () => {
    expect(parseYuanToFen(0.1 + 0.2)).toBe(30);
    expect(parseYuanToFen(1.005)).toBe(101);
    expect(parseYuanToFen('50', 10_000)).toBe(50_000_000);
    expect(parseYuanToFen(1.5, 10_000)).toBe(1_500_000);
    expect(scaleDecimal('-12.345', 2)).toBe(-1235);
  });

  it('rejects negative money where the column does not allow it, and non-numbers', () => {
    const cost = column('settlement', 'outOfPocket');
    expect(norm(cost, '-5')).toEqual({ ok: false, message: '不能为负数：“-5”' });
    expect(norm(cost, '三千')).toMatchObject({ ok: false, message: expect.stringContaining('金额格式错误') });
    const business = column('household_income', 'businessIncome', 'statistics');
    expect(norm(business, '-1200.5')).toEqual({ ok: true, value: -120050 });
    expect(norm(cost, '－100')).toEqual({ ok: false, message: '不能为负数：“－100”' });
    expect(norm(cost, '１２３４．５０')).toEqual({ ok: true, value: 123450 });
    expect(norm(cost, '="1,234.50"')).toEqual({ ok: true, value: 123450 });
  });
});

describe('other types', () => {
  it('integers accept a unit and reject fractions', () => {
    const days = column('settlement', 'stayDays');
    expect(norm(days, '7天')).toEqual({ ok: true, value: 7 });
    expect(norm(days, 7)).toEqual({ ok: true, value: 7 });
    expect(norm(days, 7.5).ok).toBe(false);
    expect(norm(days, '-1').ok).toBe(false);
    expect(norm(days, '７天')).toEqual({ ok: true, value: 7 });
    expect(norm(days, '－1')).toEqual({ ok: false, message: '不能为负数：“－1”' });
  });

  it('enums accept the Chinese label or the code, and list the allowed labels otherwise', () => {
    const level = column('disability_certificate', 'level', 'disabled_federation');
    expect(norm(level, '二级')).toEqual({ ok: true, value: '2' });
    expect(norm(level, 2)).toEqual({ ok: true, value: '2' });
    const grade = column('safety_appraisal', 'grade', 'housing');
    expect(norm(grade, 'c级')).toEqual({ ok: true, value: 'C' });
    expect(norm(grade, 'D')).toEqual({ ok: true, value: 'D' });
    expect(norm(level, '五级')).toEqual({ ok: false, message: '“五级”不是允许的取值，可填：一级、二级、三级、四级' });
  });

  it('booleans, decimals with units and region codes', () => {
    const returned = column('dropout', 'returned', 'education');
    expect(norm(returned, '是')).toEqual({ ok: true, value: true });
    expect(norm(returned, '否')).toEqual({ ok: true, value: false });
    expect(norm(returned, '也许').ok).toBe(false);
    const area = column('property_registration', 'area', 'natural_resources');
    expect(norm(area, '89.5平方米')).toEqual({ ok: true, value: 89.5 });
    expect(norm(area, '８９．５平方米')).toEqual({ ok: true, value: 89.5 });
    const region = column('water_failure', 'regionCode', 'water');
    expect(norm(region, 621124100201)).toEqual({ ok: true, value: '621124100201' });
    expect(norm(region, '6211241002').ok).toBe(false);
  });

  it('cleanText normalises full-width digits and stray spaces', () => {
    expect(cleanText('  张　三 ')).toBe('张三');
    expect(cleanText('县 人民  医院\n二部')).toBe('县人民医院二部');
    expect(cleanText('ＡＢ１２ 号')).toBe('AB12 号');
  });

  it('cleanText unwraps ="…" and removes invisible bidi and zero-width marks in any text cell', () => {
    expect(cleanText('="00123"')).toBe('00123');
    expect(cleanText('="说明""甲"""')).toBe('说明"甲"');
    expect(cleanText('\u202d县医院\u202c')).toBe('县医院');
    expect(cleanText('县\u200f医\u2064院\u202e')).toBe('县医院');
    expect(cleanText('=A1+"x"')).toBe('=A1+"x"');
    expect(cleanText('="a"b"')).toBe('="a"b"');
    expect(isBlankCell('=""')).toBe(true);
    expect(isBlankCell('\u202d\u202c')).toBe(true);
    expect(norm(column('settlement', 'hospital'), '="县医院"')).toEqual({ ok: true, value: '县医院' });
  });
});

describe('Excel error values', () => {
  const errors = [
    '#N/A',
    '#REF!',
    '#DIV/0!',
    '#VALUE!',
    '#NAME?',
    '#NUM!',
    '#NULL!',
    '#SPILL!',
    '#CALC!',
    '#GETTING_DATA',
  ];
  const columns = [
    ['a required text column', column('settlement', 'hospital')],
    ['an optional column', column('water_failure', 'idNumber', 'water')],
    ['an ID column', idCol],
    ['an amount column', column('settlement', 'outOfPocket')],
    ['a date column', column('settlement', 'admissionDate')],
  ] as const;

  it.each(errors)('refuses %s in every kind of column, never as text and never as blank', (error) => {
    for (const [, c] of columns) {
      expect(norm(c, error)).toEqual({
        ok: false,
        message: `单元格为Excel错误值“${error}”（公式出错），请在Excel中修正后重新导出`,
      });
    }
    expect(isBlankCell(error)).toBe(false);
    expect(norm(columns[0][1], ` ${error} `)).toMatchObject({ ok: false });
  });

  it('keeps text that only starts like an error value', () => {
    expect(norm(column('settlement', 'hospital'), '#3病区')).toEqual({ ok: true, value: '#3病区' });
  });
});

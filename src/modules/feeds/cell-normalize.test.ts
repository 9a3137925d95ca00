import { describe, expect, it } from 'vitest';
import type { FeedColumn } from '../../domain/feeds/index.ts';
import { findFeedRecord } from '../../domain/feeds/index.ts';
import { cleanText, EXCEL_NUMBER_ID_MESSAGE, normalizeCell } from './cell-normalize.ts';
import { TODAY, validId } from './feed-test-files.ts';
import { parseFeedDate, parseYuanToFen, scaleDecimal } from './value-parse.ts';

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

  it.each(['2026-02-30', '2026-13-01', '10/03/2026', '2026-10', '下月', '1800-01-01'])('rejects %s', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
    expect(norm(column('settlement', 'admissionDate'), raw)).toMatchObject({
      ok: false,
      message: expect.stringContaining('日期格式错误'),
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
  });
});

describe('other types', () => {
  it('integers accept a unit and reject fractions', () => {
    const days = column('settlement', 'stayDays');
    expect(norm(days, '7天')).toEqual({ ok: true, value: 7 });
    expect(norm(days, 7)).toEqual({ ok: true, value: 7 });
    expect(norm(days, 7.5).ok).toBe(false);
    expect(norm(days, '-1').ok).toBe(false);
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
    const region = column('water_failure', 'regionCode', 'water');
    expect(norm(region, 621124100201)).toEqual({ ok: true, value: '621124100201' });
    expect(norm(region, '6211241002').ok).toBe(false);
  });

  it('cleanText normalises full-width digits and stray spaces', () => {
    expect(cleanText('  张　三 ')).toBe('张三');
    expect(cleanText('县 人民  医院\n二部')).toBe('县人民医院二部');
    expect(cleanText('ＡＢ１２ 号')).toBe('AB12 号');
  });
});

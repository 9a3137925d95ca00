import { describe, expect, it } from 'vitest';
import { DEPARTMENT_CODES, FEEDS, findFeedRecord } from '../../domain/feeds/index.ts';
import { columnNames, findHeader, normalizeHeader } from './header-match.ts';
import type { SourceRow } from './sheet-source.ts';

const rows = (...cells: (string | null)[][]): SourceRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe('normalizeHeader (SPEC §10: columns mapped by header name)', () => {
  it.each([
    ['  身份证号码（18位） ', '身份证号码'],
    ['*姓名', '姓名'],
    ['医疗总费用（元）', '医疗总费用'],
    ['医疗总费用(元)', '医疗总费用'],
    ['医疗总费用/元', '医疗总费用'],
    ['个人 自付【必填】', '个人自付'],
    ['1.姓名', '姓名'],
    ['结算日期：', '结算日期'],
    ['ＩＤ　号', 'id号'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('feed definitions (SPEC §10 table, 博尔塔拉 §七)', () => {
  it('has the 17 departments of 博尔塔拉 §七 and staffing, with their stable codes', () => {
    expect(DEPARTMENT_CODES).toHaveLength(18);
    for (const code of DEPARTMENT_CODES) expect(FEEDS[code].department).toBe(code);
  });

  for (const feed of Object.values(FEEDS)) {
    it(`${feed.department}: kinds, keys and header names are unique; match keys are present`, () => {
      expect(feed.records.length).toBeGreaterThan(0);
      expect(new Set(feed.records.map((r) => r.kind)).size).toBe(feed.records.length);
      for (const record of feed.records) {
        const keys = record.columns.map((c) => c.key);
        expect(new Set(keys).size, `${record.kind} keys`).toBe(keys.length);
        const names = record.columns.flatMap(columnNames);
        const dupes = names.filter((n, i) => names.indexOf(n) !== i);
        expect(dupes, `${record.kind} names answer to two columns`).toEqual([]);
        if (record.matchBy === 'id_number') {
          expect(
            record.columns.some((c) => c.type === 'id_number' && c.required),
            record.kind,
          ).toBe(true);
        }
        if (record.matchBy === 'region_code') {
          expect(
            record.columns.some((c) => c.type === 'region_code' && c.required),
            record.kind,
          ).toBe(true);
        }
        for (const c of record.columns) {
          if (c.type === 'enum') expect(Object.keys(c.enum ?? {}).length, c.key).toBeGreaterThan(1);
          for (const [a, b] of record.dateOrder ?? []) expect(keys).toEqual(expect.arrayContaining([a, b]));
        }
      }
    });
  }

  it('medical insurance settlement carries the data SPEC §10 lists', () => {
    const keys = findFeedRecord('medical_insurance', 'settlement')?.columns.map((c) => c.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'name',
        'idNumber',
        'hospital',
        'disease',
        'admissionDate',
        'dischargeDate',
        'stayDays',
        'totalCost',
        'outOfPocket',
        'settlementDate',
      ]),
    );
  });
});

describe('findHeader', () => {
  const settlement = findFeedRecord('medical_insurance', 'settlement');
  if (!settlement) throw new Error('no settlement record');

  it('skips a title row and blank lines above the header', () => {
    const { match } = findHeader(
      rows(
        ['临洮县2026年10月医保住院结算数据', null, null],
        [],
        ['填报单位：县医保局', null, '单位：元'],
        ['姓名', '身份证号码', '医疗总费用（元）', '个人自付'],
        ['张三', 'x', '1', '2'],
      ),
      [settlement],
    );
    expect(match?.headerRowNumbers).toEqual([4]);
    expect(match?.bindings.map((b) => [b.column.key, b.index])).toEqual([
      ['name', 0],
      ['idNumber', 1],
      ['totalCost', 2],
      ['outOfPocket', 3],
    ]);
    expect(match?.missingRequired.map((c) => c.header)).toEqual([
      '就诊医院',
      '疾病名称',
      '入院日期',
      '出院日期',
      '结算日期',
    ]);
  });

  it('reads a two-level header whose upper cells are merged', () => {
    const { match } = findHeader(
      rows(
        ['姓名', '身份证号', '住院日期', null, '费用（万元）', null],
        [null, null, '入院', '出院', '总费用', '自付金额'],
      ),
      [settlement],
    );
    expect(match?.headerRowNumbers).toEqual([1, 2]);
    const byKey = Object.fromEntries(match?.bindings.map((b) => [b.column.key, b]) ?? []);
    expect(byKey.admissionDate?.index).toBe(2);
    expect(byKey.dischargeDate?.index).toBe(3);
    expect(byKey.outOfPocket?.sourceLabel).toBe('费用（万元）-自付金额');
    expect(byKey.outOfPocket?.multiplier).toBe(10_000);
    expect(byKey.name?.sourceLabel).toBe('姓名');
  });

  it('prefers a column’s own header over another column’s alias', () => {
    const housing = findFeedRecord('housing', 'house_damage');
    if (!housing) throw new Error('no record');
    const { match } = findHeader(rows(['姓名', '户主姓名', '户主身份证号']), [housing]);
    expect(match?.bindings.find((b) => b.column.key === 'name')?.index).toBe(1);
  });

  it('reports ambiguity when two record kinds fit the header equally', () => {
    const records = FEEDS.health.records;
    const found = findHeader(rows(['姓名', '身份证号', '病种', '确诊日期']), records);
    expect(found.ambiguous?.map((r) => r.kind)).toEqual(['serious_disease', 'chronic_disease']);
  });

  it('finds nothing in a sheet without a header', () => {
    expect(findHeader(rows(['说明'], ['本表用于...']), [settlement])).toEqual({});
  });
});

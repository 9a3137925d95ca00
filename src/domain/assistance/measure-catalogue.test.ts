import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from './default-catalogue.ts';
import {
  MEASURE_TYPES,
  type MergeResult,
  mergeCatalogue,
  type RegionCatalogueOverride,
  regionPrefix,
} from './measure-catalogue.ts';

const errorsOf = (r: MergeResult) => (r.ok ? [] : r.errors.map((e) => e.message));
const newSubtype = {
  code: 'local_health_insurance',
  name: '县级防返贫医疗补充保险',
  type: 'health' as const,
  lineOfDefence: 'protective' as const,
  answersRisks: ['medical' as const],
  department: 'medical_insurance' as const,
  needsLaborCapacity: false,
  content: '县财政代缴的补充医疗保险',
};

describe('default measure catalogue (SPEC §9)', () => {
  const r = mergeCatalogue(DEFAULT_CATALOGUE);

  it('is valid and covers the ten measure types of 博尔塔拉 §六', () => {
    expect(errorsOf(r)).toEqual([]);
    for (const t of MEASURE_TYPES) expect(DEFAULT_CATALOGUE.some((s) => s.type === t)).toBe(true);
  });

  it('places sub-types in the three lines of defence (枣庄)', () => {
    const line = (code: string) => DEFAULT_CATALOGUE.find((s) => s.code === code)?.lineOfDefence;
    expect(line('microcredit')).toBe('development');
    expect(line('public_welfare_job')).toBe('development');
    expect(line('dibao')).toBe('protective');
    expect(line('yulu')).toBe('protective');
    expect(line('zhi_encouragement')).toBe('spiritual');
  });

  it('names the sub-types the documents list, with their departments', () => {
    const byCode = new Map(DEFAULT_CATALOGUE.map((s) => [s.code, s]));
    for (const code of [
      'microcredit',
      'startup_loan',
      'agri_insurance',
      'dropout_return',
      'boarding_subsidy',
      'yulu',
    ]) {
      expect(byCode.has(code)).toBe(true);
    }
    for (const code of ['student_loan', 'dibao', 'tekun', 'pension', 'temp_relief', 'medical_assistance']) {
      expect(byCode.has(code)).toBe(true);
    }
    expect(byCode.get('dibao')?.department).toBe('civil_affairs');
    expect(byCode.get('dropout_return')?.department).toBe('education');
    expect(byCode.get('job_placement')?.needsLaborCapacity).toBe(true);
    expect(byCode.get('dibao')?.needsLaborCapacity).toBe(false);
  });
});

describe('mergeCatalogue: region overrides (SPEC §3, §9)', () => {
  it('applies province then county: disable, add, rename', () => {
    const r = mergeCatalogue(DEFAULT_CATALOGUE, [
      { regionCode: '620000', disable: ['consumption_support'] },
      { regionCode: '621124', add: [newSubtype], rename: [{ code: 'yulu', content: '本县雨露计划每生每年3000元' }] },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalogue.find((e) => e.code === 'consumption_support')).toMatchObject({
      enabled: false,
      disabledBy: '620000',
    });
    expect(r.catalogue.find((e) => e.code === 'local_health_insurance')).toMatchObject({
      enabled: true,
      source: '621124',
    });
    expect(r.catalogue.find((e) => e.code === 'yulu')?.content).toBe('本县雨露计划每生每年3000元');
    expect(r.catalogue.find((e) => e.code === 'yulu')?.name).toBe('雨露计划职业教育补助');
  });

  const rejects: [string, RegionCatalogueOverride[], string][] = [
    ['an unknown sub-type to disable', [{ regionCode: '621124', disable: ['nope'] }], '要停用的措施子类“nope”不存在'],
    ['disabling a statutory guarantee', [{ regionCode: '621124', disable: ['dibao'] }], '法定保障措施，不得停用'],
    [
      're-enabling below what a higher level disabled',
      [
        { regionCode: '620000', disable: ['microcredit'] },
        { regionCode: '621124', add: [{ ...newSubtype, code: 'microcredit', name: '小额信贷' }] },
      ],
      '已被区划620000停用，下级不得重新启用',
    ],
    [
      'a lower level listed before its parent or outside it',
      [{ regionCode: '621124' }, { regionCode: '530000' }],
      '不在上一级配置区划621124的范围内',
    ],
    ['a malformed region code', [{ regionCode: '62-11' }], '区划代码“62-11”无效'],
    [
      'an added sub-type with an unknown risk type and department',
      [{ regionCode: '621124', add: [{ ...newSubtype, answersRisks: ['luck' as never], department: 'x' as never }] }],
      '应对的风险类型“luck”无效',
    ],
    [
      'an added sub-type whose code exists',
      [{ regionCode: '621124', add: [{ ...newSubtype, code: 'yulu', name: '新雨露' }] }],
      '与已有的「雨露计划职业教育补助」重复',
    ],
    [
      'a rename to a name already used',
      [{ regionCode: '621124', rename: [{ code: 'pension', name: '临时救助' }] }],
      '名称须唯一',
    ],
    [
      'leaving a risk type without any enabled measure',
      [{ regionCode: '621124', disable: ['water_safety_project', 'tap_water_connection'] }],
      '没有任何启用的措施能应对「饮水」风险',
    ],
    ['an empty new name', [{ regionCode: '621124', rename: [{ code: 'yulu', name: ' ' }] }], '新名称不能为空'],
  ];
  for (const [what, overrides, message] of rejects) {
    it(`rejects ${what} with a Chinese message and applies nothing`, () => {
      const r = mergeCatalogue(DEFAULT_CATALOGUE, overrides);
      expect(r.ok).toBe(false);
      expect(errorsOf(r).join('\n')).toContain(message);
    });
  }

  it('reduces division codes to their significant prefix (SPEC §3)', () => {
    expect(regionPrefix('620000')).toBe('62');
    expect(regionPrefix('621100')).toBe('6211');
    expect(regionPrefix('621124')).toBe('621124');
    expect(regionPrefix('621124100')).toBe('621124100');
    expect(regionPrefix('621124100201')).toBe('621124100201');
    expect(regionPrefix('621124000000')).toBe('621124');
  });
});

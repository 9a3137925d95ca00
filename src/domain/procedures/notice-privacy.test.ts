import { describe, expect, it } from 'vitest';
import { assertPublicSafe, noticePrivacyViolations } from './notice-privacy.ts';

const kinds = (t: string, allowed: string[] = []) => noticePrivacyViolations(t, allowed).map((v) => v.kind);

describe('privacy rule of public notices (SPEC §8.1, counties since 2024)', () => {
  it('finds the texts the issue quotes', () => {
    expect(kinds('人均纯收入31647元，不低于监测线7500元')).toEqual(expect.arrayContaining(['amount', 'internal']));
    expect(kinds('家庭成员患病不能及时或有效治疗')).toContain('health');
    expect(kinds('建议纳入监测（须逐户分析、综合研判风险是否严重）')).toContain('internal');
  });

  it('finds ID numbers full or masked, phones, bank accounts and illness detail', () => {
    expect(kinds('身份证号530326199001011234')).toContain('id_number');
    expect(kinds('530326********1234')).toContain('id_number');
    expect(kinds('联系电话13912345678')).toContain('phone');
    expect(kinds('139****5678')).toContain('phone');
    expect(kinds('0874-5123456')).toContain('phone');
    expect(kinds('银行卡6217000010012345678')).toContain('bank');
    expect(kinds('二级肢体残疾')).toContain('health');
    expect(kinds('精神残疾，长期住院')).toContain('health');
  });

  it('allows official risk wording (因病、因残), dates, household size and the issuing body’s contacts', () => {
    const t = '户主：张三，家庭人口4人，纳入理由：因病、因残；公示期2026年9月28日至10月9日；电话：0874-0000000；12317';
    expect(kinds(t, ['0874-0000000', '12317'])).toEqual([]);
    expect(assertPublicSafe(t, ['0874-0000000', '12317'])).toBe(t);
    expect(() => assertPublicSafe('农户担心消除后失去医疗救助，联系13912345678')).toThrow(/13912345678/);
  });
});

import { describe, expect, it } from 'vitest';
import { auditFields } from '../web/src/domain/audit-fields.ts';

/** The audit page and its Excel export describe a change in Chinese (issue 14 point 5, issue 11). */
describe('audit fields in plain Chinese', () => {
  it('writes years and months as written, other numbers with thousands separators', () => {
    const fields = auditFields({ year: 2026, value: { fromYear: 2025, month: 12, days: 15 }, netIncome: 31647 });
    expect(fields).toEqual([
      { label: '年度', value: '2026' },
      { label: '设定值', value: expect.stringContaining('2025') },
      { label: '家庭纯收入', value: '31,647' },
    ]);
    expect(fields[1]?.value).not.toContain('2,025');
  });

  it('leaves out ids and names codes in Chinese', () => {
    expect(auditFields({ id: 'a', householdId: 'b', riskTypes: ['income'], disabled: true })).toEqual([
      { label: '风险类型', value: '收入' },
      { label: '停用', value: '是' },
    ]);
  });
});

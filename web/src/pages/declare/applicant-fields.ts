import type { Rule } from 'antd/es/form';
import { idNumberProblem } from '../../domain/id-number';

/**
 * Field rules the citizen's public forms share (农户自主申报 and 政府救助平台): the same checks, the same Chinese
 * messages as the server's.
 */
export const normalizePhone = (p: string): string => p.replace(/[\s-]/g, '');

export const phoneRules: Rule[] = [
  { required: true, message: '请填写手机号码' },
  {
    validator: async (_, v?: string) => {
      if (v && !/^1\d{10}$/.test(normalizePhone(v))) throw new Error('请填写11位手机号码');
    },
  },
];

export const idNumberRules: Rule[] = [
  { required: true, message: '请填写身份证号' },
  {
    validator: async (_, v?: string) => {
      const problem = v?.trim() ? idNumberProblem(v) : undefined;
      if (problem) throw new Error(problem);
    },
  },
];

export const villageRules: Rule[] = [
  { required: true, message: '请选择所在的村（社区）' },
  { pattern: /^\d{12}$/, message: '村（社区）代码应为12位数字' },
];

import { defineTemplate } from './define.ts';
import { workingDaysVariant } from './working-days-variant.ts';

/** 安徽 working-day variant (SPEC §8.1): household check within 2 working days, whole procedure within 20. */
export const ANHUI_INCLUSION = defineTemplate(
  workingDaysVariant({
    code: 'anhui-inclusion',
    name: '工作日时限程序（安徽示例：入户核实2个工作日、全程20个工作日）',
    checkDays: 2,
    totalDays: 20,
    source: 'SPEC §8.1（安徽）',
  }),
);

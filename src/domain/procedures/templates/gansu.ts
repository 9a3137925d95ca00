import { defineTemplate } from './define.ts';
import { workingDaysVariant } from './working-days-variant.ts';

/** 甘肃 working-day variant (SPEC §8.1): household check within 5 working days, whole procedure within 15. */
export const GANSU_INCLUSION = defineTemplate(
  workingDaysVariant({
    code: 'gansu-inclusion',
    name: '工作日时限程序（甘肃示例：入户核实5个工作日、全程15个工作日）',
    checkDays: 5,
    totalDays: 15,
    source: 'SPEC §8.1（甘肃）',
  }),
);

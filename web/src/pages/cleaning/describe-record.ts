import { label, PERSON_STATUS, RELATION, SEX } from '../../domain/labels';

/** The record a cleaning rule looked at (the problem's `details`), as 姓名 张三；身份证号 621124**********34 … */
const FIELDS: [key: string, name: string, show?: (v: unknown) => string][] = [
  ['name', '姓名'],
  ['idNumberMasked', '身份证号'],
  ['sex', '性别', (v) => label(SEX, String(v))],
  ['birthYear', '出生年份'],
  ['relation', '与户主关系', (v) => label(RELATION, String(v))],
  ['status', '人员状态', (v) => label(PERSON_STATUS, String(v))],
  ['headBirthYear', '户主出生年份'],
  ['code', '户编号'],
  ['heads', '户主人数'],
  ['year', '年度'],
  ['survey', '调查'],
  ['netIncome', '家庭纯收入（元）'],
  ['memberCount', '计算人数'],
  ['members', '共同生活成员'],
];

export function describeRecord(details: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, name, show] of FIELDS) {
    const v = details[key];
    if (v === null || v === undefined || v === '') continue;
    parts.push(`${name} ${show ? show(v) : String(v)}`);
  }
  return parts.join('；') || '—';
}

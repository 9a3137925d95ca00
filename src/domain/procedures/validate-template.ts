import { procedureRuleIssues } from './template-rules.ts';
import type { ProcedureTemplate } from './types.ts';

/** One problem in a template: a stable code, the field path and a Chinese message naming the field. */
export interface TemplateIssue {
  code: string;
  field: string;
  message: string;
}

export type TemplateValidation = { ok: true; value: ProcedureTemplate } | { ok: false; errors: TemplateIssue[] };

const CODE_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const LEVELS = ['village', 'township', 'county', 'department'];
const KINDS = ['inclusion', 'elimination'];
const RECORD_KINDS = ['form', 'document', 'minutes', 'photo', 'notice', 'list', 'system'];
const NOTIFICATIONS = ['acceptance', 'identification', 'exit'];
const DEADLINE_KINDS = [
  'day_of_month',
  'working_days_from_previous',
  'working_days_from_start',
  'calendar_days_from_previous',
];

type Add = (code: string, field: string, message: string) => void;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Validates a procedure template — typically a county's adaptation loaded as JSON (SPEC §8.1, §3). Checks the shape,
 * then the rules every template keeps (first step at the village, a village review with publicity of at least 5
 * days, a county-level decision after it, 三告知, authorisation / consent records, ordered deadlines) and, when
 * `parent` — the template it adapts — is given, that nothing is loosened (SPEC §3: a lower level may tighten but not
 * loosen). Every problem is reported, each with a Chinese message naming the field.
 */
export function validateTemplate(input: unknown, parent?: ProcedureTemplate): TemplateValidation {
  const errors: TemplateIssue[] = [];
  const add: Add = (code, field, message) => errors.push({ code, field, message });
  if (!isObj(input)) {
    return { ok: false, errors: [{ code: 'TEMPLATE_SHAPE', field: '(根)', message: '程序模板应为JSON对象' }] };
  }
  if (!isText(input.code) || !CODE_RE.test(input.code)) {
    add('TEMPLATE_SHAPE', 'code', 'code（模板编码）应为小写字母、数字、下划线或连字符组成的编码');
  }
  if (!isText(input.name)) add('TEMPLATE_SHAPE', 'name', 'name（模板名称）不能为空');
  if (!KINDS.includes(input.kind as string))
    add('TEMPLATE_SHAPE', 'kind', 'kind（程序类型）应为 inclusion（纳入）或 elimination（风险消除）');
  if (!isInt(input.version, 1, 1_000_000)) add('TEMPLATE_SHAPE', 'version', 'version（版本号）应为正整数');
  if (input.source !== undefined && typeof input.source !== 'string')
    add('TEMPLATE_SHAPE', 'source', 'source（来源）应为文本');
  if (
    input.defaults !== undefined &&
    !(Array.isArray(input.defaults) && input.defaults.every((d) => typeof d === 'string'))
  ) {
    add('TEMPLATE_SHAPE', 'defaults', 'defaults（默认值说明）应为文本数组');
  }
  if (!Array.isArray(input.steps) || input.steps.length < 2) {
    add('TEMPLATE_SHAPE', 'steps', 'steps（步骤）应为至少包含2个步骤的数组');
  } else {
    const codes = new Set<string>();
    input.steps.forEach((s, i) => {
      checkStep(s, `steps[${i}]`, add);
      if (isObj(s) && typeof s.code === 'string') {
        if (codes.has(s.code))
          add('TEMPLATE_DUPLICATE_STEP', `steps[${i}].code`, `steps[${i}].code（步骤编码）“${s.code}”重复`);
        codes.add(s.code);
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const template = input as unknown as ProcedureTemplate;
  errors.push(...procedureRuleIssues(template, parent));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: template };
}

function checkStep(s: unknown, f: string, add: Add): void {
  if (!isObj(s)) {
    add('TEMPLATE_SHAPE', f, `${f}（步骤）应为对象`);
    return;
  }
  if (!isText(s.code) || !CODE_RE.test(s.code))
    add('TEMPLATE_SHAPE', `${f}.code`, `${f}.code（步骤编码）应为小写字母、数字、下划线或连字符`);
  if (!isText(s.name)) add('TEMPLATE_SHAPE', `${f}.name`, `${f}.name（步骤名称）不能为空`);
  if (!LEVELS.includes(s.level as string)) {
    add(
      'TEMPLATE_SHAPE',
      `${f}.level`,
      `${f}.level（办理层级）应为 village（村）、township（乡镇）、county（县）或 department（部门）`,
    );
  }
  if (s.description !== undefined && typeof s.description !== 'string')
    add('TEMPLATE_SHAPE', `${f}.description`, `${f}.description（说明）应为文本`);
  if (!Array.isArray(s.records)) add('TEMPLATE_SHAPE', `${f}.records`, `${f}.records（留存资料）应为数组`);
  else {
    const codes = new Set<string>();
    s.records.forEach((r, j) => {
      const rf = `${f}.records[${j}]`;
      if (!isObj(r)) {
        add('TEMPLATE_SHAPE', rf, `${rf}（留存资料）应为对象`);
        return;
      }
      if (!isText(r.code) || !CODE_RE.test(r.code))
        add('TEMPLATE_SHAPE', `${rf}.code`, `${rf}.code（资料编码）格式不正确`);
      else if (codes.has(r.code))
        add('TEMPLATE_DUPLICATE_RECORD', `${rf}.code`, `${rf}.code（资料编码）“${r.code}”在本步骤中重复`);
      else codes.add(r.code);
      if (!isText(r.name)) add('TEMPLATE_SHAPE', `${rf}.name`, `${rf}.name（资料名称）不能为空`);
      if (!RECORD_KINDS.includes(r.kind as string)) add('TEMPLATE_SHAPE', `${rf}.kind`, `${rf}.kind（资料类型）不正确`);
      if (typeof r.required !== 'boolean')
        add('TEMPLATE_SHAPE', `${rf}.required`, `${rf}.required（是否必备）应为 true 或 false`);
      if (r.alternatives !== undefined && !(Array.isArray(r.alternatives) && r.alternatives.every(isText))) {
        add('TEMPLATE_SHAPE', `${rf}.alternatives`, `${rf}.alternatives（可替代资料）应为资料编码数组`);
      }
    });
  }
  if (s.deadline !== undefined) checkDeadline(s.deadline, `${f}.deadline`, add);
  if (s.publicity !== undefined) {
    const p = s.publicity;
    if (!isObj(p) || !isInt(p.days, 1, 60) || (p.unit !== 'working' && p.unit !== 'calendar')) {
      add(
        'TEMPLATE_SHAPE',
        `${f}.publicity`,
        `${f}.publicity（公示）应为 { days: 1至60的整数, unit: "working"（工作日）或 "calendar"（自然日） }`,
      );
    }
    if (
      isObj(p) &&
      p.upheldReturnsTo !== undefined &&
      !(isText(p.upheldReturnsTo) && CODE_RE.test(p.upheldReturnsTo))
    ) {
      add(
        'TEMPLATE_SHAPE',
        `${f}.publicity.upheldReturnsTo`,
        `${f}.publicity.upheldReturnsTo（异议属实退回步骤）应为步骤编码`,
      );
    }
  }
  if (s.notification !== undefined && !NOTIFICATIONS.includes(s.notification as string)) {
    add(
      'TEMPLATE_SHAPE',
      `${f}.notification`,
      `${f}.notification（告知）应为 acceptance（受理告知）、identification（认定告知）或 exit（退出告知）`,
    );
  }
  if (s.meeting !== undefined && s.meeting !== true)
    add('TEMPLATE_SHAPE', `${f}.meeting`, `${f}.meeting（评议会议）只能为 true 或省略`);
}

function checkDeadline(d: unknown, f: string, add: Add): void {
  if (!isObj(d) || !DEADLINE_KINDS.includes(d.kind as string)) {
    add('TEMPLATE_SHAPE', `${f}.kind`, `${f}.kind（时限类型）应为 ${DEADLINE_KINDS.join('、')} 之一`);
    return;
  }
  if (d.kind === 'day_of_month') {
    if (!isInt(d.day, 1, 31)) add('TEMPLATE_SHAPE', `${f}.day`, `${f}.day（每月几号前完成）应为1至31的整数`);
  } else if (!isInt(d.days, 1, 365)) {
    add('TEMPLATE_SHAPE', `${f}.days`, `${f}.days（时限天数）应为1至365的整数`);
  }
}

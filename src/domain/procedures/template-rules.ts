import type { ProcedureTemplate, StepDeadline, StepDef } from './types.ts';
import type { TemplateIssue } from './validate-template.ts';

/** Shortest publicity the documents allow: 会泽 "公示5个工作日", 博尔塔拉 "公示期不少于5天" (SPEC §8.1). */
export const MIN_PUBLICITY_DAYS = 5;

const NOTICE_NAMES = { acceptance: '受理告知', identification: '认定告知', exit: '退出告知' } as const;

/**
 * The procedural rules every template keeps (SPEC §8.1, §8.3) and, given the template it adapts, the "tighten,
 * never loosen" rule of SPEC §3. Called by `validateTemplate` once the shape is known to be right.
 */
export function procedureRuleIssues(t: ProcedureTemplate, parent?: ProcedureTemplate): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const add = (code: string, field: string, message: string) => out.push({ code, field, message });
  const steps = t.steps;
  const kindName = t.kind === 'inclusion' ? '纳入' : '风险消除';

  if (steps[0]?.level !== 'village') {
    add(
      'TEMPLATE_FIRST_STEP_NOT_VILLAGE',
      'steps[0].level',
      'steps[0].level：第一个步骤应由村级办理（村提名单、申请或入户核实），退回时才有村级步骤可退',
    );
  }
  const publicityAt = steps.findIndex((s) => s.level === 'village' && s.publicity);
  if (publicityAt < 0) {
    add('TEMPLATE_NO_VILLAGE_PUBLICITY', 'steps', `steps：${kindName}程序必须包含村级公示步骤（publicity）`);
  }
  steps.forEach((s, i) => {
    const back = s.publicity?.upheldReturnsTo;
    if (back !== undefined) {
      const at = steps.findIndex((x) => x.code === back);
      if (at < 0 || at > i || steps[at]?.level !== 'village') {
        add(
          'TEMPLATE_INVALID_RETURN_TARGET',
          `steps[${i}].publicity.upheldReturnsTo`,
          `steps[${i}].publicity.upheldReturnsTo：异议属实时应退回本步骤或之前的村级步骤，“${back}”不符合`,
        );
      }
    }
  });
  steps.forEach((s, i) => {
    if (s.publicity && s.publicity.days < MIN_PUBLICITY_DAYS) {
      add(
        'TEMPLATE_PUBLICITY_TOO_SHORT',
        `steps[${i}].publicity.days`,
        `steps[${i}].publicity.days：公示期不得少于${MIN_PUBLICITY_DAYS}天`,
      );
    }
  });
  if (t.kind === 'inclusion') {
    const meetingAt = steps.findIndex((s) => s.level === 'village' && s.meeting);
    if (meetingAt < 0) {
      add(
        'TEMPLATE_NO_VILLAGE_REVIEW',
        'steps',
        'steps：纳入程序必须包含村级民主评议步骤（meeting: true），记录参会人员和表决情况',
      );
    } else if (publicityAt >= 0 && meetingAt > publicityAt) {
      add(
        'TEMPLATE_REVIEW_AFTER_PUBLICITY',
        `steps[${meetingAt}].meeting`,
        `steps[${meetingAt}]：民主评议应在村级公示之前或同一步骤（评议后公示）`,
      );
    }
  }
  const decision = t.kind === 'inclusion' ? 'identification' : 'exit';
  const decisionSteps = steps.flatMap((s, i) => (s.notification === decision ? [i] : []));
  if (decisionSteps.length !== 1) {
    add(
      'TEMPLATE_NO_COUNTY_DECISION',
      'steps',
      `steps：${kindName}程序必须有且只有一个县级确定步骤（notification: "${decision}"，产生${NOTICE_NAMES[decision]}），现有${decisionSteps.length}个`,
    );
  } else {
    const at = decisionSteps[0] as number;
    if (steps[at]?.level !== 'county') {
      add(
        'TEMPLATE_DECISION_NOT_COUNTY',
        `steps[${at}].level`,
        `steps[${at}].level：${NOTICE_NAMES[decision]}所在的确定步骤应由县级办理`,
      );
    }
    if (publicityAt >= 0 && at < publicityAt) {
      add('TEMPLATE_DECISION_BEFORE_PUBLICITY', `steps[${at}]`, `steps[${at}]：县级确定应在村级公示之后`);
    }
  }
  steps.forEach((s, i) => {
    const wrong =
      t.kind === 'inclusion'
        ? s.notification === 'exit'
        : s.notification === 'acceptance' || s.notification === 'identification';
    if (wrong && s.notification) {
      add(
        'TEMPLATE_WRONG_NOTIFICATION',
        `steps[${i}].notification`,
        `steps[${i}].notification：${kindName}程序不产生${NOTICE_NAMES[s.notification]}`,
      );
    }
  });
  const acceptance = steps.flatMap((s, i) => (s.notification === 'acceptance' ? [i] : []));
  if (acceptance.length > 1) add('TEMPLATE_DUPLICATE_NOTIFICATION', 'steps', 'steps：受理告知只能由一个步骤产生');
  if (
    acceptance.length === 1 &&
    decisionSteps.length === 1 &&
    (acceptance[0] as number) > (decisionSteps[0] as number)
  ) {
    add(
      'TEMPLATE_NOTIFICATION_ORDER',
      `steps[${acceptance[0]}].notification`,
      `steps[${acceptance[0]}]：受理告知应在认定告知之前`,
    );
  }
  const mustRequire =
    t.kind === 'inclusion'
      ? ['authorization', '《授权承诺书》（农户授权查询家庭资产信息）']
      : ['consent', '监测对象知情同意（不同意时记录调查情况）'];
  if (!steps.some((s) => s.records.some((r) => r.code === mustRequire[0] && r.required))) {
    add(
      'TEMPLATE_RECORD_REQUIRED',
      'steps',
      `steps：${kindName}程序必须有步骤要求留存${mustRequire[1]}（资料编码 ${mustRequire[0]}）`,
    );
  }
  out.push(...deadlineOrderIssues(steps));
  if (parent) out.push(...loosenedIssues(t, parent));
  return out;
}

function deadlineOrderIssues(steps: StepDef[]): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  for (const kind of ['day_of_month', 'working_days_from_start'] as const) {
    let last = 0;
    steps.forEach((s, i) => {
      const d = s.deadline;
      if (d?.kind !== kind) return;
      const v = kind === 'day_of_month' ? (d as { day: number }).day : (d as { days: number }).days;
      if (v < last) {
        const field = `steps[${i}].deadline.${kind === 'day_of_month' ? 'day' : 'days'}`;
        out.push({
          code: 'TEMPLATE_DEADLINE_ORDER',
          field,
          message: `${field}：时限不能早于前面步骤的时限（${last}）`,
        });
      }
      last = Math.max(last, v);
    });
  }
  return out;
}

/** Comparable size of a deadline of the same kind: a larger number is looser. */
function deadlineSize(d: StepDeadline): number {
  return d.kind === 'day_of_month' ? d.day : d.days;
}

function loosenedIssues(t: ProcedureTemplate, parent: ProcedureTemplate): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const add = (code: string, field: string, message: string) => out.push({ code, field, message });
  if (t.kind !== parent.kind)
    add('TEMPLATE_KIND_CHANGED', 'kind', `kind：不能把上级模板的程序类型（${parent.kind}）改为${t.kind}`);
  if (t.code === parent.code && t.version <= parent.version) {
    add('TEMPLATE_VERSION', 'version', `version：调整后的模板版本号应大于上级模板版本号（${parent.version}）`);
  }
  const byCode = new Map(t.steps.map((s, i) => [s.code, { s, i }]));
  for (const ps of parent.steps) {
    const found = byCode.get(ps.code);
    if (!found) {
      add(
        'TEMPLATE_STEP_REMOVED',
        'steps',
        `steps：不能删除上级模板的步骤“${ps.name}”（${ps.code}）；可改名称、时限或增加资料`,
      );
      continue;
    }
    const { s, i } = found;
    const f = `steps[${i}]`;
    if (s.level !== ps.level)
      add('TEMPLATE_LEVEL_CHANGED', `${f}.level`, `${f}.level：不能改变上级模板“${ps.name}”的办理层级`);
    if (ps.meeting && !s.meeting)
      add('TEMPLATE_LOOSENED', `${f}.meeting`, `${f}.meeting：不能取消上级模板要求的民主评议`);
    if (ps.notification && s.notification !== ps.notification) {
      add(
        'TEMPLATE_LOOSENED',
        `${f}.notification`,
        `${f}.notification：不能取消或改变上级模板的${NOTICE_NAMES[ps.notification]}`,
      );
    }
    if (ps.publicity) {
      const p = s.publicity;
      const looser = !p || p.days < ps.publicity.days || (ps.publicity.unit === 'working' && p.unit === 'calendar');
      if (looser) {
        const unit = ps.publicity.unit === 'working' ? '个工作日' : '天';
        add(
          'TEMPLATE_LOOSENED',
          `${f}.publicity`,
          `${f}.publicity：公示不能少于上级模板规定的${ps.publicity.days}${unit}`,
        );
      }
    }
    if (ps.deadline && !s.deadline)
      add('TEMPLATE_LOOSENED', `${f}.deadline`, `${f}.deadline：不能取消上级模板规定的时限`);
    if (
      ps.deadline &&
      s.deadline &&
      ps.deadline.kind === s.deadline.kind &&
      deadlineSize(s.deadline) > deadlineSize(ps.deadline)
    ) {
      add(
        'TEMPLATE_LOOSENED',
        `${f}.deadline`,
        `${f}.deadline：时限不能晚于上级模板规定的${deadlineSize(ps.deadline)}`,
      );
    }
    for (const r of ps.records) {
      if (!r.required) continue;
      if (!s.records.some((x) => x.code === r.code && x.required)) {
        add(
          'TEMPLATE_LOOSENED',
          `${f}.records`,
          `${f}.records：不能取消上级模板要求的必备资料“${r.name}”（${r.code}）`,
        );
      }
    }
  }
  return out;
}

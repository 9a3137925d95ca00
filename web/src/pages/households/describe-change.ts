import type { AuditItem } from '../../api/types';
import {
  DISABILITY_CATEGORY,
  EDUCATION,
  EMPLOYMENT,
  HEALTH,
  LABOR,
  label,
  MONITORING_STATUS,
  PERSON_STATUS,
  RELATION,
} from '../../domain/labels';
import { formatYuan } from '../../domain/money';
import { CLUE_CHANNEL, CLUE_RESULT, CLUE_SOURCE_KIND } from '../../domain/procedure-labels';

const FIELDS: Record<string, [string, ((v: unknown) => string)?]> = {
  address: ['住址'],
  liftedOut: ['脱贫户', (v) => (v ? '是' : '否')],
  liftedOutYear: ['脱贫年度'],
  responsiblePerson: ['帮扶责任人'],
  responsiblePhone: ['责任人电话'],
  headPersonId: ['户主'],
  monitoringStatus: ['监测状态', (v) => label(MONITORING_STATUS, String(v))],
  name: ['姓名'],
  relation: ['与户主关系', (v) => label(RELATION, String(v))],
  status: ['状态', (v) => label(PERSON_STATUS, String(v))],
  health: ['健康状况', (v) => label(HEALTH, String(v))],
  disabilityCategory: ['残疾类别', (v) => label(DISABILITY_CATEGORY, v as string | null)],
  disabilityLevel: ['残疾等级'],
  labor: ['劳动能力', (v) => label(LABOR, String(v))],
  education: ['在校情况', (v) => label(EDUCATION, v as string | null)],
  employment: ['务工情况', (v) => label(EMPLOYMENT, v as string | null)],
  employmentMonths: ['务工月数'],
  insuredMedical: ['参加医保', (v) => (v ? '是' : '否')],
  insuredPension: ['参加养老保险', (v) => (v ? '是' : '否')],
  publicServant: ['财政供养人员', (v) => (v ? '是' : '否')],
  paidVillageCadre: ['在职村干部', (v) => (v ? '是' : '否')],
  phone: ['联系电话'],
};

const show = (v: unknown, fmt?: (v: unknown) => string) =>
  v === null || v === undefined || v === '' ? '空' : fmt ? fmt(v) : String(v);

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/**
 * Where a clue came from: channel and source, and for a screening rule its code (`department:CODE`), so that a clue
 * raised by screening or by a regional risk event reads as such in the household's history (SPEC §6, §10, §11).
 */
function clueSource(after: Record<string, unknown>): string {
  const ref = typeof after.sourceRef === 'string' ? after.sourceRef : '';
  const rule = after.sourceKind === 'rule' && ref.includes(':') ? ` ${ref.slice(ref.indexOf(':') + 1)}` : '';
  const parts = [
    typeof after.channel === 'string' ? label(CLUE_CHANNEL, after.channel) : '',
    typeof after.sourceKind === 'string' ? `${label(CLUE_SOURCE_KIND, after.sourceKind)}${rule}` : '',
  ];
  return parts.filter(Boolean).join('·') || '—';
}

/** One line per change, in Chinese, for the history tab (SPEC §4.1: the whole history of every change). */
export function describeChange(item: AuditItem): string[] {
  const before = asObject(item.before);
  const after = asObject(item.after);
  switch (item.action) {
    case 'household.create': {
      const members = (after.members as { name: string; relation: string }[] | undefined) ?? [];
      return [
        `建档，户编号 ${show(after.code)}，成员：${members.map((m) => `${m.name}（${label(RELATION, m.relation)}）`).join('、')}`,
      ];
    }
    case 'person.create':
      return [
        `新增成员 ${show(after.name)}（${label(RELATION, after.relation as string)}），身份证号 ${show(after.idNumber)}`,
      ];
    case 'income.record':
      return [
        `${show(after.year)}年${after.survey === 'annual' ? '年度收支' : show(after.survey)}：家庭纯收入 ${formatYuan(after.netIncome as number)}，人均纯收入 ${formatYuan(after.perCapitaNetIncome as number)}${item.before ? '（更新原有记录）' : ''}`,
      ];
    case 'person.reveal_id':
      return ['查看了本户成员的完整身份证号'];
    case 'household.read':
      return ['查阅档案'];
    case 'clue.create':
      return [`线索来源：${clueSource(after)}${after.finding ? `；${String(after.finding)}` : ''}`];
    case 'clue.merge':
      return [`同一情况再次报送（${clueSource(after)}），已合并到未销号的线索`];
    case 'clue.assign':
      return [`核实人：${show(after.assignee)}`];
    case 'clue.close':
      return [
        `处理结果：${label(CLUE_RESULT, after.result as string | undefined)}${after.note ? `；${String(after.note)}` : ''}`,
      ];
    default: {
      const lines: string[] = [];
      for (const [key, [name, fmt] = ['']] of Object.entries(FIELDS)) {
        if (!(key in after) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
        lines.push(`${name}：${show(before[key], fmt)} → ${show(after[key], fmt)}`);
      }
      if (item.action === 'person.update' && before.name) lines.unshift(`成员 ${String(before.name)}`);
      return lines.length ? lines : ['（无字段变化）'];
    }
  }
}

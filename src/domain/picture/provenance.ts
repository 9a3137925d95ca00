import { findFeed, findFeedRecord } from '../feeds/index.ts';
import type { DepartmentRecordInput, IncomeRowInput, Provenance, SurveyInput, VisitInput } from './picture.types.ts';

/** "张某": a member named in a reason without the full name (SPEC §17; the reason may be read to neighbours). */
export const maskedName = (name: string | null | undefined) => (name ? `${name.slice(0, 1)}某` : '某');

/** '2026-10' → '2026年10月'. */
export const periodText = (period: string) => {
  const [y, m] = period.split('-');
  return m ? `${y}年${Number(m)}月` : `${y}年`;
};

/** Date columns that say when a record's fact happened, by kind; the first present one is the record's date. */
const DATE_KEYS: Record<string, readonly string[]> = {
  vehicle: ['purchaseDate', 'registrationDate'],
  settlement: ['settlementDate', 'dischargeDate', 'admissionDate'],
  property_registration: ['registrationDate'],
  business_entity: ['registrationDate'],
  register_change: ['changeDate'],
  traffic_accident: ['accidentDate'],
  social_assistance: ['startDate'],
  disability_certificate: ['issueDate'],
  employment: ['workStartDate'],
  pension: ['statusDate'],
  public_servant: ['startDate'],
  village_cadre: ['startDate'],
  large_scale_operator: ['registrationDate'],
};

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** When the record's fact happened; null when the record carries no date (its period then stands for it). */
export function recordDate(r: DepartmentRecordInput): string | null {
  for (const k of DATE_KEYS[r.recordKind] ?? []) if (isDate(r.data[k])) return r.data[k];
  for (const v of Object.values(r.data)) if (isDate(v)) return v;
  return null;
}

export const fenToYuan = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n / 100 : null;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

const PENSION_STATUS: Record<string, string> = {
  paying: '参保缴费',
  receiving: '领取养老金',
  suspended: '养老保险暂停',
  terminated: '养老保险终止',
  not_insured: '未参加养老保险',
};

const ASSISTANCE: Record<string, string> = { dibao: '低保', tekun: '特困供养', temporary_relief: '临时救助' };
const ASSISTANCE_STATUS: Record<string, string> = { added: '新增', active: '在保', ended: '停保' };
const CHANGE: Record<string, string> = {
  birth: '出生登记',
  marriage_in: '婚入',
  marriage_out: '婚出',
  move_in: '迁入',
  move_out: '迁出',
  death: '死亡注销',
  deregistered: '户籍注销',
};

/** What the record says, in the words of a reason: "购买小型普通客车". */
function recordSummary(r: DepartmentRecordInput): string {
  const d = r.data;
  switch (r.recordKind) {
    case 'vehicle':
      return `购买${str(d.vehicleType) ?? '车辆（类型未填）'}`;
    case 'property_registration':
      return `登记${str(d.propertyType) ?? '房产'}${d.area !== undefined && d.area !== null ? `${d.area}平方米` : ''}`;
    case 'business_entity':
      return `任${str(d.entityName) ?? '经营主体'}（${str(d.entityType) ?? '类型未填'}${str(d.status) ? `，${str(d.status)}` : ''}）法定代表人`;
    case 'settlement': {
      const oop = fenToYuan(d.outOfPocket);
      return oop === null ? '住院结算未填个人自付金额' : `住院结算个人自付${oop}元`;
    }
    case 'register_change':
      return CHANGE[String(d.changeType)] ?? '户籍变动';
    case 'traffic_accident':
      return d.injury === 'death' ? '交通事故死亡' : d.injury === 'serious_injury' ? '交通事故重伤' : '交通事故受伤';
    case 'social_assistance':
      return `${ASSISTANCE[String(d.assistanceType)] ?? '救助'}${ASSISTANCE_STATUS[String(d.status)] ?? ''}`;
    case 'disability_certificate':
      return `持${d.level ?? ''}级残疾人证`;
    case 'employment': {
      const wage = fenToYuan(d.lastMonthWage);
      const where = str(d.employer) ?? str(d.workPlace) ?? '务工';
      const ended = isDate(d.workEndDate) ? `，${d.workEndDate}结束务工` : '';
      return `在${where}务工${wage === null ? '（上月工资未填）' : `，上月工资${wage}元`}${ended}`;
    }
    case 'pension': {
      const monthly = fenToYuan(d.monthlyPension);
      const status = PENSION_STATUS[String(d.status)] ?? '养老保险';
      return d.status === 'receiving'
        ? monthly === null
          ? '领取养老金（月领取金额未填）'
          : `领取养老金每月${monthly}元`
        : status;
    }
    case 'public_servant':
      return `为财政供养人员（${str(d.employer) ?? '单位未填'}${str(d.position) ? `，${str(d.position)}` : ''}）`;
    case 'village_cadre':
      return `任村干部（${str(d.position) ?? '职务未填'}）领取报酬`;
    case 'large_scale_operator':
      return `为规模经营主体（${str(d.entityName) ?? str(d.operatorType) ?? '类型未填'}${d.employees !== undefined && d.employees !== null ? `，雇工${d.employees}人` : ''}）`;
    default:
      return findFeedRecord(r.department, r.recordKind)?.name ?? r.recordKind;
  }
}

/** 公安局2026年10月车辆登记：成员张某购买小型普通客车（2026-06-10） */
export function departmentProvenance(
  r: DepartmentRecordInput,
  personName: string | null,
): Extract<Provenance, { kind: 'department' }> {
  const departmentName = findFeed(r.department)?.name ?? r.department;
  const recordName = findFeedRecord(r.department, r.recordKind)?.name ?? r.recordKind;
  const date = recordDate(r);
  const who = personName ? `成员${maskedName(personName)}` : '';
  return {
    kind: 'department',
    department: r.department,
    departmentName,
    recordKind: r.recordKind,
    recordName,
    period: r.period,
    importId: r.importId,
    row: r.row,
    recordId: r.id,
    date,
    text: `${departmentName}${periodText(r.period)}${recordName}：${who}${recordSummary(r)}${date ? `（${date}）` : ''}`,
  };
}

export function incomeProvenance(row: IncomeRowInput): Provenance {
  const text =
    row.survey === 'annual'
      ? `${row.year}年度收支（基础数据库）`
      : `${row.year}年收支调查“${row.survey}”${row.surveyedOn ? `（${row.surveyedOn}）` : ''}`;
  return { kind: 'registry', what: 'income', year: row.year, survey: row.survey, surveyedOn: row.surveyedOn, text };
}

export function surveyProvenance(s: SurveyInput): Provenance {
  const kind = s.kind === 'elimination' ? '风险消除入户调查' : '入户调查';
  return {
    kind: 'survey',
    surveyId: s.id,
    surveyKind: s.kind,
    surveyedOn: s.surveyedOn,
    surveyor: s.recordedBy,
    text: `${s.surveyedOn}${kind}（调查人${s.recordedBy}）`,
  };
}

export const registryProvenance = (what: 'member' | 'household', text: string): Provenance => ({
  kind: 'registry',
  what,
  text,
});

export function visitProvenance(v: VisitInput): Provenance {
  return {
    kind: 'visit',
    clueId: v.clueId,
    visitedOn: v.visitedOn,
    visitor: v.visitor,
    text: `${v.visitedOn}入户排查（排查人${v.visitor}）`,
  };
}

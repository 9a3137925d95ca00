import type { HouseholdInput, MemberInput } from '../assessment/index.ts';
import { findFeedRecord } from '../feeds/index.ts';
import type {
  DepartmentRecordInput,
  DepartmentRuleInput,
  HouseholdPicture,
  IncomeRowInput,
  PictureConflict,
  PictureFact,
  PictureInput,
  PictureMemberInput,
  Provenance,
  RecordFinding,
  RecordOutcome,
} from './picture.types.ts';
import {
  departmentProvenance,
  fenToYuan,
  incomeProvenance,
  recordDate,
  registryProvenance,
  surveyProvenance,
  visitProvenance,
} from './provenance.ts';
import { type RecordTestData, recordTest } from './record-test.ts';

/** Exclusion items of SPEC §7.2 that a department record can establish for the whole household, by fact key. */
const HOUSEHOLD_EXCLUSION_KEYS: Record<number, { key: string; label: string }> = {
  3: { key: 'consumerCar', label: '购买消费型汽车（第3类）' },
  4: { key: 'urbanProperty', label: '城镇购房或商铺（第4类）' },
  5: { key: 'registeredCompany', label: '经营公司或企业（第5类）' },
  6: { key: 'largeScaleOperator', label: '规模经营或雇工（第6类）' },
  10: { key: 'creditDefaulter', label: '失信惩戒（第10类）' },
};
/** Items that are facts of a member: a public servant (1), a salaried village cadre (2). */
const MEMBER_EXCLUSION_KEYS: Record<number, { key: 'publicServant' | 'paidVillageCadre'; label: string }> = {
  1: { key: 'publicServant', label: '国家公职人员（第1类）' },
  2: { key: 'paidVillageCadre', label: '村“三委”干部领取薪酬（第2类）' },
};

/**
 * The assessment window of a year (SPEC §4.3: figures are per year): department records dated inside it are the
 * year's evidence; medical settlements are summed over it; assets registered after it do not count for the year.
 */
export const windowOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The income row a year is assessed on (SPEC §7.4 "newest survey first", "the newer figure prevails for amounts"):
 * the newest figure of the year — a survey dated by its survey date, the annual figure by when it was entered — so a
 * December survey is not hidden by an annual row entered before it, and an annual figure entered after a survey
 * replaces it. Same day: the survey first.
 */
export function chooseIncome(rows: readonly IncomeRowInput[], year: number): IncomeRowInput | undefined {
  // A survey date stands for the end of that day (a survey beats a figure entered the same day); an entry time is
  // compared to the millisecond.
  const on = (r: IncomeRowInput) =>
    r.survey !== 'annual' && r.surveyedOn ? `${r.surveyedOn}T99` : new Date(r.recordedAt).toISOString();
  return rows.filter((r) => r.year === year).sort((a, b) => on(b).localeCompare(on(a)))[0];
}

const FEN_FIELDS = (r: DepartmentRecordInput) =>
  new Set(
    (findFeedRecord(r.department, r.recordKind)?.columns ?? []).filter((c) => c.type === 'yuan').map((c) => c.key),
  );

interface Classified {
  outcome: RecordOutcome;
  rule: DepartmentRuleInput | null;
}

/** A record against the exclusion rules of its kind (SPEC §10 rules as data, the region's thresholds). */
function classifyExclusion(
  r: DepartmentRecordInput,
  rules: readonly DepartmentRuleInput[],
  member: PictureMemberInput,
  monitoringStatus: string,
): Classified | null {
  const mine = rules.filter(
    (x) => x.signal === 'exclusion' && x.department === r.department && x.recordKind === r.recordKind,
  );
  if (mine.length === 0) return null;
  const lookup = (field: string): unknown => {
    if (field.startsWith('person.')) return (member as unknown as Record<string, unknown>)[field.slice(7)];
    if (field === 'household.monitoring_status') return monitoringStatus;
    return r.data[field];
  };
  let best: Classified | null = null;
  for (const rule of mine) {
    const outcome = recordTest(rule.condition as RecordTestData, lookup, rule.thresholds, FEN_FIELDS(r));
    if (outcome === 'pass') {
      const applies = rule.exclusionItem !== null && rule.severity !== 'low';
      return { outcome: applies ? 'exclusion' : 'reference', rule };
    }
    if (!best || (best.outcome === 'not_exclusion' && outcome === 'unknown')) {
      best = { outcome: outcome === 'excluded' ? 'not_exclusion' : 'unknown_type', rule };
    }
  }
  return best;
}

const inWindow = (date: string | null, period: string, w: { from: string; to: string }) => {
  const d = date ?? `${period}-01`;
  return d >= w.from && d <= w.to;
};
const notAfter = (date: string | null, period: string, w: { to: string }) => (date ?? `${period}-01`) <= w.to;

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** Months from the month of `from` to the month of `to`, both counted ('2026-03-15'…'2026-05-02' → 3). */
const monthsBetween = (from: string, to: string) =>
  Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) + 1;
/** The last day of a 'YYYY-MM' period: what a department reported for the month is known at its end. */
const periodEnd = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 人社 reports the same job and the same pension again every period: the newest period's record speaks for it, the
 * older ones are `superseded` (shown, not summed twice). Key: person, kind, and for a job its employer and start.
 */
function incomeRecordKey(r: DepartmentRecordInput): string | null {
  if (r.department !== 'hr_social_security') return null;
  if (r.recordKind === 'employment')
    return `${r.personId}|employment|${String(r.data.employer ?? '')}|${String(r.data.workStartDate ?? '')}`;
  if (r.recordKind === 'pension') return `${r.personId}|pension`;
  return null;
}

/** A department income figure of the year (人社 wages, pensions) with its sources and when it was known. */
interface DepartmentIncome {
  sum: number;
  sources: Provenance[];
  asOf: string;
}

/** Chinese names of the survey's facts (the 研判 panel shows them; codes are for the machine). */
const SURVEY_LABELS: Record<string, string> = {
  consumerCar: '购买消费型汽车（第3类）',
  urbanProperty: '城镇购房或商铺（第4类）',
  registeredCompany: '经营公司或企业（第5类）',
  largeScaleOperator: '规模经营或雇工（第6类）',
  deliberateSplit: '故意分户或合户（第7类）',
  emptyRegistration: '空挂户（第8类）',
  creditDefaulter: '失信惩戒（第10类）',
  dropout: '义务教育阶段辍学',
  medicalUnaffordable: '医疗费用无力承担',
  housingAppraisal: '住房安全鉴定等级',
  waterUnsafe: '饮水不安全',
  industryLoss: '产业经营亏损',
  laborLoss: '主要劳动力丧失',
};

const MEMBER_STATUS_TEXT: Record<string, string> = {
  normal: '正常',
  deceased: '已死亡',
  imprisoned: '服刑',
  missing: '失踪',
  not_sharing: '不共享收支',
};

/**
 * Builds the household picture of a year (SPEC §7.4): registry members and incomes, the newest survey's facts and the
 * department records linked to the household's members, merged with the documented precedence — the department
 * that is the authority on a fact prevails for it (公安 vehicles and household register, 自然资源/住建 property,
 * 市场监管 business entities, 医保 settlements, 民政 低保/特困, 残联 disability) — and every disagreement kept as a
 * conflict for the cadre to explain. Pure: the caller loads the rows.
 */
export function buildPicture(input: PictureInput): HouseholdPicture {
  const { year, household, survey } = input;
  const window = windowOf(year);
  const facts: PictureFact[] = [];
  const conflicts: PictureConflict[] = [];
  const findings: RecordFinding[] = [];
  const surveySource = survey ? surveyProvenance(survey) : null;
  const sf = survey?.facts ?? {};

  // Members: registry, then 公安 deaths and 残联 certificates (the authorities on register and disability).
  const members = input.members.map((m) => ({ ...m }));
  const memberById = new Map(members.map((m) => [m.personId, m]));
  const memberIndex = new Map(members.map((m, i) => [m.personId, i]));
  const registryMember = (m: PictureMemberInput) =>
    registryProvenance(
      'member',
      `基础数据库家庭成员：${m.name.slice(0, 1)}某（${MEMBER_STATUS_TEXT[m.status] ?? m.status}）`,
    );

  const record = (
    r: DepartmentRecordInput,
    outcome: RecordOutcome,
    who: PictureMemberInput | undefined,
    extra: Partial<RecordFinding> = {},
  ) => {
    const source = departmentProvenance(r, who?.name ?? null);
    const finding: RecordFinding = {
      recordId: r.id,
      department: r.department,
      departmentName: source.departmentName,
      recordKind: r.recordKind,
      recordName: source.recordName,
      outcome,
      rule: null,
      exclusionItem: null,
      personName: who ? `${who.name.slice(0, 1)}某` : null,
      date: source.date,
      amount: null,
      text: source.text,
      source,
      ...extra,
    };
    findings.push(finding);
    return finding;
  };

  // Deaths first: a dead member's other records are then "not counted".
  const sorted = [...input.records].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const deaths = new Map<string, RecordFinding['source']>();
  for (const r of sorted) {
    if (r.department !== 'public_security' || r.recordKind !== 'register_change' || r.data.changeType !== 'death')
      continue;
    const m = r.personId ? memberById.get(r.personId) : undefined;
    if (!m) continue;
    const date = recordDate(r);
    if (!notAfter(date, r.period, window)) continue;
    const f = record(r, 'death', m);
    deaths.set(m.personId, f.source);
  }
  for (const [personId, source] of deaths) {
    const m = memberById.get(personId) as PictureMemberInput;
    const i = memberIndex.get(personId) as number;
    if (m.status !== 'deceased') {
      conflicts.push({
        key: `members[${i}].status`,
        label: '家庭成员状态',
        claims: [
          { value: m.status, source: registryMember(m) },
          { value: 'deceased', source },
        ],
        used: 'deceased',
        precedence: 'authority',
        text: `基础数据库记${m.name.slice(0, 1)}某为${MEMBER_STATUS_TEXT[m.status] ?? m.status}，${source.text}；以公安户籍为准，不计入家庭人口`,
      });
      m.status = 'deceased';
    }
    facts.push({ key: `members[${i}].status`, label: '家庭成员状态', value: 'deceased', sources: [source] });
  }

  // Department records, one outcome each.
  const exclusionEvidence = new Map<string, { label: string; sources: Provenance[]; member?: number }>();
  const medical: { sum: number; sources: Provenance[] } = { sum: 0, sources: [] };
  let backstop: { value: 'dibao' | 'tekun' | null; source: Provenance; date: string } | null = null;
  const wages: DepartmentIncome = { sum: 0, sources: [], asOf: '' };
  const pensions: DepartmentIncome = { sum: 0, sources: [], asOf: '' };
  const newestReport = new Map<string, DepartmentRecordInput>();
  for (const r of sorted) {
    const key = incomeRecordKey(r);
    const seen = key ? newestReport.get(key) : undefined;
    if (key && (!seen || r.period >= seen.period)) newestReport.set(key, r);
  }
  const addIncome = (into: DepartmentIncome, amount: number, f: RecordFinding, period: string) => {
    into.sum = round2(into.sum + amount);
    into.sources.push(f.source);
    const end = periodEnd(period);
    if (end > into.asOf) into.asOf = end;
  };
  for (const r of sorted) {
    if (findings.some((f) => f.recordId === r.id)) continue;
    const m = r.personId ? memberById.get(r.personId) : undefined;
    if (!m) {
      record(r, 'person_not_member', undefined, {
        text: `${departmentProvenance(r, null).text}（该人员已不在本户，未采用）`,
      });
      continue;
    }
    if (m.status !== 'normal') {
      record(r, 'member_not_counted', m);
      continue;
    }
    const date = recordDate(r);
    const exclusion = classifyExclusion(r, input.rules, m, household.monitoringStatus);
    if (exclusion) {
      const item = exclusion.rule?.exclusionItem ?? null;
      if (exclusion.outcome === 'exclusion' && !notAfter(date, r.period, window)) {
        record(r, 'outside_window', m, { rule: exclusion.rule?.code ?? null, exclusionItem: item });
        continue;
      }
      const f = record(r, exclusion.outcome, m, { rule: exclusion.rule?.code ?? null, exclusionItem: item });
      if (exclusion.outcome === 'exclusion' && item !== null) {
        const hk = HOUSEHOLD_EXCLUSION_KEYS[item];
        const mk = MEMBER_EXCLUSION_KEYS[item];
        const key = hk ? `exclusions.${hk.key}` : mk ? `members[${memberIndex.get(m.personId)}].${mk.key}` : null;
        if (key) {
          const e = exclusionEvidence.get(key) ?? {
            label: hk?.label ?? mk?.label ?? '',
            sources: [],
            ...(mk ? { member: memberIndex.get(m.personId) as number } : {}),
          };
          e.sources.push(f.source);
          exclusionEvidence.set(key, e);
        }
      }
      continue;
    }
    if (r.department === 'medical_insurance' && r.recordKind === 'settlement') {
      const oop = fenToYuan(r.data.outOfPocket);
      if (oop === null) record(r, 'missing_amount', m);
      else if (!inWindow(date, r.period, window)) record(r, 'outside_window', m, { amount: oop });
      else {
        const f = record(r, 'medical_counted', m, { amount: oop });
        medical.sum = Math.round((medical.sum + oop) * 100) / 100;
        medical.sources.push(f.source);
      }
      continue;
    }
    if (r.department === 'civil_affairs' && r.recordKind === 'social_assistance') {
      const type = r.data.assistanceType;
      if (type !== 'dibao' && type !== 'tekun') {
        record(r, 'information', m);
        continue;
      }
      if (!notAfter(date, r.period, window)) {
        record(r, 'outside_window', m);
        continue;
      }
      const f = record(r, 'backstop', m);
      const end = typeof r.data.endDate === 'string' ? r.data.endDate : null;
      const ended = r.data.status === 'ended' || (end !== null && end <= window.to);
      const d = date ?? `${r.period}-01`;
      if (!backstop || d >= backstop.date) backstop = { value: ended ? null : type, source: f.source, date: d };
      continue;
    }
    if (r.department === 'disabled_federation' && r.recordKind === 'disability_certificate') {
      const level = Number(r.data.level);
      const valid = !['cancelled', 'expired'].includes(String(r.data.status)) && level >= 1 && level <= 4;
      if (!valid || !notAfter(date, r.period, window)) {
        record(r, valid ? 'outside_window' : 'information', m);
        continue;
      }
      const f = record(r, 'disability', m);
      const i = memberIndex.get(m.personId) as number;
      if (m.health !== 'disabled' || m.disabilityLevel !== level) {
        conflicts.push({
          key: `members[${i}].disabilityLevel`,
          label: '残疾等级',
          claims: [
            { value: m.health === 'disabled' ? m.disabilityLevel : null, source: registryMember(m) },
            { value: level, source: f.source },
          ],
          used: level,
          precedence: 'authority',
          text: `基础数据库与${f.source.text}不一致；以残联残疾人证为准`,
        });
        m.health = 'disabled';
        m.disabilityLevel = level;
      }
      facts.push({ key: `members[${i}].disabilityLevel`, label: '残疾等级', value: level, sources: [f.source] });
      continue;
    }
    const incomeKey = incomeRecordKey(r);
    if (incomeKey && newestReport.get(incomeKey) !== r) {
      record(r, 'superseded', m);
      continue;
    }
    if (r.department === 'hr_social_security' && r.recordKind === 'employment') {
      // The year's wage from this job: last month's wage times the months worked inside the window (SPEC §10 人社:
      // start date, last month's wage, end date of returnees); a job still running counts to the window's end.
      const start =
        isDay(r.data.workStartDate) && r.data.workStartDate > window.from ? r.data.workStartDate : window.from;
      const end = isDay(r.data.workEndDate) && r.data.workEndDate < window.to ? r.data.workEndDate : window.to;
      const wage = fenToYuan(r.data.lastMonthWage);
      if (start > end) record(r, 'outside_window', m);
      else if (wage === null) record(r, 'missing_amount', m);
      else {
        const months = monthsBetween(start, end);
        const amount = round2(wage * months);
        const f = record(r, 'income_counted', m, { amount });
        f.text = `${f.text}；${year}年务工${months}个月，折合${amount}元`;
        addIncome(wages, amount, f, r.period);
      }
      continue;
    }
    if (r.department === 'hr_social_security' && r.recordKind === 'pension') {
      if (r.data.status !== 'receiving') {
        record(r, 'information', m);
        continue;
      }
      const start = isDay(r.data.statusDate) && r.data.statusDate > window.from ? r.data.statusDate : window.from;
      const monthly = fenToYuan(r.data.monthlyPension);
      if (start > window.to) record(r, 'outside_window', m);
      else if (monthly === null) record(r, 'missing_amount', m);
      else {
        const months = monthsBetween(start, window.to);
        const amount = round2(monthly * months);
        const f = record(r, 'income_counted', m, { amount });
        f.text = `${f.text}；${year}年领取${months}个月，合计${amount}元`;
        addIncome(pensions, amount, f, r.period);
      }
      continue;
    }
    record(r, 'information', m);
  }

  // Two departments disagreeing: a record of a person dated after that person's 公安 death.
  for (const f of findings) {
    const r = sorted.find((x) => x.id === f.recordId);
    const death = r?.personId ? deaths.get(r.personId) : undefined;
    if (!r || !death || f.outcome === 'death' || !f.date || !death.date || f.date <= death.date) continue;
    conflicts.push({
      key: `records.${f.recordId}`,
      label: '部门数据相互矛盾',
      claims: [
        { value: 'deceased', source: death },
        { value: f.recordName, source: f.source },
      ],
      used: 'deceased',
      precedence: 'authority',
      text: `${death.text}，但${f.source.text}晚于死亡日期；以公安户籍为准，请核实`,
    });
  }

  // Exclusions: the department that is the authority prevails over the survey (SPEC §7.4).
  const surveyExclusions = (sf.exclusions ?? {}) as Record<string, boolean | undefined>;
  const exclusions: Record<string, boolean> = {};
  for (const { key } of Object.values(HOUSEHOLD_EXCLUSION_KEYS)) {
    const s = surveyExclusions[key];
    if (s !== undefined) exclusions[key] = s;
  }
  for (const k of ['deliberateSplit', 'emptyRegistration']) {
    const s = surveyExclusions[k];
    if (s !== undefined) exclusions[k] = s;
  }
  const memberFlags = new Map<number, { publicServant?: boolean; paidVillageCadre?: boolean }>();
  for (const [key, e] of exclusionEvidence) {
    const surveyKey = key.startsWith('exclusions.') ? key.slice('exclusions.'.length) : null;
    const surveySaid = surveyKey ? surveyExclusions[surveyKey] : undefined;
    if (surveyKey) exclusions[surveyKey] = true;
    else if (e.member !== undefined) {
      const flag = key.endsWith('publicServant') ? 'publicServant' : 'paidVillageCadre';
      memberFlags.set(e.member, { ...memberFlags.get(e.member), [flag]: true });
      const m = members[e.member] as PictureMemberInput;
      if (!m[flag]) {
        // The registry does not know what the staffing department does: shown, the department prevails (SPEC §7.4).
        conflicts.push({
          key,
          label: e.label,
          claims: [
            { value: false, source: registryMember(m) },
            ...e.sources.map((source) => ({ value: true, source })),
          ],
          used: true,
          precedence: 'authority',
          text: `基础数据库未记${m.name.slice(0, 1)}某为${flag === 'publicServant' ? '公职人员' : '领取报酬的村干部'}，${e.sources.map((s) => s.text).join('；')}；以部门数据为准`,
        });
      }
    }
    facts.push({ key, label: e.label, value: true, sources: e.sources });
    if (surveySaid === false && surveySource) {
      conflicts.push({
        key,
        label: e.label,
        claims: [{ value: false, source: surveySource }, ...e.sources.map((source) => ({ value: true, source }))],
        used: true,
        precedence: 'authority',
        text: `入户调查记为“无”，${e.sources.map((s) => s.text).join('；')}；以部门数据为准`,
      });
    }
  }
  if (surveySource) {
    for (const [k, v] of Object.entries(surveyExclusions)) {
      if (v === true && !exclusionEvidence.has(`exclusions.${k}`)) {
        facts.push({ key: `exclusions.${k}`, label: SURVEY_LABELS[k] ?? k, value: true, sources: [surveySource] });
      }
    }
  }

  // Incomes: newest survey first, annual as fallback.
  const income = chooseIncome(input.incomes, year);
  const previous = chooseIncome(input.incomes, year - 1);
  const incomeSource = income ? incomeProvenance(income) : null;
  // 人社 wages and pensions against the survey/registry figure: the newer figure prevails for amounts (SPEC §7.4);
  // every disagreement is a conflict. A pension is part of transfer income, which holds other transfers too, so
  // it disagrees only when it exceeds the whole transfer figure.
  let wageUsed = income?.wage ?? 0;
  let transferUsed = income?.transfer ?? 0;
  const incomeSources: Provenance[] = incomeSource ? [incomeSource] : [];
  if (income && incomeSource) {
    const incomeOn =
      income.survey !== 'annual' && income.surveyedOn ? income.surveyedOn : income.recordedAt.slice(0, 10);
    const weigh = (
      dept: DepartmentIncome,
      key: 'income.wage' | 'income.transfer',
      label: string,
      what: string,
      registryValue: number,
      disagrees: boolean,
    ): number => {
      if (dept.sources.length === 0) return registryValue;
      const newer = dept.asOf > incomeOn;
      const used = disagrees && newer ? dept.sum : registryValue;
      if (disagrees) {
        conflicts.push({
          key,
          label,
          claims: [
            { value: registryValue, source: incomeSource },
            ...dept.sources.map((source) => ({ value: source.text, source })),
          ],
          used,
          precedence: 'newer',
          text: `${incomeSource.text}记${label.replace(/（元）$/, '')}${registryValue}元，人社局${what}${year}年合计${dept.sum}元（截至${dept.asOf}）；以较新的${newer ? '人社数据' : '收支记录'}为准`,
        });
      }
      const sources = used === dept.sum ? dept.sources : [incomeSource];
      if (used === dept.sum && used !== registryValue) incomeSources.push(...dept.sources);
      facts.push({ key, label, value: used, sources: disagrees ? sources : [incomeSource, ...dept.sources] });
      return used;
    };
    wageUsed = weigh(wages, 'income.wage', '工资性收入（元）', '务工就业信息', income.wage, wages.sum !== income.wage);
    transferUsed = weigh(
      pensions,
      'income.transfer',
      '转移性收入（元）',
      '养老保险待遇',
      income.transfer,
      pensions.sum > income.transfer,
    );
    const net = wageUsed + income.businessNet + income.property + transferUsed;
    facts.push({
      key: 'income',
      label: '家庭纯收入（元）',
      value: round2(net),
      sources: incomeSources,
    });
  }
  if (previous) {
    const net = previous.wage + previous.businessNet + previous.property + previous.transfer;
    facts.push({
      key: 'previousIncome',
      label: '上年家庭纯收入（元）',
      value: Math.round(net * 100) / 100,
      sources: [incomeProvenance(previous)],
    });
  }

  // Medical out-of-pocket: 医保 settlements in the window are the authority (SPEC §7.4).
  let medicalUsed = income?.medical ?? 0;
  if (medical.sources.length > 0) {
    if (income && incomeSource && income.medical !== medical.sum) {
      conflicts.push({
        key: 'rigidExpenditure.medical',
        label: '医疗自付费用（元）',
        claims: [
          { value: income.medical, source: incomeSource },
          ...medical.sources.map((source) => ({ value: source.text, source })),
        ],
        used: medical.sum,
        precedence: 'authority',
        text: `${incomeSource.text}记医疗自付${income.medical}元，医保住院结算${window.from}至${window.to}个人自付合计${medical.sum}元；以医保结算为准`,
      });
    }
    medicalUsed = medical.sum;
    facts.push({
      key: 'rigidExpenditure.medical',
      label: '医疗自付费用（元）',
      value: medical.sum,
      sources: medical.sources,
    });
  } else if (income && incomeSource) {
    facts.push({
      key: 'rigidExpenditure.medical',
      label: '医疗自付费用（元）',
      value: income.medical,
      sources: [incomeSource],
    });
  }

  // Backstop: 民政 is the authority on 低保/特困.
  let backstopUsed = household.backstop;
  const bs = backstop as { value: 'dibao' | 'tekun' | null; source: Provenance; date: string } | null;
  if (bs) {
    if (bs.value !== household.backstop) {
      conflicts.push({
        key: 'backstop',
        label: '兜底保障',
        claims: [
          { value: household.backstop, source: registryProvenance('household', '基础数据库农户兜底保障状态') },
          { value: bs.value, source: bs.source },
        ],
        used: bs.value,
        precedence: 'authority',
        text: `基础数据库与${bs.source.text}不一致；以民政数据为准`,
      });
    }
    backstopUsed = bs.value;
    facts.push({ key: 'backstop', label: '兜底保障', value: bs.value, sources: [bs.source] });
  }

  // Survey facts the registry does not hold.
  if (surveySource) {
    const risks = (sf.risks ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(risks)) {
      if (v !== undefined && v !== false && v !== null) {
        facts.push({
          key: `risks.${k}`,
          label: SURVEY_LABELS[k] ?? k,
          value: v as string | boolean,
          sources: [surveySource],
        });
      }
    }
    if (sf.suddenEvent)
      facts.push({ key: 'suddenEvent', label: '突发事件', value: sf.suddenEvent, sources: [surveySource] });
    if (sf.majorFamilyEvent)
      facts.push({ key: 'majorFamilyEvent', label: '重大家庭变故', value: true, sources: [surveySource] });
  }

  // Visit findings (入户排查, issue 9 point 6): facts of the year; a visit newer than the survey prevails over it
  // (the newer observation), shown as a conflict where the survey said otherwise.
  const risks: Record<string, unknown> = { ...((sf.risks ?? {}) as Record<string, unknown>) };
  let suddenEvent = (sf.suddenEvent ?? null) as string | null;
  const visits = (input.visits ?? [])
    .filter((v) => v.visitedOn >= window.from && v.visitedOn <= window.to)
    .sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));
  for (const v of visits) {
    const source = visitProvenance(v);
    const newerThanSurvey = !survey || v.visitedOn >= survey.surveyedOn;
    for (const [k, value] of Object.entries(v.findings.risks ?? {})) {
      if (value === undefined || value === null || value === false) continue;
      const surveySaid = ((sf.risks ?? {}) as Record<string, unknown>)[k];
      if (surveySaid !== undefined && surveySaid !== null && surveySaid !== value && surveySource) {
        conflicts.push({
          key: `risks.${k}`,
          label: SURVEY_LABELS[k] ?? k,
          claims: [
            { value: surveySaid as string | boolean, source: surveySource },
            { value: value as string | boolean, source },
          ],
          used: (newerThanSurvey ? value : surveySaid) as string | boolean,
          precedence: 'newer',
          text: `${surveySource.text}与${source.text}对“${SURVEY_LABELS[k] ?? k}”记录不一致；以较新的记录为准`,
        });
        if (!newerThanSurvey) continue;
      }
      risks[k] = value;
      facts.push({
        key: `risks.${k}`,
        label: SURVEY_LABELS[k] ?? k,
        value: value as string | boolean,
        sources: [source],
      });
    }
    if (v.findings.suddenEvent && (!suddenEvent || newerThanSurvey)) {
      suddenEvent = v.findings.suddenEvent;
      facts.push({ key: 'suddenEvent', label: '突发事件', value: suddenEvent, sources: [source] });
    }
    const reported = v.findings.medicalExpense;
    if (typeof reported === 'number' && income && incomeSource) {
      const incomeOn =
        income.survey !== 'annual' && income.surveyedOn ? income.surveyedOn : income.recordedAt.slice(0, 10);
      if (medical.sources.length > 0) {
        if (reported !== medical.sum) {
          conflicts.push({
            key: 'rigidExpenditure.medical.visit',
            label: '医疗自付费用（元）',
            claims: [{ value: reported, source }, ...medical.sources.map((s) => ({ value: s.text, source: s }))],
            used: medical.sum,
            precedence: 'authority',
            text: `${source.text}记医疗自付${reported}元，医保住院结算合计${medical.sum}元；以医保结算为准`,
          });
        }
      } else if (v.visitedOn >= incomeOn && reported !== medicalUsed) {
        conflicts.push({
          key: 'rigidExpenditure.medical',
          label: '医疗自付费用（元）',
          claims: [
            { value: medicalUsed, source: incomeSource },
            { value: reported, source },
          ],
          used: reported,
          precedence: 'newer',
          text: `${incomeSource.text}记医疗自付${medicalUsed}元，${source.text}记${reported}元；以较新的记录为准`,
        });
        medicalUsed = reported;
        const i = facts.findIndex((f) => f.key === 'rigidExpenditure.medical');
        if (i >= 0) facts.splice(i, 1);
        facts.push({
          key: 'rigidExpenditure.medical',
          label: '医疗自付费用（元）',
          value: reported,
          sources: [source],
        });
      }
    }
  }

  const inputHousehold: HouseholdInput | null = income
    ? {
        id: household.code,
        regionCode: household.regionCode,
        liftedOutOfPoverty: household.liftedOut,
        members: members.map((m, i) => ({
          idNumber: m.idNumber,
          name: m.name,
          relation: m.relation as MemberInput['relation'],
          status: m.status as MemberInput['status'],
          labor: m.labor as MemberInput['labor'],
          health: m.health as MemberInput['health'],
          disabilityLevel: m.disabilityLevel,
          education: m.education as MemberInput['education'],
          publicServant: m.publicServant || memberFlags.get(i)?.publicServant === true,
          paidVillageCadre: m.paidVillageCadre || memberFlags.get(i)?.paidVillageCadre === true,
        })),
        closeRelativePublicServant: sf.closeRelativePublicServant ?? false,
        income: {
          wage: wageUsed,
          businessNet: income.businessNet,
          property: income.property,
          transfer: transferUsed,
        },
        previousIncome: previous
          ? {
              wage: previous.wage,
              businessNet: previous.businessNet,
              property: previous.property,
              transfer: previous.transfer,
            }
          : null,
        rigidExpenditure: {
          medical: medicalUsed,
          education: income.education,
          disaster: income.disaster,
          accident: income.accident,
        },
        risks: risks as HouseholdInput['risks'],
        suddenEvent: suddenEvent as HouseholdInput['suddenEvent'],
        exclusions: exclusions as HouseholdInput['exclusions'],
        majorFamilyEvent: sf.majorFamilyEvent ?? false,
        backstop: backstopUsed,
        consentToElimination: sf.consentToElimination ?? null,
      }
    : null;

  return {
    householdId: household.id,
    code: household.code,
    year,
    window,
    income: income && incomeSource ? { year, source: incomeSource } : null,
    previousIncome: previous ? { year: year - 1, source: incomeProvenance(previous) } : null,
    facts,
    records: findings,
    conflicts,
    input: inputHousehold,
  };
}

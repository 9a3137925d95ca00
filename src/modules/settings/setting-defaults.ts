/**
 * Defaults of per-region configuration (SPEC §3 "rules are data"), each with what a county sees and may change: its
 * Chinese name, its fields and their limits (from which the JSON schema, the validator and the edit form are made),
 * which fields a lower level may only tighten, and the domain's own check of a whole value.
 *
 * A region's value is its own newest row merged field by field over its ancestors' newest rows, over the default
 * (`region-settings.ts`). Every number here is a "default" in SPEC's sense.
 *
 * Tighten, never loosen (SPEC §3 names the monitoring line, procedure templates, deadlines and screening
 * thresholds): a field with `tighter` may be set below only in that direction. Deadlines (days) tighten downwards;
 * identification and warning thresholds tighten downwards too, because a lower threshold finds more households — as
 * a higher monitoring line does. Ages that define a group (义务教育适龄, 特困 ages), months and contacts are facts of
 * the place, not strictness: any level sets them freely within their limits.
 */
import { DEFAULT_THRESHOLDS, validateThresholds } from '../../domain/assessment/thresholds.ts';
import { checkTekunAges, DEFAULT_TEKUN_AGES } from '../../domain/assistance/household-facts.ts';
import { noticePrivacyViolations } from '../../domain/procedures/notice-privacy.ts';
import { DEFAULT_NOTICE_ISSUERS, DEFAULT_NOTICE_WORDING } from '../../domain/procedures/notice-wording.ts';
import { MIN_SINGLE_LEVEL_DAYS } from '../../domain/procedures/publicity-levels.ts';

/** How a field is typed, checked and entered. `share`: a fraction in (0, 1]; `amount`: yuan, at most 2 decimals. */
export type SettingFieldKind = 'integer' | 'number' | 'share' | 'amount' | 'text' | 'months' | 'choice';

export interface SettingField {
  /** Chinese name in forms and messages. */
  label: string;
  kind: SettingFieldKind;
  min?: number;
  max?: number;
  /** Decimals allowed for `number` (shares allow 4, amounts 2). */
  decimals?: number;
  /** For `text`. */
  maxLength?: number;
  unit?: string;
  /** For `choice`: the stored values and their Chinese names, in the order a form offers them. */
  options?: readonly { value: string; label: string }[];
  /** SPEC §3: the direction in which a lower level may move it ('lower': only the same or lower than above). */
  tighter?: 'lower' | 'higher';
}

export interface SettingDefinition {
  name: string;
  description: string;
  /** The SPEC section it serves. */
  spec: string;
  default: Readonly<Record<string, unknown>>;
  fields: Readonly<Record<string, SettingField>>;
  /** Fields every stored value carries; the others may be left out and are then inherited from above. */
  required: readonly string[];
  /** Pairs [from, to] that must not be reversed in the merged value. */
  ranges?: readonly (readonly [string, string])[];
  /**
   * The domain's own check of the merged value, the one its readers apply: a second net, so that what can be saved
   * is exactly what can be used. Returns Chinese messages.
   */
  check?: (merged: Record<string, unknown>) => string[];
}

/** The names of the notice wording's fields, for its own check's messages (which a county reads). */
const WORDING_LABELS: Record<string, string> = {
  income: '收入风险',
  education: '教育风险',
  medical: '医疗风险',
  housing: '住房风险',
  water: '饮水风险',
  industry_employment: '产业就业风险',
  other: '其他风险',
  fallback: '风险类型未定时',
  elimination: '风险消除理由',
};

const days = (label: string): SettingField => ({
  label,
  kind: 'integer',
  min: 1,
  max: 90,
  unit: '天',
  tighter: 'lower',
});

export const SETTING_DEFINITIONS = {
  'assessment.thresholds': {
    name: '研判阈值',
    description:
      '识别纳入研判所用的阈值（大额医疗支出、收入大幅下降、灾害损失），以及教育风险所用的义务教育适龄范围（默认6–16周岁）。',
    spec: '§7.3',
    default: DEFAULT_THRESHOLDS,
    fields: {
      medicalShareOfIncome: { label: '医疗支出占家庭纯收入比例', kind: 'share', tighter: 'lower' },
      medicalAmount: { label: '大额医疗支出金额', kind: 'amount', max: 1_000_000_000, unit: '元', tighter: 'lower' },
      incomeDropShare: { label: '家庭纯收入下降比例', kind: 'share', tighter: 'lower' },
      disasterAmount: { label: '灾害损失金额', kind: 'amount', max: 1_000_000_000, unit: '元', tighter: 'lower' },
      compulsoryEducationAgeFrom: { label: '义务教育适龄起始年龄', kind: 'integer', min: 3, max: 25, unit: '周岁' },
      compulsoryEducationAgeTo: { label: '义务教育适龄截止年龄', kind: 'integer', min: 3, max: 25, unit: '周岁' },
    },
    required: [],
    ranges: [['compulsoryEducationAgeFrom', 'compulsoryEducationAgeTo']],
    check: (merged) => validateThresholds(merged, '阈值').map((e) => e.message),
  },
  'clues.dueDays': {
    name: '线索核实时限',
    description:
      '线索自接收起须在多少天内入户核实并作出处理决定（默认15天，各县现行做法）；逾期线索列入逾期清单，上一级可见。',
    spec: '§6',
    default: { days: 15 },
    fields: { days: days('核实时限') },
    required: ['days'],
  },
  'clues.visitPhotos': {
    name: '入户走访照片',
    description: '干部入户走访（含离线走访）每次最多可附的照片数；照片在手机上压缩后上传，作为走访佐证。',
    spec: '§6',
    default: { perVisit: 4 },
    fields: { perVisit: { label: '每次走访照片数', kind: 'integer', min: 0, max: 12, unit: '张' } },
    required: ['perVisit'],
  },
  'assistance.responsibleDays': {
    name: '帮扶责任人落实时限',
    description: '纳入监测后须在多少天内明确帮扶责任人，逾期列入帮扶缺口。',
    spec: '§9',
    default: { days: 15 },
    fields: { days: days('落实时限') },
    required: ['days'],
  },
  'assistance.tekunAges': {
    name: '特困供养年龄',
    description:
      '帮扶计划建议判断“疑似特困”所用的年龄：老年人起始年龄（默认60周岁）、未成年人年龄上限（默认未满16周岁）。',
    spec: '§9',
    default: DEFAULT_TEKUN_AGES,
    fields: {
      elderlyAge: { label: '老年人起始年龄', kind: 'integer', min: 50, max: 80, unit: '周岁' },
      tekunMinorAge: { label: '未成年人年龄上限', kind: 'integer', min: 1, max: 25, unit: '周岁' },
    },
    required: [],
    check: (merged) => checkTekunAges(merged),
  },
  'cycle.concentratedScreenings': {
    name: '集中排查月份',
    description: '开展集中排查的月份（YYYY-MM）；这些月份不再进行月度常规排查调度。',
    spec: '§8.2',
    default: { months: [] as string[] },
    fields: { months: { label: '集中排查月份', kind: 'months' } },
    required: ['months'],
  },
  'publicity.objectionContact': {
    name: '公示异议受理方式',
    description:
      '公示公告上写明的异议受理地点、电话、网上渠道和监督举报电话（全国防止返贫监测帮扶热线12317）；未设定地点时写村（居）民委员会。',
    spec: '§8.1',
    default: { hotline: '12317' } as { place?: string; phone?: string; online?: string; hotline?: string },
    fields: {
      place: { label: '受理地点', kind: 'text', maxLength: 100 },
      phone: { label: '受理电话', kind: 'text', maxLength: 40 },
      online: { label: '网上受理渠道', kind: 'text', maxLength: 200 },
      hotline: { label: '监督举报电话', kind: 'text', maxLength: 40 },
    },
    required: [],
  },
  // Issue 10 point 3: since 2024 counties publicise once, in the village, for at least 5 working days.
  'publicity.levels': {
    name: '公示层级',
    description:
      '按程序模板在各级公示，或只在村内公示一次（2024年起各县做法：村级公示不少于5个工作日，乡镇、县级不再公示公告）。只影响此后启动的程序；已在办理的程序按启动时的规定办理。',
    spec: '§8.1',
    default: { mode: 'template', villageDays: MIN_SINGLE_LEVEL_DAYS } as { mode: string; villageDays: number },
    fields: {
      mode: {
        label: '公示方式',
        kind: 'choice',
        options: [
          { value: 'template', label: '按程序模板规定的各级公示' },
          { value: 'village_only', label: '仅在村内公示一次' },
        ],
      },
      villageDays: {
        label: '村级公示天数',
        kind: 'integer',
        min: MIN_SINGLE_LEVEL_DAYS,
        max: 30,
        unit: '个工作日',
        tighter: 'higher',
      },
    },
    required: [],
  },
  'risk.anomaly': {
    name: '区域异常预警参数',
    description: '某村、乡镇当月新增线索或纳入率高于前几个月平均水平的倍数、对比月数和每千户新增线索下限，超过即预警。',
    spec: '§11',
    default: { factorOverAverage: 2, months: 6, minNewCluesPer1000: 5 },
    fields: {
      factorOverAverage: {
        label: '高于前期平均的倍数',
        kind: 'number',
        min: 1,
        max: 10,
        decimals: 2,
        unit: '倍',
        tighter: 'lower',
      },
      months: { label: '对比前期月数', kind: 'integer', min: 1, max: 24, unit: '个月' },
      minNewCluesPer1000: {
        label: '每千户新增线索下限',
        kind: 'number',
        min: 0,
        max: 1000,
        decimals: 2,
        unit: '条',
        tighter: 'lower',
      },
    },
    required: [],
  },
  'relief.limits': {
    name: '政府救助平台时限与防滥用',
    description:
      '救助申请超期未办结多少天后上报州市、省级监管（云南为10天）；同一手机号、同一身份证号每天最多可提交的申请数；每件申请最多可附的照片数。',
    spec: '§14',
    default: { escalateAfterDays: 10, perPhonePerDay: 3, perIdPerDay: 3, photosPerRequest: 6 },
    fields: {
      escalateAfterDays: { label: '上报上级监管天数', kind: 'integer', min: 1, max: 60, unit: '天', tighter: 'lower' },
      perPhonePerDay: { label: '每个手机号每天申请数', kind: 'integer', min: 1, max: 50, unit: '件' },
      perIdPerDay: { label: '每个身份证号每天申请数', kind: 'integer', min: 1, max: 50, unit: '件' },
      photosPerRequest: { label: '每件申请照片数', kind: 'integer', min: 0, max: 12, unit: '张' },
    },
    required: [],
  },
  // 明白卡 (SPEC §16): what every card prints besides the household's own data.
  'card.contact': {
    name: '明白卡咨询电话',
    description: '明白卡上印的政策咨询和监督电话（全国为12317）、卡片标题和列出的政策数；县里可改为本地热线。',
    spec: '§16',
    default: { hotline: '12317', title: '防止返贫监测帮扶明白卡', policies: 8 },
    fields: {
      hotline: { label: '咨询电话', kind: 'text', maxLength: 40 },
      title: { label: '卡片标题', kind: 'text', maxLength: 30 },
      policies: { label: '每张卡列出的政策数', kind: 'integer', min: 0, max: 20, unit: '项' },
    },
    required: [],
  },
  // 专项行动 (SPEC §15, issue 17): 瓦房 "市里开展抽查，比例不低于30%"; a lower level may only raise the minimum.
  'campaigns.spotCheck': {
    name: '专项行动抽查与整改',
    description:
      '抽查村的最低比例（默认30%，下级只能提高）、每个抽中村抽查的农户数、问题整改默认时限，以及逾期问题每隔多少天再上升一级督办。',
    spec: '§15',
    default: { minRatio: 0.3, householdsPerVillage: 5, rectifyDays: 15, escalateEveryDays: 7 },
    fields: {
      minRatio: { label: '抽查村最低比例', kind: 'share', tighter: 'higher' },
      householdsPerVillage: {
        label: '每村抽查农户数',
        kind: 'integer',
        min: 0,
        max: 200,
        unit: '户',
        tighter: 'higher',
      },
      rectifyDays: days('问题整改默认时限'),
      escalateEveryDays: days('逾期问题逐级上升间隔'),
    },
    required: [],
  },
  // Notices and publicity (issue 10): public-safe wording and issuing bodies, never literals in code.
  'notices.wording': {
    name: '公示和告知书用语',
    description:
      '公示、告知书中“纳入理由”按风险类型使用的规范表述，以及“风险消除理由”；不得写收入金额、病情、身份证号、电话、银行账号或入户记录。',
    spec: '§8.1',
    default: DEFAULT_NOTICE_WORDING,
    fields: Object.fromEntries(
      Object.entries(WORDING_LABELS).map(([k, label]) => [
        k,
        { label, kind: 'text', maxLength: k === 'elimination' ? 100 : 40 } satisfies SettingField,
      ]),
    ),
    required: [],
    check: (merged) =>
      Object.entries(merged).flatMap(([k, v]) =>
        noticePrivacyViolations(String(v)).map((x) => `${WORDING_LABELS[k] ?? '公开用语'}：不得包含“${x.match}”`),
      ),
  },
  'notices.issuers': {
    name: '告知书署名',
    description:
      '乡镇、县级作出决定时告知书的署名；{township}为乡镇人民政府（街道办事处），{county}为县名。村级署名按区划自动为村民委员会或居民委员会。',
    spec: '§8.1',
    default: DEFAULT_NOTICE_ISSUERS,
    fields: {
      township: { label: '乡镇署名', kind: 'text', maxLength: 60 },
      county: { label: '县级署名', kind: 'text', maxLength: 60 },
    },
    required: [],
  },
  'exports.retentionDays': {
    name: '导出文件保存期限',
    description: '后台导出生成的Excel文件在服务器上保存的天数，期满自动删除（文件含个人信息，不宜久存）。',
    spec: '§17',
    default: { days: 7 },
    fields: { days: { label: '保存天数', kind: 'integer', min: 1, max: 90, unit: '天', tighter: 'lower' } },
    required: ['days'],
  },
  'audit.retentionMonths': {
    name: '审计日志保存期限',
    description:
      '审计日志在系统中保存的月数，不少于6个月（等保2.0三级）。更早的记录只能由系统管理员用 shouxian audit archive 归档为文件后移出，归档文件仍可校验。',
    spec: '§17',
    default: { months: 6 },
    fields: { months: { label: '保存月数', kind: 'integer', min: 6, max: 120, unit: '个月', tighter: 'higher' } },
    required: ['months'],
  },
} as const satisfies Record<string, SettingDefinition>;

export type KnownSettingKey = keyof typeof SETTING_DEFINITIONS;

/** Keys stored in region_settings: the ones above, and those other modules keep (procedure template, catalogue). */
export type SettingKey = KnownSettingKey | (string & {});

export const SETTING_DEFAULTS = Object.fromEntries(
  Object.entries(SETTING_DEFINITIONS).map(([key, d]) => [key, d.default]),
) as { [K in KnownSettingKey]: (typeof SETTING_DEFINITIONS)[K]['default'] };

/** The definition of a key this module edits; other keys are set through their own module's API. */
export function settingDefinition(key: string): SettingDefinition | undefined {
  return Object.hasOwn(SETTING_DEFINITIONS, key)
    ? (SETTING_DEFINITIONS as Record<string, SettingDefinition>)[key]
    : undefined;
}

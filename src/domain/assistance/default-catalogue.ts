import type { RiskType } from './household-facts.ts';
import type { DepartmentCode, LineOfDefence, MeasureSubtype, MeasureType } from './measure-catalogue.ts';

/**
 * The default measure catalogue (SPEC §9): the ten types of 博尔塔拉 §六 (一)–(十) with the sub-types the documents
 * name, plus 扶志扶智 (会泽 §四(一), 博尔塔拉 §六 preamble) as the spiritual line of 枣庄's 三道防线. 枣庄 names the three
 * lines but does not say which measure falls in which; the assignment below is ours (development: measures that
 * raise income by work or production; protective: guarantees; spiritual: motivation). Regions adapt it with
 * `mergeCatalogue`.
 */

type Row = readonly [
  code: string,
  name: string,
  risks: readonly RiskType[],
  department: DepartmentCode,
  needsLaborCapacity: boolean,
  content: string,
  mandatory?: boolean,
];

function group(type: MeasureType, line: LineOfDefence, source: string, rows: readonly Row[]): MeasureSubtype[] {
  return rows.map(([code, name, answersRisks, department, needsLaborCapacity, content, mandatory]) => ({
    code,
    name,
    type,
    lineOfDefence: line,
    answersRisks,
    department,
    needsLaborCapacity,
    content,
    source,
    ...(mandatory ? { mandatory } : {}),
  }));
}

const INCOME_WORK: readonly RiskType[] = ['income', 'industry_employment'];

export const DEFAULT_CATALOGUE: readonly MeasureSubtype[] = [
  ...group('industry', 'development', '博尔塔拉 §六(一)', [
    [
      'industry_support',
      '产业发展奖补',
      INCOME_WORK,
      'agriculture',
      true,
      '支持发展牲畜养殖、林果、设施农业、庭院经济等特色产业，落实产业奖补',
    ],
    [
      'benefit_linkage',
      '联农带农利益联结',
      INCOME_WORK,
      'agriculture',
      false,
      '通过合作社、龙头企业、致富带头人带动，落实资产收益、入股分红等利益联结',
    ],
    [
      'consumption_support',
      '消费帮扶',
      INCOME_WORK,
      'agriculture',
      true,
      '组织销售监测对象生产的农副产品，稳定经营性收入',
    ],
  ]),
  ...group('finance', 'development', '博尔塔拉 §六(二)', [
    [
      'microcredit',
      '脱贫人口小额信贷',
      INCOME_WORK,
      'central_bank',
      true,
      '为符合条件的脱贫人口和监测对象发放小额信贷，用于发展生产',
    ],
    [
      'startup_loan',
      '创业担保贷款',
      INCOME_WORK,
      'hr_social_security',
      true,
      '为有创业意愿的监测对象落实创业担保贷款及贴息',
    ],
    [
      'agri_insurance',
      '农业保险',
      ['industry_employment'],
      'finance',
      true,
      '支持落实优势特色农产品保险，降低因灾因市场产业受损风险',
    ],
  ]),
  ...group('employment', 'development', '博尔塔拉 §六(三)', [
    [
      'skills_training',
      '职业技能培训',
      INCOME_WORK,
      'hr_social_security',
      true,
      '开展就业创业培训、建筑领域技术工种培训，提升就业能力',
    ],
    [
      'job_placement',
      '转移就业',
      INCOME_WORK,
      'hr_social_security',
      true,
      '推送用工信息，组织有组织劳务输出和跨省务工，促进外出就业',
    ],
    [
      'local_employment',
      '就地就近就业',
      INCOME_WORK,
      'hr_social_security',
      true,
      '在人居环境整治、小型水利、乡村道路、产业园区等项目建设管护中优先安排务工',
    ],
  ]),
  ...group('public_welfare_job', 'development', '博尔塔拉 §六(四)', [
    [
      'public_welfare_job',
      '乡村公益性岗位',
      [...INCOME_WORK, 'other'],
      'hr_social_security',
      true,
      '统筹护林员、护路员、护草员、保洁员、护理员、治安协管员等公益性岗位，就近就地就业',
    ],
  ]),
  ...group('housing', 'protective', '博尔塔拉 §六(五)', [
    [
      'dangerous_house_renovation',
      '农村危房改造',
      ['housing'],
      'housing',
      false,
      '对鉴定为C级、D级的危房落实改造、加固或重建',
    ],
    [
      'disaster_rebuild',
      '因灾倒损住房恢复重建',
      ['housing'],
      'emergency',
      false,
      '对因自然灾害倒损的住房落实恢复重建补助',
    ],
  ]),
  ...group('water', 'protective', '博尔塔拉 §六(六)', [
    [
      'water_safety_project',
      '安全饮水提升工程',
      ['water'],
      'water',
      false,
      '落实饮水安全提升工程，保障水量、水质、用水方便程度和供水保证率达标',
    ],
    ['tap_water_connection', '自来水入户管网改造', ['water'], 'water', false, '落实自来水入户管网改造'],
  ]),
  ...group('health', 'protective', '博尔塔拉 §六(七)', [
    [
      'basic_medical_insurance',
      '城乡居民基本医疗保险参保资助',
      ['medical'],
      'medical_insurance',
      false,
      '资助参加城乡居民基本医疗保险，确保应保尽保',
      true,
    ],
    ['serious_illness_insurance', '大病保险', ['medical'], 'medical_insurance', false, '落实大病保险倾斜支付'],
    [
      'medical_assistance',
      '医疗救助',
      ['medical'],
      'medical_insurance',
      false,
      '经基本医保、大病保险报销后，对合规自付费用落实医疗救助',
    ],
    [
      'supplementary_insurance',
      '商业补充医疗保险',
      ['medical'],
      'medical_insurance',
      false,
      '落实防贫保、惠民保等商业补充医疗保险',
    ],
    ['serious_disease_treatment', '大病专项救治', ['medical'], 'health', false, '对大病专项救治病种患者落实集中救治'],
    [
      'chronic_disease_service',
      '慢病签约服务',
      ['medical'],
      'health',
      false,
      '对高血压、糖尿病、结核病、严重精神障碍等慢病患者落实家庭医生签约服务',
    ],
  ]),
  ...group('education', 'protective', '博尔塔拉 §六(八)', [
    [
      'dropout_return',
      '控辍保学劝返',
      ['education'],
      'education',
      false,
      '对义务教育阶段失学辍学适龄儿童少年劝返复学或送教上门',
      true,
    ],
    ['boarding_subsidy', '寄宿生生活补助', ['education'], 'education', false, '落实义务教育家庭经济困难寄宿生生活补助'],
    [
      'yulu',
      '雨露计划职业教育补助',
      ['education'],
      'rural_revitalization',
      false,
      '对接受中高职教育的子女落实雨露计划补助',
    ],
    ['student_loan', '生源地信用助学贷款', ['education'], 'education', false, '为上大学的子女办理生源地信用助学贷款'],
    ['scholarship', '奖助学金', ['education'], 'education', false, '落实普通高中国家助学金等奖助学金和其他教育补助'],
  ]),
  ...group('social', 'protective', '博尔塔拉 §六(九)', [
    [
      'paired_support',
      '结对帮扶',
      ['income', 'other'],
      'rural_revitalization',
      false,
      '发挥驻村定点帮扶、结亲联谊等作用，帮助解决实际困难',
    ],
    [
      'enterprise_support',
      '企业帮扶',
      INCOME_WORK,
      'rural_revitalization',
      true,
      '动员民营企业吸纳监测对象就业或带动发展产业',
    ],
    [
      'charity_aid',
      '社会组织和慈善救助',
      ['income', 'medical', 'other'],
      'civil_affairs',
      false,
      '动员社会组织、公益基金、志愿团队和防止返贫基金参与救助',
    ],
  ]),
  ...group('backstop', 'protective', '博尔塔拉 §六(十)', [
    ['dibao', '农村最低生活保障', INCOME_WORK, 'civil_affairs', false, '按规定纳入农村低保，保障基本生活', true],
    ['tekun', '特困人员救助供养', INCOME_WORK, 'civil_affairs', false, '按规定纳入特困人员救助供养', true],
    [
      'pension',
      '城乡居民基本养老保险',
      ['income'],
      'hr_social_security',
      false,
      '落实城乡居民基本养老保险代缴和养老金按时足额发放',
    ],
    [
      'temp_relief',
      '临时救助',
      ['income', 'industry_employment', 'other'],
      'civil_affairs',
      false,
      '对因病、因灾、因意外等变故造成的基本生活困难及时落实临时救助',
      true,
    ],
    [
      'disability_subsidy',
      '残疾人两项补贴',
      ['income', 'other'],
      'disabled_federation',
      false,
      '落实困难残疾人生活补贴和重度残疾人护理补贴',
    ],
    [
      'anti_poverty_insurance',
      '防贫保险',
      ['income', 'medical', 'other'],
      'rural_revitalization',
      false,
      '对因病、因灾、因意外支出超过约定标准的，由防贫保险赔付',
    ],
  ]),
  ...group('social', 'spiritual', '会泽 §四(一)；枣庄 三道防线', [
    [
      'zhi_encouragement',
      '扶志教育和激励引导',
      [],
      'rural_revitalization',
      false,
      '开展感恩奋进教育、典型示范和积分激励，激发内生动力',
    ],
  ]),
  ...group('employment', 'spiritual', '会泽 §四(一)；枣庄 三道防线', [
    [
      'zhi_skills_training',
      '扶智实用技术培训',
      [],
      'agriculture',
      false,
      '通过农民夜校、实用技术和政策培训增强发展能力',
    ],
  ]),
];

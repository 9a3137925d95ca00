/**
 * The default task areas of a campaign (SPEC §15): 瓦房镇 "大提升" 专项行动方案 (瓦政发[2022]51号, seeds/001). The plan says
 * "10个方面" but lists eight headings, (一)–(八); the eight are taken as written (decision 0024). Each checklist item
 * is one numbered task of the plan with how a checker verifies it; responsible units are the plan's 责任单位.
 * A campaign copies this template and may then edit it (areas, items, units).
 */
export interface ChecklistItem {
  key: string;
  title: string;
  howToCheck: string;
}

export interface TaskArea {
  key: string;
  name: string;
  responsibleUnits: string[];
  items: ChecklistItem[];
}

const item = (key: string, title: string, howToCheck: string): ChecklistItem => ({ key, title, howToCheck });

export const WAFANG_TASK_AREAS: readonly TaskArea[] = [
  {
    key: 'income',
    name: '持续增加脱贫群众收入',
    responsibleUnits: ['镇乡村振兴办', '各行政村', '相关站所'],
    items: [
      item(
        'income-1',
        '帮扶措施、补贴政策到户到人',
        '抽取脱贫户和监测户，核对帮扶措施台账与补贴发放记录，入户询问是否享受',
      ),
      item(
        'income-2',
        '脱贫人口收入增长（一增长一高于）',
        '比对本年与上年家庭纯收入，收入下降户是否已核实原因并落实措施',
      ),
    ],
  },
  {
    key: 'guarantees',
    name: '“三保障”和饮水安全保障',
    responsibleUnits: ['镇中心小学', '镇中学', '镇卫生院', '镇劳动保障事务所', '镇乡建办', '镇水管所'],
    items: [
      item('guarantees-1', '义务教育控辍保学动态清零', '核对适龄儿童少年就学台账，有无失学辍学'),
      item('guarantees-2', '慢病签约服务和大病专项救治', '查看家庭签约医生服务记录，四种主要慢病患者是否规范管理'),
      item('guarantees-3', '脱贫人口全部参加基本医疗保险', '比对参保名单，脱贫人口和监测对象是否应保尽保'),
      item('guarantees-4', '住房安全动态监测，C级D级危房改造', '入户查看住房，核对住房安全等级鉴定和改造记录'),
      item('guarantees-5', '农村供水动态清零，季节性缺水', '入户查看饮水是否正常，核对水质检测和供水工程运行记录'),
    ],
  },
  {
    key: 'monitoring',
    name: '防止返贫动态监测和帮扶',
    responsibleUnits: ['镇乡村振兴办', '各行政村', '相关站所'],
    items: [
      item('monitoring-1', '监测员队伍和跨部门会商机制', '查看村组防返贫监测员名单和会商记录'),
      item('monitoring-2', '常态化排查和预警筛查，风险早发现', '查看走访排查记录和部门预警信息的核实反馈'),
      item(
        'monitoring-3',
        '“村提名单、乡镇复核、县级确定、系统管理”程序规范',
        '抽查纳入程序资料：农户授权、民主评议、公示公开，有无应纳未纳、体外循环',
      ),
      item('monitoring-4', '逐户明确帮扶责任人，缺什么补什么', '核对监测户帮扶责任人和帮扶计划是否与风险类型对应'),
      item('monitoring-5', '风险消除程序规范，无劳动能力户不标注消除', '抽查风险消除户的程序资料和收入情况'),
      item('monitoring-6', '信息采集录入账账相符、账实相符', '系统数据与纸质档案、入户情况逐项比对'),
    ],
  },
  {
    key: 'industry',
    name: '产业帮扶',
    responsibleUnits: ['镇乡村振兴办', '各行政村'],
    items: [
      item('industry-1', '产业帮扶项目梳理排查，资产保值增值', '查看项目台账、资产登记和收益分配记录'),
      item('industry-2', '联农带农利益联结机制', '核对合作社、企业带动农户名单和分红记录'),
      item('industry-3', '小额信贷应贷尽贷', '核对有贷款需求的脱贫户和监测对象的贷款情况'),
    ],
  },
  {
    key: 'employment',
    name: '脱贫人口稳岗就业',
    responsibleUnits: ['镇乡村振兴办', '镇中小学', '各行政村'],
    items: [
      item('employment-1', '乡村公益岗位设岗和管理', '查看公益岗位名单、考勤和工资发放'),
      item('employment-2', '“雨露计划+”和未就业高校毕业生帮扶', '核对脱贫家庭高校毕业生就业帮扶台账'),
      item('employment-3', '有意愿劳动力职业技能培训全覆盖', '核对培训意愿摸底和培训记录'),
      item('employment-4', '务工就业规模只增不减，交通费补助落实', '比对上年务工人数和交通费补助发放'),
    ],
  },
  {
    key: 'construction',
    name: '乡村建设',
    responsibleUnits: ['镇乡村振兴办', '镇乡建办', '镇水管所', '各行政村'],
    items: [
      item(
        'construction-1',
        '乡村规划、道路、防汛抗旱和供水、农房质量专项行动',
        '查看专项工作方案和责任、任务、项目清单',
      ),
      item('construction-2', '实时动态参保，应保尽保', '核对监测人口参保登记情况'),
    ],
  },
  {
    key: 'governance',
    name: '乡村治理',
    responsibleUnits: ['组织', '宣传'],
    items: [
      item('governance-1', '驻村干部在岗在位，政策情况“一口清”', '查看考勤和工作报告，现场询问政策'),
      item('governance-2', '“四议两公开”、村规民约、移风易俗', '查看议事记录和村规民约，有无因婚因丧返贫隐患'),
    ],
  },
  {
    key: 'departments',
    name: '部门主体责任',
    responsibleUnits: ['相关部门'],
    items: [
      item('departments-1', '过渡期“四个不摘”，部门专项工作责任体系', '查看部门方案、责任分工和考核'),
      item('departments-2', '监督检查发现问题点位整改和举一反三', '核对问题整改台账和举一反三整改记录'),
    ],
  },
];

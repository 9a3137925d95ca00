import { date, idNumber, personName, sex, text, yuan } from './common-columns.ts';
import type { FeedColumn, FeedDefinition } from './feed-types.ts';

const school: FeedColumn = text('schoolName', '学校名称', '就读学校全称', { aliases: ['就读学校', '学校'] });
const grade: FeedColumn = text('grade', '年级', '如“七年级”“高二”', { aliases: ['就读年级', '年级班级'] });

const stage: FeedColumn = {
  key: 'stage',
  header: '学段',
  aliases: ['教育阶段', '就读学段'],
  type: 'enum',
  required: false,
  enum: {
    学前教育: 'preschool',
    学前: 'preschool',
    小学: 'primary',
    初中: 'junior_secondary',
    普通高中: 'senior_secondary',
    高中: 'senior_secondary',
    中职: 'secondary_vocational',
    中等职业教育: 'secondary_vocational',
    高职: 'higher_vocational',
    专科: 'higher_vocational',
    本科: 'undergraduate',
    研究生: 'postgraduate',
  },
  description: '学前/小学/初中/高中/中职/高职/本科/研究生',
};

/**
 * 教育局 (博尔塔拉 §七(二)): students with name, ID, sex and status; compulsory-age dropouts in real time;
 * subsidies. SPEC §10 signal: dropout → education risk (§5.2 item 1).
 */
export const educationFeed: FeedDefinition = {
  department: 'education',
  name: '教育局',
  source: '博尔塔拉 §七(二)1–3；SPEC §10',
  records: [
    {
      kind: 'student',
      name: '在校生信息',
      matchBy: 'id_number',
      signal: 'student status changes (suspended, dropped out) → education risk check',
      columns: [
        personName(),
        idNumber(),
        sex(),
        school,
        stage,
        grade,
        {
          key: 'status',
          header: '在校生状况',
          aliases: ['在校状态', '学籍状态', '在校情况', '就学状况'],
          type: 'enum',
          required: true,
          enum: {
            在校: 'enrolled',
            在读: 'enrolled',
            休学: 'suspended',
            辍学: 'dropped_out',
            失学: 'dropped_out',
            转学: 'transferred',
            毕业: 'graduated',
            送教上门: 'home_teaching',
          },
          description: '在校/休学/辍学/转学/毕业/送教上门',
        },
        date('statusDate', '状态变更日期', '最近一次学籍状态变化的日期', { required: false, aliases: ['变更日期'] }),
      ],
    },
    {
      kind: 'dropout',
      name: '义务教育阶段辍学学生',
      matchBy: 'id_number',
      signal: 'compulsory-age dropout → education risk (SPEC §5.2 item 1, §7.3 education)',
      columns: [
        personName(),
        idNumber(),
        sex(),
        school,
        grade,
        date('dropoutDate', '辍学日期', '离校或被认定辍学的日期', { aliases: ['辍学时间', '离校日期'] }),
        text('reason', '辍学原因', '如家庭困难、厌学、疾病', { aliases: ['失学辍学原因'] }),
        {
          key: 'returned',
          header: '是否劝返复学',
          aliases: ['是否劝返', '是否复学'],
          type: 'boolean',
          required: false,
          description: '是/否',
        },
      ],
    },
    {
      kind: 'subsidy',
      name: '学生资助',
      matchBy: 'id_number',
      signal: 'subsidies granted (transfer income; evidence that an education measure is in place)',
      columns: [
        personName(),
        idNumber(),
        school,
        stage,
        text('subsidyItem', '资助项目', '如营养改善计划、国家助学金、免学费', {
          required: true,
          aliases: ['资助类型', '补助项目', '资助名称'],
        }),
        yuan('amount', '资助金额', '本次发放金额（元）', { aliases: ['补助金额', '金额', '发放金额'] }),
        date('grantDate', '发放日期', '资金发放日期', { aliases: ['资助日期', '发放时间'] }),
      ],
    },
  ],
};

import { date, idNumber, personName, regionName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 组织/人社/财政 staffing (SPEC §10 table, last rows but one): 财政供养人员 — public servants and salaried staff of
 * organs and public institutions — and salaried village cadres. SPEC §7.2 items 1 and 2: a member who is one → the
 * household is in principle not included. The documents name the data, not a template; the columns are those a 工资
 * 统发 or 编制 list carries (name, ID, employer, category, dates).
 */
export const staffingFeed: FeedDefinition = {
  department: 'staffing',
  name: '组织人社财政部门',
  source: 'SPEC §10（组织/人社/财政 财政供养人员、村干部）；SPEC §7.2 第1、2类',
  records: [
    {
      kind: 'public_servant',
      name: '财政供养人员信息',
      matchBy: 'id_number',
      signal: 'a member is a public servant or salaried staff of an organ or public institution → exclusion 1',
      columns: [
        personName(),
        idNumber(),
        text('employer', '工作单位', '机关或事业单位名称', {
          required: true,
          aliases: ['单位名称', '所在单位', '供养单位'],
        }),
        {
          key: 'staffType',
          header: '人员类别',
          aliases: ['人员身份', '编制类别', '人员性质'],
          type: 'enum',
          required: true,
          enum: {
            公务员: 'civil_servant',
            行政编制: 'civil_servant',
            参照公务员法管理: 'quasi_civil_servant',
            参公管理: 'quasi_civil_servant',
            事业单位工作人员: 'public_institution',
            事业编制: 'public_institution',
            机关工勤人员: 'government_worker',
            工勤人员: 'government_worker',
            编外聘用人员: 'contract',
          },
          description: '公务员/参照公务员法管理/事业单位工作人员/机关工勤人员/编外聘用人员',
        },
        text('position', '职务', '职务或岗位', { aliases: ['岗位', '职务岗位'] }),
        {
          key: 'status',
          header: '在职状态',
          aliases: ['人员状态', '状态'],
          type: 'enum',
          required: true,
          enum: { 在职: 'serving', 在编在岗: 'serving', 退休: 'retired', 离职: 'left', 辞职: 'left', 调出: 'left' },
          description: '在职/退休/离职',
        },
        date('startDate', '参加工作日期', '入编或参加工作日期', {
          required: false,
          aliases: ['入职日期', '入编日期', '参加工作时间'],
        }),
        date('endDate', '离职日期', '离职、辞职或调出日期；在职的为空', {
          required: false,
          aliases: ['离职时间', '调出日期'],
        }),
      ],
      dateOrder: [['startDate', 'endDate']],
    },
    {
      kind: 'village_cadre',
      name: '村干部报酬发放信息',
      matchBy: 'id_number',
      signal: 'a member is a village cadre (村“三委”) with a regular salary → exclusion 2',
      columns: [
        regionName({ header: '所在村', aliases: ['村名', '行政村', '地县乡村名'] }),
        personName(),
        idNumber(),
        text('position', '职务', '如村党支部书记、村委会主任、村监委会主任、委员', {
          required: true,
          aliases: ['担任职务', '村干部职务'],
        }),
        yuan('monthlySalary', '月基本报酬', '每月固定报酬（元）', {
          required: false,
          aliases: ['月报酬', '基本报酬', '月工资'],
        }),
        date('startDate', '任职日期', '本届任职开始日期', { required: false, aliases: ['任职时间', '任职开始日期'] }),
        date('endDate', '离任日期', '离任日期；在任的为空', { required: false, aliases: ['离任时间', '卸任日期'] }),
      ],
      dateOrder: [['startDate', 'endDate']],
    },
  ],
};

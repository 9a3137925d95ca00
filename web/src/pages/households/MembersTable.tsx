import { Button, type TableProps, Tag } from 'antd';
import type { Member } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import {
  DISABILITY_CATEGORY,
  EDUCATION,
  EMPLOYMENT,
  HEALTH,
  LABOR,
  label,
  PERSON_STATUS,
  RELATION,
  SEX,
} from '../../domain/labels';

const yesNo = (v: boolean) => (v ? '是' : <Tag color="red">否</Tag>);

function columns(onChangeStatus?: (m: Member) => void): TableProps<Member>['columns'] {
  const cols: TableProps<Member>['columns'] = [
    { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left' },
    { title: '与户主关系', dataIndex: 'relation', width: 100, render: (v: string) => label(RELATION, v) },
    {
      title: '身份证号',
      dataIndex: 'idNumber',
      width: 190,
      render: (v: string) => (
        <span className="sx-id-number" data-testid="member-id-number">
          {v}
        </span>
      ),
    },
    { title: '性别', dataIndex: 'sex', width: 60, render: (v: string) => label(SEX, v) },
    { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (v: string) =>
        v === 'normal' ? label(PERSON_STATUS, v) : <Tag color="volcano">{label(PERSON_STATUS, v)}</Tag>,
    },
    {
      title: '健康状况',
      key: 'health',
      width: 120,
      render: (_, m) =>
        m.health === 'disabled'
          ? `${m.disabilityCategory ? label(DISABILITY_CATEGORY, m.disabilityCategory) : '残疾'}${m.disabilityLevel ? `${m.disabilityLevel}级` : ''}`
          : label(HEALTH, m.health),
    },
    { title: '劳动能力', dataIndex: 'labor', width: 100, render: (v: string) => label(LABOR, v) },
    { title: '在校情况', dataIndex: 'education', width: 110, render: (v: string | null) => label(EDUCATION, v) },
    {
      title: '务工情况',
      key: 'employment',
      width: 130,
      render: (_, m) =>
        `${label(EMPLOYMENT, m.employment)}${m.employmentMonths ? `（${m.employmentMonths}个月）` : ''}`,
    },
    { title: '医保', dataIndex: 'insuredMedical', width: 60, render: yesNo },
    { title: '养老保险', dataIndex: 'insuredPension', width: 80, render: yesNo },
    { title: '联系电话', dataIndex: 'phone', width: 120, render: (v: string | null) => v || '—' },
  ];
  if (onChangeStatus) {
    cols.push({
      title: '操作',
      key: 'op',
      width: 90,
      fixed: 'right',
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => onChangeStatus(m)}>
          变更状态
        </Button>
      ),
    });
  }
  return cols;
}

/** 家庭成员, ID numbers masked unless revealed (SPEC §17). */
export function MembersTable({ members, onChangeStatus }: { members: Member[]; onChangeStatus?: (m: Member) => void }) {
  return (
    <ResponsiveTable<Member>
      rowKey="id"
      size="small"
      columns={columns(onChangeStatus)}
      dataSource={members}
      pagination={false}
      scroll={{ x: 1400 }}
    />
  );
}

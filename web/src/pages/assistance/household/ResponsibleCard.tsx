import { Button, Card, Collapse, Descriptions, Tag } from 'antd';
import type { HouseholdAssistance, Responsible } from '../../../api/assistance';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { formatDateTime } from '../../../domain/format';

/** 帮扶责任人 of the household: the current one, the deadline for assigning one, and every earlier assignment. */
export function ResponsibleCard({
  responsible,
  writable,
  onAssign,
}: {
  responsible: HouseholdAssistance['responsible'];
  writable: boolean;
  onAssign: () => void;
}) {
  const { current, dueOn, overdue, history } = responsible;
  return (
    <Card
      size="small"
      title="帮扶责任人"
      style={{ marginBottom: 16 }}
      data-testid="responsible-card"
      extra={
        writable && (
          <Button type={current ? 'default' : 'primary'} onClick={onAssign}>
            {current ? '更换责任人' : '指定责任人'}
          </Button>
        )
      }
    >
      {current ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'name', label: '姓名', children: <span data-testid="responsible-name">{current.name}</span> },
            { key: 'unit', label: '单位', children: current.unit },
            { key: 'phone', label: '联系电话', children: current.phone },
            {
              key: 'on',
              label: '指定日期',
              children: (
                <span>
                  {current.assignedOn}
                  {dueOn && current.assignedOn > dueOn && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      晚于应指定日期 {dueOn}
                    </Tag>
                  )}
                </span>
              ),
            },
          ]}
        />
      ) : (
        <div>
          <Tag color={overdue ? 'red' : 'gold'}>{overdue ? '逾期未指定' : '尚未指定'}</Tag>
          {dueOn ? `应于 ${dueOn} 前指定帮扶责任人` : '纳入监测后应及时指定帮扶责任人'}
        </div>
      )}
      {history.length > 1 && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'h',
              label: `指定记录（${history.length}）`,
              children: (
                <ResponsiveTable<Responsible>
                  size="small"
                  rowKey={(r) => `${r.assignedAt}-${r.name}`}
                  pagination={false}
                  dataSource={history}
                  columns={[
                    { title: '姓名', dataIndex: 'name', width: 100 },
                    { title: '单位', dataIndex: 'unit' },
                    { title: '电话', dataIndex: 'phone', width: 130 },
                    { title: '指定日期', dataIndex: 'assignedOn', width: 110 },
                    { title: '登记人', dataIndex: 'assignedBy', width: 90 },
                    {
                      title: '登记时间',
                      dataIndex: 'assignedAt',
                      width: 170,
                      render: (v: string) => formatDateTime(v),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

import { Card, Col, Empty, Row, Tag } from 'antd';
import type { StepLevel } from '../../api/cases';
import type { LateItem } from '../../api/procedures';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { LEVEL, label } from '../../domain/procedure-labels';
import { Link } from '../../router/Link';

const LEVELS: StepLevel[] = ['village', 'township', 'county', 'department'];

/**
 * What is late at each level (SPEC §8.2): every late item is shown to its own level and one level up; the items
 * this user must follow up are marked.
 */
export function LateItems({ items, mine }: { items: LateItem[]; mine: LateItem[] }) {
  const yours = new Set(mine.map((i) => `${i.id}/${i.stepCode}`));
  if (items.length === 0) return <Empty description="本月没有逾期事项" />;
  return (
    <Row gutter={[16, 16]}>
      {LEVELS.map((level) => {
        const list = items.filter((i) => i.level === level);
        if (list.length === 0) return null;
        return (
          <Col span={24} key={level}>
            <Card
              size="small"
              title={`${label(LEVEL, level)}逾期`}
              extra={<Tag color="red">{list.length} 项</Tag>}
              data-testid={`late-${level}`}
            >
              <ResponsiveTable<LateItem>
                size="small"
                rowKey={(i) => `${i.id}/${i.stepCode}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={list}
                columns={[
                  {
                    title: '区划',
                    dataIndex: 'regionCode',
                    width: 220,
                    render: (v?: string) => <RegionName code={v} />,
                  },
                  { title: '步骤', dataIndex: 'stepName', width: 160 },
                  { title: '截止', dataIndex: 'due', width: 100, render: (v: string) => formatDate(v) },
                  {
                    title: '情况',
                    key: 'kind',
                    render: (_, i) => (
                      <span>
                        <Tag color={i.kind === 'overdue' ? 'red' : 'orange'}>
                          {i.kind === 'overdue' ? '逾期未办' : '逾期办结'}
                        </Tag>
                        {i.daysLate}天
                      </span>
                    ),
                  },
                  {
                    title: '',
                    key: 'op',
                    width: 110,
                    render: (_, i) => (
                      <span>
                        <Link to={`/cases/${i.id}`}>查看</Link>
                        {yours.has(`${i.id}/${i.stepCode}`) && <Tag style={{ marginLeft: 6 }}>须关注</Tag>}
                      </span>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

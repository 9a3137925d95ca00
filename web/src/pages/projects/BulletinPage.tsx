import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Counts, projectsApi } from '../../api/projects';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { label, PROJECT_STATUS } from '../../domain/project-labels';
import { Link } from '../../router/Link';
import { ColourTag, thisMonth, useLoad } from './project-ui';

const countColumns = [
  { title: '项目', dataIndex: 'total' },
  { title: '蓝牌', dataIndex: 'blue' },
  { title: '黄牌', dataIndex: 'yellow' },
  { title: '红牌', dataIndex: 'red' },
];

/** 月度“红黄蓝”预警通报 (SPEC §13): counts and lists by colour, by region and by responsible person; Excel. */
export default function BulletinPage() {
  const [month, setMonth] = useState(thisMonth());
  const { data: b, error } = useLoad(() => projectsApi.bulletin(undefined, month), [month]);
  return (
    <>
      <PageHead
        title="项目预警通报"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              aria-label="通报月份"
            />
            <Button icon={<DownloadOutlined />} href={projectsApi.bulletinExportUrl(undefined, month)}>
              导出Excel
            </Button>
          </Space>
        }
      >
        {b && (
          <Typography.Text type="secondary">
            {b.regionName}
            {b.month.slice(0, 4)}年{Number(b.month.slice(5))}月{b.fundName}
            项目“红黄蓝”预警：当月达到进度要求的蓝牌，未达到的黄牌，连续未达到的红牌。
          </Typography.Text>
        )}
      </PageHead>
      {error && <Alert type="error" showIcon title={error} />}
      {!b && !error && <Card loading />}
      {b && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="bulletin-counts">
            {(
              [
                ['total', '项目', undefined],
                ['blue', '蓝牌', '#1677ff'],
                ['yellow', '黄牌', '#d48806'],
                ['red', '红牌', '#cf1322'],
              ] as [keyof Counts, string, string | undefined][]
            ).map(([k, title, color]) => (
              <Col xs={12} md={6} key={k}>
                <Card size="small">
                  <Statistic title={title} value={b.counts[k]} styles={{ content: color ? { color } : {} }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="预警项目" style={{ marginBottom: 12 }}>
            <List
              dataSource={b.projects}
              locale={{ emptyText: '本月没有实施中的项目' }}
              data-testid="bulletin-projects"
              renderItem={(p) => (
                <List.Item extra={<ColourTag colour={p.colour} />}>
                  <List.Item.Meta
                    title={<Link to={`/projects/${p.id}`}>{p.name}</Link>}
                    description={
                      <>
                        <div>
                          {p.regionName} · {label(PROJECT_STATUS, p.status)} · 负责人 {p.manager}
                          {p.keyProject && (
                            <Tag color="purple" style={{ marginLeft: 8 }}>
                              重点帮包
                            </Tag>
                          )}
                        </div>
                        <Typography.Text type="secondary">{p.reason}</Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="按区划">
                <ResponsiveTable
                  rowKey="regionCode"
                  size="small"
                  pagination={false}
                  dataSource={b.byRegion}
                  columns={[{ title: '区划', dataIndex: 'regionName' }, ...countColumns]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="按负责人">
                <ResponsiveTable
                  rowKey="manager"
                  size="small"
                  pagination={false}
                  dataSource={b.byManager}
                  columns={[{ title: '负责人', dataIndex: 'manager' }, ...countColumns]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}

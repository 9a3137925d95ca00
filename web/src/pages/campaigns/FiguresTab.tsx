import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { type Campaign, type Counts, campaignsApi } from '../../api/campaigns';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { percent, useLoad } from './use-load';

const countColumns = [
  { title: '发现', dataIndex: 'found', width: 70, align: 'right' as const },
  { title: '已销号', dataIndex: 'closed', width: 80, align: 'right' as const },
  { title: '待验收', dataIndex: 'submitted', width: 80, align: 'right' as const },
  { title: '逾期', dataIndex: 'overdue', width: 70, align: 'right' as const },
  { title: '未清零', dataIndex: 'open', width: 80, align: 'right' as const },
];

/** Figures of a campaign (SPEC §15): by area, source and region, spot-check coverage, the report and the export. */
export function FiguresTab({ campaign }: { campaign: Campaign }) {
  const figures = useLoad(() => campaignsApi.figures(campaign.id), [campaign.id]);
  const report = useLoad(() => campaignsApi.report(campaign.id), [campaign.id]);
  const f = figures.data;
  if (figures.error) return <Alert type="error" showIcon title={figures.error} />;
  if (!f) return <Card loading />;
  const c = f.coverage;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="发现问题" value={f.totals.found} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="已销号" value={f.totals.closed} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="逾期"
              value={f.totals.overdue}
              styles={{ content: { color: f.totals.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="抽查覆盖"
              value={`${c.sampledVillages}/${c.villages}村`}
              suffix={
                <Typography.Text type="secondary">
                  {' '}
                  {percent(c.sampledVillages / Math.max(1, c.villages))}
                </Typography.Text>
              }
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="按区划"
        extra={
          <Button icon={<DownloadOutlined />} href={campaignsApi.exportUrl(campaign.id)}>
            导出Excel
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <ResponsiveTable
          rowKey="code"
          size="small"
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={f.byRegion}
          data-testid="figures-by-region"
          columns={[
            { title: '区划', dataIndex: 'name', width: 120 },
            ...countColumns,
            { title: '村数', dataIndex: 'villages', width: 70, align: 'right' as const },
            { title: '抽中村', dataIndex: 'sampledVillages', width: 80, align: 'right' as const },
            { title: '已检查村', dataIndex: 'checkedVillages', width: 90, align: 'right' as const },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title="按任务领域" style={{ marginBottom: 16 }}>
            <ResponsiveTable<Counts & { key: string; name: string }>
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 500 }}
              dataSource={f.byArea}
              columns={[{ title: '任务领域', dataIndex: 'name' }, ...countColumns]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="按来源" style={{ marginBottom: 16 }}>
            <ResponsiveTable<Counts & { key: string; name: string }>
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 500 }}
              dataSource={f.bySource}
              columns={[{ title: '来源', dataIndex: 'name' }, ...countColumns]}
            />
          </Card>
        </Col>
      </Row>
      {report.data && (
        <Card size="small" title={report.data.title} data-testid="campaign-report">
          {report.data.sections.map((s) => (
            <div key={s.heading}>
              <Typography.Title level={5}>{s.heading}</Typography.Title>
              {s.paragraphs.map((p) => (
                <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
              ))}
            </div>
          ))}
        </Card>
      )}
    </>
  );
}

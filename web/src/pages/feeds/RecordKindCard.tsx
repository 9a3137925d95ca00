import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { type FeedColumn, type FeedRecordKind, feedsApi } from '../../api/feeds';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { FEED_COLUMN_TYPE, FEED_MATCH_BY, label } from '../../domain/labels';
import { navigate } from '../../router/history';

/** One record kind of a department: its columns as the template publishes them, and the template downloads. */
export function RecordKindCard({
  department,
  record,
  canImport,
}: {
  department: string;
  record: FeedRecordKind;
  canImport: boolean;
}) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          {record.name} <Typography.Text type="secondary">（{label(FEED_MATCH_BY, record.matchBy)}）</Typography.Text>
        </span>
      }
      extra={
        <Space wrap>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={feedsApi.templateUrl(department, record.kind, 'xlsx')}
            data-testid={`template-xlsx-${record.kind}`}
          >
            Excel模板
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={feedsApi.templateUrl(department, record.kind, 'csv')}
            data-testid={`template-csv-${record.kind}`}
          >
            CSV模板
          </Button>
          {canImport && (
            <Button
              size="small"
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => navigate(`/feeds/import?department=${department}&kind=${record.kind}`)}
            >
              导入
            </Button>
          )}
        </Space>
      }
    >
      <ResponsiveTable<FeedColumn>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={record.columns}
        columns={[
          { title: '列名', dataIndex: 'header', width: 160 },
          { title: '类型', dataIndex: 'type', width: 100, render: (v: string) => label(FEED_COLUMN_TYPE, v) },
          {
            title: '必填',
            dataIndex: 'required',
            width: 70,
            render: (v: boolean) => (v ? <Tag color="red">必填</Tag> : <Tag>选填</Tag>),
          },
          { title: '说明', dataIndex: 'description' },
          {
            title: '可填的值',
            dataIndex: 'options',
            width: 260,
            render: (v: string[] | undefined) => (v?.length ? v.join('、') : '—'),
          },
        ]}
      />
    </Card>
  );
}

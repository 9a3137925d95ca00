import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { formatCount } from '../../domain/format';
import { discardVisit, syncVisits, useVisitQueue } from '../../offline/visit-queue';

const STATUS = {
  pending: { text: '待上传', color: 'orange' },
  uploaded: { text: '已上传', color: 'green' },
  failed: { text: '上传失败', color: 'red' },
} as const;

/**
 * The visits kept on this phone (issue 14 point 3): what waits to be uploaded, what went up, and what the server
 * refused with its reason. Shown only when there is something to show.
 */
export function OfflineQueueCard() {
  const { visits, syncing, online } = useVisitQueue();
  if (visits.length === 0 && online) return null;
  const pending = visits.filter((v) => v.status === 'pending').length;
  return (
    <Card
      size="small"
      data-testid="offline-queue"
      title={
        <Space size={6} wrap>
          <span>本机走访记录</span>
          {!online && <Tag color="default">离线</Tag>}
          {pending > 0 && <Tag color="orange">待上传{formatCount(pending)}条</Tag>}
        </Space>
      }
      extra={
        pending > 0 && online ? (
          <Button size="small" loading={syncing} onClick={() => void syncVisits()}>
            立即上传
          </Button>
        ) : null
      }
    >
      {visits.length === 0 ? (
        <Typography.Text type="secondary">当前没有网络；走访可照常记录，恢复网络后自动上传。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={visits}
          renderItem={(v) => (
            <List.Item
              data-testid="offline-visit"
              actions={
                v.status === 'uploaded'
                  ? []
                  : [
                      <Popconfirm
                        key="discard"
                        title="删除这条本机走访记录？删除后无法恢复"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => discardVisit(v.clientId)}
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={6} wrap>
                  <strong>{v.content.label}</strong>
                  <Tag color={STATUS[v.status].color} data-testid="offline-visit-status">
                    {STATUS[v.status].text}
                  </Tag>
                </Space>
                <Typography.Text type="secondary">
                  走访日期 {v.content.visit.visitedOn ?? '—'} · {v.content.visit.noRisk ? '未发现风险' : '发现风险'}
                  {v.content.photos ? ` · 照片${formatCount(v.content.photos)}张` : ''}
                  {v.content.visit.location ? ' · 已记录位置' : ''}
                </Typography.Text>
                {v.content.error && <Typography.Text type="danger">{v.content.error}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

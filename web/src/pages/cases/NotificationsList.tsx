import { PrinterOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Tag } from 'antd';
import { type CaseDetail, casesApi } from '../../api/cases';
import { formatDate } from '../../domain/format';
import { label, NOTIFICATION_KIND, NOTIFICATION_OUTCOME } from '../../domain/procedure-labels';

/** 三告知 (SPEC §8.1): each notice issued to the household, with a printable version. */
export function NotificationsList({ c }: { c: CaseDetail }) {
  if (c.notifications.length === 0) return <Empty description="尚未出具告知书（受理、认定、退出时自动生成）" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="notifications">
      {c.notifications.map((n) => (
        <Card
          key={n.id}
          size="small"
          title={
            <Space>
              {label(NOTIFICATION_KIND, n.kind)}
              <Tag>{label(NOTIFICATION_OUTCOME, n.outcome)}</Tag>
              {n.revokedAt && <Tag color="red">已撤回</Tag>}
              <span className="sx-muted">{formatDate(n.issuedOn)}</span>
            </Space>
          }
          extra={
            <a href={casesApi.notificationUrl(n.id)} target="_blank" rel="noreferrer">
              <PrinterOutlined /> 打印告知书
            </a>
          }
        >
          <div className="sx-notice-text">{n.text}</div>
        </Card>
      ))}
    </Space>
  );
}

import { Alert, Card, Descriptions, Empty, Space, Tag } from 'antd';
import { useState } from 'react';
import { type DeclarationStatus, declarationsApi } from '../../api/declarations';
import { formatDateTime } from '../../domain/format';
import { label, NOTIFICATION_KIND } from '../../domain/procedure-labels';
import { useLocation } from '../../router/history';
import { PublicShell } from './PublicShell';
import { TrackingLookup } from './TrackingLookup';

function StatusView({ s }: { s: DeclarationStatus }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="declare-status">
      <Card size="small">
        <div className="sx-public-stage" data-testid="declare-stage">
          {s.stage}
        </div>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'code', label: '查询码', children: s.trackingCode },
            { key: 'village', label: '所在村', children: s.village },
            { key: 'at', label: '申报时间', children: formatDateTime(s.submittedAt) },
          ]}
        />
      </Card>
      <div className="sx-public-section">告知书</div>
      {s.notifications.length === 0 ? (
        <Empty description="暂无告知书。村里受理后会出具受理告知书，认定或退出时也会告知您。" />
      ) : (
        s.notifications.map((n) => (
          <Card
            key={`${n.kind}-${n.issuedOn}`}
            size="small"
            title={
              <Space>
                {label(NOTIFICATION_KIND, n.kind)}
                <Tag>{n.issuedOn}</Tag>
              </Space>
            }
          >
            <div className="sx-notice-text sx-notice-mobile">{n.text}</div>
          </Card>
        ))
      )}
    </Space>
  );
}

/** `/declare/status` — the citizen's progress and the notices issued to them, by tracking code and phone. */
export default function DeclareStatusPage() {
  const { search } = useLocation();
  const [status, setStatus] = useState<DeclarationStatus>();
  const [failed, setFailed] = useState(false);

  const lookup = async (code: string, phone: string) => {
    setStatus(undefined);
    setFailed(false);
    try {
      setStatus(await declarationsApi.status(code, phone));
    } catch (e) {
      setFailed(true);
      throw e;
    }
  };

  return (
    <PublicShell title="申报办理进度查询">
      <TrackingLookup
        code={search.get('code') ?? ''}
        phoneLabel="申报时填写的手机号"
        codePlaceholder="申报成功后显示的查询码"
        onLookup={lookup}
      />
      {status && (
        <div style={{ marginTop: 24 }}>
          <StatusView s={status} />
        </div>
      )}
      {!status && !failed && (
        <Alert
          style={{ marginTop: 24 }}
          type="info"
          showIcon
          title="忘记查询码？请联系所在村的村委会，由村干部协助查询。"
        />
      )}
    </PublicShell>
  );
}

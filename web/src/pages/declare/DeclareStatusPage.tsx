import { Alert, Button, Card, Descriptions, Empty, Form, Input, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type DeclarationStatus, declarationsApi } from '../../api/declarations';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../domain/format';
import { label, NOTIFICATION_KIND } from '../../domain/procedure-labels';
import { useLocation } from '../../router/history';
import { PublicShell } from './PublicShell';

interface Values {
  code: string;
  phone: string;
}

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
  const [form] = Form.useForm<Values>();
  const [status, setStatus] = useState<DeclarationStatus>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const code = search.get('code') ?? '';

  useEffect(() => {
    form.setFieldsValue({ code });
  }, [form, code]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      setStatus(await declarationsApi.status(v.code.trim().toUpperCase(), v.phone.replace(/[\s-]/g, '')));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title="申报办理进度查询">
      <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
        <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
          <Input maxLength={20} autoCapitalize="characters" placeholder="申报成功后显示的查询码" />
        </Form.Item>
        <Form.Item name="phone" label="申报时填写的手机号" rules={[{ required: true, message: '请填写手机号' }]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <FormError error={error} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          查询
        </Button>
      </Form>
      {status && (
        <div style={{ marginTop: 24 }}>
          <StatusView s={status} />
        </div>
      )}
      {!status && !error && (
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

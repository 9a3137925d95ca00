import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { navigate } from '../../router/history';

/** After a declaration: the tracking code to keep (with the phone number it opens the status page). */
export function DeclareDone({ trackingCode, message: text }: { trackingCode: string; message: string }) {
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard
      ?.writeText(trackingCode)
      .then(() => message.success('查询码已复制'))
      .catch(() => message.info('请长按查询码复制，或截图保存'));
  return (
    <Card className="sx-declare-done" data-testid="declare-done">
      <Space orientation="vertical" size="middle" style={{ width: '100%', textAlign: 'center' }}>
        <CheckCircleFilled style={{ fontSize: 48, color: '#16a34a' }} />
        <div className="sx-public-title">申报已提交</div>
        <div>请保存您的查询码：</div>
        <div className="sx-tracking-code" data-testid="tracking-code">
          {trackingCode}
        </div>
        <div className="sx-muted">请截图或抄写保存。凭查询码和手机号可随时查看办理进度和告知书。</div>
        <div>{text}</div>
        <Button icon={<CopyOutlined />} size="large" block onClick={() => void copy()}>
          复制查询码
        </Button>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(`/declare/status?code=${encodeURIComponent(trackingCode)}`)}
        >
          查询办理进度
        </Button>
      </Space>
    </Card>
  );
}

import { Alert, App, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { PageHead } from '../../components/PageHead';
import { formatCount, formatDateTime } from '../../domain/format';
import { offlineSupported } from '../../offline/offline-store';
import { downloadHouseholds, type OfflineHousehold, offlineHouseholds, useVisitQueue } from '../../offline/visit-queue';
import { VisitModal } from '../households/VisitModal';
import { OfflineEditModal } from './OfflineEditModal';
import { OfflineQueueCard } from './OfflineQueueCard';

/**
 * 离线走访 (issue 14 point 3): the cadre downloads the village's households while in signal, then records visits at
 * the doors without it; each visit waits on the phone (待上传) and goes up by itself when the network is back.
 */
export default function OfflineVisitsPage() {
  const { message } = App.useApp();
  const { online } = useVisitQueue();
  const [kept, setKept] = useState<{ at: string; items: OfflineHousehold[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [q, setQ] = useState('');
  const [visiting, setVisiting] = useState<OfflineHousehold>();
  const [editing, setEditing] = useState<OfflineHousehold>();

  const load = useCallback(() => {
    offlineHouseholds()
      .then(setKept)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const n = await downloadHouseholds();
      message.success(`已下载${formatCount(n)}户`);
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = useMemo(() => {
    const items = kept?.items ?? [];
    const s = q.trim();
    return s
      ? items.filter((h) => (h.headName ?? '').includes(s) || h.code.includes(s) || h.address.includes(s))
      : items;
  }, [kept, q]);

  if (!offlineSupported())
    return (
      <>
        <PageHead title="离线走访" />
        <Alert type="warning" showIcon message="此浏览器不支持离线保存，请使用手机自带浏览器或 Chrome 打开" />
      </>
    );

  return (
    <>
      <PageHead
        title="离线走访"
        extra={
          <Button
            type="primary"
            onClick={() => void download()}
            loading={busy}
            disabled={!online}
            data-testid="offline-download"
          >
            {kept ? '更新农户名单' : '下载农户名单'}
          </Button>
        }
      />
      <div className="sx-today">
        <OfflineQueueCard />
        {error && <Alert type="error" showIcon message={error} />}
        <Card size="small" title="本机农户名单">
          {kept ? (
            <Typography.Paragraph type="secondary">
              共{formatCount(kept.items.length)}户，下载于 {formatDateTime(kept.at)}；退出登录时从本机清除。
            </Typography.Paragraph>
          ) : (
            <Empty description="尚未下载农户名单：有网络时点击“下载农户名单”，无网络时也能记录走访" />
          )}
          {kept && (
            <>
              <Input.Search
                allowClear
                placeholder="户主姓名、户编号或地址"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                data-testid="offline-search"
              />
              <List
                size="small"
                dataSource={shown.slice(0, 100)}
                renderItem={(h) => (
                  <List.Item
                    data-testid="offline-household"
                    actions={[
                      <Button key="visit" size="small" onClick={() => setVisiting(h)}>
                        记录走访
                      </Button>,
                      ...(h.members
                        ? [
                            <Button
                              key="edit"
                              size="small"
                              onClick={() => setEditing(h)}
                              data-testid="offline-edit-open"
                            >
                              修改信息
                            </Button>,
                          ]
                        : []),
                    ]}
                  >
                    <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                      <strong>{h.headName ?? '—'}</strong>
                      <Typography.Text type="secondary">
                        {h.code} · {formatCount(h.memberCount)}人 · {h.address}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
              {shown.length > 100 && (
                <Typography.Text type="secondary">仅显示前100户，请输入姓名或户编号查找</Typography.Text>
              )}
            </>
          )}
        </Card>
      </div>
      {editing && (
        <OfflineEditModal
          household={editing}
          onClose={() => {
            setEditing(undefined);
            load();
          }}
        />
      )}
      {visiting && (
        <VisitModal
          householdId={visiting.id}
          householdLabel={`${visiting.headName ?? ''}（${visiting.code}）`}
          open
          onClose={() => setVisiting(undefined)}
          onSaved={(noRisk) => {
            setVisiting(undefined);
            message.success(noRisk ? '排查已记录，未发现风险已销号' : '排查已记入线索台账，请核实处理');
          }}
        />
      )}
    </>
  );
}

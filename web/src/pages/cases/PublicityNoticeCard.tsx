import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseDetail, casesApi } from '../../api/cases';
import { ApiError, errorMessage } from '../../api/client';
import { printText } from './print-text';

/**
 * 公示公告 generated from the case (SPEC §8.1): this household's detail, and the village's list of the round (every
 * household whose publicity started the same day), which is what the village posts.
 */
export function PublicityNoticeCard({ c }: { c: CaseDetail }) {
  const [text, setText] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const started = c.publicity !== null || c.actions.some((a) => a.type === 'start_publicity');

  const load = () => {
    setLoading(true);
    setError(undefined);
    casesApi
      .publicityNotice(c.id)
      .then(setText, setError)
      .finally(() => setLoading(false));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when publicity starts or the case changes
  useEffect(() => {
    if (started) load();
  }, [c.id, c.version, started]);

  if (!started) return <Empty description="开始公示后生成公示公告" />;
  if (error instanceof ApiError && error.code === 'CASE_NO_PUBLICITY') return <Empty description={error.message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Space wrap>
        <Button
          icon={<PrinterOutlined />}
          type="primary"
          disabled={!text}
          onClick={() => text && printText('公示公告', text)}
        >
          打印公示公告
        </Button>
        {c.publicity && (
          <Button
            icon={<PrinterOutlined />}
            data-testid="print-publicity-list"
            onClick={() => {
              const p = c.publicity;
              if (!p) return;
              casesApi
                .publicityList(c.regionCode, c.kind, p.start)
                .then((list) => printText('本村本轮公示名单', list), setError);
            }}
          >
            打印本村本轮公示名单
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={load}>
          刷新
        </Button>
      </Space>
      {loading && !text ? (
        <Spin />
      ) : (
        text && (
          <div className="sx-notice-text" data-testid="publicity-notice">
            {text}
          </div>
        )
      )}
    </Space>
  );
}

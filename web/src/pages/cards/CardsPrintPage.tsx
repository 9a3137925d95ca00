import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type HouseholdCards } from '../../api/assistance';
import { errorMessage } from '../../api/client';
import { PageHead } from '../../components/PageHead';
import { householdsAndPersons } from '../../domain/format';
import { useLocation } from '../../router/history';
import { HouseholdCardView } from './HouseholdCardView';

/**
 * `/cards?household=ID` or `/cards?village=CODE` — 明白卡 (SPEC §16) for one household, or every monitored household
 * of a village in one batch, one card per printed page (A4 portrait).
 */
export default function CardsPrintPage() {
  const { search } = useLocation();
  const household = search.get('household');
  const village = search.get('village');
  const [data, setData] = useState<HouseholdCards>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setData(undefined);
    setError(undefined);
    const q = household ? { household } : village ? { village } : undefined;
    if (!q) {
      setError('请从农户档案或措施公示页打开明白卡');
      return;
    }
    assistanceApi.cards(q).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [household, village]);

  return (
    <>
      <PageHead
        title="明白卡"
        extra={
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!data?.cards.length}
            onClick={() => window.print()}
            className="sx-no-print"
            data-testid="cards-print"
          >
            打印
          </Button>
        }
      >
        {data && (
          <div className="sx-muted sx-no-print">
            共{' '}
            {householdsAndPersons(
              data.cards.length,
              data.cards.reduce((s, c) => s + c.members.length, 0),
            )}
            ，每户一页。二维码在平台内打开农户档案（须登录），不含个人信息。
          </div>
        )}
      </PageHead>
      {error && <Alert type="error" showIcon title={error} />}
      {!data && !error && <Skeleton active />}
      {data && data.cards.length === 0 && <Empty description="该村暂无监测户" />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }} className="sx-cards">
        {data?.cards.map((c) => (
          <HouseholdCardView key={c.householdId} card={c} meta={data} />
        ))}
      </Space>
    </>
  );
}

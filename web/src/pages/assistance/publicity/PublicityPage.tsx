import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type VillagePublicity } from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import { useUser } from '../../../app/auth';
import { PageHead } from '../../../components/PageHead';
import { RegionTree } from '../../../components/RegionTree';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { householdsAndPersons } from '../../../domain/format';
import { formatYuan } from '../../../domain/money';
import { navigate, useLocation } from '../../../router/history';
import { period } from '../AssistanceTags';

type Row = VillagePublicity['households'][number];

/**
 * 帮扶措施村内公示 (SPEC §9: measures are publicised in the village): per village, each monitored household's head,
 * category, risks, 帮扶责任人 and measures — names but never ID numbers (SPEC §17). 打印 opens the server's
 * print-ready page (A4 landscape, self-contained).
 */
export default function PublicityPage() {
  const user = useUser();
  const { search } = useLocation();
  const village = search.get('village') || (user.regionCode.length === 12 ? user.regionCode : undefined);
  const [data, setData] = useState<VillagePublicity>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!village) return;
    let live = true;
    setData(undefined);
    setError(undefined);
    assistanceApi
      .publicity(village)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [village]);

  const pick = (code: string | undefined) => {
    if (code && code.length === 12) navigate(`/assistance/publicity${toQueryString({ village: code })}`);
  };
  return (
    <>
      <PageHead
        title="帮扶措施公示"
        extra={
          village && (
            <Space wrap>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                disabled={!data}
                onClick={() => window.open(assistanceApi.publicityHtmlUrl(village), '_blank', 'noopener')}
              >
                打印公示
              </Button>
              <Button disabled={!data?.households.length} onClick={() => navigate(`/cards?village=${village}`)}>
                批量打印明白卡
              </Button>
            </Space>
          )
        }
      >
        <span className="sx-muted">按村生成监测对象帮扶措施公示清单，不含身份证号</span>
      </PageHead>
      <div className="sx-split">
        {user.regionCode.length < 12 && (
          <Card className="sx-split-side" title="选择村" size="small">
            <RegionTree rootCode={user.regionCode} selected={village} onSelect={pick} />
          </Card>
        )}
        <Card className="sx-split-main">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          {!village ? (
            <Empty description="请在左侧选择一个村" />
          ) : (
            <>
              {data && (
                <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {data.village.name}监测对象帮扶措施公示
                  </Typography.Title>
                  <span>
                    {data.regionPath} · 共{householdsAndPersons(data.totals.households, data.totals.persons)} · 生成于
                    {data.generatedOn}
                  </span>
                </Space>
              )}
              <ResponsiveTable<Row>
                size="small"
                rowKey="householdCode"
                loading={!data && !error}
                dataSource={data?.households ?? []}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: '本村暂无监测对象' }}
                data-testid="publicity-list"
                columns={[
                  { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
                  { title: '人口', dataIndex: 'memberCount', width: 60 },
                  { title: '监测类别', dataIndex: 'categoryName', width: 120, render: (v: string | null) => v ?? '—' },
                  { title: '风险类型', dataIndex: 'riskNames', width: 120, render: (v: string[]) => v.join('、') },
                  {
                    title: '帮扶责任人',
                    dataIndex: 'responsible',
                    width: 150,
                    render: (r: Row['responsible']) =>
                      r ? (
                        <div>
                          <div>{r.name}</div>
                          <small className="sx-muted">{r.unit}</small>
                        </div>
                      ) : (
                        <Typography.Text type="danger">未指定</Typography.Text>
                      ),
                  },
                  {
                    title: '帮扶措施',
                    key: 'measures',
                    render: (_, h) =>
                      h.measures.length === 0 ? (
                        <Typography.Text type="danger">尚未落实帮扶措施</Typography.Text>
                      ) : (
                        <ol style={{ margin: 0, paddingLeft: 18 }}>
                          {h.measures.map((m) => (
                            <li key={`${m.name}-${m.startOn}-${m.content}`}>
                              <strong>{m.name}</strong>（{m.typeName}，{m.departmentName}）：{m.content}
                              <div className="sx-muted">
                                {period(m.startOn, m.plannedEndOn)} · {formatYuan(m.amount)}
                                {m.fundSource ? `（${m.fundSource}）` : ''} · {m.statusName}
                              </div>
                            </li>
                          ))}
                        </ol>
                      ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

import { Alert, Card, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Anomalies, type AnomalyRow, regionalRiskApi } from '../../api/regional-risk';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const columns = [
  {
    title: '区划',
    key: 'region',
    render: (_: unknown, r: AnomalyRow) => r.regionName ?? r.regionCode,
  },
  { title: '户数', dataIndex: 'households', width: 80, align: 'right' as const },
  {
    title: '本月新增线索',
    key: 'clues',
    width: 170,
    render: (_: unknown, r: AnomalyRow) => (
      <span>
        {r.newClues}（前期月均 {r.averageClues}）{r.clueAnomaly && <Tag color="red">异常</Tag>}
      </span>
    ),
  },
  {
    title: '本月新纳入',
    key: 'inclusions',
    width: 170,
    render: (_: unknown, r: AnomalyRow) => (
      <span>
        {r.inclusions}（前期月均 {r.averageInclusions}）{r.inclusionAnomaly && <Tag color="red">异常</Tag>}
      </span>
    ),
  },
];

/**
 * 线索率、纳入率异常预警 (SPEC §11): villages and townships whose new clues or inclusions in a month rise above their
 * usual level — by default twice the average of the previous six months and at least 5 per 1,000 households.
 */
export function AnomaliesCard() {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [data, setData] = useState<Anomalies>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setData(undefined);
    setError(undefined);
    regionalRiskApi.anomalies(month).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [month]);

  const p = data?.params;
  return (
    <Card
      title="线索、纳入异常升高预警"
      style={{ marginTop: 16 }}
      data-testid="anomalies"
      extra={
        <Space>
          月份：
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {p && (
        <Typography.Paragraph type="secondary">
          判定标准：本月新增线索（或新纳入户数）超过前{p.months}个月月均的{p.factorOverAverage}倍，且每千户不少于
          {p.minNewCluesPer1000}条（户）。本月共检查{data.checked.townships}个乡镇、{data.checked.villages}个村，
          {data.townships.length + data.villages.length === 0
            ? '未发现异常。'
            : `异常乡镇${data.townships.length}个、村${data.villages.length}个。`}
        </Typography.Paragraph>
      )}
      {data && data.townships.length > 0 && (
        <ResponsiveTable<AnomalyRow>
          title={() => '乡镇'}
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={data.townships}
          columns={columns}
          style={{ marginBottom: 16 }}
        />
      )}
      {data && data.villages.length > 0 && (
        <ResponsiveTable<AnomalyRow>
          title={() => '村'}
          rowKey="regionCode"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={data.villages}
          columns={columns}
        />
      )}
    </Card>
  );
}

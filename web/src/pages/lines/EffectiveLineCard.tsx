import { Alert, Card, Form, InputNumber, Select, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { linesApi } from '../../api/lines';
import type { EffectiveLine, Region } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { currentYear } from '../../domain/format';
import { formatYuan } from '../../domain/money';

/**
 * The line in force for a region and year: the highest of the region's own and its ancestors' lines, because a lower
 * level may tighten but never loosen (SPEC §3, §4.4).
 */
export function EffectiveLineCard({ regions, refreshKey }: { regions: Region[]; refreshKey: number }) {
  const [region, setRegion] = useState(regions[regions.length - 1]?.code);
  const [year, setYear] = useState(currentYear());
  const [line, setLine] = useState<EffectiveLine>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!region) return;
    let live = true;
    setError(undefined);
    void refreshKey;
    linesApi.effective(region, year).then(
      (l) => live && setLine(l),
      (e) => {
        if (!live) return;
        setLine(undefined);
        setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [region, year, refreshKey]);

  return (
    <Card title="适用监测线">
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label="区划">
          <Select
            value={region}
            onChange={setRegion}
            style={{ width: 200 }}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item label="年度">
          <InputNumber value={year} min={2013} max={2100} precision={0} onChange={(v) => v && setYear(v)} />
        </Form.Item>
      </Form>
      {error && <Alert type="warning" showIcon title={error} />}
      {line && (
        <>
          <Statistic title={`${year}年人均纯收入监测线`} value={line.amount} suffix="元/人·年" />
          <p>
            适用依据：
            <RegionName code={line.sourceRegionCode} />
            设定（取本级与上级中最高者）
          </p>
          <ResponsiveTable
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={line.chain}
            columns={[
              { title: '设定层级', dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
              { title: '监测线', dataIndex: 'amount', align: 'right', render: (v: number) => formatYuan(v) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

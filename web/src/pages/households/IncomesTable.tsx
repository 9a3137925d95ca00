import { type TableProps, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { linesApi } from '../../api/lines';
import type { Income } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatYuan, toFen } from '../../domain/money';

const rigid = (i: Income) =>
  (toFen(i.medicalExpense) + toFen(i.educationExpense) + toFen(i.disasterLoss) + toFen(i.accidentExpense)) / 100;

/** The monitoring line of each year shown, for the region of the household (SPEC §4.4); missing years are left out. */
function useLines(regionCode: string, years: number[]) {
  const [lines, setLines] = useState<Record<number, number>>({});
  const key = years.join(',');
  useEffect(() => {
    let live = true;
    const list = key ? key.split(',').map(Number) : [];
    Promise.all(
      list.map((y) =>
        linesApi.effective(regionCode, y).then(
          (l) => [y, l.amount] as const,
          () => null,
        ),
      ),
    ).then((pairs) => live && setLines(Object.fromEntries(pairs.filter((p) => p !== null))));
    return () => {
      live = false;
    };
  }, [regionCode, key]);
  return lines;
}

/** 收支情况: each year and survey, family and per-capita net income as the server computed them (SPEC §4.3). */
export function IncomesTable({ incomes, regionCode }: { incomes: Income[]; regionCode: string }) {
  const lines = useLines(regionCode, [...new Set(incomes.map((i) => i.year))]);
  const columns: TableProps<Income>['columns'] = [
    { title: '年度', dataIndex: 'year', width: 70, fixed: 'left' },
    { title: '调查批次', dataIndex: 'survey', width: 100, render: (v: string) => (v === 'annual' ? '年度收支' : v) },
    { title: '工资性收入', dataIndex: 'wage', align: 'right', render: (v: number) => formatYuan(v, false) },
    {
      title: '生产经营性净收入',
      key: 'business',
      align: 'right',
      render: (_, i) => (
        <Tooltip title={`经营收入${formatYuan(i.businessGross)} − 生产成本${formatYuan(i.businessCost)}`}>
          {formatYuan(i.businessNet, false)}
        </Tooltip>
      ),
    },
    { title: '财产性收入', dataIndex: 'property', align: 'right', render: (v: number) => formatYuan(v, false) },
    { title: '转移性收入', dataIndex: 'transfer', align: 'right', render: (v: number) => formatYuan(v, false) },
    {
      title: '家庭纯收入',
      dataIndex: 'netIncome',
      align: 'right',
      render: (v: number) => <strong>{formatYuan(v, false)}</strong>,
    },
    { title: '计算人数', dataIndex: 'memberCount', width: 80, align: 'right' },
    {
      title: '人均纯收入',
      key: 'perCapita',
      align: 'right',
      render: (_, i) => {
        const line = lines[i.year];
        const below = line !== undefined && i.perCapitaNetIncome !== null && i.perCapitaNetIncome < line;
        return (
          <span>
            <strong>{formatYuan(i.perCapitaNetIncome, false)}</strong>
            {below && (
              <Tooltip title={`${i.year}年监测线 ${formatYuan(line)}`}>
                <Tag color="red" style={{ marginLeft: 6 }}>
                  低于监测线
                </Tag>
              </Tooltip>
            )}
          </span>
        );
      },
    },
    {
      title: '刚性支出合计',
      key: 'rigid',
      align: 'right',
      render: (_, i) => (
        <Tooltip
          title={`医疗${formatYuan(i.medicalExpense)}，教育${formatYuan(i.educationExpense)}，灾害损失${formatYuan(i.disasterLoss)}，意外${formatYuan(i.accidentExpense)}`}
        >
          {formatYuan(rigid(i), false)}
        </Tooltip>
      ),
    },
  ];
  return (
    <ResponsiveTable<Income>
      rowKey={(i) => `${i.year}-${i.survey}`}
      size="small"
      columns={columns}
      dataSource={incomes}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '尚未录入收支' }}
      title={() => '金额单位：元'}
    />
  );
}

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { TrendPoint } from '../../api/reports';
import { useChart } from './use-chart';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 12 months: monitored households at each month's end (line), inclusions and eliminations of each month (bars). */
export default function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (items: { seriesName: string; dataIndex: number }[]) => {
          const p = trend[items[0]?.dataIndex ?? 0];
          if (!p) return '';
          return [
            `${Number(p.month.slice(0, 4))}年${Number(p.month.slice(5))}月`,
            `月末监测对象：${p.monitored.households}户${p.monitored.persons}人`,
            `新纳入：${p.included.households}户${p.included.persons}人`,
            `风险消除：${p.eliminated.households}户${p.eliminated.persons}人`,
            `收到线索：${p.cluesReceived}条，办结：${p.cluesClosed}条`,
          ].join('<br/>');
        },
      },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: trend.map((p) => `${Number(p.month.slice(5))}月`) },
      yAxis: [
        { type: 'value', name: '户', minInterval: 1 },
        { type: 'value', name: '户', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: '月末监测对象',
          type: 'line',
          yAxisIndex: 0,
          data: trend.map((p) => p.monitored.households),
          color: '#dc2626',
        },
        { name: '新纳入', type: 'bar', yAxisIndex: 1, data: trend.map((p) => p.included.households), color: '#f59e0b' },
        {
          name: '风险消除',
          type: 'bar',
          yAxisIndex: 1,
          data: trend.map((p) => p.eliminated.households),
          color: '#0891b2',
        },
      ],
    }),
    [trend],
  );
  const ref = useChart(echarts, option);
  return <div ref={ref} style={{ height: 300, width: '100%' }} data-testid="trend-chart" />;
}

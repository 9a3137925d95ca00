import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { HP } from '../../api/reports';
import { RISK_TYPE } from '../../domain/labels';
import { useChart } from './use-chart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const TYPES = Object.keys(RISK_TYPE);

/** Monitored households by risk type (a household counts under each of its TYPES, SPEC §5.2). */
export default function RiskBarChart({
  riskTypes,
  onPick,
}: {
  riskTypes: Record<string, HP>;
  onPick?: (type: string) => void;
}) {
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const t = TYPES[items[0]?.dataIndex ?? 0] as string;
          const v = riskTypes[t];
          return `${RISK_TYPE[t]}：${v?.households ?? 0}户${v?.persons ?? 0}人`;
        },
      },
      grid: { left: 70, right: 30, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: TYPES.map((t) => RISK_TYPE[t]), inverse: true },
      series: [
        {
          type: 'bar',
          data: TYPES.map((t) => riskTypes[t]?.households ?? 0),
          color: '#7c3aed',
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [riskTypes],
  );
  const onClick = useMemo(
    () =>
      onPick
        ? (p: { name?: string }) => {
            const t = TYPES.find((x) => RISK_TYPE[x] === p.name);
            if (t) onPick(t);
          }
        : undefined,
    [onPick],
  );
  const ref = useChart(echarts, option, onClick);
  return <div ref={ref} style={{ height: 260, width: '100%' }} />;
}

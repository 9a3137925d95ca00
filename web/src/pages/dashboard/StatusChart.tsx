import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Slice {
  name: string;
  value: number;
  colour: string;
}

/** A ring chart of household counts (bundled echarts, canvas renderer; no map tiles or remote resources). */
export default function StatusChart({ slices, height = 260 }: { slices: Slice[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}：{c}户（{d}%）' },
      legend: { bottom: 0 },
      animationDuration: 300,
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}户' },
          // Empty slices keep their legend entry but show no label: their labels would pile up on one spot.
          data: slices.map((s) => ({
            name: s.name,
            value: s.value,
            itemStyle: { color: s.colour },
            label: { show: s.value > 0 },
            labelLine: { show: s.value > 0 },
          })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [slices]);
  return <div ref={ref} style={{ height, width: '100%' }} />;
}

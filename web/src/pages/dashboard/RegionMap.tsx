import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { MapShape, RankingRow } from '../../api/reports';
import { useChart } from './use-chart';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface MapMetric {
  key: string;
  label: string;
  value: (r: RankingRow) => number | null;
  format: (v: number) => string;
  /** Higher is worse (red) — overdue items — or better (coverage). */
  higherIsWorse: boolean;
}

const scale = (v: number, min: number, max: number) => (max > min ? (v - min) / (max - min) : 0);
const RED = [220, 38, 38];
const GREEN = [22, 163, 74];
const mix = (t: number) => `rgb(${GREEN.map((g, i) => Math.round(g + ((RED[i] as number) - g) * t)).join(',')})`;

/**
 * Subordinate regions coloured by the chosen figure: real boundaries down to county level (bundled 天地图 data
 * served by this server), a grid of townships or villages below (no offline boundary data there).
 */
export default function RegionMap({
  shape,
  rows,
  metric,
  onPick,
}: {
  shape: MapShape;
  rows: RankingRow[];
  metric: MapMetric;
  onPick: (code: string) => void;
}) {
  const values = rows.map((r) => metric.value(r)).filter((v): v is number => v !== null);
  const min = Math.min(0, ...values);
  const max = Math.max(1, ...values);
  const colour = (v: number | null) =>
    v === null ? '#e5e7eb' : mix(metric.higherIsWorse ? scale(v, min, max) : 1 - scale(v, min, max));
  if (shape.kind === 'grid') {
    return (
      <div className="sx-region-grid" data-testid="region-grid">
        {rows.map((r) => {
          const v = metric.value(r);
          return (
            <button
              type="button"
              key={r.code}
              className="sx-region-cell"
              style={{ background: colour(v) }}
              onClick={() => onPick(r.code)}
              title={`${r.name}：${v === null ? '—' : metric.format(v)}`}
            >
              <span className="sx-region-cell-name">{r.name}</span>
              <span className="sx-region-cell-value">{v === null ? '—' : metric.format(v)}</span>
            </button>
          );
        })}
      </div>
    );
  }
  return <GeoMap shape={shape} rows={rows} metric={metric} onPick={onPick} min={min} max={max} />;
}

function GeoMap({
  shape,
  rows,
  metric,
  onPick,
  min,
  max,
}: {
  shape: Extract<MapShape, { kind: 'geo' }>;
  rows: RankingRow[];
  metric: MapMetric;
  onPick: (code: string) => void;
  min: number;
  max: number;
}) {
  const option = useMemo(() => {
    if (!echarts.getMap(shape.mapName)) echarts.registerMap(shape.mapName, shape.geojson as never);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return {
      tooltip: {
        formatter: (p: { name: string; value: number }) => {
          const r = byCode.get(p.name);
          return r ? `${r.name}：${Number.isFinite(p.value) ? metric.format(p.value) : '—'}` : '';
        },
      },
      visualMap: {
        min,
        max,
        left: 0,
        bottom: 0,
        calculable: true,
        inRange: {
          color: metric.higherIsWorse ? ['#16a34a', '#facc15', '#dc2626'] : ['#dc2626', '#facc15', '#16a34a'],
        },
        formatter: (v: number) => metric.format(v),
      },
      series: [
        {
          type: 'map',
          map: shape.mapName,
          nameProperty: 'code',
          roam: true,
          label: { show: false },
          data: rows.map((r) => ({ name: r.code, value: metric.value(r) ?? Number.NaN })),
        },
      ],
    };
  }, [shape, rows, metric, min, max]);
  const onClick = useMemo(() => (p: { name?: string }) => p.name && onPick(p.name), [onPick]);
  const ref = useChart(echarts, option, onClick);
  return <div ref={ref} style={{ height: 360, width: '100%' }} data-testid="region-map" />;
}

import type * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

/** One echarts instance on a div, resized with the window and disposed with the component (bundled, canvas). */
export function useChart(
  core: typeof echarts,
  option: Record<string, unknown>,
  onClick?: (params: { name?: string; data?: unknown }) => void,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = core.init(ref.current);
    chart.setOption(option);
    if (onClick) chart.on('click', (p) => onClick(p as { name?: string; data?: unknown }));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [core, option, onClick]);
  return ref;
}

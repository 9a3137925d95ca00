import { Tag } from 'antd';
import type { SettingField, SettingLevel, SettingSource, SettingValue } from '../../api/settings';

export const LEVEL_LABEL: Record<SettingLevel, string> = {
  default: '默认',
  province: '省级',
  prefecture: '州市级',
  county: '县级',
  township: '乡镇级',
  village: '村级',
};

const LEVEL_COLOUR: Record<SettingLevel, string | undefined> = {
  default: undefined,
  province: 'purple',
  prefecture: 'geekblue',
  county: 'blue',
  township: 'cyan',
  village: 'green',
};

/** The level (and region) a value comes from: 默认, or e.g. 县级 · 临洮县. */
export function SourceTag({ source, withName = true }: { source: SettingSource; withName?: boolean }) {
  const name = withName && source.regionName ? ` · ${source.regionName}` : '';
  return (
    <Tag color={LEVEL_COLOUR[source.level]} title={source.regionCode ?? '系统默认值'}>
      {LEVEL_LABEL[source.level]}
      {name}
    </Tag>
  );
}

/** One field's value as people read it: 50%, 20,000 元, 16 周岁, 2026-03、2026-09. */
export function formatField(f: SettingField, v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (f.kind === 'share' && typeof v === 'number') return `${Math.round(v * 1000000) / 10000}%`;
  if (f.kind === 'months') return Array.isArray(v) && v.length ? v.join('、') : '无';
  if (f.kind === 'choice') return f.options?.find((o) => o.value === v)?.label ?? String(v);
  if (typeof v === 'number') {
    const n = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(v);
    return f.unit ? `${n} ${f.unit}` : n;
  }
  return String(v);
}

/**
 * A setting value field by field. `only`: show just the fields present in the value (a stored row, which may leave
 * fields to the level above); `sources`: tag each field with the level it comes from.
 */
export function SettingValueView({
  fields,
  value,
  only = false,
  sources,
  empty = '—',
}: {
  fields: SettingField[];
  value: SettingValue | null | undefined;
  only?: boolean;
  sources?: Record<string, SettingSource>;
  empty?: string;
}) {
  const shown = fields.filter((f) => !only || (value && f.name in value));
  const present = shown.filter((f) => value?.[f.name] !== undefined && value?.[f.name] !== '');
  if (present.length === 0 && (only || shown.every((f) => f.kind === 'text'))) {
    return <span className="sx-muted">{empty}</span>;
  }
  return (
    <div>
      {shown.map((f) => {
        const source = sources?.[f.name];
        return (
          <div key={f.name}>
            <span className="sx-muted">{f.label}：</span>
            {formatField(f, value?.[f.name])}
            {source && source.level !== 'default' && (
              <>
                {' '}
                <SourceTag source={source} withName={false} />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

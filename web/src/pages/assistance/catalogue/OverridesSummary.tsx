import { Descriptions, Typography } from 'antd';
import type { CatalogueEntry, RegionCatalogue } from '../../../api/assistance';
import { RegionName } from '../../../components/RegionName';

/** What each level above and at the region changed, highest first (SPEC §3: configuration inherited downward). */
export function OverridesSummary({
  overrides,
  catalogue,
}: {
  overrides: RegionCatalogue['overrides'];
  catalogue: CatalogueEntry[];
}) {
  if (overrides.length === 0) {
    return <Typography.Paragraph type="secondary">本区划及上级均未调整，使用默认目录。</Typography.Paragraph>;
  }
  const name = (code: string) => catalogue.find((e) => e.code === code)?.name ?? code;
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginBottom: 12 }}
      items={overrides.map((o) => ({
        key: o.regionCode,
        label: <RegionName code={o.regionCode} />,
        children:
          [
            o.disable?.length ? `停用：${o.disable.map(name).join('、')}` : '',
            o.add?.length ? `新增：${o.add.map((a) => a.name).join('、')}` : '',
            o.rename?.length ? `修改：${o.rename.map((r) => name(r.code)).join('、')}` : '',
          ]
            .filter(Boolean)
            .join('；') || '无调整',
      }))}
    />
  );
}

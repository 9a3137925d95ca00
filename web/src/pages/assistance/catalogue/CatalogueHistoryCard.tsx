import { Alert, Card } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type CatalogueEntry, type CatalogueVersion } from '../../../api/assistance';
import { errorMessage } from '../../../api/client';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { formatDateTime } from '../../../domain/format';
import { label } from '../../../domain/labels';
import { DEPARTMENT } from '../assistance-labels';

/** Every version of the region's own catalogue configuration, newest first; versions are never edited (SPEC §3). */
export function CatalogueHistoryCard({
  region,
  catalogue,
  refreshKey,
}: {
  region: string;
  catalogue: CatalogueEntry[];
  refreshKey: number;
}) {
  const [items, setItems] = useState<CatalogueVersion[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void refreshKey;
    setItems(undefined);
    setError(undefined);
    assistanceApi
      .catalogueHistory(region)
      .then((r) => live && setItems(r))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [region, refreshKey]);

  const name = (code: string) => catalogue.find((e) => e.code === code)?.name ?? code;
  return (
    <Card size="small" title="本级配置历史">
      {error && <Alert type="error" showIcon title={error} />}
      <ResponsiveTable<CatalogueVersion>
        size="small"
        rowKey="setAt"
        loading={!items && !error}
        dataSource={items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '本级未调整过措施目录' }}
        data-testid="catalogue-history"
        columns={[
          { title: '设定时间', dataIndex: 'setAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: '停用',
            key: 'disable',
            render: (_, v) => (v.value.disable ?? []).map(name).join('、') || '—',
          },
          {
            title: '新增',
            key: 'add',
            render: (_, v) => (v.value.add ?? []).map((a) => a.name).join('、') || '—',
          },
          {
            title: '修改',
            key: 'rename',
            render: (_, v) =>
              (v.value.rename ?? [])
                .map((r) =>
                  [
                    name(r.code),
                    r.name ? `名称“${r.name}”` : '',
                    r.department ? `部门“${label(DEPARTMENT, r.department)}”` : '',
                    r.content ? '政策内容' : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
                .join('；') || '—',
          },
        ]}
      />
    </Card>
  );
}

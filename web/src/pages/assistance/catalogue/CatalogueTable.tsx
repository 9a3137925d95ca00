import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { CatalogueEntry } from '../../../api/assistance';
import { RegionName } from '../../../components/RegionName';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../../domain/labels';
import { addedHere, significantCode } from './catalogue-override';

const isRegion = (s: string) => /^\d{2,12}$/.test(s);

/**
 * The catalogue in force, by measure type: where each entry comes from (a document item or the region that added
 * it), who disabled it, and — for users who configure it — 停用/恢复 and 修改. Only what this region itself disabled
 * can be re-enabled here.
 */
export function CatalogueTable({
  region,
  entries,
  ownDisabled,
  canEdit,
  onToggle,
  onRename,
}: {
  region: string;
  entries: CatalogueEntry[] | undefined;
  ownDisabled: string[];
  canEdit: boolean;
  onToggle: (e: CatalogueEntry) => void;
  onRename: (e: CatalogueEntry) => void;
}) {
  return (
    <ResponsiveTable<CatalogueEntry>
      size="small"
      rowKey="code"
      loading={!entries}
      dataSource={entries ?? []}
      pagination={false}
      scroll={{ x: 1200 }}
      data-testid="catalogue-table"
      onRow={(e) => (e.enabled ? {} : { style: { opacity: 0.6 } })}
      columns={[
        { title: '措施类型', dataIndex: 'typeName', width: 130 },
        {
          title: '子类',
          key: 'name',
          width: 180,
          render: (_, e) => (
            <div>
              <strong data-measure={e.code}>{e.name}</strong>
            </div>
          ),
        },
        { title: '帮扶防线', dataIndex: 'lineOfDefenceName', width: 100 },
        {
          title: '应对风险',
          dataIndex: 'answersRisks',
          width: 130,
          render: (v: string[]) => (v.length ? v.map((r) => label(RISK_TYPE, r)).join('、') : '（扶志扶智）'),
        },
        { title: '责任部门', dataIndex: 'departmentName', width: 150 },
        {
          title: '需劳动能力',
          dataIndex: 'needsLaborCapacity',
          width: 90,
          render: (v: boolean) => (v ? '是' : '否'),
        },
        {
          title: '政策内容',
          dataIndex: 'content',
          render: (v: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
              {v}
            </Typography.Paragraph>
          ),
        },
        {
          title: '来源',
          dataIndex: 'source',
          width: 140,
          render: (v: string) =>
            isRegion(v) ? (
              <span>
                本地新增：
                <RegionName code={significantCode(v)} />
              </span>
            ) : (
              v
            ),
        },
        {
          title: '状态',
          key: 'enabled',
          width: 150,
          render: (_, e) => (
            <Space size={4} wrap>
              {e.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
              {e.mandatory && (
                <Tooltip title="法定保障措施，任何层级不得停用">
                  <Tag color="blue">法定</Tag>
                </Tooltip>
              )}
              {e.disabledBy && (
                <span className="sx-muted">
                  由<RegionName code={significantCode(e.disabledBy)} />
                  停用
                </span>
              )}
            </Space>
          ),
        },
        ...(canEdit
          ? [
              {
                title: '操作',
                key: 'op',
                width: 120,
                fixed: 'right' as const,
                render: (_: unknown, e: CatalogueEntry) => (
                  <Space size={0}>
                    {e.enabled && (
                      <Button type="link" size="small" onClick={() => onRename(e)}>
                        修改
                      </Button>
                    )}
                    {e.enabled && !e.mandatory && (
                      <Button type="link" size="small" danger onClick={() => onToggle(e)}>
                        {addedHere(e, region) ? '删除' : '停用'}
                      </Button>
                    )}
                    {!e.enabled && ownDisabled.includes(e.code) && (
                      <Button type="link" size="small" onClick={() => onToggle(e)}>
                        恢复
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

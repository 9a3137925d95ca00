import { Alert, Card, Descriptions, Tabs, Tag } from 'antd';
import { campaignsApi } from '../../api/campaigns';
import type { PageProps } from '../../app/routes';
import { PageHead } from '../../components/PageHead';
import { formatDate } from '../../domain/format';
import { ChecklistTab } from './ChecklistTab';
import { FiguresTab } from './FiguresTab';
import { ProblemsTab } from './ProblemsTab';
import { SpotChecksTab } from './SpotChecksTab';
import { useLoad } from './use-load';

/** One campaign (SPEC §15): its checklist, spot checks, problem list and figures, one tab each. */
export default function CampaignDetailPage({ params }: PageProps) {
  const id = params.id as string;
  const { data: c, error, reload } = useLoad(() => campaignsApi.get(id), [id]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!c) return <Card loading />;
  return (
    <>
      <PageHead title={c.name}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="范围">{c.scope.map((s) => s.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="期间">
            {formatDate(c.startsOn)} 至 {formatDate(c.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label="问题">
            <Tag>共 {c.problems.total}</Tag>
            <Tag color={c.problems.open ? 'orange' : 'green'} data-testid="campaign-open">
              未清零 {c.problems.open}
            </Tag>
            {c.problems.overdue > 0 && <Tag color="red">逾期 {c.problems.overdue}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </PageHead>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'checklist', label: '任务领域与检查清单', children: <ChecklistTab campaign={c} onSaved={reload} /> },
          { key: 'spot', label: '抽查与回头看', children: <SpotChecksTab campaign={c} onChanged={reload} /> },
          { key: 'problems', label: '问题清单', children: <ProblemsTab campaign={c} onChanged={reload} /> },
          { key: 'figures', label: '统计与报告', children: <FiguresTab campaign={c} /> },
        ]}
      />
    </>
  );
}

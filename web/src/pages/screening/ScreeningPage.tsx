import { Tabs, Typography } from 'antd';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';
import { navigate, useLocation } from '../../router/history';
import { doesCountyWork } from '../feeds/feed-access';
import { HouseholdHitsPanel } from './HouseholdHitsPanel';
import { RulesPanel } from './RulesPanel';
import { RunPanel } from './RunPanel';
import { RunsPanel } from './RunsPanel';

/**
 * 筛查预警 (SPEC §10): the rules with the thresholds in force per region, running them over the registry now, the
 * record of runs, and what the rules found for one household. Rules run by themselves on every import as well.
 */
export default function ScreeningPage() {
  const user = useUser();
  const { search } = useLocation();
  const readsRegistry = can(user, 'registry.read');
  const tabs = [
    { key: 'rules', label: '筛查规则', children: <RulesPanel /> },
    ...(doesCountyWork(user) ? [{ key: 'run', label: '运行筛查', children: <RunPanel /> }] : []),
    ...(readsRegistry
      ? [
          { key: 'runs', label: '运行记录', children: <RunsPanel /> },
          { key: 'hits', label: '农户命中', children: <HouseholdHitsPanel /> },
        ]
      : []),
  ];
  const active = tabs.find((t) => t.key === search.get('tab'))?.key ?? 'rules';

  return (
    <>
      <PageHead title="筛查预警">
        <Typography.Text type="secondary">
          部门数据按身份证号与基础数据库比对：导入时即时筛查，也可对全部农户定期筛查。命中规则的生成线索，交村级核实；查无此人的列入数据质量问题。
        </Typography.Text>
      </PageHead>
      <Tabs
        activeKey={active}
        items={tabs}
        destroyOnHidden
        onChange={(key) => navigate(`/screening?tab=${key}`, { replace: true })}
      />
    </>
  );
}

import { Alert, Button, Card, Space, Switch, type TableProps, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ScreeningRule, screeningApi } from '../../api/screening';
import { useUser } from '../../app/auth';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { label, RISK_TYPE, SCREENING_SIGNAL } from '../../domain/labels';
import { can } from '../../domain/permissions';
import { SEVERITY } from '../../domain/procedure-labels';
import { useOpenKey } from '../../forms/use-open-key';
import { RegionSelect } from '../feeds/RegionSelect';
import { departmentName, recordKindName, useFeeds } from '../feeds/use-feeds';
import { RuleSettingModal } from './RuleSettingModal';
import { SettingsHistory } from './SettingsHistory';
import { describeThresholds } from './thresholds';

const SEVERITY_COLOUR: Record<string, string> = { low: 'default', normal: 'gold', high: 'red' };
const SIGNAL_COLOUR: Record<string, string> = {
  risk: 'red',
  watch: 'orange',
  check: 'blue',
  exclusion: 'purple',
  social: 'cyan',
};

/** What a rule signals: a risk type, or the exclusion item (不纳入情形) it is evidence for. */
export function signalText(r: { signal: string; riskType: string | null; exclusionItem: number | null }): string {
  if (r.exclusionItem !== null) return `不纳入情形${r.exclusionItem}`;
  return r.riskType ? `${label(RISK_TYPE, r.riskType)}风险` : '—';
}

/**
 * The screening rules (SPEC §10 "rules are data") with the thresholds and on/off in force for a region: a region's
 * own setting, else the nearest one above it, else the default. The county sets them per region, keeping history.
 */
export function RulesPanel() {
  const user = useUser();
  const { feeds } = useFeeds();
  const [region, setRegion] = useState(user.regionCode);
  const [rules, setRules] = useState<ScreeningRule[]>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [editing, setEditing] = useState<ScreeningRule>();
  const dialogKey = useOpenKey(editing !== undefined);
  const [historyCode, setHistoryCode] = useState<string>();
  const configures = can(user, 'settings.write');
  const shownHistory = historyCode ?? rules?.[0]?.code;

  const showHistory = (code: string) => {
    setHistoryCode(code);
    document.querySelector('[data-testid=settings-history]')?.scrollIntoView({ behavior: 'smooth' });
  };

  useEffect(() => {
    let live = true;
    setError(undefined);
    void changes;
    screeningApi.rules(region).then(
      (r) => live && setRules(r),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [region, changes]);

  const columns: TableProps<ScreeningRule>['columns'] = [
    { title: '规则名称', dataIndex: 'name', width: 170 },
    {
      title: '数据来源',
      key: 'department',
      width: 170,
      render: (_, r) => (
        <div>
          <div>{departmentName(feeds, r.department)}</div>
          <small className="sx-muted">{recordKindName(feeds, r.department, r.recordKind)}</small>
        </div>
      ),
    },
    {
      title: '信号',
      key: 'signal',
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={SIGNAL_COLOUR[r.signal]}>{label(SCREENING_SIGNAL, r.signal)}</Tag>
          <span>{signalText(r)}</span>
        </Space>
      ),
    },
    {
      title: '严重程度',
      dataIndex: 'severity',
      width: 90,
      render: (v: string) => <Tag color={SEVERITY_COLOUR[v]}>{label(SEVERITY, v)}</Tag>,
    },
    {
      title: '阈值',
      key: 'thresholds',
      render: (_, r) => {
        const changed = Object.entries(r.thresholds).some(([k, v]) => r.defaults[k] !== v);
        return (
          <Tooltip title={changed ? `默认：${describeThresholds(r.defaults, r.conditionKind)}` : undefined}>
            <span>
              {describeThresholds(r.thresholds, r.conditionKind)}
              {changed && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  已调整
                </Tag>
              )}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 70,
      render: (v: boolean) => <Switch size="small" checked={v} disabled aria-label={v ? '已启用' : '已停用'} />,
    },
    {
      title: '操作',
      key: 'op',
      width: configures ? 130 : 90,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {configures && (
            <Button type="link" size="small" onClick={() => setEditing(r)}>
              设定
            </Button>
          )}
          <Button type="link" size="small" onClick={() => showHistory(r.code)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card
        title={
          <span>
            规则及 <RegionName code={region} /> 生效的阈值
          </span>
        }
        extra={
          <Space>
            查看区划：
            <RegionSelect rootCode={user.regionCode} value={region} onChange={(c) => c && setRegion(c)} />
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<ScreeningRule>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rules ?? []}
          loading={!rules && !error}
          scroll={{ x: 1200 }}
          pagination={false}
          data-testid="screening-rules"
        />
      </Card>
      <SettingsHistory rules={rules} region={region} code={shownHistory} onCode={setHistoryCode} refreshKey={changes} />
      <RuleSettingModal
        key={`setting-${dialogKey}`}
        rule={editing}
        rootCode={user.regionCode}
        initialRegion={region}
        onClose={() => setEditing(undefined)}
        onSaved={(savedRegion) => {
          if (editing) setHistoryCode(editing.code);
          setEditing(undefined);
          setRegion(savedRegion);
          setChanges((c) => c + 1);
        }}
      />
    </>
  );
}

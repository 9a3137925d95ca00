import { Alert, Button, Card, Descriptions, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  assistanceApi,
  type BackstopKind,
  type MeasureWithProgress,
  type PlanSuggestion,
  type SuggestedMeasure,
} from '../../../api/assistance';
import { errorMessage } from '../../../api/client';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../../domain/labels';
import { MeasureStatusTag } from '../AssistanceTags';

interface RiskRow {
  risk: string;
  measures: MeasureWithProgress[];
  suggestions: SuggestedMeasure[];
}

type Stable = 'registry' | 'yes' | 'no';

/**
 * 帮扶计划 by risk type (SPEC §9 缺什么补什么): for each risk of the household, the measures already in place and the
 * suggested ones with the reason for each. A suggestion is only shown; 采纳 opens the measure form. The village's own
 * judgement (weak motivation, stable work income) can change the suggestion. The server audits every suggestion it
 * makes, so it is asked for by itself only while a risk has no measure; otherwise on request.
 */
export function PlanCard({
  householdId,
  riskTypes,
  measures,
  needed,
  refreshKey,
  writable,
  onAdopt,
  onPropose,
}: {
  householdId: string;
  riskTypes: string[];
  measures: MeasureWithProgress[];
  /** Some risk has no measure yet: the suggestion is loaded without asking. */
  needed: boolean;
  refreshKey: number;
  writable: boolean;
  onAdopt: (s: SuggestedMeasure) => void;
  onPropose: (preset: { kind: BackstopKind; reason: string }) => void;
}) {
  const [plan, setPlan] = useState<PlanSuggestion>();
  const [error, setError] = useState<string>();
  const [weakMotivation, setWeakMotivation] = useState(false);
  const [stable, setStable] = useState<Stable>('registry');
  const [asked, setAsked] = useState(false);
  const wanted = needed || asked;

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void refreshKey;
    setError(undefined);
    assistanceApi
      .suggest(householdId, {
        ...(weakMotivation ? { weakMotivation: true } : {}),
        ...(stable === 'registry' ? {} : { stableWorkIncome: stable === 'yes' }),
      })
      .then((p) => {
        if (!live) return;
        setPlan(p);
        // Once shown, it stays current while staff work on the plan.
        setAsked(true);
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [householdId, refreshKey, weakMotivation, stable, wanted]);

  const live = measures.filter((m) => m.status !== 'cancelled');
  const rows: RiskRow[] = riskTypes.map((risk) => ({
    risk,
    measures: live.filter((m) => m.answersRisks.includes(risk)),
    suggestions: (plan?.measures ?? []).filter((s) => s.answersRisks.includes(risk)),
  }));
  const general = (plan?.measures ?? []).filter((s) => s.answersRisks.length === 0);

  const suggestionList = (list: SuggestedMeasure[]) =>
    list.length === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      list.map((s) => (
        <div key={s.subtype} className="sx-suggestion" data-testid="plan-suggestion" data-subtype={s.subtype}>
          <Space wrap>
            <strong>{s.name}</strong>
            <Tag>{s.departmentName}</Tag>
            {writable && (
              <Button size="small" type="primary" ghost onClick={() => onAdopt(s)}>
                采纳
              </Button>
            )}
          </Space>
          <div className="sx-muted">理由：{s.reason}</div>
        </div>
      ))
    );

  return (
    <Card
      size="small"
      title="帮扶计划（缺什么补什么）"
      style={{ marginBottom: 16 }}
      extra={
        !wanted ? (
          <Button size="small" onClick={() => setAsked(true)}>
            查看帮扶建议
          </Button>
        ) : (
          <Space wrap>
            <span>
              <Switch size="small" checked={weakMotivation} onChange={setWeakMotivation} /> 内生动力不足
            </span>
            <span>
              稳定务工收入：
              <Select<Stable>
                size="small"
                value={stable}
                onChange={setStable}
                style={{ width: 120 }}
                options={[
                  { value: 'registry', label: '按基础数据' },
                  { value: 'yes', label: '有' },
                  { value: 'no', label: '无' },
                ]}
              />
            </span>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {plan && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'labour', label: '劳动能力', children: plan.facts.labourName },
            {
              key: 'stable',
              label: '稳定务工收入',
              children: `${plan.facts.stableWorkIncome ? '有' : '无'}（${plan.facts.stableWorkIncomeSource === 'staff' ? '村级研判' : '按基础数据'}）`,
            },
            {
              key: 'backstop',
              label: '兜底保障',
              children: plan.facts.backstop ? (plan.facts.backstop === 'dibao' ? '低保' : '特困供养') : '无',
            },
          ]}
        />
      )}
      {plan && plan.notes.length > 0 && (
        <ul style={{ margin: '0 0 12px', paddingLeft: 20 }}>
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {plan && plan.gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本地措施目录中没有可用于应对以下风险的措施：${plan.gaps.map((g) => label(RISK_TYPE, g)).join('、')}。请县级补充目录或自行安排。`}
        />
      )}
      {plan?.backstopProposal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`建议提请民政部门认定${plan.backstopProposal.kind === 'dibao' ? '农村低保' : '特困人员救助供养'}`}
          description={plan.backstopProposal.reason}
          action={
            writable && (
              <Button size="small" onClick={() => plan.backstopProposal && onPropose(plan.backstopProposal)}>
                提请民政认定
              </Button>
            )
          }
        />
      )}
      <ResponsiveTable<RiskRow>
        size="small"
        rowKey="risk"
        pagination={false}
        loading={wanted && !plan && !error}
        dataSource={rows}
        locale={{ emptyText: '本户未登记风险类型' }}
        data-testid="plan-by-risk"
        columns={[
          {
            title: '风险类型',
            dataIndex: 'risk',
            width: 120,
            render: (r: string, row) => (
              <Space orientation="vertical" size={2}>
                <strong>{label(RISK_TYPE, r)}</strong>
                {row.measures.length > 0 ? <Tag color="green">已有措施</Tag> : <Tag color="red">未落实措施</Tag>}
              </Space>
            ),
          },
          {
            title: '已落实措施',
            key: 'measures',
            width: 280,
            render: (_, row) =>
              row.measures.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                row.measures.map((m) => (
                  <div key={m.id}>
                    {m.name} <MeasureStatusTag status={m.status} />
                  </div>
                ))
              ),
          },
          { title: '建议措施及理由', key: 'suggestions', render: (_, row) => suggestionList(row.suggestions) },
        ]}
      />
      {general.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>其他建议（扶志扶智、基本生活保障）</Typography.Text>
          {suggestionList(general)}
        </div>
      )}
    </Card>
  );
}

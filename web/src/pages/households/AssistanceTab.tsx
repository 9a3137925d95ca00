import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  assistanceApi,
  type BackstopKind,
  type BackstopProposal,
  type HouseholdAssistance,
  type MeasureWithProgress,
  type SuggestedMeasure,
} from '../../api/assistance';
import { errorMessage } from '../../api/client';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { label, RISK_TYPE } from '../../domain/labels';
import { RISK_COLOUR_LABEL } from '../../domain/risk-colour';
import { useOpenKey } from '../../forms/use-open-key';
import { Link } from '../../router/Link';
import { AddMeasureModal } from '../assistance/AddMeasureModal';
import { OutcomeTag, ProposalStatusTag } from '../assistance/AssistanceTags';
import { BACKSTOP_KIND } from '../assistance/assistance-labels';
import { BackstopProposalModal } from '../assistance/BackstopProposalModal';
import { EditMeasureModal } from '../assistance/EditMeasureModal';
import { PlanCard } from '../assistance/household/PlanCard';
import { ResponsibleCard } from '../assistance/household/ResponsibleCard';
import { MeasuresTable } from '../assistance/MeasuresTable';
import { ProgressModal } from '../assistance/ProgressModal';
import { ResponsibleModal } from '../assistance/ResponsibleModal';

const COLOUR = { red: 'red', yellow: 'gold', green: 'green' } as const;

type Dialog =
  | { kind: 'add'; suggestion?: SuggestedMeasure }
  | { kind: 'progress' | 'edit'; measure: MeasureWithProgress }
  | { kind: 'responsible' }
  | { kind: 'propose'; preset?: { kind: BackstopKind; reason: string } };

/**
 * 帮扶 of one household (SPEC §9): its 三色 and why, the 帮扶责任人, the suggested plan by risk type with reasons, the
 * measures with money, progress and result, and its backstop proposals. Writing needs a monitored household and
 * registry.write; an eliminated household shows its assistance history read-only.
 */
export function AssistanceTab({
  householdId,
  regionCode,
  writable,
  onChanged,
}: {
  householdId: string;
  regionCode: string;
  writable: boolean;
  /** The household file shows the responsible person and backstop too: reload it after a change here. */
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [data, setData] = useState<HouseholdAssistance>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();
  const dialogKey = useOpenKey(dialog !== undefined);

  useEffect(() => {
    let live = true;
    void changes;
    assistanceApi
      .summary(householdId)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [householdId, changes]);

  const done = (text: string, level: 'success' | 'warning' = 'success') => {
    setDialog(undefined);
    setChanges((c) => c + 1);
    onChanged();
    message[level](text);
  };

  if (error && !data) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Skeleton active />;
  const monitored = data.monitoringStatus === 'monitored';
  const canWrite = writable && monitored;

  return (
    <div data-testid="assistance-tab">
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag
          color={COLOUR[data.riskColour.colour]}
          data-testid="assistance-colour"
          data-risk-colour={data.riskColour.colour}
        >
          {RISK_COLOUR_LABEL[data.riskColour.colour]}
        </Tag>
        <span>{data.riskColour.reason}</span>
        {data.unansweredRisks.length > 0 && (
          <Tag color="red" data-testid="unanswered-risks">
            未落实措施的风险：{data.unansweredRisks.map((r) => label(RISK_TYPE, r)).join('、')}
          </Tag>
        )}
        <Link to={`/cards?household=${householdId}`} data-testid="print-card">
          打印明白卡
        </Link>
        {data.latestReview && (
          <span>
            {data.latestReview.year}年度成效评议：
            <OutcomeTag outcome={data.latestReview.outcome} />
          </span>
        )}
      </Space>
      {!monitored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            data.monitoringStatus === 'eliminated'
              ? '该户已风险消除，不再作为监测对象帮扶；以下为帮扶记录。'
              : '该户不是监测对象：帮扶措施只为纳入监测的农户安排。'
          }
        />
      )}
      {monitored && (
        <ResponsibleCard
          responsible={data.responsible}
          writable={canWrite}
          onAssign={() => setDialog({ kind: 'responsible' })}
        />
      )}
      {monitored && (
        <PlanCard
          householdId={householdId}
          riskTypes={data.riskTypes}
          measures={data.measures}
          needed={data.unansweredRisks.length > 0}
          refreshKey={changes}
          writable={canWrite}
          onAdopt={(s) => setDialog({ kind: 'add', suggestion: s })}
          onPropose={(preset) => setDialog({ kind: 'propose', preset })}
        />
      )}
      <Card
        size="small"
        title={`帮扶措施（${data.measures.length}）`}
        style={{ marginBottom: 16 }}
        extra={
          canWrite && (
            <Space>
              <Button onClick={() => setDialog({ kind: 'propose' })}>提请兜底保障</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
                新增措施
              </Button>
            </Space>
          )
        }
      >
        <MeasuresTable
          measures={data.measures}
          overdueIds={data.overdueMeasures}
          onProgress={canWrite ? (m) => setDialog({ kind: 'progress', measure: m }) : undefined}
          onEdit={canWrite ? (m) => setDialog({ kind: 'edit', measure: m }) : undefined}
        />
      </Card>
      <BackstopCard proposals={data.backstopProposals} backstop={data.backstop} />
      <AddMeasureModal
        key={`add-${dialogKey}`}
        householdId={householdId}
        regionCode={regionCode}
        riskTypes={data.riskTypes}
        suggestion={dialog?.kind === 'add' ? dialog.suggestion : undefined}
        open={dialog?.kind === 'add'}
        onClose={() => setDialog(undefined)}
        onSaved={(m) =>
          m.warnings.length > 0 ? done(`措施已保存。${m.warnings.join('；')}`, 'warning') : done('帮扶措施已保存')
        }
      />
      <ProgressModal
        key={`progress-${dialogKey}`}
        measure={dialog?.kind === 'progress' ? dialog.measure : undefined}
        onClose={() => setDialog(undefined)}
        onSaved={() => done('进展已记录')}
      />
      <EditMeasureModal
        key={`edit-${dialogKey}`}
        measure={dialog?.kind === 'edit' ? dialog.measure : undefined}
        onClose={() => setDialog(undefined)}
        onSaved={() => done('措施已修改')}
      />
      <ResponsibleModal
        key={`responsible-${dialogKey}`}
        householdId={householdId}
        current={data.responsible.current}
        dueOn={data.responsible.dueOn}
        open={dialog?.kind === 'responsible'}
        onClose={() => setDialog(undefined)}
        onSaved={(r) =>
          r.onTime
            ? done(`已指定帮扶责任人：${r.name}`)
            : done(`已指定帮扶责任人：${r.name}（晚于应指定日期 ${r.dueOn ?? ''}）`, 'warning')
        }
      />
      <BackstopProposalModal
        key={`propose-${dialogKey}`}
        householdId={householdId}
        preset={dialog?.kind === 'propose' ? dialog.preset : undefined}
        open={dialog?.kind === 'propose'}
        onClose={() => setDialog(undefined)}
        onSaved={() => done('已提请民政部门认定')}
      />
    </div>
  );
}

/** 兜底保障: what the household has and the proposals to civil affairs with their decisions. */
function BackstopCard({ proposals, backstop }: { proposals: BackstopProposal[]; backstop: BackstopKind | null }) {
  if (proposals.length === 0 && !backstop) return null;
  return (
    <Card size="small" title="兜底保障" extra={<Link to="/assistance/backstop">兜底保障提请</Link>}>
      <Typography.Paragraph>现享受：{backstop ? label(BACKSTOP_KIND, backstop) : '无'}</Typography.Paragraph>
      {proposals.length === 0 ? (
        <Empty description="没有提请记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ResponsiveTable<BackstopProposal>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={proposals}
          columns={[
            { title: '提请', dataIndex: 'kind', width: 140, render: (v: string) => label(BACKSTOP_KIND, v) },
            { title: '理由', dataIndex: 'reason' },
            { title: '提请日期', dataIndex: 'proposedAt', width: 110, render: (v: string) => formatDate(v) },
            {
              title: '认定结果',
              key: 'status',
              width: 220,
              render: (_, p) => (
                <span>
                  <ProposalStatusTag status={p.status} />
                  {p.decidedOn && `${p.decidedOn}`}
                  {p.decisionNote && <div className="sx-muted">{p.decisionNote}</div>}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

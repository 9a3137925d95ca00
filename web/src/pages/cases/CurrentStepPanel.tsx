import { Alert, Button, Card, Descriptions, Divider, Space, Tag } from 'antd';
import { useState } from 'react';
import type { AssessmentResult } from '../../api/assessment';
import type { Meeting } from '../../api/cases';
import type { Role } from '../../api/types';
import { CaseEarlyWarning, ComparePanel } from '../../components/HouseholdPicturePanel';
import { formatDate } from '../../domain/format';
import { LEVEL, label } from '../../domain/procedure-labels';
import { caseAbilities, chinaToday, describeDeadline, levelColour } from '../../domain/procedure-levels';
import { useOpenKey } from '../../forms/use-open-key';
import { CompleteStepModal, isDecisionStep } from './CompleteStepModal';
import { DecisionPanel } from './DecisionPanel';
import { MeetingModal } from './MeetingModal';
import { type NoteAction, NoteActionModal, noteActionSuccess } from './NoteActionModal';
import { PublicityPanel } from './PublicityPanel';
import { RecordsChecklist } from './RecordsChecklist';
import type { UseCase } from './use-case';

function MeetingView({ m }: { m: Meeting }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'date', label: '会议日期', children: formatDate(m.date) },
        { key: 'chair', label: '主持人', children: m.chair ?? '—' },
        { key: 'att', label: `参会人员（${m.attendees.length}人）`, children: m.attendees.join('、'), span: 2 },
        {
          key: 'votes',
          label: '表决',
          children: `赞成${m.votesFor}票，反对${m.votesAgainst}票，弃权${m.abstentions ?? 0}票`,
          span: 2,
        },
        ...(m.resolution ? [{ key: 'res', label: '评议结论', children: m.resolution, span: 2 }] : []),
      ]}
    />
  );
}

/**
 * The step the case is at: what it needs (records, meeting, publicity, the decision) and the buttons the user's
 * level may press. The server is the judge: a refusal shows its Chinese message above the step.
 */
export function CurrentStepPanel({ uc, role, defaultYear }: { uc: UseCase; role: Role; defaultYear: number }) {
  const c = uc.detail;
  const [meeting, setMeeting] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [noteAction, setNoteAction] = useState<NoteAction>();
  const dialogKey = useOpenKey(meeting || completing || noteAction !== undefined);
  const [suggested, setSuggested] = useState<AssessmentResult['category']>();
  if (!c) return null;
  const can = caseAbilities(c, role);
  const step = c.step;
  const due = c.deadlines[step.index];
  const late = !c.outcome && due?.due && due.due < chinaToday();
  const decision = isDecisionStep(c);

  const title = c.outcome ? '办理结果' : `当前步骤：${step.name}`;
  return (
    <Card title={title} data-testid="current-step">
      {uc.actionError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: uc.clearError }}
          style={{ marginBottom: 16 }}
          title={uc.actionError.message}
          data-testid="action-error"
        />
      )}
      {c.state.current.returnedReason && !c.outcome && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已退回：${c.state.current.returnedReason}`}
        />
      )}
      {!c.outcome && (
        <CaseEarlyWarning
          householdId={c.householdId}
          mode={c.kind === 'inclusion' ? 'identification' : 'elimination'}
          year={c.assessment?.year ?? defaultYear}
        />
      )}
      {!c.outcome && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={levelColour[step.level]}>{label(LEVEL, step.level)}办理</Tag>
            {due?.due && (
              <Tag className="sx-tag-wrap" color={late ? 'red' : 'default'}>
                时限 {formatDate(due.due)}（{describeDeadline(step.deadline)}）{late ? ' 已逾期' : ''}
                {due.uncertain ? '（估算：该年节假日安排尚未导入）' : ''}
              </Tag>
            )}
            {!can.act && <span className="sx-muted">本步骤由{label(LEVEL, step.level)}办理，您可查看进度</span>}
          </Space>
          {step.description && <p className="sx-muted">{step.description}</p>}
          {step.code === 'compare' && (
            <>
              <Divider titlePlacement="start">平台部门信息比对结果</Divider>
              <ComparePanel
                householdId={c.householdId}
                mode={c.kind === 'inclusion' ? 'identification' : 'elimination'}
                year={c.assessment?.year ?? defaultYear}
              />
            </>
          )}
          <Divider titlePlacement="start">必备资料</Divider>
          <RecordsChecklist
            c={c}
            canUpload={can.act}
            busy={uc.busy}
            onAttach={(code, f) => void uc.attachFile(code, f)}
          />
          {step.meeting && (
            <>
              <Divider titlePlacement="start">民主评议会议</Divider>
              {c.state.current.meeting ? <MeetingView m={c.state.current.meeting} /> : <p>尚未记录评议会议。</p>}
              {can.act && !c.publicity && (
                <Button style={{ marginTop: 8 }} onClick={() => setMeeting(true)}>
                  {c.state.current.meeting ? '修改会议记录' : '记录评议会议'}
                </Button>
              )}
            </>
          )}
          {step.publicity && (
            <>
              <Divider titlePlacement="start">公示</Divider>
              <PublicityPanel c={c} can={can} busy={uc.busy} act={uc.act} />
            </>
          )}
        </>
      )}
      {(decision || c.assessment?.result) && (
        <>
          <Divider titlePlacement="start">研判</Divider>
          <DecisionPanel
            c={c}
            defaultYear={defaultYear}
            actionError={uc.actionError}
            onResult={(r) => setSuggested(r.category)}
          />
        </>
      )}
      <Divider />
      <Space wrap data-testid="case-actions">
        {can.act && (
          <Button type="primary" onClick={() => setCompleting(true)} loading={uc.busy}>
            完成本步骤
          </Button>
        )}
        {can.act && step.index > 0 && <Button onClick={() => setNoteAction('return')}>退回</Button>}
        {can.act && (
          <Button danger onClick={() => setNoteAction('reject')}>
            {c.kind === 'inclusion' ? '不予认定' : '不予通过'}
          </Button>
        )}
        {can.close && (
          <Button danger onClick={() => setNoteAction('close')}>
            关闭事项
          </Button>
        )}
        {can.reverse && <Button onClick={() => setNoteAction('reverse')}>撤销上一步骤</Button>}
        {!can.act && !can.close && !can.reverse && <span className="sx-muted">您的层级当前没有可办理的操作</span>}
      </Space>
      <MeetingModal
        key={`meeting-${dialogKey}`}
        open={meeting}
        initial={c.state.current.meeting}
        busy={uc.busy}
        onClose={() => setMeeting(false)}
        onSave={(m) =>
          void uc.act({ type: 'attach_records', meeting: m }, '会议记录已保存').then((ok) => ok && setMeeting(false))
        }
      />
      <CompleteStepModal
        key={`complete-${dialogKey}`}
        c={c}
        open={completing}
        busy={uc.busy}
        defaultYear={defaultYear}
        suggested={suggested}
        onClose={() => setCompleting(false)}
        onSubmit={(body) => void uc.act(body, `“${step.name}”已完成`).then(() => setCompleting(false))}
      />
      <NoteActionModal
        key={`note-${dialogKey}`}
        c={c}
        action={noteAction}
        busy={uc.busy}
        onClose={() => setNoteAction(undefined)}
        onSubmit={(body) =>
          void uc.act(body, noteActionSuccess(body.type as NoteAction)).then((ok) => ok && setNoteAction(undefined))
        }
      />
    </Card>
  );
}

import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { AssessmentMode } from '../../api/assessment';
import { casesApi, type ProcedureKind } from '../../api/cases';
import { ApiError, errorMessage } from '../../api/client';
import type { HouseholdFile } from '../../api/types';
import { useOpenKey } from '../../forms/use-open-key';
import { navigate } from '../../router/history';
import { AssessModal } from './AssessModal';
import { SurveyModal } from './SurveyModal';
import { VisitModal } from './VisitModal';

type Dialog = 'visit' | 'survey' | 'assess' | undefined;

/**
 * Monitoring work on one household (SPEC §6, §7, §8): a screening visit, the household survey, the assessment, and
 * starting the inclusion (not yet monitored) or elimination (monitored) procedure.
 */
export function HouseholdWorkButtons({
  file,
  writable,
  onChanged,
}: {
  file: HouseholdFile;
  writable: boolean;
  onChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>();
  const dialogKey = useOpenKey(dialog !== undefined);
  const monitored = file.monitoringStatus === 'monitored';
  const mode: AssessmentMode = monitored ? 'elimination' : 'identification';
  const latestYear = file.incomes.reduce((y, i) => Math.max(y, i.year), 0) || new Date().getFullYear() - 1;

  const start = (kind: ProcedureKind) =>
    modal.confirm({
      title: kind === 'inclusion' ? '启动识别纳入程序？' : '启动风险消除程序？',
      content: '将按本地区选用的程序模板逐步办理，每一步留痕。一户同时只能有一个正在办理的程序。',
      okText: '启动',
      onOk: async () => {
        try {
          const r = await casesApi.start(file.id, kind);
          message.success('程序已启动');
          navigate(`/cases/${r.id}`);
        } catch (e) {
          const caseId = e instanceof ApiError ? e.details.caseId : undefined;
          if (typeof caseId === 'string') {
            modal.info({
              title: errorMessage(e),
              okText: '前往办理',
              onOk: () => navigate(`/cases/${caseId}`),
            });
          } else message.error(errorMessage(e));
        }
      },
    });

  return (
    <Space wrap>
      {writable && <Button onClick={() => setDialog('visit')}>入户排查</Button>}
      {writable && <Button onClick={() => setDialog('survey')}>入户调查</Button>}
      <Button onClick={() => setDialog('assess')}>研判</Button>
      {writable &&
        (monitored ? (
          <Button onClick={() => start('elimination')}>启动风险消除程序</Button>
        ) : (
          <Button onClick={() => start('inclusion')}>启动识别程序</Button>
        ))}
      <VisitModal
        key={`visit-${dialogKey}`}
        householdLabel={`${file.members.find((m) => m.relation === 'head')?.name ?? ''}（${file.code}）`}
        householdId={file.id}
        open={dialog === 'visit'}
        onClose={() => setDialog(undefined)}
        onSaved={(noRisk) => {
          setDialog(undefined);
          message.success(noRisk ? '排查已记录，未发现风险已销号' : '排查已记入线索台账，请核实处理');
          onChanged();
        }}
      />
      <SurveyModal
        key={`survey-${dialogKey}`}
        householdId={file.id}
        defaultKind={mode}
        open={dialog === 'survey'}
        onClose={() => setDialog(undefined)}
        onSaved={() => {
          setDialog(undefined);
          message.success('入户调查已保存，研判将采用最新调查');
          onChanged();
        }}
      />
      <AssessModal
        key={`assess-${dialogKey}`}
        householdId={file.id}
        defaultMode={mode}
        defaultYear={latestYear}
        open={dialog === 'assess'}
        onClose={() => setDialog(undefined)}
      />
    </Space>
  );
}

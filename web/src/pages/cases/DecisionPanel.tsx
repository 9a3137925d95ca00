import { Alert, Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { type AssessmentResult, assessmentApi } from '../../api/assessment';
import type { CaseDetail } from '../../api/cases';
import { type ApiError, errorMessage } from '../../api/client';
import { AssessmentResultView } from '../../components/AssessmentResultView';

/** The assessment the server attached to a refusal (CASE_NOT_ELIGIBLE, CASE_RISK_NOT_STABLE …), if any. */
export function assessmentOf(err: ApiError | undefined): AssessmentResult | undefined {
  const a = err?.details.assessment;
  return a && typeof a === 'object' && 'decision' in a ? (a as AssessmentResult) : undefined;
}

/**
 * At the decision step: the household assessed with the rules of SPEC §7.3 before deciding (研判预览), the result the
 * server gave with its last refusal, or the result stored with the decision once made.
 */
export function DecisionPanel({
  c,
  defaultYear,
  actionError,
  onResult,
}: {
  c: CaseDetail;
  defaultYear: number;
  actionError: ApiError | undefined;
  onResult: (r: AssessmentResult) => void;
}) {
  const [year, setYear] = useState<number>(defaultYear);
  const [preview, setPreview] = useState<{ result: AssessmentResult; year: number }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const refused = assessmentOf(actionError);
  const stored = c.assessment?.result;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await assessmentApi.assess(
        c.householdId,
        c.kind === 'inclusion' ? 'identification' : 'elimination',
        year,
      );
      setPreview({ result: r.result, year: r.year });
      onResult(r.result);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = refused
    ? { result: refused, year: undefined, title: '服务器研判结果（未通过的原因）' }
    : preview
      ? { ...preview, title: '研判预览' }
      : stored
        ? { result: stored, year: c.assessment?.year, title: '认定时的研判结果' }
        : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="decision-panel">
      {!c.outcome && (
        <Space wrap>
          研判年度：
          <InputNumber min={2013} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
          <Button onClick={() => void run()} loading={busy}>
            研判预览
          </Button>
          <span className="sx-muted">按本地区监测线和最近一次入户调查研判，结果供决定参考</span>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {shown && (
        <div>
          <strong>{shown.title}</strong>
          <AssessmentResultView result={shown.result} year={shown.year} />
        </div>
      )}
    </Space>
  );
}

import { Alert, Button, InputNumber, Modal, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { type AssessmentMode, type AssessmentResult, assessmentApi, type HouseholdPicture } from '../../api/assessment';
import { errorMessage } from '../../api/client';
import { AssessmentResultView } from '../../components/AssessmentResultView';
import { HouseholdPictureView } from '../../components/HouseholdPicturePanel';
import { formatDate } from '../../domain/format';

/**
 * 研判 (SPEC §7.3): the household assessed in place for a year with its region's line and thresholds and its newest
 * survey; the decision and every rule are shown as a cadre would explain them. Audited by the server as a read.
 */
export function AssessModal({
  householdId,
  defaultMode,
  defaultYear,
  open,
  onClose,
}: {
  householdId: string;
  defaultMode: AssessmentMode;
  defaultYear: number;
  open: boolean;
  onClose: () => void;
}) {
  const [mode, setMode] = useState<AssessmentMode>(defaultMode);
  const [year, setYear] = useState(defaultYear);
  const [result, setResult] = useState<{ result: AssessmentResult; year: number; surveyedOn?: string }>();
  const [picture, setPicture] = useState<HouseholdPicture>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setMode(defaultMode);
      setYear(defaultYear);
      setResult(undefined);
      setPicture(undefined);
      setError(undefined);
    }
  }, [open, defaultMode, defaultYear]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setPicture(undefined);
    try {
      const r = await assessmentApi.assess(householdId, mode, year);
      setResult({ result: r.result, year: r.year, surveyedOn: r.survey?.surveyedOn });
      setPicture(await assessmentApi.picture(householdId, year, mode));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="研判" open={open} width={760} onCancel={onClose} footer={null} destroyOnHidden>
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          optionType="button"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { value: 'identification', label: '识别纳入研判' },
            { value: 'elimination', label: '风险消除研判' },
          ]}
        />
        年度：
        <InputNumber min={2013} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
        <Button type="primary" loading={busy} onClick={() => void run()}>
          开始研判
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <>
          <p className="sx-muted">
            {result.surveyedOn ? `采用${formatDate(result.surveyedOn)}的入户调查。` : '尚无入户调查，按档案数据研判。'}
            已比对部门数据，依据中注明来源。
          </p>
          <AssessmentResultView result={result.result} year={result.year} />
          {picture && (
            <div style={{ marginTop: 12 }}>
              <HouseholdPictureView picture={picture} />
            </div>
          )}
        </>
      )}
    </Modal>
  );
}

import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { cluesApi, type VisitFindings, type VisitLocation, type VisitRules } from '../../api/clues';
import { FormError } from '../../components/FormError';
import { PhotoPicker, type PickedPhoto } from '../../components/PhotoPicker';
import { options, RISK_TYPE } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';
import { isOffline, loadVisitRules, queueVisit } from '../../offline/visit-queue';

/** The phone's position, asked only when the cadre turns 记录位置 on (the browser asks the cadre first). */
function currentPosition(): Promise<VisitLocation> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('此浏览器不能获取位置'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          latitude: Math.round(p.coords.latitude * 1e6) / 1e6,
          longitude: Math.round(p.coords.longitude * 1e6) / 1e6,
          accuracy: Math.round(p.coords.accuracy),
        }),
      (e) =>
        reject(
          new Error(
            e.code === e.PERMISSION_DENIED
              ? '未允许获取位置：可在浏览器设置中允许，或不记录位置'
              : '暂时无法获取位置，可稍后重试或不记录位置',
          ),
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

interface Values {
  visitedOn: Dayjs;
  finding: string;
  riskTypes?: string[];
  noRisk: boolean;
  riskFacts?: RiskFact[];
  housingAppraisal?: 'A' | 'B' | 'C' | 'D' | null;
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other' | null;
  medicalExpense?: number | null;
}

/** Risk facts a cadre observes at the visit (src/domain/picture VisitFindings.risks). */
type RiskFact = 'dropout' | 'medicalUnaffordable' | 'waterUnsafe' | 'industryLoss' | 'laborLoss';
const RISK_FACTS: { value: RiskFact; label: string }[] = [
  { value: 'dropout', label: '义务教育阶段辍学' },
  { value: 'medicalUnaffordable', label: '医疗费用无力承担' },
  { value: 'waterUnsafe', label: '饮水不安全' },
  { value: 'industryLoss', label: '产业经营亏损' },
  { value: 'laborLoss', label: '主要劳动力丧失' },
];
const SUDDEN_EVENTS = [
  { value: 'illness', label: '重大疾病' },
  { value: 'disaster', label: '自然灾害' },
  { value: 'accident', label: '意外事故' },
  { value: 'other', label: '其他突发事件' },
];

/** The structured findings the API takes (issue 9 point 6), or undefined when the cadre recorded none. */
export function visitFindings(v: Partial<Values>): VisitFindings | undefined {
  const risks: NonNullable<VisitFindings['risks']> = {};
  for (const k of v.riskFacts ?? []) risks[k] = true;
  if (v.housingAppraisal) risks.housingAppraisal = v.housingAppraisal;
  const findings: VisitFindings = {
    ...(Object.keys(risks).length > 0 ? { risks } : {}),
    ...(v.suddenEvent ? { suddenEvent: v.suddenEvent } : {}),
    ...(typeof v.medicalExpense === 'number' ? { medicalExpense: v.medicalExpense } : {}),
  };
  return Object.keys(findings).length > 0 ? findings : undefined;
}

/**
 * 入户排查 (SPEC §6 channel 2): a cadre's screening visit is entered in the clue ledger; with no risk found it is
 * closed at once (核实无风险), otherwise it waits to be verified. What the cadre found — risk facts, the housing
 * appraisal, a sudden event, the medical out-of-pocket reported — is recorded as structured findings that enter the
 * household picture (SPEC §7.4; issue 9 point 6), not only as a note.
 */
export function VisitModal({
  householdId,
  householdLabel,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  /** 户主 and 户编号: names the visit in the 待上传 queue when it is kept on the phone. */
  householdLabel: string;
  open: boolean;
  onClose: () => void;
  onSaved: (noRisk: boolean) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const noRisk = Form.useWatch('noRisk', form);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [rules, setRules] = useState<VisitRules>();
  const [location, setLocation] = useState<VisitLocation>();
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string>();
  // One visit, one id, for the dialog's life: saving again after a cut-off upload repeats it, never doubles it.
  const clientId = useRef(crypto.randomUUID());
  const photoIds = useRef(new Map<string, string>());
  const photoId = (key: string) => {
    const known = photoIds.current.get(key);
    if (known) return known;
    const id = crypto.randomUUID();
    photoIds.current.set(key, id);
    return id;
  };

  useEffect(() => {
    if (!open) return;
    // a new visit each time the dialog opens
    clientId.current = crypto.randomUUID();
    photoIds.current = new Map();
    setPhotos([]);
    setLocation(undefined);
    setLocationError(undefined);
    let live = true;
    loadVisitRules()
      .then((r) => live && setRules(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [open]);

  const locate = async (on: boolean) => {
    setLocationError(undefined);
    if (!on) {
      setLocation(undefined);
      return;
    }
    setLocating(true);
    try {
      setLocation(await currentPosition());
    } catch (e) {
      setLocationError(e instanceof Error ? e.message : '暂时无法获取位置');
    } finally {
      setLocating(false);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    const findings = v.noRisk ? undefined : visitFindings(v);
    const visit = {
      householdId,
      visitedOn: v.visitedOn.format('YYYY-MM-DD'),
      finding: v.finding.trim(),
      riskTypes: v.noRisk ? [] : (v.riskTypes ?? []),
      noRisk: v.noRisk,
      ...(findings ? { findings } : {}),
      ...(location ? { location } : {}),
      clientId: clientId.current,
    };
    const waiting = photos.map((p) => ({ photoId: photoId(p.key), blob: p.blob }));
    // Without signal the visit is kept on the phone (待上传) with the photos not yet sent, and uploaded once back
    // online (issue 14 point 3); a visit cut off half-way keeps its id, so the server answers it as a repeat.
    const keep = async () => {
      await queueVisit(visit, householdLabel, waiting, clientId.current);
      message.success('没有网络，走访已保存在本机，恢复网络后自动上传');
      onClose();
    };
    try {
      if (!navigator.onLine) await keep();
      else {
        await cluesApi.recordVisit(visit);
        while (waiting.length > 0) {
          const [next] = waiting;
          if (!next) break;
          await cluesApi.uploadVisitPhoto(clientId.current, next.photoId, next.blob);
          waiting.shift();
        }
        onSaved(v.noRisk);
      }
    } catch (e) {
      if (isOffline(e)) {
        await keep().catch((err) => setError(err));
        return;
      }
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="记录入户排查"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {!navigator.onLine && (
        <Alert type="warning" showIcon message="当前没有网络：保存后走访留在本机，恢复网络后自动上传" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ visitedOn: dayjs(), noRisk: false }}
      >
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="noRisk" label="排查结论" valuePropName="checked" extra="未发现风险的走访直接销号">
          <Switch checkedChildren="未发现风险" unCheckedChildren="发现风险" />
        </Form.Item>
        {!noRisk && (
          <>
            <Form.Item name="riskTypes" label="发现的风险类型">
              <Checkbox.Group options={options(RISK_TYPE)} />
            </Form.Item>
            <Divider titlePlacement="start" plain>
              排查发现（计入家庭情况，作为研判依据）
            </Divider>
            <Form.Item name="riskFacts" label="风险事实">
              <Checkbox.Group options={RISK_FACTS} data-testid="visit-risk-facts" />
            </Form.Item>
            <Form.Item name="housingAppraisal" label="住房安全鉴定等级">
              <Select
                allowClear
                placeholder="未鉴定可不填"
                options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g}级` }))}
                data-testid="visit-housing"
              />
            </Form.Item>
            <Form.Item name="suddenEvent" label="突发事件">
              <Select allowClear placeholder="无可不填" options={SUDDEN_EVENTS} data-testid="visit-sudden-event" />
            </Form.Item>
            <Form.Item
              name="medicalExpense"
              label="本年医疗自付费用（元，农户自报）"
              extra="医保结算数据为准；与医保或收支记录不一致时研判会提示核实"
            >
              <InputNumber min={0} max={100000000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="finding"
          label="走访情况"
          rules={[
            { required: true, whitespace: true, message: '请填写走访情况' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：户主3月住院，自付费用较高，家庭收入下降" />
        </Form.Item>
        {rules && rules.photosPerVisit > 0 && (
          <Form.Item label="现场照片（可不拍）">
            <PhotoPicker value={photos} onChange={setPhotos} max={rules.photosPerVisit} testId="visit-photos" />
          </Form.Item>
        )}
        <Form.Item
          label="走访位置"
          extra={
            locationError ? (
              <Typography.Text type="danger">{locationError}</Typography.Text>
            ) : location ? (
              `已获取位置（精度约${location.accuracy ?? '—'}米），随走访保存`
            ) : (
              '可不记录；打开后手机会询问是否允许获取位置'
            )
          }
        >
          <Switch
            checked={location !== undefined}
            loading={locating}
            onChange={(on) => void locate(on)}
            checkedChildren="记录位置"
            unCheckedChildren="不记录"
            data-testid="visit-location"
          />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}

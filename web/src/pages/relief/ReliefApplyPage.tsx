import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type ReliefApplication, type ReliefItem, type ReliefSubmitted, reliefApi } from '../../api/relief';
import { FormError } from '../../components/FormError';
import { PhotoPicker, type PickedPhoto } from '../../components/PhotoPicker';
import { normalizeIdNumber } from '../../domain/id-number';
import { applyServerError } from '../../forms/server-errors';
import { useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { idNumberRules, normalizePhone, phoneRules, villageRules } from '../declare/applicant-fields';
import { PublicShell } from '../declare/PublicShell';
import { VillageField } from '../declare/VillageField';

interface Values {
  villageCode: string;
  itemCode: string;
  channel: 'self' | 'proxy';
  applicantName: string;
  idNumber: string;
  phone: string;
  description: string;
  proxyName?: string;
  proxyRelation?: string;
  proxyPhone?: string;
}

/** What the picker offers before the county's limit is known (the setting's own upper bound is 12). */
const PICKER_MAX = 9;

/**
 * `/relief` — 政府救助平台 (SPEC §14): a citizen (群众举手) or someone on their behalf (他人代举) applies for a service
 * item without an account, from a phone. `?village=…` (a village's QR code) fills in the village.
 */
export default function ReliefApplyPage() {
  const { search } = useLocation();
  const [form] = Form.useForm<Values>();
  const village = Form.useWatch('villageCode', form);
  const channel = Form.useWatch('channel', form);
  const itemCode = Form.useWatch('itemCode', form);
  const [items, setItems] = useState<ReliefItem[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ReliefSubmitted>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [sent, setSent] = useState<{ uploaded: number; failed: string[]; over: number }>();
  const initialVillage = search.get('village') ?? undefined;

  useEffect(() => {
    let live = true;
    setItems([]);
    if (village && /^\d{12}$/.test(village)) {
      reliefApi.items(village).then(
        (list) => live && setItems(list),
        () => live && setItems([]),
      );
    }
    return () => {
      live = false;
    };
  }, [village]);

  const item = items.find((i) => i.code === itemCode);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: ReliefApplication = {
        channel: v.channel,
        applicantName: v.applicantName.trim(),
        idNumber: normalizeIdNumber(v.idNumber),
        phone: normalizePhone(v.phone),
        villageCode: v.villageCode,
        itemCode: v.itemCode,
        description: v.description.trim(),
        ...(v.channel === 'proxy'
          ? {
              proxy: {
                name: (v.proxyName ?? '').trim(),
                relation: (v.proxyRelation ?? '').trim(),
                phone: normalizePhone(v.proxyPhone ?? ''),
              },
            }
          : {}),
      };
      const submitted = await reliefApi.apply(body);
      // The application stands on its own; photos follow one by one, and a failed one is named, not fatal.
      const allowed = photos.slice(0, submitted.photosAllowed);
      const failed: string[] = [];
      let uploaded = 0;
      for (const [i, p] of allowed.entries()) {
        try {
          await reliefApi.addPublicPhoto(submitted.trackingCode, body.phone, p.blob);
          uploaded += 1;
        } catch (e) {
          failed.push(`第${i + 1}张：${e instanceof Error ? e.message : '上传失败'}`);
        }
      }
      setSent({ uploaded, failed, over: photos.length - allowed.length });
      setDone(submitted);
    } catch (e) {
      setError(e);
      applyServerError(form, e, (f) =>
        f === 'proxy.name'
          ? 'proxyName'
          : f === 'proxy.relation'
            ? 'proxyRelation'
            : f === 'proxy.phone'
              ? 'proxyPhone'
              : f,
      );
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PublicShell title="政府救助平台">
        <Card data-testid="relief-done">
          <Typography.Title level={5}>申请已提交</Typography.Title>
          <div className="sx-public-stage">
            查询码：<strong data-testid="relief-code">{done.trackingCode}</strong>
          </div>
          <p>{done.message}</p>
          {done.dueEstimated && <Alert type="info" showIcon title="办理期限按估算的工作日计算，以部门通知为准" />}
          {sent && sent.uploaded > 0 && <p data-testid="relief-photos-sent">已上传{sent.uploaded}张照片。</p>}
          {sent && sent.over > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`每件申请最多附${done.photosAllowed}张照片，其余${sent.over}张未上传`}
            />
          )}
          {sent && sent.failed.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="部分照片未上传成功，可在办理进度页面补充"
              description={sent.failed.join('；')}
            />
          )}
          <Link to={`/relief/status?code=${done.trackingCode}`}>查看办理进度</Link>
        </Card>
      </PublicShell>
    );
  }

  return (
    <PublicShell title="政府救助平台">
      <p className="sx-public-lead">
        遇到生活、就医、上学、住房、饮水、就业等困难，可以在这里申请救助。县里的主管部门按时限办理并答复，您可以随时查询每一步进度。
      </p>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ villageCode: initialVillage, channel: 'self' }}
        scrollToFirstError
        data-testid="relief-form"
      >
        <Form.Item name="villageCode" label="所在村（社区）" rules={villageRules}>
          <VillageField />
        </Form.Item>
        <Form.Item name="itemCode" label="申请事项" rules={[{ required: true, message: '请选择申请事项' }]}>
          <Select
            placeholder={items.length ? '请选择' : '请先选择所在村'}
            options={items.map((i) => ({ value: i.code, label: i.name }))}
            data-testid="relief-item"
          />
        </Form.Item>
        {item && (
          <Alert
            style={{ marginBottom: 16 }}
            type="info"
            showIcon
            title={`由${item.departmentName}办理，${item.limitDays}个工作日内答复`}
            description={item.materials.length ? `办理时可能需要：${item.materials.join('、')}` : undefined}
          />
        )}
        <Form.Item name="channel" label="谁来申请">
          <Radio.Group>
            <Radio value="self">本人申请</Radio>
            <Radio value="proxy">替他人申请</Radio>
          </Radio.Group>
        </Form.Item>
        {channel === 'proxy' && (
          <Card size="small" title="代为申请人" style={{ marginBottom: 16 }}>
            <Form.Item
              name="proxyName"
              label="您的姓名"
              rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item
              name="proxyRelation"
              label="与申请人的关系"
              rules={[{ required: true, whitespace: true, message: '请填写关系，如邻居、子女' }]}
            >
              <Input maxLength={20} placeholder="如：邻居、子女、村民小组长" />
            </Form.Item>
            <Form.Item name="proxyPhone" label="您的手机号码" rules={phoneRules}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
            <Typography.Text type="secondary">提交后，请申请人本人凭查询码和手机号确认。</Typography.Text>
          </Card>
        )}
        <Form.Item
          name="applicantName"
          label="申请人姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={30} autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label="申请人身份证号" rules={idNumberRules}>
          <Input maxLength={20} placeholder="18位身份证号" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="申请人手机号码"
          extra="用于查询办理进度，办理部门也会通过此号码联系"
          rules={phoneRules}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="description"
          label="困难情况"
          rules={[
            { required: true, whitespace: true, message: '请简要说明遇到的困难' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：丈夫上月住院，家里没有收入，急需生活费" />
        </Form.Item>
        <Form.Item label="照片（可选）" extra="如房屋损坏、病历、票据等，有助于部门尽快办理">
          {/* the county's own limit (relief.limits) is applied when the application is sent */}
          <PhotoPicker value={photos} onChange={setPhotos} max={PICKER_MAX} testId="relief-photos" />
        </Form.Item>
        <FormError error={error} />
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="relief-submit">
          提交申请
        </Button>
      </Form>
    </PublicShell>
  );
}

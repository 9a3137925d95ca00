import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { type GovernmentFiling, type ReliefItem, type ReliefSubmitted, reliefApi } from '../../api/relief';
import type { Member } from '../../api/types';
import { FormError } from '../../components/FormError';
import { normalizeIdNumber } from '../../domain/id-number';
import { RELATION } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';
import { idNumberRules, normalizePhone, phoneRules, villageRules } from '../declare/applicant-fields';
import { VillageField } from '../declare/VillageField';

interface Values {
  personId?: string;
  applicantName?: string;
  idNumber?: string;
  villageCode?: string;
  phone: string;
  itemCode: string;
  description: string;
}

/**
 * 政府托举 (SPEC §14): a cadre files a relief application for someone who cannot apply alone. From a household file
 * the applicant is one of its members (name and ID number come from the registry); from the inbox the cadre types
 * the applicant in. Either way the application is routed like a citizen's and raises a monitoring clue.
 */
export function GovernmentFilingModal({
  open,
  onClose,
  onFiled,
  household,
  pickerRoot,
}: {
  open: boolean;
  onClose: () => void;
  onFiled: (submitted: ReliefSubmitted) => void;
  /** The household file it is opened from; without it the applicant is typed in. */
  household?: { regionCode: string; members: Member[] };
  /** Where the village picker starts (the user's region). */
  pickerRoot?: string;
}) {
  const [form] = Form.useForm<Values>();
  const typedVillage = Form.useWatch('villageCode', form);
  const itemCode = Form.useWatch('itemCode', form);
  const village = household?.regionCode ?? typedVillage;
  const [items, setItems] = useState<ReliefItem[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setItems([]);
    if (open && village && /^\d{12}$/.test(village)) {
      reliefApi.items(village).then(
        (list) => live && setItems(list),
        () => live && setItems([]),
      );
    }
    return () => {
      live = false;
    };
  }, [open, village]);

  const item = items.find((i) => i.code === itemCode);
  const members = (household?.members ?? []).filter((m) => m.status !== 'deceased');

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const body: GovernmentFiling = household
        ? {
            personId: v.personId,
            phone: normalizePhone(v.phone),
            itemCode: v.itemCode,
            description: v.description.trim(),
          }
        : {
            applicantName: (v.applicantName ?? '').trim(),
            idNumber: normalizeIdNumber(v.idNumber ?? ''),
            villageCode: v.villageCode,
            phone: normalizePhone(v.phone),
            itemCode: v.itemCode,
            description: v.description.trim(),
          };
      onFiled(await reliefApi.file(body));
      form.resetFields();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="代为申请救助（政府托举）"
      okText="提交申请"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} data-testid="relief-filing">
        {household ? (
          <Form.Item name="personId" label="申请人（家庭成员）" rules={[{ required: true, message: '请选择申请人' }]}>
            <Select
              data-testid="relief-filing-member"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="请选择"
              options={members.map((m) => ({
                value: m.id,
                label: `${m.name}（${RELATION[m.relation] ?? '成员'}）`,
              }))}
              onChange={(id: string) => {
                const phone = members.find((m) => m.id === id)?.phone;
                if (phone && !form.getFieldValue('phone')) form.setFieldValue('phone', phone);
              }}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="villageCode" label="所在村（社区）" rules={villageRules}>
              <VillageField pickerRoot={pickerRoot} />
            </Form.Item>
            <Form.Item
              name="applicantName"
              label="申请人姓名"
              rules={[{ required: true, whitespace: true, message: '请填写申请人姓名' }]}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="idNumber" label="申请人身份证号" rules={idNumberRules}>
              <Input maxLength={20} inputMode="text" autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label="联系电话" rules={phoneRules}>
          <Input maxLength={20} inputMode="tel" data-testid="relief-filing-phone" />
        </Form.Item>
        <Form.Item name="itemCode" label="申请事项" rules={[{ required: true, message: '请选择申请事项' }]}>
          <Select
            data-testid="relief-filing-item"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={items.length ? '请选择' : '请先选择所在村'}
            options={items.map((i) => ({ value: i.code, label: i.name }))}
          />
        </Form.Item>
        {item && (
          <Alert
            style={{ marginBottom: 16 }}
            type="info"
            showIcon
            title={`由${item.departmentName}办理，${item.limitDays}个工作日内答复`}
            description={item.materials.length ? `需要的材料：${item.materials.join('、')}` : undefined}
          />
        )}
        <Form.Item
          name="description"
          label="困难情况"
          rules={[{ required: true, whitespace: true, message: '请填写困难情况' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="relief-filing-description" />
        </Form.Item>
        <FormError error={error} />
      </Form>
    </Modal>
  );
}

import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { type QualityItem, screeningApi } from '../../api/screening';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';

/** Handled meanwhile by someone else or by the routine run, which resolves items whose person is now registered. */
const ALREADY_RESOLVED = 'DATA_QUALITY_RESOLVED';

/**
 * 处理 a data-quality item (SPEC §10): what was done about a record whose person the registry does not hold — e.g.
 * "非本县户籍" or "部门已更正身份证号". The note is required and kept with who and when; an item someone else handled
 * meanwhile is refused (409) and the list is reloaded.
 */
export function ResolveQualityModal({
  item,
  onClose,
  onResolved,
}: {
  item: QualityItem | undefined;
  onClose: () => void;
  /** `already`: someone else (or the routine run) had handled it first. */
  onResolved: (already: boolean) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!item) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await screeningApi.resolveQuality(item.id, v.resolution.trim());
      message.success('已登记处理情况');
      onResolved(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === ALREADY_RESOLVED) {
        message.warning('该数据质量问题已处理');
        onResolved(true);
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
      title="处理数据质量问题"
      open={item !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="确认已处理"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {item && (
        <p className="sx-muted">
          {item.name ?? '（无姓名）'} {item.idNumberMasked ?? ''}，{item.period} 期
          {item.sheetName ? `工作表“${item.sheetName}”` : ''}第 {item.rowNumber} 行：{item.reason}
        </p>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="resolution"
          label="处理情况"
          rules={[
            { required: true, whitespace: true, message: '请填写处理情况' },
            { max: 500, message: '最多500字' },
          ]}
        >
          <Input.TextArea
            rows={4}
            placeholder="如：经核实非本县户籍；已请医保局更正身份证号；已补录该人员"
            showCount
            maxLength={500}
          />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}

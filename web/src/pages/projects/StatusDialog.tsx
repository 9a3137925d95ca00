import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Project, type ProjectStatus, projectsApi } from '../../api/projects';
import { FormError } from '../../components/FormError';
import { label, PROJECT_STATUS_ACTION } from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  note?: string;
  publicity?: [Dayjs, Dayjs];
  keyResponsible?: { city?: string; district?: string; town?: string };
}

/** Moves a project through the library: review with its publicity, approval (key projects name 三级帮包责任人), exit. */
export function StatusDialog({
  project,
  to,
  onClose,
  onDone,
}: {
  project: Project;
  to: ProjectStatus | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async () => {
    if (!to) return;
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await projectsApi.setStatus(project.id, {
        to,
        version: project.version,
        ...(v.note ? { note: v.note } : {}),
        ...(v.publicity
          ? { publicityFrom: v.publicity[0].format('YYYY-MM-DD'), publicityTo: v.publicity[1].format('YYYY-MM-DD') }
          : {}),
        ...(v.keyResponsible ? { keyResponsible: v.keyResponsible } : {}),
      });
      message.success(`已${label(PROJECT_STATUS_ACTION, to)}`);
      onDone();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e, (f) => (f.startsWith('publicity') ? 'publicity' : f));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={to ? label(PROJECT_STATUS_ACTION, to) : ''}
      open={!!to}
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ keyResponsible: project.keyResponsible }}>
        <FormError error={failure} />
        {to === 'reviewing' && (
          <Form.Item name="publicity" label="公示期间" rules={[{ required: true, message: '请选择公示起止日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {to === 'approved' && project.keyProject && (
          <>
            <Form.Item
              name={['keyResponsible', 'city']}
              label="市级帮包责任人"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name={['keyResponsible', 'district']}
              label="区（县）级帮包责任人"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name={['keyResponsible', 'town']}
              label="镇（街）级帮包责任人"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={to === 'withdrawn' ? '出库理由' : '说明'}
          rules={to === 'withdrawn' ? [{ required: true, message: '请说明出库理由' }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { assistanceApi } from '../../../api/assistance';
import { FormError } from '../../../components/FormError';
import { VillageSelect } from '../../../components/VillageSelect';
import { applyServerError } from '../../../forms/server-errors';

interface Values {
  villageCode: string;
  year: number;
  date: Dayjs;
  attendees: string;
  minutes: string;
}

const names = (text: string | undefined) =>
  (text ?? '')
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** 开展评议: the village meeting that reviews its monitored households (SPEC §9); households are judged afterwards. */
export function NewReviewModal({
  open,
  rootCode,
  onClose,
  onStarted,
}: {
  open: boolean;
  rootCode: string;
  onClose: () => void;
  onStarted: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const r = await assistanceApi.startReview({
        villageCode: v.villageCode,
        year: v.year,
        meeting: { date: v.date.format('YYYY-MM-DD'), attendees: names(v.attendees), minutes: v.minutes.trim() },
      });
      onStarted(r.id);
    } catch (e) {
      setError(e);
      applyServerError(form, e, (f) =>
        f === 'meeting.date'
          ? 'date'
          : f === 'meeting.attendees'
            ? 'attendees'
            : f === 'meeting.minutes'
              ? 'minutes'
              : f,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="开展帮扶成效评议"
      open={open}
      width={640}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="开始评议"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          year: dayjs().year(),
          date: dayjs(),
          villageCode: rootCode.length === 12 ? rootCode : undefined,
        }}
      >
        <Form.Item
          name="villageCode"
          label="村"
          rules={[{ required: true, message: '成效评议以村为单位开展，请选择村' }]}
        >
          <VillageSelect rootCode={rootCode} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="year" label="评议年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2020} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="date"
              label="评议会日期"
              dependencies={['year']}
              rules={[
                { required: true, message: '请选择评议会日期' },
                ({ getFieldValue }) => ({
                  validator: async (_, d: Dayjs | undefined) => {
                    if (d && d.year() < Number(getFieldValue('year'))) throw new Error('评议会不能早于所评议的年度');
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="attendees"
          label="参会人员（每行一人，或用顿号、逗号分隔）"
          rules={[{ required: true, whitespace: true, message: '请填写参会人员' }]}
        >
          <Input.TextArea rows={3} placeholder={'王书记\n李主任\n驻村工作队张某\n群众代表赵某'} />
        </Form.Item>
        <Form.Item
          name="minutes"
          label="会议记录"
          rules={[
            { required: true, whitespace: true, message: '请填写会议记录' },
            { max: 20000, message: '最多20000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="评议会议程、评议方式和主要意见" />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}

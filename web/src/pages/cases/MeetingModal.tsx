import { Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Meeting } from '../../api/cases';

interface Values {
  date: Dayjs;
  attendees: string;
  votesFor: number;
  votesAgainst: number;
  abstentions?: number;
  chair?: string;
  resolution?: string;
}

const names = (text: string | undefined) =>
  (text ?? '')
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * 民主评议会议 (SPEC §8.1): who attended and the votes for and against. The same checks as the server (votes are
 * non-negative, at least one, and not more than those present) run while typing.
 */
export function MeetingModal({
  open,
  initial,
  busy,
  onClose,
  onSave,
}: {
  open: boolean;
  initial?: Meeting;
  busy: boolean;
  onClose: () => void;
  onSave: (m: Meeting) => void;
}) {
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    onSave({
      date: v.date.format('YYYY-MM-DD'),
      attendees: names(v.attendees),
      votesFor: v.votesFor,
      votesAgainst: v.votesAgainst,
      ...(v.abstentions ? { abstentions: v.abstentions } : {}),
      ...(v.chair?.trim() ? { chair: v.chair.trim() } : {}),
      ...(v.resolution?.trim() ? { resolution: v.resolution.trim() } : {}),
    });
  };
  const votesRule = {
    validator: async () => {
      const v = form.getFieldsValue();
      const total = (v.votesFor ?? 0) + (v.votesAgainst ?? 0) + (v.abstentions ?? 0);
      const present = names(v.attendees).length;
      if (total === 0) throw new Error('应记录表决情况（赞成票和反对票）');
      if (total > present) throw new Error(`表决票数（${total}）多于参会人数（${present}）`);
    },
  };
  return (
    <Modal
      title="记录民主评议会议"
      open={open}
      width={640}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存会议记录"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          date: initial ? dayjs(initial.date) : dayjs(),
          attendees: initial?.attendees.join('\n') ?? '',
          votesFor: initial?.votesFor ?? 0,
          votesAgainst: initial?.votesAgainst ?? 0,
          abstentions: initial?.abstentions ?? 0,
          chair: initial?.chair,
          resolution: initial?.resolution,
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="chair" label="主持人">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="attendees"
          label="参会人员（每行一人，或用顿号、逗号分隔）"
          rules={[{ required: true, whitespace: true, message: '应记录参会人员名单' }]}
        >
          <Input.TextArea rows={4} placeholder={'王书记\n李主任\n党员代表张某\n户主代表赵某'} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="votesFor"
              label="赞成票"
              dependencies={['attendees', 'votesAgainst', 'abstentions']}
              rules={[votesRule]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="votesAgainst" label="反对票">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="abstentions" label="弃权票">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="resolution" label="评议结论">
          <Input.TextArea rows={2} maxLength={2000} placeholder="如：同意将该户纳入监测对象并公示" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

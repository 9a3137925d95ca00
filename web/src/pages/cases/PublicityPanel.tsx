import { Alert, Button, DatePicker, Descriptions, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseActionInput, CaseDetail, Objection } from '../../api/cases';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { type CaseAbilities, chinaToday, daysBetween } from '../../domain/procedure-levels';
import { useOpenKey } from '../../forms/use-open-key';
import { AnswerObjectionModal, RecordObjectionModal } from './ObjectionModals';

function countdown(start: string, end: string, today: string): { text: string; colour: string } {
  if (today < start) return { text: `将于${formatDate(start)}开始公示`, colour: 'default' };
  if (today <= end) {
    const left = daysBetween(today, end) + 1;
    return { text: `公示中，含今天还剩${left}天（至${formatDate(end)}）`, colour: 'processing' };
  }
  return { text: '公示期已满，可办结本步骤', colour: 'success' };
}

/**
 * 公示 (SPEC §8.1): start the publicity (after the review meeting), its period and countdown, and the objections
 * received, each of which must be investigated and answered before the case can proceed.
 */
export function PublicityPanel({
  c,
  can,
  busy,
  act,
}: {
  c: CaseDetail;
  can: CaseAbilities;
  busy: boolean;
  act: (body: CaseActionInput, success: string) => Promise<boolean>;
}) {
  const [startDate, setStartDate] = useState<Dayjs | null>(dayjs());
  const [recording, setRecording] = useState(false);
  const [answering, setAnswering] = useState<Objection>();
  const dialogKey = useOpenKey(recording || answering !== undefined);
  const rule = c.step.publicity;
  if (!rule) return null;
  const period = c.publicity;
  const today = chinaToday();
  const unit = rule.unit === 'working' ? '个工作日' : '天';

  if (!period) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          本步骤须公示 <strong>{rule.days}</strong>
          {unit}（线上线下同时公示）{c.step.meeting ? '，公示前应先记录民主评议会议。' : '。'}
        </span>
        {can.act && (
          <Space wrap>
            公示开始日期：
            <DatePicker value={startDate} onChange={setStartDate} allowClear={false} />
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void act(
                  {
                    type: 'start_publicity',
                    ...(startDate ? { startDate: startDate.format('YYYY-MM-DD') } : {}),
                  },
                  '已开始公示',
                )
              }
            >
              开始公示
            </Button>
          </Space>
        )}
      </Space>
    );
  }

  const cd = countdown(period.start, period.end, today);
  const running = today >= period.start && today <= period.end;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="publicity-panel">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'start', label: '公示开始', children: formatDate(period.start) },
          { key: 'end', label: '公示结束', children: formatDate(period.end) },
          { key: 'days', label: '公示期', children: `${period.days}${period.unit === 'working' ? '个工作日' : '天'}` },
        ]}
      />
      <Space>
        <Tag color={cd.colour}>{cd.text}</Tag>
        {period.uncertain && <Tag color="warning">结束日期为估算（未导入该年节假日安排）</Tag>}
      </Space>
      <ResponsiveTable<Objection>
        size="small"
        rowKey="seq"
        pagination={false}
        locale={{ emptyText: '公示期间未收到举报（异议）' }}
        dataSource={c.objections}
        columns={[
          { title: '编号', key: 'no', width: 60, render: (_, o, i) => o.no ?? i + 1 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v: string) => formatDate(v) },
          { title: '反映人', dataIndex: 'from', width: 110, render: (v?: string) => v ?? '—' },
          { title: '异议内容', dataIndex: 'note' },
          {
            title: '核实答复',
            key: 'answer',
            width: 260,
            render: (_, o) =>
              o.answer ? (
                <span>
                  <Tag color={o.answer.decision === 'upheld' ? 'red' : 'green'}>
                    {o.answer.decision === 'upheld' ? '属实' : '不属实'}
                  </Tag>
                  {o.answer.note}（{formatDate(o.answer.on)}）
                </span>
              ) : can.answerObjection ? (
                <Button size="small" type="primary" onClick={() => setAnswering(o)}>
                  答复
                </Button>
              ) : (
                <Tag color="orange">待调查答复</Tag>
              ),
          },
        ]}
      />
      {c.objections.some((o) => !o.answer) && (
        <Alert type="warning" showIcon title="有异议尚未调查答复，答复前不能继续办理。" />
      )}
      {can.recordObjection && running && <Button onClick={() => setRecording(true)}>登记举报（异议）</Button>}
      <RecordObjectionModal
        key={`record-${dialogKey}`}
        open={recording}
        busy={busy}
        onClose={() => setRecording(false)}
        onSubmit={(body) => void act(body, '异议已登记').then((ok) => ok && setRecording(false))}
      />
      <AnswerObjectionModal
        key={`answer-${dialogKey}`}
        objection={answering}
        busy={busy}
        onClose={() => setAnswering(undefined)}
        onSubmit={(body) => void act(body, '已答复异议').then((ok) => ok && setAnswering(undefined))}
      />
    </Space>
  );
}

import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { campaignsApi } from '../../api/campaigns';
import { errorMessage } from '../../api/client';
import type { PageProps } from '../../app/routes';
import { PageHead } from '../../components/PageHead';
import { formatDate, formatDateTime } from '../../domain/format';
import { label, PROBLEM_ACTION, PROBLEM_SEVERITY, PROBLEM_SOURCE, PROBLEM_STATUS } from '../../domain/labels';
import { Link } from '../../router/Link';
import { STATUS_COLOR } from './ProblemsTab';
import { useLoad } from './use-load';

type Dialog = { type: 'submit' | 'accept' | 'reject' | 'extend' } | undefined;

/**
 * One problem (SPEC §15): what, where, who and by when; evidence files; its history; and the actions this reader may
 * take — report rectification, or, at the level above, sign off, send back or extend the deadline.
 */
export default function ProblemDetailPage({ params }: PageProps) {
  const id = params.id as string;
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => campaignsApi.problem(id), [id]);
  const [dialog, setDialog] = useState<Dialog>();
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [actError, setActError] = useState<string>();
  const file = useRef<HTMLInputElement>(null);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Card loading />;
  const p = data.problem;

  const act = async () => {
    if (!dialog) return;
    setActError(undefined);
    try {
      await campaignsApi.act(id, {
        type: dialog.type,
        ...(dialog.type === 'submit' ? { measures: text } : {}),
        ...(dialog.type === 'accept' ? { note: text } : {}),
        ...(dialog.type === 'reject' || dialog.type === 'extend' ? { reason: text } : {}),
        ...(dialog.type === 'extend' && deadline ? { deadline: deadline.format('YYYY-MM-DD') } : {}),
      });
      message.success(`${label(PROBLEM_ACTION, dialog.type)}：已办理`);
      setDialog(undefined);
      reload();
    } catch (e) {
      setActError(errorMessage(e));
    }
  };
  const upload = async (f: File | undefined) => {
    if (!f) return;
    try {
      await campaignsApi.upload(id, f);
      message.success('佐证材料已上传');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <>
      <PageHead
        title={
          <Space wrap>
            问题{p.number}
            <Tag color={STATUS_COLOR[p.status]} data-testid="problem-status">
              {label(PROBLEM_STATUS, p.status)}
            </Tag>
            {p.status === 'overdue' && p.escalatedToName && <Tag color="volcano">已上升至{p.escalatedToName}督办</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {data.allowed.map((a) => (
              <Button
                key={a}
                type={a === 'accept' || a === 'submit' ? 'primary' : 'default'}
                onClick={() => {
                  setText(a === 'submit' ? p.measures : '');
                  setActError(undefined);
                  setDialog({ type: a });
                }}
              >
                {label(PROBLEM_ACTION, a)}
              </Button>
            ))}
          </Space>
        }
      >
        <Link to={`/campaigns/${p.campaignId}`}>{p.campaignName}</Link>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="所在区划">{p.regionName}</Descriptions.Item>
          <Descriptions.Item label="户编号">{p.householdCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="任务领域">{p.areaName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="来源">{label(PROBLEM_SOURCE, p.source)}</Descriptions.Item>
          <Descriptions.Item label="严重程度">{label(PROBLEM_SEVERITY, p.severity)}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{p.owner}</Descriptions.Item>
          <Descriptions.Item label="整改时限">{formatDate(p.deadline)}</Descriptions.Item>
          <Descriptions.Item label="销号日期">{p.closedOn ? formatDate(p.closedOn) : '—'}</Descriptions.Item>
          <Descriptions.Item label="问题描述" span={2}>
            {p.description}
          </Descriptions.Item>
          <Descriptions.Item label="整改措施" span={2}>
            {p.measures || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="整改佐证材料"
        style={{ marginBottom: 16 }}
        extra={p.status !== 'closed' && <Button onClick={() => file.current?.click()}>上传材料</Button>}
      >
        <input
          ref={file}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
          style={{ display: 'none' }}
          data-testid="evidence-input"
          onChange={(e) => upload(e.target.files?.[0])}
        />
        {data.fileList.length === 0 ? (
          <Typography.Text type="secondary">尚未上传（提交整改前须上传照片或文件）</Typography.Text>
        ) : (
          data.fileList.map((f) => (
            <div key={f.id} data-testid="evidence-file">
              <a href={`/api/problems/${id}/files/${f.id}`}>{f.name}</a>
              <Typography.Text type="secondary">
                {' '}
                {f.uploadedBy} {formatDateTime(f.uploadedAt)}
              </Typography.Text>
            </div>
          ))
        )}
      </Card>
      <Card size="small" title="办理记录">
        <Timeline
          items={data.actions.map((a) => ({
            color: a.type === 'escalate' ? 'red' : a.toStatus === 'closed' ? 'green' : 'blue',
            content: (
              <>
                <b>{label(PROBLEM_ACTION, a.type)}</b> → {label(PROBLEM_STATUS, a.toStatus)}（
                {a.by === 'system' ? '系统' : a.by}，{formatDateTime(a.at)}）{a.note && <div>{a.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Modal
        title={dialog ? label(PROBLEM_ACTION, dialog.type) : ''}
        open={Boolean(dialog)}
        onCancel={() => setDialog(undefined)}
        onOk={act}
        okText="确定"
      >
        {actError && <Alert type="error" showIcon title={actError} style={{ marginBottom: 12 }} role="alert" />}
        {dialog?.type === 'extend' && (
          <DatePicker
            style={{ width: '100%', marginBottom: 12 }}
            placeholder="新的整改时限"
            value={deadline}
            onChange={setDeadline}
          />
        )}
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="action-text"
          placeholder={
            dialog?.type === 'submit' ? '整改措施' : dialog?.type === 'accept' ? '验收意见（可不填）' : '理由'
          }
        />
      </Modal>
    </>
  );
}

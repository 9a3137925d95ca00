import { Alert, App, Button, Card, Descriptions, Input, Rate, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ReliefPublicStatus, reliefApi } from '../../api/relief';
import { PhotoPicker, type PickedPhoto } from '../../components/PhotoPicker';
import { formatDateTime } from '../../domain/format';
import { useLocation } from '../../router/history';
import { PublicShell } from '../declare/PublicShell';
import { TrackingLookup } from '../declare/TrackingLookup';

const stepText = (s: ReliefPublicStatus['steps'][number]) =>
  [
    s.actorName,
    s.actionName,
    s.toDepartmentName && s.action !== 'submit' ? `至${s.toDepartmentName}` : '',
    s.note ? `：${s.note}` : '',
  ].join('');

/** `/relief/status` — the applicant's view of every step, the answer, confirmation of a 代举 and the rating. */
export default function ReliefStatusPage() {
  const { message } = App.useApp();
  const { search } = useLocation();
  const [status, setStatus] = useState<ReliefPublicStatus>();
  const [asked, setAsked] = useState<{ code: string; phone: string }>();
  const [stars, setStars] = useState(5);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [sending, setSending] = useState(false);

  const load = async (code: string, phone: string) => {
    setStatus(undefined);
    setStatus(await reliefApi.status(code, phone));
    setAsked({ code, phone });
  };

  const confirm = async () => {
    if (!asked) return;
    try {
      await reliefApi.confirm(asked.code, asked.phone);
      message.success('已确认，谢谢');
      await load(asked.code, asked.phone);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const rate = async () => {
    if (!asked) return;
    try {
      await reliefApi.rate(asked.code, asked.phone, stars, note.trim() || undefined);
      message.success('感谢您的评价');
      await load(asked.code, asked.phone);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const sendPhotos = async () => {
    if (!asked || !photos.length) return;
    setSending(true);
    try {
      for (const p of photos) await reliefApi.addPublicPhoto(asked.code, asked.phone, p.blob);
      message.success(`已补充${photos.length}张照片`);
      setPhotos([]);
      await load(asked.code, asked.phone);
    } catch (e) {
      message.error(errorMessage(e));
      await load(asked.code, asked.phone);
    } finally {
      setSending(false);
    }
  };

  const room = status ? status.photosAllowed - status.photoCount : 0;

  return (
    <PublicShell title="救助申请进度查询">
      <TrackingLookup
        code={search.get('code') ?? ''}
        phoneLabel="申请人手机号"
        codePlaceholder="提交申请后显示的查询码"
        onLookup={load}
      />
      {status && (
        <Space
          orientation="vertical"
          size="middle"
          style={{ width: '100%', marginTop: 24 }}
          data-testid="relief-status"
        >
          <Card size="small">
            <div className="sx-public-stage" data-testid="relief-stage">
              {status.statusName}
              {status.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  已超期，已督办
                </Tag>
              )}
            </div>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'item', label: '申请事项', children: status.itemName },
                { key: 'dept', label: '办理部门', children: status.departmentName },
                { key: 'village', label: '所在村', children: status.village },
                { key: 'received', label: '受理日期', children: status.receivedOn },
                {
                  key: 'due',
                  label: '答复期限',
                  children: `${status.dueOn}${status.dueEstimated ? '（按估算工作日）' : ''}`,
                },
                ...(status.outcomeName
                  ? [
                      {
                        key: 'result',
                        label: '办理结果',
                        children: `${status.outcomeName}：${status.resultNote ?? ''}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {status.needsConfirmation && (
            <Alert
              type="warning"
              showIcon
              title="这件申请由他人代为提交，请申请人本人确认"
              action={
                <Button size="small" type="primary" onClick={confirm}>
                  本人确认
                </Button>
              }
            />
          )}
          <div className="sx-public-section">办理过程</div>
          <Timeline
            data-testid="relief-steps"
            items={status.steps.map((s) => ({
              key: s.seq,
              content: (
                <>
                  <div>{stepText(s)}</div>
                  <div className="sx-muted">{formatDateTime(s.at)}</div>
                </>
              ),
            }))}
          />
          <div className="sx-public-section">照片</div>
          <div data-testid="relief-photo-count">
            已附{status.photoCount}张照片{room > 0 ? `，还可补充${room}张` : ''}
          </div>
          {room > 0 && (
            <Card size="small">
              <PhotoPicker value={photos} onChange={setPhotos} max={room} testId="relief-more-photos" />
              {photos.length > 0 && (
                <Button style={{ marginTop: 8 }} type="primary" block loading={sending} onClick={sendPhotos}>
                  上传照片
                </Button>
              )}
            </Card>
          )}
          {status.canRate && (
            <Card size="small" title="评价办理情况">
              <Rate value={stars} onChange={setStars} />
              <Input.TextArea
                style={{ marginTop: 8 }}
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="您的意见（可不填）"
              />
              <Button style={{ marginTop: 8 }} type="primary" block onClick={rate}>
                提交评价
              </Button>
            </Card>
          )}
        </Space>
      )}
    </PublicShell>
  );
}

import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatCount } from '../../domain/format';
import { editValueText } from '../../offline/edit-fields';
import { discardEdit, discardVisit, type QueuedEdit, syncVisits, useVisitQueue } from '../../offline/visit-queue';
import { EditConflictModal } from './EditConflictModal';

const STATUS = {
  pending: { text: '待上传', color: 'orange' },
  uploaded: { text: '已上传', color: 'green' },
  failed: { text: '上传失败', color: 'red' },
} as const;

const EDIT_STATUS = {
  pending: { text: '待同步', color: 'orange' },
  applied: { text: '已同步', color: 'green' },
  conflict: { text: '有冲突', color: 'red' },
  failed: { text: '同步失败', color: 'red' },
  resolved: { text: '已处理', color: 'default' },
} as const;

/** The household edits kept on this phone (ADR 0042): each with its state; a conflict opens the resolve screen. */
function EditList({ edits }: { edits: QueuedEdit[] }) {
  const [open, setOpen] = useState<string>();
  const shown = edits.find((e) => e.itemId === open && e.status === 'conflict');
  return (
    <>
      <List
        size="small"
        dataSource={edits}
        renderItem={(e) => (
          <List.Item
            data-testid="offline-edit"
            actions={[
              e.status === 'conflict' && (
                <Button
                  key="resolve"
                  size="small"
                  type="primary"
                  danger
                  onClick={() => setOpen(e.itemId)}
                  data-testid="offline-edit-resolve"
                >
                  处理冲突
                </Button>
              ),
              (e.status === 'pending' || e.status === 'failed') && (
                <Popconfirm
                  key="discard"
                  title="删除这条本机修改？删除后无法恢复"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => discardEdit(e.itemId)}
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={6} wrap>
                <strong>修改 {e.content.label}</strong>
                <Tag color={EDIT_STATUS[e.status].color} data-testid="offline-edit-status">
                  {EDIT_STATUS[e.status].text}
                </Tag>
              </Space>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {e.content.changes.map((c) => `${c.name}：${editValueText(c.field, c.value)}`).join('；')}
              </Typography.Text>
              {e.status === 'conflict' && (
                <Typography.Text type="danger">
                  {formatCount(e.content.conflicts?.length ?? 0)}项已被他人修改，请处理
                  {e.content.applied ? `；其余${formatCount(e.content.applied)}项已同步` : ''}
                </Typography.Text>
              )}
              {e.content.resolution && e.status !== 'conflict' && (
                <Typography.Text type="secondary">{e.content.resolution}</Typography.Text>
              )}
              {e.content.error && <Typography.Text type="danger">{e.content.error}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {shown && <EditConflictModal edit={shown} onClose={() => setOpen(undefined)} />}
    </>
  );
}

/**
 * The visits kept on this phone (issue 14 point 3): what waits to be uploaded, what went up, and what the server
 * refused with its reason. Shown only when there is something to show.
 */
export function OfflineQueueCard() {
  const { visits, edits, syncing, online } = useVisitQueue();
  if (visits.length === 0 && edits.length === 0 && online) return null;
  const pending =
    visits.filter((v) => v.status === 'pending').length + edits.filter((e) => e.status === 'pending').length;
  const conflicts = edits.filter((e) => e.status === 'conflict').length;
  return (
    <Card
      size="small"
      data-testid="offline-queue"
      title={
        <Space size={6} wrap>
          <span>本机走访和修改记录</span>
          {!online && <Tag color="default">离线</Tag>}
          {pending > 0 && <Tag color="orange">待上传{formatCount(pending)}条</Tag>}
          {conflicts > 0 && <Tag color="red">冲突待处理{formatCount(conflicts)}条</Tag>}
        </Space>
      }
      extra={
        pending > 0 && online ? (
          <Button size="small" loading={syncing} onClick={() => void syncVisits()}>
            立即上传
          </Button>
        ) : null
      }
    >
      {edits.length > 0 && <EditList edits={edits} />}
      {visits.length === 0 ? (
        edits.length === 0 && (
          <Typography.Text type="secondary">当前没有网络；走访可照常记录，恢复网络后自动上传。</Typography.Text>
        )
      ) : (
        <List
          size="small"
          dataSource={visits}
          renderItem={(v) => (
            <List.Item
              data-testid="offline-visit"
              actions={
                v.status === 'uploaded'
                  ? []
                  : [
                      <Popconfirm
                        key="discard"
                        title="删除这条本机走访记录？删除后无法恢复"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => discardVisit(v.clientId)}
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={6} wrap>
                  <strong>{v.content.label}</strong>
                  <Tag color={STATUS[v.status].color} data-testid="offline-visit-status">
                    {STATUS[v.status].text}
                  </Tag>
                </Space>
                <Typography.Text type="secondary">
                  走访日期 {v.content.visit.visitedOn ?? '—'} · {v.content.visit.noRisk ? '未发现风险' : '发现风险'}
                  {v.content.photos ? ` · 照片${formatCount(v.content.photos)}张` : ''}
                  {v.content.visit.location ? ' · 已记录位置' : ''}
                </Typography.Text>
                {v.content.error && <Typography.Text type="danger">{v.content.error}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

import { Alert, Button, Card, Descriptions, Modal, Popconfirm, Radio, Space } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../domain/format';
import { EDIT_FIELD_NAMES, editValueText } from '../../offline/edit-fields';
import { discardEdit, type QueuedEdit, resolveEdit } from '../../offline/visit-queue';

const keyOf = (c: { personId: string | null; field: string }) => `${c.personId ?? ''}:${c.field}`;

/**
 * 处理冲突 (ADR 0042): an offline edit met a change made meanwhile on the server. Field by field the cadre sees 我的修改
 * beside 服务器上的当前值 (who changed it, when) and keeps one; theirs are resubmitted against the server's new version.
 * Nothing is chosen for the cadre, and discarding the edit is a separate, confirmed action.
 */
export function EditConflictModal({ edit, onClose }: { edit: QueuedEdit; onClose: () => void }) {
  const conflicts = edit.content.conflicts ?? [];
  const [choices, setChoices] = useState<Record<string, 'mine' | 'server'>>({});
  const [busy, setBusy] = useState(false);
  const complete = conflicts.every((c) => choices[keyOf(c)]);

  const save = async () => {
    setBusy(true);
    try {
      await resolveEdit(edit, choices);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`处理冲突：${edit.content.label}`}
      open
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Popconfirm
            title="放弃这次修改？服务器上的值保持不变，我的修改将从本机删除"
            okText="放弃"
            cancelText="取消"
            onConfirm={async () => {
              await discardEdit(edit.itemId);
              onClose();
            }}
          >
            <Button danger data-testid="conflict-discard">
              放弃我的修改
            </Button>
          </Popconfirm>
          <Button onClick={onClose}>稍后处理</Button>
          <Button
            type="primary"
            disabled={!complete}
            loading={busy}
            onClick={() => void save()}
            data-testid="conflict-save"
          >
            确定
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="以下项目在您离线期间已被他人修改。请逐项选择保留服务器上的值，或用我的修改替换。"
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        {conflicts.map((c) => (
          <Card
            key={keyOf(c)}
            size="small"
            data-testid="conflict-field"
            title={[c.memberName, EDIT_FIELD_NAMES[c.field] ?? '其他信息'].filter(Boolean).join(' · ')}
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'mine',
                  label: '我的修改',
                  children: <span data-testid="conflict-mine">{editValueText(c.field, c.mine)}</span>,
                },
                {
                  key: 'server',
                  label: '服务器上的当前值',
                  children: <span data-testid="conflict-server">{editValueText(c.field, c.server)}</span>,
                },
                {
                  key: 'who',
                  label: '修改人',
                  children: (
                    <span data-testid="conflict-who">
                      {c.changedBy ?? '—'}
                      {c.changedAt ? `，${formatDateTime(c.changedAt)}` : ''}
                    </span>
                  ),
                },
                { key: 'base', label: '下载时的值', children: editValueText(c.field, c.base) },
              ]}
            />
            <Radio.Group
              value={choices[keyOf(c)]}
              onChange={(e) => setChoices((x) => ({ ...x, [keyOf(c)]: e.target.value }))}
              data-testid="conflict-choice"
            >
              <Space direction="vertical">
                <Radio value="server">保留服务器上的值</Radio>
                <Radio value="mine">用我的修改</Radio>
              </Space>
            </Radio.Group>
          </Card>
        ))}
      </Space>
    </Modal>
  );
}

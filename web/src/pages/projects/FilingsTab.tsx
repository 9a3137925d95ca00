import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { filingsApi } from '../../api/projects';
import { useUser } from '../../app/auth';
import { formatDateTime } from '../../domain/format';
import { useLoad } from './project-ui';

const KIND_LABEL: Record<string, string> = { pre: '实施前报备（市级审查）', post: '验收后报备（市级审核备案）' };
const STATUS_LABEL: Record<string, [string, string]> = {
  submitted: ['待市级审核', 'processing'],
  approved: ['已通过', 'green'],
  returned: ['已退回', 'red'],
};

/** 双报备 (SPEC §13): the county project officer uploads each required file and submits; the city supervisor approves or returns. */
export function FilingsTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => filingsApi.list(projectId), [projectId]);
  const [note, setNote] = useState('');
  // the city supervisor reviews 双报备 (src/modules/projects/projects.policy.ts requireFilingReview)
  const reviewer = user.role === 'supervisor';
  const act = (p: Promise<unknown>, done: string) =>
    p.then(
      () => {
        message.success(done);
        reload();
      },
      (e) => message.error(errorMessage(e)),
    );
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(data ?? []).map((k) => (
        <Card
          key={k.kind}
          size="small"
          title={KIND_LABEL[k.kind]}
          extra={k.filing && <Tag color={STATUS_LABEL[k.filing.status]?.[1]}>{STATUS_LABEL[k.filing.status]?.[0]}</Tag>}
          data-testid={`filing-${k.kind}`}
        >
          <List
            size="small"
            dataSource={k.items}
            renderItem={(i) => (
              <List.Item
                extra={
                  canEdit && (
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        void act(filingsApi.upload(projectId, k.kind, i.item, file), '材料已上传');
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />}>
                        上传
                      </Button>
                    </Upload>
                  )
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {i.label}
                      {i.files.length ? (
                        <Tag color="green">已上传{i.files.length}份</Tag>
                      ) : (
                        <Tag color="orange">缺</Tag>
                      )}
                    </Space>
                  }
                  description={i.files
                    .map((f) => `${f.name}（${f.uploadedBy} ${formatDateTime(f.uploadedAt)}）`)
                    .join('；')}
                />
              </List.Item>
            )}
          />
          {k.filing?.decisionNote && (
            <Typography.Paragraph type="secondary">
              市级意见：{k.filing.decisionNote}（{k.filing.reviewedBy}）
            </Typography.Paragraph>
          )}
          <Space wrap>
            {canEdit && k.filing?.status !== 'submitted' && k.filing?.status !== 'approved' && (
              <Button type="primary" onClick={() => act(filingsApi.submit(projectId, k.kind), '已提交市级审核')}>
                提交报备
              </Button>
            )}
            {reviewer && k.filing?.status === 'submitted' && (
              <>
                <Input
                  placeholder="审核意见（退回时必填）"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={{ width: 240 }}
                />
                <Button
                  type="primary"
                  onClick={() => act(filingsApi.decide(projectId, k.kind, 'approve', note), '已通过')}
                >
                  通过
                </Button>
                <Button danger onClick={() => act(filingsApi.decide(projectId, k.kind, 'return', note), '已退回')}>
                  退回
                </Button>
              </>
            )}
          </Space>
        </Card>
      ))}
    </Space>
  );
}

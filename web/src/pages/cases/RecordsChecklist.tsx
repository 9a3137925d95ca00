import { CheckCircleFilled, ExclamationCircleFilled, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tag, Upload } from 'antd';
import { type CaseDetail, casesApi, type RecordRequirement } from '../../api/cases';
import { label, RECORD_KIND } from '../../domain/procedure-labels';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
const ALTERNATIVE_NAMES: Record<string, string> = { consent_refusal_record: '农户不同意的调查记录（代替同意书）' };

function UploadButton({ text, disabled, onFile }: { text: string; disabled: boolean; onFile: (file: File) => void }) {
  const { message } = App.useApp();
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) message.error('文件超过10MB上限');
        else onFile(file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} disabled={disabled}>
        {text}
      </Button>
    </Upload>
  );
}

/**
 * What the current step must leave on file (SPEC §8.1): each record with the files attached to it. Uploading a file
 * (PDF, JPG, PNG, DOCX, XLSX ≤ 10MB) attaches it to that record at once.
 */
export function RecordsChecklist({
  c,
  canUpload,
  busy,
  onAttach,
}: {
  c: CaseDetail;
  canUpload: boolean;
  busy: boolean;
  onAttach: (recordCode: string, file: File) => void;
}) {
  const attachments = c.state.current.attachments;
  const fileName = (id: string) => c.files.find((f) => f.id === id)?.name ?? '材料';
  const missing = new Set(c.step.missingRecords.map((r) => r.code));
  const filesOf = (codes: string[]) => attachments.filter((a) => codes.includes(a.recordCode));

  const render = (r: RecordRequirement) => {
    const files = filesOf([r.code, ...(r.alternatives ?? [])]);
    const ok = files.length > 0;
    return (
      <List.Item
        data-testid="record-item"
        data-record={r.code}
        actions={
          canUpload
            ? [
                <UploadButton
                  key="up"
                  text={ok ? '再传一份' : '上传'}
                  disabled={busy}
                  onFile={(f) => onAttach(r.code, f)}
                />,
                ...(r.alternatives ?? []).map((alt) => (
                  <UploadButton
                    key={alt}
                    text={`或上传${ALTERNATIVE_NAMES[alt] ?? alt}`}
                    disabled={busy}
                    onFile={(f) => onAttach(alt, f)}
                  />
                )),
              ]
            : []
        }
      >
        <List.Item.Meta
          avatar={
            ok ? (
              <CheckCircleFilled style={{ color: '#16a34a' }} />
            ) : missing.has(r.code) ? (
              <ExclamationCircleFilled style={{ color: '#dc2626' }} />
            ) : (
              <ExclamationCircleFilled style={{ color: '#9ca3af' }} />
            )
          }
          title={
            <Space wrap size={4}>
              {r.name}
              <Tag>{label(RECORD_KIND, r.kind)}</Tag>
              {r.required ? <Tag color={ok ? 'green' : 'red'}>{ok ? '已备' : '必备'}</Tag> : <Tag>可选</Tag>}
            </Space>
          }
          description={
            files.length ? (
              <Space wrap size={8}>
                {files.map((a) => (
                  <a key={`${a.recordCode}-${a.fileId}`} href={casesApi.fileUrl(c.id, a.fileId)} download>
                    {fileName(a.fileId)}
                  </a>
                ))}
              </Space>
            ) : (
              '尚未上传'
            )
          }
        />
      </List.Item>
    );
  };

  if (c.step.records.length === 0) return <span className="sx-muted">本步骤没有资料要求</span>;
  return <List size="small" dataSource={c.step.records} renderItem={render} rowKey="code" />;
}

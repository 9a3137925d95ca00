import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  type ArchiveVerification,
  type AuditArchive,
  type AuditQuery,
  auditAdminApi,
  type ChainProblem,
  type ChainVerification,
} from '../../api/audit';
import { errorMessage } from '../../api/client';
import { formatCount, formatDateTime } from '../../domain/format';
import { AUDIT_ACTION, label } from '../../domain/labels';

/** Starts the browser's download of the streamed file (the server sends it as an attachment). */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function ProblemLine({ p }: { p: ChainProblem }) {
  const who = p.username ? (p.username === 'system' ? '系统' : (p.userName ?? p.username)) : undefined;
  const parts = [
    p.text,
    p.at ? formatDateTime(p.at) : undefined,
    who,
    p.action ? label(AUDIT_ACTION, p.action) : undefined,
    p.seq ? `链序号 ${p.seq}` : undefined,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

function Result({ result }: { result: ChainVerification | ArchiveVerification }) {
  return (
    <div data-testid="audit-verify-result">
      <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.summary} style={{ marginBottom: 12 }} />
      {'head' in result && result.head && (
        <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>
          最新链头（链序号 {result.head.seq}）校验值：{result.head.hash}
          <br />
          请记下该校验值或另行保存，以便日后发现整条链被重建。
        </Typography.Paragraph>
      )}
      {result.problems.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={result.problems}
          renderItem={(p) => (
            <List.Item>
              <ProblemLine p={p} />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/**
 * 审计管理员的工具 (issue 11 point 4; 等保 2.0 L3 安全审计): export the log with the page's filters, verify the hash
 * chain as `shouxian audit verify` does, and see the archives. Each use is recorded in the log itself.
 */
export function AuditAdminActions({ query }: { query: AuditQuery }) {
  const { message } = App.useApp();
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<ChainVerification | ArchiveVerification>();
  const [title, setTitle] = useState('');

  const verify = async () => {
    setVerifying(true);
    try {
      setTitle('审计日志哈希链校验结果');
      setResult(await auditAdminApi.verify());
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(auditAdminApi.exportUrl(query))}
          data-testid="audit-export"
        >
          导出Excel
        </Button>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={verifying}
          onClick={verify}
          data-testid="audit-verify"
        >
          校验哈希链
        </Button>
      </Space>
      <VerifyModal title={title} result={result} onClose={() => setResult(undefined)} />
    </>
  );
}

function VerifyModal({
  title,
  result,
  onClose,
}: {
  title: string;
  result: ChainVerification | ArchiveVerification | undefined;
  onClose: () => void;
}) {
  return (
    <Modal
      open={result !== undefined}
      title={title}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={640}
      destroyOnHidden
    >
      {result && <Result result={result} />}
    </Modal>
  );
}

/** 归档记录: what `shouxian audit archive` moved out of the online log, and a check of a file kept on the server. */
export function AuditArchives() {
  const { message } = App.useApp();
  const [items, setItems] = useState<AuditArchive[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<ArchiveVerification>();

  useEffect(() => {
    let live = true;
    auditAdminApi
      .archives()
      .then((d) => live && setItems(d.items))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  const verify = async (a: AuditArchive) => {
    setBusy(a.id);
    try {
      setResult(await auditAdminApi.verifyArchive(a.id));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title="归档记录" style={{ marginTop: 16 }} data-testid="audit-archives">
      {error && <Alert type="error" showIcon title={error} />}
      <List<AuditArchive>
        loading={items === undefined && !error}
        dataSource={items ?? []}
        locale={{ emptyText: '尚无归档。超过保存期限的日志由系统管理员在服务器上用命令行归档后在此列出。' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="verify" size="small" loading={busy === a.id} onClick={() => verify(a)}>
                校验文件
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{formatDateTime(a.cutoff)} 以前</span>
                  <span>{formatCount(a.rows)} 条</span>
                  {a.fileOnServer ? <Tag color="green">文件在服务器上</Tag> : <Tag>文件另行保存</Tag>}
                </Space>
              }
              description={
                <span style={{ wordBreak: 'break-all' }}>
                  {formatDateTime(a.archivedAt)} 归档 · 文件 {a.fileName}
                </span>
              }
            />
          </List.Item>
        )}
      />
      <VerifyModal title="归档文件校验结果" result={result} onClose={() => setResult(undefined)} />
    </Card>
  );
}

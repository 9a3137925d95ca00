import { Alert, App, Button, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { EXPORT_STATUS_LABELS, type ExportJob, exportsApi, fileSizeText } from '../../api/exports';
import { PageHead } from '../../components/PageHead';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';

const STATUS_COLOUR: Record<ExportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  expired: 'default',
  cancelled: 'warning',
};

const open = (j: ExportJob) => j.status === 'queued' || j.status === 'running';
const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, dateStyle: 'short', timeStyle: 'short' }) : '—';

/**
 * 导出记录 (issue 13 point 4): the user's background exports with their status, progress, rows and file size; a
 * finished file downloads, a queued or running one can be cancelled (the server stops at its next page and removes
 * the partial file). Refreshes itself while any export is still running.
 */
export default function ExportsPage() {
  const { message } = App.useApp();
  const [jobs, setJobs] = useState<ExportJob[]>();
  const [error, setError] = useState<string>();
  const [cancelling, setCancelling] = useState<string>();
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    window.clearTimeout(timer.current);
    try {
      const { items } = await exportsApi.mine();
      setJobs(items);
      setError(undefined);
      if (items.some(open)) timer.current = window.setTimeout(load, 1500);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load]);

  const cancel = async (j: ExportJob) => {
    setCancelling(j.id);
    try {
      await exportsApi.cancel(j.id);
      message.success(`已取消导出：${j.fileName}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCancelling(undefined);
      void load();
    }
  };

  const columns: ResponsiveColumns<ExportJob> = [
    {
      title: '导出内容',
      dataIndex: 'fileName',
      mobile: 'title',
      render: (name: string) => name.replace(/\.xlsx$/, ''),
    },
    {
      title: '状态',
      dataIndex: 'status',
      mobile: true,
      render: (_: unknown, j) => (
        <Space direction="vertical" size={2} style={{ minWidth: 140 }}>
          <Tag color={STATUS_COLOUR[j.status]} data-testid="export-status">
            {EXPORT_STATUS_LABELS[j.status]}
          </Tag>
          {open(j) && <Progress percent={j.percent} size="small" data-testid="export-job-progress" />}
          {j.status === 'failed' && j.error && <Typography.Text type="danger">{j.error}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '行数',
      dataIndex: 'rowsWritten',
      mobile: true,
      render: (_: unknown, j) =>
        open(j) && j.totalEstimate ? `${j.rowsWritten} / 约 ${j.totalEstimate}` : String(j.rowsWritten),
    },
    { title: '文件大小', dataIndex: 'fileSize', mobile: true, render: (v: number | null) => fileSizeText(v) },
    { title: '发起时间', dataIndex: 'createdAt', mobile: false, render: (v: string) => time(v) },
    {
      title: '保存至',
      dataIndex: 'expiresAt',
      mobile: false,
      render: (v: string | null, j) => (j.status === 'done' ? time(v) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, j) =>
        j.status === 'done' ? (
          <Button type="link" href={exportsApi.fileUrl(j.id)} data-testid="export-download">
            下载
          </Button>
        ) : open(j) ? (
          <Popconfirm
            title="取消这次导出？"
            description="已写入的部分将被删除。"
            okText="取消导出"
            cancelText="继续导出"
            onConfirm={() => cancel(j)}
          >
            <Button type="link" danger loading={cancelling === j.id} data-testid="export-cancel">
              取消
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <PageHead
        title="导出记录"
        extra={
          <Button onClick={() => void load()} data-testid="exports-refresh">
            刷新
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        在各台账页面点“导出Excel”后，导出在后台进行；这里列出您最近的导出。完成的文件保存一段时间后自动清除，如需要请重新导出。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<ExportJob>
        rowKey="id"
        loading={jobs === undefined && !error}
        dataSource={jobs ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: '还没有导出记录' }}
        data-testid="exports-table"
      />
    </>
  );
}

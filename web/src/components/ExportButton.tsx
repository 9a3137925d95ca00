import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { type ExportJob, exportFilters, exportsApi, type LedgerName } from '../api/exports';
import { navigate } from '../router/history';

/** Starts the browser's download of a finished file (the server sends it as an attachment). */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * 导出Excel for a ledger page (SPEC §12; issue 13 point 4): the export runs on the server as a background job with
 * the filters on screen, so a ledger of any size never times out; a progress bar shows the rows written, and the file
 * downloads when it is ready.
 */
export function ExportButton({
  ledger,
  filters,
  label = '导出Excel',
  testId,
}: {
  ledger: LedgerName;
  filters: object;
  label?: string;
  testId?: string;
}) {
  const { message } = App.useApp();
  const [job, setJob] = useState<ExportJob>();
  const [starting, setStarting] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const j = await exportsApi.get(id);
        setJob(j);
        if (j.status === 'done') download(exportsApi.fileUrl(j.id));
        else if (j.status === 'queued' || j.status === 'running') poll(id);
      } catch (e) {
        message.error(errorMessage(e));
        setJob(undefined);
      }
    }, 700);
  };

  const start = async () => {
    setStarting(true);
    try {
      const j = await exportsApi.start(ledger, exportFilters(filters));
      setJob(j);
      poll(j.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    window.clearTimeout(timer.current);
    setJob(undefined);
  };
  const status = job?.status === 'failed' ? 'exception' : job?.status === 'done' ? 'success' : 'active';

  return (
    <>
      <Button icon={<DownloadOutlined />} loading={starting} onClick={start} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={job !== undefined}
        title="导出Excel"
        onCancel={close}
        footer={[
          <Button
            key="records"
            type="link"
            onClick={() => {
              close();
              navigate('/exports');
            }}
            data-testid="export-records-link"
          >
            导出记录
          </Button>,
          job?.status === 'done' ? (
            <Button key="again" type="primary" href={exportsApi.fileUrl(job.id)}>
              重新下载
            </Button>
          ) : (
            <Button key="close" onClick={close}>
              {job?.status === 'failed' ? '关闭' : '后台继续导出'}
            </Button>
          ),
        ]}
      >
        <Progress percent={job?.percent ?? 0} status={status} data-testid="export-progress" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {job?.status === 'failed'
            ? job.error
            : job?.status === 'done'
              ? `已导出 ${job.rowsWritten} 行，文件已开始下载（${job.fileName}）`
              : `正在导出：已写入 ${job?.rowsWritten ?? 0} 行${job?.totalEstimate ? ` / 约 ${job.totalEstimate} 行` : ''}`}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

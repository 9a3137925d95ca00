import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ImportResult, importLibrary } from '../../api/projects';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** 导入项目库台账 (SPEC §13): the county's Excel sheets; each bad row is listed by sheet, row and column. */
export function ImportButton({ year, onDone }: { year: number | undefined; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          setBusy(true);
          importLibrary(file, year)
            .then((r) => {
              setResult(r);
              onDone();
            })
            .catch((e) => message.error(errorMessage(e)))
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          导入台账
        </Button>
      </Upload>
      <Modal
        title="导入结果"
        open={!!result}
        onCancel={() => setResult(undefined)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        {result && (
          <>
            <Alert
              type={result.problems.length ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 12 }}
              title={`导入${result.imported}个项目，已有${result.skipped}个未重复导入${result.problems.length ? `，${result.problems.length}处问题请修改后重新导入` : ''}`}
            />
            {result.problems.length > 0 && (
              <ResponsiveTable
                size="small"
                rowKey={(r) => `${r.sheet}-${r.row}-${r.column}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 560 }}
                columns={[
                  { title: '工作表', dataIndex: 'sheet' },
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', dataIndex: 'column' },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}

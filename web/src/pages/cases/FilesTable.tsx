import { type CaseDetail, type CaseFile, casesApi } from '../../api/cases';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Every file uploaded to the case; downloads are audited by the server. */
export function FilesTable({ c }: { c: CaseDetail }) {
  return (
    <ResponsiveTable<CaseFile>
      size="small"
      rowKey="id"
      dataSource={c.files}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '尚未上传材料' }}
      columns={[
        {
          title: '文件',
          dataIndex: 'name',
          render: (v: string, f) => (
            <a href={casesApi.fileUrl(c.id, f.id)} download>
              {v}
            </a>
          ),
        },
        { title: '大小', dataIndex: 'size', width: 100, render: (v: number) => size(v) },
        { title: '上传人', dataIndex: 'uploadedBy', width: 110 },
        { title: '上传时间', dataIndex: 'uploadedAt', width: 170, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

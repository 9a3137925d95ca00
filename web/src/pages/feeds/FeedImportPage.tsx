import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { feedsApi, type ImportSummary } from '../../api/feeds';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { PageHead } from '../../components/PageHead';
import { applyServerError } from '../../forms/server-errors';
import { useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { ImportResult } from './ImportResult';
import { RegionSelect } from './RegionSelect';
import { departmentOptions, useFeeds } from './use-feeds';

interface Values {
  department: string;
  kind?: string;
  region: string;
  period: Dayjs;
  file: UploadFile[];
}

/**
 * 部门数据导入 (SPEC §10): a department file (.xlsx or .csv) for a region and a period. Columns are found by header
 * name; bad rows are reported one by one without losing the good ones; the same file twice changes nothing. New
 * records are screened at once and hits go to the clue ledger.
 */
export default function FeedImportPage() {
  const user = useUser();
  const { search } = useLocation();
  const { feeds, error: feedsError } = useFeeds();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<ImportSummary>();
  const ownDepartment = user.role === 'department' ? (user.department ?? undefined) : undefined;
  const department = Form.useWatch('department', form);
  const records = feeds?.find((f) => f.department === department)?.records ?? [];

  const submit = async (v: Values) => {
    const file = v.file[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await feedsApi.upload(
        { department: v.department, kind: v.kind, region: v.region, period: v.period.format('YYYY-MM') },
        file,
      );
      setResult(r);
      form.setFieldValue('file', []);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title="导入部门数据" extra={<Link to="/feeds/imports">查看导入记录</Link>}>
        <Typography.Text type="secondary">
          请使用<Link to="/feeds">部门数据目录</Link>
          中的模板。重复上传同一文件不会重复入库；错误行可下载错误报告修改后重新上传。
        </Typography.Text>
      </PageHead>
      {feedsError && <Alert type="error" showIcon title={feedsError} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="上传文件">
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit(v)}
              initialValues={{
                department: ownDepartment ?? search.get('department') ?? undefined,
                kind: search.get('kind') ?? undefined,
                region: user.regionCode,
                period: dayjs().subtract(1, 'month'),
                file: [],
              }}
            >
              <Form.Item name="department" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
                <Select
                  options={departmentOptions(feeds)}
                  disabled={ownDepartment !== undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="请选择部门"
                  onChange={() => form.setFieldValue('kind', undefined)}
                />
              </Form.Item>
              <Form.Item name="kind" label="数据类型" extra="不选时按表头自动识别；表头无法区分时请选择">
                <Select
                  allowClear
                  placeholder="按表头自动识别"
                  options={records.map((r) => ({ value: r.kind, label: r.name }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={14}>
                  <Form.Item name="region" label="数据所属区划" rules={[{ required: true, message: '请选择区划' }]}>
                    <RegionSelect rootCode={user.regionCode} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name="period" label="数据期别（月份）" rules={[{ required: true, message: '请选择月份' }]}>
                    <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="file"
                label="数据文件"
                valuePropName="fileList"
                getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
                rules={[{ required: true, type: 'array', min: 1, message: '请选择要上传的文件' }]}
              >
                <Upload.Dragger accept=".xlsx,.csv" maxCount={1} beforeUpload={() => false} data-testid="feed-file">
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">点击或拖入文件</p>
                  <p className="ant-upload-hint">支持 Excel（.xlsx）和 CSV；Excel 97-2003（.xls）请先另存为 .xlsx</p>
                </Upload.Dragger>
              </Form.Item>
              <FormError error={error} />
              <Button type="primary" htmlType="submit" loading={busy}>
                {busy ? '正在导入…' : '上传并导入'}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {result ? (
            <ImportResult result={result} feeds={feeds} />
          ) : (
            <Card title="导入结果">
              <Typography.Text type="secondary">
                {busy
                  ? '文件较大时导入需要几分钟，请勿关闭页面。'
                  : '上传后在此显示有效行、错误行、新增记录和筛查结果。'}
              </Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

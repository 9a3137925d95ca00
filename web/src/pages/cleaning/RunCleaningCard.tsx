import { ClearOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useState } from 'react';
import { type CleaningRunResult, cleaningApi } from '../../api/cleaning';
import { FormError } from '../../components/FormError';
import { currentYear } from '../../domain/format';
import { applyServerError } from '../../forms/server-errors';
import { RegionSelect } from '../feeds/RegionSelect';

interface Values {
  region: string;
  year: number;
}

/** 运行数据清洗 for a region and an income year; a run replaces the region's list of problems. */
export function RunCleaningCard({ rootCode, onDone }: { rootCode: string; onDone: (r: CleaningRunResult) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await cleaningApi.run({ region: v.region, year: v.year });
      message.success(`数据清洗完成：发现问题 ${r.problems} 条`);
      onDone(r);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="运行数据清洗" style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="inline"
        style={{ rowGap: 12 }}
        initialValues={{ region: rootCode, year: currentYear() - 1 }}
        onFinish={(v) => void run(v)}
      >
        <Form.Item name="region" label="区划" rules={[{ required: true, message: '请选择区划' }]}>
          <RegionSelect rootCode={rootCode} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="year"
          label="检查收入年度"
          rules={[
            { required: true, message: '请输入年度' },
            { type: 'number', min: 2000, max: 2100, message: '年度应在2000至2100年之间' },
          ]}
        >
          <InputNumber precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<ClearOutlined />} loading={busy}>
          {busy ? '正在清洗…' : '运行清洗'}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <FormError error={error} />
        <span className="sx-muted">
          检查身份证号校验位、出生日期和性别，一人两户，已死亡人员仍为户主或成员，无户主，家庭关系与年龄不符，收入缺失或为负，人均收入计算人数不符。运行后替换该区划原有的问题清单。
        </span>
      </div>
    </Card>
  );
}

import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Row, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type RunResult, type ScreeningRule, screeningApi } from '../../api/screening';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Link } from '../../router/Link';
import { RegionSelect } from '../feeds/RegionSelect';

interface Values {
  region: string;
  asOf: Dayjs;
}

/** The step before the rules: department records matched to registry persons by ID number. */
const MATCH_STEP = '(match records to persons)';

/**
 * 立即筛查 (SPEC §10 routine screening): every enabled rule over the whole registry of a region, as of a day. Hits
 * become clues unless an open clue already covers them; persons not in the registry become data-quality items.
 */
export function RunPanel() {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<RunResult>();
  const [rules, setRules] = useState<ScreeningRule[]>([]);

  useEffect(() => {
    screeningApi.rules().then(setRules, () => setRules([]));
  }, []);

  const run = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await screeningApi.run({ region: v.region, asOf: v.asOf.format('YYYY-MM-DD') });
      setResult(r);
      message.success(`筛查完成：命中 ${r.hits} 条，新生成线索 ${r.cluesCreated} 条`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const ruleName = (code: string) =>
    code === MATCH_STEP ? '部门记录与人员比对' : (rules.find((r) => r.code === code)?.name ?? code);

  return (
    <>
      <Card title="立即运行筛查">
        <Form<Values>
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{ region: user.regionCode, asOf: dayjs() }}
          onFinish={(v) => void run(v)}
        >
          <Form.Item name="region" label="区划" rules={[{ required: true, message: '请选择区划' }]}>
            <RegionSelect rootCode={user.regionCode} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="asOf" label="统计截止日">
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={busy}>
            {busy ? '正在筛查…' : '立即筛查'}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <FormError error={error} />
        </div>
        <span className="sx-muted">对所选区划的全部农户运行已启用的规则；同一情况已有未销号线索的不重复生成。</span>
      </Card>
      {result && (
        <Card
          title={
            <span>
              筛查结果：
              <RegionName code={result.region} />
              （截至 {result.asOf}）
            </span>
          }
          style={{ marginTop: 16 }}
          data-testid="screening-result"
        >
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Statistic title="运行规则" value={result.rules} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="命中" value={result.hits} data-testid="run-hits" />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="新生成线索" value={result.cluesCreated} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="并入已有线索" value={result.cluesMerged} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="数据质量问题" value={result.qualityItems} />
            </Col>
          </Row>
          <ResponsiveTable
            style={{ marginTop: 16 }}
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={result.perRule}
            data-testid="run-per-rule"
            columns={[
              {
                title: '规则',
                dataIndex: 'code',
                render: (code: string) => (
                  <span>
                    {ruleName(code)} {code !== MATCH_STEP && <code className="sx-muted">{code}</code>}
                  </span>
                ),
              },
              { title: '命中', dataIndex: 'hits', width: 100, align: 'right' },
              { title: '耗时（毫秒）', dataIndex: 'ms', width: 120, align: 'right' },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            {result.cluesCreated + result.cluesMerged > 0 && (
              <Link to="/clues?status=unclosed&channel=department">到线索台账查看部门预警</Link>
            )}
            {result.qualityItems > 0 && (
              <Link to="/data-quality?open=true" style={{ marginLeft: 16 }}>
                查看数据质量问题
              </Link>
            )}
          </div>
        </Card>
      )}
    </>
  );
}

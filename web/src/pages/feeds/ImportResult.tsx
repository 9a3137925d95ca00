import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import type { FeedDefinition, ImportSummary } from '../../api/feeds';
import { RegionName } from '../../components/RegionName';
import { Link } from '../../router/Link';
import { departmentName, recordKindName } from './use-feeds';

/** The outcome of one upload: rows good, bad and new, screening hits and clues, and the bad-row report. */
export function ImportResult({ result: r, feeds }: { result: ImportSummary; feeds: FeedDefinition[] | undefined }) {
  const figures: [string, number, string][] = [
    ['有效行', r.rowsGood, 'rows-good'],
    ['错误行', r.rowsBad, 'rows-bad'],
    ['新增记录', r.rowsNew, 'rows-new'],
    ['已有记录', r.duplicates, 'rows-duplicate'],
    ['规则命中', r.hits, 'hits'],
    ['生成线索', r.clues, 'clues'],
  ];
  return (
    <Card title="导入结果" data-testid="import-result">
      {r.alreadyLoaded ? (
        <Alert type="info" showIcon title="该文件此前已导入（同一部门、区划和期别），本次没有任何改动" />
      ) : (
        <Alert
          type={r.rowsBad > 0 ? 'warning' : 'success'}
          showIcon
          title={r.rowsBad > 0 ? `导入完成，有 ${r.rowsBad} 行错误未入库，请下载错误报告修改后重新上传` : '导入完成'}
        />
      )}
      <Descriptions size="small" column={2} style={{ marginTop: 16 }}>
        <Descriptions.Item label="部门">{departmentName(feeds, r.department)}</Descriptions.Item>
        <Descriptions.Item label="数据类型">{recordKindName(feeds, r.department, r.recordKind)}</Descriptions.Item>
        <Descriptions.Item label="区划">
          <RegionName code={r.regionCode} />
        </Descriptions.Item>
        <Descriptions.Item label="期别">{r.period}</Descriptions.Item>
        <Descriptions.Item label="文件" span={2}>
          {r.fileName}
        </Descriptions.Item>
        {r.sheets.length > 1 && (
          <Descriptions.Item label="工作表" span={2}>
            <ul className="sx-plain-list" data-testid="import-sheets">
              {r.sheets.map((s) => (
                <li key={s.name}>
                  {s.read ? (
                    `${s.name}：正确 ${s.rowsGood} 行，错误 ${s.rowsBad} 行`
                  ) : (
                    <Typography.Text type="warning">{s.reason ?? `${s.name}：未导入`}</Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        {figures.map(([title, value, id]) => (
          <Col key={id} xs={12} sm={8}>
            <Statistic title={title} value={value} data-testid={`import-${id}`} />
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginTop: 16 }}>
        {(r.rowsBad > 0 || r.sheets.some((s) => !s.read)) && (
          <>
            <Button icon={<DownloadOutlined />} href={r.errorsXlsx} data-testid="errors-xlsx">
              错误报告（Excel）
            </Button>
            <Button icon={<DownloadOutlined />} href={r.errorsCsv} data-testid="errors-csv">
              错误报告（CSV）
            </Button>
          </>
        )}
        {r.clues > 0 && <Link to="/clues?status=unclosed&channel=department">到线索台账查看部门预警</Link>}
      </Space>
    </Card>
  );
}

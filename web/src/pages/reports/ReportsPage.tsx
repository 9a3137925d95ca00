import { Alert, App, Button, Card, DatePicker, Input, Modal, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Report, type ReportKind, reportsApi } from '../../api/reports';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { navigate, useLocation } from '../../router/history';
import { ReportTableView } from './ReportTableView';

const KINDS: { value: ReportKind; label: string }[] = [
  { value: 'monthly', label: '月调度' },
  { value: 'quarterly', label: '季分析' },
  { value: 'annual', label: '年动态' },
];

function defaultPeriod(kind: ReportKind): string {
  const now = dayjs();
  if (kind === 'monthly') return now.format('YYYY-MM');
  if (kind === 'quarterly') return `${now.year()}-Q${Math.floor(now.month() / 3) + 1}`;
  return String(now.year());
}

function periodValue(kind: ReportKind, period: string) {
  if (kind === 'quarterly') {
    const [y, q] = period.split('-Q');
    return dayjs(`${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`);
  }
  return dayjs(kind === 'annual' ? `${period}-01-01` : `${period}-01`);
}

/**
 * 报表 (SPEC §12): 月调度, 季分析 and 年动态 on screen, as Excel or CSV in the offices' layout, and printed (the print
 * layout shows the report alone on landscape A4; 另存为 PDF from the browser's print dialog — no outside service).
 */
export default function ReportsPage() {
  const user = useUser();
  const { search } = useLocation();
  const kind = (KINDS.find((k) => k.value === search.get('kind'))?.value ?? 'monthly') as ReportKind;
  const period = search.get('period') || defaultPeriod(kind);
  const region = search.get('region') || undefined;
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);
  const [freezing, setFreezing] = useState(false);
  const [reason, setReason] = useState('');
  const canFreeze = user.role === 'county' || user.role === 'admin';
  const { message } = App.useApp();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` refetches after a freeze
  useEffect(() => {
    let live = true;
    setReport(undefined);
    setError(undefined);
    reportsApi
      .report(kind, period, region)
      .then((r) => live && setReport(r))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [kind, period, region, reload]);

  const go = (k: ReportKind, p: string, r: string | undefined) =>
    navigate(`/reports?kind=${k}&period=${p}${r ? `&region=${r}` : ''}`);

  const freeze = async () => {
    try {
      const r = await reportsApi.freeze(period, region, reason || undefined);
      message.success(`已冻结${r.regions}个区划的${period}指标`);
      setFreezing(false);
      setReason('');
      setReload((n) => n + 1);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHead
        title="报表"
        extra={
          <Space wrap className="sx-no-print" style={{ maxWidth: '100%' }}>
            <Segmented<ReportKind> options={KINDS} value={kind} onChange={(k) => go(k, defaultPeriod(k), region)} />
            <DatePicker
              picker={kind === 'monthly' ? 'month' : kind === 'quarterly' ? 'quarter' : 'year'}
              allowClear={false}
              value={periodValue(kind, period)}
              disabledDate={(d) => d.isAfter(dayjs())}
              onChange={(d) => {
                if (!d) return;
                const p =
                  kind === 'monthly'
                    ? d.format('YYYY-MM')
                    : kind === 'quarterly'
                      ? `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`
                      : String(d.year());
                go(kind, p, region);
              }}
            />
          </Space>
        }
      >
        <Typography.Text type="secondary">月调度、季分析、年动态：户数和人数，可导出 Excel、打印</Typography.Text>
      </PageHead>
      {error && <Alert type="error" showIcon title={error} />}
      {!report && !error && <Skeleton active />}
      {report && (
        <Card>
          <Space wrap className="sx-no-print" style={{ marginBottom: 12 }}>
            <Button href={reportsApi.fileUrl(kind, period, 'xlsx', region)} data-testid="report-xlsx">
              导出 Excel
            </Button>
            <Button href={reportsApi.fileUrl(kind, period, 'csv', region)}>导出 CSV</Button>
            <Button onClick={() => window.print()}>打印 / 另存为 PDF</Button>
            {kind === 'monthly' && canFreeze && <Button onClick={() => setFreezing(true)}>冻结本月指标</Button>}
            {report.region.code !== user.regionCode && (
              <Button type="link" onClick={() => go(kind, period, undefined)}>
                返回本级
              </Button>
            )}
          </Space>
          <div className="sx-print-title">
            <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="report-title">
              {report.title}
            </Typography.Title>
          </div>
          <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
            <span>{report.unit}</span>
            <span>{report.date}</span>
          </div>
          <div style={{ margin: '8px 0' }}>
            {report.source === 'snapshot' && report.snapshot ? (
              <Tag color="blue">月末冻结数（{report.snapshot.asOf}冻结）</Tag>
            ) : (
              <Tag>截至{report.period.asOf}的实时数据</Tag>
            )}
          </div>
          {report.summary.map((s) => (
            <Typography.Paragraph key={s} style={{ marginBottom: 4 }}>
              {s}。
            </Typography.Paragraph>
          ))}
          {report.tables.map((t) => (
            <ReportTableView key={t.title} table={t} onRegion={(code) => go(kind, period, code)} />
          ))}
          {report.cycle && (
            <div className="sx-report-section">
              <h3 style={{ margin: '12px 0 6px' }}>本月工作时限和逾期事项</h3>
              {report.cycle.skipped ? (
                <Alert type="info" title={report.cycle.message} />
              ) : (
                <>
                  <ReportTableView
                    table={{
                      title: '工作时限',
                      rowHeader: '步骤',
                      columns: [{ title: '办理层级' }, { title: '截止日期' }],
                      rows: report.cycle.steps.map((s) => ({ label: s.stepName, cells: [s.level, s.due] })),
                    }}
                  />
                  <ReportTableView
                    table={{
                      title: '逾期事项（按层级）',
                      rowHeader: '层级',
                      columns: ['乡镇', '村', '户编号', '户主', '程序', '步骤', '截止日期', '逾期天数', '情形'].map(
                        (title) => ({ title }),
                      ),
                      rows: report.cycle.late.map((l) => ({
                        label: l.levelName,
                        cells: [
                          l.townshipName,
                          l.villageName,
                          l.householdCode,
                          l.headName,
                          l.procedure,
                          l.stepName,
                          l.due,
                          l.daysLate,
                          l.kind === 'overdue' ? '逾期未办' : '逾期办结',
                        ],
                      })),
                    }}
                  />
                </>
              )}
            </div>
          )}
          {report.differences.length > 0 && (
            <ReportTableView
              table={{
                title: '冻结后的更正（冻结数与现数的差异）',
                rowHeader: '指标',
                columns: [{ title: '冻结数' }, { title: '现数' }],
                rows: report.differences.map((d) => ({
                  label: d.name,
                  cells: [
                    d.frozen.persons !== undefined
                      ? `${d.frozen.households}户${d.frozen.persons}人`
                      : (d.frozen.count ?? String(d.frozen.share ?? '—')),
                    d.now.persons !== undefined
                      ? `${d.now.households}户${d.now.persons}人`
                      : (d.now.count ?? String(d.now.share ?? '—')),
                  ],
                })),
              }}
            />
          )}
          {report.bulletin && (
            <div className="sx-report-section">
              <h3 style={{ margin: '12px 0 6px' }}>季通报（征求意见稿）</h3>
              <Typography.Paragraph copyable={{ text: report.bulletin }} className="sx-bulletin" data-testid="bulletin">
                {report.bulletin}
              </Typography.Paragraph>
            </div>
          )}
        </Card>
      )}
      <Modal
        open={freezing}
        title={`冻结${period}的指标`}
        onOk={freeze}
        onCancel={() => setFreezing(false)}
        okText="冻结"
      >
        <Typography.Paragraph>
          冻结后，本月报表始终使用冻结时的数据；之后的更正将作为差异列出。已冻结过的月份须说明重新冻结的理由。
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="重新冻结的理由（首次冻结可不填）"
          rows={3}
        />
      </Modal>
    </>
  );
}

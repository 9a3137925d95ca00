import { Alert, Button, Descriptions, Divider, Drawer, Image, Skeleton, Space, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Clue, type ClueResult, cluesApi, type VisitPhoto } from '../../api/clues';
import { RegionName } from '../../components/RegionName';
import { formatDate } from '../../domain/format';
import { label, RISK_TYPE } from '../../domain/labels';
import { formatYuan } from '../../domain/money';
import { CLUE_CHANNEL, CLUE_RESULT, CLUE_SOURCE_KIND, SEVERITY } from '../../domain/procedure-labels';
import { Link } from '../../router/Link';
import { ClueColourTag, ClueStatusTag } from './ClueTags';
import { useClueHistory } from './clue-history';

/**
 * Source kinds whose reference a person typed (a petition number, who phoned): shown beside the kind. The others hold
 * a login name, a rule code or a record id, which mean nothing to the reader.
 */
const TYPED_REF = new Set(['petition', 'hotline', 'media', 'mailbox', 'public_opinion', 'person']);

/**
 * The facts a clue carries, in Chinese: a social clue's few fields, and what a screening rule measured (SPEC §10).
 * Amounts are kept in fen by the rules and shown in yuan; the rule's code and the department record's id are for the
 * machine and not shown (the finding above already names the rule and the record).
 */
const FACT_LABELS: Record<string, string> = {
  trackingCode: '申报查询码',
  visitedOn: '走访日期',
  riskTypes: '风险类型',
  asOf: '统计截至',
  months: '统计月数',
  records: '记录条数',
  totalFen: '合计金额',
  amountFen: '本期金额',
  previousAmountFen: '上期金额',
  period: '数据期别',
  previousPeriod: '对比期别',
  netIncome: '家庭纯收入',
  incomeYear: '收入年度',
  members: '共同生活人数',
  location: '走访位置',
};

function factText(key: string, value: unknown): string {
  if (key === 'riskTypes' && Array.isArray(value))
    return value.map((r) => label(RISK_TYPE, String(r))).join('、') || '无';
  if (value === null || value === undefined || value === '') return '—';
  if (key.endsWith('Fen')) return formatYuan(Number(value) / 100);
  if (key === 'netIncome') return formatYuan(Number(value));
  if (key === 'months') return `近${value}个月`;
  if (key === 'records') return `${value}条`;
  if (key === 'members') return `${value}人`;
  if (key === 'incomeYear') return `${value}年`;
  if (key === 'location' && typeof value === 'object') {
    const l = value as { latitude?: number; longitude?: number; accuracy?: number };
    return `北纬${l.latitude ?? '—'}°，东经${l.longitude ?? '—'}°${l.accuracy !== undefined ? `（精度约${l.accuracy}米）` : ''}`;
  }
  return typeof value === 'object' ? '—' : String(value);
}

export type ClueDialog = 'assign' | ClueResult;

/** A clue's facts and history, with the actions of 核实销号 for users who may write (SPEC §6). */
export function ClueDrawer({
  clueId,
  today,
  refreshKey,
  writable,
  canReadHousehold,
  onClose,
  onAction,
}: {
  clueId: string | undefined;
  today: string;
  refreshKey: number;
  writable: boolean;
  canReadHousehold: boolean;
  onClose: () => void;
  onAction: (clue: Clue, dialog: ClueDialog) => void;
}) {
  const [clue, setClue] = useState<Clue>();
  const [photos, setPhotos] = useState<VisitPhoto[]>([]);
  const [error, setError] = useState<string>();
  const history = useClueHistory(clue, canReadHousehold);

  useEffect(() => {
    let live = true;
    setClue(undefined);
    setPhotos([]);
    setError(undefined);
    void refreshKey;
    if (clueId) {
      cluesApi
        .get(clueId)
        .then((c) => live && setClue(c))
        .catch((e) => live && setError(errorMessage(e)));
      cluesApi
        .photos(clueId)
        .then((r) => live && setPhotos(r.items))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [clueId, refreshKey]);

  const open = clue && clue.status !== 'closed' && writable;
  const facts = Object.entries(clue?.facts ?? {}).filter(([k]) => k in FACT_LABELS);
  return (
    <Drawer title="线索详情" open={clueId !== undefined} onClose={onClose} size={620} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {!clue && !error && <Skeleton active />}
      {clue && (
        <div data-testid="clue-drawer">
          <Space style={{ marginBottom: 12 }}>
            <ClueColourTag clue={clue} today={today} />
            <ClueStatusTag clue={clue} today={today} />
            {clue.severity === 'high' && <Tag color="volcano">严重</Tag>}
          </Space>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'finding',
                label: '发现情况',
                children: <div style={{ whiteSpace: 'pre-wrap' }}>{clue.finding}</div>,
              },
              { key: 'channel', label: '监测渠道', children: label(CLUE_CHANNEL, clue.channel) },
              {
                key: 'source',
                label: '来源',
                // A screening clue's reference is the rule's code, for the machine; a hotline's or petition's number is shown.
                children: `${label(CLUE_SOURCE_KIND, clue.sourceKind)}${clue.sourceRef && TYPED_REF.has(clue.sourceKind) ? `（${clue.sourceRef}）` : ''}`,
              },
              {
                key: 'household',
                label: '农户',
                children: clue.householdId ? (
                  canReadHousehold ? (
                    <Link to={`/households/${clue.householdId}`}>{clue.householdCode}</Link>
                  ) : (
                    clue.householdCode
                  )
                ) : (
                  '未关联农户（未匹配到档案）'
                ),
              },
              { key: 'region', label: '区划', children: <RegionName code={clue.regionCode} /> },
              {
                key: 'risk',
                label: '风险类型',
                children: clue.riskTypes.map((r) => label(RISK_TYPE, r)).join('、') || '—',
              },
              { key: 'severity', label: '严重程度', children: label(SEVERITY, clue.severity) },
              { key: 'received', label: '收到日期', children: formatDate(clue.receivedOn) },
              { key: 'due', label: '办结时限', children: formatDate(clue.dueOn) },
              { key: 'assignee', label: '核实人', children: clue.assigneeName ?? '未分派' },
              ...facts.map(([k, v]) => ({ key: `f-${k}`, label: FACT_LABELS[k], children: factText(k, v) })),
              ...(clue.result
                ? [
                    { key: 'result', label: '处理结果', children: label(CLUE_RESULT, clue.result) },
                    { key: 'note', label: '核实说明', children: clue.resultNote ?? '—' },
                  ]
                : []),
              ...(photos.length > 0
                ? [
                    {
                      key: 'photos',
                      label: '走访照片',
                      children: (
                        <Image.PreviewGroup>
                          <Space wrap size={8} data-testid="clue-photos">
                            {photos.map((p, i) => (
                              <Image
                                key={p.id}
                                width={88}
                                height={88}
                                style={{ objectFit: 'cover' }}
                                src={cluesApi.photoUrl(clue.id, p.id)}
                                alt={`走访照片${i + 1}`}
                              />
                            ))}
                          </Space>
                        </Image.PreviewGroup>
                      ),
                    },
                  ]
                : []),
              ...(clue.caseId
                ? [{ key: 'case', label: '程序事项', children: <Link to={`/cases/${clue.caseId}`}>查看程序办理</Link> }]
                : []),
            ]}
          />
          {open && (
            <Space wrap style={{ marginTop: 16 }}>
              <Button onClick={() => onAction(clue, 'assign')}>分派核实人</Button>
              {clue.householdId ? (
                <>
                  <Button type="primary" onClick={() => onAction(clue, 'start_identification')}>
                    启动识别程序
                  </Button>
                  {clue.householdStatus === 'monitored' && (
                    <Button onClick={() => onAction(clue, 'start_elimination')}>启动风险消除程序</Button>
                  )}
                </>
              ) : (
                <span className="sx-muted">未关联农户：核实后请先建立农户档案，再从档案启动程序</span>
              )}
              <Button danger onClick={() => onAction(clue, 'no_risk')}>
                核实销号
              </Button>
            </Space>
          )}
          <Divider titlePlacement="start">办理记录</Divider>
          {history ? (
            <Timeline
              items={history.map((h) => ({
                key: h.key,
                color: h.colour,
                content: (
                  <div>
                    <div>{h.text}</div>
                    <small className="sx-muted">
                      {h.when}
                      {h.who ? ` · ${h.who}` : ''}
                    </small>
                  </div>
                ),
              }))}
            />
          ) : (
            <Skeleton active paragraph={{ rows: 2 }} />
          )}
        </div>
      )}
    </Drawer>
  );
}

import { Alert, Descriptions, List, Tag } from 'antd';
import type { AssessmentResult } from '../api/assessment';
import { CATEGORY, label, RISK_TYPE } from '../domain/labels';
import { formatYuan } from '../domain/money';
import { DECISION, EXCLUSION } from '../domain/procedure-labels';

const DECISION_TYPE: Record<string, 'success' | 'info' | 'warning' | 'error'> = {
  include: 'warning',
  county_review: 'warning',
  no_risk: 'success',
  exclude: 'info',
  eliminate: 'success',
  continue: 'warning',
  keep_monitoring: 'info',
};

/** A rule that did not fire ("below threshold", "unknown") is shown muted: it explains, it does not decide. */
const quiet = (rule: string) => /below_threshold|unknown|not_applicable|\.none$/.test(rule);

function RuleTag({ rule }: { rule: string }) {
  if (/unknown/.test(rule)) return <Tag>无法判断</Tag>;
  if (quiet(rule)) return <Tag>未达到</Tag>;
  return <Tag color="blue">成立</Tag>;
}

/**
 * The assessment of SPEC §7.3 as a cadre explains it to the household: the decision, the figures (income, line), the
 * risk types and exclusions, and every rule with its sentence.
 */
export function AssessmentResultView({ result, year }: { result: AssessmentResult; year?: number }) {
  return (
    <div data-testid="assessment-result">
      <Alert
        type={DECISION_TYPE[result.decision] ?? 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <span>
            研判结论：<strong>{label(DECISION, result.decision)}</strong>
            {result.category ? `，建议类别：${label(CATEGORY, result.category)}` : ''}
          </span>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          ...(year ? [{ key: 'year', label: '研判年度', children: `${year}年` }] : []),
          { key: 'members', label: '计算人口', children: `${result.members}人` },
          { key: 'net', label: '家庭纯收入', children: formatYuan(result.netIncome) },
          { key: 'pc', label: '人均纯收入', children: formatYuan(result.perCapitaNetIncome) },
          { key: 'line', label: '监测线', children: formatYuan(result.monitoringLine) },
          {
            key: 'risks',
            label: '风险类型',
            children: result.riskTypes.length ? result.riskTypes.map((r) => label(RISK_TYPE, r)).join('、') : '无',
          },
          ...(result.exclusions.length
            ? [
                {
                  key: 'excl',
                  label: '不纳入情形',
                  children: result.exclusions.map((n) => `第${n}类：${EXCLUSION[n] ?? ''}`).join('；'),
                },
              ]
            : []),
        ]}
      />
      <List
        size="small"
        header={<strong>依据</strong>}
        bordered
        dataSource={result.reasons}
        rowKey={(r) => r.rule}
        renderItem={(r) => (
          <List.Item>
            <span className={quiet(r.rule) ? 'sx-muted' : undefined}>
              <RuleTag rule={r.rule} />
              {r.text}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}

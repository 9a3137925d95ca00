import { Alert, App, Button, Card, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type BackstopProposal } from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import type { CurrentUser } from '../../../api/types';
import { useUser } from '../../../app/auth';
import { PageHead } from '../../../components/PageHead';
import { RegionName } from '../../../components/RegionName';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { formatDate } from '../../../domain/format';
import { label } from '../../../domain/labels';
import { can } from '../../../domain/permissions';
import { useOpenKey } from '../../../forms/use-open-key';
import { navigate, useLocation } from '../../../router/history';
import { Link } from '../../../router/Link';
import { ProposalStatusTag } from '../AssistanceTags';
import { BACKSTOP_KIND, CIVIL_AFFAIRS, PROPOSAL_STATUS } from '../assistance-labels';
import { DecisionModal } from './DecisionModal';

const STATUSES = ['proposed', 'approved', 'rejected'] as const;

/** Mirrors the server's requireBackstopDecision: county and admin users, or a civil-affairs department user. */
export const canDecideBackstop = (u: CurrentUser) =>
  u.role === 'county' || u.role === 'admin' || (u.role === 'department' && u.department === CIVIL_AFFAIRS);

/**
 * 兜底保障 (SPEC §9; 两项机制衔接): households proposed to civil affairs for 低保 or 特困, and the decisions. Civil
 * affairs (or the county) record the decision here; an approval sets the household's backstop and records the
 * backstop measure.
 */
export default function BackstopPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { search } = useLocation();
  const statusParam = search.get('status');
  const status = search.has('status') ? STATUSES.find((s) => s === statusParam) : 'proposed';
  const [items, setItems] = useState<BackstopProposal[]>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [deciding, setDeciding] = useState<BackstopProposal>();
  const dialogKey = useOpenKey(deciding !== undefined);
  const canDecide = canDecideBackstop(user);

  useEffect(() => {
    let live = true;
    void changes;
    setItems(undefined);
    setError(undefined);
    assistanceApi
      .proposals(status ? { status } : {})
      .then((r) => live && setItems(r.items))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [status, changes]);

  return (
    <>
      <PageHead title="兜底保障">
        <span className="sx-muted">
          无劳动能力或无稳定收入的监测户提请民政部门纳入农村低保或特困人员救助供养，民政部门按规定认定
        </span>
      </PageHead>
      <Card>
        <Radio.Group
          style={{ marginBottom: 16 }}
          optionType="button"
          buttonStyle="solid"
          value={status ?? ''}
          options={[...STATUSES.map((s) => ({ value: s, label: PROPOSAL_STATUS[s] })), { value: '', label: '全部' }]}
          onChange={(e) => navigate(`/assistance/backstop?status=${e.target.value}`)}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<BackstopProposal>
          size="middle"
          rowKey="id"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 户` }}
          scroll={{ x: 1200 }}
          locale={{ emptyText: '没有兜底保障提请' }}
          data-testid="backstop-proposals"
          columns={[
            {
              title: '户编号',
              dataIndex: 'householdCode',
              width: 170,
              render: (v: string, p) =>
                can(user, 'registry.read') ? (
                  <Link to={`/households/${p.householdId}${toQueryString({ tab: 'assistance' })}`}>{v}</Link>
                ) : (
                  v
                ),
            },
            { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
            { title: '所属村', dataIndex: 'regionCode', width: 160, render: (v: string) => <RegionName code={v} /> },
            { title: '提请纳入', dataIndex: 'kind', width: 140, render: (v: string) => label(BACKSTOP_KIND, v) },
            { title: '提请理由', dataIndex: 'reason' },
            {
              title: '提请',
              key: 'proposed',
              width: 120,
              render: (_, p) => (
                <div>
                  <div>{formatDate(p.proposedAt)}</div>
                  <small className="sx-muted">{p.proposedBy}</small>
                </div>
              ),
            },
            {
              title: '认定结果',
              key: 'decision',
              width: 240,
              render: (_, p) => (
                <div>
                  <ProposalStatusTag status={p.status} />
                  {p.grantedKind && label(BACKSTOP_KIND, p.grantedKind)}
                  {p.decidedOn && (
                    <div className="sx-muted">
                      {p.decidedOn} {p.decidedVia === 'feed_match' ? '民政数据比对' : (p.decidedBy ?? '')}
                    </div>
                  )}
                  {p.decisionNote && <div className="sx-muted">{p.decisionNote}</div>}
                </div>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 80,
              fixed: 'right',
              render: (_, p) =>
                canDecide && p.status === 'proposed' ? (
                  <Button type="link" size="small" onClick={() => setDeciding(p)}>
                    认定
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <DecisionModal
        key={dialogKey}
        proposal={deciding}
        onClose={() => setDeciding(undefined)}
        onSaved={(approved) => {
          setDeciding(undefined);
          setChanges((c) => c + 1);
          message.success(approved ? '已认定纳入，兜底保障措施已记入该户帮扶措施' : '已记录不予认定');
        }}
      />
    </>
  );
}

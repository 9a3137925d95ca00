import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Clue, CluePage, ClueQuery, ClueResult } from '../../api/clues';
import { cluesApi } from '../../api/clues';
import { useUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';
import { useOpenKey } from '../../forms/use-open-key';
import { navigate, useLocation } from '../../router/history';
import { AssignClueModal } from './AssignClueModal';
import { CloseClueModal } from './CloseClueModal';
import { type ClueDialog, ClueDrawer } from './ClueDrawer';
import { ClueFilters } from './ClueFilters';
import { ClueTable } from './ClueTable';
import { clueListUrl, readClueQuery } from './clue-query';
import { NewClueModal } from './NewClueModal';
import { OverdueSummary } from './OverdueSummary';

/**
 * 监测预警信息台账 (SPEC §6): every clue from the four channels, 三色 and overdue, verified and closed one by one with
 * a result (办理一条销号一条). Township and county users see the overdue clues of each region below them.
 */
export default function ClueLedgerPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { search } = useLocation();
  const searchKey = search.toString();
  const query = readClueQuery(new URLSearchParams(searchKey));
  const [data, setData] = useState<CluePage>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  // The cadre's home opens a clue straight from its list (`/clues?clue=<id>`, issue 14 point 2).
  const [openId, setOpenId] = useState<string | undefined>(search.get('clue') ?? undefined);
  const [dialog, setDialog] = useState<{ clue: Clue; kind: ClueDialog }>();
  const [adding, setAdding] = useState(false);
  const dialogKey = useOpenKey(dialog !== undefined || adding);
  const writable = can(user, 'registry.write');
  const readsRegistry = can(user, 'registry.read');

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    void changes;
    cluesApi
      .list(readClueQuery(new URLSearchParams(searchKey)))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey, changes]);

  const go = (q: ClueQuery) => navigate(clueListUrl(q));
  const done = (text: string) => {
    setDialog(undefined);
    setChanges((c) => c + 1);
    message.success(text);
  };
  const closed = ({ caseId, result }: { caseId?: string; result: ClueResult }) => {
    if (caseId) {
      message.success('程序已启动，线索已销号');
      navigate(`/cases/${caseId}`);
      return;
    }
    done(result === 'no_risk' ? '线索已销号' : '线索已销号，请按处理结果继续办理');
  };

  return (
    <>
      <PageHead
        title="线索台账"
        extra={
          <Space wrap>
            <ExportButton ledger="clues" filters={query} testId="clues-export" />
            {user.role === 'village' && (
              <Button onClick={() => navigate(`/declare?village=${user.regionCode}`)}>代农户申报</Button>
            )}
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记社会信息线索
              </Button>
            )}
          </Space>
        }
      >
        <span className="sx-muted">监测预警信息台账：农户申报、干部排查、部门预警、社会信息，逐条核实销号</span>
      </PageHead>
      {readsRegistry && user.regionCode.length < 12 && (
        <OverdueSummary
          refreshKey={changes}
          selected={query.overdue ? query.region : undefined}
          onPick={(region) => go({ ...query, region, overdue: region ? true : undefined, page: 1 })}
        />
      )}
      <Card>
        <ClueFilters query={query} onChange={go} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ClueTable
          data={data}
          loading={loading}
          canOpenHousehold={readsRegistry}
          onOpen={(c) => setOpenId(c.id)}
          onPage={(page, pageSize) => go({ ...query, page, pageSize })}
        />
      </Card>
      <ClueDrawer
        clueId={openId}
        today={data?.today ?? ''}
        refreshKey={changes}
        writable={writable}
        canReadHousehold={readsRegistry}
        onClose={() => setOpenId(undefined)}
        onAction={(clue, kind) => setDialog({ clue, kind })}
      />
      <AssignClueModal
        key={`assign-${dialogKey}`}
        clue={dialog?.kind === 'assign' ? dialog.clue : undefined}
        onClose={() => setDialog(undefined)}
        onDone={() => done('已分派核实人')}
      />
      <CloseClueModal
        key={`close-${dialogKey}`}
        clue={dialog && dialog.kind !== 'assign' ? dialog.clue : undefined}
        preset={dialog && dialog.kind !== 'assign' ? dialog.kind : undefined}
        onClose={() => setDialog(undefined)}
        onDone={closed}
      />
      <NewClueModal
        key={`new-${dialogKey}`}
        open={adding}
        rootCode={user.regionCode}
        onClose={() => setAdding(false)}
        onSaved={(r) => {
          setAdding(false);
          done(r.merged ? '同一情况已有未销号线索，已合并' : '线索已登记');
        }}
      />
    </>
  );
}

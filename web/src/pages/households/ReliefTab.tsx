import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ReliefRequest, reliefApi } from '../../api/relief';
import type { Member } from '../../api/types';
import { GovernmentFilingModal } from '../relief/GovernmentFilingModal';
import { RequestDrawer, RequestTable } from '../relief/RequestViews';

/**
 * 救助申请 in the household file (SPEC §14 "the same household, one story"): every application of its members,
 * whichever way it came in, and 政府托举 — the cadre files one for a member.
 */
export function ReliefTab({
  householdId,
  regionCode,
  members,
  writable,
}: {
  householdId: string;
  regionCode: string;
  members: Member[];
  writable: boolean;
}) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<ReliefRequest[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const [filing, setFiling] = useState(false);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void changes;
    reliefApi
      .forHousehold(householdId)
      .then((list) => live && setRows(list))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [householdId, changes]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {writable && (
        <Button icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="household-relief-file">
          代为申请救助（政府托举）
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <RequestTable rows={rows} loading={loading} onOpen={setOpenId} testId="household-relief" />
      <GovernmentFilingModal
        open={filing}
        household={{ regionCode, members }}
        onClose={() => setFiling(false)}
        onFiled={(done) => {
          setFiling(false);
          setChanges((n) => n + 1);
          message.success(`已提交，查询码 ${done.trackingCode}，由${done.departmentName}办理`);
        }}
      />
      <RequestDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={() => setChanges((n) => n + 1)} />
    </Space>
  );
}

import { Alert, App, Card, Empty, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type DepartmentMeasure, type MeasureStatus } from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import { useUser } from '../../../app/auth';
import { ExportButton } from '../../../components/ExportButton';
import { PageHead } from '../../../components/PageHead';
import { label, options } from '../../../domain/labels';
import { can } from '../../../domain/permissions';
import { useOpenKey } from '../../../forms/use-open-key';
import { navigate, useLocation } from '../../../router/history';
import { DEPARTMENT, MEASURE_STATUS } from '../assistance-labels';
import { ProgressModal } from '../ProgressModal';
import { DepartmentMeasuresTable } from './DepartmentMeasuresTable';

const STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;

/**
 * 部门帮扶措施 (SPEC §1: a department officer marks its measures done): the measures a department delivers inside the
 * user's region. Department users see only their own department's and record their delivery (status, result,
 * progress); regional users pick a department and, with write access, record progress too.
 */
export default function DepartmentMeasuresPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { search } = useLocation();
  const isDepartment = user.role === 'department';
  const department = isDepartment ? (user.department ?? undefined) : search.get('department') || undefined;
  const statusParam = search.get('status');
  const status = STATUSES.find((s) => s === statusParam);
  const [items, setItems] = useState<DepartmentMeasure[]>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [progressOf, setProgressOf] = useState<DepartmentMeasure>();
  const dialogKey = useOpenKey(progressOf !== undefined);
  const canRecord = isDepartment || can(user, 'registry.write');

  useEffect(() => {
    if (!department) return;
    let live = true;
    void changes;
    setItems(undefined);
    setError(undefined);
    assistanceApi
      .measures({ ...(isDepartment ? {} : { department }), ...(status ? { status } : {}) })
      .then((r) => live && setItems(r.items))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [department, status, isDepartment, changes]);

  const go = (q: { department?: string; status?: MeasureStatus }) =>
    navigate(
      `/assistance/measures${toQueryString({ department: isDepartment ? undefined : q.department, status: q.status })}`,
    );

  return (
    <>
      <PageHead
        title="部门帮扶措施"
        extra={
          <ExportButton
            ledger="measures"
            filters={{ department: isDepartment ? undefined : department, status }}
            testId="measures-export"
          />
        }
      >
        <span className="sx-muted">
          {isDepartment
            ? `本部门（${label(DEPARTMENT, user.department)}）承担的帮扶措施：及时记录落实进展，完成时填写帮扶结果`
            : '按责任部门查看帮扶措施的落实情况'}
        </span>
      </PageHead>
      <Card>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          {!isDepartment && (
            <span>
              责任部门：
              <Select
                placeholder="请选择责任部门"
                style={{ width: 220 }}
                value={department}
                options={options(DEPARTMENT)}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(d: string) => go({ department: d, status })}
                data-testid="department-select"
              />
            </span>
          )}
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={status ?? ''}
            options={[...STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS[s] })), { value: '', label: '全部' }]}
            onChange={(e) => go({ department, status: (e.target.value || undefined) as MeasureStatus | undefined })}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {!department ? (
          <Empty description={isDepartment ? '您的账号未设置所属部门，请联系管理员' : '请选择责任部门'} />
        ) : (
          <DepartmentMeasuresTable
            items={items}
            loading={!items && !error}
            refreshKey={changes}
            canOpenHousehold={can(user, 'registry.read')}
            onProgress={canRecord ? setProgressOf : undefined}
          />
        )}
      </Card>
      <ProgressModal
        key={dialogKey}
        measure={progressOf}
        onClose={() => setProgressOf(undefined)}
        onSaved={() => {
          setProgressOf(undefined);
          setChanges((c) => c + 1);
          message.success('进展已记录');
        }}
      />
    </>
  );
}

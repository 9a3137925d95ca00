import { Alert, Card, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseQuery, type CaseRow, casesApi } from '../../api/cases';
import { errorMessage } from '../../api/client';
import type { Page } from '../../api/types';
import { useUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageHead } from '../../components/PageHead';
import { CASE_KIND, LEVEL, options } from '../../domain/procedure-labels';
import { navigate, useLocation } from '../../router/history';
import { CaseTable } from './CaseTable';
import { caseListUrl, readCaseQuery } from './case-query';
import { useStepNames } from './step-names';

/** 程序办理: the inclusion and elimination procedures of the user's scope (SPEC §8.1, §8.3). */
export default function CaseListPage() {
  const user = useUser();
  const { search } = useLocation();
  const searchKey = search.toString();
  const query = readCaseQuery(new URLSearchParams(searchKey));
  const [data, setData] = useState<Pick<Page<CaseRow>, 'items' | 'total'>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const stepName = useStepNames(user.regionCode);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    casesApi
      .list(readCaseQuery(new URLSearchParams(searchKey)))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey]);

  const go = (q: CaseQuery) => navigate(caseListUrl({ ...q, page: q.page ?? 1 }));
  const openValue = query.open === undefined ? 'all' : query.open ? 'open' : 'closed';
  return (
    <>
      <PageHead title="程序办理" extra={<ExportButton ledger="cases" filters={query} testId="cases-export" />}>
        <span className="sx-muted">识别纳入和风险消除程序：按模板逐步办理，逐级审核，公示和三告知留痕</span>
      </PageHead>
      <Card>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={openValue}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
            onChange={(e) =>
              go({ ...query, open: e.target.value === 'all' ? undefined : e.target.value === 'open', page: 1 })
            }
          />
          <Select
            allowClear
            placeholder="全部程序"
            style={{ width: 130 }}
            value={query.kind}
            options={options(CASE_KIND)}
            onChange={(kind) => go({ ...query, kind, page: 1 })}
          />
          <Select
            allowClear
            placeholder="当前办理层级"
            style={{ width: 150 }}
            value={query.level}
            options={['village', 'township', 'county', 'department'].map((l) => ({ value: l, label: LEVEL[l] }))}
            onChange={(level) => go({ ...query, level, page: 1 })}
          />
          <span>
            <Switch
              checked={query.overdue === true}
              onChange={(on) => go({ ...query, overdue: on || undefined, page: 1 })}
              aria-label="只看逾期"
            />{' '}
            只看逾期
          </span>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <CaseTable
          data={data}
          page={query.page ?? 1}
          pageSize={query.pageSize ?? 20}
          loading={loading}
          stepName={stepName}
          onPage={(page, pageSize) => go({ ...query, page, pageSize })}
        />
      </Card>
    </>
  );
}

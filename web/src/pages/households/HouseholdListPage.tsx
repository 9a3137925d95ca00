import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type HouseholdQuery, householdsApi } from '../../api/households';
import type { HouseholdPage } from '../../api/types';
import { useUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageHead } from '../../components/PageHead';
import { RegionTree } from '../../components/RegionTree';
import { can } from '../../domain/permissions';
import { navigate, useLocation } from '../../router/history';
import { HouseholdFilters } from './HouseholdFilters';
import { HouseholdTable } from './HouseholdTable';
import { exportUrl, listUrl, readListQuery } from './list-query';

/** 农户档案: the households of the user's scope, by region, with filters and server-side paging (SPEC §4). */
export default function HouseholdListPage() {
  const user = useUser();
  const { search } = useLocation();
  const searchKey = search.toString();
  const [data, setData] = useState<HouseholdPage>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const query = readListQuery(new URLSearchParams(searchKey));

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    householdsApi
      .list(readListQuery(new URLSearchParams(searchKey)))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey]);

  const go = (q: HouseholdQuery) => navigate(listUrl(q));
  // Paging forward one page follows the server's cursor (a keyset range by household code, issue 18); any other jump
  // is by page number.
  const onPage = (page: number, pageSize: number) => {
    const next = page === (query.page ?? 1) + 1 && pageSize === query.pageSize && data?.nextCursor;
    go({ ...query, page, pageSize, after: next || undefined });
  };

  return (
    <>
      <PageHead
        title="农户档案"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl(query)} data-testid="households-export">
              导出Excel
            </Button>
            <ExportButton
              ledger="households"
              filters={{ ...query, after: undefined }}
              label="后台导出（大批量）"
              testId="households-export-job"
            />
            {query.status === 'monitored' && (
              <ExportButton
                ledger="monitored"
                filters={{ region: query.region, category: query.category, liftedOut: query.liftedOut }}
                label="导出监测对象台账"
                testId="monitored-export"
              />
            )}
            {can(user, 'registry.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')}>
                新建农户
              </Button>
            )}
          </Space>
        }
      />
      <div className="sx-split">
        <Card className="sx-split-side" title="行政区划" size="small">
          <RegionTree
            rootCode={user.regionCode}
            selected={query.region}
            onSelect={(region) => go({ ...query, region, page: 1, after: undefined })}
          />
        </Card>
        <Card className="sx-split-main">
          <HouseholdFilters
            query={query}
            onSearch={(q) => go({ ...q, region: query.region, page: 1, pageSize: query.pageSize, after: undefined })}
          />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <HouseholdTable data={data} loading={loading} onPage={onPage} />
        </Card>
      </div>
    </>
  );
}

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type HouseholdQuery, householdsApi } from '../../api/households';
import type { HouseholdPage } from '../../api/types';
import { useUser } from '../../app/auth';
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

  return (
    <>
      <PageHead
        title="农户档案"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl(query)} data-testid="households-export">
              导出Excel
            </Button>
            {can(user.role, 'registry.write') && (
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
            onSelect={(region) => go({ ...query, region, page: 1 })}
          />
        </Card>
        <Card className="sx-split-main">
          <HouseholdFilters
            query={query}
            onSearch={(q) => go({ ...q, region: query.region, page: 1, pageSize: query.pageSize })}
          />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <HouseholdTable data={data} loading={loading} onPage={(page, pageSize) => go({ ...query, page, pageSize })} />
        </Card>
      </div>
    </>
  );
}

import { Alert, Card, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type FeedImport, feedsApi, type ImportQuery } from '../../api/feeds';
import type { Page } from '../../api/types';
import { useUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageHead } from '../../components/PageHead';
import { navigate, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { canImport } from './feed-access';
import { ImportTable } from './ImportTable';
import { importListUrl, readImportQuery } from './import-query';
import { RegionSelect } from './RegionSelect';
import { departmentOptions, useFeeds } from './use-feeds';

/** 导入记录 (SPEC §10): every department file loaded in the user's scope, its counts and its bad-row report. */
export default function ImportHistoryPage() {
  const user = useUser();
  const { search } = useLocation();
  const searchKey = search.toString();
  const query = readImportQuery(new URLSearchParams(searchKey));
  const { feeds } = useFeeds();
  const [data, setData] = useState<Page<FeedImport>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    feedsApi
      .imports(readImportQuery(new URLSearchParams(searchKey)))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey]);

  const go = (q: ImportQuery) => navigate(importListUrl(q));

  return (
    <>
      <PageHead
        title="导入记录"
        extra={
          <Space wrap>
            <ExportButton ledger="imports" filters={query} testId="imports-export" />
            {canImport(user) && <Link to="/feeds/import">导入部门数据</Link>}
          </Space>
        }
      >
        <span className="sx-muted">各部门数据文件的导入情况；有错误行的可下载错误报告</span>
      </PageHead>
      <Card>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          {user.role !== 'department' && (
            <span>
              部门：
              <Select
                allowClear
                placeholder="全部部门"
                style={{ width: 200 }}
                value={query.department}
                options={departmentOptions(feeds)}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(department) => go({ ...query, department, page: 1 })}
              />
            </span>
          )}
          <span>
            区划：
            <RegionSelect
              rootCode={user.regionCode}
              allowClear
              placeholder="全部区划"
              value={query.region}
              onChange={(region) => go({ ...query, region, page: 1 })}
            />
          </span>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ImportTable
          data={data}
          loading={loading}
          feeds={feeds}
          onPage={(page, pageSize) => go({ ...query, page, pageSize })}
        />
      </Card>
    </>
  );
}

import { Alert, Card, Empty, Menu, Skeleton, Typography } from 'antd';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { navigate, useLocation } from '../../router/history';
import { canImport } from './feed-access';
import { RecordKindCard } from './RecordKindCard';
import { useFeeds } from './use-feeds';

/**
 * 部门数据目录 (SPEC §10): what each department pushes — record kinds, columns, types, required fields — with the
 * published template of each in Excel and CSV. A department officer sees their own department's feeds only.
 */
/** The catalogue cites its sources for developers too (SPEC sections); users see the policy sources only. */
function plainSource(source: string): string {
  return source
    .split(/[；;]/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('SPEC'))
    .join('；');
}

export default function FeedCataloguePage() {
  const user = useUser();
  const { search } = useLocation();
  const { feeds, error } = useFeeds();
  const visible = (feeds ?? []).filter((f) => user.role !== 'department' || f.department === user.department);
  const chosen = visible.find((f) => f.department === search.get('department')) ?? visible[0];
  const importer = canImport(user);

  return (
    <>
      <PageHead title="部门数据目录">
        <Typography.Text type="secondary">
          各行业部门按模板推送数据：列名按表头识别，列的顺序可以不同；带“必填”的列不能为空。身份证号列请设为文本格式。
        </Typography.Text>
      </PageHead>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!feeds && !error && <Skeleton active />}
      {feeds && !chosen && <Empty description="没有可查看的部门数据" />}
      {chosen && (
        <div className="sx-split">
          {visible.length > 1 && (
            <Card className="sx-split-side" title="部门" size="small" styles={{ body: { padding: 0 } }}>
              <Menu
                mode="inline"
                selectedKeys={[chosen.department]}
                items={visible.map((f) => ({ key: f.department, label: f.name }))}
                onClick={(e) => navigate(`/feeds?department=${e.key}`, { replace: true })}
                data-testid="feed-departments"
              />
            </Card>
          )}
          <div className="sx-split-main">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {chosen.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, fontWeight: 'normal' }}>
                依据：{plainSource(chosen.source)}
              </Typography.Text>
            </Typography.Title>
            {chosen.records.map((r) => (
              <RecordKindCard key={r.kind} department={chosen.department} record={r} canImport={importer} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}

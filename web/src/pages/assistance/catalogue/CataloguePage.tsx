import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import {
  assistanceApi,
  type CatalogueEntry,
  type CatalogueOverride,
  type RegionCatalogue,
} from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import { useUser } from '../../../app/auth';
import { PageHead } from '../../../components/PageHead';
import { RegionName } from '../../../components/RegionName';
import { RegionTree } from '../../../components/RegionTree';
import { can } from '../../../domain/permissions';
import { useOpenKey } from '../../../forms/use-open-key';
import { navigate, useLocation } from '../../../router/history';
import { forgetCatalogues } from '../use-catalogue';
import { CatalogueHistoryCard } from './CatalogueHistoryCard';
import { NewSubtypeModal, RenameModal } from './CatalogueModals';
import { CatalogueTable } from './CatalogueTable';
import { addedHere, disable, enable, normalise, removeSubtype } from './catalogue-override';
import { OverridesSummary } from './OverridesSummary';

/**
 * 帮扶措施目录 per region (SPEC §9; configuration set at a level and inherited downward, SPEC §3): the catalogue in
 * force with where each entry comes from, the region's own changes (停用、新增、修改) for county and admin users, and
 * every earlier version of the region's configuration.
 */
export default function CataloguePage() {
  const user = useUser();
  const { modal, message } = App.useApp();
  const { search } = useLocation();
  const region = search.get('region') || user.regionCode;
  const [data, setData] = useState<RegionCatalogue>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<CatalogueEntry>();
  const dialogKey = useOpenKey(adding || renaming !== undefined);
  const canEdit = can(user, 'settings.write') && region.startsWith(user.regionCode);

  useEffect(() => {
    let live = true;
    void changes;
    setError(undefined);
    assistanceApi
      .catalogue(region)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [region, changes]);

  const own = normalise(data?.overrides.find((o) => o.regionCode === region));

  /** Stores the region's next override; the server names every problem it finds. */
  const save = async (next: CatalogueOverride, text: string) => {
    setBusy(true);
    try {
      await assistanceApi.setCatalogue(region, normalise(next));
      forgetCatalogues();
      setChanges((c) => c + 1);
      message.success(text);
      return true;
    } catch (e) {
      modal.error({ title: '目录配置未保存', content: errorMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const toggle = (e: CatalogueEntry) => {
    if (e.enabled && addedHere(e, region)) {
      modal.confirm({
        title: `删除本级新增的「${e.name}」？`,
        content: '删除后本区划及下级不能再选用该措施；已落实的措施保留原有记录。',
        okText: '删除',
        onOk: () => save(removeSubtype(own, e.code), `已删除「${e.name}」`),
      });
    } else if (e.enabled) {
      modal.confirm({
        title: `停用「${e.name}」？`,
        content: '停用后本区划及下级不能再选用该措施；已落实的措施保留原有记录。',
        okText: '停用',
        onOk: () => save(disable(own, e.code), `已停用「${e.name}」`),
      });
    } else {
      void save(enable(own, e.code), `已恢复「${e.name}」`);
    }
  };

  return (
    <>
      <PageHead
        title="帮扶措施目录"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增措施子类
            </Button>
          )
        }
      >
        <span className="sx-muted">
          十类帮扶措施及其子类，按“省→市→县→乡→村”逐级继承；下级可停用、新增或修改名称和内容，法定保障措施不得停用
        </span>
      </PageHead>
      <div className="sx-split">
        <Card className="sx-split-side" title="行政区划" size="small">
          <RegionTree
            rootCode={user.regionCode}
            selected={region}
            onSelect={(r) => navigate(`/assistance/catalogue${toQueryString({ region: r })}`)}
          />
        </Card>
        <div className="sx-split-main">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={
              <Space>
                <RegionName code={region} />
                适用的措施目录
              </Space>
            }
          >
            {data && <OverridesSummary overrides={data.overrides} catalogue={data.catalogue} />}
            <CatalogueTable
              region={region}
              entries={data?.catalogue}
              ownDisabled={own.disable}
              canEdit={canEdit && !busy}
              onToggle={toggle}
              onRename={setRenaming}
            />
          </Card>
          <CatalogueHistoryCard region={region} catalogue={data?.catalogue ?? []} refreshKey={changes} />
        </div>
      </div>
      <NewSubtypeModal
        key={`add-${dialogKey}`}
        open={adding}
        own={own}
        onClose={() => setAdding(false)}
        onSave={async (next, name) => {
          if (await save(next, `已新增「${name}」`)) setAdding(false);
        }}
      />
      <RenameModal
        key={`rename-${dialogKey}`}
        entry={renaming}
        region={region}
        own={own}
        onClose={() => setRenaming(undefined)}
        onSave={async (next, name) => {
          if (await save(next, `已修改「${name}」`)) setRenaming(undefined);
        }}
      />
    </>
  );
}

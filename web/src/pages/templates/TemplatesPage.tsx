import { Alert, App, Button, Card, Collapse, Skeleton, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ProcedureKind, ProcedureTemplate } from '../../api/cases';
import { errorMessage } from '../../api/client';
import { proceduresApi, type TemplateList } from '../../api/procedures';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { can } from '../../domain/permissions';
import { CASE_KIND, label } from '../../domain/procedure-labels';
import { TemplateSteps } from './TemplateSteps';

function InUseCard({ kind, t }: { kind: ProcedureKind; t: ProcedureTemplate }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          {`${label(CASE_KIND, kind)}程序（正在使用）`}
          <Tag color="green">{t.name}</Tag>
          <Tag>第{t.version}版</Tag>
        </Space>
      }
      data-testid={`in-use-${kind}`}
    >
      {t.source && <p className="sx-muted">依据：{t.source}</p>}
      <TemplateSteps steps={t.steps} />
    </Card>
  );
}

/**
 * 程序模板 (SPEC §8.1): the templates in force for the county, and the shipped variants (会泽, 博尔塔拉, 枣庄, 瓦房, 安徽,
 * 甘肃) with their steps; a county picks one for new cases — running cases keep the template they started with.
 */
export default function TemplatesPage() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [list, setList] = useState<TemplateList>();
  const [error, setError] = useState<string>();
  const writable = can(user, 'settings.write');

  const load = useCallback(() => {
    proceduresApi.templates(user.regionCode).then(setList, (e) => setError(errorMessage(e)));
  }, [user.regionCode]);
  useEffect(load, [load]);

  const choose = (t: ProcedureTemplate) =>
    modal.confirm({
      title: `选用“${t.name}”？`,
      content: `本地区今后启动的${label(CASE_KIND, t.kind)}程序将按此模板办理；正在办理的事项仍按原模板办结。`,
      okText: '确认选用',
      onOk: async () => {
        try {
          await proceduresApi.choose(user.regionCode, t.kind, t.code);
          message.success('已选用');
          load();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!list) return <Skeleton active paragraph={{ rows: 10 }} />;
  const inUse = new Set([list.inUse.inclusion.code, list.inUse.elimination.code]);
  return (
    <>
      <PageHead title="程序模板">
        <span className="sx-muted">
          <RegionName code={user.regionCode} /> 识别纳入和风险消除程序所用模板；各地做法不同，县级可选用或调整
        </span>
      </PageHead>
      <InUseCard kind="inclusion" t={list.inUse.inclusion} />
      <InUseCard kind="elimination" t={list.inUse.elimination} />
      <Card size="small" title="内置模板">
        <Collapse
          items={list.shipped.map((t) => ({
            key: t.code,
            label: (
              <Space wrap>
                <Tag color={t.kind === 'inclusion' ? 'orange' : 'cyan'}>{label(CASE_KIND, t.kind)}</Tag>
                {t.name}
                <span className="sx-muted">{t.steps.length}个步骤</span>
                {inUse.has(t.code) && <Tag color="green">正在使用</Tag>}
              </Space>
            ),
            extra:
              writable && !inUse.has(t.code) ? (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    choose(t);
                  }}
                >
                  选用
                </Button>
              ) : undefined,
            children: (
              <>
                {t.source && <p className="sx-muted">依据：{t.source}</p>}
                {t.defaults?.length ? <p className="sx-muted">默认取值：{t.defaults.join('；')}</p> : null}
                <TemplateSteps steps={t.steps} />
              </>
            ),
          }))}
        />
      </Card>
      {list.adaptations.length > 0 && (
        <Card size="small" title="本地调整版本" style={{ marginTop: 16 }}>
          {list.adaptations.map((a) => (
            <div key={`${a.regionCode}-${a.code}-${a.version}`}>
              {list.shipped.find((s) => s.code === a.code)?.name ?? '本地模板'} 第{a.version}版 ·{' '}
              <RegionName code={a.regionCode} /> · {a.setBy}
            </div>
          ))}
        </Card>
      )}
    </>
  );
}

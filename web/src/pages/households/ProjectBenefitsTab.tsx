import { Alert, Typography } from 'antd';
import { type HouseholdBenefit, projectsApi } from '../../api/projects';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { BENEFIT_WAY, label, PROJECT_STATUS } from '../../domain/project-labels';
import { Link } from '../../router/Link';
import { useLoad, wan } from '../projects/project-ui';

/** 联农带农 in the household file (一户一档, SPEC §13): the assistance-fund projects the household benefits from. */
export function ProjectBenefitsTab({ householdId }: { householdId: string }) {
  const { data, error } = useLoad(() => projectsApi.householdBenefits(householdId), [householdId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  const total = (data ?? []).reduce((s, b) => s + b.amountYuan, 0);
  return (
    <>
      {data && data.length > 0 && (
        <Typography.Paragraph data-testid="household-benefit-total">
          受益于{new Set(data.map((b) => b.projectId)).size}个衔接资金项目，年受益合计{wan(total)}
        </Typography.Paragraph>
      )}
      <ResponsiveTable<HouseholdBenefit>
        rowKey={(b) => `${b.projectId}-${b.way}`}
        size="small"
        loading={!data}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '本户暂未登记为项目受益户' }}
        data-testid="household-benefits"
        columns={[
          {
            title: '项目',
            mobile: 'title',
            render: (_, b) => <Link to={`/projects/${b.projectId}`}>{b.projectName}</Link>,
          },
          { title: '年度', dataIndex: 'year', mobile: true },
          { title: '带动方式', render: (_, b) => label(BENEFIT_WAY, b.way), mobile: true },
          { title: '年受益金额', render: (_, b) => wan(b.amountYuan), mobile: true },
          { title: '项目状态', render: (_, b) => label(PROJECT_STATUS, b.projectStatus) },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
    </>
  );
}

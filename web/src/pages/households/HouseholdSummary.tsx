import { Descriptions, Tag } from 'antd';
import type { HouseholdFile } from '../../api/types';
import { MonitoringStatusTag, RiskColourTag } from '../../components/HouseholdTags';
import { useRiskColours } from '../../components/use-risk-colours';
import { formatDate } from '../../domain/format';
import { BACKSTOP, LABOR_SUMMARY, label, RISK_TYPE } from '../../domain/labels';

/** The household's basic facts (SPEC §4.1). */
export function HouseholdSummary({ file }: { file: HouseholdFile }) {
  const colours = useRiskColours([file.id], file);
  const head = file.members.find((m) => m.id === file.headPersonId) ?? file.members.find((m) => m.relation === 'head');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'code', label: '户编号', children: file.code },
        { key: 'village', label: '所属村', children: `${file.villageName}（${file.regionCode}）` },
        { key: 'head', label: '户主', children: head?.name ?? '—' },
        { key: 'address', label: '住址', children: file.address || '—' },
        { key: 'members', label: '家庭人口', children: `${file.memberCount}人（在册成员${file.members.length}人）` },
        { key: 'labor', label: '劳动力状况', children: label(LABOR_SUMMARY, file.laborSummary) },
        {
          key: 'lifted',
          label: '脱贫户',
          children: file.liftedOut ? (
            <Tag color="blue">是{file.liftedOutYear ? `（${file.liftedOutYear}年脱贫）` : ''}</Tag>
          ) : (
            '否'
          ),
        },
        {
          key: 'status',
          label: '监测状态',
          children: (
            <span>
              <RiskColourTag info={colours?.[file.id]} />
              <MonitoringStatusTag status={file.monitoringStatus} category={file.category} />
            </span>
          ),
        },
        {
          key: 'risks',
          label: '风险类型',
          children: file.riskTypes.length ? file.riskTypes.map((r) => label(RISK_TYPE, r)).join('、') : '—',
        },
        { key: 'included', label: '纳入日期', children: formatDate(file.includedOn) },
        { key: 'eliminated', label: '风险消除日期', children: formatDate(file.eliminatedOn) },
        { key: 'backstop', label: '兜底保障', children: label(BACKSTOP, file.backstop, '无') },
        {
          key: 'responsible',
          label: '帮扶责任人',
          children: file.responsiblePerson
            ? `${file.responsiblePerson}${file.responsiblePhone ? `（${file.responsiblePhone}）` : ''}`
            : '未指定',
        },
      ]}
    />
  );
}

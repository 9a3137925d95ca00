import { type TableProps, Tag } from 'antd';
import type { CaseActionRecord, CaseDetail } from '../../api/cases';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { ROLE } from '../../domain/labels';
import { CASE_ACTION, label } from '../../domain/procedure-labels';

/** Decisions recorded with an action (answer_objection, the county leading group's override). */
const ACTION_DECISION: Record<string, string> = {
  upheld: '异议属实',
  dismissed: '异议不属实',
  leading_group_approved: '县级领导小组决定纳入',
};

/** Every action on the case, in order (SPEC §8.1: who, when, decision, note, attachments; never edited). */
export function ActionsTable({ c }: { c: CaseDetail }) {
  const stepName = (code: string) => c.state.template.steps.find((s) => s.code === code)?.name ?? code;
  const fileName = (id: string) => c.files.find((f) => f.id === id)?.name ?? '材料';
  const columns: TableProps<CaseActionRecord>['columns'] = [
    { title: '序号', dataIndex: 'seq', width: 60 },
    { title: '时间', dataIndex: 'at', width: 165, render: (v: string) => formatDateTime(v) },
    {
      title: '办理人',
      key: 'who',
      width: 130,
      render: (_, a) => `${a.username}（${label(ROLE, a.role)}）`,
    },
    { title: '步骤', dataIndex: 'stepCode', width: 130, render: (v: string) => stepName(v) },
    {
      title: '操作',
      dataIndex: 'type',
      width: 110,
      render: (v: string) => (
        <Tag color={v === 'reverse' || v === 'reject' ? 'red' : 'blue'}>{label(CASE_ACTION, v)}</Tag>
      ),
    },
    {
      title: '内容',
      key: 'what',
      render: (_, a) => (
        <div>
          {a.decision && <div>决定：{ACTION_DECISION[a.decision] ?? a.decision}</div>}
          {a.note && <div>{a.note}</div>}
          {a.meeting && (
            <div className="sx-muted">
              评议会议：{a.meeting.attendees.length}人参会，赞成{a.meeting.votesFor}票、反对{a.meeting.votesAgainst}票
            </div>
          )}
          {a.attachments.length > 0 && (
            <div className="sx-muted">附件：{a.attachments.map((x) => fileName(x.fileId)).join('、')}</div>
          )}
        </div>
      ),
    },
  ];
  return (
    <ResponsiveTable<CaseActionRecord>
      size="small"
      rowKey="seq"
      columns={columns}
      dataSource={c.actions}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '尚无办理记录' }}
    />
  );
}

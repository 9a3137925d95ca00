import { Alert, Card, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { campaignsApi } from '../../api/campaigns';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useLoad } from './use-load';

/** 问题清零 board (SPEC §15): per region below the reader's, open, overdue and escalated problems, and cleared or not. */
export default function ProblemBoardPage() {
  const campaigns = useLoad(() => campaignsApi.list(), []);
  const [campaignId, setCampaignId] = useState<string>();
  const board = useLoad(() => campaignsApi.board(campaignId), [campaignId]);
  const b = board.data;
  return (
    <>
      <PageHead
        title="问题清零"
        extra={
          <Select
            allowClear
            placeholder="全部专项行动"
            style={{ minWidth: 220 }}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        }
      >
        {b && (
          <Typography.Text data-testid="board-summary">
            {b.regionName}：{b.cleared ? <Tag color="green">已全部清零</Tag> : <Tag color="orange">尚未清零</Tag>}
          </Typography.Text>
        )}
      </PageHead>
      {board.error && <Alert type="error" showIcon title={board.error} />}
      <Card>
        <ResponsiveTable
          rowKey="code"
          size="small"
          loading={!b && !board.error}
          dataSource={b?.rows ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="board"
          columns={[
            { title: '区划', dataIndex: 'name', width: 130 },
            { title: '发现', dataIndex: 'found', width: 70, align: 'right' },
            { title: '已销号', dataIndex: 'closed', width: 80, align: 'right' },
            { title: '待验收', dataIndex: 'submitted', width: 80, align: 'right' },
            { title: '逾期', dataIndex: 'overdue', width: 70, align: 'right' },
            { title: '上升督办', dataIndex: 'escalated', width: 90, align: 'right' },
            {
              title: '清零',
              dataIndex: 'cleared',
              width: 100,
              render: (v: boolean, r) =>
                v ? <Tag color="green">已清零</Tag> : <Tag color={r.overdue ? 'red' : 'orange'}>未清零 {r.open}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}

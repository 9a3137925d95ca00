import { Alert, Badge, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Today, WorkItem, WorkList } from '../../api/workbench';
import { workbenchApi } from '../../api/workbench';
import { PageHead } from '../../components/PageHead';
import { formatCount, householdsAndPersons } from '../../domain/format';
import { Link } from '../../router/Link';
import { OfflineQueueCard } from '../visits/OfflineQueueCard';

interface Section {
  key: keyof Omit<Today, 'today'>;
  title: string;
  /** What the due date means on this list. */
  due: string;
  /** The record a tap opens. */
  to: (i: WorkItem) => string;
  /** Where "全部" leads. */
  all: string;
}

const SECTIONS: Section[] = [
  { key: 'visitsDue', title: '待入户调查', due: '期限', to: (i) => `/cases/${i.id}`, all: '/cases?level=village' },
  {
    key: 'cluesToVerify',
    title: '待核实线索',
    due: '期限',
    to: (i) => `/clues?clue=${i.id}`,
    all: '/clues?status=unclosed',
  },
  { key: 'casesWaiting', title: '待村级办理', due: '期限', to: (i) => `/cases/${i.id}`, all: '/cases?level=village' },
  { key: 'publicityEnding', title: '公示中', due: '公示截止', to: (i) => `/cases/${i.id}`, all: '/cases' },
  {
    key: 'measuresDue',
    title: '本月到期措施',
    due: '计划完成',
    to: (i) => `/households/${i.householdId}?tab=assistance`,
    all: '/assistance/gaps',
  },
  {
    key: 'withoutResponsible',
    title: '未落实帮扶责任人',
    due: '应落实',
    to: (i) => `/households/${i.householdId}?tab=assistance`,
    all: '/assistance/gaps',
  },
];

/** How many rows each list shows before "全部". */
const SHOWN = 5;

function TaskCard({ section, list, today }: { section: Section; list: WorkList; today: string }) {
  const [more, setMore] = useState(false);
  const items = more ? list.items : list.items.slice(0, SHOWN);
  return (
    <Card
      size="small"
      data-testid={`today-${section.key}`}
      title={
        <Space size={6} wrap>
          <span>{section.title}</span>
          <Badge count={list.count} overflowCount={9999} showZero color={list.count ? '#1677ff' : '#bfbfbf'} />
          {list.overdue > 0 && <Tag color="red">逾期{formatCount(list.overdue)}项</Tag>}
        </Space>
      }
      extra={<Link to={section.all}>全部</Link>}
    >
      <Typography.Text type="secondary" data-testid={`today-${section.key}-count`}>
        {householdsAndPersons(list.households, list.persons)}
      </Typography.Text>
      {list.count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item>
              <Link to={section.to(i)} className="sx-today-item" data-testid="today-item">
                <span className="sx-today-main">
                  <strong>{i.headName ?? '—'}</strong>
                  <span className="sx-today-sub">
                    {i.householdCode ?? ''} · {formatCount(i.persons)}人
                  </span>
                </span>
                <span className="sx-today-side">
                  <span>{i.what}</span>
                  {i.dueOn && (
                    <Typography.Text type={i.dueOn < today ? 'danger' : 'secondary'}>
                      {section.due} {i.dueOn}
                    </Typography.Text>
                  )}
                </span>
              </Link>
            </List.Item>
          )}
        />
      )}
      {list.items.length > SHOWN && (
        <Button type="link" block onClick={() => setMore((m) => !m)}>
          {more ? '收起' : `展开（共${formatCount(list.count)}项）`}
        </Button>
      )}
    </Card>
  );
}

/**
 * 移动工作台 (issue 14 point 2): what a village cadre opens on the phone — today's tasks in the village, each list
 * counted in 户 and 人 and each row one tap from its record; the visits waiting to be uploaded sit on top.
 */
export default function VillageHomePage() {
  const [data, setData] = useState<Today>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    workbenchApi
      .today()
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHead title="移动工作台" extra={<Link to="/visits/offline">离线走访</Link>} />
      <div className="sx-today">
        <OfflineQueueCard />
        {error && <Alert type="error" showIcon message={error} />}
        {!data && !error && <Skeleton active />}
        {data && SECTIONS.map((s) => <TaskCard key={s.key} section={s} list={data[s.key]} today={data.today} />)}
      </div>
    </>
  );
}

import { NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Colour, type ProjectStatus, projectsApi } from '../../api/projects';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { options, PROJECT_STATUS, WARNING_COLOUR } from '../../domain/project-labels';
import { Link } from '../../router/Link';
import { ImportButton } from './ImportButton';
import { ProjectForm } from './ProjectForm';
import { canKeepLibrary, StatusTag, thisMonth, useLoad, WarningTag, wan } from './project-ui';

/** 项目库 (SPEC §13): the projects of the user's region with this month's 红黄蓝 card; filing a new one. */
export default function ProjectListPage() {
  const user = useUser();
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const [colour, setColour] = useState<Colour>();
  const [status, setStatus] = useState<ProjectStatus>();
  const [month, setMonth] = useState(thisMonth());
  const [open, setOpen] = useState(false);
  const { data, error, reload } = useLoad(
    () =>
      projectsApi.list({
        ...(year ? { year } : {}),
        ...(colour ? { colour } : {}),
        ...(status ? { status } : {}),
        month,
      }),
    [year, colour, status, month],
  );
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i);

  return (
    <>
      <PageHead
        title="项目库"
        extra={
          <Space wrap>
            <Link to="/project-bulletin">
              <Button icon={<NotificationOutlined />}>预警通报</Button>
            </Link>
            {canKeepLibrary(user) && <ImportButton year={year} onDone={reload} />}
            {canKeepLibrary(user) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                项目申报
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          项目申报、论证公示、入库实施、验收运营，有进有出；建设任务分解到月，每月“红黄蓝”预警。
        </Typography.Text>
      </PageHead>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            style={{ width: 110 }}
            allowClear
            placeholder="年度"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
          />
          <Select
            style={{ width: 170 }}
            allowClear
            placeholder="项目状态"
            value={status}
            onChange={setStatus}
            options={options(PROJECT_STATUS)}
            aria-label="项目状态"
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            aria-label="预警月份"
          />
          <Select
            style={{ width: 110 }}
            allowClear
            placeholder="预警"
            value={colour}
            onChange={setColour}
            options={options(WARNING_COLOUR)}
            aria-label="预警"
            data-testid="colour-filter"
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      <Card>
        <List
          loading={!data && !error}
          dataSource={data ?? []}
          locale={{ emptyText: '暂无项目' }}
          data-testid="project-list"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          renderItem={(p) => (
            <List.Item
              extra={
                <Space wrap>
                  <StatusTag status={p.status} />
                  {p.keyProject && <Tag color="purple">重点帮包</Tag>}
                  <WarningTag warning={p.warning} />
                </Space>
              }
            >
              <List.Item.Meta
                title={<Link to={`/projects/${p.id}`}>{p.name}</Link>}
                description={
                  <>
                    <div>
                      {p.regionName} · {p.year}年 · {p.type} · 总投资{wan(p.totalYuan)}（{p.fundName}
                      {wan(p.linkageYuan)}） · 负责人 {p.manager}
                    </div>
                    {p.warning && p.warning.colour !== 'blue' && (
                      <Typography.Text type="secondary">{p.warning.reason}</Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ProjectForm open={open} onClose={() => setOpen(false)} />
    </>
  );
}

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { AppMenu } from './AppMenu';
import { scopeName, useAuth, useUser } from './auth';

const { Header, Sider, Content } = Layout;

/** Side menu, header with the user, role and region, and the page. */
export function AppLayout({ selected, children }: { selected: string; children: ReactNode }) {
  const user = useUser();
  const { scopePath, logout } = useAuth();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away completely (antd's zero-width trigger opens it), leaving the page the full width.
  const [narrow, setNarrow] = useState(false);
  const region = scopeName(scopePath) || user.regionCode;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <div className="sx-brand" title="守线 · 防止返贫动态监测和帮扶平台">
          <span className="sx-brand-mark">守</span>
          {!collapsed && <span className="sx-brand-text">守线</span>}
        </div>
        <AppMenu role={user.role} selected={selected} />
      </Sider>
      <Layout>
        <Header className="sx-header" style={{ padding: '0 24px', background: '#fff' }}>
          <Typography.Text strong className="sx-header-title">
            防止返贫动态监测和帮扶平台
          </Typography.Text>
          <Space size="middle" className="sx-header-user">
            <Tooltip title={`管辖范围：${region}（${user.regionCode}）`}>
              <span className="sx-header-region">{region}</span>
            </Tooltip>
            <Tag color="blue">{user.roleLabel}</Tag>
            <span>
              <UserOutlined /> {user.username}
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出
            </Button>
          </Space>
        </Header>
        <Content className="sx-content">{children}</Content>
        <Layout.Footer className="sx-footer" style={{ padding: '12px 24px' }}>
          守线 · 数据仅在本单位内网流转，身份证号等个人信息脱敏显示，查阅记入审计日志
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}

import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { usePhone } from '../components/use-phone';
import { useLocation } from '../router/history';
import { AppMenu } from './AppMenu';
import { scopeName, useAuth, useUser } from './auth';

const { Header, Sider, Content } = Layout;

function Brand({ short }: { short?: boolean }) {
  return (
    <div className="sx-brand" title="守线 · 防止返贫动态监测和帮扶平台">
      <span className="sx-brand-mark">守</span>
      {!short && <span className="sx-brand-text">守线</span>}
    </div>
  );
}

/**
 * Side menu, header with the user, role and region, and the page. Below 768 px (a phone) the menu is a drawer opened
 * from the header's menu button, and the header keeps only the role and a logout button, so the page has the full
 * width and nothing scrolls sideways.
 */
export function AppLayout({ selected, children }: { selected: string; children: ReactNode }) {
  const user = useUser();
  const { scopePath, logout } = useAuth();
  const phone = usePhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const { pathname } = useLocation();
  // A tap on a menu entry navigates: the drawer closes with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setDrawer(false), [pathname]);
  const region = scopeName(scopePath) || user.regionCode;
  return (
    <Layout style={{ minHeight: '100vh' }} className={phone ? 'sx-phone' : undefined}>
      {!phone && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
          <Brand short={collapsed} />
          <AppMenu selected={selected} />
        </Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          size={260}
          closable={false}
          rootClassName="sx-menu-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <AppMenu selected={selected} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="sx-header" style={{ padding: phone ? '0 8px' : '0 24px', background: '#fff' }}>
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              data-testid="menu-button"
              onClick={() => setDrawer(true)}
            />
          )}
          <Typography.Text strong className="sx-header-title">
            {phone ? '守线' : '防止返贫动态监测和帮扶平台'}
          </Typography.Text>
          <Space size={phone ? 'small' : 'middle'} className="sx-header-user">
            {!phone && (
              <Tooltip title={`管辖范围：${region}（${user.regionCode}）`}>
                <span className="sx-header-region">{region}</span>
              </Tooltip>
            )}
            <Tooltip title={phone ? `${user.username} · ${region}` : undefined}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {user.roleLabel}
              </Tag>
            </Tooltip>
            {!phone && (
              <span>
                <UserOutlined /> {user.username}
              </span>
            )}
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} aria-label="退出">
              {phone ? undefined : '退出'}
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

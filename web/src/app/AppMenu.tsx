import { Menu, type MenuProps } from 'antd';
import { navigate } from '../router/history';
import { useAuth } from './auth';
import { menuRoutes } from './routes';

type Item = Required<MenuProps>['items'][number];

/** The side menu, built from the route list for the user's role; routes sharing a `group` become a sub-menu. */
export function AppMenu({ selected }: { selected: string }) {
  const user = useAuth().user;
  const items: Item[] = [];
  const groups = new Map<string, Item[]>();
  /** The sub-menu holding the current page starts open, so the highlighted entry is visible. */
  const openKeys: string[] = [];
  for (const r of user ? menuRoutes(user) : []) {
    const item: Item = { key: r.path, icon: r.menu?.icon, label: r.title };
    const group = r.menu?.group;
    if (!group) {
      items.push(item);
      continue;
    }
    let children = groups.get(group);
    if (!children) {
      children = [];
      groups.set(group, children);
      items.push({ key: `group:${group}`, icon: r.menu?.icon, label: group, children });
    }
    children.push(item);
    if (r.path === selected) openKeys.push(`group:${group}`);
  }
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={openKeys}
      items={items}
      onClick={(e) => navigate(e.key)}
    />
  );
}

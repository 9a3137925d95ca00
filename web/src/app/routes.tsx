import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClearOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DownloadOutlined,
  ExceptionOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundProjectionScreenOutlined,
  HistoryOutlined,
  HomeOutlined,
  LineChartOutlined,
  MobileOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  WarningOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { CurrentUser, Role } from '../api/types';
import { can, isProjectOfficer, isSeparatedAdmin, type Permission } from '../domain/permissions';

export interface PageProps {
  params: Record<string, string>;
}

/**
 * One entry per page. The side menu and the access checks are built from this list, so a new module (clues, cases,
 * screening, assistance, reports) adds its pages here and nowhere else.
 */
export interface AppRoute {
  path: string;
  title: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
  /** Who may open it: a permission, or an explicit list of roles; absent = every logged-in user. */
  permission?: Permission;
  roles?: Role[];
  /** Department users see it in the menu only when it lists their department (the server refuses the others). */
  departments?: string[];
  /** Shown in the side menu, in this order, optionally under a group (a sub-menu). */
  menu?: { order: number; icon: ReactNode; group?: string };
  /** The menu entry to highlight for a page that is not itself in the menu (e.g. a household file). */
  activeMenu?: string;
}

const page = (load: () => Promise<{ default: ComponentType<PageProps> }>) => lazy(load);

export const ROUTES: AppRoute[] = [
  {
    path: '/',
    title: '工作台',
    component: page(() => import('../pages/dashboard/DashboardPage')),
    menu: { order: 10, icon: <DashboardOutlined /> },
  },
  // The village cadre's phone (issue 14 points 2, 3): today's tasks, and visits recorded without signal.
  {
    path: '/today',
    title: '移动工作台',
    roles: ['village'],
    component: page(() => import('../pages/workbench/VillageHomePage')),
    menu: { order: 5, icon: <MobileOutlined /> },
  },
  {
    path: '/visits/offline',
    title: '离线走访',
    roles: ['village', 'township'],
    component: page(() => import('../pages/visits/OfflineVisitsPage')),
    menu: { order: 6, icon: <WifiOutlined /> },
  },
  {
    path: '/households',
    title: '农户档案',
    permission: 'registry.read',
    component: page(() => import('../pages/households/HouseholdListPage')),
    menu: { order: 20, icon: <HomeOutlined /> },
  },
  {
    path: '/households/new',
    title: '新建农户',
    permission: 'registry.write',
    component: page(() => import('../pages/households/NewHouseholdPage')),
    activeMenu: '/households',
  },
  {
    path: '/households/:id',
    title: '农户档案详情',
    permission: 'registry.read',
    component: page(() => import('../pages/households/HouseholdFilePage')),
    activeMenu: '/households',
  },
  {
    path: '/clues',
    title: '线索台账',
    roles: ['village', 'township', 'county', 'department', 'supervisor', 'admin'],
    component: page(() => import('../pages/clues/ClueLedgerPage')),
    menu: { order: 30, icon: <AlertOutlined /> },
  },
  {
    path: '/cases',
    title: '程序办理',
    permission: 'registry.read',
    component: page(() => import('../pages/cases/CaseListPage')),
    menu: { order: 40, icon: <SolutionOutlined /> },
  },
  {
    path: '/cases/:id',
    title: '程序事项',
    permission: 'registry.read',
    component: page(() => import('../pages/cases/CaseDetailPage')),
    activeMenu: '/cases',
  },
  // 帮扶 (SPEC §9): who sees what mirrors src/modules/assistance/assistance.policy.ts.
  {
    path: '/assistance/gaps',
    title: '帮扶缺口',
    permission: 'registry.read',
    component: page(() => import('../pages/assistance/gaps/GapsPage')),
    menu: { order: 41, icon: <AimOutlined />, group: '帮扶工作' },
  },
  {
    path: '/assistance/measures',
    title: '部门帮扶措施',
    roles: ['village', 'township', 'county', 'department', 'supervisor', 'admin'],
    component: page(() => import('../pages/assistance/measures/DepartmentMeasuresPage')),
    menu: { order: 42, icon: <ToolOutlined />, group: '帮扶工作' },
  },
  {
    path: '/assistance/reviews',
    title: '成效评议',
    permission: 'registry.read',
    component: page(() => import('../pages/assistance/reviews/ReviewListPage')),
    menu: { order: 43, icon: <CheckSquareOutlined />, group: '帮扶工作' },
  },
  {
    path: '/assistance/reviews/:id',
    title: '成效评议',
    permission: 'registry.read',
    component: page(() => import('../pages/assistance/reviews/ReviewDetailPage')),
    activeMenu: '/assistance/reviews',
  },
  {
    path: '/assistance/backstop',
    title: '兜底保障',
    roles: ['village', 'township', 'county', 'department', 'supervisor', 'admin'],
    departments: ['civil_affairs'],
    component: page(() => import('../pages/assistance/backstop/BackstopPage')),
    menu: { order: 44, icon: <SafetyOutlined />, group: '帮扶工作' },
  },
  {
    path: '/cards',
    title: '明白卡',
    permission: 'registry.read',
    component: page(() => import('../pages/cards/CardsPrintPage')),
    activeMenu: '/assistance/publicity',
  },
  {
    path: '/assistance/publicity',
    title: '措施公示',
    permission: 'registry.read',
    component: page(() => import('../pages/assistance/publicity/PublicityPage')),
    menu: { order: 45, icon: <NotificationOutlined />, group: '帮扶工作' },
  },
  {
    path: '/assistance/catalogue',
    title: '措施目录',
    permission: 'registry.read',
    component: page(() => import('../pages/assistance/catalogue/CataloguePage')),
    menu: { order: 46, icon: <BookOutlined />, group: '帮扶工作' },
  },
  {
    path: '/cycle',
    title: '月度调度',
    permission: 'registry.read',
    component: page(() => import('../pages/cycle/CyclePage')),
    menu: { order: 50, icon: <CalendarOutlined /> },
  },
  // Every user's own background exports (issue 13 point 4): status, progress, download, cancel.
  {
    path: '/exports',
    title: '导出记录',
    component: page(() => import('../pages/exports/ExportsPage')),
    menu: { order: 80, icon: <DownloadOutlined /> },
  },
  {
    path: '/calendars',
    title: '节假日安排',
    permission: 'registry.read',
    component: page(() => import('../pages/calendars/CalendarsPage')),
    menu: { order: 72, icon: <CalendarOutlined /> },
  },
  {
    path: '/reports',
    title: '报表',
    permission: 'registry.read',
    component: page(() => import('../pages/reports/ReportsPage')),
    menu: { order: 55, icon: <FileTextOutlined /> },
  },
  {
    path: '/procedure-templates',
    title: '程序模板',
    roles: ['county', 'admin', 'supervisor'],
    component: page(() => import('../pages/templates/TemplatesPage')),
    menu: { order: 70, icon: <NodeIndexOutlined /> },
  },
  // Per-region parameters (SPEC §3): the county and the admin edit; the supervisor reads.
  {
    path: '/settings',
    title: '参数设置',
    roles: ['county', 'admin', 'supervisor'],
    component: page(() => import('../pages/settings/SettingsPage')),
    menu: { order: 75, icon: <SettingOutlined /> },
  },
  {
    path: '/monitoring-lines',
    title: '监测线',
    component: page(() => import('../pages/lines/MonitoringLinesPage')),
    menu: { order: 60, icon: <LineChartOutlined /> },
  },
  // Department data (SPEC §10, §11, §17), mirroring src/modules/feeds/feeds.policy.ts and the screening,
  // cleaning and regional-risk services: department officers import and see their own feeds; the county runs.
  {
    path: '/feeds',
    title: '数据目录',
    roles: ['department', 'county', 'admin', 'supervisor'],
    component: page(() => import('../pages/feeds/FeedCataloguePage')),
    menu: { order: 81, icon: <DatabaseOutlined />, group: '部门数据' },
  },
  {
    path: '/feeds/import',
    title: '数据导入',
    roles: ['department', 'county', 'admin'],
    component: page(() => import('../pages/feeds/FeedImportPage')),
    menu: { order: 82, icon: <CloudUploadOutlined />, group: '部门数据' },
  },
  {
    path: '/feeds/imports',
    title: '导入记录',
    roles: ['department', 'county', 'admin', 'supervisor'],
    component: page(() => import('../pages/feeds/ImportHistoryPage')),
    menu: { order: 83, icon: <HistoryOutlined />, group: '部门数据' },
  },
  {
    path: '/screening',
    title: '筛查规则与运行',
    roles: ['department', 'township', 'county', 'admin', 'supervisor'],
    component: page(() => import('../pages/screening/ScreeningPage')),
    menu: { order: 84, icon: <RadarChartOutlined />, group: '筛查预警' },
  },
  {
    path: '/data-quality',
    title: '数据质量问题',
    component: page(() => import('../pages/data-quality/DataQualityPage')),
    menu: { order: 85, icon: <ExceptionOutlined />, group: '筛查预警' },
  },
  {
    path: '/cleaning',
    title: '数据清洗',
    permission: 'registry.read',
    component: page(() => import('../pages/cleaning/CleaningPage')),
    menu: { order: 86, icon: <ClearOutlined /> },
  },
  {
    path: '/regional-risks',
    title: '区域性风险',
    permission: 'registry.read',
    component: page(() => import('../pages/regional-risk/RegionalRiskPage')),
    menu: { order: 87, icon: <WarningOutlined /> },
  },
  // 专项行动 (SPEC §15), mirroring src/modules/campaigns/campaigns.policy.ts: everyone working in a region sees the
  // campaigns over it; the lead levels draw spot checks; the level above signs off problems.
  {
    path: '/campaigns',
    title: '专项行动',
    roles: ['village', 'township', 'county', 'supervisor', 'admin'],
    component: page(() => import('../pages/campaigns/CampaignListPage')),
    menu: { order: 88, icon: <FlagOutlined />, group: '专项行动' },
  },
  {
    path: '/campaigns/:id',
    title: '专项行动',
    roles: ['village', 'township', 'county', 'supervisor', 'admin'],
    component: page(() => import('../pages/campaigns/CampaignDetailPage')),
    activeMenu: '/campaigns',
  },
  {
    path: '/problems/:id',
    title: '问题整改',
    roles: ['village', 'township', 'county', 'supervisor', 'admin'],
    component: page(() => import('../pages/campaigns/ProblemDetailPage')),
    activeMenu: '/campaigns',
  },
  {
    path: '/problem-board',
    title: '问题清零',
    roles: ['village', 'township', 'county', 'supervisor', 'admin'],
    component: page(() => import('../pages/campaigns/ProblemBoardPage')),
    menu: { order: 89, icon: <FundProjectionScreenOutlined />, group: '专项行动' },
  },
  {
    path: '/relief-requests',
    title: '救助申请',
    component: page(() => import('../pages/relief/ReliefInboxPage')),
    roles: ['village', 'township', 'county', 'department', 'supervisor', 'admin'],
    menu: { order: 35, icon: <CustomerServiceOutlined /> },
  },
  {
    path: '/relief-items',
    title: '服务事项目录',
    permission: 'settings.write',
    component: page(() => import('../pages/relief/ReliefCatalogPage')),
    menu: { order: 36, icon: <CustomerServiceOutlined /> },
  },
  {
    path: '/audit',
    title: '审计日志',
    permission: 'audit.read',
    component: page(() => import('../pages/audit/AuditLogPage')),
    menu: { order: 90, icon: <AuditOutlined /> },
  },
  // 三员分立 (docs/decisions/0030): the security administrator's page.
  {
    path: '/users',
    title: '用户管理',
    permission: 'users.manage',
    component: page(() => import('../pages/users/UsersPage')),
    menu: { order: 91, icon: <TeamOutlined /> },
  },
  // 帮扶资金项目 (SPEC §13), mirroring src/modules/projects/projects.policy.ts: the county project officer keeps the
  // library, plans and progress (docs/decisions/0036); the county, townships, villages and supervisors read.
  {
    path: '/projects',
    title: '项目库',
    roles: ['village', 'township', 'county', 'supervisor', 'admin', 'project_officer'],
    component: page(() => import('../pages/projects/ProjectListPage')),
    menu: { order: 89.5, icon: <BookOutlined />, group: '帮扶项目' },
  },
  {
    path: '/projects/:id',
    title: '项目详情',
    roles: ['village', 'township', 'county', 'supervisor', 'admin', 'project_officer'],
    component: page(() => import('../pages/projects/ProjectDetailPage')),
    activeMenu: '/projects',
  },
  {
    path: '/project-bulletin',
    title: '项目预警通报',
    roles: ['village', 'township', 'county', 'supervisor', 'admin', 'project_officer'],
    component: page(() => import('../pages/projects/BulletinPage')),
    menu: { order: 89.6, icon: <NotificationOutlined />, group: '帮扶项目' },
  },
];

export function allowed(route: AppRoute, user: Pick<CurrentUser, 'role' | 'permissions'>): boolean {
  const { role } = user;
  if (route.roles && !route.roles.includes(role)) return false;
  // the security and the audit administrator open the 工作台 and the pages of their own permission only
  if (isSeparatedAdmin(role) && route.path !== '/' && !route.permission) return false;
  // the project officer opens the 工作台 and the pages that name its role (the project pages), whatever it may read
  if (isProjectOfficer(role)) return route.path === '/' || !!route.roles?.includes(role);
  return route.permission ? can(user, route.permission) : true;
}

/** The first route whose pattern matches; literal routes are listed before parameterised ones. */
export function findRoute(pathname: string, match: (pattern: string, path: string) => Record<string, string> | null) {
  for (const route of ROUTES) {
    const params = match(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

export function menuRoutes(user: Pick<CurrentUser, 'role' | 'permissions' | 'department'>): AppRoute[] {
  const { role, department } = user;
  const departmentSees = (r: AppRoute) =>
    role !== 'department' || !r.departments || (department !== null && r.departments.includes(department));
  return ROUTES.filter((r) => r.menu && allowed(r, user) && departmentSees(r)).sort(
    (a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0),
  );
}

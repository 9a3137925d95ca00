import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * Pages outside the login wall (SPEC §6 channel 1: a citizen declares hardship from a phone, no account). They are
 * rendered without the app's layout, and a 401 on them never sends anyone to the login page.
 */
export interface PublicRoute {
  path: string;
  title: string;
  component: LazyExoticComponent<ComponentType>;
}

export const PUBLIC_ROUTES: PublicRoute[] = [
  { path: '/declare', title: '农户自主申报', component: lazy(() => import('../pages/declare/DeclarePage')) },
  {
    path: '/declare/status',
    title: '申报办理进度查询',
    component: lazy(() => import('../pages/declare/DeclareStatusPage')),
  },
  { path: '/relief', title: '政府救助平台', component: lazy(() => import('../pages/relief/ReliefApplyPage')) },
  {
    path: '/relief/status',
    title: '救助申请进度查询',
    component: lazy(() => import('../pages/relief/ReliefStatusPage')),
  },
];

export function findPublicRoute(pathname: string): PublicRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return PUBLIC_ROUTES.find((r) => r.path === path);
}

export const isPublicPath = (pathname: string): boolean => findPublicRoute(pathname) !== undefined;

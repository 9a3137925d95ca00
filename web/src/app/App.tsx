import { Result, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { LoginPage } from '../pages/auth/LoginPage';
import { matchPath, navigate, useLocation } from '../router/history';
import { AppLayout } from './AppLayout';
import { useAuth } from './auth';
import { PageErrorBoundary } from './PageErrorBoundary';
import { findPublicRoute } from './public-routes';
import { allowed, findRoute } from './routes';

function Loading() {
  return (
    <div className="sx-loading">
      <Spin size="large" />
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

/** Chooses the page from the address: login when logged out, otherwise the route inside the layout. */
export function App() {
  const { user } = useAuth();
  const { pathname, search } = useLocation();
  const next = search.get('next');
  const safeNext = next?.startsWith('/') && !next.startsWith('//') ? next : '/';

  const open = findPublicRoute(pathname);
  if (open) {
    document.title = `${open.title} · 守线`;
    const Public = open.component;
    return (
      <PageErrorBoundary key={pathname}>
        <Suspense fallback={<Loading />}>
          <Public />
        </Suspense>
      </PageErrorBoundary>
    );
  }

  if (user === undefined) return <Loading />;
  if (pathname === '/login') return user ? <Redirect to={safeNext} /> : <LoginPage next={safeNext} />;
  if (user === null) {
    const here = pathname + (search.toString() ? `?${search}` : '');
    return <Redirect to={pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} />;
  }

  const found = findRoute(pathname, matchPath);
  if (!found) {
    return (
      <AppLayout selected="">
        <Result status="404" title="页面不存在" subTitle={`没有这个页面：${pathname}`} />
      </AppLayout>
    );
  }
  const { route, params } = found;
  document.title = `${route.title} · 守线`;
  const Page = route.component;
  return (
    <AppLayout selected={route.activeMenu ?? route.path}>
      {allowed(route, user) ? (
        <PageErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Page params={params} />
          </Suspense>
        </PageErrorBoundary>
      ) : (
        <Result status="403" title="无权访问" subTitle={`您的角色（${user.roleLabel}）无权查看“${route.title}”`} />
      )}
    </AppLayout>
  );
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { authApi } from '../api/auth';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { regionsApi } from '../api/regions';
import type { CurrentUser, Region } from '../api/types';
import { clearOffline } from '../offline/visit-queue';
import { navigate } from '../router/history';
import { isPublicPath } from './public-routes';

interface AuthState {
  /** undefined while the session is being checked; null when logged out. */
  user: CurrentUser | null | undefined;
  /** The user's scope region and its ancestors, province first (for the header and the region tree). */
  scopePath: Region[];
  signedIn(user: CurrentUser): void;
  logout(): Promise<void>;
  /** A login step the current session still has to take (issue 11); the login page takes it. */
  pending: CurrentUser['pending'];
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function useAuth(): AuthState & { user: CurrentUser | null | undefined } {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user; only for pages rendered behind the login. */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a user');
  return user;
}

/** The scope region's name path, e.g. 甘肃省 / 定西市 / 临洮县. */
export function scopeName(path: Region[]): string {
  return path.map((r) => r.name).join(' / ');
}

function loginUrl(): string {
  const here = window.location.pathname + window.location.search;
  return here.startsWith('/login') || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [scopePath, setScopePath] = useState<Region[]>([]);
  const [pending, setPending] = useState<CurrentUser['pending']>(null);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      // The citizen's pages need no login: a 401 there (the session check) is simply "not logged in".
      if (!isPublicPath(window.location.pathname)) navigate(loginUrl(), { replace: true });
    });
    authApi
      .me()
      // A session with a login step pending (second factor, password change) finishes it on the login page.
      .then((u) => {
        setPending(u.pending ?? null);
        setUser(u.pending ? null : u);
        if (u.pending && !isPublicPath(window.location.pathname)) navigate(loginUrl(), { replace: true });
      })
      .catch((err) => {
        setUser(null);
        if (!(err instanceof ApiError && err.status === 401)) console.error(err);
      });
    return () => setUnauthorizedHandler(undefined);
  }, []);

  useEffect(() => {
    if (!user) return setScopePath([]);
    regionsApi
      .get(user.regionCode)
      .then((r) => setScopePath(r.path))
      .catch(() => setScopePath([]));
  }, [user]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      // Offline visits (issue 14 point 3): the households and visits kept on this phone go with the session.
      await clearOffline().catch(() => undefined);
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, []);

  const value = useMemo(
    () => ({ user, scopePath, signedIn: setUser, logout, pending }),
    [user, scopePath, logout, pending],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/**
 * The one way the app talks to the server: same-origin fetch with the session cookie (sx_session), JSON in and out.
 * Every failure becomes an ApiError carrying the server's `{ code, message, details }`; the message is Chinese and is
 * what the user sees. A 401 on any call but the login itself sends the user back to the login page.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The form field the server blamed, e.g. `members[1].idNumber`. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

let onUnauthorized: (() => void) | undefined;

/** Registered once by the auth provider: what to do when the session has expired. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as multipart/form-data (file uploads); the browser sets the boundary. */
  form?: FormData;
  /** Return the response body as text (publicity notice) instead of JSON. */
  text?: boolean;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (opts.form) init.body = opts.form;
  else if (opts.body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(opts.query)}`, init);
  } catch {
    throw new ApiError('NETWORK', '无法连接服务器，请检查网络后重试', 0);
  }
  const text = await res.text();
  if (res.ok && opts.text) return text as T;
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    const err = new ApiError(
      e.code ?? `HTTP_${res.status}`,
      e.message ?? `请求失败（${res.status}）`,
      res.status,
      e.details ?? {},
    );
    if (res.status === 401 && path !== '/api/auth/login') onUnauthorized?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** POST with a query string and an empty JSON body (e.g. the assessment's mode and year). */
  postQuery: <T>(path: string, query: Query) => request<T>('POST', path, { query, body: {} }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  text: (path: string, query?: Query) => request<string>('GET', path, { query, text: true }),
};

/** A readable message for anything thrown, for `message.error(...)`. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return `操作失败：${err.message}`;
  return '操作失败，请重试';
}

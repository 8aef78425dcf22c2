// The double of `@strapi/strapi/admin` the component tests mock it with:
//
//   vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));
//
// It exports only what the plugin's components use. Anything else a component imports from it fails
// at import time ("No export is defined on the mock"), and every double here throws or fails the test
// when used in a way the test did not set up:
// - `getFetchClient` and `adminApi` (a real RTK Query api, as core's, on the same base query shape)
//   talk to `server`, a fake HTTP boundary: a request no test registered a route for fails the test.
// - `useForm` throws unless the test gave the edit view's form state.
// - `useQueryParams` behaves as core's (qs over the router's location) and records each `setQuery`.
// - `useNotification` records each notification.
// - `useRBAC` throws unless the test said which admin actions the user holds (`setPermissions`).
import * as React from 'react';
import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import { parse, stringify } from 'qs';
import { useLocation, useNavigate } from 'react-router-dom';
import { vi } from 'vitest';

// ---------------------------------------------------------------------------------------------------
// The fake server behind getFetchClient and adminApi.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface FakeRequest {
  method: Method;
  url: string;
  params: Record<string, unknown>;
  data?: unknown;
}

export interface FakeResponse {
  status: number;
  body: unknown;
}

type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** A response in Strapi's shape: `{ data }` on success, `{ data: null, error }` on a refusal. */
export const ok = (data: unknown, extra: Record<string, unknown> = {}): FakeResponse => ({
  status: 200,
  body: { data, ...extra },
});
export const strapiError = (
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {}
): FakeResponse => ({
  status,
  body: { data: null, error: { status, name, message, details } },
});

/** What a FetchError from core's getFetchClient carries: the status and the parsed body. */
class FakeFetchError extends Error {
  name = 'FetchError';
  constructor(
    message: string,
    readonly status: number,
    readonly response: { data: unknown; status: number }
  ) {
    super(message);
  }
}

const createServer = () => {
  let routes = new Map<string, Handler>();
  let requests: FakeRequest[] = [];
  let unexpected: string[] = [];

  const handle = async (req: FakeRequest) => {
    requests.push(req);
    const handler = routes.get(`${req.method} ${req.url}`);
    if (!handler) {
      const line = `${req.method} ${req.url} ${JSON.stringify(req.params)}`;
      unexpected.push(line);
      throw new FakeFetchError(`Unexpected request in a component test: ${line}`, 599, {
        status: 599,
        data: {
          data: null,
          error: { status: 599, name: 'UnexpectedRequest', message: line, details: {} },
        },
      });
    }
    const res = await handler(req);
    if (res.status >= 400)
      throw new FakeFetchError(`Request failed with status ${res.status}`, res.status, {
        data: res.body,
        status: res.status,
      });
    return { data: res.body, status: res.status };
  };

  return {
    /** Answers `METHOD url` (the exact path, no query string; params arrive in `req.params`). */
    on(method: Method, url: string, handler: Handler | FakeResponse) {
      routes.set(`${method} ${url}`, typeof handler === 'function' ? handler : () => handler);
    },
    /** Every request made, in order. */
    get requests() {
      return requests;
    },
    requestsTo(method: Method, url: string) {
      return requests.filter((r) => r.method === method && r.url === url);
    },
    handle,
    /** Requests nobody registered: the setup fails the test on any. */
    takeUnexpected() {
      const u = unexpected;
      unexpected = [];
      return u;
    },
    reset() {
      routes = new Map();
      requests = [];
      unexpected = [];
    },
  };
};

export const server = createServer();

type RequestConfig = { params?: Record<string, unknown>; signal?: AbortSignal };
export const getFetchClient = () => ({
  get: (url: string, config: RequestConfig = {}) =>
    server.handle({ method: 'GET', url, params: config.params ?? {} }),
  post: (url: string, data?: unknown, config: RequestConfig = {}) =>
    server.handle({ method: 'POST', url, params: config.params ?? {}, data }),
  put: (url: string, data?: unknown, config: RequestConfig = {}) =>
    server.handle({ method: 'PUT', url, params: config.params ?? {}, data }),
  del: (url: string, config: RequestConfig = {}) =>
    server.handle({ method: 'DELETE', url, params: config.params ?? {} }),
});

// Core's base query (@strapi/admin utils/baseQuery): a string is a GET; errors come back as the
// body's `error` (Strapi's `{ status, name, message, details }`).
type QueryArgs = string | { url: string; method?: Method; data?: unknown; config?: RequestConfig };
const baseQuery: BaseQueryFn<QueryArgs, unknown, unknown> = async (query) => {
  const { get, post, put, del } = getFetchClient();
  try {
    if (typeof query === 'string') return { data: (await get(query)).data };
    const { url, method = 'GET', data, config } = query;
    const res =
      method === 'POST'
        ? await post(url, data, config)
        : method === 'PUT'
          ? await put(url, data, config)
          : method === 'DELETE'
            ? await del(url, config)
            : await get(url, config);
    return { data: res.data };
  } catch (err) {
    if (err instanceof FakeFetchError) {
      const body = err.response.data as { error?: unknown } | null;
      if (body && typeof body === 'object' && 'error' in body) return { error: body.error };
      return { error: { name: 'UnknownError', message: err.message, status: err.status } };
    }
    throw err;
  }
};

export const adminApi = createApi({
  reducerPath: 'adminApi',
  baseQuery,
  tagTypes: [],
  endpoints: () => ({}),
});

// ---------------------------------------------------------------------------------------------------
// Hooks.

type FormState = { modified: boolean };
let form: FormState | null = null;

/** The edit view's form the panel reads (`useForm`); unset, `useForm` throws as core's does outside a Form. */
export const setForm = (state: FormState | null) => {
  form = state;
};

export const useForm = <T,>(consumerName: string, selector: (state: FormState) => T): T => {
  if (!form)
    throw new Error(
      `useForm(${consumerName}) called, but the test gave no form state (setForm / render's form option)`
    );
  return selector(form);
};

type Permission = { action: string; subject?: string | null };
let granted: Set<string> | null = null;

/** The admin actions the logged-in user holds (`useRBAC`); unset, `useRBAC` throws. */
export const setPermissions = (actions: string[] | null) => {
  granted = actions ? new Set(actions) : null;
};

/**
 * As core's: each permission answers under its action's last segment, not under any key the caller
 * chose (`plugin::editorial-workflow.cache-read` → `allowedActions.canCacheRead`); an object of
 * lists, which core deprecates, is flattened the same way.
 */
export const useRBAC = (permissionsToCheck: Permission[] | Record<string, Permission[]>) => {
  if (!granted)
    throw new Error('useRBAC called, but the test gave no permissions (setPermissions)');
  const held = granted;
  const list = Array.isArray(permissionsToCheck)
    ? permissionsToCheck
    : Object.values(permissionsToCheck).flat();
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const allowedActions = Object.fromEntries(
    list.map((p) => [
      `can${(p.action.split('.').at(-1) ?? '').split('-').map(capitalise).join('')}`,
      held.has(p.action),
    ])
  ) as Record<string, boolean>;
  return { allowedActions, isLoading: false, permissions: list, error: undefined };
};

export const notifications: { type: string; message: string }[] = [];
const toggleNotification = (n: { type: string; message: string }) => {
  notifications.push({ type: n.type, message: n.message });
};
export const useNotification = () => ({ toggleNotification });

/** Every `setQuery(params, method?)` any component made, in order. */
export const setQueryCalls =
  vi.fn<(params: Record<string, unknown>, method?: 'push' | 'remove') => void>();

export const useQueryParams = <Q extends object>(initialParams?: Q) => {
  const { search } = useLocation();
  const navigate = useNavigate();
  const query = React.useMemo(() => {
    const raw = search.startsWith('?') ? search.slice(1) : search;
    if (!raw && initialParams) return initialParams;
    return { ...initialParams, ...parse(raw) } as Q;
  }, [search, initialParams]);
  const setQuery = React.useCallback(
    (next: Partial<Q>, method: 'push' | 'remove' = 'push') => {
      setQueryCalls(next as Record<string, unknown>, method);
      let nextQuery: Record<string, unknown> = { ...(query as Record<string, unknown>) };
      if (method === 'remove') for (const key of Object.keys(next)) delete nextQuery[key];
      else nextQuery = { ...nextQuery, ...next };
      navigate({ search: stringify(nextQuery, { encode: false }) });
    },
    [navigate, query]
  );
  return [{ query, rawQuery: search }, setQuery] as const;
};

// ---------------------------------------------------------------------------------------------------
// Layout components (the queue page): plain landmarks with the same props.

export const Page = {
  Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>,
  Loading: () => <p>Loading content.</p>,
  NoPermissions: () => <p>You don't have the permissions to access that content</p>,
  Title: ({ children }: { children: React.ReactNode }) => {
    React.useEffect(() => {
      document.title = String(children);
    }, [children]);
    return null;
  },
};

export const Layouts = {
  Header: ({
    title,
    subtitle,
    primaryAction,
    secondaryAction,
  }: {
    title: string;
    subtitle?: React.ReactNode;
    primaryAction?: React.ReactNode;
    secondaryAction?: React.ReactNode;
  }) => (
    <header>
      <h1>{title}</h1>
      {subtitle ? <p>{subtitle}</p> : null}
      {secondaryAction}
      {primaryAction}
    </header>
  ),
  Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
};

/** Called before every test (setup.ts). */
export const resetStrapiAdmin = () => {
  server.reset();
  form = null;
  granted = null;
  notifications.length = 0;
  setQueryCalls.mockReset();
};

/** The panel's own reads besides its state, answered empty: the story's checklist and thread. */
export const emptyPanelSections = () => {
  const story = `${encodeURIComponent('api::article.article')}/doc-1`;
  server.on(
    'GET',
    `/editorial-workflow/checklist/${story}`,
    ok({
      items: [],
      progress: { done: 0, total: 0 },
      warnings: [],
      blocking: false,
      canVerify: false,
    })
  );
  server.on('GET', `/editorial-workflow/notes/${story}`, ok([]));
};

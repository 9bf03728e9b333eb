// The designer's one way to the API (the workspace's pattern): JSON, the
// session cookie, the CSRF token on every change, the chosen language, and
// the error envelope `{ error: { code, message, details } }` as an ApiError.

/** A refused request: the HTTP status and the API's stable code. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

export type ApiResult<T> = { status: number; body: T };

export type Api = {
  get<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  put<T>(path: string, body: unknown): Promise<ApiResult<T>>;
  /** A post whose body is text of its own type (a BPMN model as application/xml), not JSON. */
  postText<T>(path: string, text: string, contentType: string): Promise<ApiResult<T>>;
};

export type ApiOptions = {
  /** The CSRF token of the current session (sent on every change). */
  csrf: () => string | null;
  lang: () => string;
  /** Called when the session is gone (401), so the app can ask to sign in again. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
};

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An API client bound to the session and the chosen language. */
export function createApi(opts: ApiOptions): Api {
  const doFetch = opts.fetch ?? fetch.bind(globalThis);
  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, raw?: { text: string; type: string }): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.lang() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.type;
    const csrf = opts.csrf();
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      res = await doFetch(path, { method, headers, body: raw ? raw.text : body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store', signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network', (error as Error).message || 'network error');
    }
    const parsed = await parse(res);
    if (!res.ok) {
      const envelope = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      if (res.status === 401 && !path.startsWith('/api/session')) opts.onUnauthorized?.();
      throw new ApiError(res.status, envelope?.code ?? `http-${res.status}`, envelope?.message ?? res.statusText, envelope?.details);
    }
    return { status: res.status, body: parsed as T };
  }
  return {
    get: (path, signal) => request('GET', path, undefined, signal),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    postText: (path, text, type) => request('POST', path, undefined, undefined, { text, type }),
  };
}

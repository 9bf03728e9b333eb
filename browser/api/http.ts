// The one way the designer and the workspace reach the API: JSON, the session
// cookie, the CSRF token on every change, the chosen language, and the error
// envelope `{ error: { code, message, details } }` turned into an ApiError.

export type FieldErrors = Record<string, string[]>;

/** A refused request: the HTTP status and the API's stable code. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
  /** Field errors of a 422, keyed by field id (`data.reden` is read as `reden`). */
  fieldErrors(): FieldErrors {
    const out: FieldErrors = {};
    if (!this.details || typeof this.details !== 'object') return out;
    for (const [key, value] of Object.entries(this.details as Record<string, unknown>)) {
      const list = Array.isArray(value) ? value.map(String) : [String(value)];
      (out[key.replace(/^data\./, '')] ??= []).push(...list);
    }
    return out;
  }
}

export type ApiResult<T> = { status: number; body: T; etag: string | null };

export type Api = {
  get<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T>>;
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

type Request = { method: string; path: string; json?: unknown; raw?: { text: string; type: string }; headers?: Record<string, string>; signal?: AbortSignal };

/** An API client bound to the session's token and the chosen language. */
export function createApi(opts: ApiOptions): Api {
  const doFetch = opts.fetch ?? fetch.bind(globalThis);
  async function request<T>({ method, path, json, raw, headers: extra = {}, signal }: Request): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.lang(), ...extra };
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.type;
    const csrf = opts.csrf();
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    const body = raw ? raw.text : json === undefined ? undefined : JSON.stringify(json);
    let res: Response;
    try {
      // no-store: a task's ETag is its revision, but language and deadline flags
      // change without a new revision, so a 304 from the HTTP cache would show stale text.
      res = await doFetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store', signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network', (error as Error).message || 'network error');
    }
    const parsed = await parse(res);
    if (!res.ok) {
      const envelope = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      if (res.status === 401 && !path.startsWith('/api/session')) opts.onUnauthorized?.();
      const code = envelope?.code ?? `http-${res.status}`;
      throw new ApiError(res.status, code, envelope?.message ?? res.statusText, envelope?.details);
    }
    return { status: res.status, body: parsed as T, etag: res.headers.get('etag') };
  }
  return {
    get: (path, signal) => request({ method: 'GET', path, signal }),
    post: (path, json, headers) => request({ method: 'POST', path, json, headers }),
    put: (path, json) => request({ method: 'PUT', path, json }),
    postText: (path, text, type) => request({ method: 'POST', path, raw: { text, type } }),
  };
}

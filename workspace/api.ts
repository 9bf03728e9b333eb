// The workspace's one way to the API: JSON, the session cookie, the CSRF
// token on every POST, the chosen language, and the error envelope
// `{ error: { code, message, details } }` turned into an ApiError.

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
};

export type ApiOptions = {
  /** The CSRF token of the current session (sent on every POST). */
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

/** An API client bound to the session's token and the chosen language. */
export function createApi(opts: ApiOptions): Api {
  const doFetch = opts.fetch ?? fetch.bind(globalThis);
  async function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, signal?: AbortSignal): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.lang(), ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = opts.csrf();
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      // no-store: the ETag is the task's revision, but language and deadline flags
      // change without a new revision, so a 304 from the HTTP cache would show stale text.
      res = await doFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store', signal });
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
    return { status: res.status, body: parsed as T, etag: res.headers.get('etag') };
  }
  return {
    get: (path, signal) => request('GET', path, undefined, {}, signal),
    post: (path, body, headers) => request('POST', path, body, headers),
  };
}

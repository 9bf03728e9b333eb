// The designer's and the workspace's way to the API: the client generated from
// the OpenAPI document (./client.ts over ./schema.ts), bound to the session —
// the CSRF token on every change (client.ts), the chosen language, answers
// never from the HTTP cache, a 401 telling the app the session is gone — and
// `ok()` / `answer()`, which turn the error envelope into an ApiError.
import { createApiClient, type ApiClient, type Schemas } from './client.js';
import { ApiError } from './error.js';

export { ApiError, type FieldErrors } from './error.js';
export type { ApiClient as Api, Schemas };

export type ApiOptions = {
  /** The CSRF token of the current session (sent on every change). */
  csrf: () => string | null;
  lang: () => string;
  /** Called when the session is gone (401), so the app can ask to sign in again. */
  onUnauthorized?: () => void;
  /** The server's origin; '' in the browser (same origin), an absolute URL in tests. */
  baseUrl?: string;
};

/** An API client bound to the session's token and the chosen language. */
export function createApi(opts: ApiOptions): ApiClient {
  const client = createApiClient(opts.baseUrl ?? '', { csrf: opts.csrf });
  client.use({
    onRequest({ request }) {
      // JSON, unless the call asked for another form (a scan's progress as JSON Lines).
      if (!request.headers.has('Accept') || request.headers.get('Accept') === '*/*')
        request.headers.set('Accept', 'application/json');
      request.headers.set('Accept-Language', opts.lang());
      // no-store: a task's ETag is its revision, but language and deadline flags
      // change without a new revision, so a 304 from the HTTP cache would show stale text.
      return new Request(request, { cache: 'no-store' });
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/session')) opts.onUnauthorized?.();
      return undefined;
    },
  });
  return client;
}

type Pending<D> = Promise<{ data?: D; error?: unknown; response: Response }>;

/** A success body with its status and ETag; a refusal or a failed connection throws an ApiError. */
export async function answer<D>(pending: Pending<D>): Promise<{ data: D; status: number; etag: string | null }> {
  let result: Awaited<Pending<D>>;
  try {
    result = await pending;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message || 'network error');
  }
  const { response } = result;
  if (!response.ok) {
    const envelope = (result.error as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const code = envelope?.code ?? `http-${response.status}`;
    throw new ApiError(response.status, code, envelope?.message ?? response.statusText, envelope?.details);
  }
  return { data: result.data as D, status: response.status, etag: response.headers.get('etag') };
}

/** The success body; a refusal or a failed connection throws an ApiError. */
export async function ok<D>(pending: Pending<D>): Promise<D> {
  return (await answer(pending)).data;
}

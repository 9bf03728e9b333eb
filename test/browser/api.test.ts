import { afterEach, describe, expect, test, vi } from 'vitest';
import { answer, ApiError, createApi, ok } from '../../browser/api/index.js';

const base = 'http://omslag.test';

/** A fetch that records the requests it was asked and answers with `status` and `body`. */
function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Request[] = [];
  const fn = vi.fn(async (request: Request) => {
    calls.push(request);
    return new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client of the browser apps (the workspace, the designer)', () => {
  test('POSTs carry the CSRF token, the language and JSON; GETs are never answered from the HTTP cache', async () => {
    const f = fakeFetch(200, { id: 't1', rev: 2 }, { etag: '"2"' });
    const api = createApi({ csrf: () => 'tok', lang: () => 'en', baseUrl: base });
    const r = await answer(
      api.POST('/api/tasks/{id}/complete', {
        params: { path: { id: 't1' }, header: { 'If-Match': '"1"' } },
        body: { outcome: 'x' },
      }),
    );
    expect(r).toEqual({ status: 200, data: { id: 't1', rev: 2 }, etag: '"2"' });
    const h = f.calls[0].headers;
    expect(f.calls[0].url).toBe(`${base}/api/tasks/t1/complete`);
    expect(h.get('x-csrf-token')).toBe('tok');
    expect(h.get('accept-language')).toBe('en');
    expect(h.get('if-match')).toBe('"1"');
    expect(h.get('content-type')).toBe('application/json');
    await ok(api.GET('/api/tasks', { params: { query: { team: 'a' } } }));
    expect(f.calls[1].headers.get('x-csrf-token')).toBeNull();
    expect(f.calls[1].cache).toBe('no-store');
  });

  test('the error envelope becomes an ApiError with field errors by field id', async () => {
    fakeFetch(422, {
      error: {
        code: 'invalid-answers',
        message: 'check the answers',
        details: { 'data.reden': ['Vul dit in.'], message: ['te lang'] },
      },
    });
    const api = createApi({ csrf: () => null, lang: () => 'nl', baseUrl: base });
    const error = await ok(
      api.POST('/api/tasks/{id}/complete', { params: { path: { id: 't1' } }, body: { outcome: 'x' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-answers');
    expect((error as ApiError).fieldErrors()).toEqual({ reden: ['Vul dit in.'], message: ['te lang'] });
  });

  test('a 401 outside sign-in tells the app the session is gone', async () => {
    let gone = 0;
    fakeFetch(401, { error: { code: 'unauthenticated', message: 'no' } });
    const api = createApi({ csrf: () => null, lang: () => 'nl', baseUrl: base, onUnauthorized: () => gone++ });
    await expect(ok(api.GET('/api/tasks'))).rejects.toMatchObject({ status: 401 });
    await expect(ok(api.GET('/api/session'))).rejects.toMatchObject({ status: 401 });
    expect(gone).toBe(1);
  });

  test('no connection is an ApiError too (status 0, code network)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const api = createApi({ csrf: () => null, lang: () => 'nl', baseUrl: base });
    await expect(ok(api.GET('/api/tasks'))).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

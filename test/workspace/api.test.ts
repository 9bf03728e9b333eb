import { describe, expect, test } from 'vitest';
import { ApiError, createApi } from '../../browser/api/http.js';

/** A fetch that records what it was asked and answers with `status` and `body`. */
function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('workspace API client', () => {
  test('POSTs carry the CSRF token, the language and JSON; GETs are never answered from the HTTP cache', async () => {
    const f = fakeFetch(200, { id: 't1', rev: 2 }, { etag: '"2"' });
    const api = createApi({ csrf: () => 'tok', lang: () => 'en', fetch: f.fn });
    const r = await api.post('/api/tasks/t1/complete', { outcome: 'x' }, { 'if-match': '"1"' });
    expect(r).toEqual({ status: 200, body: { id: 't1', rev: 2 }, etag: '"2"' });
    const h = f.calls[0].init.headers as Record<string, string>;
    expect(h['x-csrf-token']).toBe('tok');
    expect(h['accept-language']).toBe('en');
    expect(h['if-match']).toBe('"1"');
    expect(h['content-type']).toBe('application/json');
    await api.get('/api/tasks');
    expect((f.calls[1].init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect(f.calls[1].init.cache).toBe('no-store');
  });

  test('the error envelope becomes an ApiError with field errors by field id', async () => {
    const f = fakeFetch(422, { error: { code: 'invalid-answers', message: 'check the answers', details: { 'data.reden': ['Vul dit in.'], message: ['te lang'] } } });
    const api = createApi({ csrf: () => null, lang: () => 'nl', fetch: f.fn });
    const error = await api.post('/api/tasks/t1/complete', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-answers');
    expect((error as ApiError).fieldErrors()).toEqual({ reden: ['Vul dit in.'], message: ['te lang'] });
  });

  test('a 401 outside sign-in tells the app the session is gone', async () => {
    let gone = 0;
    const api = createApi({ csrf: () => null, lang: () => 'nl', fetch: fakeFetch(401, { error: { code: 'unauthenticated', message: 'no' } }).fn, onUnauthorized: () => gone++ });
    await expect(api.get('/api/tasks')).rejects.toMatchObject({ status: 401 });
    await expect(api.get('/api/session')).rejects.toMatchObject({ status: 401 });
    expect(gone).toBe(1);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../../helpers/db-dump.js';
import { keepAliveClient } from '../../helpers/keep-alive.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const MB = 1024 * 1024;
const body = (bytes: number, fill = 'a') => Buffer.alloc(bytes, fill);

describe('finding 6: the keep-alive socket works after an early refusal', () => {
  let s: TestServer;
  let client: ReturnType<typeof keepAliveClient>;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag', 'pas'] });
  });
  afterAll(async () => {
    await s.close();
  });
  afterEach(() => client?.close());

  /** A refusal, then /api/health on the same socket, with the database unchanged. */
  async function refusedThenHealthy(
    method: string,
    path: string,
    headers: Record<string, string>,
    bytes: number,
    expected: number,
    early = true,
  ) {
    client = keepAliveClient(s.base);
    const before = await dumpDb(s.store);
    const refused = await client.send(method, path, { headers, body: body(bytes) });
    expect(refused.status).toBe(expected);
    if (early) expect(refused.early).toBe(true);
    const next = await client.send('GET', '/api/health');
    expect(next.status).toBe(200);
    expect(next.localPort).toBe(refused.localPort);
    expect(await dumpDb(s.store)).toEqual(before);
    return refused;
  }

  it('API: 401 for a scan without a token, its 1 MB still arriving', async () => {
    const r = await refusedThenHealthy('POST', '/api/processes/pas/scan', { 'content-type': 'text/csv' }, MB, 401);
    expect(JSON.parse(r.text).error.code).toBe('unauthenticated');
  });

  it('API: 404 for a route that does not exist', async () => {
    await refusedThenHealthy('POST', '/api/nergens', { 'content-type': 'application/octet-stream' }, MB, 404);
  });

  it('API: 413 for JSON larger than the limit, refused before it is read', async () => {
    const r = await refusedThenHealthy(
      'POST',
      '/api/processes/toeslag/cases',
      { 'content-type': 'application/json', authorization: `Bearer ${s.tokens.citizen}` },
      MB,
      413,
    );
    expect(JSON.parse(r.text).error.code).toBe('payload-too-large');
  });

  it('API: 403 for a scan by a role that may not', async () => {
    await refusedThenHealthy(
      'POST',
      '/api/processes/pas/scan',
      { 'content-type': 'text/csv', authorization: `Bearer ${s.tokens.official}` },
      MB,
      403,
    );
  });

  it('API: a streaming route that stopped reading (a scan of a process without triggers) leaves the socket usable', async () => {
    // The route began to read the extract before it refused: whether the answer comes early is the route's affair.
    client = keepAliveClient(s.base);
    const refused = await client.send('POST', '/api/processes/toeslag/scan', {
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${s.tokens.admin}` },
      body: Buffer.concat([Buffer.from('bsn,inkomen\n'), body(MB, '1')]),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const next = await client.send('GET', '/api/health');
    expect(next.status).toBe(200);
    expect(next.localPort).toBe(refused.localPort);
  });

  it('pages: 404 for a post to a page that does not exist', async () => {
    const r = await refusedThenHealthy(
      'POST',
      '/bestaat-niet',
      { 'content-type': 'application/x-www-form-urlencoded' },
      MB,
      404,
    );
    expect(r.text).toContain('Pagina niet gevonden');
  });

  it('pages: 403 for a multipart post to a form without a file question (its token cannot be read)', async () => {
    const r = await refusedThenHealthy(
      'POST',
      '/inloggen',
      { 'content-type': 'multipart/form-data; boundary=x' },
      MB,
      403,
    );
    expect(r.text).toContain('Dit formulier is verlopen');
  });

  it('pages: 413 for a form larger than any of ours, refused before it is read', async () => {
    await refusedThenHealthy('POST', '/inloggen', { 'content-type': 'application/x-www-form-urlencoded' }, MB, 413);
  });
});

describe('finding 6: a refused body too large to drain', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag', 'pas'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('gets its whole answer with Connection: close, and the next request (on a new socket) works', async () => {
    const client = keepAliveClient(s.base);
    try {
      const refused = await client.send('POST', '/bestaat-niet', {
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: body(20 * MB),
      });
      expect(refused.status).toBe(404);
      expect(refused.early).toBe(true);
      expect(refused.headers.connection).toBe('close');
      expect(refused.error).toBeUndefined();
      expect(refused.text).toContain('</html>');
      const next = await client.send('GET', '/api/health');
      expect(next.status).toBe(200);
    } finally {
      client.close();
    }
  });

  it('a chunked body (no declared length) is answered with Connection: close too', async () => {
    const res = await fetch(`${s.base}/api/nergens`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      duplex: 'half',
      body: new ReadableStream({
        start(c) {
          c.enqueue(new Uint8Array(1024));
          setTimeout(() => c.close(), 50);
        },
      }),
    } as RequestInit);
    expect(res.status).toBe(404);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error.code).toBe('not-found');
  });
});

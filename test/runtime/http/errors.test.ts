import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../../helpers/db-dump.js';
import { expectNoInternals } from '../../helpers/internals.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

describe('finding 6: library errors answer 4xx in the envelope', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
  });
  afterAll(async () => {
    await s.close();
  });

  const post = (path: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(`${s.base}${path}`, { method: 'POST', headers, body });

  for (const encoding of ['gzip', 'deflate', 'br']) {
    it(`finding 6: a ${encoding} body that is not ${encoding} answers 400 in the envelope`, async () => {
      const before = await dumpDb(s.store);
      const res = await post(
        '/api/session',
        { 'content-type': 'application/json', 'content-encoding': encoding },
        '{"name":"ada","password":"x"}',
      );
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('invalid-content-encoding');
      expectNoInternals(text);
      expect(await dumpDb(s.store)).toEqual(before);
    });
  }

  it('a real gzip body is read', async () => {
    const res = await post(
      '/api/processes/toeslag/cases',
      { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${s.tokens.citizen}` },
      gzipSync('{}'),
    );
    expect(res.status).toBe(201);
  });

  it('an unknown Content-Encoding answers 415 in the envelope', async () => {
    const res = await post('/api/session', { 'content-type': 'application/json', 'content-encoding': 'x-zip' }, '{}');
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported-encoding');
  });

  it('finding 6: multipart with 11 files answers 4xx in the envelope (the API reads no forms)', async () => {
    const form = new FormData();
    for (let i = 0; i < 11; i++) form.append(`f${i}`, new Blob(['%PDF-1.4']), `f${i}.pdf`);
    const before = await dumpDb(s.store);
    const res = await fetch(`${s.base}/api/processes/toeslag/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.citizen}` },
      body: form,
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported-media-type');
    expect(await dumpDb(s.store)).toEqual(before);
  });

  it('finding 6: multipart with 250 fields answers 4xx in the envelope', async () => {
    const form = new FormData();
    for (let i = 0; i < 250; i++) form.append(`veld${i}`, 'x');
    const res = await fetch(`${s.base}/api/signals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.admin}` },
      body: form,
    });
    expect(res.status).toBe(415);
  });

  it('a malformed %-escape in an API path answers 400 in the envelope', async () => {
    const res = await fetch(`${s.base}/api/processes/%E0%A4%A`, {
      headers: { authorization: `Bearer ${s.tokens.designer}` },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid-url');
  });
});

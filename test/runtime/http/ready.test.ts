/**
 * Operations: GET /api/health says the process is alive without asking the
 * database; GET /api/ready says whether this node should get requests (the
 * database answers with the schema this code knows, and the node is not
 * stopping). A database that cannot be reached answers 503 with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toHttpError } from '../../../runtime/http/errors.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { expectStatus } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

/** Replaces a method of an object for one test body; restored after. */
async function replacing<T extends object, K extends keyof T>(obj: T, key: K, by: T[K], body: () => Promise<void>) {
  const original = obj[key];
  obj[key] = by;
  try {
    await body();
  } finally {
    obj[key] = original;
  }
}

const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('GET /api/health and /api/ready', () => {
  test('ready: 200 with the schema versions, not cached, without credentials', async () => {
    const res = await s.api('GET', '/api/ready');
    const body = expectStatus(res, 200);
    expect(body).toEqual({ ready: true, schema: { current: expect.any(Number), latest: expect.any(Number) } });
    expect(body.schema.current).toBe(body.schema.latest);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('while the node drains, ready answers 503 and health stays 200', async () => {
    s.drain();
    try {
      expect(expectStatus(await s.api('GET', '/api/ready'), 503)).toEqual({ ready: false, problem: 'draining' });
      expect(expectStatus(await s.api('GET', '/api/health'), 200)).toEqual({ ok: true });
      // Requests in flight and new ones still work: draining only tells the balancer to stop sending.
      expectStatus(await s.api('GET', '/api/processes', { as: 'citizen' }), 200);
    } finally {
      s.drain(false);
    }
    expectStatus(await s.api('GET', '/api/ready'), 200);
  });

  test('health does not ask the database: 200 even when it cannot be reached', async () => {
    await replacing(
      s.store,
      'ready',
      async () => Promise.reject(unreachable()),
      async () => {
        const res = await s.api('GET', '/api/health');
        expect(expectStatus(res, 200)).toEqual({ ok: true });
        expect(res.headers.get('cache-control')).toBe('no-store');
      },
    );
  });

  test('a database that does not answer, or has another schema version: 503 saying what is wrong', async () => {
    await replacing(
      s.store,
      'ready',
      async () => ({ ok: false, error: 'connection refused' }),
      async () => {
        expect(expectStatus(await s.api('GET', '/api/ready'), 503)).toEqual({
          ready: false,
          problem: 'store-unreachable',
        });
      },
    );
    await replacing(
      s.store,
      'ready',
      async () => ({ ok: false, schema: { current: 11, latest: 12 } }),
      async () => {
        expect(expectStatus(await s.api('GET', '/api/ready'), 503)).toEqual({
          ready: false,
          schema: { current: 11, latest: 12 },
          problem: 'schema-behind',
        });
      },
    );
  });

  test('both are in the OpenAPI document, public, with their answers', async () => {
    const doc = expectStatus(await s.api('GET', '/api/openapi.json'), 200);
    const ready = doc.paths['/api/ready'].get;
    expect(ready.operationId).toBe('getReady');
    expect(ready.security).toEqual([]);
    expect(Object.keys(ready.responses).sort()).toEqual(['200', '503']);
    expect(ready.responses['503'].content['application/json'].schema).toEqual(
      ready.responses['200'].content['application/json'].schema,
    );
    expect(doc.paths['/api/health'].get.operationId).toBe('getHealth');
  });
});

describe('database failures', () => {
  test('a database that cannot be reached: 503 with Retry-After in the envelope, no stack trace', async () => {
    await replacing(
      s.store.processes,
      'list',
      async () => Promise.reject(unreachable()),
      async () => {
        for (const lang of ['nl', 'en']) {
          const res = await s.api('GET', `/api/processes?lang=${lang}`, { as: 'citizen' });
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBe('5');
          expect(res.body.error.code).toBe('store-unavailable');
          expect(res.body.error.message).toMatch(
            lang === 'nl' ? /database is nu niet bereikbaar/ : /cannot be reached/,
          );
          expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|5432|\bat .*\.(ts|js):\d+/);
        }
      },
    );
  });

  test("PostgreSQL's serialisation failure, deadlock and a clash on the audit chain answer 409 like a stale case", () => {
    for (const error of [
      Object.assign(new Error('could not serialize access'), { code: '40001' }),
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      Object.assign(new Error('duplicate key value violates unique constraint "audit_case_id_seq_key"'), {
        code: '23505',
        table: 'audit',
        constraint: 'audit_case_id_seq_key',
      }),
    ]) {
      const http = toHttpError(error);
      expect({ status: http.status, code: http.code }).toEqual({ status: 409, code: 'stale-case' });
      expect(http.messageIn('nl')).toMatch(/tegelijk/);
      expect(http.messageIn('en')).toMatch(/same moment/);
    }
    const feedback = toHttpError(Object.assign(new Error('duplicate'), { code: '23505', table: 'feedback' }));
    expect({ status: feedback.status, code: feedback.code }).toEqual({ status: 409, code: 'feedback-given' });
    // Another database error stays a 500 that names nothing.
    const other = toHttpError(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }));
    expect({ status: other.status, code: other.code }).toEqual({ status: 500, code: 'internal' });
  });

  test('each of the connection failures is a 503 with Retry-After', () => {
    for (const error of [
      unreachable(),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new TypeError('The database connection is not open'),
    ]) {
      const http = toHttpError(error);
      expect({ status: http.status, code: http.code, headers: http.headers }, error.message).toEqual({
        status: 503,
        code: 'store-unavailable',
        headers: { 'Retry-After': '5' },
      });
    }
  });
});

/**
 * Races on one case over HTTP, on either store: requests at the same moment
 * without If-Match, and the same Idempotency-Key sent twice at once — to one
 * node, and (PostgreSQL) to two nodes on one database. Exactly one request
 * takes effect; the other answers 409, or replays the first one's answer.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine, createProcessService } from '../../../runtime/engine/index.js';
import { openStore, type Store } from '../../../runtime/store/index.js';
import { createWebApp } from '../../../runtime/web/app.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { countOf, CITIZEN_BSN, expectStatus, household, startToeslag, type Reply } from './support.js';

let s: TestServer;
/** A second node: its own store (PostgreSQL: its own pool on the same database; SQLite: the one file's store, as SQLite runs one node). */
let second: { base: string; store: Store; close(): Promise<void> };
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
  const store = s.store.dialect === 'postgres' ? await openStore(s.target) : s.store;
  const services = {
    store,
    clock: s.clock,
    engine: createEngine({ store, clock: s.clock }),
    processes: createProcessService({ store, clock: s.clock }),
  };
  const server = createWebApp(services, { log: () => {}, checkResponses: true }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  second = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (store !== s.store) await store.close();
    },
  };
});
afterAll(async () => {
  await second?.close();
  await s?.close();
});

/** The same request to the second node. */
async function onSecond(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> }) {
  const res = await fetch(second.base + path, {
    method,
    headers: {
      authorization: `Bearer ${s.tokens.citizen}`,
      'content-type': 'application/json',
      ...(opts.headers ?? {}),
    },
    body: JSON.stringify(opts.body ?? {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers } as Reply;
}

const byStatus = (replies: Reply[]) => replies.map((r) => r.status).sort();
const events = async (id: string) => (await s.store.cases.audit(id)).filter((e) => e.type === 'event.received').length;

describe('one case, two requests at the same moment', () => {
  test('two answers to the same step without If-Match: exactly one 200 and one 409; one event received', async () => {
    const c = await startToeslag(s);
    const send = () =>
      s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: household, step: c.step.id },
      });
    const replies = await Promise.all([send(), send()]);
    expect(byStatus(replies), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expect(['stale-case', 'step-mismatch']).toContain(loser.body.error.code);
    expect(typeof loser.body.error.message).toBe('string');
    expect(await events(c.id)).toBe(1);
    expect((await s.store.cases.verifyAudit()).ok).toBe(true);
  });

  test('the same answer on two nodes at once: exactly one 200 and one 409; one event received', async () => {
    const c = await startToeslag(s);
    const body = { type: 'submit', data: household, step: c.step.id };
    const replies = await Promise.all([
      s.api('POST', `/api/cases/${c.id}/events`, { as: 'citizen', body }),
      onSecond('POST', `/api/cases/${c.id}/events`, { body }),
    ]);
    expect(byStatus(replies), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
    expect(await events(c.id)).toBe(1);
    expect((await s.store.cases.verifyAudit()).ok).toBe(true);
  });
});

describe('the same Idempotency-Key at the same moment', () => {
  const key = () => ({ 'idempotency-key': `race-${Math.random().toString(36).slice(2)}` });

  test('one node: one case started, both answers the first one (one of them replayed)', async () => {
    const before = await countOf(s, 'SELECT COUNT(*) AS n FROM cases WHERE subject = ?', CITIZEN_BSN);
    const headers = key();
    const start = () => s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {}, headers });
    const replies = await Promise.all([start(), start()]);
    expect(byStatus(replies), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 201]);
    expect(replies[0].body).toEqual(replies[1].body);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM cases WHERE subject = ?', CITIZEN_BSN)).toBe(before + 1);
  });

  test('two nodes: one case started, both answers the first one', async () => {
    const before = await countOf(s, 'SELECT COUNT(*) AS n FROM cases WHERE subject = ?', CITIZEN_BSN);
    const headers = key();
    const replies = await Promise.all([
      s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {}, headers }),
      onSecond('POST', '/api/processes/toeslag/cases', { body: {}, headers }),
    ]);
    expect(byStatus(replies), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 201]);
    expect(replies[0].body).toEqual(replies[1].body);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM cases WHERE subject = ?', CITIZEN_BSN)).toBe(before + 1);
  });

  test('two nodes, one event with one key: the case moves once, both answers the same', async () => {
    const c = await startToeslag(s);
    const headers = key();
    const body = { type: 'submit', data: household };
    const replies = await Promise.all([
      s.api('POST', `/api/cases/${c.id}/events`, { as: 'citizen', body, headers }),
      onSecond('POST', `/api/cases/${c.id}/events`, { body, headers }),
    ]);
    expect(byStatus(replies), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 200]);
    expect(replies[0].body).toEqual(replies[1].body);
    expect(await events(c.id)).toBe(1);
    expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
  });
});

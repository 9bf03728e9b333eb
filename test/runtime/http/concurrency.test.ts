/**
 * Optimistic concurrency over HTTP: requests sent at the same time with the
 * same `If-Match` revision; exactly one wins, the others get 409 and change
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import {
  atMoney,
  atReview,
  dbState,
  expectStatus,
  household,
  money,
  refused,
  startToeslag,
  type Reply,
} from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

const byStatus = (replies: Reply[]) => replies.map((r) => r.status).sort();

describe('case events with If-Match', () => {
  test("two events at once with the same revision: one 200, one 409 stale-case; the case is the winner's result", async () => {
    const started = await startToeslag(s);
    const read = await s.api('GET', `/api/cases/${started.id}`, { as: 'citizen' });
    const etag = read.headers.get('etag')!;
    expect(etag).toBe(`"${read.body.rev}"`);

    const replies = await Promise.all([
      s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: household },
        headers: { 'if-match': etag },
      }),
      s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizen',
        body: { type: 'withdraw' },
        headers: { 'if-match': etag },
      }),
    ]);
    expect(byStatus(replies)).toEqual([200, 409]);
    const winner = replies.find((r) => r.status === 200)!;
    const loser = replies.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('stale-case');
    expect(loser.body.error.details).toEqual({ rev: winner.body.rev });
    expect(winner.body.rev).toBe(read.body.rev + 1);

    const now = await s.api('GET', `/api/cases/${started.id}`, { as: 'citizen' });
    expect(now.body).toEqual(winner.body);
    expect(now.headers.get('etag')).toBe(winner.headers.get('etag'));
    // Exactly one event was received.
    expect((await s.store.cases.audit(started.id)).filter((e) => e.type === 'event.received')).toHaveLength(1);
  });

  test('ten at once with the same revision: exactly one wins', async () => {
    const c = await atMoney(s);
    const etag = `"${c.rev}"`;
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.api('POST', `/api/cases/${c.id}/events`, {
          as: 'citizen',
          body: { type: 'submit', data: money({ inkomen: String(900 + i) }) },
          headers: { 'if-match': etag },
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409 && r.body.error.code === 'stale-case')).toHaveLength(9);
    const winner = replies.find((r) => r.status === 200)!;
    const now = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect(now).toEqual(winner.body);
    expect((await s.store.cases.audit(c.id)).filter((e) => e.type === 'event.received')).toHaveLength(2);
  });

  test('the current ETag is accepted (also weak, and `*`); an old one is refused and changes nothing', async () => {
    const c = await atMoney(s);
    await refused(s, 409, 'stale-case', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money() },
      headers: { 'if-match': `"${c.rev - 1}"` },
    });
    await refused(s, 409, 'stale-case', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money() },
      headers: { 'if-match': `"${c.rev + 1}"` },
    });
    const ok = await s.api('POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money() },
      headers: { 'if-match': `W/"${c.rev}"` },
    });
    expect(expectStatus(ok, 200).step.id).toBe('beoordeling');
    const any = await s.api('POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'withdraw' },
      headers: { 'if-match': '*' },
    });
    expect(expectStatus(any, 200).status).toBe('ended');
  });
});

describe('tasks', () => {
  test('two officials claim one task at once: one wins, the other gets 409 task-claimed naming the winner', async () => {
    const { task } = await atReview(s);
    const replies = await Promise.all([
      s.api('POST', `/api/tasks/${task.id}/claim`, { as: 'official' }),
      s.api('POST', `/api/tasks/${task.id}/claim`, { as: 'official2' }),
    ]);
    expect(byStatus(replies)).toEqual([200, 409]);
    const winner = replies.find((r) => r.status === 200)!;
    const loser = replies.find((r) => r.status === 409)!;
    const holder = winner.body.assignee as string;
    expect(['olaf', 'otto']).toContain(holder);
    expect(loser.body.error.code).toBe('task-claimed');
    expect(loser.body.error.message).toContain(holder);
    expect(loser.body.error.details).toEqual({ assignee: holder });
    const now = expectStatus(await s.api('GET', `/api/tasks/${task.id}`, { as: 'admin' }), 200);
    expect(now).toMatchObject({ status: 'claimed', assignee: holder, rev: 1 });
    expect((await s.store.cases.audit(task.caseId)).filter((e) => e.type === 'task.claimed')).toHaveLength(1);
  });

  test('two officials complete one open task at once: one completes it, the other gets 409', async () => {
    const { view, task } = await atReview(s);
    const replies = await Promise.all([
      s.api('POST', `/api/tasks/${task.id}/complete`, { as: 'official', body: { outcome: 'toekennen' } }),
      s.api('POST', `/api/tasks/${task.id}/complete`, {
        as: 'official2',
        body: { outcome: 'afwijzen', data: { reden: 'Nee.' } },
      }),
    ]);
    expect(byStatus(replies)).toEqual([200, 409]);
    const winner = replies.find((r) => r.status === 200)!;
    expect(replies.find((r) => r.status === 409)!.body.error.code).toBe('task-closed');
    const end = expectStatus(await s.api('GET', `/api/cases/${view.id}`, { as: 'citizen' }), 200);
    expect(end.outcome.outcome).toBe(winner.body.outcome === 'toekennen' ? 'granted' : 'rejected');
    expect((await s.store.cases.audit(view.id)).filter((e) => e.type === 'task.completed')).toHaveLength(1);
  });

  test('completing with a stale If-Match: 409, nothing changes; with the current ETag it completes', async () => {
    const { view, task } = await atReview(s);
    const read = await s.api('GET', `/api/tasks/${task.id}`, { as: 'official' });
    expect(read.headers.get('etag')).toBe('"0"');
    const claimed = await s.api('POST', `/api/tasks/${task.id}/claim`, { as: 'official' });
    expect(claimed.headers.get('etag')).toBe('"1"');

    const before = await dbState(s);
    const stale = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'toekennen' },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-task');
    expect(stale.body.error.message).toContain('olaf');
    expect(await dbState(s)).toEqual(before);
    expect(expectStatus(await s.api('GET', `/api/cases/${view.id}`, { as: 'citizen' }), 200)).toMatchObject({
      rev: view.rev,
      step: { id: 'beoordeling' },
    });

    const done = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'toekennen' },
      headers: { 'if-match': claimed.headers.get('etag')! },
    });
    expect(expectStatus(done, 200)).toMatchObject({ status: 'completed', rev: 2 });
  });
});

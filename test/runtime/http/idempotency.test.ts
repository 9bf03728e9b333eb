/**
 * Idempotency-Key: a retry of a changing request returns the first answer
 * (status, body, ETag) with `Idempotent-Replayed: true` and changes nothing;
 * the same key with a different request is refused.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import {
  atMoney,
  atReview,
  CITIZEN_BSN,
  countOf,
  dbState,
  expectStatus,
  household,
  money,
  refused,
  startToeslag,
} from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
});
afterAll(async () => {
  await s?.close();
});

const key = (name: string) => ({ 'idempotency-key': `${name}-${Math.random().toString(36).slice(2)}` });
const caseCount = (subject: string) => countOf(s, 'SELECT COUNT(*) AS n FROM cases WHERE subject = ?', subject);

describe('POST /api/cases/:id/events', () => {
  test('the same key twice: same status, body and ETag, replayed the second time; the case changes once', async () => {
    const started = await startToeslag(s);
    const headers = key('submit');
    const auditBefore = (await s.store.cases.audit(started.id)).length;

    const first = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household },
      headers,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body.step.id).toBe('geldzaken');
    expect(first.body.rev).toBe(started.rev + 1);
    const rowAfterFirst = (await s.store.cases.get(started.id))!;
    const auditAfterFirst = await s.store.cases.audit(started.id);
    expect(auditAfterFirst.length).toBeGreaterThan(auditBefore);
    const stateAfterFirst = await dbState(s);

    const second = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household },
      headers,
    });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));

    expect((await s.store.cases.get(started.id))!.rev).toBe(rowAfterFirst.rev);
    expect(await s.store.cases.audit(started.id)).toEqual(auditAfterFirst);
    expect((await s.store.cases.audit(started.id)).filter((e) => e.type === 'event.received')).toHaveLength(1);
    expect(await dbState(s)).toEqual(stateAfterFirst);
    expect(expectStatus(await s.api('GET', `/api/cases/${started.id}`, { as: 'citizen' }), 200).rev).toBe(
      started.rev + 1,
    );
  });

  test('a replay after the case moved on still returns the first answer, and moves nothing', async () => {
    const started = await startToeslag(s);
    const headers = key('old');
    const first = expectStatus(
      await s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: household },
        headers,
      }),
      200,
    );
    const moved = expectStatus(
      await s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: money() },
      }),
      200,
    );
    expect(moved.step.id).toBe('beoordeling');
    const before = await dbState(s);
    const replay = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household },
      headers,
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first);
    expect(await dbState(s)).toEqual(before);
    expect((await s.store.cases.get(started.id))!.step).toBe('beoordeling');
  });

  test('the same key with a different body: 422 idempotency-key-reused, and nothing changes', async () => {
    const c = await atMoney(s);
    const headers = key('reuse');
    const first = expectStatus(
      await s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: money({ inkomen: '900' }) },
        headers,
      }),
      200,
    );
    expect(first.status).toBe('ended');
    await refused(s, 422, 'idempotency-key-reused', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money({ inkomen: '5000' }) },
      headers,
    });
    await refused(s, 422, 'idempotency-key-reused', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'withdraw' },
      headers,
    });
    // The same key on another route is another request too.
    await refused(s, 422, 'idempotency-key-reused', 'POST', '/api/processes/toeslag/cases', {
      as: 'citizen',
      body: {},
      headers,
    });
    const view = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect({ rev: view.rev, outcome: view.outcome.outcome }).toEqual({ rev: first.rev, outcome: 'granted' });
  });

  test('keys belong to who sent them: another citizen may use the same key', async () => {
    const a = await startToeslag(s, 'citizen');
    const b = await startToeslag(s, 'citizenB');
    const headers = { 'idempotency-key': 'shared-key' };
    expectStatus(
      await s.api('POST', `/api/cases/${a.id}/events`, { as: 'citizen', body: { type: 'withdraw' }, headers }),
      200,
    );
    const other = await s.api('POST', `/api/cases/${b.id}/events`, {
      as: 'citizenB',
      body: { type: 'withdraw' },
      headers,
    });
    expect(expectStatus(other, 200)).toMatchObject({ id: b.id, status: 'ended' });
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  test('a refused request is not remembered: the retry is processed again', async () => {
    const c = await atMoney(s);
    const headers = key('bad');
    const body = { type: 'submit', data: money({ iban: 'geen iban' }) };
    await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, { as: 'citizen', body, headers });
    const again = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body,
      headers,
    });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  test('a key of more than 200 characters is 400', async () => {
    const c = await atMoney(s);
    await refused(s, 400, 'invalid-idempotency-key', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'withdraw' },
      headers: { 'idempotency-key': 'k'.repeat(201) },
    });
  });
});

describe('POST /api/processes/:key/cases', () => {
  test('start-case replayed: the same case id, 201 again, and only one case exists', async () => {
    const before = await caseCount('111222333');
    const headers = key('start');
    const first = await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizenB', body: {}, headers });
    expectStatus(first, 201);
    const second = await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizenB', body: {}, headers });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(second.body).toEqual(first.body);
    expect(await caseCount('111222333')).toBe(before + 1);
    const list = expectStatus(await s.api('GET', '/api/cases', { as: 'citizenB' }), 200);
    expect(list.filter((c: any) => c.id === first.body.id)).toHaveLength(1);
    expect(list).toHaveLength(before + 1);
  });

  test('without a key, two starts are two cases', async () => {
    const before = await caseCount(CITIZEN_BSN);
    const a = await startToeslag(s);
    const b = await startToeslag(s);
    expect(a.id).not.toBe(b.id);
    expect(await caseCount(CITIZEN_BSN)).toBe(before + 2);
  });
});

describe('tasks', () => {
  test('completing a task replayed: the first answer again, not 409 task-closed; the case moved once', async () => {
    const { view, task } = await atReview(s);
    const headers = key('complete');
    const body = { outcome: 'afwijzen', data: { reden: 'Te veel spaargeld.' } };
    const first = await s.api('POST', `/api/tasks/${task.id}/complete`, { as: 'official', body, headers });
    expect(expectStatus(first, 200)).toMatchObject({ status: 'completed', outcome: 'afwijzen' });
    const auditAfterFirst = await s.store.cases.audit(view.id);
    const second = await s.api('POST', `/api/tasks/${task.id}/complete`, { as: 'official', body, headers });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await s.store.cases.audit(view.id)).toEqual(auditAfterFirst);
    expect(auditAfterFirst.filter((e) => e.type === 'task.completed')).toHaveLength(1);
    // Without the key, it is a new request, and the task is finished.
    await refused(s, 409, 'task-closed', 'POST', `/api/tasks/${task.id}/complete`, { as: 'official', body });
  });
});

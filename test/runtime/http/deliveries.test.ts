/**
 * Admins and the deliveries of notices: the dead letters listed over the
 * API, a retry, and who may do it; the address staff notices go to.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let dead: number;
let sent: number;

beforeAll(async () => {
  s = await startTestServer();
  const at = s.clock.now().toISOString();
  await s.store.outbox.queue({ key: 'test:1', kind: 'message', recipient: 'subject:999993653', data: {}, at });
  const notice = (await s.store.outbox.byKey('test:1'))!;
  await s.store.deliveries.plan({ outboxId: notice.id, channel: 'email', address: 'a@example.nl', lang: 'nl', at });
  await s.store.deliveries.plan({ outboxId: notice.id, channel: 'sms', address: '+31612345678', lang: 'nl', at });
  const [a, b] = await s.store.deliveries.claimDue('node-1', at, 60_000);
  await s.store.deliveries.markFailed(a.id, 'node-1', 'connect ECONNREFUSED 127.0.0.1:25', at, true);
  await s.store.deliveries.markSent(b.id, 'node-1', at);
  dead = a.id;
  sent = b.id;
});
afterAll(async () => {
  await s?.close();
});

describe('GET /api/admin/deliveries', () => {
  test('lists the dead letters by default, with why they failed and the counts', async () => {
    const res = await s.api('GET', '/api/admin/deliveries', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ pending: 0, sent: 1, dead: 1 });
    expect(res.body.deliveries).toHaveLength(1);
    expect(res.body.deliveries[0]).toMatchObject({
      id: dead,
      kind: 'message',
      recipient: 'subject:999993653',
      channel: 'email',
      address: 'a@example.nl',
      status: 'dead',
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:25',
    });
    const sentList = await s.api('GET', '/api/admin/deliveries?status=sent', { as: 'admin' });
    expect(sentList.body.deliveries.map((d: { id: number }) => d.id)).toEqual([sent]);
  });

  test('is for admins only, and says what to fix in a bad query', async () => {
    expect((await s.api('GET', '/api/admin/deliveries')).status).toBe(401);
    expect((await s.api('GET', '/api/admin/deliveries', { as: 'official' })).status).toBe(403);
    expect((await s.api('GET', '/api/admin/deliveries', { as: 'citizen' })).status).toBe(403);
    const bad = await s.api('GET', '/api/admin/deliveries?status=lost', { as: 'admin' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('pending, sent of dead');
  });
});

describe('POST /api/admin/deliveries/:id/retry', () => {
  test('only an admin, only a dead letter; a retry makes it pending and due now', async () => {
    expect((await s.api('POST', `/api/admin/deliveries/${dead}/retry`, { as: 'official', body: {} })).status).toBe(403);
    expect((await s.api('POST', '/api/admin/deliveries/999999/retry', { as: 'admin', body: {} })).status).toBe(404);
    expect((await s.api('POST', '/api/admin/deliveries/abc/retry', { as: 'admin', body: {} })).status).toBe(404);
    const notDead = await s.api('POST', `/api/admin/deliveries/${sent}/retry`, { as: 'admin', body: {} });
    expect(notDead.status).toBe(409);
    expect(notDead.body.error.message).toContain('geen dode brief');
    const retried = await s.api('POST', `/api/admin/deliveries/${dead}/retry`, { as: 'admin', body: {} });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: dead,
      status: 'pending',
      attempts: 0,
      nextAt: s.clock.now().toISOString(),
    });
    expect((await s.api('POST', `/api/admin/deliveries/${dead}/retry`, { as: 'admin', body: {} })).status).toBe(409);
  });
});

describe('PUT /api/users/:name with an email', () => {
  test("sets where a user's notices go, checks the address, and null removes it", async () => {
    const put = (body: unknown) => s.api('PUT', '/api/users/olaf', { as: 'admin', body });
    const ok = await put({ role: 'official', teams: ['belastingen'], email: 'olaf@voorbeeld.nl' });
    expect(ok.status).toBe(200);
    expect(ok.body.email).toBe('olaf@voorbeeld.nl');
    const olaf = (await s.store.accounts.userByName('olaf'))!;
    expect(await s.store.accounts.emailOf(olaf.id)).toBe('olaf@voorbeeld.nl');
    const bad = await put({ role: 'official', teams: ['belastingen'], email: 'not an address' });
    expect(bad.status).toBe(422);
    expect(await s.store.accounts.emailOf(olaf.id)).toBe('olaf@voorbeeld.nl');
    // Without email the address stays; null removes it.
    expect((await put({ role: 'official', teams: ['belastingen'] })).body.email).toBe('olaf@voorbeeld.nl');
    expect((await put({ role: 'official', teams: ['belastingen'], email: null })).body.email).toBeNull();
    expect(await s.store.accounts.emailOf(olaf.id)).toBeNull();
  });
});

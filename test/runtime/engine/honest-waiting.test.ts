import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, createFakeClock, createScheduler } from '../../../runtime/engine/index.js';
import { cleanUp } from '../../../runtime/pages/housekeeping.js';
import { openStore } from '../../../runtime/store/index.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { pageBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, expectStatus } from '../http/support.js';

// Honest waiting (README, "Eerlijk wachten"): the delay notice, the one extension, on a real store and server.
const CITIZEN = '999993653';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s.close();
});

const statusPage = async (caseId: string) => {
  const b = pageBrowser(s.base);
  await b.signIn(CITIZEN);
  const page = await b.request('GET', `/zaken/${caseId}/status`);
  expect(page.location ?? page.status).toBe(200);
  return page.text;
};
const notices = async (caseId: string, kind: string) =>
  (await s.store.outbox.forCase(caseId)).filter((n) => n.kind === kind);

describe('a handoff whose deadline passes', () => {
  it('tells the citizen once, also after a restart, and the status page shows the new expected date', async () => {
    s.clock.set('2026-03-02T09:00:00Z');
    const { view, task } = await atReview(s);
    // toeslag: 8 working days → Thursday 12 March.
    expect(task.dueAt).toBe('2026-03-12T09:00:00.000Z');
    const scheduler = createScheduler(s.engine, 1000, 'test-node');
    s.clock.set('2026-03-12T08:59:00Z');
    await scheduler.tick();
    expect(await notices(view.id, 'late')).toHaveLength(0);

    s.clock.set('2026-03-13T10:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    const late = await notices(view.id, 'late');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ recipient: `case:${view.id}` });
    // The new expected date: the deadline plus the handoff's own term again (8 working days → 24 March).
    const told = (await s.store.tasks.get(task.id))!;
    expect(told).toMatchObject({ lateNotifiedAt: '2026-03-13T10:00:00.000Z', expectedAt: '2026-03-24T09:00:00.000Z' });
    expect((late[0].data.body as { nl: string }).nl).toContain('24 maart 2026');
    expect((late[0].data.subject as { en: string }).en).toContain('taking longer');
    const messages = await s.store.cases.messages(view.id);
    expect(messages.filter((m) => m.subject.nl.startsWith('Uw aanvraag duurt langer'))).toHaveLength(1);
    const audit = await s.store.cases.audit(view.id);
    expect(audit.filter((e) => e.type === 'task.late')).toHaveLength(1);
    // The escalation (toeslag escalates) and the notice came in one transaction: both there.
    expect(audit.filter((e) => e.type === 'task.escalated')).toHaveLength(1);

    // A restart: a second store and engine on the same database, a later clock: nothing is sent again.
    const store = await openStore(s.target);
    try {
      const clock = createFakeClock('2026-03-16T09:00:00Z');
      const again = createScheduler(createEngine({ store, clock }), 1000, 'node-2');
      await again.tick();
      await again.stop();
    } finally {
      await store.close();
    }
    expect(await notices(view.id, 'late')).toHaveLength(1);

    const html = await statusPage(view.id);
    expect(html).toContain('24 maart 2026');
    expect(html).toContain('Het duurt langer dan wij hadden gezegd');
    await scheduler.stop();
  });
});

describe('extending a deadline (POST /api/tasks/:id/extend)', () => {
  it('moves the deadline once with a reason the citizen reads; a second extension is 409', async () => {
    s.clock.set('2026-03-02T09:00:00Z');
    const { view, task } = await atReview(s);
    const bad = await s.api('POST', `/api/tasks/${task.id}/extend`, { as: 'official', body: { days: 10 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toHaveProperty('reason');
    const both = await s.api('POST', `/api/tasks/${task.id}/extend`, {
      as: 'official',
      body: { days: 10, until: '2026-04-01', reason: 'x' },
    });
    expect(both.status).toBe(422);
    const earlier = await s.api('POST', `/api/tasks/${task.id}/extend`, {
      as: 'official',
      body: { until: '2026-03-05', reason: 'x' },
    });
    expect(earlier.status).toBe(422);
    const other = await s.api('POST', `/api/tasks/${task.id}/extend`, {
      as: 'otherTeam',
      body: { days: 10, reason: 'x' },
    });
    expect([403, 404]).toContain(other.status);
    expect((await s.store.tasks.get(task.id))!.dueAt).toBe('2026-03-12T09:00:00.000Z');
    expect(await notices(view.id, 'extended')).toHaveLength(0);

    const reason = 'Wij wachten op gegevens van de Belastingdienst';
    const ok = expectStatus(
      await s.api('POST', `/api/tasks/${task.id}/extend`, {
        as: 'official',
        body: { until: '2026-04-02T09:00:00Z', reason },
      }),
      200,
    );
    expect(ok).toMatchObject({ dueAt: '2026-04-02T09:00:00.000Z', extensionReason: reason });
    const extended = await notices(view.id, 'extended');
    expect(extended).toHaveLength(1);
    expect((extended[0].data.body as { nl: string }).nl).toContain(reason);
    expect((extended[0].data.body as { nl: string }).nl).toContain('2 april 2026');
    // The escalation timer moved with the deadline.
    expect(
      (await s.store.tasks.timersOf(view.id)).filter((t) => t.timer === `escalate:${task.id}` && !t.firedAt),
    ).toEqual([expect.objectContaining({ fireAt: '2026-04-02T09:00:00.000Z' })]);
    expect((await s.store.cases.audit(view.id)).filter((e) => e.type === 'task.extended')).toHaveLength(1);

    const second = await s.api('POST', `/api/tasks/${task.id}/extend`, {
      as: 'official',
      body: { days: 5, reason: 'nog eens' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('already-extended');
    expect((await s.store.tasks.get(task.id))!.dueAt).toBe('2026-04-02T09:00:00.000Z');

    const html = await statusPage(view.id);
    expect(html).toContain('2 april 2026');
    expect(html).toContain(reason);
    // The old deadline passing now sends nothing: the new one has not passed.
    s.clock.set('2026-03-20T09:00:00Z');
    await s.engine.tellLateTasks();
    expect(await notices(view.id, 'late')).toHaveLength(0);
  });
});

describe('unfinished applications (housekeeping)', () => {
  it('reminds once after the process’s afterDays, and tells before a stale draft is removed', async () => {
    s.clock.set('2026-03-02T09:00:00Z');
    const def = { ...fixtureProcess('toeslag'), key: 'toeslag-herinnering', reminders: { afterDays: 3 } };
    expect((await s.processes.saveDraft(def.key, def, 'test')).problems).toEqual([]);
    await s.processes.publish(def.key, 'test');
    const started = expectStatus(
      await s.api('POST', `/api/processes/${def.key}/cases`, { as: 'citizen', body: {} }),
      201,
    );
    const id = started.id as string;
    await s.store.drafts.put(
      id,
      { steps: [{ step: 'huishouden', values: { huishouden: 'alleen' } }] },
      s.clock.now().toISOString(),
    );
    const sweep = () => cleanUp(s.store, s.clock.now());
    s.clock.set('2026-03-05T08:59:00Z');
    expect(await sweep()).toMatchObject({ reminders: 0 });
    s.clock.set('2026-03-05T09:01:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1 });
    expect(await sweep()).toMatchObject({ reminders: 0 });
    const reminders = await notices(id, 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].data).toMatchObject({ link: `/zaken/${id}` });
    expect((reminders[0].data.subject as { nl: string }).nl).toContain('nog niet klaar');

    // 30 days without change: 7 days before, the notice; the draft stays until a week after it.
    s.clock.set('2026-03-25T09:01:00Z');
    expect(await sweep()).toMatchObject({ expiries: 1, drafts: 0 });
    const expiry = await notices(id, 'draft-expiry');
    expect(expiry).toHaveLength(1);
    expect((expiry[0].data.body as { nl: string }).nl).toContain('1 april 2026');
    s.clock.set('2026-04-01T09:00:00Z');
    expect(await sweep()).toMatchObject({ expiries: 0, drafts: 0 });
    expect(await s.store.drafts.get(id)).toBeDefined();
    s.clock.set('2026-04-01T09:02:00Z');
    expect(await sweep()).toMatchObject({ expiries: 0, drafts: 1 });
    expect(await s.store.drafts.get(id)).toBeUndefined();
    expect(await notices(id, 'draft-expiry')).toHaveLength(1);
    expect(await notices(id, 'reminder')).toHaveLength(1);
  });

  it('a process without reminders sends none', async () => {
    s.clock.set('2026-03-02T09:00:00Z');
    const started = expectStatus(await s.api('POST', `/api/processes/toeslag/cases`, { as: 'citizen', body: {} }), 201);
    await s.store.drafts.put(started.id, { steps: [] }, s.clock.now().toISOString());
    s.clock.set('2026-03-20T09:00:00Z');
    await cleanUp(s.store, s.clock.now());
    expect(await notices(started.id, 'reminder')).toHaveLength(0);
  });
});

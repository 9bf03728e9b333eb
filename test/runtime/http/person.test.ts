/**
 * "Ask for a person" through the API: the citizen's request becomes a
 * contact task for the process's contact team; when an official has
 * answered, the citizen is still where they were, answers intact.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atMoney, atReview, expectStatus, household, money, refused } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

const request = { question: 'Telt de toeslag mee als inkomen?', channel: 'phone', reach: '0612345678' };

describe('person.requested', () => {
  test('a contact task for klantcontact; answered, the citizen goes on from the same step', async () => {
    const c = await atMoney(s);
    const asked = expectStatus(
      await s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'person.requested', data: request },
      }),
      200,
    );
    expect(asked).toMatchObject({ status: 'active', step: { id: 'geldzaken', kind: 'form' } });
    expect(asked.rev).toBe(c.rev + 1);
    expect(asked.answers).toEqual(c.answers);
    expect(asked.tasks).toEqual([
      expect.objectContaining({
        kind: 'contact',
        step: 'contact',
        team: 'klantcontact',
        status: 'open',
        dueAt: '2026-03-04T09:00:00.000Z',
      }),
    ]);
    expect(asked.timeline.at(-1)).toMatchObject({
      type: 'task.opened',
      text: 'U heeft gevraagd om contact met een medewerker',
    });
    // One request at a time; the form can still be sent meanwhile.
    expect(asked.actions.map((a: any) => a.type)).toEqual(['submit', 'withdraw']);
    await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'person.requested', data: request },
    });

    // The official of klantcontact sees the task with the question; belastingen alone and afval do not.
    const tasks = expectStatus(await s.api('GET', '/api/tasks?team=klantcontact', { as: 'official' }), 200);
    const task = tasks.find((t: any) => t.caseId === c.id);
    expect(task).toMatchObject({ kind: 'contact', team: 'klantcontact', status: 'open', request });
    expect(
      expectStatus(await s.api('GET', '/api/tasks', { as: 'official2' }), 200).map((t: any) => t.id),
    ).not.toContain(task.id);
    expect(
      expectStatus(await s.api('GET', '/api/tasks', { as: 'otherTeam' }), 200).map((t: any) => t.id),
    ).not.toContain(task.id);
    await refused(s, 404, 'not-found', 'GET', `/api/tasks/${task.id}`, { as: 'official2' });
    // The task makes the case visible to the contact team.
    const internal = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'official' }), 200);
    expect(internal.step.id).toBe('geldzaken');
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${c.id}`, { as: 'official2' });

    // Only 'answered' completes a contact task.
    const wrong = await refused(s, 422, 'unknown-outcome', 'POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'toekennen' },
    });
    expect(Object.keys(wrong.body.error.details)).toEqual(['outcome']);
    await refused(s, 422, 'invalid-answers', 'POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'answered', data: { note: 42 } },
    });

    s.clock.advance(3600_000);
    const done = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'answered', data: { note: 'Teruggebeld: ja, de toeslag telt mee.' } },
    });
    expect(expectStatus(done, 200)).toMatchObject({
      kind: 'contact',
      status: 'completed',
      outcome: 'answered',
      assignee: 'olaf',
    });

    const after = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect(after).toMatchObject({ status: 'active', step: { id: 'geldzaken' } });
    expect(after.answers).toEqual(c.answers);
    expect(after.answers.map((a: any) => a.id).sort()).toEqual(Object.keys(household).sort());
    expect(after.actions.map((a: any) => a.type)).toEqual(['submit', 'withdraw', 'person.requested']);
    expect(after.timeline.at(-1).text).toBe('Een medewerker heeft uw vraag beantwoord');
    expect(after.tasks).toEqual([expect.objectContaining({ id: task.id, status: 'completed' })]);
    expect((await s.store.cases.audit(c.id)).find((e) => e.type === 'contact.answered')).toMatchObject({
      actor: 'user:olaf',
      data: { note: 'Teruggebeld: ja, de toeslag telt mee.' },
    });

    // The citizen submits the next step.
    const next = expectStatus(
      await s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: money(), step: 'geldzaken' },
      }),
      200,
    );
    expect(next.step.id).toBe('beoordeling');
  });

  test('asking while an official reviews the case leaves the review where it is', async () => {
    const { view, task } = await atReview(s);
    const asked = expectStatus(
      await s.api('POST', `/api/cases/${view.id}/events?lang=en`, {
        as: 'citizen',
        body: { type: 'person.requested', data: { question: 'When?', channel: 'email', reach: 'a@example.nl' } },
      }),
      200,
    );
    expect(asked.timeline.at(-1).text).toBe('You asked to talk to a person');
    const contact = (await s.store.tasks.list({ caseId: view.id })).find((t) => t.kind === 'contact')!;
    expectStatus(
      await s.api('POST', `/api/tasks/${contact.id}/complete`, { as: 'official', body: { outcome: 'answered' } }),
      200,
    );
    const after = expectStatus(await s.api('GET', `/api/cases/${view.id}`, { as: 'citizen' }), 200);
    expect(after).toMatchObject({ status: 'active', step: { id: 'beoordeling' } });
    expect(expectStatus(await s.api('GET', `/api/tasks/${task.id}`, { as: 'official2' }), 200)).toMatchObject({
      status: 'open',
    });
  });

  test('a request for a person that needs correcting: 422 with details per field, nothing opened', async () => {
    const c = await atMoney(s);
    let res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'person.requested', data: { ...request, channel: 'fax' } },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['channel']);
    res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'person.requested', data: { ...request, question: 'x'.repeat(2001) } },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['question']);
    expect(await s.store.tasks.list({ caseId: c.id })).toEqual([]);
  });
});

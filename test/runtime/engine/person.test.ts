/**
 * "Ask for a person": available from citizen-facing steps, it opens a contact
 * task for the process's contact team without moving the journey.
 */
import { describe, expect, it } from 'vitest';
import { caseView } from '../../../runtime/engine/index.js';
import { asCitizen, dump, engineError, freshEnv, household, toeslagAtMoney, money, user } from './setup.js';

const request = { question: 'Telt de kinderbijslag mee als inkomen?', channel: 'phone', reach: '06 1234 5678' };
const dataOf = (snapshot: unknown) => (snapshot as { context: { data: Record<string, unknown> } }).context.data;

describe('ask for a person', () => {
  it('opens a contact task for the contact team; answering it leaves the citizen where they were, answers intact', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const atForm = await toeslagAtMoney(env);
    env.clock.set('2026-03-03T10:00:00Z');

    const asked = await env.engine.send(
      atForm.id,
      { type: 'person.requested', data: request },
      { actor: asCitizen(), expectedRev: atForm.rev },
    );
    expect(asked).toMatchObject({ step: 'geldzaken', status: 'active', rev: atForm.rev + 1 });
    expect(dataOf(asked.snapshot)).toEqual(household);

    const tasks = await env.store.tasks.list({ caseId: atForm.id });
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task).toMatchObject({
      kind: 'contact',
      team: 'klantcontact',
      status: 'open',
      step: 'contact',
      request: { question: request.question, channel: 'phone', reach: '06 1234 5678' },
      createdAt: '2026-03-03T10:00:00.000Z',
      dueAt: '2026-03-05T10:00:00.000Z', // the process's contact.due, P2D
    });
    expect((await env.store.tasks.list({ teams: ['klantcontact'], status: 'open' })).map((t) => t.id)).toEqual([
      task.id,
    ]);
    expect((await env.store.cases.audit(atForm.id)).find((e) => e.type === 'task.opened')!.data).toMatchObject({
      kind: 'contact',
      team: 'klantcontact',
      request,
    });

    // While asked, the citizen can still submit, but not ask twice.
    const view = await caseView(env.engine, env.store, asked, 'nl');
    expect(view.actions.map((a) => a.type)).toEqual(['submit', 'withdraw']);
    const before = await dump(env.store);
    await engineError(
      () => env.engine.send(atForm.id, { type: 'person.requested', data: request }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    expect(await dump(env.store)).toEqual(before);

    // The official answers.
    const kees = await user(env, 'kees');
    await engineError(
      () => env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:kees', userId: kees.id }),
      'invalid',
      'unknown-outcome',
    );
    const answered = await env.engine.completeTask(
      task.id,
      'answered',
      { note: 'Gebeld: kinderbijslag telt niet mee.' },
      { actor: 'user:kees', userId: kees.id },
    );
    expect(answered).toMatchObject({ step: 'geldzaken', status: 'active', rev: asked.rev + 1 });
    expect(dataOf(answered.snapshot)).toEqual(household);
    expect(await env.store.tasks.get(task.id)).toMatchObject({
      status: 'completed',
      outcome: 'answered',
      assignee: kees.id,
    });
    expect((await env.store.cases.audit(atForm.id)).find((e) => e.type === 'contact.answered')!.data).toEqual({
      task: task.id,
      note: 'Gebeld: kinderbijslag telt niet mee.',
    });
    expect((await caseView(env.engine, env.store, answered, 'nl')).actions.map((a) => a.type)).toEqual([
      'submit',
      'withdraw',
      'person.requested',
    ]);

    // The citizen continues from the same step.
    const next = await env.engine.send(atForm.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    expect(next.step).toBe('beoordeling');
    expect(dataOf(next.snapshot)).toMatchObject({ ...household, inkomen: 1450 });
  });

  it('validates the request and changes nothing when it is wrong', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await toeslagAtMoney(env);
    const before = await dump(env.store);
    const error = await engineError(
      () =>
        env.engine.send(
          row.id,
          { type: 'person.requested', data: { question: 'x'.repeat(2001), channel: 'pigeon' } },
          { actor: asCitizen() },
        ),
      'invalid',
      'invalid-answers',
    );
    expect(Object.keys(error.details as object).sort()).toEqual(['channel', 'question']);
    expect(await dump(env.store)).toEqual(before);
  });

  it('keeps the contact task open while the journey moves on, and the journey unaffected when it is answered', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'person.requested', data: request }, { actor: asCitizen() });
    const atReview = await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    expect(atReview.step).toBe('beoordeling');
    const contact = (await env.store.tasks.list({ caseId: row.id })).find((t) => t.kind === 'contact')!;
    const handoff = (await env.store.tasks.list({ caseId: row.id })).find((t) => t.kind === 'handoff')!;
    expect(contact.status).toBe('open');

    const kees = await user(env, 'kees');
    const after = await env.engine.completeTask(contact.id, 'answered', {}, { actor: 'user:kees', userId: kees.id });
    expect(after.step).toBe('beoordeling');
    expect((await env.store.tasks.get(handoff.id))!.status).toBe('open');
  });
});

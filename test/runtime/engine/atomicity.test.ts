/**
 * All or nothing: a failure anywhere in an event's commit (here a real
 * database trigger that aborts one of its writes) leaves the case, audit trail, tasks,
 * timers and messages exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import { asCitizen, boomTrigger, BSN, dump, freshEnv, toeslagAtMoney, money, type Env } from './setup.js';

const boom = (env: Env, table: string, when: 'INSERT' | 'UPDATE' = 'INSERT') => boomTrigger(env.store, table, when);

describe('crash mid-commit', () => {
  it('a failing message insert rolls back the whole transition', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    const before = await dump(env.store);
    const disarm = await boom(env, 'messages');

    // A low income is granted: the transition queues the "granted" message.
    await expect(
      env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '800' }) }, { actor: asCitizen() }),
    ).rejects.toThrow('boom');
    expect(await dump(env.store)).toEqual(before);
    expect(await env.engine.getCase(row.id)).toMatchObject({ step: 'geldzaken', status: 'active', rev: row.rev });

    // Nothing is left half-done: with the trigger gone the same event goes through.
    await disarm();
    const granted = await env.engine.send(
      row.id,
      { type: 'submit', data: money({ inkomen: '800' }) },
      { actor: asCitizen(), expectedRev: row.rev },
    );
    expect(granted).toMatchObject({ status: 'ended', outcome: 'granted', rev: row.rev + 1 });
    expect((await env.store.cases.messages(row.id)).map((m) => m.step)).toEqual(['toekenning', 'toegekend']);
    expect(await env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a failing task insert (handoff) rolls back the whole transition', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    const before = await dump(env.store);
    const disarm = await boom(env, 'tasks');
    await expect(env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() })).rejects.toThrow(
      'boom',
    );
    expect(await dump(env.store)).toEqual(before);
    await disarm();
    expect((await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() })).step).toBe(
      'beoordeling',
    );
    expect(await env.store.tasks.list({ caseId: row.id })).toHaveLength(1);
  });

  it('a failing timer insert rolls back the whole transition', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = await env.engine.startCase('wachttijd', BSN, asCitizen());
    const before = await dump(env.store);
    await boom(env, 'timers');
    await expect(
      env.engine.send(
        row.id,
        { type: 'submit', data: { soort: 'schade', bedrag: '1', datum: '2026-03-01' } },
        { actor: asCitizen() },
      ),
    ).rejects.toThrow('boom');
    expect(await dump(env.store)).toEqual(before);
  });

  it('a failing snapshot update, the last write, rolls back the audit entries, tasks and messages written before it', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    const before = await dump(env.store);
    await boom(env, 'cases', 'UPDATE');
    await expect(
      env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '800' }) }, { actor: asCitizen() }),
    ).rejects.toThrow('boom');
    await expect(env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() })).rejects.toThrow(
      'boom',
    );
    await expect(
      env.engine.send(row.id, { type: 'person.requested', data: { question: 'Hallo?' } }, { actor: asCitizen() }),
    ).rejects.toThrow('boom');
    expect(await dump(env.store)).toEqual(before);
  });

  it('a failing completion of a task leaves the task open and the case where it was', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = (await env.store.accounts.userByName('ann'))!;
    const before = await dump(env.store);
    const disarm = await boom(env, 'messages');
    await expect(
      env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }),
    ).rejects.toThrow('boom');
    expect(await dump(env.store)).toEqual(before);
    expect((await env.store.tasks.get(task.id))!.status).toBe('open');
    await disarm();
    expect(
      (await env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id })).outcome,
    ).toBe('granted');
  });

  it("a signal moves all of a subject's waiting cases or none", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const ids: string[] = [];
    for (const _ of [0, 1]) {
      const started = await env.engine.startCase('betaling', BSN, asCitizen());
      ids.push(
        (await env.engine.send(started.id, { type: 'submit', data: { naam: 'Jan' } }, { actor: asCitizen() })).id,
      );
    }
    // Fail only on the second case's message.
    await boomTrigger(env.store, 'messages', 'INSERT', `NEW.case_id = '${ids[1]}'`);
    const before = await dump(env.store);
    await expect(env.engine.signal('betaling.ontvangen', BSN, { bedrag: '10' }, 'system:psp')).rejects.toThrow('boom');
    expect(await dump(env.store)).toEqual(before);
  });

  it('a timer whose transition fails is recorded as an error, leaving the case as it was', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const started = await env.engine.startCase('wachttijd', BSN, asCitizen());
    const row = await env.engine.send(
      started.id,
      { type: 'submit', data: { soort: 'schade', bedrag: '1', datum: '2026-03-01' } },
      { actor: asCitizen() },
    );
    const before = await dump(env.store);
    await boom(env, 'messages');
    env.clock.set('2026-03-06T00:00:00Z');
    expect(await env.engine.fireDueTimers()).toBe(0);
    const after = await dump(env.store);
    expect(after.cases).toEqual(before.cases);
    expect(after.tasks).toEqual(before.tasks);
    expect(after.messages).toEqual(before.messages);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    const last = (await env.store.cases.audit(row.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'error',
      actor: 'system:timer',
      data: { timer: 'bedenktijd', message: 'boom' },
    });
    expect(await env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });
});

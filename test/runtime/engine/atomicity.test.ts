/**
 * All or nothing: a failure anywhere in an event's commit (here a real SQLite
 * trigger that aborts one of its writes) leaves the case, audit trail, tasks,
 * timers and messages exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import { asCitizen, BSN, dump, freshEnv, toeslagAtMoney, money, type Env } from './setup.js';

function boom(env: Env, table: string, when: 'INSERT' | 'UPDATE' = 'INSERT') {
  env.store.db.exec(`CREATE TRIGGER boom BEFORE ${when} ON ${table} BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
  return () => env.store.db.exec('DROP TRIGGER boom');
}

describe('crash mid-commit', () => {
  it('a failing message insert rolls back the whole transition', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = toeslagAtMoney(env);
    const before = dump(env.store);
    const disarm = boom(env, 'messages');

    // A low income is granted: the transition queues the "granted" message.
    expect(() =>
      env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '800' }) }, { actor: asCitizen() }),
    ).toThrow('boom');
    expect(dump(env.store)).toEqual(before);
    expect(env.engine.getCase(row.id)).toMatchObject({ step: 'geldzaken', status: 'active', rev: row.rev });

    // Nothing is left half-done: with the trigger gone the same event goes through.
    disarm();
    const granted = env.engine.send(
      row.id,
      { type: 'submit', data: money({ inkomen: '800' }) },
      { actor: asCitizen(), expectedRev: row.rev },
    );
    expect(granted).toMatchObject({ status: 'ended', outcome: 'granted', rev: row.rev + 1 });
    expect(env.store.cases.messages(row.id).map((m) => m.step)).toEqual(['toekenning', 'toegekend']);
    expect(env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a failing task insert (handoff) rolls back the whole transition', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = toeslagAtMoney(env);
    const before = dump(env.store);
    const disarm = boom(env, 'tasks');
    expect(() => env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() })).toThrow('boom');
    expect(dump(env.store)).toEqual(before);
    disarm();
    expect(env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() }).step).toBe('beoordeling');
    expect(env.store.tasks.list({ caseId: row.id })).toHaveLength(1);
  });

  it('a failing timer insert rolls back the whole transition', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = env.engine.startCase('wachttijd', BSN, asCitizen());
    const before = dump(env.store);
    boom(env, 'timers');
    expect(() =>
      env.engine.send(
        row.id,
        { type: 'submit', data: { soort: 'schade', bedrag: '1', datum: '2026-03-01' } },
        { actor: asCitizen() },
      ),
    ).toThrow('boom');
    expect(dump(env.store)).toEqual(before);
  });

  it('a failing snapshot update, the last write, rolls back the audit entries, tasks and messages written before it', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = toeslagAtMoney(env);
    const before = dump(env.store);
    boom(env, 'cases', 'UPDATE');
    expect(() =>
      env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '800' }) }, { actor: asCitizen() }),
    ).toThrow('boom');
    expect(() => env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() })).toThrow('boom');
    expect(() =>
      env.engine.send(row.id, { type: 'person.requested', data: { question: 'Hallo?' } }, { actor: asCitizen() }),
    ).toThrow('boom');
    expect(dump(env.store)).toEqual(before);
  });

  it('a failing completion of a task leaves the task open and the case where it was', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const row = toeslagAtMoney(env);
    env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = env.store.tasks.list({ caseId: row.id });
    const ann = env.store.accounts.userByName('ann')!;
    const before = dump(env.store);
    const disarm = boom(env, 'messages');
    expect(() => env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id })).toThrow(
      'boom',
    );
    expect(dump(env.store)).toEqual(before);
    expect(env.store.tasks.get(task.id)!.status).toBe('open');
    disarm();
    expect(env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }).outcome).toBe(
      'granted',
    );
  });

  it("a signal moves all of a subject's waiting cases or none", () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const ids = [0, 1].map(() => {
      const started = env.engine.startCase('betaling', BSN, asCitizen());
      return env.engine.send(started.id, { type: 'submit', data: { naam: 'Jan' } }, { actor: asCitizen() }).id;
    });
    // Fail only on the second case's message.
    env.store.db.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON messages WHEN NEW.case_id = '${ids[1]}' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
    );
    const before = dump(env.store);
    expect(() => env.engine.signal('betaling.ontvangen', BSN, { bedrag: '10' }, 'system:psp')).toThrow('boom');
    expect(dump(env.store)).toEqual(before);
  });

  it('a timer whose transition fails is recorded as an error, leaving the case as it was', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'betaling', 'wachttijd'] });
    const started = env.engine.startCase('wachttijd', BSN, asCitizen());
    const row = env.engine.send(
      started.id,
      { type: 'submit', data: { soort: 'schade', bedrag: '1', datum: '2026-03-01' } },
      { actor: asCitizen() },
    );
    const before = dump(env.store);
    boom(env, 'messages');
    env.clock.set('2026-03-06T00:00:00Z');
    expect(env.engine.fireDueTimers()).toBe(0);
    const after = dump(env.store);
    expect(after.cases).toEqual(before.cases);
    expect(after.tasks).toEqual(before.tasks);
    expect(after.messages).toEqual(before.messages);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    const last = env.store.cases.audit(row.id).at(-1)!;
    expect(last).toMatchObject({
      type: 'error',
      actor: 'system:timer',
      data: { timer: 'bedenktijd', message: 'boom' },
    });
    expect(env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });
});

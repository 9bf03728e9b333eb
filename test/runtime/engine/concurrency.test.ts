/**
 * Optimistic concurrency: a change based on a stale read is refused, and
 * leaves exactly the winner's result, across two connections to one file.
 */
import { describe, expect, it } from 'vitest';
import { asCitizen, dump, engineError, freshEnv, toeslagAtMoney, money, openEnv } from './setup.js';

describe('optimistic concurrency', () => {
  it("the second of two engines that read the same revision gets stale-case, and the first one's result stays", () => {
    const a = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = openEnv(a.file);
    const row = toeslagAtMoney(a);

    const readByA = a.engine.getCase(row.id);
    const readByB = b.engine.getCase(row.id);
    expect(readByB.rev).toBe(readByA.rev);
    const n = readByA.rev;

    // A: income close to the norm, so the case goes to an official.
    const afterA = a.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen(), expectedRev: n });
    expect(afterA).toMatchObject({ step: 'beoordeling', rev: n + 1 });
    const winner = dump(a.store);
    expect(winner.tasks).toHaveLength(1);

    // B: a low income, which would have ended the case granted.
    const error = engineError(
      () =>
        b.engine.send(
          row.id,
          { type: 'submit', data: money({ inkomen: '500' }) },
          { actor: asCitizen(), expectedRev: n },
        ),
      'conflict',
      'stale-case',
    );
    expect(error.details).toEqual({ rev: n + 1 });

    expect(dump(b.store)).toEqual(winner);
    expect(dump(a.store)).toEqual(winner);
    expect(b.engine.getCase(row.id)).toMatchObject({ step: 'beoordeling', status: 'active', rev: n + 1 });
    expect(b.store.cases.messages(row.id)).toEqual([]);
    expect(b.store.cases.verifyAudit()).toMatchObject({ ok: true });

    // With the current revision, B may act.
    const withdrawn = b.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen(), expectedRev: n + 1 });
    expect(withdrawn).toMatchObject({ status: 'ended', outcome: 'withdrawn', rev: n + 2 });
  });

  it('refuses a change meant for another step (step-mismatch), without changes', () => {
    const a = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = openEnv(a.file);
    const row = toeslagAtMoney(a);
    // B still shows the first page and submits it again.
    const before = dump(a.store);
    const error = engineError(
      () =>
        b.engine.send(
          row.id,
          { type: 'submit', data: { huishouden: 'samen', aanslagnummer: 'X' } },
          { actor: asCitizen(), step: 'huishouden' },
        ),
      'conflict',
      'step-mismatch',
    );
    expect(error.details).toEqual({ step: 'geldzaken' });
    expect(dump(a.store)).toEqual(before);
    // The right step passes.
    expect(
      b.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen(), step: 'geldzaken' }).step,
    ).toBe('beoordeling');
  });

  it('refuses an event that is not allowed now (event-not-allowed), without changes', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = toeslagAtMoney(env);
    env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() });
    const before = dump(env.store);
    engineError(
      () => env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    engineError(
      () => env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    // ophalen has no withdraw at all.
    const other = env.engine.startCase('ophalen', row.subject, asCitizen());
    const beforeOther = dump(env.store);
    engineError(
      () => env.engine.send(other.id, { type: 'withdraw' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    expect(dump(env.store)).toEqual(beforeOther);
    expect(before.cases.find((c: any) => c.id === row.id)).toEqual(beforeOther.cases.find((c: any) => c.id === row.id));
  });

  it('a stale task revision is refused with stale-task', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = toeslagAtMoney(env);
    env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = env.store.tasks.list({ caseId: row.id });
    const ann = env.store.accounts.userByName('ann')!;
    env.engine.claimTask(task.id, ann, task.rev);
    const before = dump(env.store);
    engineError(
      () =>
        env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id, expectedRev: task.rev }),
      'conflict',
      'stale-task',
    );
    expect(dump(env.store)).toEqual(before);
    expect(
      env.engine.completeTask(
        task.id,
        'toekennen',
        {},
        { actor: 'user:ann', userId: ann.id, expectedRev: task.rev + 1 },
      ).outcome,
    ).toBe('granted');
  });

  it('an unknown case is not-found', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    engineError(
      () => env.engine.send('no-such-case', { type: 'submit', data: {} }, { actor: asCitizen() }),
      'not-found',
      'not-found',
    );
    engineError(() => env.engine.startCase('no-such-process', '999993653', asCitizen()), 'not-found', 'not-found');
  });

  it('a task completed on one connection cannot be completed again on another', () => {
    const a = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = openEnv(a.file);
    const row = toeslagAtMoney(a);
    a.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = b.store.tasks.list({ caseId: row.id });
    const ann = a.store.accounts.userByName('ann')!;
    const kees = a.store.accounts.userByName('kees')!;
    // Both officials see the open task; kees claims it first on connection B.
    b.engine.claimTask(task.id, kees, task.rev);
    const claimed = engineError(() => a.engine.claimTask(task.id, ann, task.rev), 'conflict', 'task-claimed');
    expect(claimed.details).toEqual({ assignee: 'kees' });
    b.engine.completeTask(task.id, 'afwijzen', { reden: 'Nee.' }, { actor: 'user:kees', userId: kees.id });
    const winner = dump(b.store);
    engineError(
      () => a.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }),
      'conflict',
      'task-closed',
    );
    expect(dump(a.store)).toEqual(winner);
    expect(a.engine.getCase(row.id)).toMatchObject({ status: 'ended', outcome: 'rejected' });
  });
});

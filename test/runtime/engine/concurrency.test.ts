/**
 * Optimistic concurrency: a change based on a stale read is refused, and
 * leaves exactly the winner's result, across two connections to one file.
 */
import { describe, expect, it } from 'vitest';
import { asCitizen, dump, engineError, freshEnv, toeslagAtMoney, money, openEnv } from './setup.js';

describe('optimistic concurrency', () => {
  it("the second of two engines that read the same revision gets stale-case, and the first one's result stays", async () => {
    const a = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = await openEnv(a.file);
    const row = await toeslagAtMoney(a);

    const readByA = await a.engine.getCase(row.id);
    const readByB = await b.engine.getCase(row.id);
    expect(readByB.rev).toBe(readByA.rev);
    const n = readByA.rev;

    // A: income close to the norm, so the case goes to an official.
    const afterA = await a.engine.send(
      row.id,
      { type: 'submit', data: money() },
      { actor: asCitizen(), expectedRev: n },
    );
    expect(afterA).toMatchObject({ step: 'beoordeling', rev: n + 1 });
    const winner = await dump(a.store);
    expect(winner.tasks).toHaveLength(1);

    // B: a low income, which would have ended the case granted.
    const error = await engineError(
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

    expect(await dump(b.store)).toEqual(winner);
    expect(await dump(a.store)).toEqual(winner);
    expect(await b.engine.getCase(row.id)).toMatchObject({ step: 'beoordeling', status: 'active', rev: n + 1 });
    expect(await b.store.cases.messages(row.id)).toEqual([]);
    expect(await b.store.cases.verifyAudit()).toMatchObject({ ok: true });

    // With the current revision, B may act.
    const withdrawn = await b.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen(), expectedRev: n + 1 });
    expect(withdrawn).toMatchObject({ status: 'ended', outcome: 'withdrawn', rev: n + 2 });
  });

  it('refuses a change meant for another step (step-mismatch), without changes', async () => {
    const a = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = await openEnv(a.file);
    const row = await toeslagAtMoney(a);
    // B still shows the first page and submits it again.
    const before = await dump(a.store);
    const error = await engineError(
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
    expect(await dump(a.store)).toEqual(before);
    // The right step passes.
    expect(
      (await b.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen(), step: 'geldzaken' })).step,
    ).toBe('beoordeling');
  });

  it('refuses an event that is not allowed now (event-not-allowed), without changes', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() });
    const before = await dump(env.store);
    await engineError(
      () => env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    await engineError(
      () => env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    // ophalen has no withdraw at all.
    const other = await env.engine.startCase('ophalen', row.subject, asCitizen());
    const beforeOther = await dump(env.store);
    await engineError(
      () => env.engine.send(other.id, { type: 'withdraw' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    expect(await dump(env.store)).toEqual(beforeOther);
    expect(before.cases.find((c: any) => c.id === row.id)).toEqual(beforeOther.cases.find((c: any) => c.id === row.id));
  });

  it('a stale task revision is refused with stale-task', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = (await env.store.accounts.userByName('ann'))!;
    await env.engine.claimTask(task.id, ann, task.rev);
    const before = await dump(env.store);
    await engineError(
      () =>
        env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id, expectedRev: task.rev }),
      'conflict',
      'stale-task',
    );
    expect(await dump(env.store)).toEqual(before);
    expect(
      (
        await env.engine.completeTask(
          task.id,
          'toekennen',
          {},
          { actor: 'user:ann', userId: ann.id, expectedRev: task.rev + 1 },
        )
      ).outcome,
    ).toBe('granted');
  });

  it('an unknown case is not-found', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    await engineError(
      () => env.engine.send('no-such-case', { type: 'submit', data: {} }, { actor: asCitizen() }),
      'not-found',
      'not-found',
    );
    await engineError(
      () => env.engine.startCase('no-such-process', '999993653', asCitizen()),
      'not-found',
      'not-found',
    );
  });

  it('a task completed on one connection cannot be completed again on another', async () => {
    const a = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const b = await openEnv(a.file);
    const row = await toeslagAtMoney(a);
    await a.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const [task] = await b.store.tasks.list({ caseId: row.id });
    const ann = (await a.store.accounts.userByName('ann'))!;
    const kees = (await a.store.accounts.userByName('kees'))!;
    // Both officials see the open task; kees claims it first on connection B.
    await b.engine.claimTask(task.id, kees, task.rev);
    const claimed = await engineError(() => a.engine.claimTask(task.id, ann, task.rev), 'conflict', 'task-claimed');
    expect(claimed.details).toEqual({ assignee: 'kees' });
    await b.engine.completeTask(task.id, 'afwijzen', { reden: 'Nee.' }, { actor: 'user:kees', userId: kees.id });
    const winner = await dump(b.store);
    await engineError(
      () => a.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }),
      'conflict',
      'task-closed',
    );
    expect(await dump(a.store)).toEqual(winner);
    expect(await a.engine.getCase(row.id)).toMatchObject({ status: 'ended', outcome: 'rejected' });
  });
});

/**
 * Reasons cannot be skipped: the engine refuses an official's refusal
 * without a reason, decided at completion from where the outcome leads, so a
 * version published before the check (no reason field at all) cannot let it
 * through either.
 */
import { describe, expect, it } from 'vitest';
import { compileToConfig, type Process } from '../../../runtime/model/index.js';
import { caseView } from '../../../runtime/engine/case-view.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { dump, engineError, freshEnv, toeslagAtReview, user, type Env } from './setup.js';

/** Publishes, past the static checks, a toeslag version whose rejection has no reason field (as before P023). */
async function publishWithoutReason(env: Env, change: (d: Record<string, any>) => void = () => {}) {
  const def = fixtureProcess('toeslag') as Record<string, any>;
  const afwijzen = def.steps.beoordeling.outcomes[1];
  delete afwijzen.negative;
  delete afwijzen.fields;
  change(def);
  await env.store.processes.publish(
    'toeslag',
    def,
    compileToConfig(def as Process),
    env.clock.now().toISOString(),
    null,
  );
}

describe('a refusal needs a reason', () => {
  it('refuses completion without a reason on a version published without the check, and changes nothing', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    await publishWithoutReason(env);
    const row = await toeslagAtReview(env);
    expect(row.version).toBe(2);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    const before = await dump(env.store);
    const error = await engineError(
      () => env.engine.completeTask(task.id, 'afwijzen', {}, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'reason-required',
    );
    expect(error.message).toMatch(/reason/);
    expect(await dump(env.store)).toEqual(before);

    // The official's message is the reason: recorded with the decision and shown as the why.
    const ended = await env.engine.completeTask(
      task.id,
      'afwijzen',
      {},
      { actor: 'user:ann', userId: ann.id, message: 'Uw vermogen is te hoog.' },
    );
    expect(ended).toMatchObject({ status: 'ended', outcome: 'rejected' });
    const completed = (await env.store.cases.audit(row.id)).find((e) => e.type === 'task.completed')!;
    expect(completed.data).toMatchObject({ outcome: 'afwijzen', reason: 'Uw vermogen is te hoog.' });
    const view = await caseView(env.engine, env.store, ended, 'nl');
    expect(view.decision).toMatchObject({ by: 'official', step: 'beoordeling', because: 'Uw vermogen is te hoog.' });
    // The automated reasons stay with the automated decision.
    expect(view.explanations.map((e) => e.step)).toEqual(['toets']);
  });

  it('refuses a four-eyes proposal of a refusal without a reason before anyone approves it', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    await publishWithoutReason(env, (d) => (d.steps.beoordeling.outcomes[1].fourEyes = true));
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    await engineError(
      () => env.engine.completeTask(task.id, 'afwijzen', {}, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'reason-required',
    );
    expect((await env.store.tasks.get(task.id))!.proposal).toBeFalsy();
  });

  it('takes the reason field where the version has one, and an empty reason is no reason', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    await engineError(
      () => env.engine.completeTask(task.id, 'afwijzen', { reden: '   ' }, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'invalid-answers',
    );
    const ended = await env.engine.completeTask(
      task.id,
      'afwijzen',
      { reden: 'U heeft een tweede huis.' },
      { actor: 'user:ann', userId: ann.id },
    );
    const view = await caseView(env.engine, env.store, ended, 'en');
    expect(view.decision).toMatchObject({ by: 'official', because: 'U heeft een tweede huis.' });
  });

  it('a grant needs no reason, and a case decided by the rules has the rule as its why', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    await publishWithoutReason(env);
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    expect((await caseView(env.engine, env.store, row, 'nl')).decision).toMatchObject({ by: 'rules', step: 'toets' });
    const ended = await env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id });
    expect(ended).toMatchObject({ status: 'ended', outcome: 'granted' });
    const view = await caseView(env.engine, env.store, ended, 'nl');
    expect(view.decision).toMatchObject({ by: 'official' });
    expect(view.decision?.because).toBeUndefined();
  });
});

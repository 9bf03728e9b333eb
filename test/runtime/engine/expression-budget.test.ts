/**
 * Issue 11, finding 2 in the engine: an expression that runs out of its
 * budget during a case's event never decides. The event is recorded and the
 * case goes to a person — the decision's onError when it has one (as a
 * UNIQUE table's overlap does), else a contact task — or, for an official's
 * outcome, the outcome is refused. Real SQLite file, real engine.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../runtime/engine/index.js';
import { budgetProcess, CATASTROPHIC, FOR_RANGE, HOSTILE_NAME } from '../../fixtures/budget-process.js';
import { asCitizen, auditTypes, BSN, engineError, freshEnv, OTHER_BSN, rows, user, type Env } from './setup.js';

const text = (s: string) => ({ nl: s, en: s });
async function publish(env: Env, def: Record<string, any>) {
  const { problems } = await env.processes.saveDraft(def.key, def, 'designer:dora');
  expect(problems).toEqual([]);
  await env.processes.publish(def.key, 'designer:dora');
}
async function submitted(env: Env, key: string, answers: Record<string, unknown>) {
  const started = await env.engine.startCase(key, BSN, asCitizen());
  return await env.engine.send(started.id, { type: 'submit', data: answers }, { actor: asCitizen() });
}
const entries = async (env: Env, caseId: string, type: string) =>
  (await env.store.cases.audit(caseId)).filter((e) => e.type === type).map((e) => e.data as Record<string, any>);
const openTasks = async (env: Env, caseId: string) =>
  (await env.store.tasks.list({ caseId })).filter((t) => t.status === 'open' || t.status === 'claimed');

describe('finding 2: a failing budget during an event hands the case to a person', () => {
  it("finding 2: a for-range chosen by the citizen runs out of budget and hands the case to a person (the decision's onError)", async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, budgetProcess('bereik', { when: FOR_RANGE }));
    const row = await submitted(env, 'bereik', { n: '2000', naam: 'Jan' });
    expect(row.step).toBe('handmatig');
    const [failed] = await entries(env, row.id, 'expression.failed');
    expect(failed).toMatchObject({
      event: 'submit',
      step: 'toets',
      code: 'feel-budget-exceeded',
      route: 'handmatig',
      expr: FOR_RANGE,
    });
    expect(['steps', 'time']).toContain(failed.reason);
    expect(await entries(env, row.id, 'decision.made')).toEqual([
      expect.objectContaining({ step: 'toets', rule: 'error', error: 'an expression could not be evaluated' }),
    ]);
    expect((await openTasks(env, row.id)).map((t) => [t.step, t.team])).toEqual([['handmatig', 'belastingen']]);
    // not stuck: the official decides
    const done = await env.engine.completeTask(
      (await openTasks(env, row.id))[0].id,
      'toekennen',
      {},
      { actor: 'user:ann', userId: (await user(env, 'ann')).id },
    );
    expect(done).toMatchObject({ status: 'ended', outcome: 'granted' });
  });

  it('never falls through to a later rule or otherwise after a rule failed', async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, budgetProcess('doorval', { when: FOR_RANGE, also: ['true'] }));
    const row = await submitted(env, 'doorval', { n: '2000', naam: 'Jan' });
    expect(row.step).toBe('handmatig'); // not 'afgewezen' by rule 2, not otherwise
  });

  it('without onError: the event is recorded, not applied; the answers are kept and a contact task says why', async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, budgetProcess('zonder', { when: FOR_RANGE, onError: false }));
    const row = await submitted(env, 'zonder', { n: '2000', naam: 'Jan' });
    expect(row).toMatchObject({ step: 'aanvraag', status: 'active' });
    expect((row.snapshot as { context: { data: unknown } }).context.data).toMatchObject({ n: 2000, naam: 'Jan' });
    expect(await auditTypes(env.store, row.id)).toEqual(
      expect.arrayContaining(['event.received', 'expression.failed', 'task.opened']),
    );
    expect(await entries(env, row.id, 'decision.made')).toEqual([]);
    const [task] = await openTasks(env, row.id);
    expect(task).toMatchObject({
      kind: 'contact',
      team: 'klantcontact',
      request: expect.objectContaining({ kind: 'evaluation-failed' }),
    });
    expect(String((task.request as { question: string }).question)).toContain("'toets'");
    // not stuck: with an answer the rule can evaluate, the case moves on
    const again = await env.engine.send(
      row.id,
      { type: 'submit', data: { n: '3', naam: 'Jan' } },
      { actor: asCitizen() },
    );
    expect(again).toMatchObject({ status: 'ended', outcome: 'granted' });
  });

  it("finding 2: a catastrophic regex over a citizen's answer decides, quickly and correctly (no match)", async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, budgetProcess('regex', { when: CATASTROPHIC }));
    const start = performance.now();
    const row = await submitted(env, 'regex', { n: '1', naam: HOSTILE_NAME });
    expect(performance.now() - start).toBeLessThan(1_000); // JS RegExp: seconds
    expect(row).toMatchObject({ status: 'ended', outcome: 'rejected' });
    expect(await entries(env, row.id, 'expression.failed')).toEqual([]);
  });

  it('a table input that runs out of budget goes to onError, the input recorded as null', async () => {
    const env = await freshEnv({ publish: false });
    await publish(
      env,
      budgetProcess('tabel', {
        when: 'true',
        table: { input: 'count(for a in 1..n, b in 1..n return a)', tests: ['> 100', '<= 100'] },
      }),
    );
    const row = await submitted(env, 'tabel', { n: '2000', naam: 'Jan' });
    expect(row.step).toBe('handmatig');
    expect(await entries(env, row.id, 'decision.made')).toEqual([
      expect.objectContaining({ rule: 'error', inputs: { waarde: null } }),
    ]);
    const small = await submitted(env, 'tabel', { n: '5', naam: 'Jan' });
    expect(small.outcome).toBe('rejected'); // 25 <= 100: row 2
  });

  it('shares one budget between all expressions of the event: many moderate rules together run out', async () => {
    const env = await freshEnv({ publish: false });
    const moderate = 'count(for i in 1..n return i) < 0'; // ≈ n × 5 steps each, far below one evaluation's budget
    await publish(env, budgetProcess('samen', { when: moderate, also: Array.from({ length: 30 }, () => moderate) }));
    const row = await submitted(env, 'samen', { n: '2500', naam: 'Jan' });
    expect(row.step).toBe('handmatig');
    expect((await entries(env, row.id, 'expression.failed'))[0].message).toMatch(
      /expressions of this event ran out of their shared/,
    );
    expect((await submitted(env, 'samen', { n: '10', naam: 'Jan' })).outcome).toBe('rejected');
  });

  it("an official's outcome whose next rule runs out of budget is refused and recorded; the task stays open", async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, {
      key: 'uitkomst',
      title: text('Uitkomst'),
      start: 'aanvraag',
      contact: { team: 'klantcontact' },
      steps: {
        aanvraag: {
          kind: 'form',
          title: text('Aanvraag'),
          fields: [{ id: 'n', label: text('n'), type: 'number', required: true }],
          next: 'handmatig',
        },
        handmatig: {
          kind: 'handoff',
          title: text('Beoordeling'),
          team: 'belastingen',
          due: 'P5D',
          outcomes: [{ id: 'door', label: text('Door'), goto: 'toets' }],
        },
        toets: {
          kind: 'decision',
          title: text('Toets'),
          rules: [{ when: FOR_RANGE, goto: 'klaar', because: text('ja') }],
          otherwise: { goto: 'klaar', because: text('nee') },
        },
        klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Klaar.') },
      },
    });
    const row = await submitted(env, 'uitkomst', { n: '2000' });
    const [task] = await openTasks(env, row.id);
    const ann = await user(env, 'ann');
    const error = await engineError(
      () => env.engine.completeTask(task.id, 'door', {}, { actor: 'user:ann', userId: ann.id }),
      'conflict',
      'expression-failed',
    );
    expect(error.details).toMatchObject({ step: 'toets' });
    expect((await env.store.tasks.get(task.id))!.status).toBe('open');
    expect((await env.store.cases.get(row.id))!.step).toBe('handmatig');
    expect(await entries(env, row.id, 'expression.failed')).toEqual([
      expect.objectContaining({ event: 'task.completed', step: 'toets', refused: true }),
    ]);
  });

  it('a start whose rules run out of budget is refused, and nothing is created', async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, {
      key: 'begin',
      title: text('Begin'),
      start: 'toets',
      contact: { team: 'klantcontact' },
      steps: {
        toets: {
          kind: 'decision',
          title: text('Toets'),
          rules: [{ when: 'count(for a in 1..1000, b in 1..1000 return a) > 0', goto: 'klaar', because: text('ja') }],
          otherwise: { goto: 'klaar', because: text('nee') },
        },
        klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Klaar.') },
      },
    });
    const before = (await rows(env.store, 'SELECT COUNT(*) AS n FROM cases'))[0];
    const error = await engineError(
      () => env.engine.startCase('begin', BSN, asCitizen()),
      'conflict',
      'expression-failed',
    );
    expect(error).toBeInstanceOf(EngineError);
    expect((await rows(env.store, 'SELECT COUNT(*) AS n FROM cases'))[0]).toEqual(before);
  });

  it('a timer whose rule runs out of budget hands the case to a person; the timer fires once', async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, {
      key: 'wachten',
      title: text('Wachten'),
      start: 'aanvraag',
      contact: { team: 'klantcontact' },
      steps: {
        aanvraag: {
          kind: 'form',
          title: text('Aanvraag'),
          fields: [{ id: 'n', label: text('n'), type: 'number', required: true }],
          next: 'wacht',
        },
        wacht: { kind: 'wait', title: text('Wacht'), for: 'P1D', then: 'toets' },
        toets: {
          kind: 'decision',
          title: text('Toets'),
          rules: [{ when: FOR_RANGE, goto: 'klaar', because: text('ja') }],
          otherwise: { goto: 'klaar', because: text('nee') },
        },
        klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Klaar.') },
      },
    });
    const row = await submitted(env, 'wachten', { n: '2000' });
    env.clock.advance(2 * 24 * 3600 * 1000);
    await env.engine.fireDueTimers();
    expect(await env.engine.fireDueTimers()).toBe(0);
    expect((await env.store.cases.get(row.id))!.step).toBe('wacht');
    expect(await entries(env, row.id, 'expression.failed')).toEqual([
      expect.objectContaining({ event: 'timer.fired', step: 'toets' }),
    ]);
    expect((await openTasks(env, row.id)).map((t) => t.kind)).toEqual(['contact']);
  });

  it("a signal: the case whose showIf runs out of budget goes to a person, the subject's other case moves on", async () => {
    const env = await freshEnv({ publish: false });
    await publish(env, {
      key: 'signaal',
      title: text('Signaal'),
      start: 'aanvraag',
      contact: { team: 'klantcontact' },
      steps: {
        aanvraag: {
          kind: 'form',
          title: text('Aanvraag'),
          fields: [{ id: 'n', label: text('n'), type: 'number', required: true }],
          next: 'wacht',
        },
        wacht: {
          kind: 'wait',
          title: text('Wacht'),
          signal: 'betaling.ontvangen',
          fields: [{ id: 'bedrag', label: text('Bedrag'), type: 'money', showIf: FOR_RANGE }],
          then: 'klaar',
        },
        klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Klaar.') },
      },
    });
    const hostile = await submitted(env, 'signaal', { n: '2000' });
    const fine = await submitted(env, 'signaal', { n: '2' });
    const { moved } = await env.engine.signal('betaling.ontvangen', BSN, { bedrag: '10' }, 'system:test');
    expect(moved).toEqual([fine.id]);
    expect((await env.store.cases.get(fine.id))!.status).toBe('ended');
    expect((await env.store.cases.get(hostile.id))!.step).toBe('wacht');
    expect(await entries(env, hostile.id, 'expression.failed')).toEqual([
      expect.objectContaining({ event: 'signal.betaling.ontvangen' }),
    ]);
    expect(await env.store.cases.activeBySubject(OTHER_BSN)).toEqual([]);
  });
});

/**
 * Each step kind, run by the durable engine over a real SQLite file:
 * form, decision, handoff, wait (for / signal / timeout), message and end.
 */
import { describe, expect, it } from 'vitest';
import {
  asCitizen,
  auditTypes,
  BSN,
  dump,
  engineError,
  freshEnv,
  household,
  toeslagAtMoney,
  toeslagAtReview,
  money,
  OTHER_BSN,
  user,
  type Env,
} from './setup.js';

const dataOf = async (env: Env, id: string) =>
  ((await env.engine.getCase(id)).snapshot as { context: { data: Record<string, unknown> } }).context.data;
const auditOf = async (env: Env, id: string, type: string) =>
  (await env.store.cases.audit(id)).filter((e) => e.type === type);

describe('form step', () => {
  it('refuses invalid answers with field errors per field, in the asked language, and changes nothing', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    const before = await dump(env.store);

    const nl = await engineError(
      () =>
        env.engine.send(
          row.id,
          { type: 'submit', data: { inkomen: 'veel', heeftAuto: 'ja', iban: 'NL00 GEEN', extra: 'x' } },
          { actor: asCitizen() },
        ),
      'invalid',
      'invalid-answers',
    );
    expect(nl.details).toEqual({
      inkomen: ['Vul een bedrag in, zoals 1250 of 1250,50.'],
      vermogen: ['Vul dit in.'],
      // autoWaarde is asked because heeftAuto is answered yes in the same submit.
      autoWaarde: ['Vul dit in.'],
      iban: ['Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00.'],
      extra: ['Deze vraag hoort niet bij deze stap.'],
    });

    const en = await engineError(
      () => env.engine.send(row.id, { type: 'submit', data: { inkomen: '-5' } }, { actor: asCitizen(), lang: 'en' }),
      'invalid',
      'invalid-answers',
    );
    expect(en.details).toEqual({
      inkomen: ['Enter 0 or more.'],
      vermogen: ['Enter an answer.'],
      heeftAuto: ['Choose an answer.'],
      iban: ['Enter an answer.'],
    });

    await engineError(
      () => env.engine.send(row.id, { type: 'submit', data: ['not', 'an', 'object'] }, { actor: asCitizen() }),
      'invalid',
      'invalid-answers',
    );
    expect(await dump(env.store)).toEqual(before);
  });

  it('stores the parsed answers under their field ids and moves on', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const started = await env.engine.startCase('toeslag', BSN, asCitizen());
    expect(started).toMatchObject({ status: 'active', step: 'huishouden', version: 1, rev: 2 });
    const row = await env.engine.send(
      started.id,
      { type: 'submit', data: { huishouden: 'samen', aanslagnummer: ' A-1 ' } },
      { actor: asCitizen() },
    );
    expect(row).toMatchObject({ step: 'geldzaken', rev: 3, status: 'active' });
    expect(await dataOf(env, row.id)).toEqual({ huishouden: 'samen', aanslagnummer: 'A-1' });
    const received = (await auditOf(env, row.id, 'event.received')).at(-1)!;
    expect(received.actor).toBe(asCitizen());
    expect(received.data).toEqual({
      type: 'submit',
      step: 'huishouden',
      answers: { huishouden: 'samen', aanslagnummer: 'A-1' },
      cleared: [],
    });
  });

  it('does not store an answer to a field whose showIf does not hold', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    // autoWaarde is only asked when heeftAuto = true: with "nee" it is neither required nor kept.
    const next = await env.engine.send(
      row.id,
      { type: 'submit', data: money({ heeftAuto: 'nee', autoWaarde: '9000' }) },
      { actor: asCitizen() },
    );
    expect(await dataOf(env, next.id)).not.toHaveProperty('autoWaarde');
    expect(await dataOf(env, next.id)).toMatchObject({
      inkomen: 1450,
      vermogen: 100,
      heeftAuto: false,
      iban: 'NL91ABNA0417164300',
    });
  });

  it('routes by the first conditional next that holds, else the default route', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const danger = await env.engine.startCase('melding', BSN, asCitizen());
    expect(
      await env.engine.send(danger.id, { type: 'submit', data: { soort: 'gevaar' } }, { actor: asCitizen() }),
    ).toMatchObject({ step: 'spoed', status: 'ended', outcome: 'urgent' });
    const litter = await env.engine.startCase('melding', BSN, asCitizen());
    expect(
      await env.engine.send(litter.id, { type: 'submit', data: { soort: 'afval' } }, { actor: asCitizen() }),
    ).toMatchObject({ step: 'details', status: 'active' });

    // In wachttijd, an urgent report skips the waiting period.
    const urgent = await env.engine.startCase('wachttijd', BSN, asCitizen());
    const done = await env.engine.send(
      urgent.id,
      { type: 'submit', data: { soort: 'spoed', bedrag: '10', datum: '2026-03-01' } },
      { actor: asCitizen() },
    );
    expect(done).toMatchObject({ step: 'klaar', status: 'ended', outcome: 'completed' });
    expect(await env.store.tasks.timersOf(urgent.id)).toEqual([]);
  });

  it('refuses a submit where the citizen does not act, and an unknown event, without changes', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtReview(env);
    const before = await dump(env.store);
    await engineError(
      () => env.engine.send(row.id, { type: 'submit', data: {} }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    await engineError(
      () => env.engine.send(row.id, { type: 'task.completed', data: {} }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    await engineError(
      () => env.engine.send(row.id, { type: 'timer.fired' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    await engineError(
      () => env.engine.send(row.id, { type: 'signal.betaling.ontvangen' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    await engineError(
      () => env.engine.send(row.id, { type: 'approve' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    expect(await dump(env.store)).toEqual(before);
  });
});

describe('decision step', () => {
  it('takes the first rule that holds, and records rule, inputs and reason (nl/en) in the audit', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    // Both the savings rule (0) and the car rule (1) hold: the first one wins.
    const ended = await env.engine.send(
      row.id,
      { type: 'submit', data: money({ vermogen: '3000', heeftAuto: 'ja', autoWaarde: '5000' }) },
      { actor: asCitizen() },
    );
    expect(ended).toMatchObject({ status: 'ended', step: 'afgewezen', outcome: 'rejected' });
    const decisions = await auditOf(env, row.id, 'decision.made');
    expect(decisions).toHaveLength(1);
    expect(decisions[0].data).toEqual({
      step: 'toets',
      rule: 0,
      when: 'vermogen > 2500',
      inputs: { vermogen: 3000 },
      because: {
        nl: 'Uw spaargeld en bezittingen (€ 3.000,00) zijn hoger dan € 2.500. Dan kunt u de belasting betalen.',
        en: expect.stringMatching(
          /^Your savings and possessions \(€ 3[.,]000[.,]00\) are above € 2,500, so you are able to pay the tax\.$/,
        ),
      },
      // What would have changed the outcome (test/runtime/model/counterfactual.test.ts has the details).
      counterfactual: expect.objectContaining({ computable: true }),
    });
    expect(decisions[0].actor).toBe(asCitizen());
  });

  it('takes a later rule when the earlier ones do not hold', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(
      row.id,
      { type: 'submit', data: money({ heeftAuto: 'ja', autoWaarde: '5000' }) },
      { actor: asCitizen() },
    );
    const [decision] = await auditOf(env, row.id, 'decision.made');
    expect(decision.data).toMatchObject({
      rule: 1,
      inputs: { heeftAuto: true, autoWaarde: 5000 },
      because: { nl: 'Uw auto is meer waard dan € 3.000.', en: 'Your car is worth more than € 3,000.' },
    });

    const low = await toeslagAtMoney(env);
    const granted = await env.engine.send(
      low.id,
      { type: 'submit', data: money({ inkomen: '900' }) },
      { actor: asCitizen() },
    );
    expect(granted).toMatchObject({ status: 'ended', outcome: 'granted', step: 'toegekend' });
    expect((await auditOf(env, low.id, 'decision.made'))[0].data).toMatchObject({
      rule: 3,
      inputs: { inkomen: 900, huishouden: 'alleenstaand' },
    });
  });

  it("takes otherwise when no rule holds, with all the rules' inputs as its inputs", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtReview(env);
    const [decision] = await auditOf(env, row.id, 'decision.made');
    expect(decision.data).toEqual({
      step: 'toets',
      rule: 'otherwise',
      when: null,
      inputs: { vermogen: 100, heeftAuto: false, autoWaarde: null, inkomen: 1450, huishouden: 'alleenstaand' },
      because: {
        nl: 'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
        en: 'Your income is close to the norm. An official will review your application.',
      },
      counterfactual: {
        computable: true,
        nl: expect.stringContaining(
          'Als ‘Netto inkomen per maand (huishouden)’ minder dan € 1.300,00 (nu: € 1.450,00) was geweest, dan was de uitkomst: Toeslag toegekend.',
        ),
        en: expect.stringContaining('Had ‘Savings and possessions’ been more than € 2.500,00 (now: € 100,00)'),
        alternatives: [
          { outcome: 'afgewezen', changes: [{ field: 'vermogen', from: 100, to: 2500, op: '>' }] },
          { outcome: 'afgewezen', changes: [{ field: 'inkomen', from: 1450, to: 1500, op: '>' }] },
          { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1450, to: 1300, op: '<' }] },
        ],
      },
    });
  });
});

describe('handoff step', () => {
  it('opens a task for the team, due at the moment the step starts plus `due` (8 working days: Thursday 5 → Tuesday 17 March)', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    env.clock.set('2026-03-05T14:30:00Z');
    const next = await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    expect(next.step).toBe('beoordeling');
    const tasks = await env.store.tasks.list({ caseId: row.id });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'handoff',
      step: 'beoordeling',
      team: 'belastingen',
      status: 'open',
      assignee: null,
      createdAt: '2026-03-05T14:30:00.000Z',
      dueAt: '2026-03-17T14:30:00.000Z',
      closedAt: null,
    });
    expect((await env.store.tasks.list({ teams: ['belastingen'], status: 'open' })).map((t) => t.id)).toEqual([
      tasks[0].id,
    ]);
    expect((await auditOf(env, row.id, 'task.opened'))[0].data).toMatchObject({
      task: tasks[0].id,
      team: 'belastingen',
      kind: 'handoff',
      dueAt: '2026-03-17T14:30:00.000Z',
    });
  });

  it('validates the outcome and its fields; completing moves the case and closes the task', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    const before = await dump(env.store);

    await engineError(
      () => env.engine.completeTask(task.id, 'misschien', {}, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'unknown-outcome',
    );
    const missing = await engineError(
      () => env.engine.completeTask(task.id, 'afwijzen', {}, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'invalid-answers',
    );
    expect(missing.details).toEqual({ reden: ['Vul dit in.'] });
    const foreign = await engineError(
      () =>
        env.engine.completeTask(task.id, 'afwijzen', { reden: 'x', inkomen: 1 }, { actor: 'user:ann', userId: ann.id }),
      'invalid',
      'invalid-answers',
    );
    expect(foreign.details).toEqual({ inkomen: ['Deze vraag hoort niet bij deze stap.'] });
    expect(await dump(env.store)).toEqual(before);

    env.clock.advance(3_600_000);
    const ended = await env.engine.completeTask(
      task.id,
      'afwijzen',
      { reden: 'U heeft een tweede huis.' },
      { actor: 'user:ann', userId: ann.id },
    );
    expect(ended).toMatchObject({
      status: 'ended',
      step: 'afgewezen',
      outcome: 'rejected',
      endedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(await env.store.tasks.get(task.id)).toMatchObject({
      status: 'completed',
      outcome: 'afwijzen',
      assignee: ann.id,
      assigneeName: 'ann',
      closedAt: '2026-03-02T10:00:00.000Z',
    });
    expect((await dataOf(env, row.id)).reden).toBe('U heeft een tweede huis.');
    expect((await auditOf(env, row.id, 'task.completed'))[0]).toMatchObject({
      actor: 'user:ann',
      data: { task: task.id, step: 'beoordeling', outcome: 'afwijzen', answers: { reden: 'U heeft een tweede huis.' } },
    });
    // The rejection message carries the official's reason.
    expect((await env.store.cases.messages(row.id)).at(-1)!.body.nl).toBe(
      'U krijgt geen toeslag. U heeft een tweede huis. Bent u het er niet mee eens? Dan kunt u binnen 6 weken bezwaar maken.',
    );

    await engineError(
      () => env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }),
      'conflict',
      'task-closed',
    );
  });

  it('refuses completion by someone else while the task is claimed', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    const kees = await user(env, 'kees');
    await env.engine.claimTask(task.id, ann);
    const before = await dump(env.store);
    await engineError(
      () => env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:kees', userId: kees.id }),
      'conflict',
      'task-claimed',
    );
    expect(await dump(env.store)).toEqual(before);
    const granted = await env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id });
    expect(granted).toMatchObject({ status: 'ended', outcome: 'granted' });
  });

  it('closes the open task with status "closed" when the citizen withdraws during the handoff', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ended = await env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() });
    expect(ended).toMatchObject({ status: 'ended', step: 'ingetrokken', outcome: 'withdrawn' });
    expect(await env.store.tasks.get(task.id)).toMatchObject({
      status: 'closed',
      outcome: null,
      closedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(await env.store.tasks.list({ teams: ['belastingen'], status: 'active' })).toEqual([]);
    expect((await auditOf(env, row.id, 'task.closed'))[0].data).toMatchObject({ task: task.id, step: 'beoordeling' });
    const ann = await user(env, 'ann');
    await engineError(
      () => env.engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: ann.id }),
      'conflict',
      'task-closed',
    );
  });
});

describe('wait step with `for`', () => {
  const report = { soort: 'schade', bedrag: '125,50', datum: '14-02-2026' };

  it('sets a timer row and moves on only when fireDueTimers runs after it is due', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const started = await env.engine.startCase('wachttijd', BSN, asCitizen());
    const row = await env.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    expect(row.step).toBe('bedenktijd');
    expect(await env.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'bedenktijd', fireAt: '2026-03-05T09:00:00.000Z', firedAt: null },
    ]);
    expect((await auditOf(env, row.id, 'timer.set'))[0].data).toEqual({
      timer: 'bedenktijd',
      fireAt: '2026-03-05T09:00:00.000Z',
    });

    env.clock.advance(3 * 86_400_000 - 60_000);
    expect(await env.engine.fireDueTimers()).toBe(0);
    expect(await env.engine.getCase(row.id)).toMatchObject({ step: 'bedenktijd', rev: row.rev });

    env.clock.advance(60_000);
    expect(await env.engine.fireDueTimers()).toBe(1);
    const done = await env.engine.getCase(row.id);
    expect(done).toMatchObject({ status: 'ended', step: 'klaar', outcome: 'completed', rev: row.rev + 1 });
    expect(await env.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'bedenktijd', fireAt: '2026-03-05T09:00:00.000Z', firedAt: '2026-03-05T09:00:00.000Z' },
    ]);
    const fired = (await env.store.cases.audit(row.id)).filter(
      (e) => e.type === 'event.received' && e.data.type === 'timer.fired',
    );
    expect(fired).toHaveLength(1);
    expect(fired[0].actor).toBe('system:timer');
    expect(await env.engine.fireDueTimers()).toBe(0);
  });

  it('clears the timer when the case leaves the step another way', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const started = await env.engine.startCase('wachttijd', BSN, asCitizen());
    await env.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    const withdrawn = await env.engine.send(started.id, { type: 'withdraw' }, { actor: asCitizen() });
    expect(withdrawn).toMatchObject({ status: 'ended', outcome: 'withdrawn' });
    expect(await env.store.tasks.timersOf(started.id)).toEqual([]);
    env.clock.advance(10 * 86_400_000);
    expect(await env.engine.fireDueTimers()).toBe(0);
    expect(await env.engine.getCase(started.id)).toMatchObject({ step: 'ingetrokken', rev: withdrawn.rev });
  });
});

describe('message step', () => {
  it('queues a message with the placeholders filled and formatted per field, in both languages', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const started = await env.engine.startCase('wachttijd', BSN, asCitizen());
    await env.engine.send(
      started.id,
      { type: 'submit', data: { soort: 'schade', bedrag: '125,50', datum: '14-02-2026' } },
      { actor: asCitizen() },
    );
    env.clock.advance(3 * 86_400_000);
    await env.engine.fireDueTimers();
    const messages = await env.store.cases.messages(started.id);
    expect(messages.map((m) => m.step)).toEqual(['bevestiging', 'klaar']);
    expect(messages[0]).toMatchObject({
      createdAt: '2026-03-05T09:00:00.000Z',
      subject: { nl: 'Vergoeding voor Schade aan de stoep', en: 'Refund for Damage to the pavement' },
      body: {
        nl: 'Wij betalen € 125,50 voor de schade van 14 februari 2026.',
        en: expect.stringMatching(/^We pay € 125[.,]50 for the damage of 14 February 2026\.$/),
      },
    });
    expect(messages[1].body.nl).toBe('Wij hebben € 125,50 overgemaakt.');
    expect((await auditOf(env, started.id, 'message.queued')).map((e) => e.data.step)).toEqual([
      'bevestiging',
      'klaar',
    ]);
  });

  it('fills placeholders from answers of earlier steps', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '800' }) }, { actor: asCitizen() });
    const [granted] = await env.store.cases.messages(row.id);
    expect(granted).toMatchObject({
      step: 'toekenning',
      subject: { nl: 'Uw toeslag is toegekend', en: 'Your allowance has been granted' },
      body: {
        nl: `U krijgt de toeslag voor aanslag ${household.aanslagnummer}.`,
        en: `You get the allowance for assessment ${household.aanslagnummer}.`,
      },
    });
  });
});

describe('wait step with `signal`', () => {
  async function atPayment(env: Env, bsn: string) {
    const started = await env.engine.startCase('betaling', bsn, asCitizen(bsn));
    return await env.engine.send(
      started.id,
      { type: 'submit', data: { naam: 'Jan Jansen' } },
      { actor: asCitizen(bsn) },
    );
  }

  it("moves only the subject's case that waits for this signal, storing its facts", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const waiting = await atPayment(env, BSN);
    const notYet = await env.engine.startCase('betaling', BSN, asCitizen());
    const otherSubject = await atPayment(env, OTHER_BSN);
    const unrelated = await toeslagAtMoney(env, BSN);
    expect(await env.store.tasks.timersOf(waiting.id)).toEqual([
      { timer: 'betaling:timeout', fireAt: '2026-03-16T09:00:00.000Z', firedAt: null },
    ]);
    const untouched = await Promise.all([notYet, otherSubject, unrelated].map((r) => env.engine.getCase(r.id)));

    expect(await env.engine.signal('iets.anders', BSN, {}, 'system:psp')).toEqual({ moved: [] });
    const result = await env.engine.signal('betaling.ontvangen', BSN, { bedrag: '45,00' }, 'system:psp');
    expect(result).toEqual({ moved: [waiting.id] });

    expect(await env.engine.getCase(waiting.id)).toMatchObject({
      status: 'ended',
      step: 'verleend',
      outcome: 'granted',
    });
    expect(await dataOf(env, waiting.id)).toEqual({ naam: 'Jan Jansen', bedrag: 45 });
    expect((await env.store.cases.messages(waiting.id))[0].body.nl).toBe('Wij ontvingen € 45,00 van Jan Jansen.');
    expect(
      (await env.store.cases.audit(waiting.id)).find(
        (e) => e.type === 'event.received' && e.data.type === 'signal.betaling.ontvangen',
      ),
    ).toMatchObject({ actor: 'system:psp', data: { signal: 'betaling.ontvangen', facts: { bedrag: 45 } } });
    // Leaving the wait clears its timeout.
    expect(await env.store.tasks.timersOf(waiting.id)).toEqual([]);
    for (const row of untouched) expect(await env.engine.getCase(row.id)).toEqual(row);
  });

  it("refuses facts that do not fit the step's fields, moving nothing", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const first = await atPayment(env, BSN);
    const second = await atPayment(env, BSN);
    const before = await dump(env.store);
    const error = await engineError(
      () => env.engine.signal('betaling.ontvangen', BSN, { bedrag: 'veel' }, 'system:psp'),
      'invalid',
      'invalid-answers',
    );
    expect(error.details).toEqual({ bedrag: ['Enter an amount, like 1250 or 1250.50.'] });
    await engineError(
      () => env.engine.signal('betaling.ontvangen', BSN, {}, 'system:psp'),
      'invalid',
      'invalid-answers',
    );
    await engineError(
      () => env.engine.signal('betaling.ontvangen', BSN, { bedrag: '5', extra: 1 }, 'system:psp'),
      'invalid',
      'invalid-answers',
    );
    expect(await dump(env.store)).toEqual(before);
    // Valid facts move both of the subject's waiting cases.
    expect((await env.engine.signal('betaling.ontvangen', BSN, { bedrag: 5 }, 'system:psp')).moved.sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('takes the timeout when the signal does not come in time; a late signal moves nothing', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await atPayment(env, BSN);
    env.clock.advance(14 * 86_400_000 - 1);
    expect(await env.engine.fireDueTimers()).toBe(0);
    env.clock.advance(1);
    expect(await env.engine.fireDueTimers()).toBe(1);
    expect(await env.engine.getCase(row.id)).toMatchObject({ status: 'ended', step: 'verlopen', outcome: 'expired' });
    expect(await env.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'betaling:timeout', fireAt: '2026-03-16T09:00:00.000Z', firedAt: '2026-03-16T09:00:00.000Z' },
    ]);
    expect(await env.engine.signal('betaling.ontvangen', BSN, { bedrag: '45' }, 'system:psp')).toEqual({ moved: [] });
    expect((await env.engine.getCase(row.id)).outcome).toBe('expired');
  });
});

describe('end step', () => {
  it('ends the case with its outcome, records it, and accepts no further journey events', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'betaling', 'melding', 'wachttijd'] });
    const row = await env.engine.startCase('melding', BSN, asCitizen());
    await env.engine.send(row.id, { type: 'submit', data: { soort: 'afval' } }, { actor: asCitizen() });
    env.clock.advance(60_000);
    const ended = await env.engine.send(row.id, { type: 'submit', data: { aantal: '3' } }, { actor: asCitizen() });
    expect(ended).toMatchObject({
      status: 'ended',
      step: 'ontvangen',
      outcome: 'completed',
      endedAt: '2026-03-02T09:01:00.000Z',
    });
    expect((await auditTypes(env.store, row.id)).slice(-3)).toEqual(['step.entered', 'message.queued', 'case.ended']);
    expect((await env.store.cases.audit(row.id)).at(-1)!.data).toEqual({ outcome: 'completed', step: 'ontvangen' });
    expect((await env.store.cases.messages(row.id)).at(-1)!.body).toEqual({
      nl: 'Wij hebben uw melding ontvangen (3 zakken).',
      en: 'We received your report (3 bags).',
    });

    const before = await dump(env.store);
    await engineError(
      () => env.engine.send(row.id, { type: 'submit', data: { aantal: '4' } }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
    expect(await dump(env.store)).toEqual(before);

    const withdrawn = await toeslagAtMoney(env);
    await env.engine.send(withdrawn.id, { type: 'withdraw' }, { actor: asCitizen() });
    await engineError(
      () => env.engine.send(withdrawn.id, { type: 'withdraw' }, { actor: asCitizen() }),
      'conflict',
      'event-not-allowed',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { insights } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, freshEnv, user } from './setup.js';

const MIN = 60_000;
const household = { huishouden: 'samen', aanslagnummer: 'A-1' };
const money = (inkomen: number) => ({ inkomen, vermogen: 100, heeftAuto: false, iban: 'NL91ABNA0417164300' });

describe('insights from a known set of cases', () => {
  it('counts cases, steps, transitions, drop-off, durations, asks for a person, handoff rate, overdue tasks and feedback exactly', async () => {
    const env = await freshEnv({ at: '2026-03-02T09:00:00Z', fixtures: ['toeslag'] });
    const { engine, clock, store } = env;
    const t0 = clock.now().getTime();
    const at = (min: number) => clock.set(new Date(t0 + min * MIN));
    const cit = asCitizen();
    // A: answers after 10 and 20 more minutes; rejected by the income rule.
    at(0);
    const a = await engine.startCase('toeslag', BSN, cit);
    at(10);
    await engine.send(a.id, { type: 'submit', data: household }, { actor: cit });
    at(30);
    await engine.send(a.id, { type: 'submit', data: money(3000) }, { actor: cit });
    // B: answers the first step after 20 minutes, then withdraws at the second after 5 more.
    at(0);
    const b = await engine.startCase('toeslag', BSN, cit);
    at(20);
    await engine.send(b.id, { type: 'submit', data: household }, { actor: cit });
    at(25);
    await engine.send(b.id, { type: 'withdraw' }, { actor: cit });
    // C: answers after 30 minutes, handed off at 40, asks for a person there, granted by the official two days later.
    at(0);
    const c = await engine.startCase('toeslag', BSN, cit);
    at(30);
    await engine.send(c.id, { type: 'submit', data: household }, { actor: cit });
    at(40);
    await engine.send(c.id, { type: 'submit', data: money(1850) }, { actor: cit });
    at(50);
    await engine.send(
      c.id,
      { type: 'person.requested', data: { question: 'Wanneer?', channel: 'phone' } },
      { actor: cit },
    );
    const task = (await store.tasks.list({ caseId: c.id })).find((x) => x.kind === 'handoff')!;
    at(40 + 2 * 24 * 60);
    await engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: (await user(env, 'ann')).id });
    // D: never answers: inactive at the first step.
    at(0);
    await engine.startCase('toeslag', BSN, cit);
    await store.insights.addFeedback({
      caseId: a.id,
      key: 'toeslag',
      version: 1,
      step: 'afgewezen',
      score: 2,
      comment: 'Te ingewikkeld',
      at: clock.now().toISOString(),
    });
    await store.insights.addFeedback({
      caseId: c.id,
      key: 'toeslag',
      version: 1,
      step: 'toegekend',
      score: 5,
      comment: null,
      at: clock.now().toISOString(),
    });

    at(20 * 24 * 60); // twenty days later
    const r = await insights(store, engine, clock, 'toeslag', { version: 1, inactiveDays: 14 });
    expect(r.cases).toEqual({ started: 4, active: 1, finished: { rejected: 1, withdrawn: 1, granted: 1 } });
    const step = (id: string) => r.steps.find((s) => s.step === id)!;
    expect(step('huishouden')).toMatchObject({
      entered: 4,
      left: 3,
      dropOff: 1,
      medianMs: 20 * MIN,
      p90Ms: 30 * MIN,
      personRequests: 0,
    });
    expect(step('geldzaken')).toMatchObject({ entered: 3, left: 3, dropOff: 1, medianMs: 10 * MIN, p90Ms: 20 * MIN });
    expect(step('beoordeling')).toMatchObject({ entered: 1, left: 1, medianMs: 2 * 24 * 60 * MIN, personRequests: 1 });
    expect(step('toets')).toMatchObject({ entered: 2, left: 2, medianMs: 0 });
    const flow = Object.fromEntries(r.transitions.map((x) => [`${x.from}>${x.to}`, x.count]));
    expect(flow).toEqual({
      'huishouden>geldzaken': 3,
      'geldzaken>toets': 2,
      'geldzaken>ingetrokken': 1,
      'toets>afgewezen': 1,
      'toets>beoordeling': 1,
      'beoordeling>toekenning': 1,
      'toekenning>toegekend': 1,
    });
    expect(r.handoffRate).toBe(0.25);
    // C's request for a person (due in two days) was never answered.
    expect(r.tasksOverdue).toBe(1);
    expect(r.feedback).toMatchObject({ count: 2, average: 3.5 });
    expect(r.feedback.recent.map((x) => x.comment)).toContain('Te ingewikkeld');

    // A period filter: cases created before the period are not counted.
    const later = await insights(store, engine, clock, 'toeslag', { version: 1, from: '2026-03-03' });
    expect(later.cases.started).toBe(0);
  });

  it('counts an open handoff past its deadline as overdue', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await env.engine.startCase('toeslag', BSN, asCitizen());
    await env.engine.send(row.id, { type: 'submit', data: household }, { actor: asCitizen() });
    await env.engine.send(row.id, { type: 'submit', data: money(1850) }, { actor: asCitizen() });
    env.clock.advance(30 * 24 * 3600_000);
    expect((await insights(env.store, env.engine, env.clock, 'toeslag')).tasksOverdue).toBe(1);
  });
});

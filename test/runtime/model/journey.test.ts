import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../designer/model/simulation.js';
import { createFakeClock, createJourneyService, type Engine } from '../../../runtime/engine/index.js';
import {
  citizenFields,
  createJourney,
  dutchDate,
  todayIn,
  viewAt,
  walkDraft,
  type JourneyRecord,
  type Process,
} from '../../../runtime/model/index.js';
import type { Store } from '../../../runtime/store/index.js';
import { openEnv, tempDbFile } from '../engine/setup.js';

// A small process made for these tests: a form, a decision with two rules
// and otherwise, a second form, a handoff, three ends and a group event.
const def: Process = JSON.parse(readFileSync(new URL('../../fixtures/model/journey.json', import.meta.url), 'utf8'));
const BSN = '999993653';

/** A database with only the fixture published, at `at`. */
async function published(at = '2026-03-02T09:00:00Z') {
  const env = await openEnv((await tempDbFile()).file, at);
  await env.processes.saveDraft(def.key, def, 'test');
  await env.processes.publish(def.key, 'test');
  return env;
}

/** What the engine recorded on a case: its step and the explanations and messages, in Dutch. */
async function engineRecord(store: Store, engine: Engine, caseId: string) {
  const row = await engine.getCase(caseId);
  const explanations = (await store.cases.audit(caseId))
    .filter((e) => e.type === 'decision.made')
    .map((e) => ({
      step: e.data.step,
      rule: e.data.rule,
      because: (e.data.because as Record<string, string>).nl,
      inputs: e.data.inputs,
    }));
  const messages = (await store.cases.messages(caseId)).map((m) => `${m.subject.nl}: ${m.body.nl}`);
  return { step: row.step, outcome: row.outcome, explanations, messages };
}

const answers = {
  low: { inkomen: '850', kinderen: '1' },
  family: { inkomen: '1500', kinderen: '3' },
  review: { inkomen: '1500', kinderen: '0' },
};

describe('the journey simulator', () => {
  it('says which step comes next and what the move records, with nothing stored', () => {
    const journey = createJourney(def);
    const started = journey.start();
    expect(journey.stepAt(started.snapshot)).toBe('aanvraag');
    expect(journey.records(started.actions)).toEqual([
      { type: 'step.entered', step: 'aanvraag', journey: true, ends: false },
    ]);

    const moved = journey.next(started.snapshot, { type: 'submit', data: { inkomen: 1500, kinderen: 0 } });
    expect(moved).toMatchObject({ discard: false });
    expect(journey.stepAt(moved.snapshot)).toBe('beoordeling');
    const records = journey.records(moved.actions);
    expect(records.map((r) => r.type)).toEqual(['step.entered', 'decision.made', 'step.entered', 'task.opened']);
    expect(records[1]).toEqual({
      type: 'decision.made',
      step: 'toets',
      rule: 'otherwise',
      when: null,
      inputs: { inkomen: 1500, kinderen: 0 },
      because: { nl: 'Een medewerker bekijkt uw aanvraag.', en: 'Een medewerker bekijkt uw aanvraag.' },
      counterfactual: {
        computable: true,
        nl: 'Als ‘Inkomen per maand’ minder dan € 1.000,00 (nu: € 1.500,00) was geweest, dan was de uitkomst: Toegekend. Als ‘Aantal kinderen’ meer dan 2 (nu: 0) was geweest, dan was de uitkomst: Uw gezin.',
        en: 'Had ‘Inkomen per maand’ been less than € 1.000,00 (now: € 1.500,00), the outcome would have been: Toegekend. Had ‘Aantal kinderen’ been more than 2 (now: 0), the outcome would have been: Uw gezin.',
        alternatives: [
          { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1500, to: 1000, op: '<' }] },
          { outcome: 'gezin', changes: [{ field: 'kinderen', from: 0, to: 2, op: '>' }] },
        ],
      },
    } satisfies JourneyRecord);
    expect(records[3]).toMatchObject({
      type: 'task.opened',
      step: 'beoordeling',
      team: 'toelagen',
      due: 'P5D',
      contact: false,
      request: {},
    });

    // What the official would see there, and the group event still possible.
    expect(viewAt(journey, moved.snapshot, 'en')).toMatchObject({
      step: 'beoordeling',
      fields: undefined,
      ended: false,
      outcomes: [
        { id: 'goed', label: 'Toekennen', fields: [] },
        { id: 'fout', label: 'Afwijzen', fields: [expect.objectContaining({ id: 'reden' })] },
      ],
      events: [{ name: 'withdraw', label: 'Withdraw' }],
    });

    const ended = journey.next(moved.snapshot, {
      type: 'task.completed',
      step: 'beoordeling',
      outcome: 'fout',
      data: { reden: 'Te laat' },
    });
    expect(journey.stepAt(ended.snapshot)).toBe('afgewezen');
    expect(journey.outcomeAt('afgewezen')).toBe('rejected');
    expect(journey.outcomeAt('beoordeling')).toBeUndefined();
    expect(journey.records(ended.actions)).toEqual(
      expect.arrayContaining([
        { type: 'task.closed', step: 'beoordeling' },
        { type: 'step.entered', step: 'afgewezen', journey: true, ends: true },
        {
          type: 'message.queued',
          step: 'afgewezen',
          subject: { nl: 'Afgewezen', en: 'Afgewezen' },
          body: { nl: 'Afgewezen: Te laat', en: 'Afgewezen: Te laat' },
        },
      ]),
    );
    expect(viewAt(journey, ended.snapshot, 'nl')).toMatchObject({
      step: 'afgewezen',
      ended: true,
      outcome: 'rejected',
      events: [],
    });
  });

  it('refuses what is not possible at a step', () => {
    const journey = createJourney(def);
    const { snapshot } = journey.start();
    expect(journey.can(snapshot, { type: 'task.completed', step: 'beoordeling', outcome: 'goed' }).value).toBe(false);
    expect(journey.can(snapshot, { type: 'withdraw' }).value).toBe(true);
  });
});

describe('the designer and the engine agree', () => {
  for (const [name, given] of Object.entries(answers)) {
    it(`on the next step, the explanations and the messages (${name})`, async () => {
      const { store, engine } = await published();
      const row = await engine.startCase(def.key, BSN, 'citizen');
      await engine.send(row.id, { type: 'submit', data: given }, { actor: 'citizen' });
      const onServer = await engineRecord(store, engine, row.id);

      const sim = createSimulation(def, 'nl');
      expect(sim.submit(given)).toBeNull();
      const inBrowser = sim.state();
      expect({
        step: inBrowser.step,
        outcome: inBrowser.outcome ?? null,
        explanations: inBrowser.explanations,
        messages: inBrowser.messages,
      }).toEqual(onServer);
      expect(onServer.explanations).toHaveLength(1);
    });
  }

  it('to the end, through a handoff', async () => {
    const { store, engine } = await published();
    const row = await engine.startCase(def.key, BSN, 'citizen');
    await engine.send(row.id, { type: 'submit', data: answers.family }, { actor: 'citizen' });
    await engine.send(row.id, { type: 'submit', data: { toelichting: 'Drie kinderen' } }, { actor: 'citizen' });
    await store.accounts.addUser('ann', 'official', ['toelagen'], '2026-03-02T09:00:00Z');
    const ann = (await store.accounts.userByName('ann'))!;
    const task = (await store.tasks.list({ caseId: row.id })).find((t) => t.status === 'open')!;
    await engine.completeTask(task.id, 'goed', {}, { actor: 'user:ann', userId: ann.id });

    const sim = createSimulation(def, 'nl');
    sim.submit(answers.family);
    sim.submit({ toelichting: 'Drie kinderen' });
    expect(sim.complete('goed')).toBeNull();
    const s = sim.state();
    expect({ step: s.step, outcome: s.outcome, explanations: s.explanations, messages: s.messages }).toEqual(
      await engineRecord(store, engine, row.id),
    );
    expect(s.messages).toEqual(['Toegekend: U krijgt de toelage. Inkomen: € 1.500,00.']);
  });
});

describe("the pages' draft journey and the simulator agree", () => {
  it('on the next step for each draft, and the engine lands where the draft walk said', async () => {
    const { engine } = await published();
    const journeys = createJourneyService(engine);
    const row = await journeys.start(def.key, BSN);
    const journey = createJourney(def);
    const start = journey.start().snapshot;

    // The simulator's step by step, and the service's draft walk.
    const first = await journeys.saveStep(row, 'aanvraag', { inkomen: 1500, kinderen: 3 });
    const next = journey.next(start, { type: 'submit', data: { inkomen: 1500, kinderen: 3 } });
    expect(first.next).toBe(journey.stepAt(next.snapshot));
    expect(first.next).toBe('gezin');

    const second = await journeys.saveStep(row, 'gezin', { toelichting: 'Drie kinderen' });
    expect(second).toEqual({ ...walkDraft(journey, start, second.steps), next: null });
    expect(second.steps.map((s) => s.step)).toEqual(['aanvraag', 'gezin']);
    expect(await journeys.dataBefore(row, 'gezin')).toEqual({ inkomen: 1500, kinderen: 3 });

    // A changed answer takes another route: the step no longer on the path is cut.
    const changed = await journeys.saveStep(row, 'aanvraag', { inkomen: 1500, kinderen: 0 });
    expect(changed).toEqual(walkDraft(journey, start, [{ step: 'aanvraag', values: { inkomen: 1500, kinderen: 0 } }]));
    expect(changed.steps.map((s) => s.step)).toEqual(['aanvraag']);
    expect(await journeys.where(row)).toEqual(changed);
    expect(journeys.back(await journeys.draft(row), 'aanvraag')).toBeUndefined();

    const predicted = journey.stepAt(
      journey.next(start, { type: 'submit', data: { inkomen: 1500, kinderen: 0 } }).snapshot,
    );
    expect(await journeys.submit(row, 'nl')).toBe(true);
    expect((await engine.getCase(row.id)).step).toBe(predicted);
    expect(await journeys.draft(row)).toEqual({ steps: [] });
    expect(await journeys.submit(await engine.getCase(row.id), 'nl')).toBe(false);
  });
});

describe('today in Dutch time', () => {
  // 23:30 UTC on 14 July is 01:30 on 15 July in Amsterdam (summer time, UTC+2).
  const LATE = '2026-07-14T23:30:00Z';

  it('is the date in Amsterdam, not in UTC', () => {
    expect(todayIn(createFakeClock(LATE))).toBe('2026-07-15');
    expect(dutchDate(new Date(LATE))).toBe('2026-07-15');
    expect(new Date(LATE).toISOString().slice(0, 10)).toBe('2026-07-14');
    // In winter (UTC+1) too, and not before midnight in Amsterdam.
    expect(todayIn(createFakeClock('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(todayIn(createFakeClock('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
  });

  it('is the same for the engine, the pages and the designer: a date "not after today" accepts the Dutch date', async () => {
    const { engine } = await published(LATE);
    const clock = createFakeClock(LATE);
    const journeys = createJourneyService(engine);
    const fields = citizenFields(def, 'aanvraag')!;
    for (const [date, ok] of [
      ['2026-07-15', true],
      ['2026-07-16', false],
    ] as const) {
      const given = { ...answers.review, sinds: date };
      const page = journeys.validate(fields, given, {}, 'nl');
      const sim = createSimulation(def, 'nl', {}, clock).submit(given);
      const row = await engine.startCase(def.key, BSN, 'citizen');
      let server: unknown = null;
      try {
        await engine.send(row.id, { type: 'submit', data: given }, { actor: 'citizen' });
      } catch (error) {
        server = (error as { details?: unknown }).details;
      }
      expect({ page: page.errors, sim, server }).toEqual(
        ok
          ? { page: {}, sim: null, server: null }
          : { page: { sinds: expect.any(Array) }, sim: page.errors, server: page.errors },
      );
    }
  });
});

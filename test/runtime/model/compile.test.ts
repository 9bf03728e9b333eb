import { describe, expect, it } from 'vitest';
import { createMachine, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  CONTACT_STEP,
  checkDefinition,
  compileToConfig,
  createCaseMachine,
  groupChain,
  type CaseEvent,
  type CaseMachine,
  type Process,
} from '../../../runtime/model/index.js';
import { timeoutTimer } from '../../../runtime/model/steps/wait.js';
import base from '../../fixtures/model/base.json';
import { fixtureProcess } from '../../helpers/fixtures.js';

const load = (def: unknown): Process => {
  const { process, problems } = checkDefinition(def);
  expect(problems).toEqual([]);
  return process!;
};
const kwijt = load(fixtureProcess('toeslag'));
const grof = load(fixtureProcess('ophalen'));
const basis = load(base);

type Action = { type: string; params?: Record<string, unknown> };
type Snapshot = SnapshotFrom<CaseMachine>;

/** The step the journey rests at: the innermost active state of the journey region. */
function stepOf(snapshot: { value: unknown }): string {
  let v: unknown = (snapshot.value as { journey: unknown }).journey;
  while (v && typeof v === 'object') v = Object.values(v as object)[0];
  return v as string;
}
const contactOf = (snapshot: { value: unknown }) => (snapshot.value as { contact: string }).contact;

/** A small driver over XState's pure transition functions. */
function start(process: Process, data: Record<string, unknown> = {}) {
  const machine = createCaseMachine(compileToConfig(process));
  const [snapshot, actions] = initialTransition(machine, { data } as never);
  return { machine, snapshot: snapshot as Snapshot, actions: actions as Action[] };
}
function send(machine: CaseMachine, snapshot: Snapshot, event: CaseEvent) {
  const [next, actions] = transition(machine, snapshot as never, event as never);
  return { snapshot: next as Snapshot, actions: actions as Action[] };
}
/** Sends events one after another; returns the last snapshot and every action on the way. */
function run(process: Process, events: CaseEvent[], data: Record<string, unknown> = {}) {
  const first = start(process, data);
  let snapshot = first.snapshot;
  const actions = [...first.actions];
  for (const event of events) {
    const next = send(first.machine, snapshot, event);
    snapshot = next.snapshot;
    actions.push(...next.actions);
  }
  return { machine: first.machine, snapshot, actions };
}
const ofType = (actions: Action[], type: string) => actions.filter((a) => a.type === type).map((a) => a.params);

/** Walks a value and lists what JSON cannot carry (functions, undefined, symbols, class instances). */
function nonJson(value: unknown, path = '$'): string[] {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJson(v, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as object).flatMap(([k, v]) => nonJson(v, `${path}.${k}`));
  }
  return [`${path}: ${typeof value}`];
}

// Answers that make each rule of the toeslag fixture's decision hold (first match wins).
const huishouden = { huishouden: 'alleenstaand', aanslagnummer: 'A-123' };
const geld = { vermogen: 0, heeftAuto: false, iban: 'NL91ABNA0417164300' };
const kwijtAnswers = {
  vermogen: { ...geld, inkomen: 1000, vermogen: 3000 }, // rule 0
  auto: { ...geld, inkomen: 1000, heeftAuto: true, autoWaarde: 4000 }, // rule 1
  hoogInkomen: { ...geld, inkomen: 1600 }, // rule 2: above 1400 + 100
  laagInkomen: { ...geld, inkomen: 1200 }, // rule 3: below 1400 - 100
  dichtbij: { ...geld, inkomen: 1400 }, // otherwise
};

describe('compileToConfig', () => {
  it.each([
    ['toeslag', kwijt],
    ['ophalen', grof],
    ['base', basis],
  ])('is deterministic and plain JSON (%s)', (_, process) => {
    const config = compileToConfig(process);
    expect(compileToConfig(process)).toStrictEqual(config);
    expect(compileToConfig(structuredClone(process))).toStrictEqual(config);
    expect(nonJson(config)).toEqual([]);
    // What nonJson cannot see: a JSON round trip would turn NaN or Infinity into null, and drop undefined.
    expect(JSON.parse(JSON.stringify(config))).toStrictEqual(config);
    expect(JSON.stringify(compileToConfig(process))).toBe(JSON.stringify(config));
  });

  it('does not change the definition it compiles', () => {
    const copy = structuredClone(kwijt);
    compileToConfig(kwijt);
    expect(kwijt).toStrictEqual(copy);
  });

  it.each([
    ['toeslag', kwijt],
    ['ophalen', grof],
    ['base', basis],
  ])('is accepted by plain createMachine() after a JSON round trip (%s)', (_, process) => {
    const json = JSON.parse(JSON.stringify(compileToConfig(process)));
    const machine = createMachine(json);
    expect(machine.id).toBe(process.key);
    for (const id of Object.keys(process.steps)) expect(machine.getStateNodeById(id).key).toBe(id);
    for (const id of Object.keys(process.groups ?? {})) expect(machine.getStateNodeById(id).key).toBe(id);
    expect(
      machine.getStateNodeById(Object.keys(process.steps).find((id) => process.steps[id].kind === 'end')!).type,
    ).toBe('final');
  });

  it('makes groups compound states with their events, and ends final states outside any group', () => {
    const config = compileToConfig(kwijt);
    const journey = config.states!.journey;
    expect(journey.initial).toBe('aanvraag');
    const group = journey.states!.aanvraag;
    expect(group.initial).toBe('huishouden');
    expect(Object.keys(group.states!)).toEqual(['huishouden', 'geldzaken', 'toets', 'beoordeling']);
    expect(group.on).toEqual({ withdraw: { target: '#ingetrokken' } });
    for (const end of ['toegekend', 'afgewezen', 'ingetrokken']) expect(journey.states![end].type).toBe('final');
    expect(journey.states!.toekenning.always).toEqual({ target: '#toegekend' });
  });

  it('uses the contact team and due of the definition for "ask for a person"', () => {
    const contact = compileToConfig(kwijt).states!.contact;
    expect(contact.states!.requested.entry).toEqual([
      { type: 'openTask', params: { step: CONTACT_STEP, team: 'klantcontact', due: 'P2D', kind: 'contact' } },
    ]);
    const withoutContact = structuredClone(kwijt);
    delete withoutContact.contact;
    expect(compileToConfig(withoutContact).states!.contact.states!.idle.on).toEqual({});
  });

  it('starts in the start step even when it is not the first step of its (nested) group', () => {
    const def = structuredClone(base) as Record<string, any>;
    def.groups = {
      buiten: { title: 'Buiten', on: { stop: { goto: 'ingetrokken', label: 'Stoppen' } } },
      fase: { title: 'Fase', group: 'buiten', on: def.groups.fase.on },
    };
    // put the decision before the start step in the group
    const { aanvraag, ...rest } = def.steps;
    def.steps = { ...rest, aanvraag };
    const process = load(def);
    expect(groupChain(process, 'fase')).toEqual(['fase', 'buiten']);
    const { machine, snapshot } = start(process);
    expect(snapshot.value).toEqual({ journey: { buiten: { fase: 'aanvraag' } }, contact: 'idle' });
    expect(stepOf(send(machine, snapshot, { type: 'stop' }).snapshot)).toBe('ingetrokken');
    expect(stepOf(send(machine, snapshot, { type: 'withdraw' }).snapshot)).toBe('ingetrokken');
  });
});

describe('a toeslag case (form, form, decision, review)', () => {
  it('starts at the first form with the input data', () => {
    const { snapshot, actions } = start(kwijt, { bsn: '999993653' });
    expect(snapshot.value).toEqual({ journey: { aanvraag: 'huishouden' }, contact: 'idle' });
    expect(snapshot.context).toEqual({ data: { bsn: '999993653' } });
    expect(snapshot.hasTag('form')).toBe(true);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'entered', params: { step: 'huishouden' } }));
  });

  it('goes form → form → decision → handoff when the income is close to the norm', () => {
    const first = start(kwijt);
    const second = send(first.machine, first.snapshot, { type: 'submit', data: huishouden });
    expect(stepOf(second.snapshot)).toBe('geldzaken');
    expect(second.snapshot.context.data).toEqual(huishouden);
    const third = send(first.machine, second.snapshot, { type: 'submit', data: kwijtAnswers.dichtbij });
    expect(stepOf(third.snapshot)).toBe('beoordeling');
    expect(third.snapshot.hasTag('handoff')).toBe(true);
    expect(third.actions.map((a) => a.type)).toEqual(['entered', 'explain', 'entered', 'openTask']);
    expect(ofType(third.actions, 'entered')).toEqual([{ step: 'toets' }, { step: 'beoordeling' }]);
    expect(ofType(third.actions, 'explain')).toEqual([
      {
        step: 'toets',
        rule: 'otherwise',
        because: kwijt.steps.toets.kind === 'decision' && kwijt.steps.toets.otherwise!.because,
        inputs: ['vermogen', 'heeftAuto', 'autoWaarde', 'inkomen', 'huishouden'],
      },
    ]);
    expect(ofType(third.actions, 'openTask')).toEqual([
      { step: 'beoordeling', team: 'belastingen', due: { workingDays: 8 }, kind: 'handoff', escalate: {} },
    ]);
    expect(third.snapshot.context.data).toEqual({ ...huishouden, ...kwijtAnswers.dichtbij });
  });

  it.each([
    ['vermogen', kwijtAnswers.vermogen, 0, 'afgewezen', ['vermogen']],
    ['auto', kwijtAnswers.auto, 1, 'afgewezen', ['heeftAuto', 'autoWaarde']],
    ['hoog inkomen', kwijtAnswers.hoogInkomen, 2, 'afgewezen', ['inkomen', 'huishouden']],
    ['laag inkomen', kwijtAnswers.laagInkomen, 3, 'toegekend', ['inkomen', 'huishouden']],
  ] as const)('decides by the rules: %s', (_, answers, rule, end, inputs) => {
    const { snapshot, actions } = run(kwijt, [
      { type: 'submit', data: huishouden },
      { type: 'submit', data: answers },
    ]);
    expect(stepOf(snapshot)).toBe(end);
    expect(snapshot.hasTag('end')).toBe(true);
    const explained = ofType(actions, 'explain');
    expect(explained).toHaveLength(1);
    const decision = kwijt.steps.toets;
    if (decision.kind !== 'decision') throw new Error('toets is a decision');
    expect(explained[0]).toEqual({
      step: 'toets',
      rule,
      when: decision.rules[rule].when,
      because: decision.rules[rule].because,
      inputs,
    });
    expect(ofType(actions, 'openTask')).toEqual([]);
  });

  it('a household with a higher norm is decided differently for the same income', () => {
    const samen = run(kwijt, [
      { type: 'submit', data: { ...huishouden, huishouden: 'samen' } },
      { type: 'submit', data: kwijtAnswers.hoogInkomen },
    ]);
    // 1600 is below 1900 - 100 for a couple
    expect(stepOf(samen.snapshot)).toBe('toegekend');
    const ouder = run(kwijt, [
      { type: 'submit', data: { ...huishouden, huishouden: 'alleenstaande-ouder' } },
      { type: 'submit', data: kwijtAnswers.hoogInkomen },
    ]);
    expect(stepOf(ouder.snapshot)).toBe('beoordeling');
  });

  it('queues the granted message and the end message on the way to granted', () => {
    const { actions } = run(kwijt, [
      { type: 'submit', data: huishouden },
      { type: 'submit', data: kwijtAnswers.laagInkomen },
    ]);
    expect(ofType(actions, 'queueMessage').map((p) => p!.step)).toEqual(['toekenning', 'toegekend']);
  });

  it('finishes the handoff by its outcomes, saving the outcome fields and closing the task', () => {
    const atHandoff = run(kwijt, [
      { type: 'submit', data: huishouden },
      { type: 'submit', data: kwijtAnswers.dichtbij },
    ]);
    const granted = send(atHandoff.machine, atHandoff.snapshot, {
      type: 'task.completed',
      step: 'beoordeling',
      outcome: 'toekennen',
    });
    expect(stepOf(granted.snapshot)).toBe('toegekend');
    expect(ofType(granted.actions, 'closeTask')).toEqual([{ step: 'beoordeling' }]);
    const rejected = send(atHandoff.machine, atHandoff.snapshot, {
      type: 'task.completed',
      step: 'beoordeling',
      outcome: 'afwijzen',
      data: { reden: 'Te veel vaste lasten.' },
    });
    expect(stepOf(rejected.snapshot)).toBe('afgewezen');
    expect(rejected.snapshot.context.data.reden).toBe('Te veel vaste lasten.');
    expect(rejected.snapshot.context.data.inkomen).toBe(1400);
  });

  it('ignores a completed task of another step or with an unknown outcome', () => {
    const atHandoff = run(kwijt, [
      { type: 'submit', data: huishouden },
      { type: 'submit', data: kwijtAnswers.dichtbij },
    ]);
    for (const event of [
      { type: 'task.completed', step: 'andere', outcome: 'toekennen' },
      { type: 'task.completed', step: 'beoordeling', outcome: 'misschien' },
    ] as CaseEvent[]) {
      expect(atHandoff.snapshot.can(event as never)).toBe(false);
      const next = send(atHandoff.machine, atHandoff.snapshot, event);
      expect(next.snapshot.value).toEqual(atHandoff.snapshot.value);
      expect(next.actions).toEqual([]);
    }
  });

  it('drops cleared answers when saving', () => {
    const { snapshot } = run(kwijt, [{ type: 'submit', data: huishouden }], { autoWaarde: 4000, vermogen: 1 });
    const next = send(createCaseMachine(compileToConfig(kwijt)), snapshot, {
      type: 'submit',
      data: { ...geld, inkomen: 1400 },
      cleared: ['autoWaarde'],
    });
    expect(next.snapshot.context.data).not.toHaveProperty('autoWaarde');
    expect(stepOf(next.snapshot)).toBe('beoordeling');
  });

  it('routes on the submitted answers (form next with conditions)', () => {
    const high = run(basis, [{ type: 'submit', data: { naam: 'Jan', bedrag: 5000, soort: 'b' } }]);
    expect(stepOf(high.snapshot)).toBe('beoordeling');
    const low = run(basis, [{ type: 'submit', data: { naam: 'Jan', bedrag: 50, soort: 'a' } }]);
    expect(stepOf(low.snapshot)).toBe('wacht');
  });

  describe('withdraw', () => {
    const routes: [string, CaseEvent[]][] = [
      ['huishouden', []],
      ['geldzaken', [{ type: 'submit', data: huishouden }]],
      [
        'beoordeling',
        [
          { type: 'submit', data: huishouden },
          { type: 'submit', data: kwijtAnswers.dichtbij },
        ],
      ],
    ];

    it.each(routes)('works from %s (every resting step of the group)', (step, events) => {
      const at = run(kwijt, events);
      expect(stepOf(at.snapshot)).toBe(step);
      expect(at.snapshot.can({ type: 'withdraw' } as never)).toBe(true);
      const next = send(at.machine, at.snapshot, { type: 'withdraw' });
      expect(stepOf(next.snapshot)).toBe('ingetrokken');
      expect(next.snapshot.hasTag('end')).toBe(true);
      expect(ofType(next.actions, 'queueMessage').map((p) => p!.step)).toEqual(['ingetrokken']);
      if (step === 'beoordeling') expect(ofType(next.actions, 'closeTask')).toEqual([{ step: 'beoordeling' }]);
    });

    it('covers every step of the group', () => {
      const inGroup = Object.entries(kwijt.steps)
        .filter(([, s]) => s.group === 'aanvraag')
        .map(([id]) => id);
      const transient = inGroup.filter((id) => kwijt.steps[id].kind === 'decision');
      expect([...routes.map(([s]) => s), ...transient].sort()).toEqual(inGroup.sort());
    });

    it('is not possible once the case has ended', () => {
      const ended = run(kwijt, [
        { type: 'submit', data: huishouden },
        { type: 'submit', data: kwijtAnswers.laagInkomen },
      ]);
      expect(ended.snapshot.can({ type: 'withdraw' } as never)).toBe(false);
      expect(stepOf(send(ended.machine, ended.snapshot, { type: 'withdraw' }).snapshot)).toBe('toegekend');
    });
  });

  describe('ask for a person', () => {
    const answered: CaseEvent = { type: 'task.completed', step: CONTACT_STEP, outcome: 'answered' };

    it.each([
      ['huishouden', []],
      ['geldzaken', [{ type: 'submit', data: huishouden }]],
      [
        'beoordeling',
        [
          { type: 'submit', data: huishouden },
          { type: 'submit', data: kwijtAnswers.dichtbij },
        ],
      ],
    ] as [string, CaseEvent[]][])('works from %s and returns the citizen where they were', (step, events) => {
      const at = run(kwijt, events, { bsn: '999993653' });
      const data = at.snapshot.context.data;
      const asked = send(at.machine, at.snapshot, { type: 'person.requested' });
      expect(stepOf(asked.snapshot)).toBe(step);
      expect(contactOf(asked.snapshot)).toBe('requested');
      expect(ofType(asked.actions, 'openTask')).toEqual([
        { step: CONTACT_STEP, team: 'klantcontact', due: 'P2D', kind: 'contact' },
      ]);
      // only the contact task opens: the journey's own step is not entered again
      expect(ofType(asked.actions, 'entered')).toEqual([{ step: CONTACT_STEP }]);
      expect(asked.snapshot.can({ type: 'person.requested' } as never)).toBe(false);

      const back = send(at.machine, asked.snapshot, answered);
      expect(stepOf(back.snapshot)).toBe(step);
      expect(back.snapshot.value).toEqual(at.snapshot.value);
      expect(back.snapshot.context.data).toEqual(data);
      expect(ofType(back.actions, 'closeTask')).toEqual([{ step: CONTACT_STEP }]);
      expect(ofType(back.actions, 'entered')).toEqual([]);
    });

    it('does not block the journey meanwhile', () => {
      const asked = run(kwijt, [
        { type: 'person.requested' },
        { type: 'submit', data: huishouden },
        { type: 'submit', data: kwijtAnswers.dichtbij },
      ]);
      expect(stepOf(asked.snapshot)).toBe('beoordeling');
      expect(contactOf(asked.snapshot)).toBe('requested');
      // the contact answer does not finish the handoff, and the handoff outcome does not close the contact task
      const back = send(asked.machine, asked.snapshot, answered);
      expect(stepOf(back.snapshot)).toBe('beoordeling');
      expect(contactOf(back.snapshot)).toBe('idle');
      const decided = send(asked.machine, asked.snapshot, {
        type: 'task.completed',
        step: 'beoordeling',
        outcome: 'toekennen',
      });
      expect(stepOf(decided.snapshot)).toBe('toegekend');
      expect(contactOf(decided.snapshot)).toBe('requested');
    });

    it('is not offered without a contact team', () => {
      const withoutContact = structuredClone(kwijt);
      delete withoutContact.contact;
      const { snapshot } = start(withoutContact);
      expect(snapshot.can({ type: 'person.requested' } as never)).toBe(false);
    });
  });
});

describe('waits, signals and messages (base fixture)', () => {
  const toWacht: CaseEvent[] = [{ type: 'submit', data: { naam: 'Jan', bedrag: 50, soort: 'a' } }];

  it('opens timers on entry and goes on when the signal comes, saving its facts', () => {
    const first = start(basis);
    const atWacht = send(first.machine, first.snapshot, toWacht[0]);
    expect(stepOf(atWacht.snapshot)).toBe('wacht');
    expect(ofType(atWacht.actions, 'setTimer')).toEqual([{ timer: timeoutTimer('wacht'), after: 'P14D' }]);
    const signalled = send(first.machine, atWacht.snapshot, {
      type: 'signal.brp.bevestigd',
      data: { adresBevestigd: true },
    });
    expect(stepOf(signalled.snapshot)).toBe('pauze');
    expect(signalled.snapshot.context.data.adresBevestigd).toBe(true);
    expect(ofType(signalled.actions, 'clearTimer')).toEqual([{ timer: timeoutTimer('wacht') }]);
    expect(ofType(signalled.actions, 'queueMessage')).toEqual([
      {
        step: 'bericht',
        subject: 'Uw aanvraag',
        body: { nl: 'Beste {{naam}}, wij gaan aan de slag.', en: 'Dear {{naam}}, we are on it.' },
      },
    ]);
    expect(ofType(signalled.actions, 'setTimer')).toEqual([{ timer: 'pauze', after: 'P1D' }]);
  });

  it('takes the timeout when its timer fires, and only that timer', () => {
    const atWacht = run(basis, toWacht);
    expect(atWacht.snapshot.can({ type: 'timer.fired', timer: 'pauze' } as never)).toBe(false);
    const timedOut = send(atWacht.machine, atWacht.snapshot, { type: 'timer.fired', timer: timeoutTimer('wacht') });
    expect(stepOf(timedOut.snapshot)).toBe('afgewezen');
  });

  it('goes on after a waiting time', () => {
    const atPauze = run(basis, [...toWacht, { type: 'signal.brp.bevestigd' }]);
    expect(
      stepOf(send(atPauze.machine, atPauze.snapshot, { type: 'timer.fired', timer: timeoutTimer('wacht') }).snapshot),
    ).toBe('pauze');
    const done = send(atPauze.machine, atPauze.snapshot, { type: 'timer.fired', timer: 'pauze' });
    expect(stepOf(done.snapshot)).toBe('klaar');
    expect(ofType(done.actions, 'clearTimer')).toEqual([{ timer: 'pauze' }]);
  });
});

/**
 * Sample events per resting step, derived from the definition: submits with
 * the given answers for forms, each outcome for handoffs, timers and signals
 * for waits, the events of the enclosing groups, and "ask for a person".
 */
function sampleEvents(
  process: Process,
  answers: Record<string, Record<string, unknown>[]>,
  outcomeData: Record<string, Record<string, unknown>> = {},
) {
  return (snapshot: Snapshot): CaseEvent[] => {
    const id = stepOf(snapshot);
    const step = process.steps[id];
    const events: CaseEvent[] = [];
    if (step.kind === 'form') for (const data of answers[id] ?? []) events.push({ type: 'submit', data });
    if (step.kind === 'handoff')
      for (const o of step.outcomes)
        events.push({
          type: 'task.completed',
          step: id,
          outcome: o.id,
          ...(outcomeData[o.id] ? { data: outcomeData[o.id] } : {}),
        });
    if (step.kind === 'wait') {
      if (step.for) events.push({ type: 'timer.fired', timer: id });
      if (step.timeout) events.push({ type: 'timer.fired', timer: timeoutTimer(id) });
      if (step.signal) events.push({ type: `signal.${step.signal}`, data: {} });
    }
    if (step.kind !== 'end')
      for (const g of groupChain(process, step.group))
        for (const event of Object.keys(process.groups![g].on ?? {})) events.push({ type: event });
    events.push(
      contactOf(snapshot) === 'idle'
        ? { type: 'person.requested' }
        : { type: 'task.completed', step: CONTACT_STEP, outcome: 'answered' },
    );
    return events;
  };
}

type Example = {
  name: string;
  process: Process;
  answers: Record<string, Record<string, unknown>[]>;
  outcomeData: Record<string, Record<string, unknown>>;
};

describe.each<Example>([
  {
    name: 'toeslag',
    process: kwijt,
    answers: {
      huishouden: [
        huishouden,
        { ...huishouden, huishouden: 'samen' },
        { ...huishouden, huishouden: 'alleenstaande-ouder' },
      ],
      geldzaken: Object.values(kwijtAnswers),
    },
    outcomeData: { afwijzen: { reden: 'Te hoge vaste lasten.' } },
  },
  {
    name: 'ophalen',
    process: grof,
    answers: {
      ophaalverzoek: [
        { postcode: '1234 AB', huisnummer: '1', spullen: ['matras'], ophaaldatum: '2030-01-07' },
        {
          postcode: '1234 AB',
          huisnummer: '1',
          spullen: ['overig'],
          toelichting: 'Een kast',
          ophaaldatum: '2030-01-07',
        },
      ],
    },
    outcomeData: {},
  },
  {
    name: 'base fixture',
    process: basis,
    answers: {
      aanvraag: [
        { naam: 'Jan', bedrag: 5000, soort: 'a' },
        { naam: 'Jan', bedrag: 50, soort: 'a' },
        { naam: 'Jan', bedrag: 50, soort: 'b' },
      ],
    },
    outcomeData: { fout: { reden: 'Onvolledig.' } },
  },
])('every path of $name', ({ process, answers, outcomeData }) => {
  const machine = createCaseMachine(compileToConfig(process));
  const events = sampleEvents(process, answers, outcomeData);
  const paths = getShortestPaths(machine, { events: events as never, input: { data: {} } as never });
  const ends = Object.keys(process.steps).filter((id) => process.steps[id].kind === 'end');
  const resting = (id: string) => !['decision', 'message'].includes(process.steps[id].kind);

  it('explores a finite graph of more than the start', () => {
    expect(paths.length).toBeGreaterThan(ends.length);
  });

  it('reaches each end step on some path', () => {
    const reached = new Set(paths.map((p) => stepOf(p.state)));
    for (const end of ends) expect(reached, `end '${end}'`).toContain(end);
  });

  it('visits every resting step', () => {
    const visited = new Set(paths.flatMap((p) => [p.state, ...p.steps.map((s) => s.state)]).map(stepOf));
    for (const id of Object.keys(process.steps).filter(resting)) expect(visited, `step '${id}'`).toContain(id);
  });

  it('never rests in a decision or a message step', () => {
    for (const p of paths) expect(resting(stepOf(p.state)), stepOf(p.state)).toBe(true);
  });

  it('stops only in end steps: every other state has an event that moves it', () => {
    for (const p of paths) {
      const id = stepOf(p.state);
      if (process.steps[id].kind === 'end') {
        expect(p.state.hasTag('end')).toBe(true);
        // the journey is final: none of its own events moves it any more
        for (const event of events(p.state).filter((e) => !['person.requested', 'task.completed'].includes(e.type))) {
          expect(p.state.can(event as never)).toBe(false);
        }
        continue;
      }
      const moving = events(p.state)
        .filter(
          (e) =>
            e.type !== 'person.requested' &&
            !(e.type === 'task.completed' && (e as { step?: string }).step === CONTACT_STEP),
        )
        .filter((e) => stepOf(transition(machine, p.state as never, e as never)[0] as Snapshot) !== id);
      expect(moving.length, `no way on from '${id}'`).toBeGreaterThan(0);
    }
  });

  it('keeps the journey where it was when only the contact region moves', () => {
    for (const p of paths) {
      for (const event of events(p.state).filter(
        (e) =>
          e.type === 'person.requested' ||
          (e.type === 'task.completed' && (e as { step?: string }).step === CONTACT_STEP),
      )) {
        const [next] = transition(machine, p.state as never, event as never);
        expect(stepOf(next as Snapshot)).toBe(stepOf(p.state));
        expect((next as Snapshot).context).toEqual(p.state.context);
      }
    }
  });
});

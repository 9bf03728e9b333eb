import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import {
  checkDefinition,
  compileToConfig,
  createCaseMachine,
  importBpmn,
  mermaidId,
  mermaidLabel,
  stepKind,
  stepOf,
  t,
  toMermaid,
  type BpmnImport,
  type CaseEvent,
  type CaseMachine,
  type DecisionStep,
  type Lang,
  type Process,
} from '../../../runtime/model/index.js';
import { timeoutTimer } from '../../../runtime/model/steps/wait.js';
import { fixtureProcess, type FixtureName } from '../../helpers/fixtures.js';

const roundTripped: FixtureName[] = ['toeslag', 'ophalen', 'pas', 'tabeltoets', 'wachttijd', 'betaling'];
const loadFixture = (name: FixtureName): Process => {
  const { process, problems } = checkDefinition(fixtureProcess(name));
  expect(problems).toEqual([]);
  return process!;
};
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const fixtures = ['factuur-goedkeuren.bpmn', 'standplaats-wachten.bpmn', 'melding-servicetaak.bpmn'];

type Action = { type: string; params?: Record<string, unknown> };
type Snapshot = SnapshotFrom<CaseMachine>;

/** Runs a case of a definition with XState's pure transition functions; returns where it rests and every action on the way. */
function runCase(def: Process, events: CaseEvent[]) {
  const machine = createCaseMachine(compileToConfig(def));
  const [first, firstActions] = initialTransition(machine, { data: {} } as never);
  let snapshot = first as Snapshot;
  const actions = [...(firstActions as Action[])];
  const steps = [stepOf(snapshot.value)];
  for (const event of events) {
    const [next, more] = transition(machine, snapshot as never, event as never);
    snapshot = next as Snapshot;
    actions.push(...(more as Action[]));
    steps.push(stepOf(snapshot.value));
  }
  return { step: stepOf(snapshot.value), steps, snapshot, actions, ended: snapshot.hasTag('end') };
}
const paramsOf = (actions: Action[], type: string) => actions.filter((a) => a.type === type).map((a) => a.params);

// ---------------------------------------------------------------------------------------------
// Mermaid

const transitions = (m: string) =>
  m
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes(' --> '));
const stateLines = (m: string) =>
  m
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('state "'));
/** The lines inside a composite state's braces (nested blocks included). */
function blockOf(m: string, id: string): string[] {
  const lines = m.split('\n').map((l) => l.trim());
  const open = lines.findIndex((l) => l.startsWith('state "') && l.endsWith(` as ${mermaidId(id)} {`));
  expect(open, `composite state ${id}`).toBeGreaterThanOrEqual(0);
  let depth = 1;
  const inside: string[] = [];
  for (const line of lines.slice(open + 1)) {
    if (line.endsWith('{')) depth++;
    if (line === '}') depth--;
    if (depth === 0) break;
    inside.push(line);
  }
  return inside;
}
/** The lines outside every composite state. */
function topLevel(m: string): string[] {
  let depth = 0;
  const top: string[] = [];
  for (const line of m.split('\n').map((l) => l.trim())) {
    if (line === '}') depth--;
    else if (depth === 0) top.push(line);
    if (line.endsWith('{')) depth++;
  }
  return top;
}
/** What each transition line must be: every edge of every step kind, every group event, the starts and the ends. */
function expectedTransitions(def: Process, lang: Lang = 'nl'): string[] {
  const arrow = (from: string, to: string, label?: string) =>
    `${from} --> ${to}${label ? ` : ${mermaidLabel(label)}` : ''}`;
  return [
    arrow('[*]', mermaidId(def.start)),
    ...(def.triggers ?? []).map((tr) => arrow('[*]', mermaidId(tr.start), tr.signal)),
    ...Object.entries(def.steps).flatMap(([id, step]) =>
      stepKind(step.kind)
        .edges(step)
        .map((e) => arrow(mermaidId(id), mermaidId(e.to), e.label === undefined ? undefined : t(e.label, lang))),
    ),
    ...Object.entries(def.groups ?? {}).flatMap(([g, group]) =>
      Object.values(group.on ?? {}).map((on) => arrow(mermaidId(g), mermaidId(on.goto), t(on.label, lang))),
    ),
    ...Object.entries(def.steps)
      .filter(([, s]) => s.kind === 'end')
      .map(([id]) => arrow(mermaidId(id), '[*]')),
  ];
}
/** Labels (after ' : ') and state descriptions (between the quotes) of a diagram. */
function labelsOf(m: string): string[] {
  const edgeLabels = transitions(m)
    .filter((l) => l.includes(' : '))
    .map((l) => l.slice(l.indexOf(' : ') + 3));
  const descriptions = stateLines(m).map((l) => /^state "(.*)" as [^\s{]+( \{)?$/.exec(l)?.[1] ?? `UNPARSED ${l}`);
  return [...edgeLabels, ...descriptions];
}

describe('toMermaid', () => {
  const kwijt = loadFixture('toeslag');
  const grof = loadFixture('ophalen');

  it.each([
    ['toeslag', kwijt],
    ['ophalen', grof],
  ] as const)('has one state per step and group, with its title (%s)', (_, def) => {
    const m = toMermaid(def);
    expect(m.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const [id, step] of Object.entries(def.steps))
      expect(m).toContain(`state "${mermaidLabel(t(step.title))}" as ${mermaidId(id)}`);
    expect(stateLines(m)).toHaveLength(Object.keys(def.steps).length + Object.keys(def.groups ?? {}).length);
  });

  it.each([
    ['toeslag', kwijt],
    ['ophalen', grof],
  ] as const)('has every edge with its label, the start and the ends, and nothing else (%s)', (_, def) => {
    const m = toMermaid(def);
    expect([...transitions(m)].sort()).toEqual([...expectedTransitions(def)].sort());
  });

  it('draws a form, decision and review process (toeslag) as the reader expects: rules with their reasons, outcomes, the group event, [*] in and out', () => {
    const lines = transitions(toMermaid(kwijt));
    expect(lines[0]).toBe('[*] --> huishouden');
    expect(lines).toContain('huishouden --> geldzaken');
    expect(lines).toContain('toets --> afgewezen : Uw auto is meer waard dan € 3.000.');
    // A {{placeholder}} keeps its name; the braces go.
    expect(lines).toContain(
      'toets --> afgewezen : Uw spaargeld en bezittingen (vermogen) zijn hoger dan € 2.500. Dan kunt u de belasting betalen.',
    );
    expect(lines).toContain(
      'toets --> beoordeling : Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
    );
    expect(lines).toContain('beoordeling --> toekenning : Toeslag toekennen');
    expect(lines).toContain('beoordeling --> afgewezen : Afwijzen');
    expect(lines).toContain('aanvraag --> ingetrokken : Aanvraag intrekken');
    for (const end of ['toegekend', 'afgewezen', 'ingetrokken']) expect(lines).toContain(`${end} --> [*]`);
    expect(lines.filter((l) => l.endsWith('--> [*]'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('[*] -->'))).toEqual(['[*] --> huishouden']);
  });

  it('makes the group a composite state around its steps; ends and steps outside it stay outside', () => {
    const m = toMermaid(kwijt);
    const inside = blockOf(m, 'aanvraag');
    expect(m).toContain('state "Aanvraag" as aanvraag {');
    for (const id of ['huishouden', 'geldzaken', 'toets', 'beoordeling'])
      expect(inside).toContain(`state "${t(kwijt.steps[id].title)}" as ${id}`);
    for (const id of ['toekenning', 'toegekend', 'afgewezen', 'ingetrokken'])
      expect(inside.some((l) => l.endsWith(` as ${id}`))).toBe(false);
    // Edges between two steps of the group stand inside it; edges leaving it, and the group's event, outside.
    expect(inside).toContain('huishouden --> geldzaken');
    expect(inside).toContain(
      'toets --> beoordeling : Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
    );
    expect(inside).not.toContain('beoordeling --> toekenning : Toeslag toekennen');
    expect(topLevel(m)).toContain('beoordeling --> toekenning : Toeslag toekennen');
    expect(topLevel(m)).toContain('aanvraag --> ingetrokken : Aanvraag intrekken');
    expect(inside.some((l) => l.startsWith('aanvraag -->'))).toBe(false);
    // ophalen has no groups: no composite state at all.
    expect(toMermaid(grof)).not.toMatch(/[{}]/);
  });

  it('leaves no raw quotes, colons, semicolons, braces or line breaks in labels', () => {
    const m = toMermaid(kwijt);
    // The title 'Bericht: toegekend' loses its colon.
    expect(kwijt.steps.toekenning.title).toEqual(expect.objectContaining({ nl: 'Bericht: toegekend' }));
    expect(m).toContain('state "Bericht - toegekend" as toekenning');
    for (const def of [kwijt, grof]) {
      for (const lang of ['nl', 'en'] as const) {
        const labels = labelsOf(toMermaid(def, lang));
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) expect(label).not.toMatch(/[":;{}\n]|UNPARSED/);
      }
    }
  });

  it('speaks English when asked', () => {
    const m = toMermaid(grof, 'en');
    expect(m).toContain('state "What and where" as ophaalverzoek');
    expect(m).toContain('state "Pickup scheduled" as ingepland');
    expect(toMermaid(kwijt, 'en')).toContain('aanvraag --> ingetrokken : Withdraw application');
    expect([...transitions(toMermaid(kwijt, 'en'))].sort()).toEqual([...expectedTransitions(kwijt, 'en')].sort());
  });

  it('makes awkward ids and texts safe: hyphens, keywords, quotes, colons, newlines, comments, markers; nested groups', () => {
    const def: Process = {
      key: 'lastig',
      title: 'Lastig',
      start: 'stap-een',
      contact: { team: 'klantcontact' },
      groups: {
        buiten: { title: 'Fase: "buiten"', on: { stop: { goto: 'default-einde', label: 'Stoppen; nu' } } },
        binnen: { title: 'Binnen {fase}', group: 'buiten' },
      },
      steps: {
        'stap-een': {
          kind: 'form',
          title: 'Stap "een":\nvragen',
          group: 'binnen',
          fields: [{ id: 'x', label: 'X', type: 'number' }],
          next: [{ when: 'x > 1', goto: 'note' }, { goto: 'state' }],
        },
        note: {
          kind: 'message',
          title: 'Bericht #1 %% <<fork>>',
          group: 'binnen',
          subject: 'Hallo',
          body: 'Hallo',
          next: 'state',
        },
        state: {
          kind: 'handoff',
          title: 'Kijken [[choice]]',
          group: 'buiten',
          team: 't',
          due: 'P1D',
          outcomes: [{ id: 'klaar', label: 'Klaar: "ja" {ok}', goto: 'default-einde' }],
        },
        'default-einde': {
          kind: 'end',
          title: 'Einde om 7:30',
          group: 'buiten',
          outcome: 'completed',
          message: 'Klaar.',
        },
      },
    };
    expect(checkDefinition(def).problems).toEqual([]);
    const m = toMermaid(def);
    expect(mermaidId('stap-een')).toBe('stap_een');
    expect(mermaidId('note')).toBe('s_note');
    expect(mermaidId('state')).toBe('s_state');
    expect(mermaidId('default-einde')).toBe('s_default_einde');
    // Every transition reads as Mermaid's lexer takes it: ids without '-', ':' or braces; one label after ' : '.
    for (const line of transitions(m))
      expect(line).toMatch(/^(\[\*\]|[A-Za-z_][A-Za-z0-9_]*) --> (\[\*\]|[A-Za-z_][A-Za-z0-9_]*)( : [^:;"{}\n#]+)?$/);
    for (const label of labelsOf(m)) expect(label).not.toMatch(/[":;{}#\n]|%%|<<|>>|\[\[|\]\]|UNPARSED/);
    expect(m).toContain(`state "Stap 'een' - vragen" as stap_een`);
    expect(m).toContain('state "Bericht 1 % < fork>" as s_note');
    expect(m).toContain('state "Einde om 7.30" as s_default_einde');
    // Nested groups: binnen inside buiten. An edge between two steps of one group stands in it; any other
    // edge at the top (Mermaid moves a state into the composite state where an edge names it).
    expect(blockOf(m, 'buiten')).toContain('state "Binnen fase" as binnen {');
    expect(blockOf(m, 'binnen')).toContain('stap_een --> s_note : x > 1');
    expect(blockOf(m, 'buiten')).not.toContain('stap_een --> s_state');
    expect(topLevel(m)).toContain('stap_een --> s_state');
    expect(topLevel(m)).toContain('s_note --> s_state');
    // The end is drawn outside its group (as compiled); the group event leaves from the group.
    expect(blockOf(m, 'buiten').some((l) => l.endsWith('as s_default_einde'))).toBe(false);
    expect(transitions(m)).toContain('buiten --> s_default_einde : Stoppen, nu');
    expect(transitions(m)).toContain("s_state --> s_default_einde : Klaar - 'ja' ok");
    expect([...transitions(m)].sort()).toEqual([...expectedTransitions(def)].sort());
  });

  it('leaves out edges to no step in a draft, and draws triggers from [*]', () => {
    const draft = structuredClone(loadFixture('ophalen'));
    (draft.steps.ophaalverzoek as { next: string }).next = '';
    expect(transitions(toMermaid(draft))).toEqual(['[*] --> ophaalverzoek', 'ingepland --> [*]']);
    const pas = loadFixture('pas');
    const lines = transitions(toMermaid(pas));
    for (const trigger of pas.triggers!)
      expect(lines).toContain(`[*] --> ${mermaidId(trigger.start)} : ${trigger.signal}`);
  });
});

// ---------------------------------------------------------------------------------------------
// BPMN import

describe('importBpmn: invoice approval (lanes, a FEEL gateway with a default, a join)', async () => {
  const result = await importBpmn(fixture('factuur-goedkeuren.bpmn'));
  const def = result.definition;

  it('imports a draft without problems and without unmapped elements', () => {
    expect(result.problems).toEqual([]);
    expect(result.unmapped).toEqual([]);
    expect(def.key).toBe('process-factuur');
    expect(def.title).toBe('Factuur indienen');
    expect(def.description).toMatch(/grote bedragen/);
    expect(def.contact).toEqual({ team: 'klantcontact' });
    expect(def.start).toBe('activity-invullen');
    expect(Object.keys(def.steps)).toEqual([
      'activity-invullen',
      'gateway-bedrag',
      'activity-goedkeuren',
      'event-ongeldig',
      'event-betaald',
    ]);
  });

  it("maps the applicant's task to a form that asks what the gateway reads", () => {
    expect(def.steps['activity-invullen']).toEqual({
      kind: 'form',
      title: 'Factuurgegevens invullen',
      citizenText: 'Vul het bedrag van de factuur in.',
      fields: [{ id: 'bedrag', label: 'Bedrag', type: 'number', required: true }],
      next: 'gateway-bedrag',
    });
  });

  it('maps the gateway to a decision: FEEL conditions as rules (with and without a language), the default as otherwise, past the join', () => {
    expect(def.steps['gateway-bedrag']).toEqual({
      kind: 'decision',
      title: 'Bedrag?',
      rules: [
        { when: 'bedrag > 1000', goto: 'activity-goedkeuren', because: 'Meer dan € 1.000' },
        { when: 'bedrag <= 0', goto: 'event-ongeldig', because: 'Geen bedrag' },
      ],
      otherwise: { goto: 'event-betaald', because: 'Tot € 1.000' },
    });
  });

  it('maps the task in lane "finance" to a handoff for team finance, and end events to ends', () => {
    expect(def.steps['activity-goedkeuren']).toEqual({
      kind: 'handoff',
      title: 'Factuur goedkeuren',
      team: 'finance',
      instructions: 'Controleer de factuur en keur haar goed.',
      due: { workingDays: 5 },
      outcomes: [{ id: 'afgerond', label: 'Afgerond', goto: 'event-betaald' }],
    });
    expect(def.steps['event-betaald']).toEqual({
      kind: 'end',
      title: 'Factuur betaald',
      outcome: 'completed',
      message: 'Factuur betaald',
    });
  });

  it('takes positions from the diagram for the steps only', () => {
    expect(def.layout).toEqual({
      'activity-invullen': { x: 300, y: 140, w: 100, h: 80 },
      'gateway-bedrag': { x: 455, y: 155, w: 50, h: 50 },
      'activity-goedkeuren': { x: 560, y: 330, w: 100, h: 80 },
      'event-ongeldig': { x: 562, y: 82, w: 36, h: 36 },
      'event-betaald': { x: 822, y: 162, w: 36, h: 36 },
    });
  });

  it('runs a case from the start to each end', () => {
    const high = runCase(def, [
      { type: 'submit', data: { bedrag: 2500 } },
      { type: 'task.completed', step: 'activity-goedkeuren', outcome: 'afgerond' },
    ]);
    expect(high.steps).toEqual(['activity-invullen', 'activity-goedkeuren', 'event-betaald']);
    expect(high.ended).toBe(true);
    expect(paramsOf(high.actions, 'openTask')).toContainEqual(
      expect.objectContaining({ step: 'activity-goedkeuren', team: 'finance', due: { workingDays: 5 } }),
    );
    expect(paramsOf(high.actions, 'explain')).toContainEqual(
      expect.objectContaining({ step: 'gateway-bedrag', rule: 0, because: 'Meer dan € 1.000' }),
    );

    const low = runCase(def, [{ type: 'submit', data: { bedrag: 50 } }]);
    expect(low.step).toBe('event-betaald');
    expect(low.ended).toBe(true);
    expect(paramsOf(low.actions, 'explain')).toContainEqual(
      expect.objectContaining({ rule: 'otherwise', because: 'Tot € 1.000' }),
    );

    const none = runCase(def, [{ type: 'submit', data: { bedrag: 0 } }]);
    expect(none.step).toBe('event-ongeldig');
    expect(paramsOf(none.actions, 'queueMessage')).toContainEqual(
      expect.objectContaining({ step: 'event-ongeldig', body: 'Factuur ongeldig' }),
    );
  });
});

describe('importBpmn: timer and message catch events, candidate groups, Camunda form fields, a boundary timer', async () => {
  const result = await importBpmn(fixture('standplaats-wachten.bpmn'));
  const def = result.definition;

  it('imports without problems; the boundary timer and the path only it reaches are reported', () => {
    expect(result.problems).toEqual([]);
    expect(result.unmapped.map((u) => [u.id, u.type])).toEqual([
      ['Event_Termijn', 'bpmn:BoundaryEvent'],
      ['EndEvent_Verlopen', 'bpmn:EndEvent'],
    ]);
    expect(result.unmapped[0].reason).toMatch(/deadline \(due P10D\) with escalate/);
    expect(result.unmapped[0].reason).toMatch(/kept open/);
    expect(result.unmapped[1].reason).toMatch(/only reachable through boundary event 'Event_Termijn'/);
    expect(Object.keys(def.steps)).toEqual([
      'usertask-aanvraag',
      'event-bedenktijd',
      'event-betaling',
      'usertask-beoordelen',
      'endevent-verleend',
    ]);
  });

  it('turns camunda:formData into fields (types, options, required); a field shown again is not asked twice', () => {
    const form = def.steps['usertask-aanvraag'];
    expect(form.kind).toBe('form');
    expect(form.kind === 'form' && form.fields).toEqual([
      { id: 'naam', label: 'Naam van de kraam', type: 'text', required: true },
      { id: 'aantalDagen', label: 'Aantal dagen', type: 'number' },
      {
        id: 'soort',
        label: 'Soort standplaats',
        type: 'choice',
        options: [
          { value: 'markt', label: 'Weekmarkt' },
          { value: 'evenement', label: 'Evenement' },
        ],
      },
    ]);
    const handoff = def.steps['usertask-beoordelen'];
    expect(handoff.kind === 'handoff' && handoff.outcomes[0].fields).toEqual([
      { id: 'plek', label: 'Toegewezen plek', type: 'text' },
    ]);
  });

  it('maps the timer to a wait for its duration, the message to a wait for its signal, and the task to a handoff with the boundary timer as deadline', () => {
    expect(def.steps['event-bedenktijd']).toEqual({
      kind: 'wait',
      title: 'Twee dagen bedenktijd',
      for: 'P2D',
      then: 'event-betaling',
    });
    expect(def.steps['event-betaling']).toEqual({
      kind: 'wait',
      title: 'Leges betaald',
      signal: 'betaling-ontvangen',
      then: 'usertask-beoordelen',
    });
    expect(def.steps['usertask-beoordelen']).toMatchObject({
      kind: 'handoff',
      team: 'vergunningen',
      due: 'P10D',
      escalate: {},
    });
  });

  it('runs a case: answers, a timer, a signal, an official', () => {
    const answers = { naam: 'Patatkraam', aantalDagen: 3, soort: 'markt' };
    const run = runCase(def, [
      { type: 'submit', data: answers },
      { type: 'signal.betaling-ontvangen' }, // too early: the case waits for its timer first
      { type: 'timer.fired', timer: 'event-bedenktijd' },
      { type: 'signal.iets-anders' },
      { type: 'signal.betaling-ontvangen' },
      { type: 'task.completed', step: 'usertask-beoordelen', outcome: 'afgerond', data: { plek: 'A12' } },
    ]);
    expect(run.steps).toEqual([
      'usertask-aanvraag',
      'event-bedenktijd',
      'event-bedenktijd',
      'event-betaling',
      'event-betaling',
      'usertask-beoordelen',
      'endevent-verleend',
    ]);
    expect(run.ended).toBe(true);
    expect(run.snapshot.context.data).toEqual({ ...answers, plek: 'A12' });
    expect(paramsOf(run.actions, 'setTimer')).toContainEqual({ timer: 'event-bedenktijd', after: 'P2D' });
    expect(paramsOf(run.actions, 'openTask')).toContainEqual(
      expect.objectContaining({ step: 'usertask-beoordelen', team: 'vergunningen', due: 'P10D', escalate: {} }),
    );
  });
});

describe('importBpmn: a service task, JUEL conditions and an event-based gateway', async () => {
  const result = await importBpmn(fixture('melding-servicetaak.bpmn'));
  const def = result.definition;

  it('reports the service task and the condition that is not FEEL, which stays a problem until it is rewritten', () => {
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'P034', node: 'gateway-spoed', path: expect.stringMatching(/rules\W+1\W+when/) }),
    ]);
    expect(result.unmapped.map((u) => [u.id, u.type])).toEqual([
      ['ServiceTask_Registreren', 'bpmn:ServiceTask'],
      ['Flow_Gevaar', 'bpmn:SequenceFlow'],
    ]);
    expect(result.unmapped[0].reason).toMatch(/service task.*Bridged/);
    expect(result.unmapped[1].reason).toMatch(/is not FEEL/);
    expect(Object.keys(def.steps)).not.toContain('servicetask-registreren');
  });

  it('bridges the service task: the form goes straight on to the gateway', () => {
    expect(def.steps['usertask-melden']).toEqual({
      kind: 'form',
      title: 'Melding doen',
      fields: [{ id: 'spoed', label: 'Spoed', type: 'yes-no', required: true }],
      next: 'gateway-spoed',
    });
  });

  it('unwraps plain FEEL in ${…}; keeps JUEL as it was written, never as a silent false', () => {
    expect(def.steps['gateway-spoed']).toEqual({
      kind: 'decision',
      title: 'Spoed?',
      rules: [
        { when: 'spoed', goto: 'usertask-ter-plaatse', because: 'Spoed' },
        { when: "${categorie == 'gevaar' && !spoed}", goto: 'usertask-ter-plaatse', because: 'Gevaarlijk' },
      ],
      otherwise: { goto: 'gateway-reactie', because: 'Geen spoed' },
    });
  });

  it('maps the event-based gateway to a wait for the message with the timer as its timeout', () => {
    expect(def.steps['gateway-reactie']).toEqual({
      kind: 'wait',
      title: 'Wachten op reactie',
      signal: 'reactie-melder',
      then: 'endevent-opgelost',
      timeout: { after: 'P14D', goto: 'endevent-gesloten' },
    });
    expect(def.steps['usertask-ter-plaatse']).toMatchObject({ kind: 'handoff', team: 'buitendienst' });
    expect(Object.keys(def.steps).some((id) => id.startsWith('event-'))).toBe(false);
  });

  it('runs a case along each way once the JUEL condition is rewritten in FEEL', () => {
    const spoed = def.steps['gateway-spoed'] as DecisionStep;
    const fixed = {
      ...def,
      steps: {
        ...def.steps,
        'gateway-spoed': {
          ...spoed,
          rules: [spoed.rules[0], { ...spoed.rules[1], when: 'categorie = "gevaar" and not(spoed)' }],
        },
      },
    } as Process;
    const checked = checkDefinition(fixed);
    // `categorie` is no field yet: the designer adds it to the form.
    expect(checked.problems.map((p) => p.code)).toEqual(['P005']);
    const urgent = runCase(fixed, [
      { type: 'submit', data: { spoed: true } },
      { type: 'task.completed', step: 'usertask-ter-plaatse', outcome: 'afgerond' },
    ]);
    expect(urgent.steps).toEqual(['usertask-melden', 'usertask-ter-plaatse', 'endevent-opgelost']);
    expect(urgent.ended).toBe(true);

    // The rewritten rule holds: a dangerous report goes out at once, even when not urgent.
    const dangerous = runCase(fixed, [{ type: 'submit', data: { spoed: false, categorie: 'gevaar' } }]);
    expect(dangerous.steps).toEqual(['usertask-melden', 'usertask-ter-plaatse']);

    const answered = runCase(fixed, [
      { type: 'submit', data: { spoed: false, categorie: 'anders' } },
      { type: 'signal.reactie-melder' },
    ]);
    expect(answered.steps).toEqual(['usertask-melden', 'gateway-reactie', 'endevent-opgelost']);
    expect(answered.ended).toBe(true);

    const silent = runCase(fixed, [
      { type: 'submit', data: { spoed: false } },
      { type: 'timer.fired', timer: timeoutTimer('gateway-reactie') },
    ]);
    expect(silent.step).toBe('endevent-gesloten');
    expect(silent.ended).toBe(true);
    expect(paramsOf(silent.actions, 'setTimer')).toContainEqual({
      timer: timeoutTimer('gateway-reactie'),
      after: 'P14D',
    });
  });
});

/** A small BPMN document around a process body (no diagram). */
const bpmn = (body: string, namespaces = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${namespaces} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

describe('importBpmn: what does not map', () => {
  it('refuses what is not BPMN, and BPMN without a process', async () => {
    await expect(importBpmn('<html><body>geen proces</body></html>')).rejects.toThrow(/not a BPMN 2.0 document/);
    await expect(importBpmn('dit is geen XML')).rejects.toThrow(/not a BPMN 2.0 document/);
    await expect(
      importBpmn(
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"/>',
      ),
    ).rejects.toThrow(/no process/);
  });

  it('bridges a parallel gateway to its first branch, reports it, and the branch left behind is a problem (P001)', async () => {
    const { definition, problems, unmapped } = await importBpmn(
      bpmn(`
      <bpmn:startEvent id="Start" />
      <bpmn:parallelGateway id="Fork" />
      <bpmn:userTask id="Task_A" name="A" />
      <bpmn:userTask id="Task_B" name="B" />
      <bpmn:parallelGateway id="Join" />
      <bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Fork')}${flow('F2', 'Fork', 'Task_A')}${flow('F3', 'Fork', 'Task_B')}
      ${flow('F4', 'Task_A', 'Join')}${flow('F5', 'Task_B', 'Join')}${flow('F6', 'Join', 'End')}`),
    );
    expect(unmapped.map((u) => [u.id, u.type])).toEqual([
      ['Fork', 'bpmn:ParallelGateway'],
      ['Join', 'bpmn:ParallelGateway'],
    ]);
    expect(unmapped[0].reason).toMatch(/parallel branches are not imported.*only its flow to 'Task_A' is followed/);
    expect(definition.start).toBe('task-a');
    expect(definition.steps['task-a']).toMatchObject({ kind: 'form', next: 'end' });
    expect(problems.map((p) => [p.code, p.node])).toEqual([['P001', 'task-b']]);
    expect(runCase(definition, [{ type: 'submit', data: {} }]).step).toBe('end');
  });

  it('leaves a decision without otherwise when every flow has a condition (P004)', async () => {
    const { definition, problems } = await importBpmn(
      bpmn(`
      <bpmn:startEvent id="Start" />
      <bpmn:userTask id="Vragen" />
      <bpmn:exclusiveGateway id="Keuze" />
      <bpmn:endEvent id="Ja" /><bpmn:endEvent id="Nee" />
      ${flow('F1', 'Start', 'Vragen')}${flow('F2', 'Vragen', 'Keuze')}
      ${flow('F3', 'Keuze', 'Ja', 'leeftijd &gt;= 18')}${flow('F4', 'Keuze', 'Nee', 'leeftijd &lt; 18')}`),
    );
    expect(problems.map((p) => [p.code, p.node])).toEqual([['P004', 'keuze']]);
    expect(definition.steps.vragen).toMatchObject({
      kind: 'form',
      fields: [{ id: 'leeftijd', type: 'number', required: true }],
    });
    expect(runCase(definition, [{ type: 'submit', data: { leeftijd: 17 } }]).step).toBe('nee');
  });

  it('reads Zeebe candidate groups and "=" FEEL, and puts what a condition reads on the handoff before it', async () => {
    const { definition, problems, unmapped } = await importBpmn(
      bpmn(
        `
      <bpmn:startEvent id="Start" />
      <bpmn:userTask id="Toetsen" name="Juridisch toetsen">
        <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=[&quot;juridisch&quot;, &quot;bezwaar&quot;]" /></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:exclusiveGateway id="Gegrond" default="F4" />
      <bpmn:endEvent id="Toegewezen" /><bpmn:endEvent id="Afgewezen" />
      ${flow('F1', 'Start', 'Toetsen')}${flow('F2', 'Toetsen', 'Gegrond')}
      ${flow('F3', 'Gegrond', 'Toegewezen', '=gegrond = true')}${flow('F5', 'Gegrond', 'Toegewezen')}${flow('F4', 'Gegrond', 'Afgewezen')}`,
        'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
      ),
    );
    expect(problems).toEqual([]);
    // The gateway's default is the otherwise, also when another flow without a condition comes first (reported).
    expect(unmapped.map((u) => [u.id, u.type])).toEqual([['F5', 'bpmn:SequenceFlow']]);
    expect(unmapped[0].reason).toMatch(/second flow without a condition/);
    expect(definition.steps.gegrond).toMatchObject({ otherwise: { goto: 'afgewezen' } });
    expect(definition.steps.toetsen).toMatchObject({
      kind: 'handoff',
      team: 'juridisch',
      outcomes: [{ id: 'afgerond', goto: 'gegrond', fields: [{ id: 'gegrond', type: 'yes-no' }] }],
    });
    expect(definition.steps.gegrond).toMatchObject({ rules: [{ when: 'gegrond = true', goto: 'toegewezen' }] });
    expect(
      runCase(definition, [{ type: 'task.completed', step: 'toetsen', outcome: 'afgerond', data: { gegrond: true } }])
        .step,
    ).toBe('toegewezen');
    expect(
      runCase(definition, [{ type: 'task.completed', step: 'toetsen', outcome: 'afgerond', data: { gegrond: false } }])
        .step,
    ).toBe('afgewezen');
  });

  it('makes valid, unique step ids and field ids; a form without fields gets an optional remark', async () => {
    const { definition, problems } = await importBpmn(
      bpmn(`
      <bpmn:startEvent id="Start" />
      <bpmn:userTask id="Task_1" /><bpmn:userTask id="task-1" /><bpmn:task id="_1e_Stap" />
      <bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Task_1')}${flow('F2', 'Task_1', 'task-1')}${flow('F3', 'task-1', '_1e_Stap')}${flow('F4', '_1e_Stap', 'End')}`),
    );
    expect(problems).toEqual([]);
    expect(Object.keys(definition.steps)).toEqual(['task-1', 'task-1-2', 's-1e-stap', 'end']);
    const remarks = Object.values(definition.steps).flatMap((s) => (s.kind === 'form' ? s.fields : []));
    expect(remarks.map((f) => [f.id, f.type, f.required])).toEqual([
      ['opmerking', 'textarea', undefined],
      ['opmerking2', 'textarea', undefined],
      ['opmerking3', 'textarea', undefined],
    ]);
    expect(Object.values(definition.steps).map((s) => s.title)).toEqual([
      'Formulier',
      'Formulier',
      'Formulier',
      'Einde',
    ]);
  });

  it('lists what the XML parser could not read (an illegal XML id) with the flows that pointed at it', async () => {
    const { definition, problems, unmapped } = await importBpmn(
      bpmn(`
      <bpmn:startEvent id="Start" /><bpmn:task id="1e_Stap" /><bpmn:endEvent id="End" />
      ${flow('F1', 'Start', '1e_Stap')}${flow('F2', '1e_Stap', 'End')}`),
    );
    expect(unmapped.map((u) => [u.id, u.type])).toEqual([
      ['', 'xml'],
      ['F1', 'bpmn:SequenceFlow'],
      ['F2', 'bpmn:SequenceFlow'],
    ]);
    expect(unmapped[0].reason).toMatch(/^XML: unparsable content <bpmn:task> detected .*illegal ID <1e_Stap>$/);
    expect(unmapped[1].reason).toBe('XML: unresolved reference <1e_Stap>');
    expect(Object.keys(definition.steps)).toEqual(['end']);
    expect(problems.map((p) => p.code)).toEqual(['P010']);
  });

  it('reports timers that are no duration, inclusive gateways, script tasks and other processes, and still runs', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="Start" />
      <bpmn:intermediateCatchEvent id="Op_Datum"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">2030-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:scriptTask id="Script" scriptFormat="javascript"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
      <bpmn:inclusiveGateway id="Of" default="F5" />
      <bpmn:userTask id="Extra" />
      <bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Op_Datum')}${flow('F2', 'Op_Datum', 'Script')}${flow('F3', 'Script', 'Of')}
      ${flow('F4', 'Of', 'Extra', 'aantal &gt; 2')}${flow('F5', 'Of', 'End')}${flow('F6', 'Extra', 'End')}`).replace(
      '</bpmn:definitions>',
      '<bpmn:process id="Process_2"><bpmn:task id="Los" /></bpmn:process></bpmn:definitions>',
    );
    const { definition, problems, unmapped } = await importBpmn(xml);
    expect(unmapped.map((u) => [u.id, u.type])).toEqual([
      ['Process_2', 'bpmn:Process'],
      ['Op_Datum', 'bpmn:IntermediateCatchEvent'],
      ['Script', 'bpmn:ScriptTask'],
      ['Of', 'bpmn:InclusiveGateway'],
    ]);
    expect(unmapped[1].reason).toMatch(/a timer on a date is not a duration/);
    expect(unmapped[2].reason).toMatch(/no code from a definition runs/);
    expect(unmapped[3].reason).toMatch(/exclusive choice/);
    // The inclusive gateway decides; what it reads has no step before it that takes data: P005.
    expect(definition.start).toBe('of');
    expect(problems.map((p) => [p.code, p.node])).toEqual([['P005', 'of']]);
    expect(runCase(definition, []).step).toBe('end');
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips

describe('round trip: a definition exported as JSON imports as the same definition', () => {
  it.each(roundTripped)('%s', (name) => {
    const def = loadFixture(name);
    const again = checkDefinition(JSON.parse(JSON.stringify(def)));
    expect(again.problems).toEqual([]);
    expect(again.process).toStrictEqual(def);
    expect(JSON.stringify(again.process)).toBe(JSON.stringify(def));
  });

  it.each(fixtures)('the draft imported from %s', async (name) => {
    const { definition, problems } = await importBpmn(fixture(name));
    const again = checkDefinition(JSON.parse(JSON.stringify(definition)));
    expect(again.problems).toEqual(problems);
    expect(again.process).toStrictEqual(definition);
  });

  it.each(fixtures)('the draft imported from %s documents itself in Mermaid, every step and edge', async (name) => {
    const { definition } = await importBpmn(fixture(name));
    const m = toMermaid(definition);
    for (const [id, step] of Object.entries(definition.steps))
      expect(m).toContain(`state "${mermaidLabel(t(step.title))}" as ${mermaidId(id)}`);
    expect([...transitions(m)].sort()).toEqual([...expectedTransitions(definition)].sort());
  });

  it('imports the same document to the same draft every time', async () => {
    const first: BpmnImport = await importBpmn(fixture('factuur-goedkeuren.bpmn'));
    const second = await importBpmn(fixture('factuur-goedkeuren.bpmn'));
    expect(second).toStrictEqual(first);
  });
});

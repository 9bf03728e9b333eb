/**
 * The example processes in processes/ (what a new installation publishes and
 * what people read): each validates with no problems, compiles to plain JSON
 * that XState accepts, and can be walked to every one of its ends, both on
 * the drawn graph (the designer's path tool) and by running the compiled
 * machine with sample answers (test/examples/answers.ts). Behaviour is tested
 * elsewhere on fixtures (test/fixtures/processes/); this suite is about the
 * examples themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMachine, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { allPaths } from '../../designer/model/simulation.js';
import {
  CONTACT_STEP,
  checkDefinition,
  compileToConfig,
  createCaseMachine,
  groupChain,
  omslagImplementations,
  stepOf,
  type CaseEvent,
  type CaseMachine,
  type Process,
} from '../../runtime/model/index.js';
import { timeoutTimer } from '../../runtime/model/steps/wait.js';
import { exampleAnswers, type ExampleAnswers } from './answers.js';

const dir = new URL('../../processes/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

type Snapshot = SnapshotFrom<CaseMachine>;
const contactOf = (snapshot: { value: unknown }) => (snapshot.value as { contact: string }).contact;

/**
 * The events to try at each resting step: a submit per sample answer for a
 * form, every outcome of a handoff, the timers and signal of a wait, the
 * events of the enclosing groups, and asking for a person.
 */
function sampleEvents(process: Process, answers: ExampleAnswers) {
  return (snapshot: Snapshot): CaseEvent[] => {
    const id = stepOf(snapshot.value)!;
    const step = process.steps[id];
    const events: CaseEvent[] = [];
    if (step.kind === 'form') for (const data of answers.forms[id] ?? []) events.push({ type: 'submit', data });
    if (step.kind === 'handoff') {
      for (const o of step.outcomes) {
        const data = answers.outcomes?.[o.id];
        events.push({ type: 'task.completed', step: id, outcome: o.id, ...(data ? { data } : {}) });
      }
    }
    if (step.kind === 'wait') {
      if (step.for) events.push({ type: 'timer.fired', timer: id });
      if (step.timeout) events.push({ type: 'timer.fired', timer: timeoutTimer(id) });
      if (step.signal) events.push({ type: `signal.${step.signal}`, data: {} });
    }
    if (step.kind !== 'end') {
      for (const g of groupChain(process, step.group))
        for (const type of Object.keys(process.groups![g].on ?? {})) events.push({ type });
    }
    events.push(
      contactOf(snapshot) === 'idle'
        ? { type: 'person.requested' }
        : { type: 'task.completed', step: CONTACT_STEP, outcome: 'answered' },
    );
    return events;
  };
}

it('there are example processes, and every one has sample answers', () => {
  expect(files.length).toBeGreaterThan(0);
  const keys = files.map((f) => f.slice(0, -'.json'.length));
  for (const key of keys)
    expect(exampleAnswers, `add sample answers for ${key} to test/examples/answers.ts`).toHaveProperty([key]);
  expect(Object.keys(exampleAnswers).sort()).toEqual(keys);
});

describe.each(files)('the example %s', (file) => {
  const checked = checkDefinition(read(file));
  const process = checked.process as Process;
  const ends = process ? Object.keys(process.steps).filter((id) => process.steps[id].kind === 'end') : [];

  it('validates with no problems, and its key is its file name', () => {
    expect(checked.problems).toEqual([]);
    expect(process.key).toBe(file.slice(0, -'.json'.length));
  });

  it('compiles to plain JSON that XState accepts as it is', () => {
    const config = compileToConfig(process);
    const json = JSON.parse(JSON.stringify(config));
    expect(json).toEqual(config);
    const machine = createMachine(json, omslagImplementations as never);
    expect(machine.id).toBe(process.key);
  });

  it('has a drawn path from the start to every end', () => {
    const starts = [process.start, ...(process.triggers ?? []).map((t) => t.start)];
    const reached = new Set<string>();
    for (const start of starts) for (const path of allPaths({ ...process, start })) reached.add(path.end);
    expect([...reached].sort()).toEqual([...ends].sort());
  });

  it('runs to every end with the sample answers, from the start and from each trigger', () => {
    const answers = exampleAnswers[process.key];
    expect(answers, `sample answers for ${process.key}`).toMatchObject({ forms: expect.any(Object) });
    const machine = createCaseMachine(compileToConfig(process));
    const events = sampleEvents(process, answers);
    const inputs = [
      { data: {} },
      ...(process.triggers ?? []).map((_, via) => ({ data: answers.facts?.[via] ?? {}, via })),
    ];
    const reached = new Set<string>();
    for (const input of inputs) {
      const paths = getShortestPaths(machine, { events: events as never, input: input as never });
      for (const path of paths) {
        const at = stepOf(path.state.value)!;
        if (process.steps[at].kind === 'end') {
          expect(path.state.hasTag('end'), `end '${at}' is final`).toBe(true);
          reached.add(at);
        }
      }
    }
    expect([...reached].sort()).toEqual([...ends].sort());
  });
});

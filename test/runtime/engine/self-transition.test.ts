import { describe, expect, it } from 'vitest';
import { checkDefinition, compileToConfig, createCaseMachine, type Process } from '../../../runtime/model/index.js';
import { initialTransition, transition } from 'xstate';

// Regression: a step that goes back to itself stayed put without re-entering,
// so a handoff's "ask again" outcome opened no new task and a repeating wait
// set no new timer (XState v5 needs `reenter: true` on self-transitions).
const def = {
  key: 'herhaal',
  title: 'Herhaal',
  start: 'beoordeling',
  contact: { team: 'kcc' },
  steps: {
    beoordeling: {
      kind: 'handoff',
      title: 'Beoordeling',
      team: 't',
      due: 'P1D',
      outcomes: [
        { id: 'opnieuw', label: 'Opnieuw', goto: 'beoordeling' },
        { id: 'klaar', label: 'Klaar', goto: 'pauze' },
      ],
    },
    pauze: { kind: 'wait', title: 'Pauze', for: 'P1D', then: 'pauze', timeout: undefined },
  },
} as unknown as Process;

describe('self-transitions re-enter their step', () => {
  it('opens a new task when a handoff outcome goes back to the same handoff, and sets a new timer for a repeating wait', async () => {
    const clean = JSON.parse(JSON.stringify(def));
    // the repeating wait has no end: only compile, do not publish
    expect(checkDefinition(clean).problems.map((p) => p.code)).toContain('P002');
    const machine = createCaseMachine(compileToConfig(clean));
    let [s, actions] = initialTransition(machine, { data: {} });
    expect(actions.map((a) => a.type)).toContain('openTask');
    [s, actions] = transition(machine, s, { type: 'task.completed', step: 'beoordeling', outcome: 'opnieuw' } as never);
    expect(actions.map((a) => a.type)).toEqual(expect.arrayContaining(['closeTask', 'openTask']));
    [s] = transition(machine, s, { type: 'task.completed', step: 'beoordeling', outcome: 'klaar' } as never);
    [, actions] = transition(machine, s, { type: 'timer.fired', timer: 'pauze' } as never);
    expect(actions.map((a) => a.type)).toEqual(expect.arrayContaining(['clearTimer', 'setTimer']));
  });
});

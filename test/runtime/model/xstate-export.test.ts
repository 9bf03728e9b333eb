import { createMachine, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { omslagImplementations, stepOf } from '../../../runtime/model/index.js';
import type { FixtureName } from '../../helpers/fixtures.js';
import { asCitizen, BSN, freshEnv, user } from '../engine/setup.js';

type Move = {
  send?: { type: string; data?: Record<string, unknown> };
  complete?: { outcome: string; data?: Record<string, unknown> };
};
const household = { huishouden: 'samen', aanslagnummer: 'A-1' };
const money = (inkomen: number, vermogen = 100) => ({
  inkomen,
  vermogen,
  heeftAuto: false,
  iban: 'NL91ABNA0417164300',
});

const scenarios: { key: FixtureName; name: string; moves: Move[] }[] = [
  {
    key: 'toeslag',
    name: 'granted by the rules',
    moves: [{ send: { type: 'submit', data: household } }, { send: { type: 'submit', data: money(1200) } }],
  },
  {
    key: 'toeslag',
    name: 'rejected by the rules',
    moves: [{ send: { type: 'submit', data: household } }, { send: { type: 'submit', data: money(1200, 9000) } }],
  },
  {
    key: 'toeslag',
    name: 'handed off and rejected',
    moves: [
      { send: { type: 'submit', data: household } },
      { send: { type: 'submit', data: money(1850) } },
      { complete: { outcome: 'afwijzen', data: { reden: 'Nee.' } } },
    ],
  },
  {
    key: 'toeslag',
    name: 'withdrawn',
    moves: [{ send: { type: 'submit', data: household } }, { send: { type: 'withdraw' } }],
  },
  {
    key: 'ophalen',
    name: 'scheduled',
    moves: [
      {
        send: {
          type: 'submit',
          data: { postcode: '1234 AB', huisnummer: '1', spullen: ['matras'], ophaaldatum: '2030-01-07' },
        },
      },
    ],
  },
  {
    key: 'tabeltoets',
    name: 'granted by the table',
    moves: [
      {
        send: {
          type: 'submit',
          data: { huishouden: 'samen', leeftijd: 40, jarenLaagInkomen: 5, inkomen: 1800, iban: 'NL91ABNA0417164300' },
        },
      },
    ],
  },
  { key: 'pas', name: 'applied and rejected', moves: [{ send: { type: 'submit', data: { inkomen: 2000 } } }] },
];

describe('the exported XState JSON runs the same paths under createMachine as under the engine', () => {
  it.each(scenarios)('$key: $name', async ({ key, moves }) => {
    const env = await freshEnv({ fixtures: [key] });
    const ann = await user(env, 'ann');
    // Under the engine: a real case on a real database.
    let row = await env.engine.startCase(key, BSN, asCitizen());
    const engineSteps = [row.step];
    for (const m of moves) {
      if (m.send) row = await env.engine.send(row.id, m.send, { actor: asCitizen() });
      else {
        const task = (await env.store.tasks.list({ caseId: row.id, status: 'active' })).find(
          (x) => x.kind === 'handoff',
        )!;
        row = await env.engine.completeTask(task.id, m.complete!.outcome, m.complete!.data ?? {}, {
          actor: 'user:ann',
          userId: ann.id,
        });
      }
      engineSteps.push(row.step);
    }
    // Under plain createMachine: the JSON the API exports, with the implementations it names.
    const json = JSON.parse(JSON.stringify((await env.store.processes.latest(key))!.machine));
    const machine = createMachine(json, omslagImplementations as never);
    let [snapshot] = initialTransition(machine);
    const plainSteps = [stepOf(snapshot.value)];
    const engineData = (row.snapshot as { context: { data: Record<string, unknown> } }).context.data;
    for (const m of moves) {
      // The engine validates answers into values first; the plain machine gets those same values.
      const step = stepOf(snapshot.value)!;
      const event = m.send
        ? m.send.type === 'submit'
          ? { type: 'submit', data: Object.fromEntries(Object.keys(m.send.data!).map((k) => [k, engineData[k]])) }
          : m.send
        : { type: 'task.completed', step, outcome: m.complete!.outcome, data: m.complete!.data ?? {} };
      [snapshot] = transition(machine, snapshot, event as never);
      plainSteps.push(stepOf(snapshot.value));
    }
    expect(plainSteps).toEqual(engineSteps);
    // And it ends with the same case data.
    expect((snapshot.context as { data: Record<string, unknown> }).data).toEqual(engineData);
  });
});

import { assign, setup } from 'xstate';
import { matchingRows, type TableParams } from './decision-table.js';
import { feelHolds, guardEvaluation, takeFailureRoute } from './feel.js';
import { groupChain } from './checks.js';
import type { Process } from './schema.js';
import { isFinal, stepKind, type StateConfig, type TransitionConfig } from './steps/index.js';

/** The case data lives under `data`, answers keyed by field id; `via` is the trigger a proactive case started by. */
export type CaseContext = { data: Record<string, unknown>; via?: number };

/** The state that sends a proactive case to its trigger's start step (only in processes with triggers). */
export const ENTRY = '_entry';

/**
 * The events a compiled machine takes. Citizens send `submit`, group events
 * and `person.requested`; the engine sends the others.
 */
export type CaseEvent =
  | { type: 'submit'; data: Record<string, unknown>; cleared?: string[] }
  | { type: 'task.completed'; step: string; outcome: string; data?: Record<string, unknown>; cleared?: string[] }
  | { type: 'timer.fired'; timer: string }
  | { type: 'person.requested'; data?: Record<string, unknown> }
  | { type: `signal.${string}`; data?: Record<string, unknown> }
  | { type: string; data?: Record<string, unknown>; cleared?: string[] };

/** The journey's current step: the innermost state of the `journey` region. */
export function stepOf(value: unknown): string | null {
  let v = (value as { journey?: unknown })?.journey;
  while (v && typeof v === 'object') v = Object.values(v as object)[0];
  return typeof v === 'string' ? v : null;
}

/** The state name of the "ask for a person" task in the contact region. */
export const CONTACT_STEP = 'contact';

function mergedData(context: CaseContext, event: CaseEvent): Record<string, unknown> {
  const data = { ...context.data, ...(('data' in event && event.data) || {}) };
  for (const id of ('cleared' in event && event.cleared) || []) delete data[id];
  return data;
}

/**
 * The named guards and actions every compiled machine binds. The effect
 * actions (openTask, setTimer, …) do nothing inside XState: the engine reads
 * them from the list `transition()` returns and commits them with the
 * snapshot, in one SQLite transaction.
 */
const noop = () => {};
/** The guards and actions a compiled config names. Exported so the XState JSON runs anywhere: `createMachine(config, omslagImplementations)`. */
export const omslagImplementations = {
  // Guards over FEEL go through guardEvaluation: inside an event's budget scope
  // (the engine opens one) an expression that cannot be evaluated is recorded
  // and every later FEEL guard of the event does not hold, so the engine can
  // hand the case to a person instead of following a route no rule chose.
  // `step` (decisions) lets that step's failure route take the case.
  guards: {
    feel: ({ context, event }: { context: CaseContext; event: CaseEvent }, params: { expr: string; step?: string }) =>
      guardEvaluation(params.step, () => feelHolds(params.expr, mergedData(context, event))),
    outcomeIs: ({ event }: { event: CaseEvent }, params: { step: string; outcome: string }) =>
      event.type === 'task.completed' &&
      (event as { step?: string }).step === params.step &&
      (event as { outcome?: string }).outcome === params.outcome,
    timerIs: ({ event }: { event: CaseEvent }, params: { timer: string }) =>
      event.type === 'timer.fired' && (event as { timer?: string }).timer === params.timer,
    startedVia: ({ context }: { context: CaseContext }, params: { trigger: number }) => context.via === params.trigger,
    // A decision table row: every test holds for its input's value.
    tableRow: (
      { context, event }: { context: CaseContext; event: CaseEvent },
      params: { inputs: { id: string; expr: string }[]; tests: string[]; step?: string },
    ) =>
      guardEvaluation(
        params.step,
        () => matchingRows({ inputs: params.inputs, rows: [params.tests] }, mergedData(context, event)).length === 1,
      ),
    // A UNIQUE table where more than one row matches: an error a person resolves.
    tableOverlap: (
      { context, event }: { context: CaseContext; event: CaseEvent },
      params: TableParams & { step?: string },
    ) => guardEvaluation(params.step, () => matchingRows(params, mergedData(context, event)).length > 1),
    // A decision whose expression could not be evaluated (budget, error): its onError, like an overlap.
    evaluationFailed: (_: unknown, params: { step: string }) => takeFailureRoute(params.step),
  },
  actions: {
    saveAnswers: assign({
      data: ({ context, event }: { context: CaseContext; event: CaseEvent }) => mergedData(context, event),
    }),
    entered: noop,
    explain: noop,
    openTask: noop,
    closeTask: noop,
    setTimer: noop,
    clearTimer: noop,
    queueMessage: noop,
  },
};

export const omslagSetup = setup({
  types: {} as {
    context: CaseContext;
    events: CaseEvent;
    input: { data?: Record<string, unknown>; via?: number } | undefined;
  },
  guards: omslagImplementations.guards,
  actions: omslagImplementations.actions as never,
});

export type MachineConfig = StateConfig & { id: string; context: CaseContext };

/**
 * Compiles a definition (already checked, without problems) to an XState
 * machine config: plain JSON, deterministic, with guards and actions by name.
 *
 * Shape: a parallel root with two regions. `journey` holds the steps, groups
 * as compound states (so a group's events work from each of its steps), ends
 * as final states. `contact` is "ask for a person": available from every
 * step, it opens a task for the contact team without moving the journey, so
 * the citizen is still where they were when the person has answered.
 */
export function compileToConfig(process: Process): MachineConfig {
  const groups = process.groups ?? {};
  const nodes: Record<string, StateConfig> = {};
  const children = new Map<string | undefined, string[]>();
  const place = (parent: string | undefined, id: string) => children.set(parent, [...(children.get(parent) ?? []), id]);

  for (const [id, group] of Object.entries(groups)) {
    nodes[id] = {
      id,
      tags: ['group'],
      on: Object.fromEntries(Object.entries(group.on ?? {}).map(([event, on]) => [event, { target: `#${on.goto}` }])),
    };
    place(group.group, id);
  }
  for (const [id, step] of Object.entries(process.steps)) {
    nodes[id] = reenterSelf(id, stepKind(step.kind).compile(id, step));
    place(isFinal(step) ? undefined : step.group, id);
  }
  // The path from the journey to the start step decides each level's initial state.
  const startPath = [
    ...groupChain(process, isFinal(process.steps[process.start]) ? undefined : process.steps[process.start]?.group),
  ].reverse();
  const build = (parent: string | undefined): Record<string, StateConfig> =>
    Object.fromEntries(
      (children.get(parent) ?? []).map((id) => {
        const node = nodes[id];
        if (groups[id]) {
          const kids = build(id);
          const onPath = startPath.indexOf(id);
          const initial = onPath >= 0 ? (startPath[onPath + 1] ?? process.start) : Object.keys(kids)[0];
          return [id, { ...node, initial, states: kids }];
        }
        return [id, node];
      }),
    );

  const contactTeam = process.contact?.team ?? null;
  const journeyStates = build(undefined);
  let journeyInitial = startPath[0] ?? process.start;
  if (process.triggers?.length) {
    // Proactive cases start where their trigger says; others at the start.
    journeyStates[ENTRY] = {
      always: [
        ...process.triggers.map((t, i) => ({
          guard: { type: 'startedVia', params: { trigger: i } },
          target: `#${t.start}`,
        })),
        { target: `#${process.start}` },
      ],
    };
    journeyInitial = ENTRY;
  }
  return {
    id: process.key,
    type: 'parallel',
    context: { data: {} },
    states: {
      journey: { initial: journeyInitial, states: journeyStates },
      contact: {
        initial: 'idle',
        states: {
          idle: {
            on: contactTeam
              ? {
                  'person.requested': {
                    target: 'requested',
                    actions: [{ type: 'entered', params: { step: CONTACT_STEP } }],
                  },
                }
              : {},
          },
          requested: {
            entry: [
              {
                type: 'openTask',
                params: { step: CONTACT_STEP, team: contactTeam, due: process.contact?.due ?? 'P2D', kind: 'contact' },
              },
            ],
            exit: [{ type: 'closeTask', params: { step: CONTACT_STEP } }],
            on: {
              'task.completed': {
                guard: { type: 'outcomeIs', params: { step: CONTACT_STEP, outcome: 'answered' } },
                target: 'idle',
              },
            },
          },
        },
      },
    },
  };
}

/**
 * A step that goes back to itself (a handoff outcome "ask again", a wait that
 * repeats) must exit and enter again, so its task or timer is opened anew.
 * XState v5 only re-enters on a self-transition with `reenter: true`.
 */
function reenterSelf(id: string, node: StateConfig): StateConfig {
  const mark = (t: TransitionConfig) => (t.target === `#${id}` ? { ...t, reenter: true } : t);
  const each = (ts: TransitionConfig | TransitionConfig[]) => (Array.isArray(ts) ? ts.map(mark) : mark(ts));
  return {
    ...node,
    ...(node.on ? { on: Object.fromEntries(Object.entries(node.on).map(([e, ts]) => [e, each(ts)])) } : {}),
    ...(node.always ? { always: each(node.always) } : {}),
  };
}

/** The runnable machine of a compiled config, with Omslag's guards and actions bound. */
export function createCaseMachine(config: MachineConfig) {
  // The initial case data comes from the input (facts known at the start), so
  // the exported JSON keeps a static default and the runtime adds the input.
  return omslagSetup.createMachine({
    ...(config as object),
    context: ({ input }: { input: { data?: Record<string, unknown>; via?: number } | undefined }) => ({
      data: { ...(input?.data ?? {}) },
      ...(input?.via !== undefined ? { via: input.via } : {}),
    }),
  } as never);
}
export type CaseMachine = ReturnType<typeof createCaseMachine>;

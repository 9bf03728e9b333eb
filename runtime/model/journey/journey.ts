import { initialTransition, transition } from 'xstate';
import {
  compileToConfig,
  createCaseMachine,
  stepOf,
  type CaseEvent,
  type CaseMachine,
  type MachineConfig,
} from '../compile.js';
import { withFeelScope, type FeelFailure } from '../feel.js';
import type { Process } from '../schema.js';
import { fieldsById, outcomeAtStep, recordsOf, type JourneyAction, type JourneyRecord } from './records.js';

export type JourneySnapshot = ReturnType<CaseMachine['resolveState']>;
/** A snapshot as the store keeps it: the state value and the context. */
export type PersistedSnapshot = { value: unknown; context: unknown };

/**
 * One step of a journey, computed and not committed: the snapshot after it,
 * the actions XState returned (the engine's effects), and the failure of an
 * expression that could not be evaluated on the way, if any.
 */
export type Move = {
  snapshot: JourneySnapshot;
  actions: JourneyAction[];
  failure?: FeelFailure;
  /** The failure leaves the move untrustworthy (no failure route took it): the engine discards it and asks a person. */
  discard: boolean;
};

/** Whether a failure leaves the transition untrustworthy (no failure route took it, or guards were skipped after). */
export const mustDiscard = (failure: FeelFailure | undefined): failure is FeelFailure =>
  !!failure && (!failure.handled || failure.tainted);

/**
 * The journey simulator: a process's compiled machine and what its moves
 * mean, with nothing stored. The engine moves cases with it (and commits
 * what a move records), the citizen pages walk a draft with it, the
 * designer simulates with it in the browser: one interpretation of a
 * definition everywhere.
 *
 * Expressions of a move share one budget (feelLimits.event); one that cannot
 * be evaluated never decides (runtime/model/feel-budget.ts).
 */
export function createJourney(process: Process, config: MachineConfig = compileToConfig(process)) {
  const machine = createCaseMachine(config);
  const fields = fieldsById(process);
  const move = (run: () => [JourneySnapshot, unknown[]]): Move => {
    const {
      value: [snapshot, actions],
      failure,
    } = withFeelScope(run);
    return {
      snapshot,
      actions: actions as JourneyAction[],
      ...(failure ? { failure } : {}),
      discard: mustDiscard(failure),
    };
  };
  return {
    process,
    config,
    machine,
    /** Every field of the process by id. */
    fields,
    /** A case's first move: with the facts known at the start and, for a proactive case, the trigger it started by. */
    start(input: { data?: Record<string, unknown>; via?: number } = {}): Move {
      const data = { ...(input.data ?? {}) };
      return move(
        () => initialTransition(machine, { data, ...(input.via !== undefined ? { via: input.via } : {}) }) as never,
      );
    },
    /** The snapshot of a persisted state. */
    restore(persisted: PersistedSnapshot): JourneySnapshot {
      return machine.resolveState({ value: persisted.value, context: persisted.context } as never);
    },
    /** A snapshot as the store keeps it. */
    persistable: (snapshot: JourneySnapshot): PersistedSnapshot => ({
      value: snapshot.value,
      context: snapshot.context,
    }),
    /** Whether the event is possible now; guards are evaluated, so `failure` says when one could not be. */
    can(snapshot: JourneySnapshot, event: CaseEvent): { value: boolean; failure?: FeelFailure } {
      return withFeelScope(() => snapshot.can(event as never));
    },
    /** The move an event makes (whether or not it is possible: see `can`). */
    next(snapshot: JourneySnapshot, event: CaseEvent): Move {
      return move(() => transition(machine, snapshot, event as never) as never);
    },
    /** The step a snapshot is at (null before the journey began or in the contact region only). */
    stepAt: (snapshot: JourneySnapshot): string | null => stepOf(snapshot.value),
    /** The outcome the case ends with at this step, or undefined when it does not end there. */
    outcomeAt: (step: string | null | undefined): string | undefined => outcomeAtStep(process, step),
    /** What a move's actions record: explanations, tasks, timers, messages (texts rendered in every language). */
    records: (actions: JourneyAction[]): JourneyRecord[] => recordsOf(process, actions, fields),
  };
}
export type Journey = ReturnType<typeof createJourney>;

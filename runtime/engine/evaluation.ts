import { transition } from 'xstate';
import { withFeelScope, type CaseEvent, type FeelFailure } from '../model/index.js';
import { EngineError } from './errors.js';
import type { LoadedVersion } from './versions.js';

/**
 * What the engine does when a FEEL expression cannot be evaluated while it
 * handles an event (a budget ran out, or feelin failed): it never decides.
 * A guard that failed is neither true nor false (runtime/model/feel-budget.ts),
 * so the case goes to a person:
 *
 * - a decision with `onError` routes there, as a UNIQUE table's overlap
 *   does (the machine takes that route itself; the failure is recorded);
 * - otherwise the event's transition is discarded: the case stays at its
 *   step (answers that passed validation are kept), the failure is
 *   recorded, and a contact task for the process's contact team says why;
 * - an official's outcome (task.completed) is refused instead, with 409
 *   `expression-failed`, so the task stays open with them; the failure is
 *   recorded after the refusal rolled back;
 * - a case start is refused (409 `expression-failed`): there is no case to hand over.
 */

type Snapshot = ReturnType<LoadedVersion['machine']['resolveState']>;

/** The audit entry `expression.failed`: what failed, where, and why. */
export function failureAudit(failure: FeelFailure, event: string, atStep: string | null): Record<string, unknown> {
  const { error } = failure;
  return { event, step: failure.step ?? atStep, reason: error.reason, code: error.code, message: error.message, expr: error.expr.slice(0, 2_000) };
}

/** An event refused because an expression failed: the transaction rolls back, then the failure is recorded on the case. */
export class ExpressionFailedError extends EngineError {
  constructor(readonly caseId: string | null, readonly audit: Record<string, unknown>) {
    super('conflict', 'expression-failed', ['expressionFailed', { reason: String(audit.message) }], { step: audit.step, reason: audit.reason });
  }
}

/** Whether a scope's failure leaves the transition untrustworthy (no failure route took it, or guards were skipped after). */
export const mustDiscard = (failure: FeelFailure | undefined): failure is FeelFailure => !!failure && (!failure.handled || failure.tainted);

/** The snapshot with the event's data merged (as the machine's saveAnswers would), the step unchanged. */
export function withAnswers(loaded: LoadedVersion, snapshot: Snapshot, event: CaseEvent): Snapshot {
  const data = 'data' in event && event.data ? event.data : undefined;
  if (!data) return snapshot;
  const merged = { ...snapshot.context.data, ...data };
  for (const id of ('cleared' in event && event.cleared) || []) delete merged[id];
  return loaded.machine.resolveState({ value: snapshot.value, context: { ...snapshot.context, data: merged } } as never) as Snapshot;
}

/**
 * The snapshot after asking a person on the case's behalf: the contact
 * region opens a task for the contact team with why. Null when that is not
 * possible now (a contact task is already open, or the version has no team).
 */
export function askPerson(loaded: LoadedVersion, base: Snapshot, audit: Record<string, unknown>) {
  const event = {
    type: 'person.requested',
    data: {
      kind: 'evaluation-failed',
      question: `Automatische beoordeling niet gelukt bij stap '${String(audit.step)}': ${String(audit.message)}. De zaak staat stil tot een medewerker haar beoordeelt. (The rules could not be evaluated; a person needs to review this case.)`,
      reach: '',
    },
  };
  const { value, failure } = withFeelScope(() => (base.can(event as never) ? transition(loaded.machine, base, event as never) : null));
  return value && !failure ? value : null;
}

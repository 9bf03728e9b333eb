import type { FeelFailure } from '../model/index.js';
import { EngineError } from './errors.js';

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

/** The audit entry `expression.failed`: what failed, where, and why. */
export function failureAudit(failure: FeelFailure, event: string, atStep: string | null): Record<string, unknown> {
  const { error } = failure;
  return {
    event,
    step: failure.step ?? atStep,
    reason: error.reason,
    code: error.code,
    message: error.message,
    expr: error.expr.slice(0, 2_000),
  };
}

/** An event refused because an expression failed: the transaction rolls back, then the failure is recorded on the case. */
export class ExpressionFailedError extends EngineError {
  constructor(
    readonly caseId: string | null,
    readonly audit: Record<string, unknown>,
  ) {
    super('conflict', 'expression-failed', ['expressionFailed', { reason: String(audit.message) }], {
      step: audit.step,
      reason: audit.reason,
    });
  }
}

// mustDiscard, withAnswers and askPerson are the journey simulator's (runtime/model/journey/person.ts).
export { askPerson, mustDiscard, withAnswers } from '../model/index.js';

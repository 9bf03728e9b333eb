/**
 * What is wrong with an expression that cannot be used, as data (the problems P009, P028, P029 and P034 are
 * worded from it in the interface language): a syntax error near a piece of text, an empty expression,
 * one feelin cannot compile, or a limit of its shape (length, nesting, operators; runtime/model/feel-limits.ts).
 */
export type FeelSyntaxDetail =
  | { kind: 'syntax'; near: string }
  | { kind: 'empty' }
  | { kind: 'compile' }
  | { kind: 'length'; length: number; max: number }
  | { kind: 'nesting' | 'operators'; max: number }
  | { kind: 'foreign'; op: string; fix: ForeignFix };

/** What FEEL writes instead of another language's operator (P034): `=`, `!=`, `and`, `or`, `not(…)`, or the condition bare. */
export type ForeignFix = 'equals' | 'notEquals' | 'and' | 'or' | 'not' | 'unwrap';

/** An expression that does not parse; `from`/`to` say where (0-based offsets into `expr`). */
export class FeelSyntaxError extends Error {
  constructor(
    readonly expr: string,
    message: string,
    readonly from: number,
    readonly to: number,
    readonly detail: FeelSyntaxDetail = { kind: 'syntax', near: expr.slice(from, to + 10) },
  ) {
    super(message);
  }
}

/**
 * An expression refused before parsing because of its shape: P028 too long,
 * P029 too deeply nested or with too many operators, P034 an operator of
 * another expression language (`==`, `&&`, `${…}`: JavaScript, JUEL) that
 * FEEL would misread or not read (runtime/model/feel-limits.ts).
 * A FeelSyntaxError too, so every caller that reports syntax errors reports these.
 */
export class FeelLimitError extends FeelSyntaxError {
  constructor(
    expr: string,
    readonly code: 'P028' | 'P029' | 'P034',
    message: string,
    from: number,
    to: number,
    detail: FeelSyntaxDetail,
  ) {
    super(expr, message, from, to, detail);
  }
}

/**
 * Why an evaluation gave no answer:
 * - `steps`, `time`: it ran out of its step budget or deadline (one expression's, or the event's);
 * - `size`: it produced a list, context or text larger than allowed;
 * - `range`: it enumerated a range that is too long or not countable (`1..1.5`);
 * - `depth`: it recursed too deeply (a FEEL function calling itself);
 * - `error`: feelin failed unexpectedly (a bug or an unsupported construct);
 * - `unavailable`: feelin lacks Omslag's patch, so no evaluation could be bounded.
 */
export type FeelFailureReason = 'steps' | 'time' | 'size' | 'range' | 'depth' | 'error' | 'unavailable';

/**
 * An expression that could not be evaluated. Never a FEEL value: a guard
 * that failed is neither true nor false, so the engine hands the case to a
 * person instead of deciding (runtime/engine). Callers outside a case event
 * (field visibility, triggers) catch it and decide what "unknown" means there.
 */
export class FeelEvaluationError extends Error {
  readonly code: string = 'feel-evaluation-failed';
  constructor(
    readonly expr: string,
    readonly reason: FeelFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** An evaluation stopped by a budget (reasons steps, time, size, range, depth). */
export class FeelBudgetError extends FeelEvaluationError {
  override readonly code: string = 'feel-budget-exceeded';
}

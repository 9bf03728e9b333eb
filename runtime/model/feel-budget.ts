import * as feelin from 'feelin';
import { FeelBudgetError, FeelEvaluationError, type FeelFailureReason } from './feel-errors.js';

/**
 * Budgets for evaluating FEEL, so no expression — whatever a designer wrote
 * and whatever a citizen answered — can run away. Evaluation stays in the
 * request's thread (XState guards run synchronously inside the pure
 * `transition()`), bounded by steps and a deadline:
 *
 * - every node of feelin's execution tree counts one step per call
 *   (scripts/patch-feelin.mjs routes each node closure through `meterNode`);
 *   the deadline is checked every 1,024 steps, so it only ever stops an
 *   evaluation that is doing real work (steps are the deterministic limit,
 *   time the backstop for steps that cost more on wide case data);
 * - enumerating a range, the cartesian product of a `for`, and each builtin
 *   are charged by the size of what they go through (lists, contexts, text);
 * - what a node produces is bounded: a list or context of at most `size`
 *   items (a text counts one item per 128 characters), a text of at most
 *   `text` characters; a range enumerates at most `size` numbers;
 * - one evaluation has its own budget, and all evaluations while one event
 *   is handled share the event's (`withFeelScope`).
 *
 * A budget that runs out throws FeelBudgetError; bench/feel.ts measures what
 * the counting costs.
 */
export const feelLimits = {
  /** One evaluation of one expression. */
  evaluation: { steps: 50_000, ms: 50 },
  /** Everything evaluated while one event of a case is handled. */
  event: { steps: 150_000, ms: 75 },
  /** Items in any list or context an expression produces (and numbers a range enumerates). */
  size: 5_000,
  /** Characters in any text an expression produces. */
  text: 100_000,
} as const;

const CHECK_EVERY = 1_024;
const now = () => performance.now();
// 20,000 (toLocaleString loads ICU data on first use: tens of ms)
export const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** What scripts/patch-feelin.mjs exports from feelin. */
export type PatchedFeelin = {
  __omslagHooks?: {
    range: (start: unknown, end: unknown) => void;
    product: (n: number, context: unknown) => void;
    scan: (keys: number) => void;
  };
  __omslagBuiltins?: Record<string, unknown> & { __omslagOriginals?: Record<string, unknown> };
  __omslagFn?: (impl: (...args: any[]) => unknown, types: string[], names: string[]) => unknown;
  __omslagInvalidArguments?: (template: string, values: Record<string, unknown>) => unknown;
};
const patched = feelin as unknown as PatchedFeelin;

/** Whether feelin carries Omslag's patch, so evaluation can be bounded. Without it nothing is evaluated. */
export const feelBudgetsEnforced = !!(
  patched.__omslagHooks &&
  patched.__omslagBuiltins &&
  patched.__omslagFn &&
  patched.__omslagInvalidArguments
);

// The one meter: evaluation is synchronous and never nested, so one object serves every expression.
const meter = {
  active: false,
  steps: 0,
  limit: Infinity,
  checkAt: Infinity,
  deadline: Infinity,
  expr: '',
  /** Whether the limits in force are the event's remainder rather than the expression's own. */
  eventSteps: false,
  eventTime: false,
  tripped: null as FeelEvaluationError | null,
};

/** Stops the running evaluation with a FeelBudgetError. */
export function fail(reason: FeelFailureReason, message: string): never {
  const error = new FeelBudgetError(meter.expr, reason, message);
  // Sticky: should anything inside feelin swallow the error, the next step throws it again.
  meter.tripped = error;
  meter.checkAt = -Infinity;
  throw error;
}

function checkpoint(): void {
  if (meter.tripped) throw meter.tripped;
  if (!meter.active) {
    meter.checkAt = Infinity;
    return;
  }
  if (meter.steps > meter.limit) {
    fail(
      'steps',
      meter.eventSteps
        ? `the expressions of this event ran out of their shared budget of ${fmt(feelLimits.event.steps)} steps`
        : `the expression ran out of its budget of ${fmt(feelLimits.evaluation.steps)} steps`,
    );
  }
  if (now() > meter.deadline) {
    fail(
      'time',
      meter.eventTime
        ? `the expressions of this event ran out of their shared ${feelLimits.event.ms} ms`
        : `the expression ran out of its ${feelLimits.evaluation.ms} ms`,
    );
  }
  meter.checkAt = Math.min(meter.steps + CHECK_EVERY, meter.limit + 1);
}

/** Steps left to the running evaluation (Infinity outside one). */
export const stepsLeft = () => (meter.active ? meter.limit - meter.steps + 1 : Infinity);

/** Whether an evaluation is running (charges count). */
export const metering = () => meter.active;

/** The steps the last evaluation took (for tests and bench/feel.ts). */
export const lastEvaluationSteps = () => meter.steps;

/** Charges steps to the running evaluation (a no-op outside one). */
export function charge(steps: number): void {
  if (!meter.active) return;
  meter.steps += steps;
  if (meter.steps >= meter.checkAt) checkpoint();
}

/** Refuses a text longer than feelLimits.text (in a running evaluation). */
export function checkText(length: number): void {
  if (meter.active && length > feelLimits.text)
    fail('size', `the expression produced a text of more than ${fmt(feelLimits.text)} characters`);
}

const memo = new WeakMap<object, { n: number; size: number }>();
const isContext = (v: object) => Object.getPrototypeOf(v) === Object.prototype;

/**
 * The number of items in a value, counted through nested lists and contexts
 * (a shared sublist counts each time it occurs, as it would when printed or
 * compared; an empty list or context counts 1); a text counts 1 per 128 characters. Stops counting above `cap`.
 * Memoized per object; a list that has grown (a `for`'s `partial`) is
 * counted on from where it was.
 */
export function sizeOf(value: unknown, cap: number): number {
  if (typeof value === 'string') return 1 + (value.length >>> 7);
  if (typeof value !== 'object' || value === null) return 1;
  const list = Array.isArray(value) ? (value as unknown[]) : null;
  if (!list && !isContext(value)) return 1;
  const known = memo.get(value);
  let size = 0;
  let from = 0;
  if (known) {
    if (!list || known.n === list.length) return known.size;
    if (known.n < list.length) {
      size = known.size;
      from = known.n;
    }
  }
  if (list) {
    for (let i = from; i < list.length && size <= cap; i++) size += sizeOf(list[i], cap - size);
  } else {
    for (const key in value) {
      if (size > cap) break;
      size += sizeOf((value as Record<string, unknown>)[key], cap - size);
    }
  }
  // An empty list or context counts as one item, so nesting empty ones cannot build an unbounded value.
  size = Math.max(1, size);
  if (size <= cap) memo.set(value, { n: list ? list.length : -1, size });
  return size;
}

function checkSize<T>(value: T): T {
  if (typeof value === 'string') {
    if (value.length > feelLimits.text) checkText(value.length);
  } else if (typeof value === 'object' && value !== null && (Array.isArray(value) || isContext(value))) {
    if (sizeOf(value, feelLimits.size) > feelLimits.size)
      fail('size', `the expression produced a list or context of more than ${fmt(feelLimits.size)} items`);
  }
  return value;
}

// Nodes whose closures produce new values (lists, contexts, texts); the others read or pass values on.
const PRODUCERS = new Set([
  'List',
  'Context',
  'ForExpression',
  'FilterExpression',
  'PathExpression',
  'FunctionInvocation',
  'ArithmeticExpression',
]);

/**
 * Wraps one node closure of feelin's execution tree: a step per call, and
 * for producing nodes a size check of the result. Keeps the properties
 * feelin tags closures with (`type`, `constantValue`, `toString`), which
 * enclosing nodes read while the tree is built.
 */
export function meterNode(node: (context: unknown) => unknown, name: string): (context: unknown) => unknown {
  // Node closures take one argument, the context (feelin's evalNode); none uses `this`.
  const metered = PRODUCERS.has(name)
    ? (context: unknown) => {
        if (++meter.steps >= meter.checkAt) checkpoint();
        return checkSize(node(context));
      }
    : (context: unknown) => {
        if (++meter.steps >= meter.checkAt) checkpoint();
        return node(context);
      };
  for (const key of Object.keys(node))
    (metered as unknown as Record<string, unknown>)[key] = (node as unknown as Record<string, unknown>)[key];
  return metered;
}

/** Evaluation scopes: one per event of a case (nested scopes share what their parent has left). */
type Scope = { stepsLeft: number; deadline: number; failure?: FeelFailure };
let scope: Scope | undefined;

/**
 * An expression that failed inside a scope. `step` is where its guard was
 * (when the guard names it); `handled` once a failure route (a decision's
 * onError) took the case; `tainted` if a guard was skipped after that (then
 * the route cannot be trusted either and the engine discards the transition).
 */
export type FeelFailure = { error: FeelEvaluationError; step?: string; handled: boolean; tainted: boolean };

/**
 * Runs `fn` with a shared budget for every expression it evaluates (an
 * event's: feelLimits.event). Returns what `fn` returned and the failure a
 * guard recorded, if any; errors thrown by `fn` pass through.
 */
export function withFeelScope<T>(
  fn: () => T,
  budget: { steps: number; ms: number } = feelLimits.event,
): { value: T; failure?: FeelFailure } {
  const parent = scope;
  const own: Scope = {
    stepsLeft: Math.min(budget.steps, parent?.stepsLeft ?? Infinity),
    deadline: Math.min(now() + budget.ms, parent?.deadline ?? Infinity),
  };
  const initial = own.stepsLeft;
  scope = own;
  try {
    const value = fn();
    return { value, failure: own.failure };
  } finally {
    scope = parent;
    if (parent) parent.stepsLeft -= initial - own.stepsLeft;
  }
}

/**
 * For guards: evaluates `run` in the current scope. If an expression of
 * this scope already failed, the guard does not evaluate and does not hold;
 * if this one fails, the failure is recorded (with `step`) and the guard
 * does not hold — the engine then hands the case to a person instead of
 * following whatever transition came next. Outside a scope, errors are thrown.
 */
export function guardEvaluation(step: string | undefined, run: () => boolean): boolean {
  const s = scope;
  if (!s) return run();
  if (s.failure) {
    if (s.failure.handled) s.failure.tainted = true;
    return false;
  }
  try {
    return run();
  } catch (e) {
    if (!(e instanceof FeelEvaluationError)) throw e;
    s.failure = { error: e, step, handled: false, tainted: false };
    return false;
  }
}

/** For a decision's failure route: holds once, when an expression of this step failed in the current scope. */
export function takeFailureRoute(step: string): boolean {
  const f = scope?.failure;
  if (!f || f.handled || f.step !== step) return false;
  f.handled = true;
  return true;
}

/** Evaluates `run` (one expression) within its own budget and what is left of the scope's. */
export function runMetered<T>(expr: string, run: () => T): T {
  if (!feelBudgetsEnforced) {
    throw new FeelEvaluationError(
      expr,
      'unavailable',
      "FEEL is not evaluated: feelin lacks Omslag's budget patch (run `node scripts/patch-feelin.mjs`; `npm install` does)",
    );
  }
  if (meter.active) return run();
  const s = scope;
  const start = now();
  meter.expr = expr;
  meter.steps = 0;
  meter.limit = Math.min(feelLimits.evaluation.steps, s ? s.stepsLeft : Infinity);
  meter.deadline = Math.min(start + feelLimits.evaluation.ms, s ? s.deadline : Infinity);
  meter.eventSteps = !!s && s.stepsLeft < feelLimits.evaluation.steps;
  meter.eventTime = !!s && s.deadline < start + feelLimits.evaluation.ms;
  meter.tripped = null;
  // The deadline is looked at every CHECK_EVERY steps only, so an evaluation
  // that does little work never fails on time (a GC pause, a busy machine);
  // an event whose steps have run out fails at the first step.
  meter.checkAt = Math.min(CHECK_EVERY, meter.limit + 1);
  meter.active = true;
  try {
    const value = run();
    if (meter.tripped) throw meter.tripped;
    return value;
  } catch (e) {
    throw asEvaluationError(e, expr);
  } finally {
    meter.active = false;
    if (s) s.stepsLeft -= meter.steps;
    meter.limit = Infinity;
    meter.checkAt = Infinity;
  }
}

function asEvaluationError(e: unknown, expr: string): FeelEvaluationError {
  if (e instanceof FeelEvaluationError) return e;
  const message = String((e as Error)?.message ?? e);
  if (e instanceof RangeError && /call stack/i.test(message))
    return new FeelBudgetError(expr, 'depth', 'the expression recursed too deeply');
  if (e instanceof RangeError && /invalid (string|array) length/i.test(message))
    return new FeelBudgetError(expr, 'size', 'the expression produced a value too large to hold');
  return new FeelEvaluationError(expr, 'error', `the expression could not be evaluated (${message.slice(0, 200)})`);
}

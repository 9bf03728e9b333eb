/**
 * What feelin's builtins and the patch's hooks charge to the expression
 * budget (runtime/model/feel-budget.ts): enumerating a range, the cartesian
 * product of a `for`, a name lookup that normalizes every key of the
 * context, and each builtin by the size of its arguments (more for those
 * whose work grows faster than their input). `matches`, `replace` and
 * `split` are replaced by RE2 versions (feel-regex.ts).
 */
import { charge, checkText, fail, fmt, metering, sizeOf, stepsLeft, type PatchedFeelin } from './feel-budget.js';
import { regexBuiltins } from './feel-regex.js';

/** Steps per context key feelin normalizes when a name is not a key as written (≈ a step's time each, bench/feel.ts). */
const SCAN_COST = 2;

// Builtins whose work grows faster than their input.
function extraCost(name: string, args: unknown[]): number {
  const lists = args.filter(Array.isArray) as unknown[][];
  const n = lists.reduce((sum, l) => sum + l.length, 0);
  switch (name) {
    case 'distinct values':
    case 'union': // scalars are hashed; lists and contexts are compared with every kept one
      return n * lists.reduce((sum, l) => sum + l.filter((x) => typeof x === 'object' && x !== null).length, 0);
    case 'sort':
    case 'median':
    case 'mode':
    case 'stddev':
      return n * Math.ceil(Math.log2(n + 1));
    case 'string join': {
      const [list, delimiter] = args as [unknown[], unknown];
      if (Array.isArray(list)) {
        const length =
          list.reduce<number>((sum, s) => sum + (typeof s === 'string' ? s.length : 0), 0) +
          Math.max(0, list.length - 1) * (typeof delimiter === 'string' ? delimiter.length : 0);
        checkText(length);
      }
      return 0;
    }
    default:
      return 0;
  }
}

/** A builtin charged before it runs: one step plus the size of its arguments (and its extra cost). */
function charged(name: string, builtin: (...args: unknown[]) => unknown) {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    if (metering()) {
      let cost = 1;
      for (const arg of args) cost += sizeOf(arg, stepsLeft());
      charge(cost + extraCost(name, args));
    }
    return builtin.apply(this, args);
  };
  (wrapped as unknown as { $args: unknown }).$args = (builtin as unknown as { $args: unknown }).$args;
  return wrapped;
}

/**
 * Sets the patch's hooks and wraps every builtin (once per load of this
 * module, from the originals: a test runner may load it again over the same
 * feelin). A no-op without the patch.
 */
export function installCharges(patched: PatchedFeelin, limits: { size: number }): void {
  if (!patched.__omslagHooks || !patched.__omslagBuiltins || !patched.__omslagFn || !patched.__omslagInvalidArguments)
    return;
  const hooks = patched.__omslagHooks;
  hooks.range = (start, end) => {
    if (!metering()) return;
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
      fail('range', `the range ${String(start)}..${String(end)} cannot be enumerated: its ends must be whole numbers`);
    }
    const count = Math.abs(end - start) + 1;
    if (count > limits.size)
      fail(
        'range',
        `the range ${start}..${end} has ${fmt(count)} numbers; at most ${fmt(limits.size)} can be enumerated`,
      );
    charge(count);
  };
  // Each element of a `for`'s product copies the context it runs in: charge by its width.
  hooks.product = (n, context) => {
    if (metering()) charge(n * (2 + (Object.keys(context as object).length >>> 2)));
  };
  // A name that is not a key as written: feelin normalizes every key of the context.
  hooks.scan = (keys) => charge(keys * SCAN_COST);
  const builtins = patched.__omslagBuiltins;
  if (!builtins.__omslagOriginals) Object.defineProperty(builtins, '__omslagOriginals', { value: { ...builtins } });
  const regex = regexBuiltins({ fn: patched.__omslagFn, invalid: patched.__omslagInvalidArguments, charge, checkText });
  for (const [name, original] of Object.entries(builtins.__omslagOriginals!)) {
    const builtin = regex[name] ?? original;
    if (typeof builtin === 'function') builtins[name] = charged(name, builtin as (...args: unknown[]) => unknown);
  }
}

import * as feelin from 'feelin';
import type { SyntaxNode, Tree } from '@lezer/common';
import { feelBudgetsEnforced, feelLimits, meterNode, runMetered, type PatchedFeelin } from './feel-budget.js';
import { installCharges } from './feel-charges.js';
import { FeelEvaluationError, FeelSyntaxError } from './feel-errors.js';
import { shapeProblem } from './feel-limits.js';
import { compileRegex } from './feel-regex.js';
import { own } from './reserved.js';

export {
  FeelBudgetError,
  FeelEvaluationError,
  FeelLimitError,
  FeelSyntaxError,
  type FeelFailureReason,
  type FeelSyntaxDetail,
} from './feel-errors.js';
export {
  feelBudgetsEnforced,
  feelLimits,
  guardEvaluation,
  takeFailureRoute,
  withFeelScope,
  type FeelFailure,
} from './feel-budget.js';
export { shapeLimits } from './feel-limits.js';

/**
 * FEEL (DMN's expression language) through feelin. Every expression is parsed
 * once and its compiled form reused (a definition's expressions are fixed per
 * published version). No JavaScript from a definition is ever evaluated.
 * Every evaluation runs within budgets (runtime/model/feel-budget.ts), and
 * an expression's shape is limited before it is parsed (feel-limits.ts).
 */
export type CompiledFeel = {
  expr: string;
  /** Free variable names the expression reads (case data it depends on). */
  names: string[];
  /** Literal regular expressions in it that cannot run (static problem P031). */
  patternProblems: PatternProblem[];
  /** Evaluates over case data within the budgets; throws FeelEvaluationError when it cannot. */
  evaluate(data: Record<string, unknown>): unknown;
};

type Interpreter = {
  _buildExecutionTree(tree: Tree, input: string, ctx: unknown): { root: (ctx: unknown) => unknown };
};
type InterpreterContext = { warnings: unknown[]; __omslagMeter?: typeof meterNode };
type Patched = {
  __omslagInterpreter?: Interpreter;
  __omslagInterpreterContext?: new () => InterpreterContext;
  __omslagCoerceContext?: (v: unknown) => Record<string, unknown>;
};
const patched = feelin as unknown as Patched;
installCharges(feelin as unknown as PatchedFeelin, feelLimits);

/**
 * Compiled forms by expression, and the errors of expressions that do not
 * compile (so a draft with a broken expression is not parsed again each
 * time its problems are listed).
 */
const cache = new Map<string, CompiledFeel | FeelSyntaxError>();
const testCache = new Map<string, CompiledUnaryTest | FeelSyntaxError>();
const CACHE_LIMIT = 10_000;

function cached<T>(map: Map<string, T | FeelSyntaxError>, expr: string, make: () => T): T {
  const hit = map.get(expr);
  if (hit instanceof FeelSyntaxError) throw hit;
  if (hit) return hit;
  let value: T | FeelSyntaxError;
  try {
    value = make();
  } catch (e) {
    if (!(e instanceof FeelSyntaxError)) throw e;
    value = e;
  }
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(expr, value);
  if (value instanceof FeelSyntaxError) throw value;
  return value;
}

/**
 * Parses and compiles an expression, or throws FeelSyntaxError saying where
 * it fails — a FeelLimitError (P028/P029) before any parsing when the
 * expression is too long or too deeply nested (runtime/model/feel-limits.ts).
 */
export function compileFeel(expr: string): CompiledFeel {
  return cached(cache, expr, () => {
    const tree = parse(expr, feelin.parseExpression);
    return {
      expr,
      names: freeNames(tree, expr),
      patternProblems: patternProblems(tree, expr),
      evaluate: evaluator(tree, expr),
    };
  });
}

/** A unary test of a decision table cell (`< 1500`, `[1..5]`, `"a","b"`, `-`), compiled once. */
export type CompiledUnaryTest = {
  expr: string;
  names: string[];
  patternProblems: PatternProblem[];
  test(value: unknown, data?: Record<string, unknown>): boolean;
};

/** Parses and compiles a unary test, or throws FeelSyntaxError saying where it fails (limits as compileFeel). */
export function compileUnaryTest(expr: string): CompiledUnaryTest {
  return cached(testCache, expr, () => {
    const tree = parse(expr, feelin.parseUnaryTests);
    const root = build(tree, expr) as unknown as (ctx: unknown) => (value: unknown) => unknown;
    const test: CompiledUnaryTest['test'] = (value, data = {}) =>
      runMetered(expr, () => {
        const ctx = coerce({ ...data, '?': value });
        return root(ctx)(ctx['?']) === true;
      });
    return {
      expr,
      names: freeNames(tree, expr).filter((n) => n !== '?'),
      patternProblems: patternProblems(tree, expr),
      test,
    };
  });
}

/** Evaluates an expression over case data (compiling it once). */
export function evaluateFeel(expr: string, data: Record<string, unknown>): unknown {
  return compileFeel(expr).evaluate(data);
}

/**
 * A guard holds only when the expression is exactly `true` (FEEL null is
 * not true). Throws FeelEvaluationError (FeelBudgetError when a budget ran
 * out) when the expression cannot be evaluated: that is not "false".
 */
export function feelHolds(expr: string, data: Record<string, unknown>): boolean {
  return evaluateFeel(expr, data) === true;
}

function parse(expr: string, parser: (expr: string, context: Record<string, never>, dialect?: string) => Tree): Tree {
  const limit = shapeProblem(expr);
  if (limit) throw limit;
  const tree = parser(expr, {}, undefined);
  const error = firstError(tree, expr);
  if (error) throw error;
  return tree;
}

const coerce = (data: unknown): Record<string, unknown> => {
  if (!patched.__omslagCoerceContext) throw new FeelEvaluationError('', 'unavailable', "feelin lacks Omslag's patch");
  return patched.__omslagCoerceContext(data);
};

/** feelin's execution tree of closures, each metered (scripts/patch-feelin.mjs); null without the patch. */
function build(tree: Tree, expr: string): ((ctx: unknown) => unknown) | null {
  const { __omslagInterpreter: interpreter, __omslagInterpreterContext: Ctx } = patched;
  if (!interpreter || !Ctx || !feelBudgetsEnforced) return null; // runMetered refuses to evaluate
  const interpreterContext = new Ctx();
  interpreterContext.__omslagMeter = meterNode;
  let root: (ctx: unknown) => unknown;
  try {
    ({ root } = interpreter._buildExecutionTree(tree, expr, interpreterContext));
  } catch (e) {
    // feelin folds constants while it builds (date("-2020-01-01") throws "not implemented"): the expression cannot be used.
    throw new FeelSyntaxError(
      expr,
      `the expression cannot be compiled: ${String((e as Error)?.message ?? e).slice(0, 200)}`,
      0,
      expr.length,
      { kind: 'compile' },
    );
  }
  // Warnings are not read: not formatted either (feelin prints the whole context into a missing key's warning), nor kept.
  (interpreterContext as { addWarning?: () => void }).addWarning = () => {};
  return root;
}

function evaluator(tree: Tree, expr: string): CompiledFeel['evaluate'] {
  const root = build(tree, expr);
  return (data) => runMetered(expr, () => root!(coerce(data)));
}

function firstError(tree: Tree, expr: string): FeelSyntaxError | undefined {
  let error: FeelSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) {
        const near = expr.slice(node.from, node.to + 10) || 'the end';
        error = new FeelSyntaxError(
          expr,
          `FEEL syntax error at position ${node.from + 1} (near ${JSON.stringify(near)})`,
          node.from,
          node.to,
          { kind: 'syntax', near: expr.slice(node.from, node.to + 10) },
        );
        return false;
      }
      return undefined;
    },
  });
  if (!error && !expr.trim()) error = new FeelSyntaxError(expr, 'empty FEEL expression', 0, 0, { kind: 'empty' });
  return error;
}

/**
 * A literal pattern of `matches`, `replace` or `split` (`fn`) that cannot run: an unknown flag, or a
 * pattern RE2 refuses (`near`: the part it refuses, when it says). `why` is RE2's own words, for logs.
 */
export type PatternProblem =
  | { fn: string; case: 'flag'; flag: string }
  | { fn: string; case: 'pattern'; pattern: string; near?: string; why: string };

/** The regex functions and which argument is their pattern, and their flags. */
const PATTERN_ARGS: Record<string, { pattern: [number, string]; flags?: [number, string] }> = {
  matches: { pattern: [1, 'pattern'], flags: [2, 'flags'] },
  replace: { pattern: [1, 'pattern'], flags: [3, 'flags'] },
  split: { pattern: [1, 'delimiter'] },
};

/**
 * Literal patterns of `matches`, `replace` and `split` that RE2 cannot run
 * (backreferences, lookaround, bad syntax or flags): a message for each.
 * Patterns computed at run time are checked when they run (null and a warning).
 */
function patternProblems(tree: Tree, expr: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  const literal = (node: SyntaxNode | null | undefined) =>
    node?.name === 'StringLiteral' ? (feelin.evaluate(text(node)).value as string) : undefined;
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionInvocation') return;
      const node = ref.node;
      const callee = node.firstChild;
      const spec = callee?.name === 'VariableName' ? own(PATTERN_ARGS, text(callee)) : undefined;
      const params = node.getChild('PositionalParameters') ?? node.getChild('NamedParameters');
      if (!spec || !params) return;
      const arg = ([index, name]: [number, string]): SyntaxNode | null | undefined => {
        if (params.name === 'PositionalParameters') return positional(params)[index];
        return params.getChildren('NamedParameter').find((p) => p.firstChild && text(p.firstChild).trim() === name)
          ?.lastChild;
      };
      const pattern = literal(arg(spec.pattern));
      if (pattern === undefined) return;
      const flagsNode = spec.flags ? arg(spec.flags) : undefined;
      const flags = flagsNode ? literal(flagsNode) : '';
      if (flags === undefined) return;
      const fn = text(callee!);
      const unknownFlag = [...(flags ?? '')].find((f) => !'imsx'.includes(f));
      if (unknownFlag) return void problems.push({ fn, case: 'flag', flag: unknownFlag });
      const re = compileRegex(pattern, flags);
      if (typeof re === 'string') {
        const near = /`([^`]+)`/.exec(re)?.[1];
        problems.push({ fn, case: 'pattern', pattern, ...(near ? { near } : {}), why: re });
      }
    },
  });
  return problems;
}

/** The argument nodes of positional parameters (children other than commas). */
function positional(params: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let c = params.firstChild; c; c = c.nextSibling) if (c.name !== ',') list.push(c);
  return list;
}

/**
 * Names the expression reads from its context: VariableName nodes, less the
 * names of invoked functions and type names (`instance of number`), and less
 * names bound in scope: by for/some/every, function parameters, earlier
 * entries of a context literal, the implicit `item` of a filter and `partial`
 * of a for. Bindings hold only inside their expression, so in
 * `(for a in xs return a) = a` the last `a` is still read from the context.
 */
function freeNames(tree: Tree, expr: string): string[] {
  const names = new Set<string>();
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  const childrenOf = (node: SyntaxNode) => {
    const list: SyntaxNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) list.push(c);
    return list;
  };
  const visit = (node: SyntaxNode, bound: ReadonlySet<string>): void => {
    switch (node.name) {
      case 'Type':
        return;
      case 'VariableName': {
        const isCallee = node.parent?.name === 'FunctionInvocation' && node.prevSibling === null;
        if (!isCallee && !bound.has(text(node))) names.add(text(node));
        return;
      }
      case 'ForExpression':
      case 'QuantifiedExpression': {
        const inner = new Set(bound);
        if (node.name === 'ForExpression') inner.add('partial');
        for (const child of childrenOf(node)) {
          if (child.name !== 'InExpressions') {
            visit(child, inner);
            continue;
          }
          for (const inExpr of childrenOf(child)) {
            for (const part of childrenOf(inExpr)) if (part.name !== 'Name') visit(part, inner);
            const name = inExpr.getChild('Name');
            if (name) inner.add(text(name));
          }
        }
        return;
      }
      case 'FunctionDefinition': {
        const inner = new Set(bound);
        for (const param of node.getChild('FormalParameters')?.getChildren('FormalParameter') ?? []) {
          const name = param.getChild('ParameterName');
          if (name) inner.add(text(name));
        }
        for (const child of childrenOf(node)) if (child.name !== 'FormalParameters') visit(child, inner);
        return;
      }
      case 'Context': {
        const inner = new Set(bound);
        for (const entry of childrenOf(node)) {
          for (const part of childrenOf(entry)) if (part.name !== 'Key') visit(part, inner);
          const key = entry.getChild('Key');
          if (key) inner.add(text(key));
        }
        return;
      }
      case 'FilterExpression': {
        const [list, ...rest] = childrenOf(node);
        if (list) visit(list, bound);
        const inner = new Set(bound).add('item');
        for (const child of rest) visit(child, inner);
        return;
      }
      default:
        for (const child of childrenOf(node)) visit(child, bound);
    }
  };
  visit(tree.topNode, new Set());
  return [...names];
}

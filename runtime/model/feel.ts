import * as feelin from 'feelin';
import type { Tree } from '@lezer/common';

/**
 * FEEL (DMN's expression language) through feelin. Every expression is parsed
 * once and its compiled form reused (a definition's expressions are fixed per
 * published version). No JavaScript from a definition is ever evaluated.
 */
export type CompiledFeel = {
  expr: string;
  /** Free variable names the expression reads (case data it depends on). */
  names: string[];
  evaluate(data: Record<string, unknown>): unknown;
};

export class FeelSyntaxError extends Error {
  constructor(readonly expr: string, message: string, readonly from: number, readonly to: number) {
    super(message);
  }
}

type Interpreter = { _buildExecutionTree(tree: Tree, input: string, ctx: unknown): { root: (ctx: unknown) => unknown } };
type Patched = {
  __omslagInterpreter?: Interpreter;
  __omslagInterpreterContext?: new () => { warnings: unknown[] };
  __omslagCoerceContext?: (v: unknown) => Record<string, unknown>;
};
const patched = feelin as unknown as Patched;

const cache = new Map<string, CompiledFeel>();
const CACHE_LIMIT = 10_000;

/** Parses and compiles an expression, or throws FeelSyntaxError saying where it fails. */
export function compileFeel(expr: string): CompiledFeel {
  const hit = cache.get(expr);
  if (hit) return hit;
  const tree = feelin.parseExpression(expr, {}, undefined);
  const error = firstError(tree, expr);
  if (error) throw error;
  const compiled: CompiledFeel = { expr, names: freeNames(tree, expr), evaluate: evaluator(tree, expr) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(expr, compiled);
  return compiled;
}

/** Evaluates an expression over case data (compiling it once). */
export function evaluateFeel(expr: string, data: Record<string, unknown>): unknown {
  return compileFeel(expr).evaluate(data);
}

/** A guard holds only when the expression is exactly `true` (FEEL null is not true). */
export function feelHolds(expr: string, data: Record<string, unknown>): boolean {
  return evaluateFeel(expr, data) === true;
}

function evaluator(tree: Tree, expr: string): CompiledFeel['evaluate'] {
  const { __omslagInterpreter: interpreter, __omslagInterpreterContext: Ctx, __omslagCoerceContext: coerce } = patched;
  if (!interpreter || !Ctx || !coerce) {
    // feelin without the postinstall patch: correct, only slower (parses per call).
    return (data) => feelin.evaluate(expr, data).value;
  }
  const interpreterContext = new Ctx();
  const { root } = interpreter._buildExecutionTree(tree, expr, interpreterContext);
  return (data) => {
    interpreterContext.warnings.length = 0;
    return toPlain(root(coerce(data)));
  };
}

// feelin returns its own wrappers for temporal values; the public API does the same.
const toPlain = (value: unknown) => value;

function firstError(tree: Tree, expr: string): FeelSyntaxError | undefined {
  let error: FeelSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) {
        const near = expr.slice(node.from, node.to + 10) || 'the end';
        error = new FeelSyntaxError(expr, `FEEL syntax error at position ${node.from + 1} (near ${JSON.stringify(near)})`, node.from, node.to);
        return false;
      }
      return undefined;
    },
  });
  if (!error && !expr.trim()) error = new FeelSyntaxError(expr, 'empty FEEL expression', 0, 0);
  return error;
}

/**
 * Names the expression reads from its context: VariableName nodes, less the
 * names of invoked functions, names bound by for/some/every and function
 * parameters, and the implicit `item` of a filter.
 */
function freeNames(tree: Tree, expr: string): string[] {
  const names = new Set<string>();
  const bound = new Set<string>(['item']);
  const cursor = tree.cursor();
  do {
    const text = expr.slice(cursor.from, cursor.to);
    if (cursor.name === 'Name' || cursor.name === 'ParameterName') bound.add(text);
    if (cursor.name === 'VariableName') {
      const isCallee = cursor.node.parent?.name === 'FunctionInvocation' && cursor.node.prevSibling === null;
      if (!isCallee) names.add(text);
    }
  } while (cursor.next());
  return [...names].filter((n) => !bound.has(n));
}

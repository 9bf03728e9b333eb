import * as feelin from 'feelin';
import type { SyntaxNode, Tree } from '@lezer/common';

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

/** A unary test of a decision table cell (`< 1500`, `[1..5]`, `"a","b"`, `-`), compiled once. */
export type CompiledUnaryTest = { expr: string; names: string[]; test(value: unknown, data?: Record<string, unknown>): boolean };
const testCache = new Map<string, CompiledUnaryTest>();

/** Parses and compiles a unary test, or throws FeelSyntaxError saying where it fails. */
export function compileUnaryTest(expr: string): CompiledUnaryTest {
  const hit = testCache.get(expr);
  if (hit) return hit;
  const tree = feelin.parseUnaryTests(expr, {}, undefined);
  const error = firstError(tree, expr);
  if (error) throw error;
  const { __omslagInterpreter: interpreter, __omslagInterpreterContext: Ctx, __omslagCoerceContext: coerce } = patched;
  let test: CompiledUnaryTest['test'];
  if (interpreter && Ctx && coerce) {
    const interpreterContext = new Ctx();
    const { root } = interpreter._buildExecutionTree(tree, expr, interpreterContext) as unknown as { root: (ctx: unknown) => (value: unknown) => unknown };
    test = (value, data = {}) => {
      interpreterContext.warnings.length = 0;
      const ctx = coerce({ ...data, '?': value });
      return root(ctx)(ctx['?']) === true;
    };
  } else {
    test = (value, data = {}) => feelin.unaryTest(expr, { ...data, '?': value }).value === true;
  }
  const compiled = { expr, names: freeNames(tree, expr).filter((n) => n !== '?'), test };
  if (testCache.size >= CACHE_LIMIT) testCache.clear();
  testCache.set(expr, compiled);
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
          if (child.name !== 'InExpressions') { visit(child, inner); continue; }
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

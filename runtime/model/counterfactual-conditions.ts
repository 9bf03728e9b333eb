import * as feelin from 'feelin';
import type { SyntaxNode } from '@lezer/common';
import { compileFeel } from './feel.js';

/**
 * Conditions of a decision as data a counterfactual can reason about: a
 * disjunction of clauses, each a conjunction of atoms "field op value"
 * (DNF). Only simple shapes are read — comparisons of a field (or
 * `date(field)`) with a value, ranges, lists, `in`, `and`, `or`, `not(...)`
 * of unary tests, a bare yes/no field — and anything else makes the whole
 * condition `null`: not analysable, so no alternative is guessed from it.
 * The value side may be any expression that does not read the field itself;
 * it is evaluated over the case's data (a norm that depends on another
 * answer is a constant while only this field changes).
 */
export type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type Scalar = number | string | boolean;
/** `date`: the value is an ISO date (YYYY-MM-DD) and the field is compared as a date. */
export type Atom = { field: string; op: Op; value: Scalar; date: boolean };
export type Dnf = Atom[][];

/** A field reference: `inkomen`, or `date(geboortedatum)`. */
export type FieldRef = { field: string; date: boolean };

// A condition that would expand to more clauses than this is not analysed (and/or products grow fast).
const MAX_CLAUSES = 64;

const NEGATED: Record<Op, Op> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
const FLIPPED: Record<Op, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) list.push(c);
  return list;
}

/** Both conditions (a conjunction): every clause of one with every clause of the other. */
export function and(a: Dnf | null, b: Dnf | null): Dnf | null {
  if (!a || !b) return null;
  const out: Dnf = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out.length > MAX_CLAUSES ? null : out;
}

function or(a: Dnf | null, b: Dnf | null): Dnf | null {
  if (!a || !b) return null;
  const out = [...a, ...b];
  return out.length > MAX_CLAUSES ? null : out;
}

/** The condition's negation, again as clauses (De Morgan). */
export function negate(dnf: Dnf | null): Dnf | null {
  if (!dnf) return null;
  let out: Dnf | null = [[]];
  for (const clause of dnf)
    out = and(
      out,
      clause.map((atom) => [{ ...atom, op: NEGATED[atom.op] }]),
    );
  return out;
}

/** A value the analysis can compare with: numbers, texts, yes/no, and dates (FEEL's date as its ISO text). */
function scalar(value: unknown): { value: Scalar; date: boolean } | null {
  if (typeof value === 'number' || typeof value === 'boolean') return { value, date: false };
  if (typeof value === 'string') return { value, date: false };
  const iso = (value as { iso?: unknown } | null)?.iso;
  if (value && (value as object).constructor?.name === 'FeelDate' && typeof iso === 'string')
    return { value: iso, date: true };
  return null;
}

type Source = { expr: string; data: Record<string, unknown> };

function refOf(node: SyntaxNode, src: Source): FieldRef | null {
  const text = src.expr.slice(node.from, node.to).trim();
  if (node.name === 'VariableName') return { field: text, date: false };
  if (node.name === 'DateTimeLiteral' && node.firstChild?.name === 'DateTimeConstructor') {
    if (src.expr.slice(node.firstChild.from, node.firstChild.to) !== 'date') return null;
    const args = node.getChild('PositionalParameters');
    const only = args ? children(args).filter((c) => c.name !== ',') : [];
    if (only.length === 1 && only[0].name === 'VariableName')
      return { field: src.expr.slice(only[0].from, only[0].to).trim(), date: true };
  }
  return null;
}

/** The value of the other side, evaluated over the case's data, when it does not read the field. */
function valueOf(node: SyntaxNode, field: string, src: Source): { value: Scalar; date: boolean } | null {
  const text = src.expr.slice(node.from, node.to);
  try {
    const compiled = compileFeel(text);
    if (compiled.names.includes(field)) return null;
    return scalar(compiled.evaluate(src.data));
  } catch {
    return null;
  }
}

function atom(ref: FieldRef, op: string, node: SyntaxNode, src: Source): Dnf | null {
  if (!(op in NEGATED)) return null;
  const v = valueOf(node, ref.field, src);
  if (!v) return null;
  return [[{ field: ref.field, op: op as Op, value: v.value, date: ref.date || v.date }]];
}

/** One positive unary test on a field: `< 1500`, `[1..5]`, `"a"`, `date("2000-01-01")`. */
function positiveTest(node: SyntaxNode, ref: FieldRef, src: Source): Dnf | null {
  const inner = node.name === 'PositiveUnaryTest' ? node.firstChild : node;
  if (!inner) return null;
  if (inner.name !== 'SimplePositiveUnaryTest') return atom(ref, '=', inner, src);
  const [first, second] = children(inner);
  if (first?.name === 'CompareOp' && second) return atom(ref, src.expr.slice(first.from, first.to), second, src);
  if (first?.name === 'Interval') {
    const parts = children(first);
    const [open, lo, , hi, close] = parts;
    if (parts.length !== 5) return null;
    const o = src.expr.slice(open.from, open.to);
    const c = src.expr.slice(close.from, close.to);
    return and(atom(ref, o === '[' ? '>=' : '>', lo, src), atom(ref, c === ']' ? '<=' : '<', hi, src));
  }
  return null;
}

/** Positive unary tests, one or more (a list: any of them). */
function positiveTests(node: SyntaxNode, ref: FieldRef, src: Source): Dnf | null {
  if (node.name === 'PositiveUnaryTest') return positiveTest(node, ref, src);
  if (node.name !== 'PositiveUnaryTests') return null;
  let out: Dnf | null = [];
  for (const test of node.getChildren('PositiveUnaryTest')) out = or(out, positiveTest(test, ref, src));
  return out;
}

function expression(node: SyntaxNode, src: Source): Dnf | null {
  const parts = children(node);
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression':
      return parts.length === 1 || node.name === 'ParenthesizedExpression'
        ? expression(
            parts.find((p) => p.name !== '(' && p.name !== ')')!,
            src,
          )
        : null;
    case 'Conjunction':
      return and(expression(parts[0], src), expression(parts[2], src));
    case 'Disjunction':
      return or(expression(parts[0], src), expression(parts[2], src));
    case 'BooleanLiteral':
      return src.expr.slice(node.from, node.to) === 'true' ? [[]] : [];
    case 'VariableName':
      return [[{ field: src.expr.slice(node.from, node.to).trim(), op: '=', value: true, date: false }]];
    case 'FunctionInvocation': {
      // not(heeftAuto): the yes/no field is false.
      const callee = parts[0] && src.expr.slice(parts[0].from, parts[0].to);
      const args = node.getChild('PositionalParameters');
      const only = args ? children(args).filter((c) => c.name !== ',') : [];
      if (callee === 'not' && only.length === 1 && only[0].name === 'VariableName')
        return [[{ field: src.expr.slice(only[0].from, only[0].to).trim(), op: '=', value: false, date: false }]];
      return null;
    }
    case 'Comparison': {
      const [left, op, right, ...rest] = parts;
      if (!left || !op || !right) return null;
      const opText = src.expr.slice(op.from, op.to);
      if (op.name === 'in') {
        const ref = refOf(left, src);
        if (!ref) return null;
        if (right.name === '(') return rest[0] ? positiveTests(rest[0], ref, src) : null;
        return positiveTests(right, ref, src);
      }
      // `x <> 3` parses as `x < (> 3)`: not a comparison this reads.
      if (op.name !== 'CompareOp' || rest.length || right.name === 'SimplePositiveUnaryTest') return null;
      const l = refOf(left, src);
      if (l) return atom(l, opText, right, src);
      const r = refOf(right, src);
      if (r && opText in FLIPPED) return atom(r, FLIPPED[opText as Op], left, src);
      return null;
    }
    default:
      return null;
  }
}

/** A rule's `when` as clauses over fields, or null when it is not one of the shapes read here. */
export function conditionOf(expr: string, data: Record<string, unknown>): Dnf | null {
  try {
    const tree = feelin.parseExpression(expr, {}, undefined);
    return expression(tree.topNode, { expr, data });
  } catch {
    return null;
  }
}

/** A decision table's input as a field reference (`inkomen`, `date(geboortedatum)`), or null. */
export function inputRef(expr: string): FieldRef | null {
  try {
    const tree = feelin.parseExpression(expr, {}, undefined);
    const [only, ...more] = children(tree.topNode);
    return only && !more.length ? refOf(only, { expr, data: {} }) : null;
  } catch {
    return null;
  }
}

/** A table cell (unary tests) on the input `ref` as clauses; `-` holds always; null when not read. */
export function cellOf(test: string, ref: FieldRef | null, data: Record<string, unknown>): Dnf | null {
  if (test.trim() === '-') return [[]];
  if (!ref) return null;
  try {
    const tree = feelin.parseUnaryTests(test, {}, undefined);
    const top = tree.topNode;
    const parts = children(top);
    const src = { expr: test, data };
    if (parts.length === 1 && parts[0].name === 'PositiveUnaryTests') return positiveTests(parts[0], ref, src);
    if (parts[0]?.name === 'not') {
      const tests = parts.find((p) => p.name === 'PositiveUnaryTests');
      return tests ? negate(positiveTests(tests, ref, src)) : null;
    }
    return null;
  } catch {
    return null;
  }
}

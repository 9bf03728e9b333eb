import { FeelLimitError, type ForeignFix } from './feel-errors.js';
import { fmt } from './feel-budget.js';

/**
 * Limits on an expression's shape, checked before feelin parses it. feelin's
 * (lezer) parser costs 10–20 µs per character and grows faster than linearly
 * with operator chains: a 20,000-term `x = 1 or …` (180 KB) took it to a 4 GB
 * heap, 4,000 terms took 1.3 s; and evaluation recurses once per nesting
 * level, so an unbounded chain can overflow the stack. The longest
 * expression in processes/ is 118 characters with 12 operators, so the
 * limits leave ample room; within them the worst parse measured is ≈ 40 ms
 * (2,000 characters of unary minus), once per expression (it is cached).
 */
export const shapeLimits = {
  /** Characters in one expression. */
  length: 2_000,
  /** Levels of brackets: ( [ { */
  nesting: 32,
  /** Operators and nesting keywords (+ - * / = < .. . and or in between if for some every …). */
  operators: 200,
} as const;

const KEYWORDS = new Set(['and', 'or', 'between', 'in', 'instance', 'if', 'for', 'some', 'every', 'function']);
const SYMBOLS = new Set(['+', '-', '*', '/', '=', '<', '>', '!']);
const nameChar = (c: string | undefined) => !!c && /[\p{L}\p{N}_?]/u.test(c);
const digit = (c: string | undefined) => !!c && c >= '0' && c <= '9';
// 20,000 (toLocaleString loads ICU data on first use: tens of ms)

/**
 * Operators of the expression languages BPMN files and programmers bring
 * along (JUEL in Camunda 7 and Flowable, JavaScript) that FEEL does not
 * have. feelin reads `a == 1` without complaint (as something else than
 * "equals"), so they are refused before parsing, with what to write instead:
 * an imported condition is never silently read another way.
 */
const FOREIGN: { op: string; fix: ForeignFix; words: string }[] = [
  { op: '===', fix: 'equals', words: 'FEEL writes = for "equals"' },
  { op: '!==', fix: 'notEquals', words: 'FEEL writes != for "does not equal"' },
  { op: '==', fix: 'equals', words: 'FEEL writes = for "equals"' },
  { op: '&&', fix: 'and', words: 'FEEL writes and' },
  { op: '||', fix: 'or', words: 'FEEL writes or' },
  { op: '${', fix: 'unwrap', words: 'write the condition itself, without ${ }' },
  { op: '#{', fix: 'unwrap', words: 'write the condition itself, without #{ }' },
];

function foreignAt(expr: string, i: number): { op: string; fix: ForeignFix; words: string } | undefined {
  const known = FOREIGN.find((f) => expr.startsWith(f.op, i));
  if (known) return known;
  // `!x` or `!(…)`; `!=` is FEEL.
  if (expr[i] === '!' && /[\p{L}_(]/u.test(expr[i + 1] ?? ''))
    return { op: '!', fix: 'not', words: 'FEEL writes not(…)' };
  return undefined;
}

/**
 * The first limit the expression breaks (or the first foreign operator), or undefined. A linear scan that
 * skips string literals and comments; it approximates FEEL's grammar (it
 * only needs to bound what the parser and the evaluator will see).
 */
export function shapeProblem(expr: string): FeelLimitError | undefined {
  if (expr.length > shapeLimits.length) {
    return new FeelLimitError(
      expr,
      'P028',
      `the expression is ${fmt(expr.length)} characters long; at most ${fmt(shapeLimits.length)} are allowed: split it over several rules or use a decision table`,
      shapeLimits.length,
      expr.length,
      { kind: 'length', length: expr.length, max: shapeLimits.length },
    );
  }
  let depth = 0;
  let operators = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === '`') {
      for (i++; i < expr.length && expr[i] !== c; i++) if (expr[i] === '\\') i++;
      continue;
    }
    if (c === '/' && expr[i + 1] === '/') {
      while (i < expr.length && expr[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && expr[i + 1] === '*') {
      const end = expr.indexOf('*/', i + 2);
      i = end < 0 ? expr.length : end + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      if (++depth > shapeLimits.nesting) {
        return new FeelLimitError(
          expr,
          'P029',
          `brackets nest more than ${shapeLimits.nesting} levels deep (at position ${i + 1}): name parts of the expression in a decision table's inputs or split it over rules`,
          i,
          i + 1,
          { kind: 'nesting', max: shapeLimits.nesting },
        );
      }
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const foreign = foreignAt(expr, i);
    if (foreign) {
      return new FeelLimitError(
        expr,
        'P034',
        `'${foreign.op}' at position ${i + 1} is not FEEL (it is JavaScript or JUEL): ${foreign.words}`,
        i,
        i + foreign.op.length,
        { kind: 'foreign', op: foreign.op, fix: foreign.fix },
      );
    }
    let counted = false;
    if (SYMBOLS.has(c)) {
      counted = true;
      while (SYMBOLS.has(expr[i + 1]) && expr[i + 1] !== '-') i++; // ** <= >= != count once
    } else if (c === '.') {
      let k = i - 1;
      while (digit(expr[k])) k--;
      const decimal = digit(expr[i + 1]) && !nameChar(expr[k]); // 1.5 and .5, not a.b or a1.b
      if (expr[i + 1] === '.') {
        i++;
        counted = true;
      } else counted = !decimal;
    } else if (/[a-z]/.test(c) && !nameChar(expr[i - 1])) {
      let j = i;
      while (j < expr.length && /[a-z]/.test(expr[j])) j++;
      if (!nameChar(expr[j]) && KEYWORDS.has(expr.slice(i, j))) counted = true;
      i = j - 1;
    }
    if (counted && ++operators > shapeLimits.operators) {
      return new FeelLimitError(
        expr,
        'P029',
        `the expression has more than ${shapeLimits.operators} operators (the limit is reached at position ${i + 1}): split it over several rules or use a decision table`,
        i,
        i + 1,
        { kind: 'operators', max: shapeLimits.operators },
      );
    }
  }
  return undefined;
}

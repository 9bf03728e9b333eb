import { z } from 'zod';
import { compileFeel, compileUnaryTest, FeelEvaluationError } from './feel.js';
import { targetSchema } from './ids.js';
import { textSchema } from './text.js';

/**
 * A decision table in the style of DMN: named inputs (FEEL expressions over
 * the case data), rows of unary tests (one per input, `-` for any), each row
 * with its target and a plain-language reason that may use the inputs'
 * values as `{{input}}`. Hit policies: UNIQUE (at most one row may match)
 * and FIRST (the first matching row wins).
 */
export const tableSchema = z
  .object({
    hitPolicy: z.enum(['UNIQUE', 'FIRST']),
    inputs: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an input id is a FEEL name'),
            label: textSchema,
            expr: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    rows: z.array(z.object({ tests: z.array(z.string().min(1)), goto: targetSchema, because: textSchema }).strict()),
  })
  .strict();
export type DecisionTable = z.infer<typeof tableSchema>;
/** The part of a table the run-time guards need (JSON, in the compiled machine). */
export type TableParams = { inputs: { id: string; expr: string }[]; rows: string[][] };

export function tableParams(table: DecisionTable): TableParams {
  return { inputs: table.inputs.map((i) => ({ id: i.id, expr: i.expr })), rows: table.rows.map((r) => r.tests) };
}

/** The inputs' values over the case data. */
export function tableInputs(
  params: Pick<TableParams, 'inputs'>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(params.inputs.map((i) => [i.id, compileFeel(i.expr).evaluate(data) ?? null]));
}

/**
 * The input values an explanation records: a table's inputs evaluated, or
 * the fields a rule read. `scope` is the data the reason's placeholders use.
 */
export function explanationInputs(
  params: { inputs: string[]; table?: { id: string; expr: string }[] },
  data: Record<string, unknown>,
) {
  const inputs = params.table
    ? recordedInputs(params.table, data)
    : Object.fromEntries(params.inputs.map((n) => [n, data[n] ?? null]));
  return { inputs, scope: { ...data, ...inputs } };
}

/**
 * Table inputs for the record: an input that cannot be evaluated (it ran out
 * of its budget, when the decision went to its onError) is recorded as null
 * rather than failing the explanation. Deciding uses tableInputs, which throws.
 */
function recordedInputs(
  inputs: { id: string; expr: string }[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    inputs.map((i) => {
      try {
        return [i.id, compileFeel(i.expr).evaluate(data) ?? null];
      } catch (e) {
        if (e instanceof FeelEvaluationError) return [i.id, null];
        throw e;
      }
    }),
  );
}

/** Which rows match the data (indexes, in order). */
export function matchingRows(params: TableParams, data: Record<string, unknown>): number[] {
  const values = tableInputs(params, data);
  const matches: number[] = [];
  params.rows.forEach((tests, i) => {
    if (tests.every((test, j) => compileUnaryTest(test).test(values[params.inputs[j].id], data))) matches.push(i);
  });
  return matches;
}

type Interval = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };
type Cell = { any: true } | { intervals: Interval[] } | { strings: string[] } | null;

/** A cell as intervals or strings when it is one of the simple forms; null when it is not (then: not decidable). */
function cellOf(test: string): Cell {
  const s = test.trim();
  if (s === '-') return { any: true };
  const num = '(-?\\d+(?:\\.\\d+)?)';
  let m = new RegExp(`^(<=|>=|<|>)\\s*${num}$`).exec(s);
  if (m) {
    const n = Number(m[2]);
    return {
      intervals: [
        m[1].startsWith('<')
          ? { lo: -Infinity, hi: n, loOpen: true, hiOpen: m[1] === '<' }
          : { lo: n, hi: Infinity, loOpen: m[1] === '>', hiOpen: true },
      ],
    };
  }
  m = new RegExp(`^([\\[\\(\\]])\\s*${num}\\s*\\.\\.\\s*${num}\\s*([\\]\\)\\[])$`).exec(s);
  if (m) return { intervals: [{ lo: Number(m[2]), hi: Number(m[3]), loOpen: m[1] !== '[', hiOpen: m[4] !== ']' }] };
  if (new RegExp(`^${num}(\\s*,\\s*${num})*$`).test(s))
    return { intervals: s.split(',').map((x) => ({ lo: Number(x), hi: Number(x), loOpen: false, hiOpen: false })) };
  if (/^"[^"]*"(\s*,\s*"[^"]*")*$/.test(s)) return { strings: [...s.matchAll(/"([^"]*)"/g)].map((x) => x[1]) };
  if (s === 'true' || s === 'false') return { strings: [s] };
  return null;
}

const intersects = (a: Interval, b: Interval) => {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  return !loOpen && !hiOpen;
};

/** Whether two cells can both hold for one value: true, false, or null (cannot tell). */
function cellsOverlap(a: Cell, b: Cell): boolean | null {
  if (!a || !b) return null;
  if ('any' in a || 'any' in b) return true;
  if ('intervals' in a && 'intervals' in b) return a.intervals.some((x) => b.intervals.some((y) => intersects(x, y)));
  if ('strings' in a && 'strings' in b) return a.strings.some((x) => b.strings.includes(x));
  return false;
}

/**
 * Pairs of rows of a UNIQUE table that can match the same case, where that
 * can be decided from the tests alone (numeric ranges, values, `-`).
 */
export function overlappingRows(table: DecisionTable): [number, number][] {
  const cells = table.rows.map((r) => r.tests.map(cellOf));
  const pairs: [number, number][] = [];
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      const each = cells[i].map((c, k) => cellsOverlap(c, cells[j][k]));
      if (each.length && each.every((x) => x === true)) pairs.push([i, j]);
    }
  }
  return pairs;
}

import type { Process } from './schema.js';
import { stepKind } from './steps/index.js';
import type { Field } from './fields/index.js';

/**
 * One value that changed, where it is inside the step, field, group or
 * process (`['rules', 0, 'when']`), and what it was and is (undefined: not
 * there). Texts in two languages give one change per language.
 */
export type Change = { path: (string | number)[]; before?: unknown; after?: unknown };
export type Changes = {
  added: string[];
  removed: string[];
  /** `changes`: the names of the properties that changed; `details`: each value, before and after. */
  changed: { id: string; changes: string[]; details: Change[] }[];
};
export type DefinitionDiff = {
  steps: Changes;
  fields: Changes;
  groups: Changes;
  process: string[];
  processDetails: Change[];
};

/** At most this many values per step, field or group (a rewritten table would list hundreds of cells). */
export const DETAILS_PER_ITEM = 25;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The values that differ between two JSON values, deepest first where both
 * sides are objects or arrays (arrays by position), else the whole value.
 * `skip` leaves out top-level keys (a step's fields are compared by id).
 */
export function deepChanges(a: unknown, b: unknown, skip: string[] = [], path: (string | number)[] = []): Change[] {
  if (same(a, b)) return [];
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((k) => !(path.length === 0 && skip.includes(k)))
      .sort();
    return keys.flatMap((k) => deepChanges(a[k], b[k], [], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: Change[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...deepChanges(a[i], b[i], [], [...path, i]));
    return out;
  }
  // A rule or a text that is there on one side only: its values one by one ("regel 4 › als: was …, nu (leeg)").
  const empty = (x: unknown) => (Array.isArray(x) ? [] : isRecord(x) ? {} : undefined);
  if (a === undefined || b === undefined) {
    const other = empty(a ?? b);
    const leaves = other ? deepChanges(a ?? other, b ?? other, [], path) : [];
    if (leaves.length) return leaves;
  }
  return [{ path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) }];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which top-level keys of two objects differ (names of what changed). */
function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>, ignore: string[] = []): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !ignore.includes(k) && !same(a[k], b[k]))
    .sort();
}

function compare<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  describe: (x: T, y: T) => string[],
  skip: string[] = [],
): Changes {
  const added = Object.keys(b).filter((id) => !(id in a));
  const removed = Object.keys(a).filter((id) => !(id in b));
  const changed = Object.keys(a)
    .filter((id) => id in b)
    .map((id) => ({
      id,
      changes: describe(a[id], b[id]),
      details: deepChanges(a[id], b[id], skip).slice(0, DETAILS_PER_ITEM),
    }))
    .filter((c) => c.changes.length);
  return { added, removed, changed };
}

function fieldsOf(def: Process): Record<string, Field & { step: string }> {
  const out: Record<string, Field & { step: string }> = {};
  for (const [id, step] of Object.entries(def.steps))
    for (const f of stepKind(step.kind).fields(step)) out[f.id] = { ...f, step: id };
  return out;
}

/** What the process's own properties are not: its parts (compared on their own) and where they are drawn. */
const OWN = ['steps', 'groups', 'layout', '$schema'];

/**
 * What changed between two definitions: steps, fields and groups added,
 * removed or changed (with the names of the properties that changed and
 * each value before and after), and the process's own properties. Positions
 * on the canvas do not count.
 */
export function diffDefinitions(a: Process, b: Process): DefinitionDiff {
  return {
    steps: compare(
      a.steps as Record<string, Record<string, unknown>>,
      b.steps as Record<string, Record<string, unknown>>,
      (x, y) =>
        changedKeys(x, y, ['fields']).concat(
          !same(
            (x as { fields?: Field[] }).fields?.map((f) => f.id),
            (y as { fields?: Field[] }).fields?.map((f) => f.id),
          )
            ? ['fields']
            : [],
        ),
      // A step's questions are compared by id under `fields`; here only which ones, in which order.
      ['fields'],
    ),
    fields: compare(fieldsOf(a), fieldsOf(b), (x, y) => changedKeys(x, y)),
    groups: compare(
      (a.groups ?? {}) as Record<string, Record<string, unknown>>,
      (b.groups ?? {}) as Record<string, Record<string, unknown>>,
      (x, y) => changedKeys(x, y),
    ),
    process: changedKeys(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, OWN),
    processDetails: deepChanges(a, b, OWN).slice(0, DETAILS_PER_ITEM),
  };
}

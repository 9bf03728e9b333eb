import type { Process } from './schema.js';
import { stepKind } from './steps/index.js';
import type { Field } from './fields/index.js';

export type Changes = { added: string[]; removed: string[]; changed: { id: string; changes: string[] }[] };
export type DefinitionDiff = { steps: Changes; fields: Changes; groups: Changes; process: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which top-level keys of two objects differ (names of what changed). */
function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>, ignore: string[] = []): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !ignore.includes(k) && !same(a[k], b[k]))
    .sort();
}

function compare<T>(a: Record<string, T>, b: Record<string, T>, describe: (x: T, y: T) => string[]): Changes {
  const added = Object.keys(b).filter((id) => !(id in a));
  const removed = Object.keys(a).filter((id) => !(id in b));
  const changed = Object.keys(a)
    .filter((id) => id in b)
    .map((id) => ({ id, changes: describe(a[id], b[id]) }))
    .filter((c) => c.changes.length);
  return { added, removed, changed };
}

function fieldsOf(def: Process): Record<string, Field & { step: string }> {
  const out: Record<string, Field & { step: string }> = {};
  for (const [id, step] of Object.entries(def.steps))
    for (const f of stepKind(step.kind).fields(step)) out[f.id] = { ...f, step: id };
  return out;
}

/**
 * What changed between two definitions: steps, fields and groups added,
 * removed or changed (with the names of the properties that changed), and
 * the process's own properties. Positions on the canvas do not count.
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
    ),
    fields: compare(fieldsOf(a), fieldsOf(b), (x, y) => changedKeys(x, y)),
    groups: compare(
      (a.groups ?? {}) as Record<string, Record<string, unknown>>,
      (b.groups ?? {}) as Record<string, Record<string, unknown>>,
      (x, y) => changedKeys(x, y),
    ),
    process: changedKeys(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, [
      'steps',
      'groups',
      'layout',
      '$schema',
    ]),
  };
}

/**
 * Names that JavaScript objects inherit (`constructor`, `toString`,
 * `__proto__` …). A definition or a request that used one as a step, group,
 * field, outcome or event name would resolve to an inherited member in a
 * plain lookup (`steps['constructor']` is a function) or vanish when copied
 * (`{ ['__proto__']: x }` sets the prototype). The process language refuses
 * them as names, and lookups by a name from outside go through `own()`.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

export const isReservedName = (name: string) => RESERVED_NAMES.has(name);

export const reservedMessage = (name: string) => `'${name}' is a reserved word in the system; choose another name`;

/** `record[key]` only when the record has it as its own property (never an inherited member). */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined | null,
  key: string | undefined | null,
): T | undefined {
  return record != null && key != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Paths (`steps.__proto__`) of every reserved name used as an object key
 * anywhere in raw JSON input. Checked before parsing: a schema copies records
 * into new objects, where a `__proto__` key would silently disappear.
 */
export function reservedKeys(input: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (depth > 64 || input === null || typeof input !== 'object') return found;
  if (Array.isArray(input)) {
    input.forEach((item, i) => reservedKeys(item, [...path, String(i)], found, depth + 1));
    return found;
  }
  for (const key of Object.keys(input)) {
    if (isReservedName(key)) found.push([...path, key].join('.'));
    reservedKeys((input as Record<string, unknown>)[key], [...path, key], found, depth + 1);
  }
  return found;
}

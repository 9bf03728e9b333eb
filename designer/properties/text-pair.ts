import type { Text } from '../../runtime/model/index.js';

/** A process-language Text as its Dutch and English parts ('' when missing). */
export function splitText(value: Text | undefined): { nl: string; en: string } {
  if (value === undefined) return { nl: '', en: '' };
  if (typeof value === 'string') return { nl: value, en: '' };
  return { nl: value.nl ?? '', en: value.en ?? '' };
}

/**
 * Dutch and English back into a Text: a plain string while there is no
 * English; undefined when both are empty (an optional text is then left out).
 * Only English (no Dutch) is kept as `{ nl: '', en }` so nothing typed is lost;
 * the checks then say the Dutch is missing.
 */
export function joinText(nl: string, en: string): Text | undefined {
  const a = nl.trim() ? nl : '';
  const b = en.trim() ? en : '';
  if (!a && !b) return undefined;
  if (!b) return a;
  return { nl: a, en: b };
}

/** Moves an item of a list (for the ↑ ↓ buttons). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** A new id from a word that is not among `taken`: `vraag-1`, `vraag-2`, … (or `vraag1` with `sep` ''). */
export function uniqueId(word: string, taken: Iterable<string>, sep = '-'): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${word}${sep}${n}`)) n++;
  return `${word}${sep}${n}`;
}

/** An object with `key` set to `value`, or without `key` when value is undefined (optional properties are left out, not null). */
export function withKey<T extends object, K extends string>(obj: T, key: K, value: unknown): T {
  const next = { ...obj } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

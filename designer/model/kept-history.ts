import type { Process } from '../../runtime/model/index.js';
import type { CommandStack, Entry, History } from './commands.js';

/**
 * The undo history of a draft, kept in the tab's sessionStorage so a reload
 * (F5, a crash of the page) does not lose it: after the reload Ctrl+Z still
 * undoes the last edits. It is only taken back when the draft the server has
 * is exactly where the history stood (saved), so it never applies to a draft
 * someone else changed meanwhile. At most `KEEP` steps each way, and fewer
 * when the browser's storage is full (the oldest go first).
 */
export const KEEP = 50;
const storageKey = (processKey: string) => `omslag.ontwerp.geschiedenis.${processKey}`;

/** JSON with the keys of every object in order: the server may store a draft's keys in another order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const isEntry = (e: unknown): e is Entry =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as Entry).label === 'string' &&
  typeof (e as Entry).def === 'object' &&
  (e as Entry).def !== null;

/** The kept history of a draft if it stands where `draft` is, else undefined (and it is dropped). */
export function keptHistory(processKey: string, draft: Process): History | undefined {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(storageKey(processKey));
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const h = JSON.parse(raw) as History;
    const valid =
      Array.isArray(h.past) &&
      Array.isArray(h.future) &&
      isEntry(h.present) &&
      h.past.every(isEntry) &&
      h.future.every(isEntry);
    if (valid && canonical(h.present.def) === canonical(draft))
      // The stored present is the draft itself, so what is shown is what the server has.
      return { past: h.past, present: { label: h.present.label, def: draft }, future: h.future };
  } catch {
    // not ours or cut off: forget it
  }
  forgetHistory(processKey);
  return undefined;
}

export function forgetHistory(processKey: string): void {
  try {
    sessionStorage.removeItem(storageKey(processKey));
  } catch {
    // storage unavailable
  }
}

/** Writes the stack's history, shortening it until it fits. */
export function keepHistory(processKey: string, stack: CommandStack): void {
  const { past, present, future } = stack.history();
  for (let keep = KEEP; keep >= 0; keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
    try {
      const h: History = { past: keep ? past.slice(-keep) : [], present, future: future.slice(0, keep) };
      sessionStorage.setItem(storageKey(processKey), JSON.stringify(h));
      return;
    } catch {
      // quota: try with less
    }
  }
}

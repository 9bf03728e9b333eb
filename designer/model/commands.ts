import type { Process } from '../../runtime/model/index.js';

export type Entry = { label: string; def: Process };
/** What a stack remembers: what undo goes back to (oldest first), where it is, what redo repeats. */
export type History = { past: Entry[]; present: Entry; future: Entry[] };

/**
 * One stack for every edit of the definition (diagram-js' CommandStack, with
 * whole immutable definitions as the state each command leaves): undo, redo
 * and unsaved-change tracking come free.
 */
export function createCommandStack(initial: Process, limit = 200, history?: History) {
  let past: Entry[] = history?.past.slice(-limit) ?? [];
  let present: Entry = history?.present ?? { label: 'open', def: initial };
  let future: Entry[] = history?.future.slice(0, limit) ?? [];
  let saved: Process = initial;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((fn) => fn());
  return {
    current: () => present.def,
    /** The label of the edit undo would revert, and of the one redo would repeat. */
    labels: () => ({ undo: past.length ? present.label : null, redo: future[0]?.label ?? null }),
    execute(label: string, next: Process) {
      if (next === present.def) return;
      past = [...past, present].slice(-limit);
      present = { label, def: next };
      future = [];
      emit();
    },
    undo() {
      const previous = past.at(-1);
      if (!previous) return;
      future = [present, ...future];
      past = past.slice(0, -1);
      present = previous;
      emit();
    },
    redo() {
      const [next, ...rest] = future;
      if (!next) return;
      past = [...past, present];
      present = next;
      future = rest;
      emit();
    },
    /** The whole history, to keep it across a reload (designer/model/kept-history.ts). */
    history: (): History => ({ past, present, future }),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    /** The current definition was saved (autosave): it is the clean state now. */
    markSaved(def: Process = present.def) {
      saved = def;
      emit();
    },
    isDirty: () => present.def !== saved && JSON.stringify(present.def) !== JSON.stringify(saved),
    /** Starts over from a definition (another process, or a reload), forgetting history. */
    reset(def: Process) {
      past = [];
      future = [];
      present = { label: 'open', def };
      saved = def;
      emit();
    },
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
export type CommandStack = ReturnType<typeof createCommandStack>;

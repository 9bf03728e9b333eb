import type { Process } from '../../runtime/model/index.js';

type Entry = { label: string; def: Process };

/**
 * One stack for every edit of the definition (diagram-js' CommandStack, with
 * whole immutable definitions as the state each command leaves): undo, redo
 * and unsaved-change tracking come free.
 */
export function createCommandStack(initial: Process, limit = 200) {
  let past: Entry[] = [];
  let present: Entry = { label: 'open', def: initial };
  let future: Entry[] = [];
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

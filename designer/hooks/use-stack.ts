import { useSyncExternalStore } from 'react';
import type { Process } from '../../runtime/model/index.js';
import type { CommandStack } from '../model/commands.js';

type StackState = {
  def: Process;
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  labels: { undo: string | null; redo: string | null };
};

const cache = new WeakMap<CommandStack, StackState>();

/** The stack's state for rendering; a new object only when something in it changed. */
function snapshot(stack: CommandStack): StackState {
  const prev = cache.get(stack);
  const def = stack.current();
  const canUndo = stack.canUndo();
  const canRedo = stack.canRedo();
  const dirty = stack.isDirty();
  const labels = stack.labels();
  if (
    prev &&
    prev.def === def &&
    prev.canUndo === canUndo &&
    prev.canRedo === canRedo &&
    prev.dirty === dirty &&
    prev.labels.undo === labels.undo &&
    prev.labels.redo === labels.redo
  )
    return prev;
  const next = { def, canUndo, canRedo, dirty, labels };
  cache.set(stack, next);
  return next;
}

/** Re-renders on every change of the command stack. */
export function useStack(stack: CommandStack): StackState {
  return useSyncExternalStore(
    (fn) => {
      const off = stack.subscribe(fn);
      return () => {
        off();
      };
    },
    () => snapshot(stack),
  );
}

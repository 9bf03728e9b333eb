import { useCallback, useEffect, useRef, useState } from 'react';
import type { Process } from '../../runtime/model/index.js';
import { ok, type Api } from '../api.js';
import type { CommandStack } from '../model/commands.js';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/**
 * Saves the draft ~800 ms after the last edit (`PUT /api/processes/:key/draft`).
 * Marks on the stack exactly the definition that was saved: an edit made while
 * a save runs stays unsaved and is saved next. `flush()` saves now (before
 * publishing or leaving).
 */
export function useAutosave(stack: CommandStack | null, key: string, api: Api, delayMs = 800) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);

  const save = useCallback(async (): Promise<void> => {
    if (!stack) return;
    if (running.current) await running.current;
    if (!stack.isDirty()) {
      setState('saved');
      return;
    }
    const def: Process = stack.current();
    setState('saving');
    const run = ok(api.PUT('/api/processes/{key}/draft', { params: { path: { key } }, body: def })).then(
      () => {
        stack.markSaved(def);
        setError(null);
        setState(stack.isDirty() ? 'unsaved' : 'saved');
      },
      (e: Error) => {
        setError(e.message);
        setState('failed');
      },
    );
    running.current = run;
    await run;
    running.current = null;
  }, [stack, key, api]);

  useEffect(() => {
    if (!stack) return;
    const changed = () => {
      if (timer.current) clearTimeout(timer.current);
      if (!stack.isDirty()) {
        if (!running.current) setState('saved');
        return;
      }
      setState((s) => (s === 'saving' ? s : 'unsaved'));
      timer.current = setTimeout(() => {
        timer.current = null;
        void save();
      }, delayMs);
    };
    const off = stack.subscribe(changed);
    return () => {
      off();
      // Leaving the editor within the pause: what is waiting is still saved.
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void save();
      }
    };
  }, [stack, save, delayMs]);

  // Leaving with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (stack?.isDirty()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [stack]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await save();
  }, [save]);

  return { state, error, flush };
}

import { useEffect, useRef } from 'react';

/**
 * Runs `load` now and then every `intervalMs` after the previous run ended
 * (never two at once), until the component unmounts or `deps` change. A run
 * started before a change of deps is aborted, so an old answer never
 * overwrites a newer one. Paused while the page is hidden.
 */
export function usePoll(load: (signal: AbortSignal) => Promise<void>, intervalMs: number, deps: unknown[]) {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          await latest.current(controller.signal);
        } catch {
          // load reports its own errors; polling goes on
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

import type { Notifier } from './index.js';

export type NotifyWorker = { stop(): Promise<void>; runNow(): Promise<void> };

/**
 * Runs the notifier's rounds now and then every `everyMs`, until stopped.
 * Rounds never overlap; `stop` waits for a round in progress. Several nodes
 * may run it at once: planning is idempotent, deliveries are claimed.
 */
export function startNotifyWorker(
  notifier: Notifier,
  opts: { everyMs: number; log?: (e: unknown) => void },
): NotifyWorker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = (): Promise<void> => {
    if (running) return running;
    if (stopped) return Promise.resolve();
    running = (async () => {
      try {
        await notifier.runOnce();
      } catch (error) {
        (opts.log ?? console.error)(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  void round();
  const timer = setInterval(() => void round(), opts.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      notifier.close();
    },
    runNow: round,
  };
}

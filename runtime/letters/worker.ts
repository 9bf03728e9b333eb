import type { Store } from '../store/index.js';
import type { LetterService } from './index.js';

/** The lease a round holds: one node renders at a time; a node that dies holds it only this long. */
const LEASE = 'letters';
const LEASE_MS = 60_000;
/** Batches one round renders at most (a round stays far shorter than its lease). */
const MAX_BATCHES = 10;

export type LetterWorker = { stop(): Promise<void>; runNow(): Promise<void> };

/**
 * Renders pending decision letters now and then every `everyMs` (default 5
 * seconds), a batch of `batch` per round (a few more while batches are all
 * issued), until stopped. Safe on several nodes: a round runs under a lease (runtime/store/locks.ts), and storing a
 * letter is a conditional update, so a letter a download made meanwhile is
 * not made twice. Rounds never overlap; `stop` waits for a round in progress.
 */
export function startLetterWorker(
  letters: LetterService,
  deps: { store: Store; nodeId: string },
  opts: { everyMs?: number; batch?: number; log?: (e: unknown) => void } = {},
): LetterWorker {
  const batch = opts.batch ?? 20;
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = (): Promise<void> => {
    if (running) return running;
    if (stopped) return Promise.resolve();
    running = (async () => {
      try {
        await deps.store.locks.run(LEASE, deps.nodeId, LEASE_MS, async () => {
          // A batch all issued means more may wait: a few more in this round, well inside the lease (failures wait).
          for (let i = 0; i < MAX_BATCHES && !stopped; i++) {
            const done = await letters.runOnce(batch);
            if (done.issued < batch) break;
          }
        });
      } catch (error) {
        (opts.log ?? console.error)(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  void round();
  const timer = setInterval(() => void round(), opts.everyMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    runNow: round,
  };
}

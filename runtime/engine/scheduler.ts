import { hostname } from 'node:os';
import type { Engine } from './engine.js';

/**
 * Fires due timers every `intervalMs` through the engine's ordinary event
 * path. Timers are rows, so a restart loses nothing: the first tick after it
 * fires whatever fell due meanwhile. On several nodes each claims its batch
 * as `node` (a lease, see Engine.fireDueTimers); a tick never overlaps the
 * previous one.
 */
export function createScheduler(
  engine: Engine,
  intervalMs = 1000,
  node = `${hostname()}:${process.pid}`,
  leaseMs = 30_000,
) {
  let handle: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  const tick = (): Promise<number> => {
    // A slow tick (a big batch, a slow database) is not started twice: the next interval waits for it.
    if (running) return running;
    running = (async () => {
      try {
        const fired = await engine.fireDueTimers(node, leaseMs);
        // After the timers, so an escalation and its late notice share one transaction; the rest are told here.
        return fired + (await engine.tellLateTasks());
      } catch (error) {
        // Never let a timer take the server down; the next tick tries again.
        console.error('timer tick failed:', error);
        return 0;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return {
    node,
    tick,
    /** Starts ticking; the first tick runs now (its promise is returned, for a caller that waits for it). */
    start(): Promise<number> {
      if (handle) return running ?? Promise.resolve(0);
      const first = tick();
      handle = setInterval(() => void tick(), intervalMs);
      handle.unref();
      return first;
    },
    /** Stops ticking, waits for a running tick, and gives this node's unfired claims back to the others. */
    async stop() {
      if (handle) clearInterval(handle);
      handle = undefined;
      if (running) await running;
      await engine.store.tasks.releaseClaims(node);
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;

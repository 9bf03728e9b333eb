import type { Engine } from './engine.js';

/**
 * Fires due timers every `intervalMs` through the engine's ordinary event
 * path. Timers are rows, so a restart loses nothing: the first tick after it
 * fires whatever fell due meanwhile.
 */
export function createScheduler(engine: Engine, intervalMs = 1000) {
  let handle: NodeJS.Timeout | undefined;
  const tick = () => {
    try {
      return engine.fireDueTimers();
    } catch (error) {
      // Never let a timer take the server down; the next tick tries again.
      console.error('timer tick failed:', error);
      return 0;
    }
  };
  return {
    tick,
    start() {
      if (handle) return;
      tick();
      handle = setInterval(tick, intervalMs);
      handle.unref();
    },
    stop() {
      if (handle) clearInterval(handle);
      handle = undefined;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;

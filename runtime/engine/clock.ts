/** Where the engine gets the time: the system clock, or a fake one in tests. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move (tests, simulations). */
export function createFakeClock(start: Date | string = '2026-03-02T09:00:00Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(to: Date | string) {
      current = new Date(to).getTime();
    },
    advance(ms: number) {
      current += ms;
    },
  };
}
export type FakeClock = ReturnType<typeof createFakeClock>;

import { DateTime } from 'luxon';

/**
 * "Today" for Omslag is the date in the Netherlands. Deadlines, date answers
 * ("not in the future"), the version in force and "due today" all read it
 * from here, so a citizen answering at 00:30 in summer (22:30 UTC the day
 * before) gets the same day on the server, on the pages and in the designer.
 */
export const DUTCH_ZONE = 'Europe/Amsterdam';

/** Anything that tells the time: the engine's clock, a fake one in tests, or `{ now: () => new Date() }`. */
export type TimeSource = { now(): Date };

/** The date (YYYY-MM-DD) of an instant in Dutch time. */
export function dutchDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: DUTCH_ZONE }).toISODate()!;
}

/** Today's date (YYYY-MM-DD) in Dutch time, by this clock. */
export function todayIn(clock: TimeSource): string {
  return dutchDate(clock.now());
}

/** The system's clock, for code without one of its own (the designer in the browser). */
export const wallClock: TimeSource = { now: () => new Date() };

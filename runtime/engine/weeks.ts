import { DateTime } from 'luxon';
import { DUTCH_ZONE } from '../model/today.js';

/** At most this many weeks in a weekly series (two years); a longer period shows its last ones. */
export const MAX_WEEKS = 104;
/** Without a start of the period, the series shows this many weeks up to its end. */
export const DEFAULT_WEEKS = 12;

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
/** The Dutch day an API bound stands for (a date as is; an instant, its date in Dutch time). */
const dayOf = (v: string) =>
  isDate(v) ? DateTime.fromISO(v, { zone: DUTCH_ZONE }) : DateTime.fromISO(v).setZone(DUTCH_ZONE).startOf('day');
const monday = (d: DateTime) => d.startOf('day').minus({ days: d.weekday - 1 });
/** Midnight of a Dutch day as a UTC instant (how created_at is written). */
const instantOf = (d: DateTime) => d.toUTC().toISO()!;

export type WeekPlan = {
  /** The Mondays (YYYY-MM-DD), oldest first. */
  weeks: string[];
  /** The bounds to count within: the period, cut to the weeks shown (as the API's `from` / `to`: `to` excluded). */
  from: string;
  to: string;
};

/**
 * Which weeks (Monday first, Dutch time) a period covers: from the week of
 * `from` to the week of the last day before `to` (or of today); without
 * `from`, the DEFAULT_WEEKS weeks up to that; at most MAX_WEEKS, the latest.
 */
export function planWeeks(period: { from?: string; to?: string }, now: Date): WeekPlan {
  const today = DateTime.fromJSDate(now, { zone: DUTCH_ZONE }).startOf('day');
  // `to` is excluded: the last day shown is the day before it (an instant's own day, if it is not midnight).
  const endBound = period.to ? DateTime.fromISO(period.to, { zone: DUTCH_ZONE }) : today.plus({ days: 1 });
  const lastDay = endBound.minus({ milliseconds: 1 }).startOf('day');
  const last = monday(lastDay);
  let first = period.from ? monday(dayOf(period.from)) : last.minus({ weeks: DEFAULT_WEEKS - 1 });
  if (first > last) first = last;
  if (last.diff(first, 'weeks').weeks >= MAX_WEEKS) first = last.minus({ weeks: MAX_WEEKS - 1 });
  const weeks: string[] = [];
  for (let w = first; w <= last; w = w.plus({ weeks: 1 })) weeks.push(w.toISODate()!);
  const lower = period.from && dayOf(period.from) > first ? period.from : instantOf(first);
  const upper = instantOf(endBound < last.plus({ weeks: 1 }) ? endBound : last.plus({ weeks: 1 }));
  return { weeks, from: isDate(lower) ? instantOf(dayOf(lower)) : lower, to: upper };
}

/** The Monday (YYYY-MM-DD) of the Dutch week an hour (`YYYY-MM-DDTHH`, UTC) or a Dutch day falls in. */
export function weekOf(hourOrDay: string): string {
  const d =
    hourOrDay.length > 10
      ? DateTime.fromISO(`${hourOrDay}:00:00Z`).setZone(DUTCH_ZONE)
      : DateTime.fromISO(hourOrDay, { zone: DUTCH_ZONE });
  return monday(d).toISODate()!;
}

/** Counts per week in the plan's order, empty weeks as zeros. */
export function foldWeeks(weeks: string[], rows: { at: string; n: number | string }[]): number[] {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const out = weeks.map(() => 0);
  for (const r of rows) {
    const i = index.get(weekOf(r.at));
    if (i !== undefined) out[i] += Number(r.n);
  }
  return out;
}

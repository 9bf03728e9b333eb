import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { addDuration } from '../model/index.js';
import type { Deadline } from '../model/steps/handoff.js';

// Dutch public holidays (type 'public' in date-holidays: New Year, Easter and
// Whit Mondays, King's Day, Ascension, Christmas …). Good Friday and
// Liberation Day are not general days off for government and are counted as
// working days.
const holidays = new Holidays('NL');
const cache = new Map<number, Set<string>>();

function publicHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(
      (holidays.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, set);
  }
  return set;
}

/** Monday to Friday, and not a Dutch public holiday. */
export function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5 && !publicHolidays(day.year).has(day.toISODate()!);
}

/**
 * The moment `n` working days after `at`, at the same clock time in Dutch
 * time: the days counted are the working days after the day of `at`.
 */
export function addWorkingDays(at: Date, n: number): Date {
  let day = DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' });
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day)) left--;
  }
  return day.toJSDate();
}

/** A handoff's deadline from the moment it opens. */
export function dueDate(at: Date, due: Deadline): Date {
  return typeof due === 'string' ? addDuration(at, due) : addWorkingDays(at, due.workingDays);
}

/**
 * The last day to object to a decision made at `decidedAt`: six weeks (Awb
 * art. 6:7), counted from the day after it was made (art. 6:8), so the same
 * weekday six weeks on; a last day on a Saturday, a Sunday or a public
 * holiday moves to the next working day (Algemene termijnenwet art. 1).
 * The end of that day in Dutch time.
 */
export function objectionDeadline(decidedAt: Date): Date {
  let day = DateTime.fromJSDate(decidedAt, { zone: 'Europe/Amsterdam' }).plus({ weeks: 6 });
  while (!isWorkingDay(day)) day = day.plus({ days: 1 });
  return day.endOf('day').toJSDate();
}

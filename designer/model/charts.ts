// The figures' charts (the learning loop): the pure part. Scales, week labels
// and the period a choice of weeks stands for; the components draw them.
import type { Lang } from '../../runtime/model/index.js';

/** One week of `GET …/insights`'s `weeks`. */
export type Week = { week: string; started: number; finished: number };

/** A round top for a value axis (1, 2, 5 × 10ⁿ), at least 1, so the bars fill most of it. */
export function niceMax(max: number): number {
  if (!(max > 1)) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

/** A bar's length for a value on an axis of `length` up to `top` (a visible sliver for a value above 0). */
export function barLength(value: number | null, top: number, length: number): number {
  if (value === null || !(value > 0)) return 0;
  return Math.max(2, Math.round((value / top) * length));
}

/** A Monday as it is said on the axis: "2 mrt" / "2 Mar". */
export function weekLabel(monday: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
    .format(new Date(`${monday}T12:00:00Z`))
    .replace('.', '');
}

/** A Monday's full date for a label: "2 maart 2026" / "2 March 2026". */
export function weekDate(monday: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${monday}T12:00:00Z`),
  );
}

/** A calendar date plus some days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((d.getUTCDay() + 6) % 7));
}

/**
 * The period (first and last day, both included, as the figures' *Van* and
 * *Tot en met*) of the weeks from one Monday to another, in either order.
 */
export function weeksPeriod(a: string, b: string): { from: string; to: string } {
  const [first, last] = a <= b ? [a, b] : [b, a];
  return { from: first, to: addDays(last, 6) };
}

/** Whether a week lies inside a period of whole days (an open end is open). */
export function weekInPeriod(monday: string, from: string, to: string): boolean {
  if (!from && !to) return false;
  return (!from || addDays(monday, 6) >= from) && (!to || monday <= to);
}

/**
 * The weekly chart's window: the `count` weeks up to the week of `today`
 * (whole days, both ends included). It stays put while a period is chosen on it.
 */
export function chartWindow(count: number, today: string): { from: string; to: string } {
  const last = mondayOf(today);
  return { from: addDays(last, -7 * (count - 1)), to: addDays(last, 6) };
}

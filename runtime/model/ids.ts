import { z } from 'zod';
import { DateTime, Duration } from 'luxon';
import { isReservedName, reservedMessage } from './reserved.js';

/** Refuses names JavaScript objects inherit (see reserved.ts); the issue carries `params.reserved` (problem P030). */
export const notReserved = <T extends z.ZodString>(schema: T) =>
  schema.refine((name) => !isReservedName(name), {
    error: (issue) => reservedMessage(String(issue.input)),
    params: { reserved: true },
  });

/** Step and group ids: lowercase words joined by hyphens (they appear in URLs). */
export const stepIdSchema = notReserved(
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id has lowercase letters, digits and hyphens, starting with a letter'),
);
/** Where a step goes: a step id, or '' while the designer has not connected it yet (a problem, P003). */
export const targetSchema = z.union([stepIdSchema, z.literal('')]);
export const processKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a process key has lowercase letters, digits and hyphens');
/** An ISO 8601 duration such as P5D or PT2H. */
export const durationSchema = z.string().regex(/^P/, 'a duration is ISO 8601, like P5D (5 days) or PT2H (2 hours)');

/** The longest duration a process may wait or give (a timer, a deadline): 10 years. */
export const MAX_DURATION_YEARS = 10;

/** What is wrong with an ISO 8601 duration (problem P019), or undefined when it is sound and at most 10 years. */
export function durationIssue(value: string): { case: 'invalid' } | { case: 'tooLong'; years: number } | undefined {
  // luxon also accepts forms ISO 8601 does not: no component at all ('P',
  // 'PT'), a 'T' without a time ('P1DT') and negative parts ('P-1D').
  if (value.length > 40 || !/\d/.test(value) || value.includes('-') || value.endsWith('T')) return { case: 'invalid' };
  const d = Duration.fromISO(value);
  if (!d.isValid) return { case: 'invalid' };
  if (!(d.as('years') <= MAX_DURATION_YEARS)) return { case: 'tooLong', years: MAX_DURATION_YEARS };
  return undefined;
}

/** What is wrong with an ISO 8601 duration, in (English) words for an error thrown, or undefined. */
export function durationProblem(value: string): string | undefined {
  const issue = durationIssue(value);
  if (!issue) return undefined;
  return issue.case === 'tooLong'
    ? `'${value}' is longer than ${MAX_DURATION_YEARS} years; use a shorter duration`
    : `'${value.slice(0, 40)}' is not an ISO 8601 duration (like P5D)`;
}

export function isValidDuration(value: string): boolean {
  return durationProblem(value) === undefined;
}

/** A real calendar date YYYY-MM-DD (no 2026-13-45, no 31 February) from the year 1900 on. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = DateTime.fromISO(value, { zone: 'utc' });
  return d.isValid && d.toISODate() === value && d.year >= 1900;
}

/** A calendar date, or an instant like 2026-03-01T09:00:00Z whose date is real. */
export function isDateOrInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.exec(value);
  return !!m && isCalendarDate(m[1]) && (!m[2] || DateTime.fromISO(value).isValid);
}

/** A calendar date as a zod schema (for request bodies). */
export const calendarDateSchema = z.string().refine(isCalendarDate, 'a real date like 2027-01-01');

/**
 * Adds an ISO 8601 duration to an instant, in Dutch time, so that P1D is
 * "the same clock time tomorrow" across a daylight-saving change.
 */
export function addDuration(at: Date, duration: string): Date {
  const problem = durationProblem(duration);
  if (problem) throw new Error(problem);
  const d = Duration.fromISO(duration);
  return DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).plus(d).toJSDate();
}

// Today's date in Dutch time lives in today.ts; re-exported for the store's older imports.
export { dutchDate } from './today.js';

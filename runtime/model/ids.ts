import { z } from 'zod';
import { DateTime, Duration } from 'luxon';
import { isReservedName, reservedMessage } from './reserved.js';

/** Refuses names JavaScript objects inherit (see reserved.ts); the issue carries `params.reserved` (problem P030). */
export const notReserved = <T extends z.ZodString>(schema: T) =>
  schema.refine((name) => !isReservedName(name), { error: (issue) => reservedMessage(String(issue.input)), params: { reserved: true } });

/** Step and group ids: lowercase words joined by hyphens (they appear in URLs). */
export const stepIdSchema = notReserved(z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id has lowercase letters, digits and hyphens, starting with a letter'));
/** Where a step goes: a step id, or '' while the designer has not connected it yet (a problem, P003). */
export const targetSchema = z.union([stepIdSchema, z.literal('')]);
export const processKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a process key has lowercase letters, digits and hyphens');
/** An ISO 8601 duration such as P5D or PT2H. */
export const durationSchema = z.string().regex(/^P/, 'a duration is ISO 8601, like P5D (5 days) or PT2H (2 hours)');

export function isValidDuration(value: string): boolean {
  // luxon also accepts forms ISO 8601 does not: no component at all ('P',
  // 'PT'), a 'T' without a time ('P1DT') and negative parts ('P-1D').
  if (!/\d/.test(value) || value.includes('-') || value.endsWith('T')) return false;
  return Duration.fromISO(value).isValid;
}

/**
 * Adds an ISO 8601 duration to an instant, in Dutch time, so that P1D is
 * "the same clock time tomorrow" across a daylight-saving change.
 */
export function addDuration(at: Date, duration: string): Date {
  const d = Duration.fromISO(duration);
  if (!d.isValid) throw new Error(`'${duration}' is not an ISO 8601 duration (like P5D)`);
  return DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).plus(d).toJSDate();
}

/** Today's date (YYYY-MM-DD) in Dutch time. */
export function dutchDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).toISODate()!;
}

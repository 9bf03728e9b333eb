import { z } from 'zod';
import { instant } from './common.js';

/** What a signal did: the cases it moved, the proactive cases it started, and per process why not. */
export const signalResultSchema = z
  .object({
    moved: z.array(z.string()).describe('ids of waiting cases the signal moved on'),
    started: z.array(z.object({ process: z.string(), caseId: z.string() })),
    skipped: z.array(
      z.object({
        process: z.string(),
        reason: z.enum(['started', 'already-served', 'opted-out', 'not-eligible', 'error']),
      }),
    ),
  })
  .meta({ id: 'SignalResult' });

const count = z.number().int();
export const scanCountsSchema = z.object({
  rows: count,
  invalid: count.describe('no valid subject, a duplicate, or facts that do not parse'),
  eligible: count,
  started: count,
  alreadyServed: count,
  optedOut: count,
  notEligible: count,
  errors: count.describe('rows a trigger failed on'),
});

export const scanResultSchema = scanCountsSchema
  .extend({
    scan: z.number().int().nullable().describe('the scan id (null for a dry run)'),
    dryRun: z.boolean(),
  })
  .meta({ id: 'ScanResult' });

export const takeUpSchema = z
  .object({
    process: z.string(),
    lastScan: scanCountsSchema.extend({ at: instant }).nullable(),
    eligible: count,
    reached: count,
    granted: count,
    declined: count,
    otherOutcomes: count,
    optedOut: count,
    open: count,
    recentErrors: z.array(z.object({ source: z.string(), message: z.string(), at: instant })),
  })
  .meta({
    id: 'TakeUp',
    description: 'Non-take-up: eligible in the last scan, reached, granted, declined, opted out, open',
  });

export const optOutSchema = z.object({ process: z.string(), optedOut: z.boolean() });

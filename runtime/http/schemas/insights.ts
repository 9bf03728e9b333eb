import { z } from 'zod';
import { instant } from './common.js';

const count = z.number().int();
const ms = z.number().nullable().describe('milliseconds (null: no finished visit)');

/** GET /api/processes/:key/insights: the learning loop's figures for a process, version and period. */
export const insightsSchema = z
  .object({
    process: z.string(),
    version: z.number().int().nullable(),
    period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    cases: z.object({ started: count, active: count, finished: z.record(z.string(), count).describe('per outcome') }),
    steps: z.array(
      z.object({
        step: z.string(),
        title: z.string(),
        kind: z.string().nullable(),
        entered: count,
        left: count,
        dropOff: count.describe('withdrawn from it, or inactive at a form longer than inactiveDays'),
        medianMs: ms,
        p90Ms: ms,
        exact: z.boolean().describe('false: the percentiles come from histograms (within 10 %)'),
        personRequests: count,
      }),
    ),
    transitions: z.array(z.object({ from: z.string(), to: z.string(), count })),
    weeks: z
      .array(
        z.object({
          week: z.string().describe('the Monday (YYYY-MM-DD, Dutch time)'),
          started: count.describe('cases created that week'),
          finished: count.describe('cases that reached an end step that week'),
        }),
      )
      .describe(
        'per week of the period, oldest first, empty weeks as zeros; without `from` the 12 weeks up to `to` (or today), at most the last 104',
      ),
    handoffRate: z.number().describe('handoffs per started case'),
    tasksOverdue: count,
    feedback: z.object({
      count,
      average: z.number().nullable(),
      recent: z.array(
        z.object({ score: count, comment: z.string().nullable(), at: instant, step: z.string().nullable() }),
      ),
    }),
  })
  .meta({ id: 'Insights' });

/** A migration plan, or what a migration did; case ids and references for admins only. */
export const migrationSchema = z
  .object({
    movable: z.array(
      z.object({ caseId: z.string().optional(), reference: z.string().optional(), step: z.string(), to: z.string() }),
    ),
    blocked: z.array(
      z.object({
        caseId: z.string().optional(),
        reference: z.string().optional(),
        step: z.string().nullable(),
        reason: z.string(),
      }),
    ),
    moved: count.optional().describe('how many cases moved (not for a dry run)'),
    dryRun: z.boolean(),
  })
  .meta({ id: 'Migration' });

export const feedbackGivenSchema = z.object({ case: z.string(), score: count });

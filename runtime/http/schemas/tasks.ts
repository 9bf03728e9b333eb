import { z } from 'zod';
import { bound } from './cases.js';
import { instant, jsonValue } from './common.js';

export const taskStatusSchema = z.enum(['open', 'claimed', 'completed', 'closed']);

/** A task as the queue shows it (runtime/http/routes/tasks.ts taskJson). */
export const taskSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseReference: z.string(),
    process: z.object({ key: z.string(), title: z.string() }),
    step: z.string(),
    stepTitle: z.string(),
    kind: z
      .enum(['handoff', 'contact'])
      .describe('handoff: decide an outcome; contact: the citizen asked for a person'),
    team: z.string(),
    status: taskStatusSchema,
    assignee: z.string().nullable().describe('who claimed it'),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    dueToday: z.boolean().describe('due today, in Dutch time'),
    escalatedAt: instant.nullable(),
    extendedAt: instant.nullable().optional().describe('when the deadline was extended (once, Awb)'),
    extensionReason: z.string().nullable().optional().describe('the reason the citizen reads'),
    request: z
      .record(z.string(), jsonValue)
      .describe('what the citizen asked (a contact task): question, channel, reach …'),
    outcome: z.string().nullable(),
    createdAt: instant,
    closedAt: instant.nullable(),
    rev: z.number().int().describe('the revision; also the ETag'),
    proposal: z
      .object({
        outcome: z.string(),
        outcomeLabel: z.string(),
        data: z.record(z.string(), jsonValue),
        message: z.string().nullable(),
        proposedBy: z.string(),
        proposedAt: instant,
      })
      .nullable()
      .describe('an outcome proposed under four-eyes, waiting for a second official'),
  })
  .meta({ id: 'Task' });

/** GET /api/tasks/:id: the task with what the official needs to decide it. */
export const taskDetailSchema = taskSchema
  .extend({
    handoff: z
      .object({
        instructions: z.string().nullable(),
        reason: z.string().nullable().describe('why the rules handed the case off'),
        outcomes: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            negative: z.boolean(),
            fourEyes: z.boolean(),
            fields: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                type: z.string(),
                required: z.boolean(),
                hint: z.string().optional(),
                options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
                min: bound.optional(),
                max: bound.optional(),
                freeText: z
                  .boolean()
                  .describe(
                    "free text: the first one filled in is the reason the citizen reads under 'Waarom is dit besloten?'",
                  ),
              }),
            ),
          }),
        ),
      })
      .nullable()
      .describe('null for a contact task'),
  })
  .meta({ id: 'TaskDetail' });

export const taskCountsSchema = z
  .object({
    open: z.number().int(),
    claimed: z.number().int(),
    mine: z.number().int(),
    overdue: z.number().int(),
    dueToday: z.number().int(),
  })
  .meta({ id: 'TaskCounts' });

export const teamMemberSchema = z.object({ name: z.string() });

export const teamSchema = z
  .object({
    id: z.string().describe("what users' teams, tasks and process definitions name, like belastingen"),
    name: z.string().describe('the display name, like Belastingen'),
    members: z.number().int().describe('how many officials work in it'),
  })
  .meta({ id: 'Team' });

import { z } from 'zod';
import { instant, jsonValue } from './common.js';

/** A field's lower or upper bound: a number, or for a date a date (or `today`). */
export const bound = z.union([z.number(), z.string()]);

/** A question of a form step as the citizen sees it (labels in the reader's language). */
export const fieldViewSchema = z
  .object({
    id: z.string(),
    type: z.string().describe('the field kind: text, number, money, date, choice, yesno, bsn, iban …'),
    label: z.string(),
    hint: z.string().optional(),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
    min: bound.optional(),
    max: bound.optional(),
    showIf: z.string().optional().describe('a FEEL condition on answers of this step: show the field when it holds'),
    value: jsonValue.describe('the current answer, or null'),
  })
  .meta({ id: 'FieldView' });

export const caseStatusSchema = z.enum(['active', 'ended']);

/** GET /api/cases/:id and every change of a case: what the citizen (or an official) sees. */
export const caseViewSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    process: z.object({ key: z.string(), version: z.number().int(), title: z.string() }),
    status: caseStatusSchema,
    rev: z.number().int().describe('the revision; also the ETag'),
    createdAt: instant,
    updatedAt: instant,
    step: z
      .object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        text: z.string().optional(),
        fields: z.array(fieldViewSchema).optional().describe('the questions, when the citizen acts at this step'),
      })
      .nullable(),
    actions: z.array(z.object({ type: z.string().describe('the event to send'), label: z.string() })),
    answers: z.array(z.object({ id: z.string(), label: z.string(), value: jsonValue, text: z.string() })),
    expectedBy: instant
      .nullable()
      .describe("when the citizen hears: the open handoff's deadline, or the new expected date once it passed"),
    waiting: z
      .object({
        late: z.boolean().describe('the deadline passed and the citizen was told'),
        extensionReason: z.string().nullable().describe("the official's reason for the one extension, if any"),
      })
      .nullable()
      .optional(),
    tasks: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['handoff', 'contact']),
        step: z.string(),
        team: z.string(),
        status: z.enum(['open', 'claimed', 'completed', 'closed']),
        dueAt: instant.nullable(),
        assignee: z.string().nullable().optional().describe('officials only'),
      }),
    ),
    explanations: z.array(
      z.object({
        at: instant,
        step: z.string(),
        rule: z
          .union([z.number().int(), z.string()])
          .describe('the rule or row that held (its index), or otherwise, or error'),
        because: z.string().optional().describe('the reason in plain words'),
        when: z.string().nullable().optional().describe('the condition that held (officials only)'),
        inputs: z.record(z.string(), jsonValue).optional(),
        reasoning: z
          .object({
            rules: z.array(
              z.object({
                n: z.number().int().describe('the rule as the designer numbers it (1 is the first)'),
                held: z.boolean(),
                because: z.string(),
                summary: z.string().describe('"Regel 2 gold: …" or "Regel 1 gold niet"'),
                clauses: z
                  .array(z.array(z.object({ text: z.string(), holds: z.boolean() })))
                  .nullable()
                  .describe(
                    'the condition in words, part by part with the value the decision read (clauses joined by "or"); null: not put into words',
                  ),
              }),
            ),
            otherwise: z.string().nullable().describe('no rule held: the otherwise and its reason, in words'),
          })
          .optional()
          .describe("officials only: each rule tried until one held, its condition in words with the case's values"),
        counterfactual: z
          .object({
            computable: z
              .boolean()
              .describe('false: what would have led elsewhere cannot be calculated (the text says so)'),
            text: z.string().describe("in plain words, in the reader's language"),
            alternatives: z.array(
              z.object({
                outcome: z
                  .string()
                  .describe('the step the case would have gone to (an end, when a message leads there)'),
                changes: z.array(
                  z.object({
                    field: z.string(),
                    from: jsonValue.describe('the value the decision read'),
                    to: z.union([z.number(), z.string(), z.boolean()]).describe('the bound or value needed'),
                    op: z.enum(['<', '<=', '>', '>=', '=', '!=']).describe('how `to` is meant: at most, less than, …'),
                  }),
                ),
              }),
            ),
          })
          .optional()
          .describe('what would have changed the outcome: the smallest changes, each verified by deciding again'),
      }),
    ),
    decision: z
      .object({
        by: z.enum(['official', 'rules']).describe('who decided last: an official, or the rules'),
        at: instant,
        step: z.string(),
        because: z.string().optional().describe("the reason the citizen reads: the official's, or the rule's"),
      })
      .nullable()
      .describe("the last decision on the case and its reason (the status page's why)"),
    timeline: z.array(
      z.object({
        at: instant,
        type: z.string(),
        step: z.string().optional(),
        text: z.string(),
        by: z.string().optional().describe('who acted when an intermediary did, by a mandate: `mandate:<id>`'),
      }),
    ),
    messages: z.array(z.object({ at: instant, step: z.string().nullable(), subject: z.string(), body: z.string() })),
    outcome: z.object({ outcome: z.string(), title: z.string(), message: z.string() }).nullable(),
  })
  .meta({
    id: 'CaseView',
    description: 'A case as its reader sees it: step with fields, actions, answers, explanations, timeline, outcome',
  });

/** GET /api/cases: one line per case. */
export const caseSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    process: z.string(),
    version: z.number().int(),
    status: caseStatusSchema,
    step: z.string().nullable(),
    outcome: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'CaseSummary' });

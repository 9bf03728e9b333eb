import { z } from 'zod';
import { instant } from './common.js';

/** One read of a citizen's case in the audit export (the Logboek dataverwerkingen). */
export const caseReadSchema = z
  .object({
    id: z.number().int(),
    at: instant,
    caseId: z.string(),
    subject: z.string().describe("the citizen's BSN (or kvk:<number> for a company)"),
    actor: z.string().describe('who read: user:<name>, mandate:<id>, client:<id>'),
    actorName: z
      .string()
      .describe("what the citizen is shown: team:<team> or role:<role> for staff, else the intermediary's name"),
    onBehalf: z.string().nullable().describe('the organisation an intermediary acts as (kvk:<number>), else null'),
    data: z.string().describe('which data: case (the case view), task (a task with why it was handed off)'),
    purpose: z
      .string()
      .describe("why: handling, administration, mandate (the route's), or the reader's X-Purpose as given"),
  })
  .strict();

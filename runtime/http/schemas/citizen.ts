import { z } from 'zod';
import { instant } from './common.js';

/** GET /api/cases/:id/citizen: who the citizen of a case is, as far as known; the BSN masked. */
export const citizenSchema = z
  .object({
    bsn: z.string().describe('masked: *****1234 (POST …/citizen/bsn reveals it, logged)'),
    known: z
      .array(
        z.object({
          kind: z.enum(['name', 'address', 'phone', 'email']),
          value: z.string(),
          source: z
            .enum(['answer', 'signal', 'register', 'signin', 'contact', 'notices'])
            .describe(
              "the citizen's answers, the signal or register data the case started with, the name and address their last sign-in gave, a contact request, their confirmed notice addresses",
            ),
        }),
      )
      .describe('name, address, phone and email as far as the case knows them'),
    documents: z
      .array(
        z.object({
          id: z.string(),
          field: z.string(),
          label: z.string().describe("the question's label"),
          name: z.string(),
          type: z.string(),
          size: z.number().int(),
          sentAt: instant,
        }),
      )
      .describe('the documents the citizen sent (GET …/documents/:fileId gives one)'),
  })
  .meta({ id: 'Citizen' });

export const revealedBsnSchema = z.object({ bsn: z.string() }).meta({ id: 'RevealedBsn' });

export const caseNoteSchema = z
  .object({ id: z.number().int(), text: z.string(), author: z.string(), createdAt: instant })
  .meta({ id: 'CaseNote' });

export const caseFoundSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    process: z.object({ key: z.string(), title: z.string() }),
    status: z.enum(['active', 'ended']),
    bsn: z.string().describe('masked'),
    createdAt: instant,
    task: z
      .object({ id: z.string(), team: z.string(), status: z.string() })
      .nullable()
      .describe("the case's newest task of your teams, to open it in the workspace"),
  })
  .meta({ id: 'CaseFound' });

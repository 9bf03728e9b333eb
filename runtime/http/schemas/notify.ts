import { z } from 'zod';
import { instant } from './common.js';

/** A delivery of a notice over one channel: what admins see in the list of dead letters. */
export const deliverySchema = z
  .object({
    id: z.number().int(),
    notice: z.number().int().describe('the notice in the outbox'),
    kind: z.string().describe('what the notice is about: outcome, message, late, task-digest, …'),
    recipient: z.string().describe('case:<id>, subject:<bsn>, user:<id>, team:<name> or email:<address>'),
    caseId: z.string().nullable(),
    channel: z.enum(['email', 'sms']),
    address: z.string(),
    lang: z.string(),
    status: z.enum(['pending', 'sent', 'dead']),
    attempts: z.number().int(),
    nextAt: instant.describe('when it is tried next (pending)'),
    lastError: z.string().nullable().describe('why the last attempt failed'),
    sentAt: instant.nullable(),
    createdAt: instant,
  })
  .strict();

export const deliveryListSchema = z
  .object({
    deliveries: z.array(deliverySchema),
    counts: z.object({ pending: z.number().int(), sent: z.number().int(), dead: z.number().int() }).strict(),
  })
  .strict();

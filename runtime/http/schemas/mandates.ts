import { z } from 'zod';
import { calendarDateSchema, fieldKind } from '../../model/index.js';
import { RIGHTS } from '../../store/mandates.js';
import { instant } from './common.js';

/** A BSN that passes the elfproef (the `bsn` field kind's own check). */
export const bsnSchema = z
  .string()
  .refine(
    (v) => 'value' in fieldKind('bsn').parse(v, { id: 'bsn', label: 'BSN', type: 'bsn' }, { today: '' }),
    'not a valid BSN (elfproef)',
  );
/** A KVK number: eight digits. */
export const kvkSchema = z.string().regex(/^\d{8}$/, 'a KVK number has eight digits');

/** The largest court decision (or other document) a mandate carries, in bytes once decoded. */
export const DOCUMENT_LIMIT = 5 * 1024 * 1024;
/** The JSON body of POST /api/mandates may be this large: the document in base64 (4/3) plus the rest. */
export const MANDATE_BODY_LIMIT = Math.ceil((DOCUMENT_LIMIT * 4) / 3) + 64 * 1024;

const holderSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('person'),
      bsn: bsnSchema,
      name: z.string().trim().min(1).max(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('organisation'),
      kvk: kvkSchema,
      name: z.string().trim().min(1).max(200),
      staff: z
        .array(z.string().trim().min(1).max(200))
        .max(100)
        .optional()
        .describe(
          'the named staff (their ids at the provider) who may use it; absent: all its staff and its API clients',
        ),
    })
    .strict(),
]);

/** POST /api/mandates: an official registers a mandate (guardianship, bewindvoering, curatele). */
export const newMandateBody = z
  .object({
    citizen: bsnSchema.describe('the BSN of the citizen the holder acts for'),
    holder: holderSchema,
    process: z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/, 'a process key')
      .nullable()
      .describe('one process by its key, or null for all processes'),
    rights: z.array(z.enum(RIGHTS)).min(1).max(RIGHTS.length),
    validFrom: calendarDateSchema.optional().describe('the first day it holds (default: today)'),
    validUntil: calendarDateSchema.nullable().optional().describe('the last day it holds; null or absent: no end'),
    reason: z.string().trim().min(1, 'give the reason (the decision it rests on)').max(2000),
    document: z
      .object({
        name: z.string().trim().min(1).max(200),
        content: z.string().describe('the file in base64: a PDF, PNG or JPEG (recognised by its bytes), at most 5 MB'),
      })
      .strict()
      .describe("the court's decision or other proof"),
  })
  .strict();

/** POST /api/mandates/:id/revoke. */
export const revokeBody = z.object({ reason: z.string().trim().min(1, 'say why it ends').max(2000) }).strict();

export const mandateSchema = z
  .object({
    id: z.string(),
    citizen: z.string(),
    holder: z.object({ kind: z.enum(['person', 'organisation']), id: z.string() }),
    holderName: z.string(),
    staff: z.array(z.string()),
    process: z.string().nullable().describe('null: every process'),
    rights: z.array(z.enum(RIGHTS)),
    validFrom: instant,
    validUntil: instant.nullable().describe('the first moment it no longer holds'),
    source: z.enum(['citizen', 'provider', 'official']),
    reason: z.string().nullable(),
    document: z.object({ name: z.string(), type: z.string() }).nullable(),
    createdBy: z.string(),
    createdAt: instant,
    revokedAt: instant.nullable(),
    revokedBy: z.string().nullable(),
    inForce: z.boolean().describe('whether it holds now'),
  })
  .meta({ id: 'Mandate', description: 'A mandate (machtiging): who may act for a citizen, on what, until when' });

/** GET /api/mandates/citizens: the citizens who mandated the asking organisation, now. */
export const mandatedCitizenSchema = z
  .object({
    bsn: z.string(),
    mandates: z.array(
      z.object({
        id: z.string(),
        process: z.string().nullable().describe('null: every process'),
        rights: z.array(z.enum(RIGHTS)),
        validUntil: instant.nullable(),
      }),
    ),
  })
  .meta({ id: 'MandatedCitizen' });

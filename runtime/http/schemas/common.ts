import { z } from 'zod';

/**
 * The shapes the API answers with, as zod: the route table names them as
 * each route's `response`, which types its handler and writes the OpenAPI
 * document (runtime/http/openapi.ts), so the document, the generated client
 * (browser/api/schema.ts) and the handlers cannot drift apart. A schema with
 * `.meta({ id })` is one component of the document.
 */

/** The one error envelope (runtime/http/errors.ts). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable, kebab-case: invalid-request, stale-case, task-claimed …'),
      message: z.string(),
      details: z.unknown().optional().describe('field errors as { fieldId: ["message"] }, or what the code names'),
    }),
  })
  .meta({ id: 'Error', description: 'Every error: a stable code, a message and, for input to correct, field errors' });

export const openApiDocumentSchema = z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' });

/** An ISO 8601 instant, as every timestamp of the API. */
export const instant = z.string().describe('an ISO 8601 instant');
/** A calendar date, 2026-03-01. */
export const calendarDate = z.string().describe('a calendar date, like 2026-03-01');
/** A translated text picked in the reader's language. */
export const text = z.string();

/** Any JSON value the client gave (an answer, a fact). */
export const jsonValue = z.unknown();

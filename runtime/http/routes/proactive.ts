import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { z } from 'zod';
import { checkExtract, createProactive, ExtractError, registerRows, type ScanProgress } from '../../engine/index.js';
import { isValidBsn } from '../../model/index.js';

import { HttpError } from '../errors.js';
import { progressLines } from '../progress-lines.js';
import { defineRoute, namedValues, rawBody, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { optOutSchema, scanResultSchema, signalResultSchema, takeUpSchema } from '../schemas/proactive.js';

/** The most a register extract may hold (bytes); larger: 413. */
const SCAN_LIMIT = 200 * 1024 * 1024;

/**
 * Copies the request body to a file, refusing it (413) past `limit` bytes.
 * On a refusal the rest of the body is read and dropped, never the socket
 * destroyed, so the client reads the answer and a keep-alive socket stays usable.
 */
function spool(req: Request, file: string, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let seen = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      out.destroy();
      req.resume();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      seen += chunk.length;
      if (seen > limit)
        return fail(new HttpError(413, 'payload-too-large', ['extractTooLarge', { limit: String(limit) }]));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (!failed) out.end(() => resolve());
    });
    // A client gone before the end (only 'close' comes): refused, and the temporary file is removed by the caller.
    req.on('close', () => {
      if (!ended) fail(new HttpError(400, 'request-aborted', 'extractIncomplete'));
    });
    req.on('error', fail);
    out.on('error', fail);
  });
}

export function proactiveRoutes(services: Services, options: { scanLimit?: number } = {}): RouteDef[] {
  const { store } = services;
  const proactive = createProactive(services);
  return [
    defineRoute({
      method: 'post',
      path: '/api/signals',
      tag: 'signals',
      roles: ['admin'],
      errors: [401, 403, 422],
      success: 200,
      operationId: 'sendSignal',
      response: signalResultSchema,
      summary:
        'A fact from outside (a register, another system) about a subject: moves the cases waiting for it and starts proactive cases whose trigger holds',
      body: z
        .object({
          type: z
            .string()
            .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'a signal type is lowercase words joined by - or .'),
          subject: z.string().refine(isValidBsn, 'not a valid BSN (elfproef)'),
          data: namedValues(z.unknown()).optional(),
        })
        .strict(),
      handler: async ({ body }) => ({
        body: await proactive.signal(body.type, body.subject, body.data ?? {}, `signal:${body.type}`),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/scan',
      tag: 'signals',
      // Designers may try their triggers on an extract (a dry run: counts only, nothing written); admins start cases.
      roles: ['admin', 'designer'],
      errors: [400, 401, 403, 404, 413, 415, 422],
      success: 200,
      operationId: 'scanRegister',
      response: scanResultSchema,
      bodyDoc: rawBody('a register extract: CSV with a header, or JSON Lines; a `bsn` per row, the facts beside it', [
        'text/csv',
        'application/x-ndjson',
        'application/jsonl',
      ]),
      query: {
        dryRun: 'true: count only, start nothing (the only scan a designer may run)',
        signal: 'the signal the register stands for (default: every trigger with a condition)',
      },
      summary:
        'A register extract (text/csv with a header, or application/x-ndjson; a `bsn` column per row): evaluates the triggers per row and starts cases for eligible subjects not served yet. With `Accept: application/x-ndjson` the answer streams JSON Lines: `{"type":"progress",rows,total,eligible,started,elapsedMs,leftMs,done}` after every batch of 200 rows, then `{"type":"result",…counts}` (or `{"type":"error",error}`)',
      handler: () => {
        throw new HttpError(500, 'internal', 'streamed');
      },
      stream: async ({ req, params, query, lang, principal }) => {
        const type = (req.get('content-type') ?? '').split(';')[0].trim();
        const format =
          type === 'text/csv'
            ? 'csv'
            : type === 'application/x-ndjson' || type === 'application/jsonl'
              ? 'jsonl'
              : null;
        if (!format) throw new HttpError(415, 'unsupported-media-type', 'extractType');
        if (query.dryRun && query.dryRun !== 'true' && query.dryRun !== 'false')
          throw new HttpError(422, 'invalid-request', 'dryRunParam', { dryRun: ['true or false'] });
        if (principal.kind === 'user' && principal.role === 'designer' && query.dryRun !== 'true')
          throw new HttpError(403, 'forbidden', 'scanDryRunOnly');
        // Refused means unchanged: everything that can refuse the scan is checked before any row is acted on.
        await proactive.scannable(params.key, query.signal);
        const dir = await mkdtemp(join(tmpdir(), 'omslag-scan-'));
        let streamed = false;
        try {
          const file = join(dir, 'extract');
          await spool(req, file, options.scanLimit ?? SCAN_LIMIT);
          let total: number;
          try {
            total = await checkExtract(createReadStream(file), format);
          } catch (error) {
            if (error instanceof ExtractError)
              throw new HttpError(
                422,
                'invalid-extract',
                ['invalidExtract', { problem: error.message }],
                error.line ? { line: [`line ${error.line}`] } : undefined,
              );
            throw error;
          }
          const dryRun = query.dryRun === 'true';
          const scan = (onProgress?: (p: ScanProgress) => void) =>
            proactive.scan(params.key, registerRows(createReadStream(file), format), {
              dryRun,
              actor: 'system:scan',
              signal: query.signal,
              total,
              onProgress,
            });
          // Asked for JSON Lines: the progress after every batch, then the counts (the designer shows it as it runs).
          if (req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson') {
            streamed = true;
            const lines = progressLines(
              async (report: (p: ScanProgress) => void) => ({ ...(await scan(report)), dryRun }),
              lang,
              () => rm(dir, { recursive: true, force: true }),
            );
            return { body: undefined as never, chunks: lines, type: 'application/x-ndjson' };
          }
          return { body: { ...(await scan()), dryRun } };
        } finally {
          // A stream removes the extract when it ends.
          if (!streamed) await rm(dir, { recursive: true, force: true });
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:key/take-up',
      tag: 'signals',
      roles: ['designer', 'admin', 'official'],
      errors: [401, 403, 404],
      operationId: 'getTakeUp',
      response: takeUpSchema,
      summary: 'Non-take-up: eligible in the last scan, reached, granted, declined, opted out, open',
      handler: async ({ params }) => ({ body: await proactive.takeUp(params.key) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/opt-out',
      tag: 'signals',
      roles: ['citizen'],
      errors: [401, 403, 404],
      success: 200,
      operationId: 'optOut',
      response: optOutSchema,
      summary: 'A citizen opts out of proactive cases of this process (signals for them are recorded and ignored)',
      handler: async ({ principal, params }) => {
        if (principal.kind !== 'citizen') throw new HttpError(403, 'forbidden', 'citizensOnly');
        await proactive.optOut(principal.bsn, params.key);
        return { body: { process: params.key, optedOut: true } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/opt-in',
      tag: 'signals',
      roles: ['citizen'],
      errors: [401, 403, 404],
      success: 200,
      operationId: 'optIn',
      response: optOutSchema,
      summary: 'A citizen allows proactive cases of this process again',
      handler: async ({ principal, params }) => {
        if (principal.kind !== 'citizen') throw new HttpError(403, 'forbidden', 'citizensOnly');
        if (!(await store.processes.latest(params.key)))
          throw new HttpError(404, 'not-found', ['processNotFound', { key: params.key }]);
        await proactive.optIn(principal.bsn, params.key);
        return { body: { process: params.key, optedOut: false } };
      },
    }),
  ];
}

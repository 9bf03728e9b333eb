import { createHash } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Lang } from '../model/index.js';
import { pickLang, reservedKeys, reservedMessage } from '../model/index.js';
import type { Principal, Store } from '../store/index.js';
import { roleOf, sameToken, type Role } from '../auth/index.js';
import { apiMessage, HttpError, lostRace } from './errors.js';
import { formatList } from '../i18n/index.js';

export type RouteContext<B> = {
  req: Request;
  res: Response;
  principal: Principal;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: B;
  lang: Lang;
  /** The revision from `If-Match: "N"`, when the client sent one. */
  ifMatch?: number;
};
/** `text` (with its media `type`) answers with plain text instead of JSON: Mermaid, CSV. `redirect`: a 303 to that address (a browser's sign-in at a provider). */
export type RouteResult<R = unknown> = {
  status?: number;
  body: R;
  etag?: string;
  text?: string;
  type?: string;
  redirect?: string;
  /** A long text answer (an export) sent as it is made, chunk by chunk, with its media `type`. */
  chunks?: AsyncIterable<string>;
};

/** A request body the document shows by media type, for a body zod cannot describe: XML, CSV, a `$ref`. */
export type BodyDoc = { description?: string; content: Record<string, { schema: Record<string, unknown> }> };

/**
 * One API route as data: the same table mounts the Express handlers and
 * writes the OpenAPI document, so the two cannot drift apart. `response`
 * types the handler too: a handler whose body lacks a field the schema
 * promises does not compile.
 */
export type RouteDef<B = any, R = any> = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** The operation's name in the document and in the generated client (camelCase, unique). */
  operationId: string;
  summary: string;
  tag: string;
  /** Who may call it; `public` routes need no credentials. */
  roles: Role[] | 'public';
  body?: z.ZodType<B>;
  /** The body as documented when `body` cannot say it (streamed XML or CSV, the process JSON Schema). */
  bodyDoc?: BodyDoc;
  query?: Record<string, string>;
  /** The JSON body of a success answer (every success status of the route). */
  response?: z.ZodType<R>;
  /** A text answer instead of JSON: its media type (the body is a string); with `response` too, either (by a query). */
  responseText?: string;
  /** Success statuses besides `success`, with what they mean (four-eyes: 202). */
  alsoSuccess?: Record<number, string>;
  /** The answer carries an ETag (the revision to send back as If-Match). */
  etag?: boolean;
  /** Request headers the route reads besides the standard ones (X-Purpose), with what they mean. */
  requestHeaders?: Record<string, string>;
  /** Headers of the success answer besides ETag and Idempotent-Replayed (Set-Cookie at sign-in). */
  headers?: Record<string, string>;
  /** Failure statuses whose body is the route's `response`, not the error envelope (GET /api/ready's 503), with what they mean. */
  answersWith?: Record<number, string>;
  /** Status codes it can answer with, besides 200/201 (for the OpenAPI document). */
  errors: number[];
  success?: number;
  handler(ctx: RouteContext<B>): RouteResult<NoInfer<R>> | Promise<RouteResult<NoInfer<R>>>;
  /** The body may hold names objects inherit (`__proto__` …): a draft is saved as written, its checks report them (P030). Other bodies are refused with 422. */
  keepsReservedKeys?: boolean;
  /** A streaming route (reads the request itself, answers later). No Idempotency-Key replay: it must be safe to repeat. */
  stream?(ctx: RouteContext<B>): Promise<RouteResult<NoInfer<R>>>;
};

/** A body read as it streams in (XML, CSV): a string of one of these media types. */
export const rawBody = (description: string, types: string[]): BodyDoc => ({
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' } }])),
});

export const defineRoute = <B, R = any>(def: RouteDef<B, R>): RouteDef => def;

/** A finite number in [min, max] (integer when asked) from the query, or 422 naming it: never Infinity or NaN. */
export function numberParam(
  v: string | undefined,
  name: string,
  { min, max, integer }: { min: number; max: number; integer?: boolean },
): number | undefined {
  if (v === undefined) return undefined;
  const n = /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const params = { name, min, max, integer: integer ? 'yes' : 'no' };
    throw new HttpError(422, 'invalid-request', ['numberParam', params], undefined, {
      [name]: { code: 'number', params },
    });
  }
  return n;
}

/** An object of values keyed by names the client chooses (answers, facts, a mapping); reserved names are refused for every body in mountRoutes. */
export const namedValues = <V extends z.ZodType>(value: V) => z.record(z.string().max(200), value);

/** Field-level details from zod issues: `{ "a.b": ["message"] }`. */
export function zodDetails(error: z.ZodError): Record<string, string[]> {
  // Null prototype: a body key such as `toString` or `__proto__` is a key here, never an inherited member.
  const details = Object.create(null) as Record<string, string[]>;
  for (const issue of error.issues) {
    // An unknown key is an error of that key, so a client can show it next to the field.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) (details[path.join('.') || '(body)'] ??= []).push(issue.message);
  }
  return details;
}

/** Where `sent` has a key that `kept` (its parse) lost: a field the response schema does not name. */
function unnamedFields(sent: unknown, kept: unknown, path: string[] = []): string[] {
  if (!sent || typeof sent !== 'object' || !kept || typeof kept !== 'object') return [];
  return Object.entries(sent).flatMap(([k, v]) =>
    k in kept ? unnamedFields(v, (kept as Record<string, unknown>)[k], [...path, k]) : [[...path, k].join('.')],
  );
}

/**
 * Tests run with `checkResponses`: an answer that does not match its route's
 * response schema exactly (a missing or mistyped field, or one the schema
 * does not name) is a 500 saying where, so the document cannot drift.
 */
function checkResponse(def: RouteDef, body: unknown): void {
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const parsed = def.response!.safeParse(sent);
  const wrong = parsed.success
    ? unnamedFields(sent, parsed.data).map((path) => `${path}: not in the schema`)
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  if (wrong.length) {
    throw new HttpError(500, 'response-off-schema', [
      'responseOffSchema',
      { operationId: def.operationId, problems: wrong.join('; ') },
    ]);
  }
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (!header || header.trim() === '*') return undefined; // `*`: any current revision
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new HttpError(400, 'invalid-if-match', 'ifMatch');
  return Number(m[1]);
}

/**
 * The query as one string per name. A repeated name (`?team=a&team=b`)
 * arrives as an array, which no route takes: refused as bad input, not a 500.
 */
function singleValues(raw: Request['query']): Record<string, string | undefined> {
  const query = Object.create(null) as Record<string, string | undefined>;
  const details = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') query[name] = value;
    else details[name] = ['give this parameter once'];
  }
  if (Object.keys(details).length) throw new HttpError(422, 'invalid-request', 'repeatedQuery', details);
  return query;
}

/**
 * Mounts route definitions. Every changing request may carry an
 * Idempotency-Key: the first answer is stored in the same transaction as the
 * change and replayed for a retry; the same key with another body is refused.
 */
export function mountRoutes(
  router: Router,
  store: Store,
  routes: RouteDef[],
  options: { checkResponses?: boolean } = {},
): void {
  for (const def of routes) {
    router[def.method](def.path, async (req: Request, res: Response) => {
      const principal = req.principal;
      if (def.method !== 'get' && req.staffSession) {
        // A cookie is sent by the browser on its own: a change also needs the session's token in a header.
        if (!sameToken(req.get('x-csrf-token'), req.staffSession.csrf)) {
          throw new HttpError(403, 'csrf', 'csrf');
        }
      }
      if (def.roles !== 'public') {
        if (!principal) throw new HttpError(401, 'unauthenticated', 'unauthenticated');
        const roles = def.roles;
        if (!roles.includes(roleOf(principal))) {
          throw new HttpError(403, 'forbidden', (lang) =>
            apiMessage(lang, 'needsRole', { roles: formatList(roles, lang, 'disjunction') }),
          );
        }
      }
      const query = singleValues(req.query);
      let body: unknown = undefined;
      if (def.body) {
        // Schemas copy objects and silently drop a `__proto__` key: refuse such names, naming where they are.
        const reserved = def.keepsReservedKeys ? [] : reservedKeys(req.body);
        if (reserved.length) {
          const details = Object.create(null) as Record<string, string[]>;
          for (const path of reserved) details[path] = [reservedMessage(path.split('.').at(-1)!)];
          throw new HttpError(422, 'invalid-request', 'reservedWord', details);
        }
        const parsed = def.body.safeParse(req.body ?? {});
        if (!parsed.success)
          throw new HttpError(422, 'invalid-request', 'bodyNeedsCorrecting', zodDetails(parsed.error));
        body = parsed.data;
      }
      const ctx: RouteContext<unknown> = {
        req,
        res,
        principal: principal!,
        params: req.params as Record<string, string>,
        query,
        body,
        lang: pickLang(query.lang ?? req.get('accept-language')),
        ifMatch: parseIfMatch(req.get('if-match')),
      };
      const key = req.get('idempotency-key');
      let result: RouteResult;
      if (def.stream) {
        result = await def.stream(ctx);
      } else if (key && def.method !== 'get' && principal) {
        if (key.length > 200) throw new HttpError(400, 'invalid-idempotency-key', 'idempotencyKeyTooLong');
        const who =
          principal.kind === 'citizen'
            ? `citizen:${principal.bsn}`
            : principal.kind === 'organisation'
              ? `client:${principal.clientId}`
              : `user:${principal.id}`;
        const fingerprint = createHash('sha256')
          .update(`${def.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
          .digest('hex');
        const replay = async (): Promise<RouteResult | undefined> => {
          const first = await store.idempotency.get(who, key);
          if (!first) return undefined;
          if (first.fingerprint !== fingerprint)
            throw new HttpError(422, 'idempotency-key-reused', 'idempotencyKeyReused');
          return { ...(first.body as RouteResult), replayed: true } as RouteResult;
        };
        const once = () =>
          store.transaction(async () => {
            const first = await replay();
            if (first) return first;
            const fresh = await def.handler(ctx);
            // The key's primary key guards the effect: a second request with it (another node, at
            // the same moment) waits here for the first to commit, fails, and rolls its change back.
            await store.idempotency.put(
              who,
              key,
              { fingerprint, status: fresh.status ?? def.success ?? 200, body: fresh },
              new Date().toISOString(),
            );
            return fresh;
          });
        try {
          result = await once();
        } catch (error) {
          if (error instanceof HttpError && error.code === 'idempotency-key-reused') throw error;
          // Lost a race on this key (its primary key, or the case moved under us): answer the first one's answer.
          const first = await replay().catch(() => undefined);
          if (first) result = first;
          else if (lostRace(error)) result = await once();
          else throw error;
        }
        if ((result as { replayed?: boolean }).replayed) res.set('Idempotent-Replayed', 'true');
      } else if (def.method === 'get') {
        result = await def.handler(ctx);
      } else {
        try {
          result = await def.handler(ctx);
        } catch (error) {
          // Another request changed the case or task first (its write rolled back): once more, on the new state.
          if (!lostRace(error)) throw error;
          result = await def.handler(ctx);
        }
      }
      if (result.etag) res.set('ETag', `"${result.etag}"`);
      if (result.redirect !== undefined) return res.redirect(303, result.redirect);
      const status = result.status ?? def.success ?? 200;
      if (result.chunks) return sendChunks(res, status, result.type ?? 'text/plain', result.chunks);
      const json = result.text === undefined && status !== 204;
      if (options.checkResponses && def.response && json) checkResponse(def, result.body);
      if (status === 204) res.status(204).end();
      else if (result.text !== undefined)
        res
          .status(status)
          .type(result.type ?? 'text/plain')
          .send(result.text);
      else res.status(status).json(result.body);
    });
  }
}

/**
 * Sends an answer chunk by chunk, waiting when the client reads slowly. The
 * first chunk is made before anything is sent, so a failure there is an
 * ordinary error answer; a failure later breaks the connection, so a cut-off
 * export never looks complete.
 */
async function sendChunks(res: Response, status: number, type: string, chunks: AsyncIterable<string>): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  let next = await it.next();
  res.status(status).type(type);
  try {
    while (!next.done) {
      // A client that goes away never drains: its close ends the wait, and the export.
      if (!res.write(next.value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed || res.writableEnded) return void (await it.return?.());
      next = await it.next();
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
  }
}

import { z } from 'zod';
import { STAFF_COOKIE } from '../auth/index.js';
import { defineRoute, type RouteDef } from './route.js';
import { errorSchema, openApiDocumentSchema } from './schemas/common.js';

const reason: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'Done, no content',
  303: 'See Other: the browser goes on to the address in Location',
  400: 'Bad request (malformed JSON or header)',
  401: 'No or unknown credentials',
  403: 'Not allowed for your role',
  404: 'Not found (or not yours to see)',
  409: 'Not possible now (conflict, stale revision, event not allowed)',
  413: 'Body too large',
  415: 'A body of a media type this route does not take',
  422: 'Input needs correcting: field errors in details',
  429: 'Too many attempts: try again after the seconds in the Retry-After header',
  503: 'The database cannot be reached now: try again after the seconds in the Retry-After header',
};

type Json = Record<string, unknown>;
const ref = (name: string) => `#/components/schemas/${name}`;

/** Points zod's `#/$defs/X` at the document's components, renamed where `rename` says. */
function relink(value: unknown, rename: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => relink(v, rename));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const name = v.slice('#/$defs/'.length);
        return [k, ref(rename[name] ?? name)];
      }
      return [k, relink(v, rename)];
    }),
  );
}

/**
 * Zod to JSON Schema for the document: a schema named with `.meta({ id })`
 * becomes one component, referenced with `$ref` wherever it is used. What a
 * client sends is read as zod's input, what it gets as zod's output; a named
 * schema whose two readings differ gets a second component, `<id>Input`.
 */
function schemaWriter(components: Json) {
  return (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const {
      $schema: _s,
      $defs,
      ...root
    } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io }) as Json;
    const defs = ($defs ?? {}) as Record<string, Json>;
    const rename: Record<string, string> = {};
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const name of Object.keys(defs)) {
      if (components[name] !== undefined && !same(components[name], relink(defs[name], {}))) {
        if (io !== 'input') throw new Error(`two different schemas are named ${name}`);
        rename[name] = `${name}Input`;
      }
    }
    for (const [name, def] of Object.entries(defs)) components[rename[name] ?? name] ??= relink(def, rename);
    return relink(root, rename) as Json;
  };
}

const header = (description: string, schema: Json = { type: 'string' }) => ({ description, schema });

/** Who may send it: a bearer token, or (staff, browser apps) the session cookie, plus the CSRF header for a change. */
function securityOf(r: RouteDef): Json[] {
  if (r.roles === 'public') return [];
  // Intermediaries, like citizens, come with a bearer token only (an API client's, from /api/oauth/token).
  const staff = r.roles.some((role) => role !== 'citizen' && role !== 'intermediary');
  if (!staff) return [{ bearer: [] }];
  return [{ bearer: [] }, r.method === 'get' ? { staffSession: [] } : { staffSession: [], csrf: [] }];
}

/** Writes the OpenAPI 3.1 document from the route table the app mounts. */
export function openApiDocument(routes: RouteDef[], version: string): Json {
  const schemas: Json = {};
  const toSchema = schemaWriter(schemas);
  const error = toSchema(errorSchema, 'output');
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    // Every route reads `?lang` (texts, field errors, messages); a route may say what it means there.
    const query = Object.entries({
      lang: 'the language of texts and messages: nl (default) or en; else Accept-Language',
      ...r.query,
    }).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: name === 'lang' ? { type: 'string', enum: ['nl', 'en'] } : { type: 'string' },
    }));
    const changes = r.method !== 'get';
    const headers = changes
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'a retry with the same key returns the first answer and changes nothing',
            schema: { type: 'string', maxLength: 200 },
          },
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'the ETag (revision) you read; 409 if it changed since',
            schema: { type: 'string' },
          },
        ]
      : [];
    for (const [name, description] of Object.entries(r.requestHeaders ?? {}))
      headers.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
    const success = r.success ?? 200;
    const successCodes = [success, ...Object.keys(r.alsoSuccess ?? {}).map(Number)];
    const successHeaders: Json = {
      ...(r.etag ? { ETag: header('the revision, like "3": send it back as If-Match') } : {}),
      // Streaming routes are never replayed (they must be safe to repeat).
      ...(changes && !r.stream
        ? {
            'Idempotent-Replayed': header(
              '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
              {
                type: 'string',
                enum: ['true'],
              },
            ),
          }
        : {}),
      ...Object.fromEntries(Object.entries(r.headers ?? {}).map(([name, description]) => [name, header(description)])),
    };
    const body = r.response ? toSchema(r.response, 'output') : undefined;
    const content =
      (success === 204 || success === 303) && !r.response
        ? undefined
        : r.responseText
          ? {
              [r.responseText]: { schema: { type: 'string' } },
              ...(body ? { 'application/json': { schema: body } } : {}),
            }
          : { 'application/json': { schema: body ?? {} } };
    const successResponse = (code: number) => ({
      description: r.alsoSuccess?.[code] ?? reason[code] ?? String(code),
      ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
      ...(content ? { content } : {}),
    });
    const errorResponse = (code: number) =>
      r.answersWith?.[code]
        ? { description: r.answersWith[code], ...(content ? { content } : {}) }
        : {
            description: reason[code] ?? String(code),
            ...(code === 429 || code === 503
              ? { headers: { 'Retry-After': header('seconds to wait', { type: 'integer', minimum: 0 }) } }
              : {}),
            content: { 'application/json': { schema: error } },
          };
    const requestBody = r.bodyDoc
      ? { required: true, ...r.bodyDoc }
      : r.body
        ? { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } }
        : undefined;
    // A route with a body can also answer 400 (malformed JSON), 413 (too large) and 422 (fails its schema).
    const answered = Object.keys(r.answersWith ?? {}).map(Number);
    const codes = [
      ...new Set([...successCodes, ...r.errors, ...answered, ...(requestBody ? [400, 413, 422] : [])]),
    ].sort((a, b) => a - b);
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: securityOf(r),
      'x-roles': r.roles,
      parameters: [...params, ...query, ...headers],
      ...(requestBody ? { requestBody } : {}),
      responses: Object.fromEntries(
        codes.map((code) => [String(code), code < 400 ? successResponse(code) : errorResponse(code)]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omslag API',
      version,
      description: 'Processes, cases, tasks and signals. Errors: { "error": { "code", "message", "details" } }.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'a token from `npm run omslag -- token` or `citizen-token`',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: STAFF_COOKIE,
          description: 'the browser apps (staff): the session cookie POST /api/session sets',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'with the session cookie, a change sends the CSRF token from POST or GET /api/session',
        },
      },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

/** GET /api/openapi.json: the document describes itself too, so every mounted route is in the table. */
const openApiRoute = (document: () => Json) =>
  defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    roles: 'public',
    errors: [],
    operationId: 'getOpenApiDocument',
    summary: 'This document: the API as OpenAPI 3.1',
    response: openApiDocumentSchema,
    handler: () => ({ body: document() }),
  });

/**
 * The API's routes with GET /api/openapi.json, and the document they write:
 * what the app mounts, and what `npm run gen:client` types the client from.
 */
export function documentedApi(routes: RouteDef[], version: string): { routes: RouteDef[]; document: Json } {
  let document: Json = {};
  const all = [...routes, openApiRoute(() => document)];
  document = openApiDocument(all, version);
  return { routes: all, document };
}

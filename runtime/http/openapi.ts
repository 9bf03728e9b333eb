import { z } from 'zod';
import type { RouteDef } from './route.js';

const reason: Record<number, string> = {
  200: 'OK', 201: 'Created', 400: 'Bad request (malformed JSON or header)', 401: 'No or unknown credentials', 403: 'Not allowed for your role',
  404: 'Not found (or not yours to see)', 409: 'Not possible now (conflict, stale revision, event not allowed)', 413: 'Body too large',
  422: 'Input needs correcting: field errors in details',
  429: 'Too many attempts: try again after the seconds in the Retry-After header',
};

/** Writes the OpenAPI 3.1 document from the route table the app mounts. */
export function openApiDocument(routes: RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = Object.entries(r.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }));
    const headers = r.method === 'get' ? [] : [
      { name: 'Idempotency-Key', in: 'header', required: false, description: 'a retry with the same key returns the first answer and changes nothing', schema: { type: 'string', maxLength: 200 } },
      { name: 'If-Match', in: 'header', required: false, description: 'the ETag (revision) you read; 409 if it changed since', schema: { type: 'string' } },
    ];
    const success = r.success ?? 200;
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.roles === 'public' ? [] : [{ bearer: [] }],
      'x-roles': r.roles,
      parameters: [...params, ...query, ...headers],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { unrepresentable: 'any' }) } } } } : {}),
      // A route with a body can also answer 400 (malformed JSON), 413 (too large) and 422 (fails its schema).
      responses: Object.fromEntries([...new Set([success, ...r.errors, ...(r.body ? [400, 413, 422] : [])])].sort((a, b) => a - b).map((code) => [String(code), {
        description: reason[code] ?? String(code),
        content: { 'application/json': { schema: code >= 400 ? { $ref: '#/components/schemas/Error' } : {} } },
      }])),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Omslag API', version, description: 'Processes, cases, tasks and signals. Errors: { "error": { "code", "message", "details" } }.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `npm run omslag -- token` or `citizen-token`' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
    },
  };
}

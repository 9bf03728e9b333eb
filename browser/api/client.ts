/**
 * The typed API client of the browser apps (and of any TypeScript caller):
 * openapi-fetch over the types generated from the OpenAPI document
 * (./schema.ts, `npm run gen:client`). Paths, parameters, bodies and answers
 * are typed per operation:
 *
 *   const api = createApiClient('/', { csrf: () => session.csrf });
 *   const { data, error, response } = await api.GET('/api/cases/{id}', { params: { path: { id } } });
 *
 * `data` is the typed success body, `error` the error envelope; neither
 * throws for a 4xx. Streamed bodies (BPMN as XML, a register extract as CSV)
 * go as a string with their media type: `bodySerializer: (s) => s` and the
 * Content-Type header.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
/** The named shapes of the API: `Schemas['CaseView']`, `Schemas['Task']`, `Schemas['Error']` … */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;
/** The JSON success body of an operation, by its operationId: `Answer<'getCase'>`. */
export type Answer<Id extends keyof operations> = SuccessBody<operations[Id]['responses']>;
type SuccessBody<R> = {
  [C in keyof R]: C extends 200 | 201 | 202
    ? R[C] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never;
}[keyof R];

export type Credentials = {
  /** A bearer token (scripts, tests, other systems). */
  token?: string;
  /**
   * The CSRF token of a browser session (from POST or GET /api/session): sent
   * as X-CSRF-Token with every change. A function is asked at each request,
   * so a client made before sign-in sends the token it got later.
   */
  csrf?: string | (() => string | null | undefined);
};

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A client for the API at `baseUrl` (the server's origin, e.g. `/` in the browser or `http://127.0.0.1:3000`). */
export function createApiClient(baseUrl: string, credentials: Credentials = {}): ApiClient {
  // The session cookie goes along on the same origin (the browser apps); a token goes in the header.
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin' });
  const auth: Middleware = {
    onRequest({ request }) {
      if (credentials.token) request.headers.set('Authorization', `Bearer ${credentials.token}`);
      const csrf = typeof credentials.csrf === 'function' ? credentials.csrf() : credentials.csrf;
      if (csrf && !reads.has(request.method)) request.headers.set('X-CSRF-Token', csrf);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/**
 * /api/openapi.json is kept true: every route Express actually mounted is
 * described (found by walking the app's router stack), every entry of the
 * route table is there with its method, roles and errors, and nothing is
 * described that is not mounted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRoutes } from '../../../runtime/http/app.js';
import type { RouteDef } from '../../../runtime/http/route.js';
import { createWebApp } from '../../../runtime/web/app.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { expectStatus } from './support.js';

let s: TestServer;
let doc: any;
let routes: RouteDef[];

beforeAll(async () => {
  s = await startTestServer({ fixtures: ['ophalen'] });
  routes = apiRoutes({ store: s.store, engine: s.engine, processes: s.processes, clock: s.clock });
  const res = await s.api('GET', '/api/openapi.json');
  doc = expectStatus(res, 200);
});
afterAll(async () => {
  await s?.close();
});

type Layer = {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
};

/** Every (method, path) of the routes mounted in an Express 5 router stack, nested routers included. */
function mountedRoutes(stack: Layer[], prefix = ''): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== '_all') found.push({ method, path: prefix + path });
      }
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      found.push(...mountedRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return found;
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const operations = (d: any) =>
  Object.entries(d.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

describe('/api/openapi.json', () => {
  test('is public, OpenAPI 3.1, with the Error schema and bearer security', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.staffSession).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'omslag_werk' }),
    );
    expect(doc.components.securitySchemes.csrf).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    );
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    // The same document with a token.
    expect(expectStatus(await s.api('GET', '/api/openapi.json', { as: 'citizen' }), 200)).toEqual(doc);
  });

  test('describes every route the Express app mounted, and nothing else', () => {
    const app = createWebApp(
      { store: s.store, engine: s.engine, processes: s.processes, clock: s.clock },
      { log: () => {} },
    );
    const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
    // The API's routes (the citizen pages under / are HTML, not part of the API document).
    const mounted = mountedRoutes(stack).filter((r) => r.path.startsWith('/api'));
    expect(mounted.length).toBeGreaterThanOrEqual(routes.length + 1);
    expect(mounted).toContainEqual({ method: 'get', path: '/api/openapi.json' });
    for (const { method, path } of mounted) {
      expect(
        doc.paths[openApiPath(path)]?.[method],
        `${method.toUpperCase()} ${path} is mounted but not described`,
      ).toBeDefined();
    }
    const described = operations(doc)
      .map(({ path, method }) => `${method} ${path}`)
      .sort();
    expect(described).toEqual(mounted.map(({ method, path }) => `${method} ${openApiPath(path)}`).sort());
  });

  test('every entry of the route table is under paths with its method, summary, roles and path parameters', () => {
    expect(routes.length).toBeGreaterThanOrEqual(19);
    for (const def of routes) {
      const path = openApiPath(def.path);
      const op = doc.paths[path]?.[def.method];
      expect(op, `${def.method.toUpperCase()} ${def.path}`).toBeDefined();
      expect(op).toMatchObject({ summary: def.summary, tags: [def.tag], 'x-roles': def.roles });
      expect(op.responses[String(def.success ?? 200)]).toBeDefined();
      const declared = op.parameters
        .filter((p: any) => p.in === 'path')
        .map((p: any) => p.name)
        .sort();
      expect(declared).toEqual([...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort());
      for (const name of Object.keys(def.query ?? {}))
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'query' }));
      if (def.method !== 'get')
        expect(op.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    }
  });

  test('every operation lists 401 unless public; 403 where some role is refused; error responses reference the Error schema', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      if (op['x-roles'] === 'public') {
        expect(op.security, where).toEqual([]);
        // Signing in answers 401 for a wrong password; other public routes never do.
        // OAuth 2's token endpoint answers invalid_client with 401 (RFC 6749 §5.2).
        if (path !== '/api/session' && path !== '/api/oauth/token')
          expect(op.responses, where).not.toHaveProperty('401');
      } else {
        // A bearer token always; staff routes also take the browser apps' session cookie, with the CSRF header for a change.
        const staff = op['x-roles'].some((role: string) => role !== 'citizen' && role !== 'intermediary');
        const cookie = method === 'get' ? { staffSession: [] } : { staffSession: [], csrf: [] };
        expect(op.security, where).toEqual(staff ? [{ bearer: [] }, cookie] : [{ bearer: [] }]);
        expect(op.responses, where).toHaveProperty('401');
        if (op['x-roles'].length < 4) expect(op.responses, where).toHaveProperty('403');
      }
      for (const [code, response] of Object.entries(op.responses as Record<string, any>)) {
        // The one failure that is not the envelope: a load balancer reads why a node is not ready.
        if (where === 'GET /api/ready' && code === '503')
          expect(response.content['application/json'].schema, `${where} ${code}`).toEqual({
            $ref: '#/components/schemas/Readiness',
          });
        // OAuth 2's token endpoint answers its errors as RFC 6749 §5.2 says, not in the envelope.
        else if (where === 'POST /api/oauth/token' && (code === '400' || code === '401'))
          expect(response.content['application/json'].schema, `${where} ${code}`).toEqual({
            $ref: '#/components/schemas/ClientToken',
          });
        else if (Number(code) >= 400)
          expect(response.content['application/json'].schema, `${where} ${code}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
        // A success, or a redirect (the staff sign-in is a browser navigation: 303 to the provider and back).
        else expect(Number(code), where).toBeLessThan(400);
      }
    }
    expect(
      ops
        .filter((o) => o.op['x-roles'] === 'public')
        .map((o) => o.path)
        .sort(),
    ).toEqual([
      '/api/health',
      '/api/oauth/token',
      '/api/openapi.json',
      '/api/ready',
      '/api/schema/process.json',
      '/api/session',
      '/api/session/oidc',
      '/api/session/oidc/callback',
      '/api/session/providers',
    ]);
  });

  test('a route with a body describes it and lists 400, 413 and 422', () => {
    for (const def of routes.filter((r) => r.body)) {
      const op = doc.paths[openApiPath(def.path)][def.method];
      expect(op.requestBody.content['application/json'].schema, def.path).toBeTypeOf('object');
      for (const code of ['400', '413', '422']) expect(op.responses, `${def.method} ${def.path}`).toHaveProperty(code);
    }
    const events = doc.paths['/api/cases/{id}/events'].post;
    expect(events.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['type'] });
    expect(Object.keys(events.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'data',
      'step',
      'type',
    ]);
    expect(Object.keys(events.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
      '503',
    ]);
    expect(Object.keys(doc.paths['/api/processes/{key}/cases'].post.responses)).toContain('201');
    expect(Object.keys(doc.paths['/api/processes/{key}/publish'].post.responses)).toContain('201');
  });

  test('the statuses the API answers with (seen by the other tests) are the ones described', async () => {
    // A few spot checks that a described error is one the route really gives.
    const started = expectStatus(await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }), 201);
    const stale = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: {} },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(doc.paths['/api/cases/{id}/events'].post.responses).toHaveProperty('409');
    const tooBig = await s.api('POST', '/api/signals', {
      as: 'admin',
      body: { type: 'x', subject: '999993653', data: { x: 'x'.repeat(300_000) } },
    });
    expect(tooBig.status).toBe(413);
    expect(doc.paths['/api/signals'].post.responses).toHaveProperty('413');
  });
});

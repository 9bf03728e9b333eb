/**
 * The OpenAPI document is valid OpenAPI 3.1 (checked by a real validator),
 * names every operation, types every success answer, documents the bodies
 * zod cannot describe (BPMN XML, a CSV register extract) and the headers.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiDocument } from '../../../scripts/gen-client.js';

let doc: any;
beforeAll(async () => {
  doc = await apiDocument();
});
const operations = (d: any) =>
  Object.entries(d.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op, where: `${method.toUpperCase()} ${path}` })),
  );

/** Every `$ref` anywhere in a value. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  test('passes an OpenAPI 3.1 validator', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a broken document fails the same validator (the check can fail)', async () => {
    const broken = structuredClone(doc);
    broken.paths['/api/cases'].get.responses['200'] = { content: {} }; // a response without its description
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  test('every $ref points at a component that exists', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(40);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined();
    }
  });

  test('every operation has a unique camelCase operationId', () => {
    const ids = operations(doc).map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every success answer but 204 has a typed body: a schema that is not empty', () => {
    for (const { op, where } of operations(doc)) {
      for (const [code, response] of Object.entries(op.responses as Record<string, any>)) {
        if (Number(code) >= 300) continue;
        if (code === '204') {
          expect(response.content, where).toBeUndefined();
          continue;
        }
        const [media, { schema }] = Object.entries(response.content as Record<string, any>)[0];
        expect(schema, `${where} ${code} ${media}`).not.toEqual({});
        if (media === 'application/json') expect(schema.$ref ?? schema.type, `${where} ${code}`).toBeDefined();
      }
    }
  });

  test('the XML and CSV bodies are documented with their media types', () => {
    const bpmn = doc.paths['/api/processes/import/bpmn'].post.requestBody;
    expect(Object.keys(bpmn.content).sort()).toEqual(['application/bpmn+xml', 'application/xml', 'text/xml']);
    expect(bpmn.content['application/xml'].schema).toEqual({ type: 'string' });
    const scan = doc.paths['/api/processes/{key}/scan'].post.requestBody;
    expect(Object.keys(scan.content).sort()).toEqual(['application/jsonl', 'application/x-ndjson', 'text/csv']);
    expect(doc.paths['/api/processes/{key}/versions/{version}/mermaid'].get.responses['200'].content).toHaveProperty(
      ['text/vnd.mermaid', 'schema', 'type'],
      'string',
    );
  });

  test('the draft body is the process JSON Schema, a component generated from the process zod schema', async () => {
    const { processJsonSchema } = await import('../../../runtime/model/index.js');
    expect(doc.paths['/api/processes/{key}/draft'].put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Process',
    });
    const { $schema: _, ...schema } = processJsonSchema();
    expect(doc.components.schemas.Process).toEqual({ ...schema, description: expect.any(String) });
  });

  test('headers: ETag where the answer has a revision, Idempotent-Replayed on changes, Retry-After on 429', () => {
    const ok = (path: string, method: string, code = '200') => doc.paths[path][method].responses[code];
    for (const [path, method] of [
      ['/api/cases/{id}', 'get'],
      ['/api/cases/{id}/events', 'post'],
      ['/api/tasks/{id}', 'get'],
      ['/api/tasks/{id}/claim', 'post'],
    ]) {
      expect(ok(path, method).headers, `${method} ${path}`).toHaveProperty('ETag');
    }
    expect(ok('/api/cases', 'get').headers?.ETag).toBeUndefined();
    for (const { op, method, where } of operations(doc)) {
      const success = Object.entries(op.responses as Record<string, any>).filter(([c]) => Number(c) < 300);
      const streamed = [
        '/api/session',
        '/api/processes/{key}/scan',
        '/api/processes/import/bpmn',
        '/api/oauth/token',
      ].some((p) => where === `POST ${p}`);
      for (const [, r] of success)
        expect(!!r.headers?.['Idempotent-Replayed'], where).toBe(method !== 'get' && !streamed);
      if (op.responses['429']) expect(op.responses['429'].headers, where).toHaveProperty('Retry-After');
    }
    expect(doc.paths['/api/session'].post.responses['429'].headers).toHaveProperty('Retry-After');
    expect(ok('/api/session', 'post').headers).toHaveProperty('Set-Cookie');
  });

  test('four-eyes: completing a task answers 200, or 202 when the outcome waits for approval, both as the task', () => {
    const responses = doc.paths['/api/tasks/{id}/complete'].post.responses;
    expect(responses['202'].description).toMatch(/four-eyes/);
    expect(responses['202'].content).toEqual(responses['200'].content);
    expect(responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Task' });
  });
});

describe('checkResponses (on in every test server): an answer off its schema is a 500 naming where', () => {
  test('an unnamed, a missing and a mistyped field are refused; a matching answer passes', async () => {
    const express = (await import('express')).default;
    const { z } = await import('zod');
    const { defineRoute, mountRoutes } = await import('../../../runtime/http/route.js');
    const { errorHandler } = await import('../../../runtime/http/errors.js');
    const answers: Record<string, unknown> = {
      fits: { id: 'a', n: 1 },
      extra: { id: 'a', n: 1, secret: 'x' },
      missing: { id: 'a' },
      mistyped: { id: 'a', n: '1' },
    };
    const app = express();
    const router = express.Router();
    const route = (name: string) =>
      defineRoute({
        method: 'get',
        path: `/api/${name}`,
        operationId: name,
        tag: 't',
        roles: 'public',
        errors: [],
        summary: name,
        response: z.object({ id: z.string(), n: z.number() }),
        handler: () => ({ body: answers[name] as { id: string; n: number } }),
      });
    mountRoutes(router, {} as never, Object.keys(answers).map(route), { checkResponses: true });
    app.use(router);
    app.use(errorHandler(() => {}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
      const get = async (name: string) => {
        const res = await fetch(base + name, { headers: { 'accept-language': 'en' } });
        return { status: res.status, body: await res.json() };
      };
      expect(await get('fits')).toEqual({ status: 200, body: answers.fits });
      const message = async (name: string) => {
        const res = await get(name);
        expect(res.status, name).toBe(500);
        expect(res.body.error.code).toBe('response-off-schema');
        return res.body.error.message;
      };
      expect(await message('extra')).toBe('extra answered outside its schema: secret: not in the schema');
      expect(await message('missing')).toMatch(/^missing answered outside its schema: n: /);
      expect(await message('mistyped')).toMatch(/^mistyped answered outside its schema: n: .*expected number/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

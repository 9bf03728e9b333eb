import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../../helpers/db-dump.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { expectNoInternals } from '../../helpers/internals.js';

/** A request with the path exactly as given (fetch would normalise `//`). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const url = new URL(base);
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

describe("finding 6: the pages never show Express's default page", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: [] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('finding 6: GET // shows our page without internals', async () => {
    const res = await raw(s.base, 'GET', '//');
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="nl"');
    expect(res.text).toContain('Pagina niet gevonden');
    expect(res.text).toContain('href="/"');
    expectNoInternals(res.text);
  });

  it('shows it in English when asked', async () => {
    const res = await raw(s.base, 'GET', '//?lang=en');
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).toContain('Page not found');
  });

  it('answers every other odd address and method with our own 400 or 404 page', async () => {
    const cases: [string, string, number][] = [
      ['GET', '//evil.example/x', 404],
      ['GET', '/a//b', 404],
      ['GET', '/%', 404],
      ['GET', '/zaken/%', 400],
      ['GET', '/diensten/%zz', 400],
      ['GET', '/werkplek/%', 400],
      ['GET', '/ontwerp/%E0%A4%A', 400],
      ['GET', '/static/..%2f..%2fpackage.json', 404],
      ['PUT', '/', 404],
      ['DELETE', '/mijn-zaken', 404],
      ['PATCH', '/inloggen', 404],
      ['OPTIONS', '/', 404],
    ];
    for (const [method, path, status] of cases) {
      const res = await raw(s.base, method, path);
      expect([method, path, res.status]).toEqual([method, path, status]);
      expect(res.type).toMatch(/^text\/html/);
      expect(res.text).toContain('class="utrecht-theme"');
      expectNoInternals(res.text);
    }
  });

  it('a 400 page says in plain words that nothing changed', async () => {
    const res = await raw(s.base, 'GET', '/zaken/%');
    expect(res.text).toContain('Dit adres of formulier klopt niet');
    expect(res.text).toContain('Er is niets veranderd');
  });

  it('finding 6: a form with Content-Encoding gzip that is not gzip shows our 400 page and changes nothing', async () => {
    const before = await dumpDb(s.store);
    const res = await raw(
      s.base,
      'POST',
      '/inloggen',
      { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
      'bsn=999993653',
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('Dit adres of formulier klopt niet');
    expectNoInternals(res.text);
    expect(await dumpDb(s.store)).toEqual(before);
  });
});

/**
 * A rule that runs out of its budget on a citizen page (issue 11, finding 2):
 * the citizen gets a page that says a person will help, never a 500 or a
 * stack trace, and the case is as it was.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dbFingerprint } from '../../helpers/db-state.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: [] });
});
afterAll(async () => {
  await s.close();
});

const text = (x: string) => ({ nl: x, en: x });
const HOSTILE = 'count(for a in 1..n, b in 1..n return a * b) > 0';

function browser(base: string) {
  let cookie = '';
  const request = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) cookie = [cookie, c.split(';')[0]].filter(Boolean).join('; ');
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  const csrf = async (path: string) => /name="_csrf" value="([^"]+)"/.exec((await request('GET', path)).text)![1];
  return { request, csrf };
}

it('finding 2: a question whose condition runs out of budget shows "a person will help", not an error, and changes nothing', async () => {
  const def = {
    key: 'zware-vraag',
    title: text('Zware vraag'),
    start: 'eerst',
    contact: { team: 'klantcontact' },
    steps: {
      eerst: {
        kind: 'form',
        title: text('Eerst'),
        fields: [{ id: 'n', label: text('Aantal'), type: 'number', required: true }],
        next: 'daarna',
      },
      daarna: {
        kind: 'form',
        title: text('Daarna'),
        fields: [{ id: 'extra', label: text('Extra'), type: 'text', showIf: HOSTILE }],
        next: 'klaar',
      },
      klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Klaar.') },
    },
  };
  expect((await s.api('PUT', '/api/processes/zware-vraag/draft', { as: 'designer', body: def })).body.problems).toEqual(
    [],
  );
  expect((await s.api('POST', '/api/processes/zware-vraag/publish', { as: 'designer' })).status).toBe(201);

  const b = browser(s.base);
  await b.request('POST', '/inloggen', { _csrf: await b.csrf('/inloggen'), bsn: '999993653', terug: '/mijn-zaken' });
  const start = await b.request('POST', '/diensten/zware-vraag/start', {
    _csrf: await b.csrf('/diensten/zware-vraag'),
  });
  const caseUrl = start.location!;
  const first = (await b.request('GET', caseUrl)).location!;
  const saved = await b.request('POST', first, { _csrf: await b.csrf(first), n: '3000' });
  expect(saved.status).toBeLessThan(500);
  const before = await dbFingerprint(s.store, { except: ['sessions', 'rate_limits'] });
  const next = await b.request('GET', `${caseUrl}/stap/daarna`);
  expect(next.status, next.text.slice(0, 300)).toBe(409);
  expect(next.text).toContain('Dit kunnen wij niet automatisch verwerken');
  expect(next.text).toContain('Een medewerker spreken');
  expect(next.text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|FeelBudget/);
  expect(await dbFingerprint(s.store, { except: ['sessions', 'rate_limits'] })).toEqual(before);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  canSeeDrafts,
  citizenSessions,
  PAGE_RIGHTS,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../../../runtime/auth/index.js';
import { createEngine, createFakeClock, createProcessService } from '../../../runtime/engine/index.js';
import { PageError } from '../../../runtime/pages/context.js';
import { createPages } from '../../../runtime/pages/index.js';
import { pageRouter, type PageRoute } from '../../../runtime/pages/router.js';
import { defaultTheme } from '../../../runtime/pages/theme.js';
import type { Store } from '../../../runtime/store/index.js';
import { openTestStore } from '../../helpers/test-store.js';

// The pages' router protects a page unless it is declared public: a new page under /zaken/:id needs no guard code.
const A = '999993653';
const B = '111222333';
const melding = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/engine/melding.json'), 'utf8'));

let dir: string;
let store: Store;
let server: Server;
let base: string;
let caseId: string;
let pageTable: PageRoute[];
let stackRoutes: string[];
const cookies = {} as Record<'a' | 'b', { cookie: string; csrf: string }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omslag-router-'));
  ({ store } = await openTestStore(dir));
  const clock = createFakeClock('2026-03-02T09:00:00Z');
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  await processes.saveDraft('melding', melding, null);
  await processes.publish('melding', null);
  caseId = (await engine.startCase('melding', A, 'citizen')).id;
  for (const [who, bsn] of [
    ['a', A],
    ['b', B],
  ] as const) {
    const { id, row } = await store.sessions.create(bsn, 'nl', clock.now(), SESSION_TTL_MS);
    cookies[who] = { cookie: `${SESSION_COOKIE}=${id}`, csrf: row.csrf };
  }

  const app = express();
  const sessions = citizenSessions(store, clock, { secureCookies: false });
  app.use(sessions.middleware);
  // A new page, written the way a page is written: no sign-in check, no case lookup, no ownership check.
  const extra = express.Router();
  const pages = pageRouter(extra, { store, clock });
  pages.get('/zaken/:id/nieuw', (_req, res, { row }) => res.type('text').send(`zaak ${row.reference}`));
  pages.post('/zaken/:id/nieuw', [express.urlencoded({ extended: false })], (_req, res, { row }) =>
    res.type('text').send(`verstuurd ${row.id}`),
  );
  pages.get('/iets-van-mij', (_req, res, { subject }) => res.type('text').send(`van ${subject}`));
  pages.public.get('/open', (_req, res) => res.type('text').send('open'));
  pages.staff(canSeeDrafts).get('/alleen-ontwerpers', (_req, res) => res.type('text').send('ontwerp'));
  app.use(extra);
  // The real pages, for their route table.
  const real = createPages({
    store,
    engine,
    clock,
    theme: defaultTheme,
    uploadDir: join(dir, 'uploads'),
    log: () => {},
  });
  pageTable = real.routes;
  const stack = (real.router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] })
    .stack;
  stackRoutes = stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m} ${l.route!.path}`) : []));
  app.use(real.router);
  app.use(((error, _req, res, _next) =>
    res.status(error instanceof PageError ? error.status : 500).send(String(error))) as ErrorRequestHandler);
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = async (
  method: string,
  path: string,
  opts: { cookie?: string; form?: Record<string, string>; type?: string } = {},
) => {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined;
  if (opts.form) {
    headers['content-type'] = opts.type ?? 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  return {
    status: res.status,
    location: res.headers.get('location'),
    text: await res.text(),
    setCookie: res.headers.get('set-cookie'),
  };
};

describe('a new case page with no guard code', () => {
  test('the citizen whose case it is sees it', async () => {
    const res = await request('GET', `/zaken/${caseId}/nieuw`, { cookie: cookies.a.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toBe(`zaak ${(await store.cases.get(caseId))!.reference}`);
    expect((await request('POST', `/zaken/${caseId}/nieuw`, { cookie: cookies.a.cookie, form: { x: '1' } })).text).toBe(
      `verstuurd ${caseId}`,
    );
  });

  test('another citizen is refused with 404, as if the case did not exist', async () => {
    expect((await request('GET', `/zaken/${caseId}/nieuw`, { cookie: cookies.b.cookie })).status).toBe(404);
    expect(
      (await request('POST', `/zaken/${caseId}/nieuw`, { cookie: cookies.b.cookie, form: { x: '1' } })).status,
    ).toBe(404);
    expect(
      (await request('GET', '/zaken/00000000-0000-0000-0000-000000000000/nieuw', { cookie: cookies.a.cookie })).status,
    ).toBe(404);
  });

  test('an anonymous visitor is sent to sign in, and back here afterwards', async () => {
    const res = await request('GET', `/zaken/${caseId}/nieuw?x=1`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/inloggen?terug=${encodeURIComponent(`/zaken/${caseId}/nieuw?x=1`)}`);
    expect((await request('GET', '/iets-van-mij')).location).toBe(
      `/inloggen?terug=${encodeURIComponent('/iets-van-mij')}`,
    );
    expect((await request('GET', '/iets-van-mij', { cookie: cookies.b.cookie })).text).toBe(`van ${B}`);
    // A multipart post of an anonymous visitor: its token was not read, so it is refused like a post without one.
    expect(
      (await request('POST', `/zaken/${caseId}/nieuw`, { form: { x: '1' }, type: 'multipart/form-data; boundary=x' }))
        .status,
    ).toBe(403);
  });

  test('only pages declared public are open; staff pages do not exist for citizens', async () => {
    expect((await request('GET', '/open')).text).toBe('open');
    expect((await request('GET', '/alleen-ontwerpers')).status).toBe(404);
    expect((await request('GET', '/alleen-ontwerpers', { cookie: cookies.a.cookie })).status).toBe(404);
  });
});

describe('the citizen pages as registered', () => {
  const publicPages = [
    'get /',
    'get /diensten/:key',
    'get /inloggen',
    'get /inloggen/digid',
    'get /inloggen/eherkenning',
    'get /inloggen/terug',
    'get /uitgelogd',
    'get /medewerker',
    'post /inloggen',
    'post /uitloggen',
    // The link that confirms an email address for notices: opened wherever the email is read.
    'get /meldingen/bevestigen',
    'post /meldingen/bevestigen',
    'get /static/nlds/components.css',
    'get /static/nlds/theme.css',
  ];
  const params = (path: string) =>
    path.replace(':id', caseId).replace(':key', 'melding').replace(':step', 'soort').replace(':event', 'withdraw');

  test('every page goes through the page router, and only the known ones are public', () => {
    expect(pageTable.map((r) => `${r.method} ${r.path}`).sort()).toEqual([...stackRoutes].sort());
    expect(
      pageTable
        .filter((r) => r.audience === 'public')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual([...publicPages].sort());
    expect(pageTable.filter((r) => r.audience === 'staff').map((r) => r.path)).toEqual(['/voorbeeld/:key/:step']);
    // Every page under a case's address checks the case.
    for (const r of pageTable) if (r.path.startsWith('/zaken/:id')) expect(r.audience, r.path).toBe('case');
  });

  test("the signed-in citizen's own pages, and the right each case or service page asks of an intermediary", () => {
    expect(
      pageTable
        .filter((r) => r.audience === 'citizen')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'get /mijn-zaken',
        // Back from signing in after Start: one press goes on (a GET starts nothing).
        'get /diensten/:key/start',
        'post /diensten/:key/start',
        'get /diensten/:key/medewerker',
        'post /diensten/:key/medewerker',
        // Mandates: the citizen's own (granted, revoked), and the holder's choice for whom.
        'get /machtigingen',
        'get /machtigingen/nieuw',
        'post /machtigingen/nieuw',
        'post /machtigingen/:id/intrekken',
        'get /namens',
        'post /namens',
        // The channels for notices (email, SMS).
        'get /meldingen',
        'post /meldingen',
      ].sort(),
    );
    // The decision letter is a page of its case, and asks what reading the case's messages asks.
    expect(pageTable).toContainEqual({ method: 'get', path: '/zaken/:id/brief', audience: 'case' });
    expect(PAGE_RIGHTS['get /zaken/:id/brief']).toBe('messages');
    // A page of a case or a service says which right an intermediary needs (runtime/auth/mandates.ts), none left to the default.
    for (const r of pageTable)
      if (r.audience === 'case' || (r.audience === 'citizen' && r.path.startsWith('/diensten/')))
        expect(PAGE_RIGHTS[`${r.method} ${r.path}`], `${r.method} ${r.path}`).toBeDefined();
  });

  test('the public pages are still public', async () => {
    for (const path of [
      '/',
      '/diensten/melding',
      '/inloggen',
      '/medewerker',
      '/static/nlds/theme.css',
      '/static/omslag.css',
    ]) {
      const res = await request('GET', path);
      expect(res.status, path).toBe(200);
    }
    // The page to go on with a start asks to sign in, and comes back to itself.
    expect((await request('GET', '/diensten/melding/start')).location).toBe(
      `/inloggen?terug=${encodeURIComponent('/diensten/melding/start')}`,
    );
    // The public posts answer an anonymous visitor with a page, not a sign-in redirect.
    const signIn = await request('GET', '/inloggen');
    const visit = signIn.setCookie!.split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)![1];
    expect((await request('POST', '/inloggen', { cookie: visit, form: { _csrf: csrf, bsn: '123' } })).status).toBe(422);
    expect((await request('POST', '/uitloggen', { cookie: visit, form: { _csrf: csrf } })).status).toBe(200);
  });

  test('every other page sends an anonymous visitor to sign in, and refuses another citizen on a case', async () => {
    const signIn = await request('GET', '/inloggen');
    const visit = signIn.setCookie!.split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)![1];
    const protectedPages = pageTable.filter((r) => r.audience === 'citizen' || r.audience === 'case');
    expect(protectedPages.length).toBeGreaterThanOrEqual(15);
    for (const r of protectedPages) {
      const path = params(r.path);
      const anonymous = await request(r.method.toUpperCase(), path, {
        cookie: visit,
        form: r.method === 'post' ? { _csrf: csrf } : undefined,
      });
      expect(anonymous.status, `${r.method} ${r.path}`).toBe(303);
      expect(anonymous.location, `${r.method} ${r.path}`).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
      if (r.audience !== 'case') continue;
      const other = await request(r.method.toUpperCase(), path, {
        cookie: cookies.b.cookie,
        form: r.method === 'post' ? { _csrf: cookies.b.csrf } : undefined,
      });
      expect(other.status, `${r.method} ${r.path} for another citizen`).toBe(404);
    }
  });
});

/**
 * Sign-in returns the citizen to what they were doing: Start pressed while
 * not signed in (or at too low a level) comes back, after signing in, to
 * GET /diensten/:key/start, a page that starts nothing itself and goes on
 * with one press (a form with a fresh token), not to the start page where
 * Start must be found and pressed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBrowser } from '../../helpers/browser.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const BSN = '999993653';

describe('back to the start after signing in', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
    // The same service at DigiD Hoog: a session at Midden is refused.
    const strict = { ...fixtureProcess('toeslag'), key: 'streng', signIn: { level: 'hoog' } };
    expect((await s.processes.saveDraft('streng', strict, 'test')).problems).toEqual([]);
    await s.processes.publish('streng', 'test');
  });
  afterAll(async () => {
    await s.close();
  });

  const active = async (key: string) =>
    (await s.store.cases.activeBySubject(BSN)).filter((c) => c.processKey === key).length;

  it('Start while signed out: sign in, land on "Doorgaan met starten", one press starts the case', async () => {
    const b = pageBrowser(s.base);
    const before = await active('toeslag');
    const refused = await b.request('POST', '/diensten/toeslag/start', { _csrf: await b.csrf('/diensten/toeslag') });
    expect(refused.status).toBe(303);
    expect(refused.location).toBe(`/inloggen?terug=${encodeURIComponent('/diensten/toeslag/start')}`);
    // The sign-in form carries the way back.
    const form = await b.request('GET', refused.location!);
    expect(form.text).toContain('name="terug" value="/diensten/toeslag/start"');
    const signedIn = await b.request('POST', '/inloggen', {
      _csrf: await b.csrf(refused.location!),
      bsn: BSN,
      terug: '/diensten/toeslag/start',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/diensten/toeslag/start');

    // The page goes on with one press; opening it (or reloading it) starts nothing.
    const page = await b.request('GET', '/diensten/toeslag/start');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /<form method="post" action="\/diensten\/toeslag\/start"><input type="hidden" name="_csrf" value="[^"]+">\s*<button type="submit"[^>]*>Doorgaan met starten<\/button><\/form>/,
    );
    await b.request('GET', '/diensten/toeslag/start');
    expect(await active('toeslag')).toBe(before);
    // A post without the page's token is refused, and starts nothing either.
    expect((await b.request('POST', '/diensten/toeslag/start', { _csrf: 'wrong' })).status).toBe(403);
    expect(await active('toeslag')).toBe(before);

    const started = await b.request('POST', '/diensten/toeslag/start', {
      _csrf: await b.csrf('/diensten/toeslag/start'),
    });
    expect(started.status).toBe(303);
    expect(started.location).toMatch(/^\/zaken\/[^/]+$/);
    expect(await active('toeslag')).toBe(before + 1);
    // Pressed again (the back button): the same application goes on, not a second one.
    const again = await b.request('POST', '/diensten/toeslag/start', {
      _csrf: await b.csrf('/diensten/toeslag/start'),
    });
    expect(again.location).toBe(started.location);
  });

  it('Start at too low a level: the way to sign in again comes back to the start, which then goes on', async () => {
    const b = pageBrowser(s.base);
    await b.request('POST', '/inloggen', { _csrf: await b.csrf('/inloggen'), bsn: BSN, niveau: 'midden', terug: '/' });
    const refused = await b.request('POST', '/diensten/streng/start', { _csrf: await b.csrf('/diensten/streng') });
    expect(refused.status).toBe(403);
    const again = /href="(\/inloggen\?[^"]+)"/.exec(refused.text)![1].replace(/&amp;/g, '&');
    expect(new URL(again, s.base).searchParams.get('terug')).toBe('/diensten/streng/start');
    expect(new URL(again, s.base).searchParams.get('niveau')).toBe('hoog');
    // Still at Midden, the continue page is refused the same way (it starts nothing).
    expect((await b.request('GET', '/diensten/streng/start')).status).toBe(403);
    expect(await active('streng')).toBe(0);

    const signedIn = await b.request('POST', '/inloggen', {
      _csrf: await b.csrf(again),
      bsn: BSN,
      niveau: 'hoog',
      terug: '/diensten/streng/start',
    });
    expect(signedIn.location).toBe('/diensten/streng/start');
    const started = await b.request('POST', '/diensten/streng/start', {
      _csrf: await b.csrf('/diensten/streng/start'),
    });
    expect(started.location).toMatch(/^\/zaken\/[^/]+$/);
    expect(await active('streng')).toBe(1);
  });

  it('a service that does not exist is not found, signed in or not', async () => {
    const b = pageBrowser(s.base);
    expect((await b.request('GET', '/diensten/bestaat-niet/start')).status).toBe(404);
    await b.signIn(BSN);
    expect((await b.request('GET', '/diensten/bestaat-niet/start')).status).toBe(404);
  });
});

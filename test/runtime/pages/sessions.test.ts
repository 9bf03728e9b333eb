import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, startHousekeeping } from '../../../runtime/pages/housekeeping.js';
import { pageBrowser } from '../../helpers/browser.js';
import { dumpDb } from '../../helpers/db-dump.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const HOUR = 60 * 60 * 1000;

describe('finding 8: sessions only when they are needed', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('finding 8: an anonymous visit creates no session row', async () => {
    const b = pageBrowser(s.base);
    const before = await dumpDb(s.store);
    for (const path of [
      '/',
      '/diensten/ophalen',
      '/diensten/ophalen?lang=en',
      '/inloggen',
      '/mijn-zaken',
      '/bestaat-niet',
      '/medewerker',
      '/?lang=nl',
    ]) {
      expect((await b.request('GET', path)).status).toBeLessThan(500);
    }
    // A wrong BSN on the sign-in form: answered with what is wrong, still nothing stored.
    const wrong = await b.request('POST', '/inloggen', { _csrf: await b.csrf('/inloggen'), bsn: '123456789' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('klopt niet');
    const short = await b.request('POST', '/inloggen', { _csrf: await b.csrf('/inloggen'), bsn: '12345' });
    expect(short.status).toBe(422);
    expect(short.text).toContain('9 cijfers');
    expect(await dumpDb(s.store)).toEqual(before);
    // A thousand visits: not a single row.
    await Promise.all(Array.from({ length: 200 }, () => fetch(`${s.base}/`).then((r) => r.text())));
    expect(await s.store.sessions.count()).toBe(before.sessions.length);
  });

  it('a page without a form sets no cookie; a page with a form gets a token in the visit cookie', async () => {
    const home = await fetch(`${s.base}/`);
    expect(home.headers.getSetCookie()).toEqual([]);
    const start = await fetch(`${s.base}/diensten/ophalen`);
    const [cookie] = start.headers.getSetCookie();
    expect(cookie).toMatch(/^omslag_bezoek=nl\.[A-Za-z0-9_-]{43}; /);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("keeps CSRF for anonymous forms: a post without the token, or with another visitor's, is 403 and changes nothing", async () => {
    const a = pageBrowser(s.base);
    const other = pageBrowser(s.base);
    const theirs = await other.csrf('/inloggen');
    await a.csrf('/inloggen');
    const before = await dumpDb(s.store);
    expect((await a.request('POST', '/inloggen', { bsn: '999993653' })).status).toBe(403);
    expect((await a.request('POST', '/inloggen', { _csrf: theirs, bsn: '999993653' })).status).toBe(403);
    // Without any visit cookie at all.
    expect(
      (
        await fetch(`${s.base}/inloggen`, {
          method: 'POST',
          body: new URLSearchParams({ _csrf: theirs, bsn: '999993653' }),
          redirect: 'manual',
        })
      ).status,
    ).toBe(403);
    expect(await dumpDb(s.store)).toEqual(before);
  });

  it('creates the row at sign-in (keeping the language), and deletes it at sign-out', async () => {
    const b = pageBrowser(s.base);
    await b.request('GET', '/?lang=en');
    const before = await s.store.sessions.count();
    expect((await b.signIn('999993653')).location).toBe('/mijn-zaken');
    expect(await s.store.sessions.count()).toBe(before + 1);
    const cases = await b.request('GET', '/mijn-zaken');
    expect(cases.text).toContain('<html lang="en"');
    await b.request('POST', '/uitloggen', { _csrf: await b.csrf('/mijn-zaken') });
    expect(await s.store.sessions.count()).toBe(before);
    expect(b.jar.has('omslag_sessie')).toBe(false);
    // Signed out, still in English.
    expect((await b.request('GET', '/')).text).toContain('<html lang="en"');
  });
});

describe('finding 8: mijn-zaken is paged', () => {
  let s: TestServer;
  const bsn = '999993653';
  let references: string[] = [];
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['ophalen'] });
    // 45 cases, a minute apart: newest first on the pages.
    for (let i = 0; i < 45; i++) {
      references.push((await s.engine.startCase('ophalen', bsn, 'citizen')).reference);
      s.clock.advance(60_000);
    }
    references = references.reverse();
  });
  afterAll(async () => {
    await s.close();
  });

  const cards = (text: string) => [...text.matchAll(/<li class="omslag-card">[\s\S]*?Zaak (\S+) ·/g)].map((m) => m[1]);

  it('finding 8: mijn-zaken is paged', async () => {
    const b = pageBrowser(s.base);
    await b.signIn(bsn);
    const first = await b.request('GET', '/mijn-zaken');
    expect(cards(first.text)).toEqual(references.slice(0, 20));
    expect(first.text).toContain('Pagina 1 van 3');
    expect(first.text).toContain('<nav class="omslag-pagination" aria-label="Pagina’s">');
    expect(first.text).toMatch(
      /href="\/mijn-zaken" aria-current="page"><span class="omslag-visually-hidden">Pagina <\/span>1<\/a>/,
    );
    expect(first.text).toContain('href="/mijn-zaken?pagina=2" rel="next">Volgende');
    expect(first.text).not.toContain('rel="prev"');

    const second = await b.request('GET', '/mijn-zaken?pagina=2');
    expect(cards(second.text)).toEqual(references.slice(20, 40));
    expect(second.text).toContain('href="/mijn-zaken" rel="prev">Vorige');
    expect(second.text).toContain('href="/mijn-zaken?pagina=3" rel="next">Volgende');

    const last = await b.request('GET', '/mijn-zaken?pagina=3');
    expect(cards(last.text)).toEqual(references.slice(40));
    expect(last.text).not.toContain('rel="next"');
  });

  it('shows the nearest page for a page number that is not one, never an error', async () => {
    const b = pageBrowser(s.base);
    await b.signIn(bsn);
    expect(cards((await b.request('GET', '/mijn-zaken?pagina=99')).text)).toEqual(references.slice(40));
    expect(cards((await b.request('GET', '/mijn-zaken?pagina=0')).text)).toEqual(references.slice(0, 20));
    expect(cards((await b.request('GET', '/mijn-zaken?pagina=abc')).text)).toEqual(references.slice(0, 20));
    expect((await b.request('GET', '/mijn-zaken?pagina=1&pagina=2')).status).toBe(200);
  });

  it('a citizen with a few cases sees no page links', async () => {
    await s.engine.startCase('ophalen', '111222333', 'citizen');
    const b = pageBrowser(s.base);
    await b.signIn('111222333');
    const page = await b.request('GET', '/mijn-zaken');
    expect(cards(page.text)).toHaveLength(1);
    expect(page.text).not.toContain('omslag-pagination');
  });
});

describe('finding 8: expired sessions and stale drafts are cleaned', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('finding 8: expired sessions are cleaned on a schedule', async () => {
    const b = pageBrowser(s.base);
    await b.signIn('999993653');
    // A workspace session too (same table).
    await s.store.accounts.setPassword(
      (await s.store.accounts.addUser('ann', 'official', ['belastingen'], s.clock.now().toISOString())).id,
      'ann-wachtwoord-123',
    );
    expect(
      (await s.api('POST', '/api/session', { body: { name: 'ann', password: 'ann-wachtwoord-123' } })).status,
    ).toBe(200);
    expect(await s.store.sessions.count()).toBe(2);

    const housekeeping = startHousekeeping(s, { everyMs: 20 });
    try {
      await new Promise((r) => setTimeout(r, 60));
      expect(await s.store.sessions.count()).toBe(2);
      s.clock.advance(11 * HOUR);
      const until = Date.now() + 2000;
      while ((await s.store.sessions.count()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(await s.store.sessions.count()).toBe(0);
    } finally {
      await housekeeping.stop();
    }
    // The expired cookie is no session any more.
    expect((await b.request('GET', '/mijn-zaken')).location).toMatch(/^\/inloggen/);
  });

  it('stale drafts go, with the files only they named; sent files stay', async () => {
    const b = pageBrowser(s.base);
    await b.signIn('999993653');
    await s.api('PUT', '/api/processes/bewijs/draft', {
      as: 'designer',
      body: {
        key: 'bewijs',
        title: 'Bewijs',
        start: 'upload',
        contact: { team: 'klantcontact' },
        steps: {
          upload: {
            kind: 'form',
            title: 'Bewijsstuk',
            fields: [{ id: 'bewijsstuk', label: 'Bewijs', type: 'file', required: true }],
            next: 'klaar',
          },
          klaar: { kind: 'end', title: 'Ontvangen', outcome: 'completed', message: 'Ontvangen.' },
        },
      },
    });
    expect((await s.api('POST', '/api/processes/bewijs/publish', { as: 'designer' })).status).toBe(201);
    const token = await b.csrf('/diensten/bewijs');
    const upload = async (caseId: string, text: string) => {
      const f = new FormData();
      f.set('_csrf', token);
      f.set('bewijsstuk', new Blob([`%PDF-1.4 ${text}`], { type: 'application/pdf' }), `${text}.pdf`);
      return b.request('POST', `/zaken/${caseId}/stap/upload`, f);
    };
    const start = async () =>
      (await b.request('POST', '/diensten/bewijs/start', { _csrf: token })).location!.split('/')[2];
    const fileOf = async (caseId: string) =>
      ((await s.store.drafts.get(caseId))!.steps[0].values.bewijsstuk as { id: string }).id;

    // One application sent, with a file uploaded twice (the first one replaced).
    const sent = await start();
    await upload(sent, 'eerste');
    const replaced = await fileOf(sent);
    await upload(sent, 'tweede');
    const kept = await fileOf(sent);
    expect((await b.request('POST', `/zaken/${sent}/versturen`, { _csrf: token })).location).toBe(
      `/zaken/${sent}/bevestiging`,
    );
    // Another left unsent.
    const abandoned = await start();
    await upload(abandoned, 'vergeten');
    const orphan = await fileOf(abandoned);

    // Within the grace period nothing goes.
    expect(await cleanUp(s.store, s.clock.now())).toMatchObject({ drafts: 0, files: 0 });
    s.clock.advance(2 * 24 * HOUR);
    // A day later the replaced upload goes; the unsent draft (2 days old) and its file stay.
    expect(await cleanUp(s.store, s.clock.now())).toMatchObject({ drafts: 0, files: 1 });
    expect(await s.store.files.get(replaced)).toBeUndefined();
    expect(await s.store.files.get(orphan)).toMatchObject({ id: orphan, caseId: abandoned, name: 'vergeten.pdf' });
    s.clock.advance(30 * 24 * HOUR);
    // Stale now, but the citizen is told first: the draft goes a week after its expiry notice.
    expect(await cleanUp(s.store, s.clock.now())).toMatchObject({ drafts: 0, files: 0, expiries: 1 });
    s.clock.advance(7 * 24 * HOUR);
    expect(await cleanUp(s.store, s.clock.now())).toMatchObject({ drafts: 1, files: 1 });
    expect(await s.store.drafts.get(abandoned)).toBeUndefined();
    expect(await s.store.files.get(orphan)).toBeUndefined();
    // The sent application's file is kept.
    expect((await s.store.files.get(kept))!.data.toString()).toBe('%PDF-1.4 tweede');
    // The abandoned case is still open and can be filled in again (after signing in again: a month went by).
    await b.signIn('999993653');
    expect((await b.request('GET', `/zaken/${abandoned}`)).location).toBe(`/zaken/${abandoned}/stap/upload`);
  });
});

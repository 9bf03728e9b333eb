import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../runtime/pages/html.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

/** A tiny browser: keeps cookies, follows nothing, reads the CSRF token from a page. */
function browser(base: string) {
  let cookie = '';
  const request = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  return {
    request,
    cookie: () => cookie,
    async csrf(path: string) {
      const page = await request('GET', path);
      return /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    },
    async signIn(bsn: string) {
      const token = await this.csrf('/inloggen');
      return request('POST', '/inloggen', { _csrf: token, bsn, terug: '/mijn-zaken' });
    },
  };
}

describe('citizen pages (server side)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('escapes every value it shows', () => {
    expect(html`<p>${'<script>alert(1)</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('shows a citizen answer as text on check-your-answers, never as markup', async () => {
    const b = browser(s.base);
    await b.signIn('999993653');
    const start = await b.request('POST', '/diensten/toeslag/start', { _csrf: await b.csrf('/diensten/toeslag') });
    const caseUrl = start.location!;
    const step = (await b.request('GET', caseUrl)).location!;
    const token = await b.csrf(step);
    await b.request('POST', step, { _csrf: token, huishouden: 'samen', aanslagnummer: '<img src=x>' });
    const money = `${caseUrl}/stap/geldzaken`;
    await b.request('POST', money, {
      _csrf: token,
      inkomen: '1850',
      vermogen: '0',
      heeftAuto: 'nee',
      iban: 'NL91ABNA0417164300',
    });
    const check = await b.request('GET', `${caseUrl}/controle`);
    expect(check.status).toBe(200);
    expect(check.text).toContain('&lt;img src=x&gt;');
    expect(check.text).not.toContain('<img src=x');
  });

  it('refuses a form post without the session token and changes nothing', async () => {
    const b = browser(s.base);
    await b.signIn('999993653');
    const token = await b.csrf('/diensten/ophalen');
    const start = await b.request('POST', '/diensten/ophalen/start', { _csrf: token });
    const id = start.location!.split('/')[2];
    const before = (await s.store.cases.get(id))!;
    const forged = await b.request('POST', `/zaken/${id}/stap/ophaalverzoek`, { _csrf: 'forged', postcode: '1234 AB' });
    expect(forged.status).toBe(403);
    expect(await s.store.drafts.get(id)).toBeUndefined();
    const noToken = await b.request('POST', `/zaken/${id}/actie/withdraw`, {});
    expect(noToken.status).toBe(403);
    expect(await s.store.cases.get(id)).toEqual(before);
  });

  it('gives a new session id on sign-in (no fixation) and signs out', async () => {
    const b = browser(s.base);
    await b.request('GET', '/inloggen');
    const anonymous = b.cookie();
    const signedIn = await b.signIn('999993653');
    expect(signedIn.status).toBe(303);
    expect(b.cookie()).not.toBe(anonymous);
    expect((await b.request('GET', '/mijn-zaken')).status).toBe(200);
    await b.request('POST', '/uitloggen', { _csrf: await b.csrf('/mijn-zaken') });
    expect((await b.request('GET', '/mijn-zaken')).location).toMatch(/^\/inloggen/);
  });

  it('refuses a BSN that fails the elfproef, and never redirects to another site after sign-in', async () => {
    const b = browser(s.base);
    const token = await b.csrf('/inloggen');
    const bad = await b.request('POST', '/inloggen', { _csrf: token, bsn: '123456789' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Dit burgerservicenummer klopt niet');
    const evil = await b.request('POST', '/inloggen', {
      _csrf: token,
      bsn: '999993653',
      terug: '//evil.example/phish',
    });
    expect(evil.location).toBe('/mijn-zaken');
  });

  it("answers 404 (not 403) for another citizen's case", async () => {
    const a = browser(s.base);
    await a.signIn('999993653');
    const start = await a.request('POST', '/diensten/ophalen/start', { _csrf: await a.csrf('/diensten/ophalen') });
    const b = browser(s.base);
    await b.signIn('111222333');
    expect((await b.request('GET', `${start.location}/status`)).status).toBe(404);
    expect((await b.request('GET', start.location!)).status).toBe(404);
  });

  it('switches language with a visible link and keeps the page', async () => {
    const b = browser(s.base);
    const nl = await b.request('GET', '/diensten/ophalen');
    expect(nl.text).toContain('<html lang="nl"');
    expect(nl.text).toContain('href="/diensten/ophalen?lang=en"');
    const en = await b.request('GET', '/diensten/ophalen?lang=en');
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain('Collection of goods');
    // The choice sticks to the session.
    expect((await b.request('GET', '/')).text).toContain('<html lang="en"');
  });

  it('continues the unsent application when Start is pressed again', async () => {
    const b = browser(s.base);
    await b.signIn('999993653');
    const token = await b.csrf('/diensten/toeslag');
    const first = await b.request('POST', '/diensten/toeslag/start', { _csrf: token });
    const again = await b.request('POST', '/diensten/toeslag/start', { _csrf: token });
    expect(again.location).toBe(first.location);
  });

  it('gives one case when Start is pressed twice at once', async () => {
    const b = browser(s.base);
    await b.signIn('111222333');
    const token = await b.csrf('/diensten/ophalen');
    const [first, second] = await Promise.all([
      b.request('POST', '/diensten/ophalen/start', { _csrf: token }),
      b.request('POST', '/diensten/ophalen/start', { _csrf: token }),
    ]);
    expect(first.status).toBe(303);
    expect(second.location).toBe(first.location);
    expect((await s.store.cases.activeBySubject('111222333')).filter((c) => c.processKey === 'ophalen')).toHaveLength(
      1,
    );
  });
});

describe('citizen feedback on the pages', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('asks how easy it was on the confirmation page, stores it once with the version, and thanks the citizen', async () => {
    const b = browser(s.base);
    await b.signIn('999993653');
    const token = await b.csrf('/diensten/ophalen');
    const id = (await b.request('POST', '/diensten/ophalen/start', { _csrf: token })).location!.split('/')[2];
    await b.request('POST', `/zaken/${id}/stap/ophaalverzoek`, {
      _csrf: token,
      postcode: '1234 AB',
      huisnummer: '1',
      spullen: 'matras',
      'ophaaldatum-day': '7',
      'ophaaldatum-month': '1',
      'ophaaldatum-year': '2030',
    });
    await b.request('POST', `/zaken/${id}/versturen`, { _csrf: token });
    const confirmation = await b.request('GET', `/zaken/${id}/bevestiging`);
    expect(confirmation.text).toContain('Hoe makkelijk was dit? (niet verplicht)');
    expect(confirmation.text).toContain('5 – heel makkelijk');
    const english = await b.request('GET', `/zaken/${id}/bevestiging?lang=en`);
    expect(english.text).toContain('How easy was this? (optional)');
    expect(english.text).toContain('1 – very hard');
    await b.request('GET', `/zaken/${id}/bevestiging?lang=nl`);
    // Without a score nothing is stored.
    await b.request('POST', `/zaken/${id}/feedback`, { _csrf: token, comment: 'zonder cijfer' });
    expect(await s.store.insights.hasFeedback(id)).toBe(false);
    const sent = await b.request('POST', `/zaken/${id}/feedback`, {
      _csrf: token,
      score: '4',
      comment: 'Snel geregeld',
    });
    expect(sent.location).toBe(`/zaken/${id}/status`);
    const status = await b.request('GET', `/zaken/${id}/status`);
    expect(status.text).toContain('Dank u voor uw antwoord.');
    expect(status.text).not.toContain('Hoe makkelijk was dit?');
    expect(await s.store.insights.feedback({ key: 'ophalen', version: 1 })).toMatchObject({
      count: 1,
      average: 4,
      recent: [{ score: 4, comment: 'Snel geregeld' }],
    });
  });
});

describe('a malformed session cookie', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('is treated as no session (an anonymous visit, no row), never an error', async () => {
    const before = await s.store.sessions.count();
    const res = await fetch(`${s.base}/`, { headers: { cookie: 'omslag_sessie=%E0%A4%A' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="/inloggen"');
    expect(await s.store.sessions.count()).toBe(before);
  });
});

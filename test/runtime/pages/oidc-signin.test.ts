/**
 * Citizens and companies sign in on the citizen pages at a real OpenID
 * Connect provider (oidc-provider on its own port, test/helpers/oidc-provider.ts),
 * over real HTTP against a real server: the redirect, the provider's login,
 * the callback, the session; a wrong state or nonce refused; a level below
 * the process's minimum; sign-out at both ends; the idle timeout with a
 * form's answers kept; companies; the stand-in only when asked for.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAuthSettings } from '../../../runtime/auth/index.js';
import { SESSION_COOKIE } from '../../../runtime/auth/cookies.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { expectNoInternals } from '../../helpers/internals.js';
import { ACR, freePort, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { webAgent, type Hop, type WebAgent } from '../../helpers/web-agent.js';
import { pageBrowser } from '../../helpers/browser.js';
import { cleanUp } from '../../../runtime/pages/housekeeping.js';

const JAN = '999993653';
const PIET = '111222333';
const KVK = '12345678';
let provider: TestProvider;
let s: TestServer;
let base: string;

async function publish(definition: any) {
  const { problems } = await s.processes.saveDraft(definition.key, definition, 'test');
  expect(problems).toEqual([]);
  await s.processes.publish(definition.key, 'test');
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    clients: [
      {
        clientId: 'omslag',
        clientSecret: 'geheim-voor-de-test',
        redirectUris: [`${base}/inloggen/terug`],
        postLogoutRedirectUris: [`${base}/uitgelogd`],
      },
    ],
    users: [
      { sub: 'jan', claims: { bsn: JAN, name: 'Jan Jansen' } },
      { sub: 'piet', claims: { bsn: PIET, name: 'Piet' } },
      { sub: 'fout', claims: { bsn: '123456789' } },
      { sub: 'bakker', claims: { kvk: KVK, company_name: 'Bakkerij De Korst' } },
      { sub: 'zoon', claims: { bsn: PIET, name: 'Piet Jansen', represents: { bsn: JAN, service: 'ophalen' } } },
    ],
  });
  const auth = readAuthSettings({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'omslag',
    OIDC_CLIENT_SECRET: 'geheim-voor-de-test',
    PUBLIC_URL: base,
    SESSION_IDLE_MINUTES: '15',
    SESSION_MAX_MINUTES: '480',
  });
  s = await startTestServer({ auth, port, fixtures: ['ophalen'] });
  // A benefit at DigiD Midden, and a process a business starts.
  const toeslag = fixtureProcess('toeslag');
  await publish({ ...toeslag, signIn: { level: 'midden' } });
  await publish({ ...fixtureProcess('ophalen'), key: 'bedrijfsafval', signIn: { applicant: 'company' } });
});
afterAll(async () => {
  await s?.close();
  await provider?.close();
});

/** From an Omslag address that starts a sign-in, through the provider's login page, back to the page it ends at. */
async function signIn(agent: WebAgent, start: string, login: string, acr: string = ACR.midden) {
  const atProvider = await agent.open(`${base}${start}`);
  expect(atProvider.page.text).toContain('Inloggen bij de testprovider');
  return agent.loginAtProvider(atProvider.page, login, acr);
}

/** The provider's login, up to (not following) the redirect back to Omslag's callback. */
async function toCallback(agent: WebAgent, start: string, login: string) {
  const atProvider = await agent.open(`${base}${start}`);
  const f = agent.form(atProvider.page);
  let hop: Hop = await agent.post(f.action, { ...f.fields, login, acr: ACR.midden });
  while (hop.location && !hop.location.startsWith(`${base}/inloggen/terug`)) hop = await agent.get(hop.location);
  return new URL(hop.location!);
}

/** Posts the form on `page` whose action ends with `action` (the header's sign-out form comes first). */
function submitTo(agent: WebAgent, page: Hop, action: string, values: Record<string, string> = {}) {
  const forms = [...page.text.matchAll(/<form\b[^>]*action="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
  const index = forms.findIndex((a) => a.split('?')[0].endsWith(action));
  if (index < 0) throw new Error(`no form to ${action} on ${page.url}: ${forms.join(', ')}`);
  return agent.submit(page, values, index);
}
/** The fields and action of the form on `page` that posts to `action`. */
function formTo(agent: WebAgent, page: Hop, action: string) {
  const forms = [...page.text.matchAll(/<form\b[^>]*action="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
  return agent.form(
    page,
    forms.findIndex((a) => a.includes(action)),
  );
}
const start = (agent: WebAgent, page: Hop) => submitTo(agent, page, '/start');

const sessionCookie = (agent: WebAgent) => agent.jars.get(new URL(base).origin)?.get(SESSION_COOKIE);

describe('signing in with DigiD at a real provider', () => {
  test('the sign-in page offers DigiD and eHerkenning, and no stand-in', async () => {
    const page = await webAgent().open(`${base}/inloggen`);
    expect(page.page.status).toBe(200);
    expect(page.page.text).toContain('Inloggen met DigiD');
    expect(page.page.text).toContain('Inloggen met eHerkenning');
    expect(page.page.text).not.toContain('name="bsn"');
    expect(page.page.text).not.toContain('Testomgeving');
  });

  test('redirect, login at the provider, callback, session; then a case started shows on Mijn zaken', async () => {
    const agent = webAgent();
    const first = await agent.get(`${base}/inloggen/digid?terug=${encodeURIComponent('/diensten/ophalen')}`);
    expect(first.status).toBe(303);
    expect(first.location).toContain(`${provider.issuer}/auth?`);
    expect(new URL(first.location!).searchParams.get('code_challenge_method')).toBe('S256');
    // The flow's cookie: HttpOnly, SameSite=Lax, only for /inloggen.
    expect(first.headers.get('set-cookie')).toMatch(/omslag_inloggen=[^;]+;.*Path=\/inloggen.*HttpOnly.*SameSite=Lax/i);
    const login = await agent.follow(first);
    const back = await agent.loginAtProvider(login.page, 'jan', ACR.midden);
    expect(back.page.url).toBe(`${base}/diensten/ophalen`);
    expect(back.page.text).toContain('Uitloggen');
    const session = await s.store.sessions.get(sessionCookie(agent)!, s.clock.now());
    expect(session).toMatchObject({ bsn: JAN, provider: 'digid', level: 'midden' });
    expect(session!.idToken!.split('.')).toHaveLength(3);
    expect(Date.parse(session!.expiresAt) - s.clock.now().getTime()).toBe(480 * 60_000);
    // The flow was taken: replaying the callback signs nobody in.
    const started = await start(agent, back.page);
    expect(started.page.url).toMatch(/\/zaken\/[^/]+\/stap\//);
    const mine = await agent.open(`${base}/mijn-zaken`);
    const [row] = await s.store.cases.activeBySubject(JAN);
    expect(mine.page.text).toContain(row.reference);
  });

  test('a callback replayed, or with its state altered, is refused with a clear page and no session', async () => {
    const agent = webAgent();
    const callback = await toCallback(agent, '/inloggen/digid', 'jan');
    const altered = new URL(callback);
    altered.searchParams.set('state', 'een-andere-state');
    const refused = await agent.get(altered.toString());
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('Inloggen is niet gelukt');
    expectNoInternals(refused.text);
    expect(sessionCookie(agent)).toBeUndefined();
    // The flow is gone after its one use: the real callback cannot be used after it either.
    const again = await agent.get(callback.toString());
    expect(again.status).toBe(400);
    expect(sessionCookie(agent)).toBeUndefined();
  });

  test('a wrong nonce (the stored flow changed before the callback) is refused', async () => {
    const agent = webAgent();
    const callback = await toCallback(agent, '/inloggen/digid', 'jan');
    await s.store.sql.q().updateTable('signin_flows').set({ nonce: 'een-andere-nonce' }).execute();
    const refused = await agent.get(callback.toString());
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('Inloggen is niet gelukt');
    expect(sessionCookie(agent)).toBeUndefined();
  });

  test('cancelling at the provider, and a BSN that fails the elfproef, each get a clear page', async () => {
    const agent = webAgent();
    const begun = await agent.get(`${base}/inloggen/digid`);
    const state = new URL(begun.location!).searchParams.get('state')!;
    const cancelled = await agent.get(`${base}/inloggen/terug?error=access_denied&state=${state}`);
    expect(cancelled.status).toBe(401);
    expect(cancelled.text).toContain('U heeft het inloggen afgebroken');
    const wrong = await signIn(webAgent(), '/inloggen/digid', 'fout');
    expect(wrong.page.status).toBe(401);
    expect(wrong.page.text).toContain('geen geldig burgerservicenummer');
  });

  test('a level below the process minimum gets the clear page; signing in again at the level asked works', async () => {
    const agent = webAgent();
    const service = await signIn(agent, `/inloggen/digid?terug=/diensten/toeslag`, 'jan', ACR.basis);
    expect(service.page.text).toContain('niveau Midden of hoger');
    const refused = await start(agent, service.page);
    expect(refused.page.status).toBe(403);
    expect(refused.page.text).toContain('Voor deze dienst moet u inloggen met DigiD Midden of hoger');
    expect(refused.page.text).toContain('U bent nu ingelogd met DigiD Basis');
    expect(await s.store.cases.activeBySubject(JAN)).not.toContainEqual(
      expect.objectContaining({ processKey: 'toeslag' }),
    );
    const again = /href="(\/inloggen\/digid\?[^"]+)"/.exec(refused.page.text)![1].replace(/&amp;/g, '&');
    const asked = await agent.get(`${base}${again}`);
    expect(new URL(asked.location!).searchParams.get('acr_values')).toContain(ACR.midden);
    expect(new URL(asked.location!).searchParams.get('acr_values')).not.toContain(ACR.basis);
    // The provider's session is still there: it asks to log in again at the higher level.
    const higher = await agent.loginAtProvider((await agent.follow(asked)).page, 'jan', ACR.midden);
    // Back where the citizen was: going on with the start, one press away.
    expect(higher.page.url).toBe(`${base}/diensten/toeslag/start`);
    expect(higher.page.text).toContain('Doorgaan met starten');
    const started = await start(agent, higher.page);
    expect(started.page.url).toMatch(/\/zaken\/[^/]+\/stap\//);
  });

  test('sign-out ends both sessions: ours is gone, the provider logged out, the next sign-in asks to log in', async () => {
    const agent = webAgent();
    const home = await signIn(agent, '/inloggen/digid?terug=/', 'jan');
    const id = sessionCookie(agent)!;
    expect(await s.store.sessions.get(id, s.clock.now())).toBeDefined();
    const before = provider.logouts();
    const form = agent.form(home.page, 0);
    expect(form.action).toBe(`${base}/uitloggen`);
    const out = await agent.post(form.action, form.fields);
    expect(out.status).toBe(303);
    expect(out.location).toContain(`${provider.issuer}/session/end`);
    expect(await s.store.sessions.get(id, s.clock.now())).toBeUndefined();
    const confirm = await agent.follow(out);
    const done = await agent.submit(confirm.page, { logout: 'yes' });
    expect(done.page.url).toBe(`${base}/uitgelogd`);
    expect(done.page.text).toContain('U bent uitgelogd, hier en bij');
    expect(provider.logouts()).toBe(before + 1);
    const next = await agent.open(`${base}/inloggen/digid`);
    expect(next.page.text).toContain('Inloggen bij de testprovider');
  });

  test('after the idle timeout a step page posts again after re-authentication, its answers kept', async () => {
    const agent = webAgent();
    const service = await signIn(agent, '/inloggen/digid?terug=/diensten/ophalen', 'jan');
    const step = (await start(agent, service.page)).page;
    expect(step.url).toMatch(/\/stap\//);
    // Used within the timeout: still signed in (touched, not ended).
    s.clock.advance(10 * 60_000);
    expect((await agent.open(step.url)).page.status).toBe(200);
    s.clock.advance(10 * 60_000);
    expect((await agent.open(step.url)).page.status).toBe(200);
    // Then 16 minutes without a request: idle. The form is posted with its token.
    s.clock.advance(16 * 60_000);
    const f = formTo(agent, step, '/stap/');
    const posted = await agent.post(f.action, { ...f.fields, postcode: '1234 AB', huisnummer: '12a' });
    expect(posted.status).toBe(303);
    expect(posted.location).toContain('/inloggen?terug=');
    expect(posted.location).toContain('verlopen=1');
    expect(sessionCookie(agent)).toBeUndefined();
    const ask = await agent.follow(posted);
    expect(ask.page.text).toContain('U was een tijd niet actief');
    expect(ask.page.text).toContain('Uw antwoorden zijn bewaard');
    // Sign in again: back at the step page, with what was typed.
    const back = await agent.loginAtProvider(
      (await agent.open(`${base}${/href="(\/inloggen\/digid[^"]+)"/.exec(ask.page.text)![1].replace(/&amp;/g, '&')}`))
        .page,
      'jan',
    );
    expect(back.page.url).toContain(new URL(step.url).pathname);
    expect(back.page.text).toContain('Uw antwoorden zijn bewaard');
    expect(back.page.text).toContain('value="1234 AB"');
    expect(back.page.text).toContain('value="12a"');
  });

  test('an idle session is signed out for a plain page too, and someone else gets the kept case as 404', async () => {
    const agent = webAgent();
    const service = await signIn(agent, '/inloggen/digid?terug=/diensten/ophalen', 'jan');
    const step = (await start(agent, service.page)).page;
    s.clock.advance(16 * 60_000);
    const f = formTo(agent, step, '/stap/');
    await agent.post(f.action, { ...f.fields, postcode: '9999 ZZ' });
    const other = webAgent();
    await signIn(other, '/inloggen/digid', 'piet');
    expect((await other.get(step.url)).status).toBe(404);
    // Mijn zaken on an idle session asks to sign in again.
    const idle = webAgent();
    await signIn(idle, '/inloggen/digid', 'jan');
    const id = sessionCookie(idle)!;
    s.clock.advance(16 * 60_000);
    const mine = await idle.get(`${base}/mijn-zaken`);
    expect(mine.status).toBe(303);
    expect(mine.location).toContain('/inloggen?terug=%2Fmijn-zaken');
    expect(mine.location).toContain('verlopen=1');
    // The row is gone, not just unused.
    expect(await s.store.sessions.get(id, s.clock.now())).toBeUndefined();
    // And a public page shows the visitor signed out.
    expect((await idle.get(`${base}/`)).text).not.toContain('Uitloggen');
  });

  test('a representation claim (DigiD Machtigen) makes a mandate from the provider and sets who is acted for', async () => {
    const agent = webAgent();
    await signIn(agent, '/inloggen/digid', 'zoon');
    const session = await s.store.sessions.get(sessionCookie(agent)!, s.clock.now());
    expect(session!.acting).toMatchObject({ citizen: JAN });
    const mandate = await s.store.mandates.get(session!.acting!.mandateId);
    expect(mandate).toMatchObject({
      source: 'provider',
      holder: { kind: 'person', id: PIET },
      citizen: JAN,
      processKey: 'ophalen',
      holderName: 'Piet Jansen',
      rights: ['view', 'fill', 'submit', 'messages'],
      validUntil: session!.expiresAt,
    });
  });

  test("the provider's name and address claims reach the officials of the citizen's cases; the next sign-in replaces them", async () => {
    const KEES = '123456782';
    provider.users.set('kees', {
      sub: 'kees',
      claims: {
        bsn: KEES,
        given_name: 'Kees',
        middle_name: 'van',
        family_name: 'Dijk',
        address: { street_address: 'Dorpsstraat 1', postal_code: '1234 AB', locality: 'Utrecht' },
      },
    });
    const agent = webAgent();
    const back = await signIn(agent, `/inloggen/digid?terug=${encodeURIComponent('/diensten/ophalen')}`, 'kees');
    await start(agent, back.page);
    const [row] = await s.store.cases.activeBySubject(KEES);
    const admin = await s.api('GET', `/api/cases/${row.id}/citizen`, { as: 'admin' });
    expect(admin.status).toBe(200);
    expect(admin.body.known).toEqual(
      expect.arrayContaining([
        { kind: 'name', value: 'Kees van Dijk', source: 'signin' },
        { kind: 'address', value: 'Dorpsstraat 1, 1234 AB Utrecht', source: 'signin' },
      ]),
    );
    // Only the name and address are kept, not the other claims.
    expect(await s.store.claims.forSubject(KEES)).toMatchObject({ provider: 'digid', name: 'Kees van Dijk' });
    // A later sign-in that says something else replaces it; one that says nothing removes it.
    provider.users.set('kees', { sub: 'kees', claims: { bsn: KEES, name: 'K. van Dijk', address: 'x'.repeat(301) } });
    await signIn(webAgent(), '/inloggen/digid', 'kees');
    expect(await s.store.claims.forSubject(KEES)).toMatchObject({ name: 'K. van Dijk', address: null });
    provider.users.set('kees', { sub: 'kees', claims: { bsn: KEES } });
    await signIn(webAgent(), '/inloggen/digid', 'kees');
    expect(await s.store.claims.forSubject(KEES)).toBeUndefined();
    const later = await s.api('GET', `/api/cases/${row.id}/citizen`, { as: 'admin' });
    expect(later.body.known.filter((k: { source: string }) => k.source === 'signin')).toEqual([]);
  });
});

describe('a provider that cannot be reached', () => {
  test('starting a sign-in gets a clear page (503, try again), no stack and no session', async () => {
    const gone = await freePort();
    const down = await startTestServer({
      auth: readAuthSettings({
        OIDC_ISSUER: `http://127.0.0.1:${gone}`,
        OIDC_CLIENT_ID: 'omslag',
        PUBLIC_URL: 'http://127.0.0.1:1',
      }),
    });
    try {
      const res = await webAgent().get(`${down.base}/inloggen/digid?terug=/mijn-zaken`);
      expect(res.status).toBe(503);
      expect(res.text).toContain('DigiD is nu niet bereikbaar');
      expect(res.text).toContain('Probeer het over een paar minuten opnieuw');
      expectNoInternals(res.text);
      expect(res.headers.get('set-cookie') ?? '').not.toContain('omslag_inloggen');
    } finally {
      await down.close();
    }
  });
});

describe('housekeeping', () => {
  test('removes sign-ins never finished once their time is up; their callback then signs nobody in', async () => {
    await cleanUp(s.store, s.clock.now());
    const agent = webAgent();
    const callback = await toCallback(agent, '/inloggen/digid', 'jan');
    const flows = async () =>
      Number(
        (
          await s.store.sql
            .q()
            .selectFrom('signin_flows')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await flows()).toBeGreaterThan(0);
    expect((await cleanUp(s.store, s.clock.now())).signinFlows).toBe(0);
    s.clock.advance(16 * 60_000);
    expect((await cleanUp(s.store, s.clock.now())).signinFlows).toBeGreaterThan(0);
    expect(await flows()).toBe(0);
    const late = await agent.get(callback.toString());
    expect(late.status).toBe(400);
    expect(late.text).toContain('duurde te lang');
    expect(sessionCookie(agent)).toBeUndefined();
  });
});

describe('companies sign in with eHerkenning', () => {
  test('a KVK claim starts a company process; its case has the subject kvk:<number> and shows on Mijn zaken', async () => {
    const agent = webAgent();
    const service = await signIn(agent, '/inloggen/eherkenning?terug=/diensten/bedrijfsafval', 'bakker', ACR.eh3);
    const session = await s.store.sessions.get(sessionCookie(agent)!, s.clock.now());
    expect(session).toMatchObject({
      bsn: null,
      kvk: KVK,
      provider: 'eherkenning',
      level: 'substantieel',
      staffId: 'bakker',
    });
    const started = await start(agent, service.page);
    expect(started.page.url).toMatch(/\/zaken\/[^/]+\/stap\//);
    const [row] = await s.store.cases.activeBySubject(`kvk:${KVK}`);
    expect(row.processKey).toBe('bedrijfsafval');
    expect((await agent.open(`${base}/mijn-zaken`)).page.text).toContain(row.reference);
    // A company cannot start a person's process.
    const person = await start(agent, (await agent.open(`${base}/diensten/ophalen`)).page);
    expect(person.page.status).toBe(403);
    expect(person.page.text).toContain('Deze dienst is voor inwoners');
  });

  test('a person session cannot start a company process', async () => {
    const agent = webAgent();
    const service = await signIn(agent, '/inloggen/digid?terug=/diensten/bedrijfsafval', 'jan');
    const refused = await start(agent, service.page);
    expect(refused.page.status).toBe(403);
    expect(refused.page.text).toContain('Deze dienst is voor bedrijven');
    expect(refused.page.text).toContain('/inloggen/eherkenning?');
    expect(await s.store.cases.activeBySubject(JAN)).not.toContainEqual(
      expect.objectContaining({ processKey: 'bedrijfsafval' }),
    );
  });
});

describe('the development stand-in only when asked for', () => {
  test('with a provider configured, posting a BSN to /inloggen is 404', async () => {
    const b = pageBrowser(base);
    const csrf = await b.csrf('/diensten/ophalen');
    const res = await b.request('POST', '/inloggen', { _csrf: csrf, bsn: JAN, terug: '/mijn-zaken' });
    expect(res.status).toBe(404);
    expect(res.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
  });

  test('with the stand-in on, every page says so; it takes a level, and a KVK number for a company', async () => {
    const dev = await startTestServer({ fixtures: ['ophalen'] });
    try {
      const b = pageBrowser(dev.base);
      for (const path of ['/', '/inloggen', '/diensten/ophalen', '/bestaat-niet'])
        expect((await b.request('GET', path)).text, path).toContain(
          'Testomgeving: u logt hier niet echt in met DigiD. Iedereen kan inloggen als elke burger.',
        );
      expect((await b.request('GET', '/?lang=en')).text).toContain('Anyone can sign in as any citizen');
      const signIn = await b.request('GET', '/inloggen');
      expect(signIn.text).toContain('<option value="midden" selected>');
      expect(signIn.text).not.toContain('Inloggen met DigiD');
      const csrf = await b.csrf('/inloggen?soort=bedrijf');
      const res = await b.request('POST', '/inloggen', { _csrf: csrf, soort: 'bedrijf', kvk: KVK, niveau: 'hoog' });
      expect(res.status).toBe(303);
      const id = decodeURIComponent(b.jar.get(SESSION_COOKIE)!);
      expect(await dev.store.sessions.get(id, dev.clock.now())).toMatchObject({
        kvk: KVK,
        level: 'hoog',
        provider: 'dev',
      });
      const again = await b.csrf('/inloggen?soort=bedrijf');
      const bad = await b.request('POST', '/inloggen', { _csrf: again, soort: 'bedrijf', kvk: '123' });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('KVK number of 8 digits');
      expect(bad.text).toContain('aria-invalid="true"');
    } finally {
      await dev.close();
    }
  });
});

/**
 * Staff sign-in at the organisation's own OpenID Connect provider, over HTTP
 * against a real provider (oidc-provider on a port) and a real server: role
 * and teams from claims, the role map, a role mapped in Omslag when the
 * provider sends none, refusals (no role, wrong state, a provider error),
 * and sign-out that ends the provider's session too.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { readAuthSettings } from '../../../runtime/auth/index.js';
import { freePort, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { webAgent, type WebAgent } from '../../helpers/web-agent.js';
import { atReview, expectStatus } from './support.js';

let provider: TestProvider;
let s: TestServer;
let review: Awaited<ReturnType<typeof atReview>>;

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    clients: [
      {
        clientId: 'omslag-werk',
        clientSecret: 'geheim-van-de-organisatie',
        redirectUris: [`${publicUrl}/api/session/oidc/callback`],
        postLogoutRedirectUris: [`${publicUrl}/werkplek/`, `${publicUrl}/ontwerp/`],
      },
    ],
    users: [
      { sub: 'fenna', claims: { preferred_username: 'fenna', roles: ['behandelaar'], groups: ['belastingen'] } },
      // Several roles (the highest counts) and teams as one string.
      {
        sub: 'kees',
        claims: { preferred_username: 'kees', roles: 'behandelaar omslag-beheer', groups: 'belastingen, afval' },
      },
      { sub: 'dirk', claims: { preferred_username: 'dirk', roles: ['designer'] } },
      // No roles claim: what an admin mapped in Omslag holds.
      { sub: 'gerrit', claims: { preferred_username: 'gerrit' } },
      // No roles claim and nothing mapped; and a roles claim that maps to nothing.
      { sub: 'nora', claims: { preferred_username: 'nora' } },
      { sub: 'piet', claims: { preferred_username: 'piet', roles: ['kantine'], groups: ['belastingen'] } },
    ],
  });
  const auth = readAuthSettings({
    PUBLIC_URL: publicUrl,
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: 'omslag-werk',
    STAFF_OIDC_CLIENT_SECRET: 'geheim-van-de-organisatie',
    STAFF_OIDC_ROLE_MAP: 'behandelaar=official,omslag-beheer=admin',
  });
  s = await startTestServer({ auth, port, fixtures: ['toeslag'] });
  review = await atReview(s);
});
afterAll(async () => {
  await s?.close();
  await provider?.close();
});

const json = (text: string) => JSON.parse(text);

/** The browser's way: start at Omslag, log in at the provider, back to the callback (its answer returned, not followed). */
async function signInAt(login: string, terug = '/werkplek/', agent: WebAgent = webAgent()) {
  const start = await agent.get(`${s.base}/api/session/oidc?terug=${encodeURIComponent(terug)}`);
  expect(start.status).toBe(303);
  expect(start.location).toMatch(new RegExp(`^${provider.issuer}/`));
  const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('omslag_werk_aanmelding='))!;
  expect(flowCookie).toMatch(/HttpOnly/i);
  expect(flowCookie).toMatch(/SameSite=Lax/i);
  expect(flowCookie).toMatch(/Path=\/api\/session\/oidc/i);
  const loginPage = await agent.follow(start);
  const f = agent.form(loginPage.page);
  let hop = await agent.post(f.action, { ...f.fields, login });
  while (hop.location && !hop.location.startsWith(`${s.base}/api/session/oidc/callback`))
    hop = await agent.get(hop.location);
  const callbackUrl = hop.location!;
  expect(callbackUrl).toBeTruthy();
  return { agent, callbackUrl, callback: await agent.get(callbackUrl) };
}

const session = async (agent: WebAgent) => agent.get(`${s.base}/api/session`);
const staffCookie = (agent: WebAgent) => agent.jars.get(new URL(s.base).origin)?.get('omslag_werk');

describe('staff sign-in at the organisation provider', () => {
  test('the providers answer says a staff provider is on (public)', async () => {
    expect(expectStatus(await s.api('GET', '/api/session/providers'), 200)).toEqual({ staff: true, devSignIn: true });
  });

  test('an official: role and teams from the claims; the session works on /api/session and the team queue', async () => {
    const { agent, callback } = await signInAt('fenna', '/werkplek/taken/123');
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${s.base}/werkplek/taken/123`);
    expect(callback.headers.getSetCookie().join('\n')).toMatch(/omslag_werk=[^;]+;.*SameSite=Strict/i);
    const me = await session(agent);
    expect(me.status).toBe(200);
    expect(json(me.text)).toMatchObject({
      user: { name: 'fenna', role: 'official', teams: ['belastingen'] },
      csrf: expect.any(String),
    });
    const tasks = await agent.get(`${s.base}/api/tasks?team=belastingen`);
    expect(tasks.status).toBe(200);
    expect(JSON.stringify(json(tasks.text))).toContain(review.task.id);
    const other = await agent.get(`${s.base}/api/tasks?team=afval`);
    expect(other.status).toBe(403);
    const row = await s.store.accounts.userBySubject(`${provider.issuer}|fenna`);
    expect(row).toMatchObject({ name: 'fenna', role: 'official', teams: ['belastingen'] });
  });

  test('the role map: several values give the highest role; teams from a comma/space separated string; designer by the default map', async () => {
    const kees = await signInAt('kees');
    expect(json((await session(kees.agent)).text).user).toEqual({
      name: 'kees',
      role: 'admin',
      teams: ['belastingen', 'afval'],
    });
    const dirk = await signInAt('dirk', '/ontwerp/');
    expect(dirk.callback.location).toBe(`${s.base}/ontwerp/`);
    expect(json((await session(dirk.agent)).text)).toMatchObject({
      user: { name: 'dirk', role: 'designer', teams: [] },
      can: { design: true },
    });
  });

  test('claims update role and teams at each sign-in', async () => {
    provider.users.set('fenna', {
      sub: 'fenna',
      claims: { preferred_username: 'fenna', roles: ['behandelaar'], groups: ['afval', 'klantcontact'] },
    });
    const again = await signInAt('fenna');
    expect(json((await session(again.agent)).text).user.teams).toEqual(['afval', 'klantcontact']);
    // One user for the same provider account, not a second one.
    expect((await s.store.accounts.userByName('fenna-2')) ?? null).toBeNull();
  });

  test('a team in the claim that the list of teams lacks is added to it (logged), and works at once', async () => {
    expect(await s.store.teams.get('parkeren')).toBeUndefined();
    provider.users.set('fenna', {
      sub: 'fenna',
      claims: { preferred_username: 'fenna', roles: ['behandelaar'], groups: ['parkeren', 'klantcontact'] },
    });
    const logged: string[] = [];
    const info = vi.spyOn(console, 'info').mockImplementation((line: string) => void logged.push(line));
    try {
      const again = await signInAt('fenna');
      expect(json((await session(again.agent)).text).user.teams).toEqual(['parkeren', 'klantcontact']);
    } finally {
      info.mockRestore();
    }
    expect(await s.store.teams.get('parkeren')).toMatchObject({ id: 'parkeren', name: 'parkeren' });
    expect(logged).toEqual(["staff sign-in: added team 'parkeren' from the provider's teams claim (fenna)"]);
    const teams = expectStatus(await s.api('GET', '/api/teams', { as: 'admin' }), 200);
    expect(teams.find((t: { id: string }) => t.id === 'parkeren')).toEqual({
      id: 'parkeren',
      name: 'parkeren',
      members: 1,
    });
  });

  test('no roles claim: the role and teams an admin mapped in Omslag (PUT /api/users/:name) hold', async () => {
    const before = await signInAt('gerrit');
    expect(before.callback.location).toBe(`${s.base}/werkplek/?inloggen=geen-rol`);
    expect(staffCookie(before.agent)).toBeUndefined();

    const mapped = await s.api('PUT', '/api/users/gerrit', {
      as: 'admin',
      body: { role: 'official', teams: ['belastingen'] },
    });
    expect(expectStatus(mapped, 201)).toEqual({
      name: 'gerrit',
      role: 'official',
      teams: ['belastingen'],
      email: null,
    });
    // Only an admin maps.
    expect(
      (await s.api('PUT', '/api/users/gerrit', { as: 'official', body: { role: 'admin', teams: [] } })).status,
    ).toBe(403);

    const after = await signInAt('gerrit');
    expect(after.callback.location).toBe(`${s.base}/werkplek/`);
    expect(json((await session(after.agent)).text).user).toEqual({
      name: 'gerrit',
      role: 'official',
      teams: ['belastingen'],
    });
    // Linked at that first sign-in; a later mapping holds at the next one.
    expect(await s.store.accounts.userBySubject(`${provider.issuer}|gerrit`)).toMatchObject({ name: 'gerrit' });
    expect(
      expectStatus(
        await s.api('PUT', '/api/users/gerrit', { as: 'admin', body: { role: 'designer', teams: [] } }),
        200,
      ),
    ).toEqual({ name: 'gerrit', role: 'designer', teams: [], email: null });
    const third = await signInAt('gerrit');
    expect(json((await session(third.agent)).text).user.role).toBe('designer');
  });

  test('a local user with a password is never taken over by a provider account of the same name', async () => {
    provider.users.set('olaf', { sub: 'olaf', claims: { preferred_username: 'olaf', roles: ['behandelaar'] } });
    await s.store.accounts.setPassword((await s.store.accounts.userByName('olaf'))!.id, 'een lang wachtwoord');
    const { agent } = await signInAt('olaf');
    const user = json((await session(agent)).text).user;
    expect(user.name).toBe('olaf-2');
    expect(await s.store.accounts.userByName('olaf')).toMatchObject({ teams: ['belastingen', 'klantcontact'] });
  });

  test('no role at all is refused: no session, no user; a roles claim that maps to nothing too', async () => {
    for (const login of ['nora', 'piet']) {
      const users = await s.store.accounts.countUsers();
      const { agent, callback } = await signInAt(login);
      expect(callback.status).toBe(303);
      expect(callback.location).toBe(`${s.base}/werkplek/?inloggen=geen-rol`);
      expect(staffCookie(agent)).toBeUndefined();
      expect((await session(agent)).status).toBe(401);
      expect(await s.store.accounts.countUsers()).toBe(users);
    }
  });

  test('a wrong state is refused; so is a replayed callback, one without the flow cookie, and a provider error', async () => {
    const { agent, callbackUrl } = await (async () => {
      const agent = webAgent();
      const start = await agent.get(`${s.base}/api/session/oidc`);
      const loginPage = await agent.follow(start);
      const f = agent.form(loginPage.page);
      let hop = await agent.post(f.action, { ...f.fields, login: 'fenna' });
      while (hop.location && !hop.location.startsWith(`${s.base}/api/session/oidc/callback`))
        hop = await agent.get(hop.location);
      return { agent, callbackUrl: hop.location! };
    })();
    const wrong = new URL(callbackUrl);
    wrong.searchParams.set('state', 'een-andere-state');
    const refused = await agent.get(wrong.toString());
    expect(refused.status).toBe(303);
    expect(refused.location).toBe(`${s.base}/werkplek/?inloggen=mislukt`);
    expect(staffCookie(agent)).toBeUndefined();
    // The flow is used up: the right URL afterwards is refused too.
    const replay = await agent.get(callbackUrl);
    expect(replay.location).toBe(`${s.base}/werkplek/?inloggen=mislukt`);
    expect(staffCookie(agent)).toBeUndefined();

    // A callback from another browser (no flow cookie).
    const ok = await signInAt('fenna');
    const stranger = webAgent();
    expect((await stranger.get(ok.callbackUrl)).location).toBe(`${s.base}/werkplek/?inloggen=mislukt`);

    // The provider says no.
    const denied = webAgent();
    await denied.get(`${s.base}/api/session/oidc?terug=/ontwerp/`);
    const error = await denied.get(`${s.base}/api/session/oidc/callback?error=access_denied&state=x`);
    expect(error.status).toBe(303);
    expect(error.location).toBe(`${s.base}/ontwerp/?inloggen=mislukt`);
    expect(staffCookie(denied)).toBeUndefined();
  });

  test('terug goes only to the browser apps', async () => {
    for (const terug of ['https://elders.example/', '//elders.example/werkplek', '/werkplek/../inloggen', '/zaken']) {
      const { callback } = await signInAt('fenna', terug);
      expect(callback.location).toBe(`${s.base}/werkplek/`);
    }
  });

  test('sign-out returns the provider end-session address; following it ends the provider session', async () => {
    const { agent } = await signInAt('fenna');
    const { csrf } = json((await session(agent)).text);
    const cookie = `omslag_werk=${staffCookie(agent)}`;
    const out = await fetch(`${s.base}/api/session/end?terug=/ontwerp/`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(200);
    const { endSessionUrl } = await out.json();
    expect(endSessionUrl).toMatch(new RegExp(`^${provider.issuer}/`));
    expect(new URL(endSessionUrl).searchParams.get('post_logout_redirect_uri')).toBe(`${s.base}/ontwerp/`);
    expect(new URL(endSessionUrl).searchParams.get('id_token_hint')).toBeTruthy();
    // Signed out here at once.
    expect((await fetch(`${s.base}/api/session`, { headers: { cookie } })).status).toBe(401);

    const before = provider.logouts();
    const confirm = await agent.open(endSessionUrl);
    const end = await agent.submit(confirm.page, { logout: 'yes' });
    expect(end.hops.some((h) => h.url === `${s.base}/ontwerp/`)).toBe(true);
    expect(provider.logouts()).toBe(before + 1);
    // Signing in again asks for the provider's login page: its session is gone.
    const again = await agent.open(`${s.base}/api/session/oidc`);
    expect(again.page.text).toContain('Inloggen bij de testprovider');
  });

  test('sign-out of a password session gives no end-session address', async () => {
    const signIn = await s.api('POST', '/api/session', { body: { name: 'olaf', password: 'een lang wachtwoord' } });
    const { csrf } = expectStatus(signIn, 200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    expect(
      expectStatus(await s.api('POST', '/api/session/end', { headers: { cookie, 'x-csrf-token': csrf } }), 200),
    ).toEqual({ endSessionUrl: null });
  });
});

describe('the staff provider cannot be reached', () => {
  test('starting a sign-in sends the browser back to the sign-in page with a reason, not a 5xx', async () => {
    const port = await freePort();
    const dead = await startTestServer({
      auth: readAuthSettings({
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        STAFF_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
        STAFF_OIDC_CLIENT_ID: 'omslag-werk',
      }),
      port,
    });
    try {
      const res = await fetch(`${dead.base}/api/session/oidc?terug=/ontwerp/`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/ontwerp/?inloggen=onbereikbaar');
    } finally {
      await dead.close();
    }
  });
});

/**
 * A real OpenID Connect provider for the tests: the `oidc-provider` package
 * (the certified Node.js implementation) as its own HTTP server on a free
 * local port, with test users, the authorization code flow with PKCE, `acr`
 * values for the levels of DigiD and eHerkenning, and RP-initiated logout.
 * It stands in for a DigiD/eHerkenning broker and for an organisation's own
 * provider (staff): each test names its clients and users.
 *
 * The login page is the provider's own (plain HTML, no script): a user name
 * and a level to sign in at. Consent is skipped (first-party clients), as a
 * broker does. Nothing here is Omslag's code.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** DigiD's levels as the brokers send them in `acr`, and eHerkenning's. */
export const ACR = {
  basis: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  midden: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
  substantieel: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
  hoog: 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
  eh3: 'urn:etoegang:core:assurance-class:loa3',
} as const;

export type TestClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

/** A test user: `sub` is what is typed on the login page; `claims` go into the ID token. */
export type TestUser = { sub: string; claims: Record<string, unknown> };

export type TestProvider = {
  issuer: string;
  /** Users may be added while it runs. */
  users: Map<string, TestUser>;
  /** How many sessions were ended at the provider (RP-initiated logout). */
  logouts(): number;
  /** How many sign-ins finished at the login page. */
  logins(): number;
  close(): Promise<void>;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/**
 * Starts the provider on 127.0.0.1 and a free port. `clients` are the relying
 * parties (Omslag's citizen and staff sign-ins); `users` the accounts.
 */
export async function startTestProvider(opts: { clients: TestClient[]; users: TestUser[] }): Promise<TestProvider> {
  const users = new Map(opts.users.map((u) => [u.sub, u]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
  let logouts = 0;
  let logins = 0;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Every claim a user has is released with `openid`: the tests decide which claims exist.
  const claimNames = [
    'sub',
    'bsn',
    'kvk',
    'company_name',
    'represents',
    'name',
    'given_name',
    'middle_name',
    'family_name',
    'address',
    'preferred_username',
    'roles',
    'groups',
    'email',
  ];
  const configuration: Configuration = {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: claimNames },
    conformIdTokenClaims: false,
    acrValues: Object.values(ACR),
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // Plain HTML, no script: a test posts it as a browser would.
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="nl"><head><title>Uitloggen</title></head><body><h1>Uitloggen bij de testprovider</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen</button></body></html>`;
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body =
            '<!doctype html><html lang="nl"><head><title>Uitgelogd</title></head><body><h1>U bent uitgelogd bij de testprovider</h1></body></html>';
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...user.claims }) };
    },
    // First-party clients: no consent screen, every scope and claim asked for is granted.
    async loadExistingGrant(ctx) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) {
        const found = await ctx.oidc.provider.Grant.find(existing);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      grant.addOIDCClaims(claimNames);
      await grant.save();
      return grant;
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60 },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('end_session.success', () => logouts++);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      const asked = String(details.params.acr_values ?? '').split(' ')[0];
      const options = Object.entries(ACR)
        .map(([k, v]) => `<option value="${esc(v)}"${v === asked ? ' selected' : ''}>${k}</option>`)
        .join('');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="nl"><head><title>Inloggen bij de testprovider</title></head><body>
<h1>Inloggen bij de testprovider</h1>
<form method="post" action="/interaction/${esc(details.uid)}">
<label for="login">Gebruikersnaam</label><input id="login" name="login" autocomplete="off">
<label for="acr">Niveau</label><select id="acr" name="acr">${options}</select>
<button type="submit">Inloggen</button></form></body></html>`);
      return;
    }
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    if (!users.has(login)) {
      res.statusCode = 401;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><html lang="nl"><head><title>Onbekend</title></head><body><p>Onbekende gebruiker</p></body></html>',
      );
      return;
    }
    logins++;
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login, acr: form.get('acr') ?? ACR.basis } },
      { mergeWithLastSubmission: false },
    );
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/'))
      interaction(req, res).catch((error: unknown) => {
        res.statusCode = 400;
        res.end(String((error as Error).message));
      });
    else void callback(req, res);
  });

  return {
    issuer,
    users,
    logouts: () => logouts,
    logins: () => logins,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free local port (for a server whose address a provider must know before it starts). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

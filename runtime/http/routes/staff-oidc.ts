import {
  devAuthSettings,
  oidcClient,
  readCookie,
  readStaffClaims,
  signInStaff,
  staffSessions,
  type AuthSettings,
} from '../../auth/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

/** The cookie that binds a sign-in under way to this browser (its value is the key of a signin_flows row). */
export const STAFF_FLOW_COOKIE = 'omslag_werk_aanmelding';
const FLOW_PATH = '/api/session/oidc';
/** How long a sign-in at the provider may take. */
const FLOW_TTL_MS = 10 * 60_000;

/**
 * Where a sign-in may return to: a path of the browser apps (/werkplek…,
 * /ontwerp…), never another site. Anything else: the workspace.
 */
export function staffReturnPath(raw: string | undefined): string {
  if (
    raw &&
    raw.length <= 500 &&
    /^\/(werkplek|ontwerp)(?:[/?#]|$)/.test(raw) &&
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[\\\u0000-\u001f]|\/\/|\/\.\.?(?:[/?#]|$)/.test(raw)
  )
    return raw;
  return '/werkplek/';
}

/** The first page of the app a path belongs to. */
export const staffAppOf = (path: string) => (path.startsWith('/ontwerp') ? '/ontwerp/' : '/werkplek/');

/** Why a sign-in at the provider did not make a session, as the app's sign-in page reads it (`?inloggen=`). */
export type StaffSignInProblem = 'mislukt' | 'geen-rol' | 'onbereikbaar';
const problemAt = (returnTo: string, problem: StaffSignInProblem) => `${staffAppOf(returnTo)}?inloggen=${problem}`;

/** The staff provider's client (discovery kept), or undefined when none is configured. */
export function staffOidcClient(auth: AuthSettings) {
  return auth.staff && oidcClient(auth.staff, { allowHttp: !auth.production });
}
export type StaffOidcClient = NonNullable<ReturnType<typeof staffOidcClient>>;

/**
 * Staff sign-in at the organisation's own OpenID Connect provider: the code
 * flow with PKCE, state and nonce (runtime/auth/oidc.ts), the flow kept in
 * the store under a random id in an HttpOnly SameSite=Lax cookie limited to
 * these two paths. Every failure ends at the app's sign-in page with a reason
 * (`?inloggen=…`), never a 5xx and never a session.
 */
export function staffOidcRoutes(
  { store, clock }: Services,
  opts: { secureCookies?: boolean; auth?: AuthSettings; client?: StaffOidcClient },
): RouteDef[] {
  const auth = opts.auth ?? devAuthSettings();
  const client = opts.client;
  const sessions = staffSessions(store, clock, opts);
  const redirectUri = `${auth.publicUrl}/api/session/oidc/callback`;
  return [
    defineRoute({
      method: 'get',
      path: '/api/session/oidc',
      tag: 'session',
      roles: 'public',
      errors: [404],
      success: 303,
      operationId: 'beginStaffSignIn',
      headers: {
        Location: "the provider's sign-in page (or the app's sign-in page with ?inloggen=onbereikbaar)",
        'Set-Cookie': `${STAFF_FLOW_COOKIE}: the sign-in under way (HttpOnly, SameSite=Lax, path ${FLOW_PATH})`,
      },
      query: { terug: 'where to go after signing in: a path under /werkplek or /ontwerp (default /werkplek/)' },
      summary:
        "Staff sign-in at the organisation's provider (a browser navigation): redirects there; 404 when no staff provider is configured",
      handler: async ({ res, query }) => {
        if (!client) throw new HttpError(404, 'not-found', 'notFound');
        const returnTo = staffReturnPath(query.terug);
        let begun: Awaited<ReturnType<StaffOidcClient['begin']>>;
        try {
          begun = await client.begin(redirectUri);
        } catch {
          return { redirect: problemAt(returnTo, 'onbereikbaar'), body: null };
        }
        const id = await store.signinFlows.begin(
          { kind: 'staff', ...begun.pending, returnTo, level: null },
          clock.now(),
          FLOW_TTL_MS,
        );
        res.cookie(STAFF_FLOW_COOKIE, id, {
          httpOnly: true,
          sameSite: 'lax',
          secure: !!opts.secureCookies,
          path: FLOW_PATH,
          maxAge: FLOW_TTL_MS,
        });
        return { redirect: begun.url.toString(), body: null };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/session/oidc/callback',
      tag: 'session',
      roles: 'public',
      errors: [],
      success: 303,
      operationId: 'finishStaffSignIn',
      headers: {
        Location:
          'the page the sign-in began for; or the app with ?inloggen=mislukt (wrong state or nonce, a provider error, no sign-in under way) or ?inloggen=geen-rol (no role in Omslag)',
        'Set-Cookie': 'the session cookie (omslag_werk; HttpOnly, SameSite=Strict) when signed in',
      },
      query: { code: 'from the provider', state: 'from the provider', error: "the provider's refusal, if any" },
      summary:
        'Where the staff provider sends the browser back: checks state, nonce and PKCE, finds or makes the user (role and teams from the claims or as mapped in Omslag), starts a session and redirects',
      handler: async ({ req, res }) => {
        const id = readCookie(req, STAFF_FLOW_COOKIE);
        res.clearCookie(STAFF_FLOW_COOKIE, { path: FLOW_PATH });
        const flow = id && id.length <= 100 ? await store.signinFlows.take(id, clock.now()) : undefined;
        if (!flow || flow.kind !== 'staff' || !client || !auth.staff)
          return { redirect: problemAt('/werkplek/', 'mislukt'), body: null };
        const current = new URL(redirectUri);
        current.search = new URL(req.originalUrl, 'http://omslag.invalid').search;
        if (current.searchParams.has('error')) return { redirect: problemAt(flow.returnTo, 'mislukt'), body: null };
        let done: Awaited<ReturnType<StaffOidcClient['finish']>>;
        try {
          done = await client.finish(current, flow);
        } catch {
          return { redirect: problemAt(flow.returnTo, 'mislukt'), body: null };
        }
        const result = await signInStaff(store, readStaffClaims(auth.staff, done.claims), clock.now().toISOString());
        if ('refused' in result) return { redirect: problemAt(flow.returnTo, 'geen-rol'), body: null };
        // A team the provider names that Omslag did not know yet is added to the list of teams: logged, for the admin.
        for (const team of result.createdTeams ?? [])
          console.info(`staff sign-in: added team '${team}' from the provider's teams claim (${result.user.name})`);
        await sessions.signIn(req, res, result.user, { provider: 'staff-oidc', idToken: done.idToken });
        return { redirect: flow.returnTo, body: null };
      },
    }),
  ];
}

import { z } from 'zod';
import { capabilities, devAuthSettings, staffSessions, type AuthSettings } from '../../auth/index.js';
import { isDateOrInstant } from '../../model/index.js';
import { SECURITY_KINDS } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { createGuard, type Limits, type SignInAttempt } from '../rate-limit.js';
import {
  providersSchema,
  securityLogSchema,
  sessionSchema,
  signedInSchema,
  signedOutSchema,
} from '../schemas/session.js';
import { defineRoute, numberParam, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { staffAppOf, staffOidcClient, staffOidcRoutes, staffReturnPath } from './staff-oidc.js';

const KINDS: readonly string[] = SECURITY_KINDS;

/**
 * Sign-in for officials, designers and admins in the browser apps (a session
 * cookie plus a CSRF token): with a password (guarded against guessing) or at
 * the organisation's provider (./staff-oidc.ts); sign-out; the security log.
 */
export function sessionRoutes(
  services: Services,
  opts: { secureCookies?: boolean; limits?: Partial<Limits>; auth?: AuthSettings } = {},
): RouteDef[] {
  const { store, clock } = services;
  const auth = opts.auth ?? devAuthSettings();
  const client = staffOidcClient(auth);
  const userJson = (u: { name: string; role: string; teams: string[] }) => ({
    name: u.name,
    role: u.role,
    teams: u.teams,
  });
  const guard = createGuard({ store, clock }, opts.limits);
  const sessions = staffSessions(store, clock, opts);
  return [
    defineRoute({
      method: 'get',
      path: '/api/session/providers',
      tag: 'session',
      roles: 'public',
      errors: [],
      operationId: 'getSignInProviders',
      response: providersSchema,
      summary:
        "How staff can sign in here: at the organisation's provider (staff) besides a password; and whether sign-in is the development stand-in (devSignIn)",
      handler: () => ({ body: { staff: !!client, devSignIn: auth.devSignIn } }),
    }),
    ...staffOidcRoutes(services, { ...opts, auth, client }),
    defineRoute({
      method: 'post',
      path: '/api/session',
      tag: 'session',
      roles: 'public',
      errors: [400, 401, 413, 422, 429],
      operationId: 'signIn',
      response: signedInSchema,
      headers: { 'Set-Cookie': 'the session cookie (omslag_werk; HttpOnly, SameSite=Strict)' },
      summary:
        'Sign in with name and password: sets the session cookie, returns the user and the CSRF token for changes. Too many failed sign-ins answer 429 with Retry-After',
      body: z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
      handler: () => {
        throw new HttpError(500, 'internal', 'signedInByStream');
      },
      // Asynchronous: scrypt runs on the thread pool, so a flood of sign-ins does not stall other requests.
      stream: async ({ req, res, body }) => {
        const attempt: SignInAttempt = await guard.beginSignIn(req, res, body.name);
        const user = await store.accounts.checkPassword(body.name, body.password);
        if (!user) return attempt.failed();
        await attempt.succeeded();
        const row = await sessions.signIn(req, res, user, { provider: 'password' }); // a new id at sign-in, no fixation
        return { body: { user: userJson(user), csrf: row.csrf, can: capabilities({ kind: 'user', ...user }) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/session',
      tag: 'session',
      roles: ['official', 'designer', 'admin'],
      errors: [401, 403],
      operationId: 'getSession',
      response: sessionSchema,
      summary: 'The signed-in user and the CSRF token (send it as X-CSRF-Token with every change)',
      // `can`: what the browser apps may offer, by runtime/auth's policies (the designer asks `can.design`).
      handler: ({ req, principal }) => ({
        body: {
          user: principal.kind === 'user' ? userJson(principal) : null,
          csrf: req.staffSession?.csrf ?? null,
          can: capabilities(principal),
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/session/end',
      tag: 'session',
      roles: ['official', 'designer', 'admin'],
      errors: [401, 403],
      operationId: 'signOut',
      response: signedOutSchema,
      query: {
        terug: 'the app to come back to after signing out at the provider: /werkplek (default) or /ontwerp',
      },
      summary:
        "Sign out: ends the session. When it came from the organisation's provider, `endSessionUrl` is where the browser goes next to end it there too",
      handler: async ({ req, res, query }) => {
        const session = req.staffSession;
        let endSessionUrl: string | null = null;
        if (client && auth.publicUrl && session?.provider === 'staff-oidc') {
          const back = `${auth.publicUrl}${staffAppOf(staffReturnPath(query.terug))}`;
          // The provider cannot be reached: signed out here all the same.
          endSessionUrl = (await client.logoutUrl(session.idToken, back).catch(() => undefined))?.toString() ?? null;
        }
        await sessions.signOut(req, res);
        return { body: { endSessionUrl } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/security-log',
      tag: 'session',
      roles: ['admin'],
      errors: [401, 403, 422],
      operationId: 'listSecurityLog',
      response: securityLogSchema,
      summary:
        'The security log, newest first: failed sign-ins, locks, sign-ins refused during a lock, rate-limit hits',
      query: {
        kind: KINDS.join(' | '),
        since: 'only entries from this moment on (ISO 8601)',
        limit: 'at most this many entries (1–1000, default 100)',
      },
      handler: async ({ query }) => {
        const details: Record<string, string[]> = {};
        if (query.kind !== undefined && !KINDS.includes(query.kind)) details.kind = [`one of ${KINDS.join(', ')}`];
        // The same readings as every other route: a real date or instant, a finite whole number in range.
        if (query.since !== undefined && !isDateOrInstant(query.since))
          details.since = ['a moment in ISO 8601, like 2026-03-02T09:00:00Z'];
        const since = query.since !== undefined && !details.since ? new Date(query.since) : undefined;
        let limit = 100;
        try {
          limit = numberParam(query.limit, 'limit', { min: 1, max: 1000, integer: true }) ?? 100;
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
          Object.assign(details, e.details);
        }
        if (Object.keys(details).length) throw new HttpError(422, 'invalid-request', 'queryNeedsCorrecting', details);
        return {
          body: { entries: await store.security.list({ kind: query.kind, since: since?.toISOString(), limit }) },
        };
      },
    }),
  ];
}

import { z } from 'zod';
import { STAFF_COOKIE } from '../auth.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

const TTL_MS = 10 * 60 * 60 * 1000; // a working day

/** Sign-in for officials, designers and admins in the browser apps: a session cookie plus a CSRF token. */
export function sessionRoutes({ store, clock }: Services, opts: { secureCookies?: boolean } = {}): RouteDef[] {
  const userJson = (u: { name: string; role: string; teams: string[] }) => ({ name: u.name, role: u.role, teams: u.teams });
  return [
    defineRoute({
      method: 'post', path: '/api/session', tag: 'session', roles: 'public', errors: [400, 401, 413, 422],
      summary: 'Sign in with name and password: sets the session cookie, returns the user and the CSRF token for changes',
      body: z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
      handler: ({ req, res, body }) => {
        const user = store.accounts.checkPassword(body.name, body.password);
        if (!user) throw new HttpError(401, 'invalid-credentials', 'name or password is not right');
        if (req.staffSession) store.sessions.delete(req.staffSession.idHash); // a new id at sign-in, no fixation
        const { id, row } = store.sessions.create(null, 'nl', clock.now(), TTL_MS, user.id);
        res.cookie(STAFF_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: !!opts.secureCookies, path: '/', maxAge: TTL_MS });
        return { body: { user: userJson(user), csrf: row.csrf } };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/session', tag: 'session', roles: ['official', 'designer', 'admin'], errors: [401, 403],
      summary: 'The signed-in user and the CSRF token (send it as X-CSRF-Token with every change)',
      handler: ({ req, principal }) => ({ body: { user: principal.kind === 'user' ? userJson(principal) : null, csrf: req.staffSession?.csrf ?? null } }),
    }),
    defineRoute({
      method: 'post', path: '/api/session/end', tag: 'session', roles: ['official', 'designer', 'admin'], errors: [401, 403], success: 204,
      summary: 'Sign out: ends the session',
      handler: ({ req, res }) => {
        if (req.staffSession) store.sessions.delete(req.staffSession.idHash);
        res.clearCookie(STAFF_COOKIE, { path: '/' });
        return { status: 204, body: null };
      },
    }),
  ];
}

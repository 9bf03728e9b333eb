import type { Request, Response } from 'express';
import type { Clock } from '../engine/index.js';
import type { SessionRow, Store, User } from '../store/index.js';
import { cookieOptions, readCookie, STAFF_COOKIE } from './cookies.js';

/** A workspace session lasts a working day from sign-in. */
export const STAFF_SESSION_TTL_MS = 10 * 60 * 60 * 1000;

/** The signed-in official, designer or admin of the workspace cookie, with their session; undefined without one. */
export async function staffSignedIn(
  store: Store,
  clock: Clock,
  req: Request,
): Promise<{ session: SessionRow; user: User } | undefined> {
  const id = readCookie(req, STAFF_COOKIE);
  const session = id ? await store.sessions.get(id, clock.now()) : undefined;
  const user = session?.userId ? await store.accounts.userById(session.userId) : undefined;
  return session && user ? { session, user } : undefined;
}

/**
 * Sessions of the browser apps (workspace, designer): a stored row whose id
 * is the cookie (SameSite=Strict) and whose CSRF token every change repeats in
 * the X-CSRF-Token header (checked by the API's route table).
 */
export function staffSessions(store: Store, clock: Clock, opts: { secureCookies?: boolean } = {}) {
  return {
    /**
     * Signs in a user whose password (or provider sign-in) was checked: a new
     * row and id (no fixation); the old session ends. `extra`: how (provider
     * 'password' or 'staff-oidc') and the provider's ID token, for sign-out there.
     */
    async signIn(
      req: Request,
      res: Response,
      user: User,
      extra: { provider: 'password' | 'staff-oidc'; idToken?: string } = { provider: 'password' },
    ): Promise<SessionRow> {
      if (req.staffSession) await store.sessions.delete(req.staffSession.idHash);
      const { id, row } = await store.sessions.create(null, 'nl', clock.now(), STAFF_SESSION_TTL_MS, user.id, {
        provider: extra.provider,
        idToken: extra.idToken ?? null,
      });
      res.cookie(STAFF_COOKIE, id, cookieOptions('strict', !!opts.secureCookies, STAFF_SESSION_TTL_MS));
      return row;
    },
    /** Ends the session of this request, and its cookie. */
    async signOut(req: Request, res: Response): Promise<void> {
      if (req.staffSession) await store.sessions.delete(req.staffSession.idHash);
      res.clearCookie(STAFF_COOKIE, { path: '/' });
    },
  };
}

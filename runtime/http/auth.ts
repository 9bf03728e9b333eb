import type { Request, RequestHandler } from 'express';
import type { Clock } from '../engine/index.js';
import type { Principal, SessionRow, Store } from '../store/index.js';
import type { Guard } from './rate-limit.js';

/** The workspace's session cookie (officials, designers, admins). */
export const STAFF_COOKIE = 'omslag_werk';

export type Role = 'designer' | 'official' | 'admin' | 'citizen';
export const roleOf = (p: Principal): Role => (p.kind === 'citizen' ? 'citizen' : p.role);

/** The audit trail's name for who acted. */
export const actorOf = (p: Principal): string => (p.kind === 'citizen' ? 'citizen' : `user:${p.name}`);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      /** Set when the principal came from the session cookie: changes then need the CSRF header. */
      staffSession?: SessionRow;
    }
  }
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try { return decodeURIComponent(v.join('=')); } catch { return undefined; }
    }
  }
  return undefined;
}

/**
 * Reads `Authorization: Bearer <token>` and looks up its hash; without one,
 * the workspace session cookie. Routes decide what a missing or wrong
 * principal means (401/403/404). An unknown token is reported to `guard`,
 * which answers 429 once an address sends too many (a flood of guesses).
 */
export function bearerAuth(store: Store, clock: Clock, guard?: Pick<Guard, 'tokenFailed'>): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const match = header && /^Bearer\s+(\S+)$/i.exec(header);
    if (match) {
      req.principal = store.accounts.principalForToken(match[1]);
      if (!req.principal) guard?.tokenFailed(req, res);
    } else {
      const id = readCookie(req, STAFF_COOKIE);
      const session = id ? store.sessions.get(id, clock.now()) : undefined;
      const user = session?.userId ? store.accounts.userById(session.userId) : undefined;
      if (session && user) {
        req.principal = { kind: 'user', ...user };
        req.staffSession = session;
      }
    }
    next();
  };
}

export const principalOf = (req: Request) => req.principal;

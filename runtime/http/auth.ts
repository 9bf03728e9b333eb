import type { Request, RequestHandler } from 'express';
import type { Principal, Store } from '../store/index.js';

export type Role = 'designer' | 'official' | 'admin' | 'citizen';
export const roleOf = (p: Principal): Role => (p.kind === 'citizen' ? 'citizen' : p.role);

/** The audit trail's name for who acted. */
export const actorOf = (p: Principal): string => (p.kind === 'citizen' ? 'citizen' : `user:${p.name}`);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

/**
 * Reads `Authorization: Bearer <token>` and looks up its hash. Routes decide
 * what a missing or wrong principal means (401/403/404).
 */
export function bearerAuth(store: Store): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    const match = header && /^Bearer\s+(\S+)$/i.exec(header);
    if (match) req.principal = store.accounts.principalForToken(match[1]);
    next();
  };
}

export const principalOf = (req: Request) => req.principal;
